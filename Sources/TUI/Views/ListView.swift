import Store
import Survey

/// The start screen: the households of the village, search as you type.
enum ListView {
    static let widths = [6, 10, 19, 8, 8, 9, 5, 6]

    static func draw(_ buf: inout ScreenBuffer, _ state: AppState) {
        let l = state.lang, list = state.list
        let zh = l == .zh
        let village = state.village.map { zh ? " · 村 \($0)" : " · village \($0)" } ?? ""
        Chrome.titleBar(&buf, (zh ? "户访 · 户名单" : "hufang · households") + village,
                        right: zh ? "共 \(list.total) 户" : "\(list.total) households")
        let label = zh ? "搜索（姓名或身份证号）：" : "Search (name or ID number): "
        var x = buf.put(label, x: 1, y: 1, style: .title)
        x += buf.put(list.query, x: 1 + x, y: 1)
        buf.put("_", x: 1 + x, y: 1, style: .key)
        let header = zh ? ["户号", "户主", "户主身份证号", "组", "状态", "进度", "错误", "待说明"]
                        : ["No.", "Head", "Head's ID number", "Group", "Status", "Done", "Err", "Warn"]
        row(&buf, 2, header, style: Style(bold: true), styles: nil)
        if list.total == 0 && !list.loading {
            let empty = list.query.isEmpty ? (zh ? "还没有农户。按 F7 新建一户。" : "No households yet. F7 adds one.")
                                           : (zh ? "没有找到“\(list.query)”。" : "Nothing matches “\(list.query)”.")
            buf.put(empty, x: 2, y: 4, style: .hint)
        }
        let rows = state.layout.households
        for (i, index) in list.selection.onScreen(rows.count).enumerated() {
            let y = rows.first + i
            guard list.page.indices.contains(index - list.offset) else {
                buf.put("…", x: 1, y: y, style: .hint)
                continue
            }
            let h = list.page[index - list.offset]
            let progress = h.required > 0 ? "\(h.answered)/\(h.required)" : "-"
            let cells = [h.householdNo, h.headName.isEmpty ? (zh ? "（未填）" : "(none)") : h.headName, h.headIDNumber, h.groupName,
                         StatusBadge(h.status).label(l), progress, h.hardErrors > 0 ? String(h.hardErrors) : "", h.softOpen > 0 ? String(h.softOpen) : ""]
            let selected = index == list.selected
            var styles = Array(repeating: selected ? Style.selected : Style.plain, count: cells.count)
            if !selected {
                styles[4] = StatusBadge(h.status).style
                styles[6] = .error
                styles[7] = .warning
            }
            if selected { buf.fill(x: 0, y: y, width: buf.width, height: 1, style: .selected) }
            row(&buf, y, cells, style: selected ? .selected : .plain, styles: styles)
        }
        if list.total > 0 {
            let where_ = zh ? "第 \(list.selected + 1) / \(list.total) 户" : "\(list.selected + 1) of \(list.total)"
            buf.put(where_, x: buf.width - CellWidth.of(where_) - 1, y: buf.height - 3, style: .hint)
        }
        // What just happened first; else the certificate's notice, which stays until the county enrols the device again.
        Chrome.statusLine(&buf, state.status ?? state.certificate?.notice(l),
                          hint: zh ? "输入姓名或身份证号开头即可查找" : "Type the start of a name or ID number to search")
        Chrome.keyBar(&buf, zh ? [("Enter", "打开"), ("F7", "新建一户"), ("↑↓", "选择"), ("Esc", "清除搜索"), ("F1", "帮助"), ("F10", "退出")]
                               : [("Enter", " open"), ("F7", " new household"), ("↑↓", " select"), ("Esc", " clear"), ("F1", " help"), ("F10", " quit")])
    }

    /// One line of a table of columns `widths` wide, one space apart (the supervisor's list draws its own).
    static func row(_ buf: inout ScreenBuffer, _ y: Int, _ cells: [String], style: Style, styles: [Style]?, widths: [Int] = widths) {
        var x = 1
        for (i, text) in cells.enumerated() {
            buf.put(text, x: x, y: y, style: styles?[i] ?? style, limit: widths[i])
            x += widths[i] + 1
        }
    }
}
