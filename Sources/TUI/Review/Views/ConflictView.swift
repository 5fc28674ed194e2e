import Store
import Survey

/// The conflict queue: the open conflicts on top, the selected one's two sides next to each other.
enum ConflictView {
    static func draw(_ buf: inout ScreenBuffer, _ state: ReviewState) {
        let l = state.lang, zh = l == .zh, c = state.conflicts
        Chrome.titleBar(&buf, zh ? "审核 · 冲突队列" : "Review · conflicts", right: zh ? "待处理 \(c.items.count) 条" : "\(c.items.count) open")
        Chrome.keyBar(&buf, zh ? [("F5", "取本机"), ("F6", "取对方"), ("F7", "输入合并值"), ("↑↓", "选择"), ("Esc", "返回"), ("F1", "帮助")]
                               : [("F5", "keep mine"), ("F6", "take theirs"), ("F7", "type merged"), ("↑↓", "select"), ("Esc", "back"), ("F1", "help")])
        Chrome.statusLine(&buf, state.status, hint: zh ? "同一项在两处被改成不同的值；处理结果随下一个数据包发回"
                                                        : "Changed differently in two places; the resolution travels in the next bundle")
        guard !c.items.isEmpty else {
            if !c.loading { buf.put(zh ? "没有待处理的冲突。" : "No open conflicts.", x: 2, y: 2, style: .done) }
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
            let from = zh ? "第\(item.record.sequence)包" : "bundle \(item.record.sequence)"
            buf.put(from, x: buf.width - CellWidth.of(from) - 2, y: y, style: selected ? .selected : .hint)
        }
        guard let item = c.current else { return }
        let y = 2 + listRows
        buf.put(item.household + " · " + item.field, x: 1, y: y, style: .title, limit: buf.width - 2)
        let w = (buf.width - 3) / 2, h = min(11, buf.height - 3 - (y + 1))
        let r = item.record
        func when(_ at: String) -> String { String(at.prefix(16)).replacingOccurrences(of: "T", with: " ") }
        let by = zh ? "修改人" : "by", at = zh ? "时间" : "at", device = zh ? "设备" : "device", bundle = zh ? "数据包" : "bundle"
        side(&buf, x: 1, y: y + 1, width: w, height: h, title: zh ? "本机（F5）" : "This store (F5)", value: item.mine, lang: l,
             facts: [(by, r.mineWho), (at, when(r.mineAt)), (device, zh ? "本机" : "this one")])
        side(&buf, x: 2 + w, y: y + 1, width: w, height: h, title: zh ? "对方（F6）" : "Theirs (F6)", value: item.theirs, lang: l,
             facts: [(by, r.theirsWho), (at, when(r.theirsAt)), (device, String(r.theirsDevice.prefix(8))),
                     (bundle, "hufang-\(r.theirsDevice.prefix(8))-\(String(format: "%06d", r.sequence)).zip"), (zh ? "导入" : "imported", when(r.detectedAt))])
        let more = c.items.count > 1 ? (zh ? "　还有 \(c.items.count - 1) 条，↑↓ 切换" : "  \(c.items.count - 1) more: ↑↓") : ""
        buf.put((zh ? "F7 输入合并后的值（如两边各对一半）" : "F7 types a merged value (when each side is half right)") + more,
                x: 1, y: y + 1 + h, style: .hint, limit: buf.width - 2)
    }

    static func side(_ buf: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, title: String, value: String?, lang: Language,
                     facts: [(String, String)]) {
        let zh = lang == .zh
        buf.box(x: x, y: y, width: width, height: height, style: .key)
        buf.put(" " + title + " ", x: x + 2, y: y, style: .title)
        var row = y + 1
        for part in Chrome.wrap(value ?? (zh ? "（空）" : "(empty)"), width - 4).prefix(max(1, height - 3 - facts.count)) {
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
