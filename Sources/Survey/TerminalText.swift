/// Text from a person, a file or a store, made safe to show on a terminal: control characters, escape
/// sequences and bidirectional overrides are shown escaped (`\e`, `\u{7}`, `\u{202e}`), never sent to
/// the terminal. The screens and every line the command line prints share it.
public enum TerminalText {
    /// The text with every control character and bidi control replaced by a visible escape.
    public static func escaped(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case _ where isUnsafe(scalar): out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `escaped` would change the text.
    public static func needsEscaping(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isUnsafe)
    }

    /// C0 and C1 controls and DEL, which terminals act on; and the bidi marks, embeddings, overrides
    /// and isolates, which reorder what follows them so a line reads other than it is.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
