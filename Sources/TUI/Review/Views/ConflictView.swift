import Store
import Survey

/// The conflict queue: the open conflicts on top, the selected one's two sides next to each other.
enum ConflictView {
    static func draw(_ buf: inout ScreenBuffer, _ state: ReviewState) {
        let l = state.lang, c = state.conflicts
        Chrome.titleBar(&buf, Phrase.conflictsTitle.text(l), right: Phrase.conflictsOpen.text(l, c.items.count))
        Chrome.keyBar(&buf, [("F5", Phrase.conflictKeyMine.text(l)), ("F6", Phrase.conflictKeyTheirs.text(l)), ("F7", Phrase.conflictKeyMerge.text(l)),
                             ("↑↓", Phrase.keySelect.text(l)), ("Esc", Phrase.keyBack.text(l)), ("F1", Phrase.formKeyHelp.text(l))])
        Chrome.statusLine(&buf, state.status, hint: Phrase.conflictsHint.text(l))
        guard !c.items.isEmpty else {
            if !c.loading { buf.put(Phrase.conflictsNone.text(l), x: 2, y: 2, style: .done) }
            return
        }
        // The queue: at most seven lines, scrolled to keep the selection in view.
        let listRows = min(Layout.conflictQueue, c.items.count)
        let top = max(0, min(c.selection.selected - listRows / 2, c.items.count - listRows))
        for (i, item) in c.items.enumerated().dropFirst(top).prefix(listRows) {
            let y = 1 + i - top, selected = i == c.selection.selected
            if selected { buf.fill(x: 0, y: y, width: buf.width, height: 1, style: .selected) }
            let style: Style = selected ? .selected : .plain
            var x = 1 + buf.put(selected ? "▸" : " ", x: 1, y: y, style: style) + 1
            x += buf.put(item.household, x: x, y: y, style: selected ? .selected : Style(bold: true), limit: 14) + 2
            buf.put(item.field, x: x, y: y, style: style, limit: buf.width - x - 12)
            let from = Phrase.conflictBundleNumber.text(l, item.record.sequence)
            buf.put(from, x: buf.width - CellWidth.of(from) - 2, y: y, style: selected ? .selected : .hint)
        }
        guard let item = c.current else { return }
        let y = 2 + listRows
        buf.put(item.household + " · " + item.field, x: 1, y: y, style: .title, limit: buf.width - 2)
        let w = (buf.width - 3) / 2, h = min(11, buf.height - 3 - (y + 1))
        let r = item.record
        func when(_ at: String) -> String { String(at.prefix(16)).replacingOccurrences(of: "T", with: " ") }
        let by = Phrase.conflictBy.text(l), at = Phrase.conflictAt.text(l), device = Phrase.conflictDevice.text(l), bundle = Phrase.conflictBundle.text(l)
        side(&buf, x: 1, y: y + 1, width: w, height: h, title: Phrase.conflictMineTitle.text(l), value: item.mine, lang: l,
             facts: [(by, r.mineWho), (at, when(r.mineAt)), (device, Phrase.conflictMine.text(l))])
        side(&buf, x: 2 + w, y: y + 1, width: w, height: h, title: Phrase.conflictTheirsTitle.text(l), value: item.theirs, lang: l,
             facts: [(by, r.theirsWho), (at, when(r.theirsAt)), (device, String(r.theirsDevice.prefix(8))),
                     (bundle, "hufang-\(r.theirsDevice.prefix(8))-\(String(format: "%06d", r.sequence)).zip"), (Phrase.conflictImported.text(l), when(r.detectedAt))])
        let more = c.items.count > 1 ? Phrase.conflictsMore.text(l, c.items.count - 1) : ""
        buf.put(Phrase.conflictsMergeHint.text(l) + more,
                x: 1, y: y + 1 + h, style: .hint, limit: buf.width - 2)
    }

    static func side(_ buf: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, title: String, value: String?, lang: Language,
                     facts: [(String, String)]) {
        buf.box(x: x, y: y, width: width, height: height, style: .key)
        buf.put(" " + title + " ", x: x + 2, y: y, style: .title)
        var row = y + 1
        for part in Chrome.wrap(value ?? Phrase.emptyValue.text(lang), width - 4).prefix(max(1, height - 3 - facts.count)) {
            buf.put(part, x: x + 2, y: row, style: value == nil ? .hint : Style(bold: true))
            row += 1
        }
        row += 1
        let labelW = facts.map { CellWidth.of($0.0) }.max() ?? 0
        for (label, text) in facts where row < y + height - 1 {
            buf.put(label, x: x + 2, y: row, style: .hint)
            buf.put(text, x: x + 3 + labelW, y: row, limit: width - 4 - labelW)
            row += 1
        }
    }
}
