/// The static type of an expression, checked when a definition loads.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible, PhraseValue {
    case number, text, bool, date, null
    /// A code, with the list it comes from when known.
    case code(String?)
    case codes(String?)
    case list(ValueType)

    var isNumeric: Bool {
        switch self { case .number, .code, .null: return true; default: return false }
    }

    /// Whether a value of `self` may be compared with one of `other` by `==`.
    func comparable(with other: ValueType) -> Bool {
        switch (self, other) {
        case (.null, _), (_, .null): return true
        case (.number, .number), (.number, .code), (.code, .number), (.code, .code): return true
        case (.text, .text), (.bool, .bool), (.date, .date), (.codes, .codes): return true
        default: return false
        }
    }

    public var description: String { text(.en) }

    /// The type as a problem names it: "a number", "a code of 'sex'".
    public func text(_ lang: Language) -> String {
        switch self {
        case .number: return Phrase.valueNumber.text(lang)
        case .text: return Phrase.valueText.text(lang)
        case .bool: return Phrase.valueBool.text(lang)
        case .date: return Phrase.valueDate.text(lang)
        case .null: return Phrase.valueNull.text(lang)
        case .code(let l): return l.map { Phrase.valueCodeOf.text(lang, $0) } ?? Phrase.valueCode.text(lang)
        case .codes(let l): return l.map { Phrase.valueCodesOf.text(lang, $0) } ?? Phrase.valueCodes.text(lang)
        case .list(let e): return Phrase.valueListOf.text(lang, e)
        }
    }
}

/// A resolved, type-checked expression ready to evaluate.
public struct CompiledExpression: Sendable {
    /// The text as written, for messages.
    public let source: String
    let code: Code
    let type: ValueType
    /// Fields read directly (same row, or household) and fields read through an aggregate.
    let directRefs: [Int]
    let aggregateRefs: [Int]
}

/// The evaluable tree: names resolved to question indexes, functions to built-ins.
indirect enum Code: Sendable {
    case constant(Value?)
    case list([Code])
    case current
    case field(Int)
    case not(Code)
    case negate(Code)
    case and(Code, Code)
    case or(Code, Code)
    case compare(BinaryOp, Code, Code)
    case inList(Code, Code)
    case arithmetic(BinaryOp, Code, Code)
    case aggregate(Aggregate, roster: Int, value: Code?, filter: Code?)
    case call(Builtin, [Code])
}

enum Aggregate: String, Sendable, CaseIterable { case count, sum, min, max }

enum Builtin: String, Sendable, CaseIterable {
    case answered, coalesce, `if`, round, abs, length, left, year
    case ageOn = "age_on", idValid = "id_valid", idBirthdate = "id_birthdate", idSex = "id_sex"
    case incomeLine = "income_line", isLabourAge = "is_labour_age", minFloorArea = "min_floor_area"
    /// What the visit knows, not the household: only a question's `default` may read them.
    case today, enumerator, currentVillage = "current_village"

    /// Whether the function reads the visit (the day, who is signed in, the village) rather than the answers.
    var readsVisit: Bool { self == .today || self == .enumerator || self == .currentVillage }
}
