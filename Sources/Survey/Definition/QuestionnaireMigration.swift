/// How the answers given on the questionnaire's previous version become answers of this one
/// (`migration.yaml`): steps applied in order to every stored answer of a household of version `from`.
public struct QuestionnaireMigration: Sendable {
    /// The version it migrates from.
    public let from: String
    public let steps: [Step]

    /// One change between the versions.
    public enum Step: Sendable {
        /// A question renamed; its answers keep their values.
        case rename(from: String, to: String)
        /// A question no longer asked; its answers are dropped (their audit lines keep them).
        case remove(String)
        /// A question whose type changed: `convert` turns the old value (`.`) into one of the new type.
        case retype(question: String, from: FieldType, convert: CompiledExpression)
        /// Codes of a list renumbered, merged or split: a code with several choices takes the first whose
        /// condition holds.
        case recode(list: String, map: [Int: [CodeChoice]])
    }

    /// A code an old code becomes, and when.
    public struct CodeChoice: Sendable {
        public let code: Int
        /// The condition as written (nil: always), and compiled per question of the list (in its roster).
        public let source: String?
        let when: [String: CompiledExpression]
    }

    /// What an answer the previous version stored under `id` is in this version.
    public enum PreviousAnswer: Equatable, Sendable {
        /// An answer to this version's question `question`, of the type and codes the previous version had.
        case kept(question: Int, type: FieldType, codes: Set<Int>?)
        /// An answer to a question no longer asked.
        case removed
    }

    /// The names this version's question `id` had before: its answers' earlier history is under them.
    public func formerNames(of id: String) -> [String] {
        var names: [String] = [], current = id
        for case .rename(let from, let to) in steps.reversed() where to == current { names.append(from); current = from }
        return names
    }

    /// How the previous version shaped an answer stored under `id`: nil for no question it had.
    public func previous(_ id: String, in q: Questionnaire) -> PreviousAnswer? {
        var current = id
        for step in steps {
            switch step {
            case .rename(let from, let to):
                if current == from { current = to } else if current == to { return nil }  // `to` is new in this version
            case .remove(let gone):
                if current == gone { return .removed }
            case .retype, .recode: continue
            }
        }
        guard let question = q.question(current), question.isInput else { return nil }
        var type = question.type
        for case .retype(let retyped, let old, _) in steps where retyped == current { type = old }
        guard let list = question.codeList, type == .code || type == .codes else { return .kept(question: question.index, type: type, codes: nil) }
        var codes = Set(list.items.map(\.code))
        for case .recode(let recoded, let map) in steps where recoded == list.id {
            let targets = Set(map.values.flatMap { $0.map(\.code) })
            codes.subtract(targets.subtracting(map.keys))
            codes.formUnion(map.keys)
        }
        return .kept(question: question.index, type: type, codes: codes)
    }
}
