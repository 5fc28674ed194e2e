import CNCursesW
import Foundation

/// Display width of a character as the terminal's C library sees it (`wcwidth`), so the buffer and
/// ncurses agree on where every cell is. Falls back to `TextWidth` where `wcwidth` has no answer.
public enum CellWidth {
    /// `wcwidth` answers by the locale's character type; a UTF-8 one is made sure of once.
    private static let localeReady: Bool = {
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? ""
        if current.uppercased().contains("UTF-8") || current.uppercased().contains("UTF8") { return true }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil || setlocale(LC_CTYPE, "en_US.UTF-8") != nil
    }()

    /// Columns a character (grapheme) takes: 0, 1 or 2.
    public static func of(_ ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        if first.value < 0x80 { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        _ = localeReady
        let w = Int(wcwidth(wchar_t(bitPattern: first.value)))
        return w >= 0 ? min(w, 2) : TextWidth.of(first)
    }

    /// Columns a string takes.
    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }
}
