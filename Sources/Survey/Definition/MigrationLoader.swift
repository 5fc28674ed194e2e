import Yams

/// Reads `migration.yaml` against the questionnaire it belongs to: every name it gives must be a question,
/// list or code of this version (or, for the old names, no longer one), every expression must compile.
enum MigrationLoader {
    static let stepNames: Set<String> = ["rename", "remove", "retype", "recode"]

    static func load(_ node: Node?, _ r: YAMLReader, version: String, questions: [Question], fields: [String: ExpressionCompiler.FieldInfo],
                     rosters: [String: Int], codeLists: [String: CodeList]) -> QuestionnaireMigration? {
        guard let top = r.mapping(node, allowed: ["from", "steps"], required: ["from", "steps"], what: .key("migration")),
              let from = r.string(top["from"], what: .key("from")) else { return nil }
        if from == version { r.problem(top["from"], .migrationFromThisVersion(version)) }
        let byID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var steps: [QuestionnaireMigration.Step] = []
        var renamedTo: Set<String> = []

        func inputQuestion(_ node: Node?, what: String) -> Question? {
            guard let id = r.string(node, what: .key(what)) else { return nil }
            guard let q = byID[id], q.isInput else { r.problem(node, .migrationUnknownQuestion(id)); return nil }
            return q
        }
        func oldQuestion(_ node: Node?, what: String) -> String? {
            guard let id = r.string(node, what: .key(what)) else { return nil }
            if byID[id] != nil { r.problem(node, .migrationQuestionStillAsked(id)); return nil }
            return id
        }
        func compile(_ node: Node?, host: Int?, current: ValueType?, expecting: ValueType) -> CompiledExpression? {
            guard let node, let text = r.string(node, what: .expression) else { return nil }
            var c = ExpressionCompiler(fields: fields, rosters: rosters, codeLists: codeLists, hostRoster: host, currentType: current)
            do { return try c.compile(text, expecting: expecting) } catch {
                r.problem(at: r.location(of: node, offset: error.offset), .expression(text.count <= 80 ? text : text.prefix(77) + "…", error.problem))
                return nil
            }
        }

        for stepNode in r.sequence(top["steps"], what: .key("steps")) {
            guard let m = r.mapping(stepNode, allowed: stepNames, what: .key("steps")) else { continue }
            guard m.count == 1, let (name, body) = m.first else { r.problem(stepNode, .migrationOneStep(stepNames.sorted())); continue }
            switch name {
            case "rename":
                guard let b = r.mapping(body, allowed: ["from", "to"], required: ["from", "to"], what: .key("rename")),
                      let old = oldQuestion(b["from"], what: "from"), let new = inputQuestion(b["to"], what: "to") else { continue }
                if !renamedTo.insert(new.id).inserted { r.problem(b["to"], .migrationRenamedTwice(new.id)); continue }
                steps.append(.rename(from: old, to: new.id))
            case "remove":
                guard let old = oldQuestion(body, what: "remove") else { continue }
                steps.append(.remove(old))
            case "retype":
                guard let b = r.mapping(body, allowed: ["question", "from", "convert"], required: ["question", "from", "convert"], what: .key("retype")),
                      let q = inputQuestion(b["question"], what: "question"), let typeName = r.string(b["from"], what: .key("from")) else { continue }
                guard let old = FieldType(rawValue: typeName) else {
                    r.problem(b["from"], .unknownType(typeName, known: FieldType.allCases.map(\.rawValue))); continue
                }
                guard let convert = compile(b["convert"], host: q.roster, current: old.valueType, expecting: fields[q.id]!.type) else { continue }
                steps.append(.retype(question: q.id, from: old, convert: convert))
            default:  // recode
                guard let b = r.mapping(body, allowed: ["codes", "map"], required: ["codes", "map"], what: .key("recode")),
                      let listID = r.string(b["codes"], what: .key("codes")) else { continue }
                guard let list = codeLists[listID] else { r.problem(b["codes"], .unknownCodeList(listID)); continue }
                let users = questions.filter { $0.codeList?.id == listID && $0.isInput }
                var map: [Int: [QuestionnaireMigration.CodeChoice]] = [:]
                for entry in r.sequence(b["map"], what: .key("map")) {
                    guard let e = r.mapping(entry, allowed: ["from", "to", "when"], required: ["from", "to"], what: .key("map")),
                          let old = r.int(e["from"], what: .key("from")), let new = r.int(e["to"], what: .key("to")) else { continue }
                    if !list.contains(new) { r.problem(e["to"], .migrationCodeNotInList(new, list: listID)); continue }
                    var when: [String: CompiledExpression] = [:]
                    var source: String?
                    if let w = e["when"] {
                        source = r.string(w, what: .expression)
                        for q in users {
                            guard let compiled = compile(w, host: q.roster, current: nil, expecting: .bool) else { break }
                            when[q.id] = compiled
                        }
                        if when.count < users.count { continue }
                    }
                    map[old, default: []].append(.init(code: new, source: source, when: when))
                }
                steps.append(.recode(list: listID, map: map))
            }
        }
        return QuestionnaireMigration(from: from, steps: steps)
    }
}
