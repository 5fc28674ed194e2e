/// Moving the cursor in a field's text and changing the text at it (Home/End, ←→, Backspace, Delete).
extension FieldEdit {
    /// The cursor as a character index, 0…count.
    var position: Int { min(caret ?? text.count, text.count) }

    /// Puts a character in at the cursor and moves the cursor past it.
    mutating func insert(_ c: Character) {
        let at = position
        text.insert(c, at: text.index(text.startIndex, offsetBy: at))
        caret = at + 1 == text.count ? nil : at + 1
    }

    /// Removes the character before the cursor (Backspace).
    mutating func deleteBackward() {
        let at = position
        guard at > 0 else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: at - 1))
        caret = at - 1 == text.count ? nil : at - 1
    }

    /// Removes the character at the cursor (Delete).
    mutating func deleteForward() {
        let at = position
        guard at < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: at))
        caret = at == text.count ? nil : at
    }

    /// Moves the cursor: ← → one character, Home to the start, End past the end.
    mutating func move(_ key: Key) {
        let at = position
        switch key {
        case .left: caret = max(0, at - 1)
        case .right: caret = at + 1 >= text.count ? nil : at + 1
        case .home: caret = text.isEmpty ? nil : 0
        case .end: caret = nil
        default: break
        }
    }
}

/// The part of a field's text that fits its box, scrolled so the cursor is always in view, with "…"
/// where text is cut off on either side.
struct EditWindow: Equatable {
    /// What to draw.
    var text: String
    /// The column of the cursor within `text`.
    var caretColumn: Int

    /// The window of `edit` for a box `width` columns wide; the cursor after the last character takes one column.
    static func of(_ edit: FieldEdit, width: Int) -> EditWindow {
        let chars = Array(edit.text), at = edit.position
        let widths = chars.map(CellWidth.of)
        let total = widths.reduce(0, +) + (at == chars.count ? 1 : 0)
        guard total > width, width > 2 else {
            return EditWindow(text: edit.text, caretColumn: widths[..<at].reduce(0, +))
        }
        // The first character shown: the earliest one from which the cursor still fits.
        var start = max(0, at - width)
        while true {
            let left = start > 0 ? 1 : 0
            var used = left, end = start
            while end < chars.count, used + widths[end] <= width { used += widths[end]; end += 1 }
            var cut = end < chars.count
            if cut {
                // Room for the "…" on the right.
                while end > start, used + 1 > width { end -= 1; used -= widths[end] }
            } else if at == chars.count, used + 1 > width {
                // Room for the cursor after the end.
                end -= 1; used -= widths[end]; cut = true
            }
            if at < end || (at == chars.count && !cut) || start >= at {
                let shown = String(chars[start..<end])
                let caretColumn = left + widths[start..<min(at, end)].reduce(0, +)
                return EditWindow(text: (left == 1 ? "…" : "") + shown + (cut ? "…" : ""), caretColumn: caretColumn)
            }
            start += 1
        }
    }
}
