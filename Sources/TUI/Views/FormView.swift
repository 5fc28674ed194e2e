import Survey

/// One line of the question pane.
struct FormLine {
    enum Kind { case field(Position, current: Bool), calculated, message(Severity, explained: Bool), comment, note, rosterPrompt }
    var kind: Kind
    var label: String
    var value: String

    /// A message or comment under a field, kept in view with it.
    var isNote: Bool {
        switch kind {
        case .message, .comment: return true
        default: return false
        }
    }
}

/// The interview page: header, section list with marks, the current section's questions with their
/// answers and inline check messages, code options, and the key-hint bar.
enum FormView {
    static let sectionWidth = 20
    static let labelWidth = 24

    static func draw(_ buf: inout ScreenBuffer, _ state: AppState, _ form: FormState) {
        let lang = state.lang
        let iv = form.interview, q = iv.questionnaire
        header(&buf, state, form)
        sectionList(&buf, state, form)
        let s = q.sections[form.cursor.section]
        let paneX = sectionWidth + 2, paneW = buf.width - paneX - 1
        var title = s.id + " " + s.title.text(lang)
        if case .field(let p) = form.cursor, let r = s.roster, let row = p.row {
            let rows = iv.rowIDs(of: r)
            let n = (rows.firstIndex(of: row) ?? 0) + 1
            let name = RowLabel.of(iv, roster: r, row: row)
            title += Phrase.formRowOf.text(lang, n, rows.count, T.rowUnit(q.rosters[r], q), name)
        }
        buf.put(title, x: paneX, y: 1, style: .title, limit: paneW)

        let pane = state.layout.questions
        let top = pane.first, bottom = pane.first + pane.count - 1
        var optionRows = 0
        if case .field(let p) = form.cursor, FieldInput.picks(q.questions[p.question]) || q.questions[p.question].type == .codes {
            optionRows = OptionsBox.height(q.questions[p.question], form.edit, width: paneW, lang: lang)
            OptionsBox.draw(&buf, q.questions[p.question], form.edit, x: paneX, y: bottom - optionRows + 1, width: paneW, lang: lang)
        }
        let avail = max(1, bottom - top + 1 - optionRows - (optionRows > 0 ? 1 : 0))
        let lines = self.lines(form, lang: lang, width: paneW)
        let current = lines.firstIndex {
            switch $0.kind {
            case .field(_, true), .rosterPrompt: return true
            default: return false
            }
        } ?? 0
        var first = 0
        if lines.count > avail {
            // Keep the current field and its messages in view, a little below the top.
            var end = current + 1
            while end < lines.count, lines[end].isNote { end += 1 }
            first = max(0, min(current - avail / 3, lines.count - avail))
            if end - first > avail { first = end - avail }
        }
        for (i, line) in lines[first..<min(lines.count, first + avail)].enumerated() {
            draw(&buf, line, x: paneX, y: top + i, width: paneW, lang: lang)
        }
        if first > 0 { buf.put("↑", x: buf.width - 1, y: top, style: .hint) }
        if first + avail < lines.count { buf.put("↓", x: buf.width - 1, y: top + avail - 1, style: .hint) }

        var hint = ""
        if let question = form.question {
            let expects = FieldInput.expects(question, lang)
            hint = question.hint.map { h in question.type == .text || question.type == .idNumber ? h.text(lang) : h.text(lang) + Phrase.semicolon.text(lang) + expects } ?? expects
        } else if case .rosterEnd(let sec) = form.cursor, let r = q.sections[sec].roster {
            hint = Phrase.formRosterDone.text(lang, q.rosters[r].label)
        }
        Chrome.statusLine(&buf, state, hint: hint)
        if form.edit != nil {
            Chrome.keyBar(&buf, [("Enter", Phrase.formKeyConfirm.text(lang)), ("Esc", Phrase.formKeyCancel.text(lang)), ("Ctrl-U", Phrase.formKeyClear.text(lang)),
                                 ("↑↓", Phrase.formKeyOptions.text(lang)), ("F1", Phrase.formKeyHelp.text(lang))])
        } else {
            let inRoster = q.sections[form.cursor.section].roster != nil
            var keys = [("Enter", Phrase.formKeyNext.text(lang)), ("PgDn", Phrase.formKeyPart.text(lang)), ("F2", Phrase.formKeyChecks.text(lang)),
                        ("F3", Phrase.formKeyGrid.text(lang)), ("F4", Phrase.formKeyAssess.text(lang))]
            if inRoster { keys.append(("F7", Phrase.formAdd.text(lang))) }
            keys += [("F1", Phrase.formKeyHelp.text(lang)), ("F10", Phrase.formKeyList.text(lang))]
            Chrome.keyBar(&buf, keys)
        }
    }

    static func header(_ buf: inout ScreenBuffer, _ state: AppState, _ form: FormState) {
        let iv = form.interview
        let answered = form.sectionProgress.reduce(0) { $0 + $1.answered }, required = form.sectionProgress.reduce(0) { $0 + $1.required }
        var head = ""
        if let people = iv.questionnaire.roles.head?.roster, let h = iv.headRow {
            head = RowLabel.of(iv, roster: people, row: h)
        }
        let no = iv.value(of: \.householdNo)?.text ?? ""
        let left = Phrase.formHeadAndNumber.text(state.lang, head.isEmpty ? Phrase.notFilledIn.text(state.lang) : head, no.isEmpty ? "-" : no)
        let errors = iv.hardErrorCount, warnings = iv.unexplainedWarningCount
        let right = Phrase.formProgress.text(state.lang, answered, required, errors, warnings)
        Chrome.titleBar(&buf, left, right: right)
    }

    static func sectionList(_ buf: inout ScreenBuffer, _ state: AppState, _ form: FormState) {
        let q = form.interview.questionnaire
        for s in q.sections {
            let y = 2 + s.index
            guard y < state.layout.messageLine else { break }
            let p = s.index < form.sectionProgress.count ? form.sectionProgress[s.index] : (answered: 0, required: 0, errors: 0)
            let mark: String, markStyle: Style
            let commented = form.comments.contains { c in q.question(c.question)?.section == s.index }
            if p.errors > 0 { mark = "!"; markStyle = .error }
            else if commented { mark = "※"; markStyle = .comment }
            else if p.required > 0 && p.answered == p.required { mark = "✓"; markStyle = .done }
            else if p.answered > 0 { mark = "…"; markStyle = .warning }
            else { mark = " "; markStyle = .plain }
            let current = s.index == form.cursor.section
            if current { buf.fill(x: 0, y: y, width: sectionWidth, height: 1, style: .selected) }
            buf.put(mark, x: 1, y: y, style: current ? .selected : markStyle)
            buf.put(s.id + " " + s.title.text(state.lang), x: 3, y: y, style: current ? .selected : .plain, limit: sectionWidth - 3)
        }
        for y in 1..<state.layout.messageLine { buf.put("│", x: sectionWidth, y: y, style: .hint) }
    }

    /// The lines of the current section (one row of it, for a roster section).
    static func lines(_ form: FormState, lang: Language, width: Int) -> [FormLine] {
        let iv = form.interview, q = iv.questionnaire
        let section = q.sections[form.cursor.section]
        var out: [FormLine] = []
        switch form.cursor {
        case .rosterEnd(let s):
            let r = q.sections[s].roster!
            let rows = iv.rowIDs(of: r)
            out.append(FormLine(kind: .note, label: Phrase.formSoFar.text(lang, rows.count, T.rowUnit(q.rosters[r], q)), value: ""))
            for (i, row) in rows.enumerated() {
                out.append(FormLine(kind: .note, label: "  \(i + 1). " + RowLabel.of(iv, roster: r, row: row), value: ""))
            }
            out.append(FormLine(kind: .rosterPrompt, label: Phrase.formRosterEndHint.text(lang), value: ""))
            return out
        case .field(let cur):
            for qi in section.questions {
                let question = q.questions[qi]
                guard iv.isRelevant(qi, row: cur.row) else { continue }
                let isCurrent = qi == cur.question
                var value = iv.value(of: qi, row: cur.row).map { FieldInput.display($0, question, lang) } ?? ""
                if isCurrent, let edit = form.edit { value = edit.text + (edit.literalNext ? "^V" : "") + "_" }
                let kind: FormLine.Kind = question.isInput ? .field(Position(section: section.index, row: cur.row, question: qi), current: isCurrent) : .calculated
                let comments = form.comments.filter { $0.question == question.id && $0.row == (question.roster == nil ? nil : cur.row) }
                out.append(FormLine(kind: kind, label: (comments.isEmpty ? "" : "※") + question.label.text(lang), value: value))
                for c in comments {
                    for part in Chrome.wrap(Phrase.formComment.text(lang) + c.text + Phrase.inParentheses.text(lang, c.who), width - 4).prefix(2) {
                        out.append(FormLine(kind: .comment, label: part, value: ""))
                    }
                }
                for p in iv.problems(at: qi, row: cur.row) {
                    let check = q.checks[p.check]
                    var text = check.message.text(lang)
                    // An ID number says exactly what is wrong with it (which check character it should have).
                    if question.type == .idNumber, case .text(let id)? = iv.value(of: qi, row: cur.row),
                       let detail = ResidentID.check(id, on: iv.referenceDay) {
                        text += Phrase.colon.text(lang) + detail.message(lang)
                    }
                    if let reason = p.overrideReason { text += Phrase.formExplained.text(lang, reason) }
                    for part in Chrome.wrap(text, width - 4).prefix(isCurrent ? 3 : 1) {
                        out.append(FormLine(kind: .message(p.severity, explained: p.overrideReason != nil), label: part, value: ""))
                    }
                }
            }
        }
        return out
    }

    static func draw(_ buf: inout ScreenBuffer, _ line: FormLine, x: Int, y: Int, width: Int, lang: Language) {
        switch line.kind {
        case .field(_, let current):
            if current { buf.fill(x: x - 1, y: y, width: width + 1, height: 1, style: .selected) }
            let style: Style = current ? .selected : .plain
            buf.put(line.label, x: x, y: y, style: current ? Style(bold: true, reverse: true) : .plain, limit: labelWidth)
            buf.put(line.value, x: x + labelWidth + 1, y: y, style: style, limit: width - labelWidth - 1)
        case .calculated:
            buf.put(line.label, x: x, y: y, style: .hint, limit: labelWidth)
            buf.put("= " + (line.value.isEmpty ? "—" : line.value), x: x + labelWidth + 1, y: y, style: .hint, limit: width - labelWidth - 1)
        case .message(let severity, let explained):
            let style: Style = explained ? .hint : severity == .error ? .error : .warning
            buf.put((severity == .error ? "✗ " : "! ") + line.label, x: x + 2, y: y, style: style, limit: width - 2)
        case .comment:
            buf.put(line.label, x: x + 2, y: y, style: .comment, limit: width - 2)
        case .note:
            buf.put(line.label, x: x, y: y, limit: width)
        case .rosterPrompt:
            buf.fill(x: x - 1, y: y, width: width + 1, height: 1, style: .selected)
            buf.put(line.label, x: x, y: y, style: Style(bold: true, reverse: true), limit: width)
        }
    }
}

/// The choices of a code question, shown under the questions; what is typed narrows them.
enum OptionsBox {
    static func items(_ q: Question, _ edit: FieldEdit?) -> [CodeItem] {
        q.type == .codes ? FieldInput.options(q) : FieldInput.matches(q, edit?.text ?? "")
    }

    static func cellWidth(_ q: Question, _ lang: Language) -> Int {
        min(30, (FieldInput.options(q).map { CellWidth.of("\($0.code) " + $0.label.text(lang)) }.max() ?? 4) + 2)
    }

    static func height(_ q: Question, _ edit: FieldEdit?, width: Int, lang: Language) -> Int {
        let n = max(1, items(q, edit).count)
        let perRow = max(1, width / cellWidth(q, lang))
        return min(7, (n + perRow - 1) / perRow)
    }

    static func draw(_ buf: inout ScreenBuffer, _ q: Question, _ edit: FieldEdit?, x: Int, y: Int, width: Int, lang: Language) {
        let list = items(q, edit)
        if list.isEmpty {
            buf.put(Phrase.formNoOptionMatches.text(lang), x: x, y: y, style: .warning)
            return
        }
        buf.put(String(repeating: "┄", count: width), x: x, y: y - 1, style: .hint)
        let cw = cellWidth(q, lang), perRow = max(1, width / cw)
        let rows = height(q, edit, width: width, lang: lang)
        let highlight = edit.map { Int($0.text) == nil && !$0.text.isEmpty ? $0.highlight : -1 } ?? -1
        for (i, item) in list.enumerated() {
            // Column-major, like a printed code list.
            let col = i / rows, row = i % rows
            guard col < perRow else { break }
            let style: Style = i == highlight ? .selected : .plain
            buf.put("\(item.code)", x: x + col * cw, y: y + row, style: i == highlight ? .selected : .key)
            buf.put(" " + item.label.text(lang), x: x + col * cw + String(item.code).count, y: y + row, style: style, limit: cw - 1 - String(item.code).count)
        }
    }
}
