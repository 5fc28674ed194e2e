import Foundation
import Survey

/// One line of the question pane.
struct FormLine {
    enum Kind { case field(Position, current: Bool), calculated, message(Severity, explained: Bool), comment, note, rosterPrompt
        /// The rest of a label too long for its column, under it.
        case labelMore(current: Bool)
    }
    var kind: Kind
    var label: String
    var value: String
    /// The value is a placeholder ("（选填）"), drawn dim.
    var placeholder = false
    /// The column of the cursor in `value`, while the field is being typed in.
    var caret: Int?
    /// Last year's answer ("上年 3"), drawn dim at the column's right end: in a round of the re-survey, on a
    /// field not yet answered this year or answered otherwise.
    var lastYear: String?

    /// A message, comment or label's second line under a field, kept in view with it.
    var isNote: Bool {
        switch kind {
        case .message, .comment, .labelMore: return true
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
            hint = self.hint(question, lang)
            if let edit = form.edit, edit.offered {
                hint = (edit.fromLastYear ? Phrase.formLastYearOffered : Phrase.formDefaultOffered).text(lang) + Phrase.semicolon.text(lang) + hint
            }
        } else if case .rosterEnd(let sec) = form.cursor, let r = q.sections[sec].roster {
            hint = (iv.rowIDs(of: r).isEmpty ? Phrase.formRosterEmpty : Phrase.formRosterDone).text(lang, q.rosters[r].label)
        }
        Chrome.statusLine(&buf, state, hint: hint)
        if form.edit != nil {
            // Only the keys that work on this field: ↑↓ choose only among a list's options.
            var keys = [("Enter", Phrase.formKeyConfirm.text(lang))]
            if form.previous != nil { keys.append((Action.sameAsLastYear.label, Phrase.keySameAsLastYear.text(lang))) }
            keys += [("Esc", Phrase.formKeyCancel.text(lang)), ("Ctrl-U", Phrase.formKeyClear.text(lang))]
            if let question = form.question, FieldInput.picks(question) { keys.append(("↑↓", Phrase.formKeyOptions.text(lang))) }
            else { keys.append(("←→ Home End", Phrase.formKeyMove.text(lang))) }
            if let question = form.question, question.type == .integer || question.type == .decimal {
                keys.append((Action.noneOfThese.label, Phrase.keyNoneOfThese.text(lang)))
            }
            keys.append(("F1", Phrase.formKeyHelp.text(lang)))
            Chrome.keyBar(&buf, keys)
        } else {
            let inRoster = q.sections[form.cursor.section].roster != nil
            var keys = [("Enter", Phrase.formKeyNext.text(lang))]
            if form.previous != nil { keys.append((Action.sameAsLastYear.label, Phrase.keySameAsLastYear.text(lang))) }
            // "None of these" where it answers something: on a number question.
            if let question = form.question, question.type == .integer || question.type == .decimal {
                keys.append((Action.noneOfThese.label, Phrase.keyNoneOfThese.text(lang)))
            }
            keys += [("PgDn", Phrase.formKeyPart.text(lang)), ("F2", Phrase.formKeyChecks.text(lang)),
                     ("F3", Phrase.formKeyGrid.text(lang)), ("F4", Phrase.formKeyAssess.text(lang))]
            if inRoster { keys.append(("F7", Phrase.formAdd.text(lang))) }
            keys += [("F1", Phrase.formKeyHelp.text(lang)), ("F10", Phrase.formKeyList.text(lang))]
            Chrome.keyBar(&buf, keys)
        }
    }

    /// The hint line of a question: optional or not, the question's own hint, and what it takes (with its
    /// unit), each said once: a date's own example and the question's would repeat each other.
    static func hint(_ question: Question, _ lang: Language) -> String {
        var parts: [String] = []
        if question.isInput, !question.required { parts.append(Phrase.formOptional.text(lang).trimmingCharacters(in: CharacterSet(charactersIn: "（）() "))) }
        if let h = question.hint?.text(lang), !h.isEmpty { parts.append(h) }
        let expects = FieldInput.expects(question, lang)
        let saysItself = question.type == .text || question.type == .idNumber
        if !saysItself || question.hint == nil, !parts.contains(where: { $0.contains(expects) }) { parts.append(expects) }
        return parts.joined(separator: Phrase.semicolon.text(lang))
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
        // What is still to answer, not a total: the total grows as members are added and answers bring in questions.
        let right = Phrase.formProgress.text(state.lang, answered, max(0, required - answered), errors, warnings)
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
            buf.put(Chrome.clip(s.id + " " + s.title.text(state.lang), sectionWidth - 3), x: 3, y: y, style: current ? .selected : .plain)
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
            if !rows.isEmpty { out.append(FormLine(kind: .note, label: Phrase.formSoFar.text(lang, rows.count, T.rowUnit(q.rosters[r], q)), value: "")) }
            for (i, row) in rows.enumerated() {
                out.append(FormLine(kind: .note, label: "  \(i + 1). " + RowLabel.of(iv, roster: r, row: row), value: ""))
            }
            out.append(FormLine(kind: .rosterPrompt, label: (rows.isEmpty ? Phrase.formRosterEmptyHint : Phrase.formRosterEndHint).text(lang), value: ""))
            return out
        case .field(let cur):
            for qi in section.questions {
                let question = q.questions[qi]
                guard iv.isRelevant(qi, row: cur.row) else { continue }
                let isCurrent = qi == cur.question
                let answer = iv.value(of: qi, row: cur.row)
                var value = answer.map { FieldInput.display($0, question, lang) } ?? ""
                var placeholder = false, caret: Int?
                // Last year's answer beside a field this year has not answered, or answered otherwise.
                let last = form.lastYear(Position(section: section.index, row: cur.row, question: qi)).flatMap { v in
                    v == answer ? nil : Phrase.formLastYear.text(lang, FieldInput.display(v, question, lang))
                }
                let lastWidth = last.map { min(CellWidth.of($0), (width - labelWidth - 1) / 2) + 1 } ?? 0
                if isCurrent, let edit = form.edit {
                    // The text scrolls with the cursor; "…" marks what is out of view on either side.
                    let window = EditWindow.of(edit, width: width - labelWidth - 1 - lastWidth - (edit.literalNext ? 2 : 0))
                    value = window.text + (edit.literalNext ? "^V" : "") + (edit.position == edit.text.count ? "_" : "")
                    caret = edit.position == edit.text.count ? nil : window.caretColumn
                } else if value.isEmpty, question.isInput, !question.required {
                    value = Phrase.formOptional.text(lang)
                    placeholder = true
                }
                let kind: FormLine.Kind = question.isInput ? .field(Position(section: section.index, row: cur.row, question: qi), current: isCurrent) : .calculated
                let comments = form.comments.filter { $0.question == question.id && $0.row == (question.roster == nil ? nil : cur.row) }
                // A label too long for its column goes on under it, never cut.
                let labels = Chrome.wrap((comments.isEmpty ? "" : "※") + question.label.text(lang), labelWidth)
                out.append(FormLine(kind: kind, label: labels[0], value: value, placeholder: placeholder, caret: caret, lastYear: last))
                for more in labels.dropFirst() { out.append(FormLine(kind: .labelMore(current: isCurrent && question.isInput), label: more, value: "")) }
                for c in comments {
                    for part in Chrome.wrap(Phrase.formComment.text(lang) + c.text + Phrase.inParentheses.text(lang, c.who), width - 4).prefix(2) {
                        out.append(FormLine(kind: .comment, label: part, value: ""))
                    }
                }
                for p in iv.problems(at: qi, row: cur.row) {
                    // Every message in full, under the current field and the others alike.
                    for part in Chrome.wrap(ProblemText.of(p, in: iv, lang: lang), width - 4) {
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
            let style: Style = line.placeholder ? (current ? .selected : .hint) : current ? .selected : .plain
            buf.put(line.label, x: x, y: y, style: current ? Style(bold: true, reverse: true) : .plain, limit: labelWidth)
            let vx = x + labelWidth + 1
            var valueWidth = width - labelWidth - 1
            if let last = line.lastYear {
                // Last year's answer takes the column's right end, at most half of it; this year's keeps the rest.
                let shown = Chrome.clip(last, valueWidth / 2), w = CellWidth.of(shown)
                buf.put(shown, x: vx + valueWidth - w, y: y, style: current ? .selected : .hint, limit: w)
                valueWidth -= w + 1
            }
            buf.put(line.caret == nil ? Chrome.clip(line.value, valueWidth) : line.value, x: vx, y: y, style: style, limit: valueWidth)
            if let c = line.caret {
                // The cursor inside the text: the character under it drawn the other way round.
                var col = 0
                for ch in line.value {
                    if col == c { buf.put(String(ch), x: vx + c, y: y, style: .key); break }
                    col += CellWidth.of(ch)
                }
            }
        case .labelMore(let current):
            if current { buf.fill(x: x - 1, y: y, width: width + 1, height: 1, style: .selected) }
            buf.put(line.label, x: x, y: y, style: current ? Style(bold: true, reverse: true) : .plain, limit: labelWidth)
        case .calculated:
            buf.put(line.label, x: x, y: y, style: .hint, limit: labelWidth)
            buf.put(Chrome.clip("= " + (line.value.isEmpty ? "—" : line.value), width - labelWidth - 1), x: x + labelWidth + 1, y: y, style: .hint, limit: width - labelWidth - 1)
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
        // A list longer than the box says how many more there are in its last place.
        let capacity = rows * perRow
        let shown = list.count > capacity ? capacity - 1 : list.count
        if shown < list.count {
            let col = shown / rows, row = shown % rows
            buf.put(Chrome.clip(Phrase.formMoreOptions.text(lang, list.count - shown), cw - 1), x: x + col * cw, y: y + row, style: .hint)
        }
        for (i, item) in list.prefix(shown).enumerated() {
            // Column-major, like a printed code list.
            let col = i / rows, row = i % rows
            let style: Style = i == highlight ? .selected : .plain
            buf.put("\(item.code)", x: x + col * cw, y: y + row, style: i == highlight ? .selected : .key)
            buf.put(" " + item.label.text(lang), x: x + col * cw + String(item.code).count, y: y + row, style: style, limit: cw - 1 - String(item.code).count)
        }
    }
}
