import Survey

/// Where a text may go on to the next line: at a space, or between two Chinese characters, never inside
/// an English word (unless the word alone is wider than the line) and never before closing punctuation
/// (a line does not start with "，" or "）"). The text is escaped for the terminal first.
public enum LineBreak {
    /// The text as lines of at most `width` columns (one empty line for empty text).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], line = "", used = 0
        for unit in units(TerminalText.escaped(text)) {
            let w = CellWidth.of(unit.text)
            let gap = line.isEmpty || !unit.spaced ? 0 : 1
            if used + gap + w <= width {
                if gap == 1 { line.append(" ") }
                line += unit.text; used += gap + w
                continue
            }
            if !line.isEmpty { lines.append(line); line = ""; used = 0 }
            // A unit wider than the whole line is cut where it must be.
            for ch in unit.text {
                let cw = CellWidth.of(ch)
                if used + cw > width, !line.isEmpty { lines.append(line); line = ""; used = 0 }
                line.append(ch); used += cw
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// What cannot be split: an English word or number with the punctuation it touches, one Chinese
    /// character with the closing punctuation after it (and opening punctuation before it).
    static func units(_ text: String) -> [(text: String, spaced: Bool)] {
        var out: [(text: String, spaced: Bool)] = []
        var word = "", opening = "", spaced = false
        func flush() {
            guard !word.isEmpty else { return }
            out.append((opening + word, spaced)); word = ""; opening = ""; spaced = false
        }
        for ch in text {
            if ch == " " {
                flush()
                if !out.isEmpty { spaced = true }
            } else if closing.contains(ch) {
                // Stays with what it closes.
                if !word.isEmpty || out.isEmpty || spaced { word.append(ch) } else { out[out.count - 1].text.append(ch) }
            } else if openingMarks.contains(ch) {
                flush()
                opening.append(ch)
            } else if CellWidth.of(ch) == 2 {
                flush()
                word.append(ch)
                flush()
            } else {
                word.append(ch)
            }
        }
        flush()
        if !opening.isEmpty { out.append((opening, spaced)) }
        return out
    }

    static let closing: Set<Character> = ["，", "。", "、", "：", "；", "！", "？", "）", "」", "』", "》", "…", ",", ".", ":", ";", "!", "?", ")", "]"]
    static let openingMarks: Set<Character> = ["（", "「", "『", "《", "(", "["]
}
