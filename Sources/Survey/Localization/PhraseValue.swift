import Foundation

/// A value a phrase holds in one of its `{n}` places: data shown the same in every language, or a label
/// (a question's, a code's, a nested phrase) shown in the user's.
public protocol PhraseValue: Sendable {
    /// The value as the phrase shows it in the given language.
    func text(_ lang: Language) -> String
}

extension Localized: PhraseValue {}

extension String: PhraseValue {
    public func text(_ lang: Language) -> String { self }
}

extension Substring: PhraseValue {
    public func text(_ lang: Language) -> String { String(self) }
}

extension Int: PhraseValue {
    public func text(_ lang: Language) -> String { String(self) }
}

extension Int64: PhraseValue {
    public func text(_ lang: Language) -> String { String(self) }
}

extension Day: PhraseValue {
    public func text(_ lang: Language) -> String { description }
}

extension SourceLocation: PhraseValue {
    public func text(_ lang: Language) -> String { description }
}

extension Character: PhraseValue {
    public func text(_ lang: Language) -> String { String(self) }
}

/// A kind of answer, named as a message expects one: "needs a date".
extension FieldType: PhraseValue {
    public func text(_ lang: Language) -> String {
        switch self {
        case .text: return Phrase.typeText.text(lang)
        case .integer: return Phrase.typeInteger.text(lang)
        case .decimal: return Phrase.typeDecimal.text(lang)
        case .code: return Phrase.typeCode.text(lang)
        case .codes: return Phrase.typeCodes.text(lang)
        case .yesno: return Phrase.typeYesNo.text(lang)
        case .date: return Phrase.typeDate.text(lang)
        case .idNumber: return Phrase.typeIDNumber.text(lang)
        }
    }
}
