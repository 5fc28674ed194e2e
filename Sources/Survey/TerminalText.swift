/// Text from a user, a file or the store, made safe to draw or print: control characters, escape
/// sequences and bidirectional overrides are shown escaped (`\e`, `\u{7}`, `\u{202e}`), never sent to
/// the terminal. The TUI and the command line both go through it.
public enum TerminalText {
    /// The text with every control character and bidi mark replaced by a visible escape.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            // C0 and C1 controls, and the marks that reorder text on screen (a name that reads backwards).
            case 0x00..<0x20, 0x7F..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
