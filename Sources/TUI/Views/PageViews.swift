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
        case .integer, .decimal: return 8          // "46 years", with its unit
        default: return 6
        }
    }

    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, _ form: FormState, _ g: GridState) {
        let lang = state.lang
        let iv = form.interview, q = iv.questionnaire
        FormView.header(&buf, state, form)
        let roster = q.rosters[g.roster]
        let rows = iv.rowIDs(of: g.roster)
        let sections = FormNavigation(interview: iv).sections(of: g.roster)
        buf.put(Phrase.rosterTitle.text(lang, roster.label, rows.count, T.rowUnit(roster, iv.questionnaire)), x: 1, y: 1, style: .title)
        let cols = columns(iv, roster: g.roster)
        var x = 5
        for c in cols {
            buf.put(Chrome.clip(q.questions[c].label.text(lang), width(q.questions[c])), x: x, y: 2, style: .title)
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
                buf.put(Chrome.clip(text, width(question)), x: cx, y: y, style: base)
                cx += width(question) + 1
            }
            for (i, s) in sections.enumerated() {
                let (mark, style) = self.mark(iv, section: s, row: row)
                let st: Style = selected && i == g.column ? Style(bold: true) : selected ? .selected : style
                buf.put(mark, x: marksX + i * 3, y: y, style: st)
            }
        }
        if rows.isEmpty { buf.put(Phrase.emptyRoster.text(lang), x: 5, y: 4, style: .hint) }
        let legend = Phrase.gridLegend.text(lang)
        buf.put(legend, x: 1, y: state.layout.positionLine, style: .hint)
        Chrome.statusLine(&buf, state, hint: Phrase.gridHint.text(lang))
        Chrome.keyBar(&buf, [("Enter", Phrase.keyOpen.text(lang)), ("←→", Phrase.keyPart.text(lang)), ("F7", Phrase.formAdd.text(lang)),
                             ("F8", Phrase.keyRemove.text(lang)), ("Esc", Phrase.keyBack.text(lang)), ("F1", Phrase.formKeyHelp.text(lang))])
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
        let lang = state.lang
        let iv = form.interview, q = iv.questionnaire
        FormView.header(&buf, state, form)
        let problems = iv.problems
        let errors = problems.filter { $0.severity == .error }.count
        let explained = problems.filter { $0.overrideReason != nil }.count
        buf.put(Phrase.checksSummary.text(lang, errors, problems.count - errors, explained), x: 1, y: 1, style: .title)
        if problems.isEmpty { buf.put(Phrase.checksNone.text(lang), x: 3, y: 3, style: .done) }
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
                where_ += Phrase.checksRow.text(lang, i, T.rowUnit(q.rosters[r], q), RowLabel.of(iv, roster: r, row: row))
            }
            where_ += " · " + question.label.text(lang)
            let mark = p.severity == .error ? "✗" : p.overrideReason != nil ? "✓" : "!"
            let markStyle: Style = selected ? .selected : p.severity == .error ? .error : p.overrideReason != nil ? .hint : .warning
            buf.put(mark, x: 1, y: y, style: markStyle)
            buf.put(where_, x: 3, y: y, style: selected ? .selected : .title, limit: buf.width - 4)
            let message = ProblemText.of(p, in: iv, lang: lang)
            buf.put(Chrome.clip(message, buf.width - 6), x: 5, y: y + 1, style: selected ? .selected : .plain)
        }
        // The selected problem's message in full when its line cuts it.
        let full = problems.indices.contains(c.problems.selected) ? ProblemText.of(problems[c.problems.selected], in: iv, lang: lang) : ""
        Chrome.statusLine(&buf, state, hint: CellWidth.of(full) > buf.width - 6 ? full : Phrase.checksHint.text(lang))
        Chrome.keyBar(&buf, [("Enter", Phrase.keyGoToField.text(lang)), ("F7", Phrase.keyExplain.text(lang)), ("↑↓", Phrase.keySelect.text(lang)),
                             ("Esc", Phrase.keyBack.text(lang)), ("F1", Phrase.formKeyHelp.text(lang))])
    }
}

/// The assessment against the income line and 两不愁三保障, and the sign-off.
enum AssessmentView {
    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, _ form: FormState, _ page: AssessmentState) {
        let lang = state.lang
        let iv = form.interview
        FormView.header(&buf, state, form)
        let a = Assessment(iv)
        buf.put(Phrase.assessTitle.text(lang), x: 1, y: 1, style: .title)
        var y = 2
        let income = a.perCapitaNetIncome.map { Value.format($0) } ?? "—"
        let line = a.incomeLine.map { Value.format($0) } ?? "—"
        var x = buf.put(Phrase.assessIncome.text(lang, income, line), x: 1, y: y)
        if let i = a.perCapitaNetIncome, let l = a.incomeLine {
            x += buf.put(i >= l ? Phrase.aboveLine.text(lang) : Phrase.belowLine.text(lang), x: 1 + x, y: y, style: i >= l ? .done : .error)
        }
        y += 1
        for g in a.guarantees {
            let (mark, style): (String, Style) = g.met == true ? ("✓", .done) : g.met == false ? ("✗", .error) : ("?", .warning)
            var text = g.label.text(lang)
            if g.met == false, let r = g.reasons.first { text += Phrase.colon.text(lang) + r.text(lang) }
            if g.met == nil { text += Phrase.answersMissing.text(lang) }
            buf.put(mark, x: 2, y: y, style: style)
            buf.put(text, x: 4, y: y, style: g.met == false ? .error : .plain, limit: buf.width - 5)
            y += 1
        }
        let suggestion = a.status.label.text(lang)
        x = buf.put(Phrase.assessSuggested.text(lang), x: 1, y: y, style: .title)
        buf.put(suggestion, x: 1 + x, y: y, style: Style(color: a.status == .meetsExitStandard ? .green : .yellow, bold: true))
        y += 1
        for r in a.reasons.prefix(2) {
            buf.put("· " + r.text(lang), x: 3, y: y, style: .hint, limit: buf.width - 4)
            y += 1
        }
        y += 1
        buf.put(Phrase.assessSignatures.text(lang), x: 1, y: y, style: .title)
        y += 1
        for (i, item) in SignOff.items(iv, lang: lang).enumerated() {
            let selected = i == page.items.selected
            if selected { buf.fill(x: 1, y: y, width: buf.width - 2, height: 1, style: .selected) }
            buf.put(item.ok ? "✓" : "✗", x: 2, y: y, style: selected ? .selected : item.ok ? .done : .warning)
            buf.put(item.label, x: 4, y: y, style: selected ? .selected : .plain, limit: 30)
            buf.put(item.value.isEmpty ? Phrase.assessEmpty.text(lang) : item.value, x: 36, y: y, style: selected ? .selected : .plain, limit: buf.width - 37)
            y += 1
        }
        let blockers = SignOff.blockers(iv, lang: lang)
        if y < state.layout.messageLine {
            if blockers.isEmpty {
                buf.put(Phrase.assessReady.text(lang), x: 1, y: y, style: .done)
            } else {
                buf.put(Phrase.assessNotYet.text(lang) + blockers.joined(separator: Phrase.semicolon.text(lang)), x: 1, y: y, style: .warning, limit: buf.width - 2)
            }
        }
        Chrome.statusLine(&buf, state)
        Chrome.keyBar(&buf, [("F9", Phrase.keyComplete.text(lang)), ("Enter", Phrase.keyGoToField.text(lang)), ("↑↓", Phrase.keySelect.text(lang)),
                             ("Esc", Phrase.keyBack.text(lang)), ("F2", Phrase.formKeyChecks.text(lang)), ("F1", Phrase.formKeyHelp.text(lang))])
    }
}

/// F1: every key of the screen shown, with its Ctrl- fallback.
enum HelpView {
    static func entries(_ state: AppState) -> [(String, String)] {
        func a(_ action: Action, _ text: Phrase) -> (String, String) { (action.fullLabel, text.text(state.lang)) }
        var out: [(String, String)] = []
        guard let form = state.form else {
            return [("Enter", Phrase.openHouseholdWhereLeft.text(state.lang)),
                    ("↑↓ PgUp PgDn", Phrase.selectHousehold.text(state.lang)),
                    (Phrase.typing.text(state.lang), Phrase.searchNameIdNumberPrefix.text(state.lang)),
                    ("Esc", Phrase.clearSearch.text(state.lang)),
                    a(.add, .helpNewHousehold), a(.help, .helpThisHelp), a(.quit, .helpQuitSaved),
                    ("Ctrl-C", Phrase.quit.text(state.lang))]
        }
        switch form.mode {
        case .fields:
            out = [("Enter / Tab / ↓", Phrase.confirmGoNextQuestion.text(state.lang)),
                   ("Shift-Tab / ↑", Phrase.confirmGoBack.text(state.lang)),
                   ("PgDn / PgUp", Phrase.nextSectionStartPrevious.text(state.lang)),
                   ("Esc", Phrase.cancelEditOtherwiseBack.text(state.lang)),
                   ("Backspace / Ctrl-U", Phrase.deleteCharacterClearAll.text(state.lang)),
                   (Phrase.codeLists.text(state.lang), Phrase.codePartLabelEnter.text(state.lang)),
                   ("Ctrl-V", Phrase.insertNextKeyLiterally.text(state.lang)),
                   a(.checks, .helpChecks),
                   a(.roster, .helpGrid),
                   a(.assessment, .assessmentSignOffComplete),
                   a(.nextUnanswered, .nextUnansweredRequiredQuestion),
                   a(.nextProblem, .nextProblem),
                   ([Action.add, .remove].map { $0.fullLabel.split(separator: " / ").joined(separator: " ") }.joined(separator: " / "),
                    Phrase.helpAddRemoveRow.text(state.lang)),
                   a(.complete, .helpCompleteOnSignOff),
                   a(.quit, .backListConfirmedAnswers)]
        case .grid:
            out = [("↑↓", Phrase.selectRow.text(state.lang)), ("←→ Tab", Phrase.choosePart.text(state.lang)),
                   ("Enter", Phrase.openPartRow.text(state.lang)),
                   a(.add, .addRow), a(.remove, .removeRowAsksReason),
                   ("Esc / " + Action.roster.fullLabel, Phrase.backForm.text(state.lang))]
        case .checks:
            out = [("↑↓", Phrase.selectProblem.text(state.lang)), ("Enter", Phrase.goField.text(state.lang)),
                   a(.explain, .explainWarningsOnly),
                   ("Esc / " + Action.checks.fullLabel, Phrase.backForm.text(state.lang))]
        case .assessment:
            out = [("↑↓", Phrase.selectSignOffItem.text(state.lang)), ("Enter", Phrase.goFieldToFill.text(state.lang)),
                   a(.complete, .completeRefusedReasonsWhile),
                   ("Esc / " + Action.assessment.fullLabel, Phrase.backForm.text(state.lang))]
        }
        return out + [a(.help, .helpAnyKeyCloses), ("Ctrl-C", Phrase.helpQuit.text(state.lang))]
    }

    static func draw(_ buf: inout ScreenBuffer, _ state: AppState) { draw(&buf, entries(state), lang: state.lang) }

    /// A box of keys and what they do (the supervisor's screens use it too).
    static func draw(_ buf: inout ScreenBuffer, _ list: [(String, String)], lang: Language) {
        // The box stays above the message line; a long list gives up the blank line under the title.
        let w = buf.width - 4, h = min(buf.height - 3, list.count + 5)
        let gap = list.count > h - 5 ? 0 : 1
        buf.fill(x: 2, y: 1, width: w, height: h)
        buf.box(x: 2, y: 1, width: w, height: h, style: .key)
        buf.put(Phrase.helpTitle.text(lang), x: 4, y: 1, style: .title)
        for (i, (key, text)) in list.prefix(h - 4 - gap).enumerated() {
            buf.put(key, x: 4, y: 2 + gap + i, style: .key, limit: 22)
            buf.put(text, x: 27, y: 2 + gap + i, limit: w - 27)
        }
        buf.put(Phrase.pressAnyKey.text(lang), x: 4, y: h - 1, style: .hint)
    }
}

/// A reason to type: removing a row, or accepting a warning.
enum PromptView {
    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, _ p: Prompt) {
        draw(&buf, lang: state.lang, title: p.title, detail: p.detail, label: Phrase.explainLabel.text(state.lang), text: p.text, error: p.error)
    }

    /// A box asking for a line of text (the supervisor's screens use it too).
    static func draw(_ buf: inout ScreenBuffer, lang: Language, title: String, detail: String, label: String, text typed: String, error: String?) {
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
        buf.put(Phrase.enterConfirmEscCancel.text(lang), x: x + 2, y: y + h - 2, style: .hint)
    }
}
