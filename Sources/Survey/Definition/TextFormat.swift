/// What a text question accepts beyond its length: a definition's `format:` (`format: name`).
public enum TextFormat: String, Sendable, CaseIterable {
    /// A person's name: letters of any script (every CJK ideograph, those outside the BMP included),
    /// combining marks, the middle dot of minority names (阿卜杜拉·艾力), spaces, hyphens and apostrophes.
    /// No digits, symbols, emoji or control characters.
    case name

    /// The dots typed between the parts of a minority name; all are stored as U+00B7 (GB 18030's ·).
    static let middleDots: Set<Unicode.Scalar> = ["\u{00B7}", "\u{30FB}", "\u{FF65}", "\u{2027}", "\u{2022}", "\u{2E31}", "\u{0387}"]

    /// Whether a typed character may be part of an answer of this format.
    public func accepts(_ c: Character) -> Bool {
        switch self {
        case .name:
            guard let first = c.unicodeScalars.first else { return false }
            // A letter may carry combining marks (Tibetan, Uyghur in Arabic script, Latin accents);
            // an emoji's presentation selector or joiner makes it a picture, not a letter.
            if first.properties.isEmojiPresentation || c.unicodeScalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return false }
            if c == " " || c == "-" || c == "'" || c == "’" { return true }
            if c.unicodeScalars.count == 1, Self.middleDots.contains(first) { return true }
            switch first.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber,
                 .nonspacingMark, .spacingMark, .enclosingMark:
                return c.unicodeScalars.dropFirst().allSatisfy { s in
                    [.nonspacingMark, .spacingMark, .enclosingMark].contains(s.properties.generalCategory)
                }
            default:
                return false
            }
        }
    }

    /// The first character of the text this format refuses, if any.
    public func refused(in text: String) -> Character? { text.first { !accepts($0) } }

    /// The text as stored: every middle dot written as U+00B7.
    public func normalized(_ text: String) -> String {
        switch self {
        case .name:
            return String(String.UnicodeScalarView(text.unicodeScalars.map { Self.middleDots.contains($0) ? "\u{00B7}" : $0 }))
        }
    }
}
