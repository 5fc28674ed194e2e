import Store
import Survey

/// The supervisor's start screen: households across villages and enumerators, their status and
/// problems, with filters, a sort and search as you type.
enum ReviewListView {
    /// Column widths. The village column shows a code without its six county digits, the same on every row
    /// of a county's store; the last column, who sent the latest changes, takes the room that frees.
    static func widths(_ lang: Language) -> [Int] { lang == .zh ? [6, 4, 8, 8, 6, 4, 6, 6, 4, 4, senderWidth] : [7, 4, 8, 8, 9, 4, 4, 4, 4, 4, senderWidth] }
    static let senderWidth = 11

    /// "622922100201" → "100201" (township and village); any other code as it is.
    static func village(_ code: String) -> String {
        code.count == 12 && code.allSatisfy(\.isASCII) ? String(code.suffix(6)) : code
    }

    /// "李文华·3f2a": the person, cut to leave room for the first four characters of the device id.
    static func sender(_ s: ReviewRow.Sender?) -> String {
        guard let s else { return "" }
        let device = String(s.deviceID.prefix(4))
        return TextWidth.fit(s.person, senderWidth - 1 - CellWidth.of(device)).trimmingCharacters(in: .whitespaces) + "·" + device
    }

    static func draw(_ buf: inout ScreenBuffer, _ state: ReviewState) {
        let l = state.lang, list = state.list, q = list.query
        let zh = l == .zh
        let conflicts = list.openConflicts > 0 ? (zh ? " · 冲突 \(list.openConflicts)" : " · \(list.openConflicts) conflicts") : ""
        Chrome.titleBar(&buf, zh ? "户访 · 审核 · 户名单" : "hufang · review · households",
                        right: (zh ? "共 \(list.total) 户" : "\(list.total) households") + conflicts)
        var x = buf.put(zh ? "搜索：" : "Search: ", x: 1, y: 1, style: .title)
        x += buf.put(q.search, x: 1 + x, y: 1)
        buf.put("_", x: 1 + x, y: 1, style: .key)
        let sort = (zh ? "F6 排序：" : "F6 sort: ") + sortName(q.sort, l)
        buf.put(sort, x: buf.width - CellWidth.of(sort) - 1, y: 1, style: .hint)

        let all = zh ? "全部" : "all"
        let filters: [(String, String, Bool)] = [
            ("F2", (zh ? "状态：" : "status: ") + (q.status.map { StatusBadge($0).label(l) } ?? all), q.status != nil),
            ("F3", (zh ? "标记：" : "flag: ") + (q.flag.map { flagName($0, l) } ?? all), q.flag != nil),
            ("F4", (zh ? "村：" : "village: ") + (q.village ?? all), q.village != nil),
            ("F5", (zh ? "调查员：" : "enumerator: ") + (q.enumerator ?? all), q.enumerator != nil)]
        x = 1
        for (key, text, on) in filters {
            x += buf.put(key, x: x, y: 2, style: .key) + 1
            x += buf.put(text, x: x, y: 2, style: on ? Style(color: .yellow, bold: true) : .plain) + 2
        }

        let header = zh ? ["村代码", "户号", "户主", "调查员", "状态", "错误", "已说明", "待说明", "冲突", "意见", "来自"]
                        : ["Village", "No.", "Head", "Enumerator", "Status", "Err", "Expl", "Open", "Conf", "Cmt", "From"]
        ListView.row(&buf, 3, header, style: Style(bold: true), styles: nil, widths: widths(l))
        if list.total == 0 && !list.loading {
            let filtered = q != ReviewQuery(sort: q.sort)
            buf.put(filtered ? (zh ? "没有符合条件的户。按 Esc 清除搜索和筛选。" : "Nothing matches. Esc clears the search and filters.")
                             : (zh ? "还没有户。用 hufang bundle import 导入调查员的数据包。" : "No households yet. Import the enumerators' bundles with hufang bundle import."),
                    x: 2, y: 5, style: .hint)
        }
        let rows = state.layout.reviewList
        for (i, index) in list.selection.onScreen(rows.count).enumerated() {
            let y = rows.first + i
            guard list.rows.indices.contains(index - list.offset) else {
                buf.put("…", x: 1, y: y, style: .hint)
                continue
            }
            let r = list.rows[index - list.offset], h = r.household
            func n(_ v: Int) -> String { v > 0 ? String(v) : "" }
            let cells = [village(h.villageCode), h.householdNo, h.headName.isEmpty ? (zh ? "（未填）" : "(none)") : h.headName, h.enumerator,
                         StatusBadge(h.status).label(l), n(h.hardErrors), n(r.overrides), n(h.softOpen), n(r.openConflicts), n(r.openComments),
                         sender(r.sender)]
            let selected = index == list.selected
            var styles = Array(repeating: selected ? Style.selected : Style.plain, count: cells.count)
            if selected {
                buf.fill(x: 0, y: y, width: buf.width, height: 1, style: .selected)
            } else {
                styles[4] = StatusBadge(h.status).style
                styles[5] = .error
                styles[6] = .hint
                styles[7] = .warning
                styles[8] = .error
                styles[9] = .comment
            }
            ListView.row(&buf, y, cells, style: .plain, styles: styles, widths: widths(l))
        }
        if list.total > 0 {
            let where_ = zh ? "第 \(list.selected + 1) / \(list.total) 户" : "\(list.selected + 1) of \(list.total)"
            buf.put(where_, x: buf.width - CellWidth.of(where_) - 1, y: buf.height - 3, style: .hint)
        }
        // What just happened first; else the certificate's notice, which stays until the county enrols the device again.
        Chrome.statusLine(&buf, state.status ?? state.certificate?.notice(l), hint: zh ? "输入户主姓名或身份证号开头即可查找；F2–F5 筛选" : "Type a name or ID-number prefix to search; F2–F5 filter")
        Chrome.keyBar(&buf, zh ? [("Enter", "审核"), ("F2", "状态"), ("F3", "标记"), ("F4", "村"), ("F6", "排序"), ("F7", "冲突"), ("F8", "概览"),
                                  ("F1", "帮助"), ("F10", "退出")]
                               : [("Enter", "review"), ("F2", "status"), ("F3", "flag"), ("F4", "village"), ("F6", "sort"), ("F7", "conflicts"),
                                  ("F8", "dashboard"), ("F1", "help"), ("F10", "quit")])
    }

    static func flagName(_ f: ReviewQuery.Flag, _ l: Language) -> String {
        let zh = l == .zh
        switch f {
        case .errors: return zh ? "有错误" : "errors"
        case .unexplained: return zh ? "待说明" : "open warnings"
        case .overrides: return zh ? "已说明" : "reasons given"
        case .conflicts: return zh ? "有冲突" : "conflicts"
        case .comments: return zh ? "有意见" : "comments"
        }
    }

    static func sortName(_ s: ReviewQuery.Sort, _ l: Language) -> String {
        let zh = l == .zh
        switch s {
        case .number: return zh ? "村、户号" : "number"
        case .status: return zh ? "状态" : "status"
        case .updated: return zh ? "最近修改" : "last change"
        case .problems: return zh ? "问题多的在前" : "most problems"
        }
    }
}
