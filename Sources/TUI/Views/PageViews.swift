import Survey

/// A roster as a grid: one line per member (or crop), the first questions as columns, and a mark per
/// section asked of each row.
enum GridView {
    static func columns(_ iv: Interview, roster: Int) -> [Int] {
        let q = iv.questionnaire
        guard let owner = q.sections.first(where: { $0.roster == roster }) else { return [] }
        return Array(owner.questions.filter { q.questions[$0].isInput }.prefix(5))
    }

    static func width(_ q: Question) -> Int {
        switch q.type {
        case .idNumber: return 18
        case .text: return 10
        case .code: return 10
        default: return 6
        }
    }

    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, _ form: FormState, _ g: GridState) {
        let lang = state.lang, zh = lang == .zh
        let iv = form.interview, q = iv.questionnaire
        FormView.header(&buf, state, form)
        let roster = q.rosters[g.roster]
        let rows = iv.rowIDs(of: g.roster)
        let sections = FormNavigation(interview: iv).sections(of: g.roster)
        buf.put(zh ? "\(roster.label.zh)（共\(rows.count)\(T.rowUnit(roster))）" : "\(roster.label.en) (\(rows.count))", x: 1, y: 1, style: .title)
        let cols = columns(iv, roster: g.roster)
        var x = 5
        for c in cols {
            buf.put(q.questions[c].label.text(lang), x: x, y: 2, style: .title, limit: width(q.questions[c]))
            x += width(q.questions[c]) + 1
        }
        let marksX = x
        for (i, s) in sections.enumerated() {
            buf.put(q.sections[s].id, x: marksX + i * 3, y: 2, style: i == g.column ? Style(bold: true, reverse: true) : .title)
        }
        let visible = state.layout.grid
        for (n, row) in rows.enumerated().dropFirst(g.rows.top).prefix(visible.count) {
            let y = visible.first + n - g.rows.top
            let selected = n == g.rows.selected
            if selected { buf.fill(x: 0, y: y, width: buf.width, height: 1, style: .selected) }
            let base: Style = selected ? .selected : .plain
            buf.put(Chrome.right("\(n + 1)", 3), x: 0, y: y, style: base)
            var cx = 5
            for c in cols {
                let question = q.questions[c]
                let text = iv.value(of: c, row: row).map { FieldInput.display($0, question, lang) } ?? ""
                buf.put(text, x: cx, y: y, style: base, limit: width(question))
                cx += width(question) + 1
            }
            for (i, s) in sections.enumerated() {
                let (mark, style) = self.mark(iv, section: s, row: row)
                let st: Style = selected && i == g.column ? Style(bold: true) : selected ? .selected : style
                buf.put(mark, x: marksX + i * 3, y: y, style: st)
            }
        }
        if rows.isEmpty { buf.put(T.emptyRoster(lang), x: 5, y: 4, style: .hint) }
        let legend = zh ? "✓ 已填完  … 未填完  ! 有错误  - 不需填写" : "✓ done  … partly  ! error  - not asked"
        buf.put(legend, x: 1, y: buf.height - 3, style: .hint)
        Chrome.statusLine(&buf, state, hint: zh ? "←→ 选择部分，Enter 打开该成员的这一部分" : "←→ choose a part, Enter opens it for this row")
        Chrome.keyBar(&buf, zh ? [("Enter", "打开"), ("←→", "选部分"), ("F7", "添加"), ("F8", "删除"), ("Esc", "返回"), ("F1", "帮助")]
                               : [("Enter", "open"), ("←→", "part"), ("F7", "add"), ("F8", "remove"), ("Esc", "back"), ("F1", "help")])
    }

    /// A row's mark for one section: done, partly, error, or not asked.
    static func mark(_ iv: Interview, section: Int, row: RowID) -> (String, Style) {
        let q = iv.questionnaire
        var required = 0, answered = 0, asked = false, error = false
        for qi in q.sections[section].questions where q.questions[qi].isInput && iv.isRelevant(qi, row: row) {
            asked = true
            if q.questions[qi].required {
                required += 1
                if iv.value(of: qi, row: row) != nil { answered += 1 }
            }
            if iv.problems(at: qi, row: row).contains(where: { $0.severity == .error }) { error = true }
        }
        if !asked { return ("-", .hint) }
        if error { return ("!", .error) }
        if answered == required { return ("✓", .done) }
        return (answered > 0 ? "…" : "·", .warning)
    }
}

/// Every problem of the household, errors first; Enter goes to the field.
enum ChecksView {
    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, _ form: FormState, _ c: ChecksState) {
        let lang = state.lang, zh = lang == .zh
        let iv = form.interview, q = iv.questionnaire
        FormView.header(&buf, state, form)
        let problems = iv.problems
        let errors = problems.filter { $0.severity == .error }.count
        let explained = problems.filter { $0.overrideReason != nil }.count
        buf.put(zh ? "检查结果：错误 \(errors)，提示 \(problems.count - errors)（已说明 \(explained)）"
                   : "Checks: \(errors) error(s), \(problems.count - errors) warning(s) (\(explained) explained)", x: 1, y: 1, style: .title)
        if problems.isEmpty { buf.put(zh ? "没有发现问题。" : "No problems found.", x: 3, y: 3, style: .done) }
        let visible = state.layout.checks
        for (n, p) in problems.enumerated().dropFirst(c.problems.top).prefix(visible.count) {
            let y = visible.first + (n - c.problems.top) * 2
            let selected = n == c.problems.selected
            if selected { buf.fill(x: 0, y: y, width: buf.width, height: 2, style: .selected) }
            let place = ProblemPlace.of(p, in: iv)
            let question = q.questions[place.question]
            var where_ = q.sections[question.section].id + " " + q.sections[question.section].title.text(lang)
            if let r = question.roster, let row = place.row {
                let i = (iv.rowIDs(of: r).firstIndex(of: row) ?? 0) + 1
                where_ += zh ? " · 第\(i)\(T.rowUnit(q.rosters[r])) \(RowLabel.of(iv, roster: r, row: row))" : " · row \(i) \(RowLabel.of(iv, roster: r, row: row))"
            }
            where_ += " · " + question.label.text(lang)
            let mark = p.severity == .error ? "✗" : p.overrideReason != nil ? "✓" : "!"
            let markStyle: Style = selected ? .selected : p.severity == .error ? .error : p.overrideReason != nil ? .hint : .warning
            buf.put(mark, x: 1, y: y, style: markStyle)
            buf.put(where_, x: 3, y: y, style: selected ? .selected : .title, limit: buf.width - 4)
            var message = q.checks[p.check].message.text(lang)
            if let reason = p.overrideReason { message += zh ? "（已说明：\(reason)）" : " (explained: \(reason))" }
            buf.put(message, x: 5, y: y + 1, style: selected ? .selected : .plain, limit: buf.width - 6)
        }
        Chrome.statusLine(&buf, state, hint: zh ? "提示（黄色）可说明原因后通过；错误（红色）必须改正" : "Warnings (yellow) pass with a reason; errors (red) must be fixed")
        Chrome.keyBar(&buf, zh ? [("Enter", "转到该项"), ("F7", "说明原因"), ("↑↓", "选择"), ("Esc", "返回"), ("F1", "帮助")]
                               : [("Enter", "go to field"), ("F7", "explain"), ("↑↓", "select"), ("Esc", "back"), ("F1", "help")])
    }
}

/// The assessment against the income line and 两不愁三保障, and the sign-off.
enum AssessmentView {
    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, _ form: FormState, _ page: AssessmentState) {
        let lang = state.lang, zh = lang == .zh
        let iv = form.interview
        FormView.header(&buf, state, form)
        let a = Assessment(iv)
        buf.put(zh ? "评估与签字" : "Assessment and sign-off", x: 1, y: 1, style: .title)
        var y = 2
        let income = a.perCapitaNetIncome.map { Value.format($0) } ?? "—"
        let line = a.incomeLine.map { Value.format($0) } ?? "—"
        var x = buf.put(zh ? "人均纯收入 \(income) 元   标准 \(line) 元   " : "Per-capita net income \(income) yuan   line \(line) yuan   ", x: 1, y: y)
        if let i = a.perCapitaNetIncome, let l = a.incomeLine {
            x += buf.put(i >= l ? (zh ? "✓ 高于标准" : "✓ above the line") : (zh ? "✗ 低于标准" : "✗ below the line"), x: 1 + x, y: y, style: i >= l ? .done : .error)
        }
        y += 1
        for g in a.guarantees {
            let (mark, style): (String, Style) = g.met == true ? ("✓", .done) : g.met == false ? ("✗", .error) : ("?", .warning)
            var text = g.label.text(lang)
            if g.met == false, let r = g.reasons.first { text += (zh ? "：" : ": ") + r.text(lang) }
            if g.met == nil { text += zh ? "：信息不全" : ": answers missing" }
            buf.put(mark, x: 2, y: y, style: style)
            buf.put(text, x: 4, y: y, style: g.met == false ? .error : .plain, limit: buf.width - 5)
            y += 1
        }
        let suggestion = a.status.label.text(lang)
        x = buf.put(zh ? "评估建议：" : "Suggested: ", x: 1, y: y, style: .title)
        buf.put(suggestion, x: 1 + x, y: y, style: Style(color: a.status == .meetsExitStandard ? .green : .yellow, bold: true))
        y += 1
        for r in a.reasons.prefix(2) {
            buf.put("· " + r.text(lang), x: 3, y: y, style: .hint, limit: buf.width - 4)
            y += 1
        }
        y += 1
        buf.put(zh ? "签字与认可" : "Signatures and consent", x: 1, y: y, style: .title)
        y += 1
        for (i, item) in SignOff.items(iv, lang: lang).enumerated() {
            let selected = i == page.items.selected
            if selected { buf.fill(x: 1, y: y, width: buf.width - 2, height: 1, style: .selected) }
            buf.put(item.ok ? "✓" : "✗", x: 2, y: y, style: selected ? .selected : item.ok ? .done : .warning)
            buf.put(item.label, x: 4, y: y, style: selected ? .selected : .plain, limit: 30)
            buf.put(item.value.isEmpty ? (zh ? "（未填）" : "(empty)") : item.value, x: 36, y: y, style: selected ? .selected : .plain, limit: buf.width - 37)
            y += 1
        }
        let blockers = SignOff.blockers(iv, lang: lang)
        if y < buf.height - 2 {
            if blockers.isEmpty {
                buf.put(zh ? "✓ 可以完成：按 F9 标记本户为已完成" : "✓ Ready: F9 marks the household complete", x: 1, y: y, style: .done)
            } else {
                buf.put((zh ? "✗ 还不能完成：" : "✗ Not yet: ") + blockers.joined(separator: zh ? "；" : "; "), x: 1, y: y, style: .warning, limit: buf.width - 2)
            }
        }
        Chrome.statusLine(&buf, state)
        Chrome.keyBar(&buf, zh ? [("F9", "完成"), ("Enter", "转到该项"), ("↑↓", "选择"), ("Esc", "返回"), ("F2", "检查"), ("F1", "帮助")]
                               : [("F9", "complete"), ("Enter", "go to field"), ("↑↓", "select"), ("Esc", "back"), ("F2", "checks"), ("F1", "help")])
    }
}

/// F1: every key of the screen shown, with its Ctrl- fallback.
enum HelpView {
    static func entries(_ state: AppState) -> [(String, String)] {
        let zh = state.lang == .zh
        func a(_ action: Action, _ zhText: String, _ enText: String) -> (String, String) { (action.fullLabel, zh ? zhText : enText) }
        var out: [(String, String)] = []
        guard let form = state.form else {
            return [("Enter", zh ? "打开所选农户，回到上次的位置" : "open the household where it was left"),
                    ("↑↓ PgUp PgDn", zh ? "选择农户" : "select a household"),
                    (zh ? "输入文字" : "typing", zh ? "按姓名或身份证号开头查找" : "search by name or ID-number prefix"),
                    ("Esc", zh ? "清除搜索" : "clear the search"),
                    a(.add, "新建一户", "new household"), a(.help, "帮助", "this help"), a(.quit, "退出（所有答案已保存）", "quit (every answer is saved)"),
                    ("Ctrl-C", zh ? "退出" : "quit")]
        }
        switch form.mode {
        case .fields:
            out = [("Enter / Tab / ↓", zh ? "确认并到下一项" : "confirm and go to the next question"),
                   ("Shift-Tab / ↑", zh ? "确认并回到上一项" : "confirm and go back"),
                   ("PgDn / PgUp", zh ? "下一部分 / 本部分开头、上一部分" : "next section / start of this or previous section"),
                   ("Esc", zh ? "取消正在输入的修改；未输入时回到户名单" : "cancel the edit; otherwise back to the list"),
                   ("Backspace / Ctrl-U", zh ? "删一个字 / 清空（清空后 Enter 删除答案）" : "delete a character / clear all"),
                   (zh ? "代码题" : "code lists", zh ? "输入代码，或输入选项文字后用 ↑↓ 选，Enter 确认" : "the code, or part of the label, ↑↓, Enter"),
                   ("Ctrl-V", zh ? "把下一个键原样输入（控制字符显示为转义）" : "insert the next key literally (shown escaped)"),
                   a(.checks, "检查：列出所有错误和提示", "checks: every error and warning"),
                   a(.roster, "成员表（或作物表）", "member (or crop) grid"),
                   a(.assessment, "评估与签字、完成", "assessment, sign-off, complete"),
                   a(.nextUnanswered, "下一个未答的必答项", "next unanswered required question"),
                   a(.nextProblem, "下一个问题", "next problem"),
                   a(.add, "在成员/作物部分添加一行", "add a row (members, crops)"),
                   a(.quit, "回到户名单（已确认的答案都已保存）", "back to the list (confirmed answers are saved)")]
        case .grid:
            out = [("↑↓", zh ? "选择行" : "select a row"), ("←→ Tab", zh ? "选择部分" : "choose a part"),
                   ("Enter", zh ? "打开所选行的这一部分" : "open that part for the row"),
                   a(.add, "添加一行", "add a row"), a(.remove, "删除所选行（需确认并说明原因）", "remove the row (asks for a reason)"),
                   ("Esc / " + Action.roster.fullLabel, zh ? "返回问卷" : "back to the form")]
        case .checks:
            out = [("↑↓", zh ? "选择问题" : "select a problem"), ("Enter", zh ? "转到该项修改" : "go to the field"),
                   a(.explain, "说明原因（只用于黄色提示）", "explain (warnings only)"),
                   ("Esc / " + Action.checks.fullLabel, zh ? "返回问卷" : "back to the form")]
        case .assessment:
            out = [("↑↓", zh ? "选择签字项" : "select a sign-off item"), ("Enter", zh ? "转到该项填写" : "go to the field"),
                   a(.complete, "完成本户（有错误或未填项时会说明原因）", "complete (refused with the reasons while anything is open)"),
                   ("Esc / " + Action.assessment.fullLabel, zh ? "返回问卷" : "back to the form")]
        }
        return out + [a(.help, "帮助（任意键关闭）", "help (any key closes)"), ("Ctrl-C", zh ? "退出程序" : "quit")]
    }

    static func draw(_ buf: inout ScreenBuffer, _ state: AppState) { draw(&buf, entries(state), lang: state.lang) }

    /// A box of keys and what they do (the supervisor's screens use it too).
    static func draw(_ buf: inout ScreenBuffer, _ list: [(String, String)], lang: Language) {
        let zh = lang == .zh
        let w = buf.width - 4, h = min(buf.height - 2, list.count + 5)
        buf.fill(x: 2, y: 1, width: w, height: h)
        buf.box(x: 2, y: 1, width: w, height: h, style: .key)
        buf.put(zh ? " 按键说明（F键按不了时用 Ctrl 键） " : " Keys (use the Ctrl keys where F-keys do not work) ", x: 4, y: 1, style: .title)
        for (i, (key, text)) in list.prefix(h - 5).enumerated() {
            buf.put(key, x: 4, y: 3 + i, style: .key, limit: 22)
            buf.put(text, x: 27, y: 3 + i, limit: w - 27)
        }
        buf.put(zh ? "按任意键返回" : "Press any key", x: 4, y: h - 1, style: .hint)
    }
}

/// A reason to type: removing a row, or accepting a warning.
enum PromptView {
    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, _ p: Prompt) {
        draw(&buf, lang: state.lang, title: p.title, detail: p.detail, label: state.lang == .zh ? "原因：" : "Reason: ", text: p.text, error: p.error)
    }

    /// A box asking for a line of text (the supervisor's screens use it too).
    static func draw(_ buf: inout ScreenBuffer, lang: Language, title: String, detail: String, label: String, text typed: String, error: String?) {
        let zh = lang == .zh
        let w = min(72, buf.width - 4), x = (buf.width - w) / 2
        let detail = Chrome.wrap(detail, w - 4).prefix(3)
        let h = 6 + detail.count
        let y = max(1, (buf.height - h) / 2)
        buf.fill(x: x, y: y, width: w, height: h)
        buf.box(x: x, y: y, width: w, height: h, style: .warning)
        buf.put(" " + title + " ", x: x + 2, y: y, style: .title, limit: w - 4)
        for (i, line) in detail.enumerated() { buf.put(line, x: x + 2, y: y + 1 + i) }
        let inputY = y + 2 + detail.count
        let used = buf.put(label, x: x + 2, y: inputY, style: .title)
        let text = Chrome.wrap(typed, max(1, w - 6 - used)).last ?? ""
        let n = buf.put(text, x: x + 2 + used, y: inputY, style: Style(bold: true))
        buf.put("_", x: x + 2 + used + n, y: inputY, style: .key)
        if let e = error { buf.put("✗ " + e, x: x + 2, y: inputY + 1, style: .error, limit: w - 4) }
        buf.put(zh ? "Enter 确认   Esc 取消" : "Enter confirm   Esc cancel", x: x + 2, y: y + h - 2, style: .hint)
    }
}
