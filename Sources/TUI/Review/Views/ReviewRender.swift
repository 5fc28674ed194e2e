import Foundation
import Store
import Survey

/// Draws the supervisor's state into a frame. Pure: the same state always gives the same cells.
public enum ReviewRender {
    public static func frame(_ state: ReviewState) -> ScreenBuffer {
        var buf = ScreenBuffer(width: state.width, height: state.height)
        if state.tooSmall {
            TooSmallView.draw(&buf, AppState(lang: state.lang, width: state.width, height: state.height))
            return buf
        }
        switch state.screen {
        case .list: ReviewListView.draw(&buf, state)
        case .household: if let sheet = state.sheet { SheetView.draw(&buf, state, sheet) }
        case .conflicts: ConflictView.draw(&buf, state)
        case .dashboard: if let d = state.dashboard { DashboardView.draw(&buf, state, d) }
        }
        let lang = state.lang
        switch state.overlay {
        case .help?: HelpView.draw(&buf, ReviewHelp.entries(state), lang: lang)
        case .prompt(let p)?: PromptView.draw(&buf, lang: lang, title: p.title, detail: p.detail, label: p.label, text: p.text, error: p.error)
        case .confirmApprove(_, let name)?: ConfirmBox.draw(&buf, lang: lang, name: name)
        case .history(let panel)?: HistoryView.draw(&buf, lang: lang, panel, in: state.layout.history)
        case .failing(let list)?: FailingView.draw(&buf, lang: lang, list, in: state.layout.failing)
        case nil: break
        }
        return buf
    }
}

/// The keys of the screen on show, for the help box.
enum ReviewHelp {
    static func entries(_ state: ReviewState) -> [(String, String)] {
        let zh = state.lang == .zh
        func a(_ action: ReviewAction, _ zhText: String, _ enText: String) -> (String, String) { (action.fullLabel, zh ? zhText : enText) }
        var out: [(String, String)]
        switch state.screen {
        case .list:
            out = [("Enter", zh ? "打开所选户审核" : "review the selected household"),
                   ("↑↓ PgUp PgDn", zh ? "选择农户" : "select a household"),
                   (zh ? "输入文字" : "typing", zh ? "按户主姓名或身份证号开头查找" : "search by name or ID-number prefix"),
                   ("Esc", zh ? "清除搜索；再按清除全部筛选" : "clear the search, then every filter"),
                   a(.statusFilter, "按状态筛选（依次切换）", "filter by status (cycles)"),
                   a(.flagFilter, "按标记筛选：错误、待说明、已说明、冲突、意见", "filter by flag: errors, open warnings, reasons, conflicts, comments"),
                   a(.villageFilter, "按村筛选", "filter by village"), a(.enumeratorFilter, "按调查员筛选", "filter by enumerator"),
                   a(.sort, "排序：户号、状态、最近修改、问题多少", "sort: number, status, last change, problems"),
                   a(.conflicts, "冲突队列", "conflict queue"), a(.dashboard, "村情概览", "village dashboard"),
                   (Action.quit.fullLabel, zh ? "退出（所有决定都已保存）" : "quit (every decision is saved)")]
        case .household:
            out = [("↑↓ PgUp PgDn", zh ? "在各项之间移动" : "move between fields"),
                   ("Enter", zh ? "查看该项的修改历史（值、修改人、时间、说明）" : "the field's history (values, who, when, reasons)"),
                   a(.commentField, "对光标所在项提意见", "comment on the field"), a(.commentHousehold, "对本户提意见", "comment on the household"),
                   (Action.nextProblem.fullLabel, zh ? "下一个有错误、提示或意见的项" : "next field with an error, warning or comment"),
                   a(.sendBack, "退回本户（需写明原因）", "send back (asks for the reason)"), a(.approve, "审核通过（需再确认）", "approve (asks to confirm)"),
                   ("Esc / " + Action.quit.fullLabel, zh ? "返回户名单" : "back to the list")]
        case .conflicts:
            out = [("↑↓", zh ? "选择冲突" : "select a conflict"),
                   a(.takeMine, "取本机的值", "keep this store's value"), a(.takeTheirs, "取对方的值", "take the other side's value"),
                   a(.typeValue, "输入合并后的值", "type a merged value"),
                   ("Esc / " + Action.quit.fullLabel, zh ? "返回户名单" : "back to the list")]
        case .dashboard:
            out = [("↑↓", zh ? "选择两不愁三保障的一项" : "select a guarantee"), ("Enter", zh ? "列出未达到的户，可直接打开" : "list the households failing it"),
                   ("PgUp PgDn", zh ? "上下翻页" : "scroll"), a(.villageFilter, "换一个村", "next village"),
                   ("Esc / " + Action.quit.fullLabel, zh ? "返回户名单" : "back to the list")]
        }
        return out + [(Action.help.fullLabel, zh ? "帮助（任意键关闭）" : "help (any key closes)"), ("Ctrl-C", zh ? "退出程序" : "quit")]
    }
}

/// "Approve this household?" — Enter approves, anything else leaves it as it was.
enum ConfirmBox {
    static func draw(_ buf: inout ScreenBuffer, lang: Language, name: String) {
        let zh = lang == .zh
        let w = min(60, buf.width - 4), h = 5, x = (buf.width - w) / 2, y = (buf.height - h) / 2
        buf.fill(x: x, y: y, width: w, height: h)
        buf.box(x: x, y: y, width: w, height: h, style: .done)
        buf.put(zh ? " 审核通过 " : " Approve ", x: x + 2, y: y, style: .title)
        buf.put(zh ? "确认通过 \(name)？" : "Approve \(name)?", x: x + 2, y: y + 1, style: Style(bold: true), limit: w - 4)
        buf.put(zh ? "通过后随下一个数据包发给调查员" : "The decision goes out in the next bundle", x: x + 2, y: y + 2, limit: w - 4)
        buf.put(zh ? "Enter 通过   Esc 取消" : "Enter approve   Esc cancel", x: x + 2, y: y + 3, style: .hint, limit: w - 4)
    }
}

/// A field's history, over the lower part of the sheet so the field stays in view.
enum HistoryView {
    static func draw(_ buf: inout ScreenBuffer, lang: Language, _ panel: HistoryPanel, in box: Layout.Box) {
        let zh = lang == .zh
        let x = box.x, w = box.width, y = box.y, h = box.height
        buf.fill(x: x, y: y, width: w, height: h)
        buf.box(x: x, y: y, width: w, height: h, style: .key)
        buf.put((zh ? " 修改历史：" : " History: ") + panel.title + " ", x: x + 2, y: y, style: .title, limit: w - 4)
        let rows = box.rows.count
        if panel.lines.isEmpty { buf.put(zh ? "（没有修改记录）" : "(nothing recorded)", x: x + 2, y: y + 1, style: .hint) }
        for (i, line) in panel.lines.dropFirst(panel.top).prefix(rows).enumerated() {
            let style: Style = line.kind == .comment ? .comment : line.kind == .reason ? .warning : .plain
            var col = x + 2
            col += buf.put(line.when, x: col, y: box.rows.first + i, style: .hint) + 1
            col += buf.put(line.who, x: col, y: box.rows.first + i, style: Style(bold: true), limit: 10) + 1
            buf.put(line.text, x: max(col, x + 31), y: box.rows.first + i, style: style, limit: x + w - 2 - max(col, x + 31))
        }
        let more = panel.lines.count > rows ? (zh ? "↑↓ 滚动  " : "↑↓ scroll  ") : ""
        buf.put(more + (zh ? "任意键关闭" : "any key closes"), x: x + 2, y: y + h - 2, style: .hint)
    }
}

/// The households failing one guarantee, by name.
enum FailingView {
    static func draw(_ buf: inout ScreenBuffer, lang: Language, _ list: FailingList, in box: Layout.Box) {
        let zh = lang == .zh
        let w = box.width, x = box.x, y = box.y, h = box.height
        buf.fill(x: x, y: y, width: w, height: h)
        buf.box(x: x, y: y, width: w, height: h, style: .warning)
        buf.put(" " + list.title + " ", x: x + 2, y: y, style: .title, limit: w - 4)
        for i in list.selection.onScreen(box.rows.count) {
            let n = list.households[i]
            let row = box.rows.first + i - list.selection.top
            let selected = i == list.selection.selected
            if selected { buf.fill(x: x + 1, y: row, width: w - 2, height: 1, style: .selected) }
            buf.put("\(n.householdNo)  \(n.headName)", x: x + 2, y: row, style: selected ? .selected : .plain, limit: w - 4)
        }
        buf.put(zh ? "Enter 打开审核   Esc 关闭" : "Enter review   Esc close", x: x + 2, y: y + h - 2, style: .hint)
    }
}
