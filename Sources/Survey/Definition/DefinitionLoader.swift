import Foundation
import Yams

/// Loads `screens/` into a validated `Questionnaire`, or reports every problem with file and line.
public enum DefinitionLoader {
    /// Loads the definition folder; throws all problems found, sorted by file and line.
    public static func load(directory: URL) throws(DefinitionErrors) -> Questionnaire {
        var builder = Builder(directory: directory)
        let result = builder.build()
        let problems = builder.problems.sorted {
            ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column)
        }
        guard problems.isEmpty, let result else { throw DefinitionErrors(problems: problems) }
        return result
    }
}

/// The raw, still unresolved text of one question, kept until every id is known.
private struct PendingQuestion {
    var question: Question
    var reader: YAMLReader
    var node: [String: Node]
}

private struct PendingCheck {
    var id: String
    var test: Node
    var at: Node?
    var severity: Severity
    var message: Localized
    var reader: YAMLReader
    var section: Int
}

private struct Builder {
    let directory: URL
    var problems: [DefinitionProblem] = []
    var readers: [YAMLReader] = []

    init(directory: URL) { self.directory = directory }

    mutating func read(_ name: String) -> (YAMLReader, Node?) {
        let reader = YAMLReader(file: name)
        readers.append(reader)
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            reader.problem(nil, "cannot read the file (is it missing?)")
            return (reader, nil)
        }
        return (reader, reader.parse(data))
    }

    mutating func build() -> Questionnaire? {
        defer { problems += readers.flatMap(\.problems) }
        let (qr, qnode) = read("questionnaire.yaml")
        guard let top = qr.mapping(qnode, allowed: ["id", "version", "title", "rosters", "sections", "codelists", "standards", "roles"],
                                   required: ["id", "version", "title", "sections"], what: "the questionnaire") else { return nil }
        let formID = qr.string(top["id"], what: "id") ?? ""
        let version = qr.string(top["version"], what: "version") ?? ""
        let title = qr.localized(top["title"], what: "title") ?? Localized(zh: "", en: "")

        let codeLists = loadCodeLists(top["codelists"].flatMap { qr.string($0, what: "codelists") } ?? "codelists.yaml")

        // Rosters.
        var rosters: [Roster] = []
        var rosterIndex: [String: Int] = [:]
        var rowLabelNames: [Int: Node] = [:]
        for node in qr.sequence(top["rosters"], what: "rosters") {
            guard let m = qr.mapping(node, allowed: ["id", "label", "row_label", "min", "max"], required: ["id", "label"], what: "a roster"),
                  let id = qr.string(m["id"], what: "roster id") else { continue }
            if rosterIndex[id] != nil { qr.problem(m["id"], "duplicate roster id '\(id)'"); continue }
            if let meaning = ReservedWords.meaning(of: id) { qr.problem(m["id"], "roster id '\(id)' is \(meaning)") }
            let r = Roster(index: rosters.count, id: id, label: qr.localized(m["label"], what: "label") ?? Localized(zh: id, en: id),
                           rowLabelField: nil, min: m["min"].flatMap { qr.int($0, what: "min") } ?? 0,
                           max: m["max"].flatMap { qr.int($0, what: "max") } ?? 200)
            if let rl = m["row_label"] { rowLabelNames[r.index] = rl }
            rosterIndex[id] = r.index
            rosters.append(r)
        }

        // Sections and questions.
        var sections: [Section] = []
        var pending: [PendingQuestion] = []
        var pendingChecks: [PendingCheck] = []
        var firstSeen: [String: SourceLocation] = [:]
        var sectionIDs: [String: SourceLocation] = [:]
        var sectionRelevantNodes: [(section: Int, reader: YAMLReader, node: Node)] = []
        let sectionFiles = qr.sequence(top["sections"], what: "sections")
        for fileNode in sectionFiles {
            guard let file = qr.string(fileNode, what: "a section file name") else { continue }
            let (sr, snode) = read(file)
            guard let s = sr.mapping(snode, allowed: ["id", "title", "roster", "relevant", "questions", "checks"],
                                     required: ["id", "title", "questions"], what: "a section") else { continue }
            let sid = sr.string(s["id"], what: "section id") ?? file
            if let first = sectionIDs[sid] { sr.problem(s["id"], "duplicate section id '\(sid)' (first defined at \(first))") }
            sectionIDs[sid] = sr.location(s["id"])
            var roster: Int?
            if let rnode = s["roster"], let rname = sr.string(rnode, what: "roster") {
                roster = rosterIndex[rname]
                if roster == nil { sr.problem(rnode, "unknown roster '\(rname)' (declare it under 'rosters' in questionnaire.yaml)") }
            }
            let sectionIndex = sections.count
            if let rel = s["relevant"] { sectionRelevantNodes.append((sectionIndex, sr, rel)) }
            var section = Section(index: sectionIndex, id: sid, title: sr.localized(s["title"], what: "title") ?? Localized(zh: sid, en: sid),
                                  roster: roster, questions: [], file: file)
            for qnode in sr.sequence(s["questions"], what: "questions") {
                guard let q = sr.mapping(qnode, allowed: ["id", "label", "hint", "type", "unit", "codes", "required", "relevant",
                                                          "calculate", "constraints", "min", "max", "max_length"],
                                         required: ["id", "label", "type"], what: "a question"),
                      let qid = sr.string(q["id"], what: "question id") else { continue }
                if let first = firstSeen[qid] {
                    sr.problem(q["id"], "duplicate id '\(qid)' (first defined at \(first))")
                    continue
                }
                if !ReservedWords.isSnakeCase(qid) {
                    sr.problem(q["id"], "question id '\(qid)' must be lower-case letters, digits and '_', starting with a letter")
                } else if let meaning = ReservedWords.meaning(of: qid) {
                    // `sum` as a field would be accepted, then every `sum(…)` would still call the function.
                    sr.problem(q["id"], "question id '\(qid)' is \(meaning)")
                } else if rosterIndex[qid] != nil {
                    sr.problem(q["id"], "question id '\(qid)' is the id of a roster")
                }
                firstSeen[qid] = sr.location(q["id"])
                var type = FieldType.text
                if let tname = sr.string(q["type"], what: "type") {
                    if let t = FieldType(rawValue: tname) { type = t } else {
                        sr.problem(q["type"], "unknown type '\(tname)' (expected one of: \(FieldType.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                }
                var list: CodeList?
                if type == .code || type == .codes {
                    if let lname = sr.string(q["codes"], what: "codes") {
                        list = codeLists[lname]
                        if list == nil { sr.problem(q["codes"], "unknown code list '\(lname)' (not in codelists.yaml)") }
                    } else if q["codes"] == nil {
                        sr.problem(qnode, "question '\(qid)' of type \(type.rawValue) needs 'codes: LIST'")
                    }
                } else if let c = q["codes"] {
                    sr.problem(c, "'codes' only applies to questions of type code or codes")
                }
                var question = Question(index: pending.count, id: qid, label: sr.localized(q["label"], what: "label") ?? Localized(zh: qid, en: qid),
                                        hint: q["hint"].flatMap { sr.localized($0, what: "hint") }, type: type,
                                        unit: q["unit"].flatMap { sr.localized($0, what: "unit") }, codeList: list,
                                        required: q["required"].flatMap { sr.bool($0, what: "required") } ?? true,
                                        section: sectionIndex, roster: roster, relevant: nil, calculate: nil,
                                        location: sr.location(q["id"]))
                question.maxLength = maxLength(q["max_length"], type: type, sr)
                section.questions.append(question.index)
                pending.append(PendingQuestion(question: question, reader: sr, node: q))
            }
            for cnode in sr.sequence(s["checks"], what: "checks") {
                guard let c = sr.mapping(cnode, allowed: ["id", "test", "at", "severity", "message"],
                                         required: ["id", "test", "at", "severity", "message"], what: "a check"),
                      let id = sr.string(c["id"], what: "check id"), let test = c["test"],
                      let severity = severity(c["severity"], sr), let message = sr.localized(c["message"], what: "message") else { continue }
                pendingChecks.append(PendingCheck(id: id, test: test, at: c["at"], severity: severity, message: message, reader: sr, section: sectionIndex))
            }
            sections.append(section)
        }
        if sectionFiles.isEmpty { qr.problem(top["sections"], "the questionnaire has no sections") }

        // Resolve names now that every question is known.
        var fields: [String: ExpressionCompiler.FieldInfo] = [:]
        for p in pending {
            let q = p.question
            var type = q.type.valueType
            if q.type == .code { type = .code(q.codeList?.id) }
            if q.type == .codes { type = .codes(q.codeList?.id) }
            fields[q.id] = .init(index: q.index, roster: q.roster, type: type)
        }
        for (r, node) in rowLabelNames {
            let name = qr.string(node, what: "row_label") ?? ""
            if let f = fields[name], f.roster == r { rosters[r].rowLabelField = f.index } else {
                qr.problem(node, "row_label '\(name)' is not a question of roster '\(rosters[r].id)'")
            }
        }
        let roles = loadRoles(top["roles"], qr, questions: pending.map(\.question), fields: fields, rosters: rosters)
        let standards = loadStandards(top["standards"].flatMap { qr.string($0, what: "standards") } ?? "standards.yaml",
                                      fields: fields, rosters: rosterIndex, codeLists: codeLists)

        // A section's condition is compiled once (even with no questions) and joined to each question's.
        var sectionRelevant: [Int: CompiledExpression] = [:]
        for (index, r, node) in sectionRelevantNodes {
            guard let text = r.string(node, what: "relevant") else { continue }
            var c = ExpressionCompiler(fields: fields, rosters: rosterIndex, codeLists: codeLists, hostRoster: sections[index].roster, currentType: nil)
            do { sectionRelevant[index] = try c.compile(text, expecting: .bool) } catch {
                r.problem(at: r.location(of: node, offset: error.offset), "in '\(Self.excerpt(text))': \(error.message)")
            }
        }

        var questions = pending.map(\.question)
        var checks: [Check] = []
        for p in pending {
            var q = p.question
            let r = p.reader
            let selfType = fields[q.id]!.type
            func compiler(current: ValueType?) -> ExpressionCompiler {
                ExpressionCompiler(fields: fields, rosters: rosterIndex, codeLists: codeLists, hostRoster: q.roster, currentType: current)
            }
            func compile(_ node: Node?, expecting: ValueType?, current: ValueType? = nil) -> CompiledExpression? {
                guard let node else { return nil }
                guard let text = r.string(node, what: "an expression") else { return nil }
                var c = compiler(current: current)
                do { return try c.compile(text, expecting: expecting) } catch {
                    r.problem(at: r.location(of: node, offset: error.offset), "in '\(Self.excerpt(text))': \(error.message)")
                    return nil
                }
            }
            q.relevant = Self.both(sectionRelevant[q.section], compile(p.node["relevant"], expecting: .bool))
            // min/max and constraints on a calculated field check the computed value.
            q.calculate = compile(p.node["calculate"], expecting: selfType)
            for key in ["min", "max"] {
                guard let node = p.node[key] else { continue }
                guard q.type == .integer || q.type == .decimal else {
                    r.problem(node, "'\(key)' applies only to integer and decimal questions, not \(q.type.rawValue)"); continue
                }
                guard let bound = r.number(node, what: key) else { continue }
                let b = Value.format(bound)
                let test = key == "min" ? ". >= \(b)" : ". <= \(b)"
                var c = compiler(current: selfType)
                guard let compiled = try? c.compile(test, expecting: .bool) else { continue }
                let message = key == "min"
                    ? Phrase.cannotBeLessThan.localized(q.label, b)
                    : Phrase.cannotBeMoreThan.localized(q.label, b)
                checks.append(Check(index: checks.count, id: "\(q.id).\(key)", field: q.index, roster: q.roster, ownsValue: true,
                                    test: compiled, severity: .error, message: message, location: r.location(node)))
            }
            if q.type == .idNumber {
                var c = compiler(current: selfType)
                if let compiled = try? c.compile("id_valid(.)", expecting: .bool) {
                    checks.append(Check(index: checks.count, id: "\(q.id).id_number", field: q.index, roster: q.roster, ownsValue: true,
                                        test: compiled, severity: .error,
                                        message: Phrase.idNumberNotValid.localized(), location: q.location))
                }
            }
            for cnode in r.sequence(p.node["constraints"], what: "constraints") {
                guard let c = r.mapping(cnode, allowed: ["test", "severity", "message", "id"], required: ["test", "severity", "message"], what: "a constraint"),
                      let sev = severity(c["severity"], r), let message = r.localized(c["message"], what: "message"),
                      let test = compile(c["test"], expecting: .bool, current: selfType) else { continue }
                // Overrides are stored by check id, so an unnamed constraint is named by its test's text:
                // reordering constraints keeps saved reasons on the right check; editing a test drops them.
                let id = c["id"].flatMap { r.string($0, what: "id") } ?? "\(q.id).\(Self.stableHash(test.source))"
                checks.append(Check(index: checks.count, id: id, field: q.index, roster: q.roster, ownsValue: true,
                                    test: test, severity: sev, message: message, location: r.location(cnode)))
            }
            questions[q.index] = q
        }
        for pc in pendingChecks {
            let r = pc.reader
            guard let atName = r.string(pc.at, what: "at") else { continue }
            guard let at = fields[atName] else { r.problem(pc.at, "unknown field '\(atName)' in 'at'"); continue }
            guard let text = r.string(pc.test, what: "test") else { continue }
            var c = ExpressionCompiler(fields: fields, rosters: rosterIndex, codeLists: codeLists, hostRoster: nil, currentType: nil)
            do {
                let test = try c.compile(text, expecting: .bool)
                checks.append(Check(index: checks.count, id: pc.id, field: at.index, roster: nil, ownsValue: false, test: test,
                                    severity: pc.severity, message: pc.message, location: r.location(pc.test)))
            } catch {
                r.problem(at: r.location(of: pc.test, offset: error.offset), "in '\(Self.excerpt(text))': \(error.message)")
            }
        }
        var checkIDs: [String: SourceLocation] = [:]
        for c in checks {
            if let first = checkIDs[c.id] {
                let file = sections[questions[c.field].section].file
                readers.first { $0.file == file }?.problem(at: c.location, "duplicate check id '\(c.id)' (first at \(first)); give each check its own id")
            }
            checkIDs[c.id] = c.location
            questions[c.field].checks.append(c.index)
        }

        let graph: DependencyGraph
        switch DependencyGraph.build(questions: questions, checks: checks) {
        case .success(let g): graph = g
        case .failure(let cycle):
            let names = cycle.questions.map { questions[$0].id }
            let first = questions[cycle.questions[0]]
            let file = sections[first.section].file
            readers.first { $0.file == file }?.problem(at: first.location, "dependency cycle: \(names.joined(separator: " → ")) → \(names[0]) (a value cannot depend on itself)")
            return nil
        }
        guard let standards else { return nil }
        return Questionnaire(id: formID, version: version, title: title, sections: sections, questions: questions, rosters: rosters,
                             checks: checks, codeLists: codeLists, standards: standards, roles: roles, graph: graph)
    }

    /// An expression as quoted in a message: a long one is cut, so a problem stays one readable line.
    static func excerpt(_ text: String) -> String {
        text.count <= 80 ? text : text.prefix(77) + "…"
    }

    /// FNV-1a of the text, as 8 hex digits: the same on every machine and every run.
    static func stableHash(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    static func both(_ a: CompiledExpression?, _ b: CompiledExpression?) -> CompiledExpression? {
        guard let a else { return b }
        guard let b else { return a }
        return CompiledExpression(source: "(\(a.source)) and (\(b.source))", code: .and(a.code, b.code), type: .bool,
                                  directRefs: Array(Set(a.directRefs + b.directRefs)).sorted(),
                                  aggregateRefs: Array(Set(a.aggregateRefs + b.aggregateRefs)).sorted())
    }

    /// A question's `max_length`, or its type's default; only text and ID numbers take one.
    func maxLength(_ node: Node?, type: FieldType, _ r: YAMLReader) -> Int {
        let fallback = Question.defaultMaxLength(for: type)
        guard let node else { return fallback }
        guard type == .text || type == .idNumber else {
            r.problem(node, "'max_length' applies only to text and id_number questions, not \(type.rawValue)"); return fallback
        }
        guard let n = r.int(node, what: "max_length") else { return fallback }
        let least = type == .idNumber ? Question.defaultIDNumberMaxLength : 1
        guard (least...Question.maxLengthCap).contains(n) else {
            let why = type == .idNumber ? " (a resident ID has \(least) characters)" : ""
            r.problem(node, "max_length must be between \(least) and \(Question.maxLengthCap)\(why), found \(n)")
            return fallback
        }
        return n
    }

    func severity(_ node: Node?, _ r: YAMLReader) -> Severity? {
        guard let s = r.string(node, what: "severity") else { return nil }
        guard let sev = Severity(rawValue: s) else {
            r.problem(node, "unknown severity '\(s)' (expected error or warning)")
            return nil
        }
        return sev
    }

    mutating func loadCodeLists(_ file: String) -> [String: CodeList] {
        let (r, node) = read(file)
        guard let top = r.mapping(node, allowed: ["lists"], required: ["lists"], what: "the code lists"),
              let listsNode = top["lists"], case .mapping(let lists) = listsNode else {
            if node != nil { r.problem(node, "expected 'lists:' with one entry per code list") }
            return [:]
        }
        var out: [String: CodeList] = [:]
        for (k, v) in lists {
            guard let id = r.string(k, what: "a list id") else { continue }
            var items: [CodeItem] = []
            var seen: Set<Int> = []
            for itemNode in r.sequence(v, what: "the codes of '\(id)'") {
                guard let m = r.mapping(itemNode, allowed: ["code", "zh", "en"], required: ["code", "zh", "en"], what: "a code"),
                      let code = r.int(m["code"], what: "code"),
                      let zh = r.string(m["zh"], what: "zh"), let en = r.string(m["en"], what: "en") else { continue }
                if !seen.insert(code).inserted { r.problem(m["code"], "code \(code) appears twice in list '\(id)'"); continue }
                items.append(CodeItem(code: code, label: Localized(zh: zh, en: en)))
            }
            if items.isEmpty { r.problem(k, "code list '\(id)' has no codes") }
            out[id] = CodeList(id: id, items: items)
        }
        return out
    }

    /// The `roles:` of questionnaire.yaml: each names a question of the right type and level, and the
    /// head's code is one its relation question offers; a problem is reported where the role is written.
    func loadRoles(_ node: Node?, _ r: YAMLReader, questions: [Question], fields: [String: ExpressionCompiler.FieldInfo],
                   rosters: [Roster]) -> Roles {
        var roles = Roles()
        let keys = Roles.declared.map(\.key) + ["head"]
        guard let m = r.mapping(node, allowed: Set(keys), what: "the roles") else { return roles }
        /// The question a role names, when it exists and has the type the role needs.
        func question(_ node: Node?, role: String, type: FieldType) -> Question? {
            guard let name = r.string(node, what: "the question of role '\(role)'") else { return nil }
            guard let index = fields[name]?.index else { r.problem(node, "role '\(role)' names no question '\(name)'"); return nil }
            let q = questions[index]
            guard q.type == type else {
                r.problem(node, "role '\(role)' needs a \(type.rawValue) question, but '\(name)' is \(q.type.rawValue)"); return nil
            }
            return q
        }
        if let h = r.mapping(m["head"], allowed: ["relation", "code"], required: ["relation", "code"], what: "role 'head'"),
           let relation = question(h["relation"], role: "head.relation", type: .code), let code = r.int(h["code"], what: "the head's code") {
            if let roster = relation.roster {
                if relation.codeList?.contains(code) == false {
                    r.problem(h["code"], "role 'head': code \(code) is not in list '\(relation.codeList?.id ?? "")' of '\(relation.id)'")
                } else {
                    roles.head = Roles.Head(relation: relation.index, code: code, roster: roster)
                }
            } else {
                r.problem(h["relation"], "role 'head.relation' must be a question of a roster of people, but '\(relation.id)' is asked once per household")
            }
        }
        for role in Roles.declared {
            guard let valueNode = m[role.key], let q = question(valueNode, role: role.key, type: role.type) else { continue }
            if !role.perMember, q.roster != nil {
                r.problem(valueNode, "role '\(role.key)' must be a household question, but '\(q.id)' is asked per row of '\(rosters[q.roster!].id)'")
            } else if role.perMember, q.roster == nil {
                r.problem(valueNode, "role '\(role.key)' must be a question of a roster of people, but '\(q.id)' is asked once per household")
            } else if role.perMember, let head = roles.head, q.roster != head.roster {
                r.problem(valueNode, "role '\(role.key)' must be asked in '\(rosters[head.roster].id)', the roster of role 'head', not in '\(rosters[q.roster!].id)'")
            } else {
                roles[keyPath: role.path] = q.index
            }
        }
        return roles
    }

    mutating func loadStandards(_ file: String, fields: [String: ExpressionCompiler.FieldInfo], rosters: [String: Int],
                                codeLists: [String: CodeList]) -> Standards? {
        let (r, node) = read(file)
        guard let top = r.mapping(node, allowed: ["income_lines", "labour_age", "min_floor_area", "guarantees"],
                                  required: ["income_lines", "labour_age", "min_floor_area", "guarantees"], what: "the standards") else { return nil }
        var lines: [IncomeLine] = []
        for n in r.sequence(top["income_lines"], what: "income_lines") {
            guard let m = r.mapping(n, allowed: ["province", "year", "line", "source"], required: ["province", "year", "line"], what: "an income line"),
                  let p = r.string(m["province"], what: "province"), let y = r.int(m["year"], what: "year"),
                  let l = r.number(m["line"], what: "line") else { continue }
            if l <= 0 { r.problem(m["line"], "an income line must be positive") }
            lines.append(IncomeLine(province: p, year: y, line: l, source: m["source"].flatMap { r.string($0, what: "source") } ?? ""))
        }
        var labour: [Int: ClosedRange<Int>] = [:]
        if let la = r.mapping(top["labour_age"], allowed: ["male", "female"], required: ["male", "female"], what: "labour_age") {
            for (key, sex) in [("male", 1), ("female", 2)] {
                guard let m = r.mapping(la[key], allowed: ["min", "max"], required: ["min", "max"], what: "labour_age.\(key)"),
                      let lo = r.int(m["min"], what: "min"), let hi = r.int(m["max"], what: "max") else { continue }
                if lo > hi { r.problem(m["min"], "labour_age.\(key): min \(lo) is above max \(hi)"); continue }
                labour[sex] = lo...hi
            }
        }
        let area = r.number(top["min_floor_area"], what: "min_floor_area") ?? 13
        var guarantees: [Guarantee] = []
        for n in r.sequence(top["guarantees"], what: "guarantees") {
            guard let m = r.mapping(n, allowed: ["id", "label", "member_fails", "household_fails", "reason"],
                                    required: ["id", "label", "reason"], what: "a guarantee"),
                  let id = r.string(m["id"], what: "id"), let label = r.localized(m["label"], what: "label"),
                  let reason = r.localized(m["reason"], what: "reason") else { continue }
            if (m["member_fails"] == nil) == (m["household_fails"] == nil) {
                r.problem(n, "guarantee '\(id)' needs exactly one of member_fails or household_fails"); continue
            }
            func compile(_ node: Node?, host: Int?) -> CompiledExpression? {
                guard let node, let text = r.string(node, what: "an expression") else { return nil }
                var c = ExpressionCompiler(fields: fields, rosters: rosters, codeLists: codeLists, hostRoster: host, currentType: nil)
                do { return try c.compile(text, expecting: .bool) } catch {
                    r.problem(at: r.location(of: node, offset: error.offset), "in '\(Self.excerpt(text))': \(error.message)")
                    return nil
                }
            }
            var g = Guarantee(id: id, label: label, memberFails: nil, householdFails: nil, reason: reason)
            if let mf = m["member_fails"] {
                guard let members = rosters["members"] else { r.problem(mf, "member_fails needs a roster named 'members'"); continue }
                g.memberFails = compile(mf, host: members)
                if g.memberFails == nil { continue }
            } else {
                g.householdFails = compile(m["household_fails"], host: nil)
                if g.householdFails == nil { continue }
            }
            for placeholder in Self.placeholders(reason.zh + reason.en) where placeholder != "row" && fields[placeholder] == nil {
                r.problem(m["reason"], "unknown field '{\(placeholder)}' in the reason of guarantee '\(id)'")
            }
            guarantees.append(g)
        }
        return Standards(incomeLines: lines, labourAge: labour, minFloorArea: area, guarantees: guarantees)
    }

    static func placeholders(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }
}
