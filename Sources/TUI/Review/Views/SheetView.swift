import Store
import Survey

/// One household, read-only, every section on one scrollable page; the cursor stops on fields.
enum SheetView {
    static let labelWidth = 26

    static func draw(_ buf: inout ScreenBuffer, _ state: ReviewState, _ sheet: HouseholdSheet) {
        let l = state.lang, zh = l == .zh, r = sheet.record
        Chrome.titleBar(&buf, (zh ? "审核 · " : "Review · ") + sheet.name + (zh ? " · 村 " : " · village ") + r.villageCode,
                        right: StatusBadge(r.status).label(l))
        var x = 1
        func fact(_ label: String, _ value: String, _ style: Style = Style(bold: true)) {
            x += buf.put(label, x: x, y: 1, style: .hint) + 1
            x += buf.put(value, x: x, y: 1, style: style) + 2
        }
        fact(zh ? "调查员" : "Enumerator", r.enumerator)
        fact(zh ? "已答" : "Done", "\(r.answered)/\(r.required)")
        fact(zh ? "错误" : "Errors", String(r.hardErrors), r.hardErrors > 0 ? .error : .done)
        fact(zh ? "待说明" : "Open", String(r.softOpen), r.softOpen > 0 ? .warning : .done)
        fact(zh ? "已说明" : "Explained", String(sheet.overrides))
        fact(zh ? "冲突" : "Conflicts", String(sheet.openConflicts), sheet.openConflicts > 0 ? .error : .done)

        // Who sent it, on a header line of its own (a household made on this store has none).
        let lines = state.layout.sheet(withSender: sheet.sender != nil)
        if let from = sheet.senderLine(l), let s = sheet.sender {
            let word = zh ? "来自" : "From"
            let used = buf.put(word, x: 1, y: 2, style: .hint)
            let name = buf.put(s.person, x: 2 + used, y: 2, style: Style(bold: true), limit: buf.width - 3 - used)
            buf.put(String(from.dropFirst(word.count + 1 + s.person.count)), x: 2 + used + name, y: 2, style: .hint, limit: buf.width - 3 - used - name)
        }
        let first = lines.first, rows = lines.count
        // With the history panel over the lower half, the field it is about sits just under the header.
        var top = sheet.top
        if case .history? = state.overlay { top = max(0, min(sheet.selected - 3, sheet.lines.count - rows)) }
        for (i, line) in sheet.lines.dropFirst(top).prefix(rows).enumerated() {
            draw(&buf, line, y: first + i, selected: top + i == sheet.selected)
        }
        if top > 0 { buf.put("↑", x: buf.width - 1, y: first, style: .hint) }
        if top + rows < sheet.lines.count { buf.put("↓", x: buf.width - 1, y: first - 1 + rows, style: .hint) }
        let fields = sheet.lines.filter(\.isField).count
        let here = sheet.lines[..<min(sheet.lines.count, sheet.selected + 1)].filter(\.isField).count
        let where_ = zh ? "第 \(here) / \(fields) 项" : "field \(here) of \(fields)"
        buf.put(where_, x: buf.width - CellWidth.of(where_) - 1, y: buf.height - 3, style: .hint)
        Chrome.statusLine(&buf, state.status, hint: zh ? "只读：Enter 看该项历史；意见和决定随下一个数据包发给调查员"
                                                        : "Read-only; Enter: field history; decisions travel in the next bundle")
        Chrome.keyBar(&buf, zh ? [("Enter", "历史"), ("F3", "字段意见"), ("F4", "户意见"), ("F6", "下个问题"), ("F8", "退回"), ("F9", "通过"), ("Esc", "返回"),
                                  ("F1", "帮助")]
                               // Esc (back) is left to the help screen: the English words need the room.
                               : [("Enter", "history"), ("F3", "comment"), ("F4", "household"), ("F6", "next"), ("F8", "send back"),
                                  ("F9", "approve"), ("F1", "help")])
    }

    static func draw(_ buf: inout ScreenBuffer, _ line: SheetLine, y: Int, selected: Bool) {
        let x = 1 + line.indent, w = buf.width - 2 - line.indent
        switch line.kind {
        case .section:
            buf.put(line.label, x: 1, y: y, style: Style(color: .cyan, bold: true), limit: buf.width - 2)
        case .row:
            buf.put(line.label, x: x, y: y, style: .title, limit: w)
        case .field:
            if selected { buf.fill(x: 0, y: y, width: buf.width - 1, height: 1, style: .selected) }
            let used = buf.put(line.label, x: x, y: y, style: selected ? Style(bold: true, reverse: true) : .plain, limit: labelWidth - line.indent)
            let vx = max(x + used + 1, 1 + labelWidth + 1)
            buf.put(line.value.isEmpty ? "—" : line.value, x: vx, y: y, style: selected ? .selected : line.value.isEmpty ? .hint : Style(bold: true),
                    limit: buf.width - 2 - vx)
        case .calculated:
            let used = buf.put(line.label, x: x, y: y, style: .hint, limit: labelWidth - line.indent)
            let vx = max(x + used + 1, 1 + labelWidth + 1)
            buf.put("= " + (line.value.isEmpty ? "—" : line.value), x: vx, y: y, style: .hint, limit: buf.width - 2 - vx)
        case .error:
            buf.put("✗ " + line.label, x: x, y: y, style: .error, limit: w)
        case .warning:
            buf.put("! " + line.label, x: x, y: y, style: .warning, limit: w)
        case .explained:
            buf.put("! " + line.label, x: x, y: y, style: .hint, limit: w)
        case .comment:
            buf.put(line.label, x: x, y: y, style: .comment, limit: w)
        case .decision(let approved):
            buf.put(line.label, x: x, y: y, style: approved ? Style(color: .green, bold: true) : Style(color: .yellow, bold: true), limit: w)
        case .assessment:
            let used = buf.put(line.label, x: x, y: y, style: line.label.hasPrefix("✗") ? .error : .plain, limit: labelWidth - line.indent)
            buf.put(line.value, x: max(x + used + 1, 1 + labelWidth + 1), y: y, limit: buf.width - 4 - labelWidth)
        }
    }
}
