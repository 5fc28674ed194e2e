/// The words an expression gives a meaning of its own: a question or roster named by one of them
/// could not be read, or would silently change what an expression means.
enum ReservedWords {
    /// Keywords and literals of the expression language.
    static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "null"]
    /// Every function an expression can call.
    static let functions: Set<String> = Set(Aggregate.allCases.map(\.rawValue) + Builtin.allCases.map(\.rawValue))

    /// What `id` already is in an expression (a keyword, a function), or nil when it is free.
    static func meaning(of id: String) -> ReservedMeaning? {
        if keywords.contains(id) { return .keyword }
        if functions.contains(id) { return .function }
        return nil
    }

    /// Whether `id` is snake_case: lower-case ASCII letters, digits and '_', starting with a letter.
    static func isSnakeCase(_ id: String) -> Bool {
        guard let first = id.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return id.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_")
        }
    }
}

/// What a reserved word already means in an expression, as a problem names it.
public enum ReservedMeaning: Hashable, Sendable, PhraseValue {
    case keyword, function

    public func text(_ lang: Language) -> String {
        switch self {
        case .keyword: return Phrase.reservedKeyword.text(lang)
        case .function: return Phrase.reservedFunction.text(lang)
        }
    }
}
