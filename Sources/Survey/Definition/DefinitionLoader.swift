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
    static let migrationFile = "migration.yaml"
    let directory: URL
    var problems: [DefinitionProblem] = []
    var readers: [YAMLReader] = []

    init(directory: URL) { self.directory = directory }

    mutating func read(_ name: String) -> (YAMLReader, Node?) {
        let reader = YAMLReader(file: name)
        readers.append(reader)
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            reader.problem(nil, .cannotRead)
            return (reader, nil)
        }
        return (reader, reader.parse(data))
    }

    mutating func build() -> Questionnaire? {
        defer { problems += readers.flatMap(\.problems) }
        let (qr, qnode) = read("questionnaire.yaml")
        guard let top = qr.mapping(qnode, allowed: ["id", "version", "title", "rosters", "sections", "codelists", "standards", "roles"],
                                   required: ["id", "version", "title", "sections"], what: .questionnaire) else { return nil }
        let formID = qr.string(top["id"], what: .key("id")) ?? ""
        let version = qr.string(top["version"], what: .key("version")) ?? ""
        let title = qr.localized(top["title"], key: "title") ?? Localized(zh: "", en: "")

        let codeLists = loadCodeLists(top["codelists"].flatMap { qr.string($0, what: .key("codelists")) } ?? "codelists.yaml")

        // Rosters.
        var rosters: [Roster] = []
        var rosterIndex: [String: Int] = [:]
        var rowLabelNames: [Int: Node] = [:]
        for node in qr.sequence(top["rosters"], what: .key("rosters")) {
            guard let m = qr.mapping(node, allowed: ["id", "label", "row_label", "min", "max"], required: ["id", "label"], what: .roster),
                  let id = qr.string(m["id"], what: .rosterID) else { continue }
            if rosterIndex[id] != nil { qr.problem(m["id"], .duplicateRosterID(id)); continue }
            if let meaning = ReservedWords.meaning(of: id) { qr.problem(m["id"], .reservedRosterID(id, meaning)) }
            let r = Roster(index: rosters.count, id: id, label: qr.localized(m["label"], key: "label") ?? Localized(zh: id, en: id),
                           rowLabelField: nil, min: m["min"].flatMap { qr.int($0, what: .key("min")) } ?? 0,
                           max: m["max"].flatMap { qr.int($0, what: .key("max")) } ?? 200)
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
        var blockSections: [String: (section: Int, location: SourceLocation)] = [:]
        let sectionFiles = qr.sequence(top["sections"], what: .key("sections"))
        for fileNode in sectionFiles {
            guard let file = qr.string(fileNode, what: .sectionFileName) else { continue }
            let (sr, snode) = read(file)
            guard let s = sr.mapping(snode, allowed: ["id", "title", "roster", "relevant", "questions", "checks"],
                                     required: ["id", "title", "questions"], what: .section) else { continue }
            let sid = sr.string(s["id"], what: .sectionID) ?? file
            if let first = sectionIDs[sid] { sr.problem(s["id"], .duplicateSectionID(sid, first: first)) }
            sectionIDs[sid] = sr.location(s["id"])
            var roster: Int?
            if let rnode = s["roster"], let rname = sr.string(rnode, what: .key("roster")) {
                roster = rosterIndex[rname]
                if roster == nil { sr.problem(rnode, .unknownRoster(rname)) }
            }
            let sectionIndex = sections.count
            if let rel = s["relevant"] { sectionRelevantNodes.append((sectionIndex, sr, rel)) }
            var section = Section(index: sectionIndex, id: sid, title: sr.localized(s["title"], key: "title") ?? Localized(zh: sid, en: sid),
                                  roster: roster, questions: [], file: file)
            for qnode in sr.sequence(s["questions"], what: .key("questions")) {
                guard let q = sr.mapping(qnode, allowed: ["id", "label", "hint", "type", "unit", "codes", "required", "relevant",
                                                          "calculate", "constraints", "min", "max", "max_length", "format",
                                                          "default", "skip_when_default", "block", "each_round"],
                                         required: ["id", "label", "type"], what: .question),
                      let qid = sr.string(q["id"], what: .questionID) else { continue }
                if let first = firstSeen[qid] {
                    sr.problem(q["id"], .duplicateQuestionID(qid, first: first))
                    continue
                }
                if !ReservedWords.isSnakeCase(qid) {
                    sr.problem(q["id"], .questionIDNotSnakeCase(qid))
                } else if let meaning = ReservedWords.meaning(of: qid) {
                    // `sum` as a field would be accepted, then every `sum(…)` would still call the function.
                    sr.problem(q["id"], .reservedQuestionID(qid, meaning))
                } else if rosterIndex[qid] != nil {
                    sr.problem(q["id"], .questionIDIsRoster(qid))
                }
                firstSeen[qid] = sr.location(q["id"])
                var type = FieldType.text
                if let tname = sr.string(q["type"], what: .key("type")) {
                    if let t = FieldType(rawValue: tname) { type = t } else {
                        sr.problem(q["type"], .unknownType(tname, known: FieldType.allCases.map(\.rawValue)))
                    }
                }
                var list: CodeList?
                if type == .code || type == .codes {
                    if let lname = sr.string(q["codes"], what: .key("codes")) {
                        list = codeLists[lname]
                        if list == nil { sr.problem(q["codes"], .unknownCodeList(lname)) }
                    } else if q["codes"] == nil {
                        sr.problem(qnode, .codesNeeded(question: qid, type: type))
                    }
                } else if let c = q["codes"] {
                    sr.problem(c, .codesNotApplicable)
                }
                var question = Question(index: pending.count, id: qid, label: sr.localized(q["label"], key: "label") ?? Localized(zh: qid, en: qid),
                                        hint: q["hint"].flatMap { sr.localized($0, key: "hint") }, type: type,
                                        unit: q["unit"].flatMap { sr.localized($0, key: "unit") }, codeList: list,
                                        required: q["required"].flatMap { sr.bool($0, what: .key("required")) } ?? true,
                                        section: sectionIndex, roster: roster, relevant: nil, calculate: nil,
                                        location: sr.location(q["id"]))
                question.maxLength = maxLength(q["max_length"], type: type, sr)
                question.format = textFormat(q["format"], type: type, sr)
                if let bnode = q["block"], let name = sr.string(bnode, what: .key("block")) {
                    if let first = blockSections[name], first.section != sectionIndex {
                        sr.problem(bnode, .blockInTwoSections(name, first: first.location))
                    } else if blockSections[name] == nil {
                        blockSections[name] = (sectionIndex, sr.location(bnode))
                    }
                    question.block = name
                }
                section.questions.append(question.index)
                pending.append(PendingQuestion(question: question, reader: sr, node: q))
            }
            for cnode in sr.sequence(s["checks"], what: .key("checks")) {
                guard let c = sr.mapping(cnode, allowed: ["id", "test", "at", "severity", "message"],
                                         required: ["id", "test", "at", "severity", "message"], what: .check),
                      let id = sr.string(c["id"], what: .checkID), let test = c["test"],
                      let severity = severity(c["severity"], sr), let message = sr.localized(c["message"], key: "message") else { continue }
                pendingChecks.append(PendingCheck(id: id, test: test, at: c["at"], severity: severity, message: message, reader: sr, section: sectionIndex))
            }
            sections.append(section)
        }
        if sectionFiles.isEmpty { qr.problem(top["sections"], .noSections) }

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
            let name = qr.string(node, what: .key("row_label")) ?? ""
            if let f = fields[name], f.roster == r { rosters[r].rowLabelField = f.index } else {
                qr.problem(node, .rowLabelNotInRoster(name, roster: rosters[r].id))
            }
        }
        let roles = loadRoles(top["roles"], qr, questions: pending.map(\.question), fields: fields, rosters: rosters)
        let standards = loadStandards(top["standards"].flatMap { qr.string($0, what: .key("standards")) } ?? "standards.yaml",
                                      fields: fields, rosters: rosterIndex, codeLists: codeLists)

        // A section's condition is compiled once (even with no questions) and joined to each question's.
        var sectionRelevant: [Int: CompiledExpression] = [:]
        for (index, r, node) in sectionRelevantNodes {
            guard let text = r.string(node, what: .key("relevant")) else { continue }
            var c = ExpressionCompiler(fields: fields, rosters: rosterIndex, codeLists: codeLists, hostRoster: sections[index].roster, currentType: nil)
            do { sectionRelevant[index] = try c.compile(text, expecting: .bool) } catch {
                r.problem(at: r.location(of: node, offset: error.offset), .expression(Self.excerpt(text), error.problem))
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
                guard let text = r.string(node, what: .expression) else { return nil }
                var c = compiler(current: current)
                do { return try c.compile(text, expecting: expecting) } catch {
                    r.problem(at: r.location(of: node, offset: error.offset), .expression(Self.excerpt(text), error.problem))
                    return nil
                }
            }
            q.relevant = Self.both(sectionRelevant[q.section], compile(p.node["relevant"], expecting: .bool))
            // min/max and constraints on a calculated field check the computed value.
            q.calculate = compile(p.node["calculate"], expecting: selfType)
            if let dnode = p.node["default"] {
                if q.calculate != nil { r.problem(dnode, .defaultOnCalculated) }
                else if let text = r.string(dnode, what: .expression) {
                    // Only a default may read the visit (today, who is signed in, the village): it is offered, not stored.
                    var c = compiler(current: nil)
                    c.allowsVisit = true
                    do { q.defaultValue = try c.compile(text, expecting: selfType) } catch {
                        r.problem(at: r.location(of: dnode, offset: error.offset), .expression(Self.excerpt(text), error.problem))
                    }
                }
            }
            if let snode = p.node["skip_when_default"], let skip = r.bool(snode, what: .key("skip_when_default")) {
                if skip, p.node["default"] == nil { r.problem(snode, .skipNeedsDefault) }
                q.skipWhenDefault = skip
            }
            if let node = p.node["each_round"], let each = r.bool(node, what: .key("each_round")) { q.eachRound = each }
            for key in ["min", "max"] {
                guard let node = p.node[key] else { continue }
                guard q.type == .integer || q.type == .decimal else {
                    r.problem(node, .keyNotForType(key, allowed: [.integer, .decimal], found: q.type)); continue
                }
                guard let bound = r.number(node, what: .key(key)) else { continue }
                if key == "min" { q.minimum = bound } else { q.maximum = bound }
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
            for cnode in r.sequence(p.node["constraints"], what: .key("constraints")) {
                guard let c = r.mapping(cnode, allowed: ["test", "severity", "message", "id", "expected"], required: ["test", "severity", "message"], what: .constraint),
                      let sev = severity(c["severity"], r), let message = r.localized(c["message"], key: "message"),
                      let test = compile(c["test"], expecting: .bool, current: selfType) else { continue }
                // Overrides are stored by check id, so an unnamed constraint is named by its test's text:
                // reordering constraints keeps saved reasons on the right check; editing a test drops them.
                let id = c["id"].flatMap { r.string($0, what: .key("id")) } ?? "\(q.id).\(Self.stableHash(test.source))"
                var check = Check(index: checks.count, id: id, field: q.index, roster: q.roster, ownsValue: true,
                                  test: test, severity: sev, message: message, location: r.location(cnode))
                check.expected = compile(c["expected"], expecting: selfType)
                checks.append(check)
            }
            questions[q.index] = q
        }
        for pc in pendingChecks {
            let r = pc.reader
            guard let atName = r.string(pc.at, what: .key("at")) else { continue }
            guard let at = fields[atName] else { r.problem(pc.at, .unknownFieldInAt(atName)); continue }
            guard let text = r.string(pc.test, what: .key("test")) else { continue }
            var c = ExpressionCompiler(fields: fields, rosters: rosterIndex, codeLists: codeLists, hostRoster: nil, currentType: nil)
            do {
                let test = try c.compile(text, expecting: .bool)
                checks.append(Check(index: checks.count, id: pc.id, field: at.index, roster: nil, ownsValue: false, test: test,
                                    severity: pc.severity, message: pc.message, location: r.location(pc.test)))
            } catch {
                r.problem(at: r.location(of: pc.test, offset: error.offset), .expression(Self.excerpt(text), error.problem))
            }
        }
        var checkIDs: [String: SourceLocation] = [:]
        for c in checks {
            if let first = checkIDs[c.id] {
                let file = sections[questions[c.field].section].file
                readers.first { $0.file == file }?.problem(at: c.location, .duplicateCheckID(c.id, first: first))
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
            readers.first { $0.file == file }?.problem(at: first.location, .dependencyCycle(names))
            return nil
        }
        guard let standards else { return nil }
        // A folder may say how its previous version's answers migrate; one that does not has nothing to migrate from.
        var migration: QuestionnaireMigration?
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent(Self.migrationFile).path) {
            let (mr, mnode) = read(Self.migrationFile)
            migration = MigrationLoader.load(mnode, mr, version: version, questions: questions, fields: fields, rosters: rosterIndex, codeLists: codeLists)
        }
        return Questionnaire(id: formID, version: version, title: title, sections: sections, questions: questions, rosters: rosters,
                             checks: checks, codeLists: codeLists, standards: standards, roles: roles, graph: graph, migration: migration)
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
            r.problem(node, .keyNotForType("max_length", allowed: [.text, .idNumber], found: type)); return fallback
        }
        guard let n = r.int(node, what: .key("max_length")) else { return fallback }
        let least = type == .idNumber ? Question.defaultIDNumberMaxLength : 1
        guard (least...Question.maxLengthCap).contains(n) else {
            r.problem(node, .maxLengthOutOfRange(least: least, most: Question.maxLengthCap, found: n, idNumber: type == .idNumber))
            return fallback
        }
        return n
    }

    /// A question's `format`; only text takes one.
    func textFormat(_ node: Node?, type: FieldType, _ r: YAMLReader) -> TextFormat? {
        guard let node else { return nil }
        guard type == .text else { r.problem(node, .keyNotForType("format", allowed: [.text], found: type)); return nil }
        guard let name = r.string(node, what: .key("format")) else { return nil }
        guard let format = TextFormat(rawValue: name) else {
            r.problem(node, .unknownTextFormat(name, known: TextFormat.allCases.map(\.rawValue))); return nil
        }
        return format
    }

    func severity(_ node: Node?, _ r: YAMLReader) -> Severity? {
        guard let s = r.string(node, what: .key("severity")) else { return nil }
        guard let sev = Severity(rawValue: s) else {
            r.problem(node, .unknownSeverity(s))
            return nil
        }
        return sev
    }

    mutating func loadCodeLists(_ file: String) -> [String: CodeList] {
        let (r, node) = read(file)
        guard let top = r.mapping(node, allowed: ["lists"], required: ["lists"], what: .codeLists),
              let listsNode = top["lists"], case .mapping(let lists) = listsNode else {
            if node != nil { r.problem(node, .codeListsShape) }
            return [:]
        }
        var out: [String: CodeList] = [:]
        for (k, v) in lists {
            guard let id = r.string(k, what: .listID) else { continue }
            var items: [CodeItem] = []
            var seen: Set<Int> = []
            for itemNode in r.sequence(v, what: .codesOf(list: id)) {
                guard let m = r.mapping(itemNode, allowed: ["code", "zh", "en", "aliases"], required: ["code", "zh", "en"], what: .code),
                      let code = r.int(m["code"], what: .key("code")),
                      let zh = r.string(m["zh"], what: .key("zh")), let en = r.string(m["en"], what: .key("en")) else { continue }
                if !seen.insert(code).inserted { r.problem(m["code"], .duplicateCode(code, list: id)); continue }
                let aliases = r.sequence(m["aliases"], what: .key("aliases")).compactMap { r.string($0, what: .key("aliases")) }
                items.append(CodeItem(code: code, label: Localized(zh: zh, en: en), aliases: aliases))
            }
            if items.isEmpty { r.problem(k, .emptyCodeList(id)) }
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
        guard let m = r.mapping(node, allowed: Set(keys), what: .roles) else { return roles }
        /// The question a role names, when it exists and has the type the role needs.
        func question(_ node: Node?, role: String, type: FieldType) -> Question? {
            guard let name = r.string(node, what: .questionOfRole(role)) else { return nil }
            guard let index = fields[name]?.index else { r.problem(node, .roleNamesNoQuestion(role: role, name: name)); return nil }
            let q = questions[index]
            guard q.type == type else {
                r.problem(node, .roleWrongType(role: role, needs: type, question: name, found: q.type)); return nil
            }
            return q
        }
        if let h = r.mapping(m["head"], allowed: ["relation", "code"], required: ["relation", "code"], what: .headRole),
           let relation = question(h["relation"], role: "head.relation", type: .code), let code = r.int(h["code"], what: .headCode) {
            if let roster = relation.roster {
                if relation.codeList?.contains(code) == false {
                    r.problem(h["code"], .headCodeNotInList(code: code, list: relation.codeList?.id ?? "", question: relation.id))
                } else {
                    roles.head = Roles.Head(relation: relation.index, code: code, roster: roster)
                }
            } else {
                r.problem(h["relation"], .roleNeedsMemberQuestion(role: "head.relation", question: relation.id))
            }
        }
        for role in Roles.declared {
            guard let valueNode = m[role.key], let q = question(valueNode, role: role.key, type: role.type) else { continue }
            if !role.perMember, q.roster != nil {
                r.problem(valueNode, .roleNeedsHouseholdQuestion(role: role.key, question: q.id, roster: rosters[q.roster!].id))
            } else if role.perMember, q.roster == nil {
                r.problem(valueNode, .roleNeedsMemberQuestion(role: role.key, question: q.id))
            } else if role.perMember, let head = roles.head, q.roster != head.roster {
                r.problem(valueNode, .roleInOtherRoster(role: role.key, headRoster: rosters[head.roster].id, found: rosters[q.roster!].id))
            } else {
                roles[keyPath: role.path] = q.index
            }
        }
        return roles
    }

    mutating func loadStandards(_ file: String, fields: [String: ExpressionCompiler.FieldInfo], rosters: [String: Int],
                                codeLists: [String: CodeList]) -> Standards? {
        let (r, node) = read(file)
        guard let top = r.mapping(node, allowed: ["income_lines", "labour_age", "min_floor_area", "guarantees", "monitoring", "procedures"],
                                  required: ["income_lines", "labour_age", "min_floor_area", "guarantees"], what: .standards) else { return nil }
        var lines: [IncomeLine] = []
        for n in r.sequence(top["income_lines"], what: .key("income_lines")) {
            guard let m = r.mapping(n, allowed: ["province", "year", "line", "source"], required: ["province", "year", "line"], what: .incomeLine),
                  let p = r.string(m["province"], what: .key("province")), let y = r.int(m["year"], what: .key("year")),
                  let l = r.number(m["line"], what: .key("line")) else { continue }
            if l <= 0 { r.problem(m["line"], .incomeLineNotPositive) }
            lines.append(IncomeLine(province: p, year: y, line: l, source: m["source"].flatMap { r.string($0, what: .key("source")) } ?? ""))
        }
        var labour: [Int: ClosedRange<Int>] = [:]
        if let la = r.mapping(top["labour_age"], allowed: ["male", "female"], required: ["male", "female"], what: .key("labour_age")) {
            for (key, sex) in [("male", 1), ("female", 2)] {
                guard let m = r.mapping(la[key], allowed: ["min", "max"], required: ["min", "max"], what: .key("labour_age.\(key)")),
                      let lo = r.int(m["min"], what: .key("min")), let hi = r.int(m["max"], what: .key("max")) else { continue }
                if lo > hi { r.problem(m["min"], .labourAgeReversed(key, min: lo, max: hi)); continue }
                labour[sex] = lo...hi
            }
        }
        let area = r.number(top["min_floor_area"], what: .key("min_floor_area")) ?? 13
        var guarantees: [Guarantee] = []
        for n in r.sequence(top["guarantees"], what: .key("guarantees")) {
            guard let m = r.mapping(n, allowed: ["id", "label", "member_fails", "household_fails", "reason"],
                                    required: ["id", "label", "reason"], what: .guarantee),
                  let id = r.string(m["id"], what: .key("id")), let label = r.localized(m["label"], key: "label"),
                  let reason = r.localized(m["reason"], key: "reason") else { continue }
            if (m["member_fails"] == nil) == (m["household_fails"] == nil) {
                r.problem(n, .guaranteeNeedsOneTest(id)); continue
            }
            func compile(_ node: Node?, host: Int?) -> CompiledExpression? {
                guard let node, let text = r.string(node, what: .expression) else { return nil }
                var c = ExpressionCompiler(fields: fields, rosters: rosters, codeLists: codeLists, hostRoster: host, currentType: nil)
                do { return try c.compile(text, expecting: .bool) } catch {
                    r.problem(at: r.location(of: node, offset: error.offset), .expression(Self.excerpt(text), error.problem))
                    return nil
                }
            }
            var g = Guarantee(id: id, label: label, memberFails: nil, householdFails: nil, reason: reason)
            if let mf = m["member_fails"] {
                guard let members = rosters["members"] else { r.problem(mf, .memberFailsNeedsMembers); continue }
                g.memberFails = compile(mf, host: members)
                if g.memberFails == nil { continue }
            } else {
                g.householdFails = compile(m["household_fails"], host: nil)
                if g.householdFails == nil { continue }
            }
            for placeholder in Self.placeholders(reason.zh + reason.en) where placeholder != "row" && fields[placeholder] == nil {
                r.problem(m["reason"], .unknownReasonField(placeholder, guarantee: id))
            }
            guarantees.append(g)
        }
        var standards = Standards(incomeLines: lines, labourAge: labour, minFloorArea: area, guarantees: guarantees)
        standards.procedures = loadProcedurePeriods(top["procedures"], r)
        standards.monitoring = loadMonitoring(top["monitoring"], r, fields: fields, rosters: rosters, codeLists: codeLists)
        return standards
    }

    /// `procedures:` — the notice and announcement periods, in days.
    func loadProcedurePeriods(_ node: Node?, _ r: YAMLReader) -> ProcedurePeriods? {
        guard let m = r.mapping(node, allowed: ["notice_days", "announcement_days"], required: ["notice_days", "announcement_days"],
                                what: .key("procedures")),
              let notice = r.int(m["notice_days"], what: .key("notice_days")),
              let announcement = r.int(m["announcement_days"], what: .key("announcement_days")) else { return nil }
        if notice <= 0 { r.problem(m["notice_days"], .notPositive("notice_days")); return nil }
        if announcement <= 0 { r.problem(m["announcement_days"], .notPositive("announcement_days")); return nil }
        return ProcedurePeriods(noticeDays: notice, announcementDays: announcement)
    }

    /// `monitoring:` — the monitoring lines and the three categories with their rules.
    func loadMonitoring(_ node: Node?, _ r: YAMLReader, fields: [String: ExpressionCompiler.FieldInfo], rosters: [String: Int],
                        codeLists: [String: CodeList]) -> Monitoring {
        var monitoring = Monitoring()
        guard let top = r.mapping(node, allowed: ["lines", "categories"], required: ["lines", "categories"], what: .key("monitoring")) else {
            return monitoring
        }
        for n in r.sequence(top["lines"], what: .key("monitoring.lines")) {
            guard let m = r.mapping(n, allowed: ["province", "year", "line", "confirmed", "source"], required: ["province", "year", "line", "confirmed"],
                                    what: .key("monitoring.lines")),
                  let p = r.string(m["province"], what: .key("province")), let y = r.int(m["year"], what: .key("year")),
                  let l = r.number(m["line"], what: .key("line")), let confirmed = r.bool(m["confirmed"], what: .key("confirmed")) else { continue }
            if l <= 0 { r.problem(m["line"], .notPositive("line")); continue }
            monitoring.lines.append(MonitoringLine(province: p, year: y, line: l, confirmed: confirmed,
                                                   source: m["source"].flatMap { r.string($0, what: .key("source")) } ?? ""))
        }
        func compile(_ node: Node?, _ type: ValueType) -> CompiledExpression? {
            guard let node, let text = r.string(node, what: .expression) else { return nil }
            var c = ExpressionCompiler(fields: fields, rosters: rosters, codeLists: codeLists, hostRoster: nil, currentType: nil)
            do { return try c.compile(text, expecting: type) } catch {
                r.problem(at: r.location(of: node, offset: error.offset), .expression(Self.excerpt(text), error.problem))
                return nil
            }
        }
        for n in r.sequence(top["categories"], what: .key("monitoring.categories")) {
            guard let m = r.mapping(n, allowed: ["id", "label", "applies_to", "rule", "share_of_income", "expenses"],
                                    required: ["id", "label", "rule"], what: .key("monitoring.categories")),
                  let id = r.string(m["id"], what: .key("id")), let label = r.localized(m["label"], key: "label"),
                  let ruleName = r.string(m["rule"], what: .key("rule")) else { continue }
            var applies: CompiledExpression?
            if let a = m["applies_to"] {
                guard let compiled = compile(a, .bool) else { continue }
                applies = compiled
            }
            let rule: MonitoringCategory.Rule
            switch ruleName {
            case "income_below_line":
                rule = .incomeBelowLine
            case "rigid_expenses":
                guard let share = r.number(m["share_of_income"], what: .key("share_of_income")) else {
                    if m["share_of_income"] == nil { r.problem(n, .missingKey("share_of_income", in: .key("monitoring.categories"))) }
                    continue
                }
                if share <= 0 { r.problem(m["share_of_income"], .notPositive("share_of_income")); continue }
                var expenses: [RigidExpense] = []
                for e in r.sequence(m["expenses"], what: .key("expenses")) {
                    guard let em = r.mapping(e, allowed: ["id", "label", "amount"], required: ["id", "label", "amount"], what: .key("expenses")),
                          let eid = r.string(em["id"], what: .key("id")), let elabel = r.localized(em["label"], key: "label"),
                          let amount = compile(em["amount"], .number) else { continue }
                    expenses.append(RigidExpense(id: eid, label: elabel, amount: amount))
                }
                if expenses.isEmpty { r.problem(n, .missingKey("expenses", in: .key("monitoring.categories"))); continue }
                rule = .rigidExpenses(expenses, shareOfIncome: share)
            default:
                r.problem(m["rule"], .unknownMonitoringRule(ruleName)); continue
            }
            monitoring.categories.append(MonitoringCategory(id: id, label: label, appliesTo: applies, rule: rule))
        }
        return monitoring
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
