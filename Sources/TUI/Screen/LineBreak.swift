import Survey

/// Where a line of text may be broken: at a space, or between two characters of which one is wide
/// (CJK), but never before closing punctuation (，。）…) or after opening punctuation (（“…). A run of
/// narrow letters is a word and is only split when it is wider than the whole line.
public enum LineBreak {
    static let noBreakBefore: Set<Character> = Set("，。、；：！？）》」』”’…%,.;:!?)]}·")
    static let noBreakAfter: Set<Character> = Set("（《「『“‘([{")

    /// Whether a line may end before `chars[i]`.
    static func allowed(before i: Int, in chars: [Character]) -> Bool {
        guard i > 0, i < chars.count else { return false }
        let a = chars[i - 1], b = chars[i]
        if b == " " { return false }
        if a == " " { return true }
        if noBreakBefore.contains(b) || noBreakAfter.contains(a) { return false }
        return CellWidth.of(a) == 2 || CellWidth.of(b) == 2
    }

    /// The text in lines of at most `width` columns (escaped for a terminal), each without its
    /// leading and trailing spaces.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let chars = Array(TerminalText.escaped(text))
        var lines: [String] = []
        var start = 0
        while start < chars.count {
            var used = 0, i = start, lastBreak: Int?
            while i < chars.count {
                let w = CellWidth.of(chars[i])
                if used + w > width { break }
                if i > start, allowed(before: i, in: chars) { lastBreak = i }
                used += w
                i += 1
            }
            if i >= chars.count {
                lines.append(String(chars[start...]))
                break
            }
            var cut = chars[i] == " " || allowed(before: i, in: chars) ? i : (lastBreak ?? i)
            if cut <= start { cut = max(i, start + 1) }
            var line = String(chars[start..<cut])
            while line.last == " " { line.removeLast() }
            lines.append(line)
            start = cut
            while start < chars.count, chars[start] == " " { start += 1 }
        }
        return lines.isEmpty ? [""] : lines
    }
}
