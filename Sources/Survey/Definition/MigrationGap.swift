/// Something the previous version's form has that a migration does not say how to carry over: found by
/// comparing the two folders, before any household is touched.
public enum MigrationGap: Equatable, Sendable {
    /// The migration is from another version than the old folder's.
    case otherVersion(folder: String, migration: String?)
    /// An old question that is in neither version under any name the steps give.
    case questionGone(String)
    /// A question whose type changed with no `retype` step.
    case typeChanged(question: String, from: FieldType, to: FieldType)
    /// A code of an old list the new list lacks, with no `recode` step mapping it.
    case codeGone(list: String, code: Int)

    /// Every gap between `old` and `new`, in the old form's order.
    public static func between(_ old: Questionnaire, _ new: Questionnaire) -> [MigrationGap] {
        guard let migration = new.migration, migration.from == old.version else {
            return [.otherVersion(folder: old.version, migration: new.migration?.from)]
        }
        var gaps: [MigrationGap] = []
        for q in old.questions where q.isInput {
            switch migration.previous(q.id, in: new) {
            case nil: gaps.append(.questionGone(q.id))
            case .removed?: continue
            case .kept(let index, let type, _)?:
                if type != q.type { gaps.append(.typeChanged(question: q.id, from: q.type, to: new.questions[index].type)) }
            }
        }
        for (id, list) in old.codeLists.sorted(by: { $0.key < $1.key }) {
            guard let newList = new.codeLists[id] else { continue }
            let mapped = migration.steps.reduce(into: Set<Int>()) { set, step in
                if case .recode(let l, let map) = step, l == id { set.formUnion(map.keys) }
            }
            for item in list.items where !newList.contains(item.code) && !mapped.contains(item.code) { gaps.append(.codeGone(list: id, code: item.code)) }
        }
        return gaps
    }

    /// The gap, in the user's language.
    public func text(_ lang: Language) -> String {
        switch self {
        case .otherVersion(let folder, let migration): return Phrase.gapOtherVersion.text(lang, folder, migration ?? "—")
        case .questionGone(let id): return Phrase.gapQuestionGone.text(lang, id)
        case .typeChanged(let id, let from, let to): return Phrase.gapTypeChanged.text(lang, id, from, to)
        case .codeGone(let list, let code): return Phrase.gapCodeGone.text(lang, code, list)
        }
    }
}
