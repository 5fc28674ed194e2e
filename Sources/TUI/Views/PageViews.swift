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

/// The assessment against the income line and 两不愁三保障 with every reason, the sign-off fields,
/// every problem of the household (a warning is explained here with F7) and whether it can be
/// completed. Drawn on a canvas as tall as it needs, which scrolls to keep the selected entry in view.
enum AssessmentView {
    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, _ form: FormState, _ page: AssessmentState) {
        let lang = state.lang
        FormView.header(&buf, state, form)
        let (canvas, _) = self.canvas(form.interview, selected: page.items.selected, width: buf.width, lang: lang)
        let rows = state.layout.signOff
        // The page may have grown shorter since it scrolled (a resize, a reason typed): never past its foot.
        let top = max(0, min(page.top, canvas.height - rows.count))
        buf.copy(canvas, rows: top..<min(canvas.height, top + rows.count), to: rows.first)
        if top > 0 { buf.put("↑", x: buf.width - 1, y: rows.first, style: .hint) }
        if top + rows.count < canvas.height { buf.put("↓", x: buf.width - 1, y: rows.first + rows.count - 1, style: .hint) }
        Chrome.statusLine(&buf, state)
        Chrome.keyBar(&buf, [("F9", Phrase.keyComplete.text(lang)), ("Enter", Phrase.keyGoToField.text(lang)), ("F7", Phrase.keyExplain.text(lang)),
                             ("↑↓", Phrase.keySelect.text(lang)), ("Esc", Phrase.keyBack.text(lang)), ("F2", Phrase.formKeyChecks.text(lang)),
                             ("F1", Phrase.formKeyHelp.text(lang))])
    }

    /// The whole page, and the canvas rows of each entry (`SignOffEntry.all`), for scrolling.
    static func canvas(_ iv: Interview, selected: Int, width: Int, lang: Language) -> (ScreenBuffer, [Range<Int>]) {
        var c = ScreenBuffer(width: width, height: 400)
        var y = 0, entry = 0, rows: [Range<Int>] = []
        /// Text from `x`, wrapped to the right edge; returns the rows it took.
        @discardableResult
        func text(_ t: String, x: Int, _ style: Style = .plain, right: Int? = nil) -> Int {
            let parts = LineBreak.lines(t, width: max(1, (right ?? width - 1) - x))
            for (i, part) in parts.enumerated() where y + i < c.height { c.put(part, x: x, y: y + i, style: style) }
            return parts.count
        }
        /// A selectable entry: its mark, then what `body` draws; selected, it is drawn reversed.
        func entryRows(_ mark: String, _ markStyle: Style, _ body: (Bool) -> Int) {
            let isSelected = entry == selected
            let h = body(isSelected)
            if isSelected {
                c.fill(x: 1, y: y, width: width - 2, height: h, style: .selected)
                _ = body(true)
            }
            c.put(mark, x: 2, y: y, style: isSelected ? .selected : markStyle)
            rows.append(y..<(y + h))
            y += h
            entry += 1
        }
        let a = Assessment(iv)
        c.put(Phrase.assessTitle.text(lang), x: 1, y: y, style: .title)
        y += 1
        let income = a.perCapitaNetIncome.map { Value.format($0) } ?? "—", line = a.incomeLine.map { Value.format($0) } ?? "—"
        let x = c.put(Phrase.assessIncome.text(lang, income, line), x: 1, y: y)
        if let i = a.perCapitaNetIncome, let l = a.incomeLine {
            c.put(i >= l ? Phrase.aboveLine.text(lang) : Phrase.belowLine.text(lang), x: 1 + x, y: y, style: i >= l ? .done : .error)
        }
        y += 1
        // Every reason of a failed guarantee, one a line under its label.
        for g in a.guarantees {
            let (mark, style): (String, Style) = g.met == true ? ("✓", .done) : g.met == false ? ("✗", .error) : ("?", .warning)
            c.put(mark, x: 2, y: y, style: style)
            var label = g.label.text(lang)
            if g.met == nil { label += Phrase.answersMissing.text(lang) }
            if g.met == false, !g.reasons.isEmpty { label += Phrase.colon.text(lang) }
            let used = CellWidth.of(label)
            if g.met == false, !g.reasons.isEmpty, used < width / 2 {
                c.put(label, x: 4, y: y, style: .error)
                for r in g.reasons { y += text(r.text(lang), x: 4 + used, .error) }
            } else {
                y += text(label, x: 4, g.met == false ? .error : .plain)
                for r in g.reasons where g.met == false { y += text(r.text(lang), x: 6, .error) }
            }
        }
        let used = c.put(Phrase.assessSuggested.text(lang), x: 1, y: y, style: .title)
        c.put(a.status.label.text(lang), x: 1 + used, y: y, style: Style(color: a.status == .meetsExitStandard ? .green : .yellow, bold: true))
        y += 1
        for r in a.householdReasons {
            c.put("·", x: 3, y: y, style: .hint)
            y += text(r.text(lang), x: 5, .hint)
        }
        if a.statusDisagrees {
            entryRows("✗", .error) { on in text(Phrase.signOffRecordReturn.text(lang), x: 4, on ? .selected : .error) }
        }
        y += 1
        c.put(Phrase.assessSignatures.text(lang), x: 1, y: y, style: .title)
        y += 1
        for item in SignOff.items(iv, lang: lang) {
            entryRows(item.ok ? "✓" : "✗", item.ok ? .done : .warning) { on in
                let labels = text(item.label, x: 4, on ? .selected : .plain, right: 35)
                let values = text(item.value.isEmpty ? Phrase.assessEmpty.text(lang) : item.value, x: 36, on ? .selected : .plain)
                return max(labels, values)
            }
        }
        let problems = iv.problems, q = iv.questionnaire
        if !problems.isEmpty {
            y += 1
            let errors = problems.filter { $0.severity == .error }.count
            let explained = problems.filter { $0.overrideReason != nil }.count
            c.put(Phrase.checksSummary.text(lang, errors, problems.count - errors, explained), x: 1, y: y, style: .title)
            y += 1
            for p in problems {
                let (mark, style): (String, Style) = p.severity == .error ? ("✗", .error) : p.overrideReason != nil ? ("✓", .hint) : ("!", .warning)
                var message = q.checks[p.check].message.text(lang)
                if let reason = p.overrideReason { message += Phrase.formExplained.text(lang, reason) }
                entryRows(mark, style) { on in text(message, x: 4, on ? .selected : style == .hint ? .plain : style) }
            }
        }
        y += 1
        let blockers = SignOff.blockers(iv, lang: lang)
        if blockers.isEmpty {
            y += text(Phrase.assessReady.text(lang), x: 1, .done)
        } else {
            y += text(Phrase.assessNotYet.text(lang) + blockers.joined(separator: Phrase.semicolon.text(lang)), x: 1, .warning)
        }
        var trimmed = ScreenBuffer(width: width, height: min(y, c.height))
        trimmed.copy(c, rows: 0..<trimmed.height, to: 0)
        return (trimmed, rows)
    }
}

/// "Complete this household?" — Enter or F9 completes it, any other key leaves it as it was.
enum ConfirmCompleteView {
    /// "0129 张三": the household's number and head, as far as they are answered.
    static func name(_ iv: Interview) -> String {
        var head = ""
        if let people = iv.questionnaire.roles.head?.roster, let h = iv.headRow { head = RowLabel.of(iv, roster: people, row: h) }
        return [iv.value(of: \.householdNo)?.text ?? "", head].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, household: String) {
        let lang = state.lang
        let w = min(64, buf.width - 4), x = (buf.width - w) / 2
        let lines = [(Phrase.confirmCompleteQuestion.text(lang, household), Style(bold: true)),
                     (Phrase.confirmCompleteDetail.text(lang), Style.plain),
                     (Phrase.confirmCompleteKeys.text(lang), Style.hint)]
        let wrapped = lines.map { (LineBreak.lines($0.0, width: w - 4), $0.1) }
        let h = 2 + wrapped.reduce(0) { $0 + $1.0.count }, y = max(1, (buf.height - h) / 2)
        buf.fill(x: x, y: y, width: w, height: h)
        buf.box(x: x, y: y, width: w, height: h, style: .done)
        buf.put(Phrase.confirmCompleteTitle.text(lang), x: x + 2, y: y, style: .title)
        var row = y + 1
        for (parts, style) in wrapped {
            for part in parts { buf.put(part, x: x + 2, y: row, style: style); row += 1 }
        }
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
            // In a round of the re-survey: the key that confirms a page unchanged, first.
            if form.previous != nil { out.insert(a(.sameAsLastYear, .helpSameAsLastYear), at: 0) }
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
                   a(.explain, .assessHelpExplain),
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
