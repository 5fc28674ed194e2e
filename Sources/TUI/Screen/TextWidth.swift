/// Terminal display width of text: CJK and full-width forms take two columns, combining marks none.
/// Pure Swift so it is the same in tests and in the terminal; the ncurses backend agrees with wcwidth.
public enum TextWidth {
    /// Columns one scalar occupies.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Columns a string occupies.
    public static func of(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + of($1) } }

    /// Pads with spaces to `width` columns, or cuts without splitting a wide character.
    public static func fit(_ text: String, _ width: Int) -> String {
        var out = ""
        var used = 0
        for ch in text {
            let w = of(String(ch))
            if used + w > width { break }
            out.append(ch); used += w
        }
        return out + String(repeating: " ", count: max(0, width - used))
    }

    /// Right-aligns text in `width` columns (numbers in a table).
    public static func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - of(text))) + text }
}
