import Foundation
import Survey

extension FormState {
    /// A household opened at the field where it was left.
    public static func open(_ interview: Interview) -> FormState {
        let nav = FormNavigation(interview: interview)
        var form = FormState(interview: interview, cursor: nav.start(at: interview.position))
        form.sync()
        form.refresh()
        return form
    }

    /// Recomputes the per-section progress after a change.
    mutating func refresh() { sectionProgress = FormNavigation(interview: interview).progress() }

    /// Keeps the interview's own cursor (what the store saves for resuming) on the field shown.
    func sync() { if case .field(let p) = cursor { interview.position = p } }

    /// The question under the cursor, if the cursor is on a field.
    var question: Question? {
        if case .field(let p) = cursor { return interview.questionnaire.questions[p.question] }
        return nil
    }
}

/// Keys on a household: the form, the roster grid, the checks and the assessment.
enum FormUpdate {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var form = state.form else { return [] }
        // F2, F3 and F4 switch between the pages from any of them; the key of the page shown closes it.
        if form.mode != .fields, key.is(.checks) || key.is(.roster) || key.is(.assessment) {
            let same: Bool
            switch form.mode {
            case .grid: same = key.is(.roster)
            case .checks: same = key.is(.checks)
            case .assessment: same = key.is(.assessment)
            case .fields: same = false
            }
            form.mode = .fields
            state.form = form
            return same ? [] : fields(&state, key)
        }
        switch form.mode {
        case .fields: return fields(&state, key)
        case .grid(let g): return GridUpdate.handle(&state, g, key)
        case .checks(let c): return ChecksUpdate.handle(&state, c, key)
        case .assessment(let a): return AssessmentUpdate.handle(&state, a, key)
        }
    }

    // MARK: The form

    static func fields(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var form = state.form else { return [] }
        let lang = state.lang
        let nav = FormNavigation(interview: form.interview)

        // Ctrl-V: the next key goes into the text as it is, control characters included.
        if var edit = form.edit, edit.literalNext {
            edit.literalNext = false
            if let c = literal(key) { edit.text.append(c) }
            form.edit = edit
            state.form = form
            return []
        }
        let q = form.question
        switch key {
        case .char(let c) where !c.isNewline:
            guard q != nil else { state.status = StatusLine(Phrase.atRosterEnd.text(lang), .info); return [] }
            var edit = form.edit ?? FieldEdit()
            edit.text.append(c)
            edit.highlight = 0
            form.edit = edit
        case .backspace:
            guard q != nil else { return [] }
            var edit = form.edit ?? FieldEdit(text: current(form))
            if !edit.text.isEmpty { edit.text.removeLast() }
            edit.highlight = 0
            form.edit = edit
        case .ctrl("u"):
            guard q != nil else { return [] }
            form.edit = FieldEdit()
        case .ctrl("v"):
            guard let q, q.type == .text else { return [] }
            var edit = form.edit ?? FieldEdit()
            edit.literalNext = true
            form.edit = edit
        case .escape:
            if form.edit != nil {
                form.edit = nil
                state.status = StatusLine(Phrase.cancelled.text(lang))
            } else {
                return Update.leave(&state, quitting: false)
            }
        case .up where form.edit != nil && q.map(FieldInput.picks) == true:
            form.edit!.highlight = max(0, form.edit!.highlight - 1)
        case .down where form.edit != nil && q.map(FieldInput.picks) == true:
            let n = FieldInput.matches(q!, form.edit!.text).count
            form.edit!.highlight = min(max(0, n - 1), form.edit!.highlight + 1)
        case .enter, .tab, .down:
            if case .rosterEnd = form.cursor { return move(&state, form, to: nav.next(form.cursor), changes: [], atEnd: true) }
            guard let changes = confirm(&state, &form) else { return [] }
            return move(&state, form, to: nav.next(form.cursor), changes: changes, atEnd: true)
        case .backTab, .up:
            guard let changes = confirm(&state, &form) else { return [] }
            return move(&state, form, to: nav.previous(form.cursor) ?? form.cursor, changes: changes)
        case .pageDown:
            guard let changes = confirm(&state, &form) else { return [] }
            return move(&state, form, to: nav.after(section: form.cursor.section, forward: true), changes: changes, atEnd: true)
        case .pageUp:
            guard let changes = confirm(&state, &form) else { return [] }
            let s = form.cursor.section
            let here = nav.entry(of: s, forward: true)
            let target = (here != nil && here != form.cursor) ? here
                : (0..<s).reversed().lazy.compactMap { nav.entry(of: $0, forward: true) }.first
            return move(&state, form, to: target ?? form.cursor, changes: changes)
        default:
            return action(&state, &form, key)
        }
        state.form = form
        return []
    }

    /// F-key actions on the form.
    static func action(_ state: inout AppState, _ form: inout FormState, _ key: Key) -> [Effect] {
        let lang = state.lang
        let nav = FormNavigation(interview: form.interview)
        let iv = form.interview
        if key.is(.quit) {
            guard let changes = confirm(&state, &form) else { return [] }
            state.form = form
            return (changes.isEmpty ? [] : [.commit(changes, InterviewBox(iv))]) + Update.leave(&state, quitting: false)
        }
        var changes: [InterviewChange] = []
        if key.is(.checks) || key.is(.roster) || key.is(.assessment) || key.is(.nextUnanswered) || key.is(.nextProblem) || key.is(.add) {
            guard let c = confirm(&state, &form) else { return [] }
            changes = c
        }
        var effects: [Effect] = changes.isEmpty ? [] : [.commit(changes, InterviewBox(iv))]
        if key.is(.checks) {
            form.mode = .checks(ChecksState(problems: ListSelection(count: iv.problems.count)))
        } else if key.is(.assessment) {
            form.mode = .assessment(AssessmentState(items: ListSelection(count: SignOff.items(iv).count)))
        } else if key.is(.roster) {
            let roster = iv.questionnaire.sections[form.cursor.section].roster ?? iv.questionnaire.roles.head?.roster ?? 0
            var g = GridState(roster: roster, rows: ListSelection(count: iv.rowIDs(of: roster).count))
            if case .field(let p) = form.cursor, let row = p.row {
                g.rows.select(iv.rowIDs(of: roster).firstIndex(of: row) ?? 0, visible: state.layout.grid.count)
                g.column = nav.sections(of: roster).firstIndex(of: p.section) ?? 0
            }
            form.mode = .grid(g)
        } else if key.is(.nextUnanswered) {
            if iv.moveToNextUnanswered(), let p = iv.position { form.cursor = .field(p) }
            else { state.status = StatusLine(Phrase.allAnswered.text(lang)) }
            if effects.isEmpty { effects.append(.savePosition(InterviewBox(iv))) }
        } else if key.is(.nextProblem) {
            if iv.moveToNextProblem(), let p = iv.position, nav.valid(p) { form.cursor = .field(p) }
            else { state.status = StatusLine(Phrase.noProblems.text(lang)) }
            if effects.isEmpty { effects.append(.savePosition(InterviewBox(iv))) }
        } else if key.is(.add) {
            guard let roster = iv.questionnaire.sections[form.cursor.section].roster else {
                state.status = StatusLine(Phrase.noRosterHere.text(lang), .warning)
                state.form = form
                return effects
            }
            effects += addRow(&state, &form, roster: roster)
        }
        form.sync()
        state.form = form
        return effects
    }

    /// Adds a row to a roster and puts the cursor on its first question.
    static func addRow(_ state: inout AppState, _ form: inout FormState, roster: Int) -> [Effect] {
        let iv = form.interview
        let nav = FormNavigation(interview: iv)
        do {
            let (row, changes) = try iv.addRow(iv.questionnaire.rosters[roster].id)
            let owner = nav.sections(of: roster).first!
            if let p = nav.first(in: owner, row: row) { form.cursor = .field(p) }
            form.mode = .fields
            form.edit = nil
            form.refresh()
            form.sync()
            state.status = StatusLine(Phrase.rowAdded.text(state.lang, iv.questionnaire.rosters[roster].label, iv.rowIDs(of: roster).count))
            return [.commit(changes, InterviewBox(iv))]
        } catch {
            state.status = StatusLine(error.message(state.lang), .error)
            return []
        }
    }

    /// Confirms what is being typed: the changes to store, or nil when the text is refused (the
    /// message says why and the text stays, so nothing typed is lost).
    static func confirm(_ state: inout AppState, _ form: inout FormState) -> [InterviewChange]? {
        guard let edit = form.edit, case .field(let p) = form.cursor else { form.edit = nil; return [] }
        let q = form.interview.questionnaire.questions[p.question]
        switch FieldInput.parse(edit.text, for: q, highlight: edit.highlight, lang: state.lang) {
        case .failure(let problem):
            state.status = StatusLine(problem.message(state.lang), .error)
            state.form = form
            return nil
        case .success(let value):
            do {
                let changes = try form.interview.answer(p.question, row: p.row, value)
                form.edit = nil
                if !changes.isEmpty { form.refresh() }
                return changes
            } catch {
                state.status = StatusLine(error.message(state.lang), .error)
                state.form = form
                return nil
            }
        }
    }

    /// Moves the cursor after a confirmed action and stores both in one write.
    static func move(_ state: inout AppState, _ form: FormState, to target: FormCursor?, changes: [InterviewChange], atEnd: Bool = false) -> [Effect] {
        var form = form
        if let target { form.cursor = target }
        else if atEnd { form.mode = .assessment(AssessmentState(items: ListSelection(count: SignOff.items(form.interview).count))) }      // past the last question: sign-off
        form.sync()
        state.form = form
        let box = InterviewBox(form.interview)
        return changes.isEmpty ? [.savePosition(box)] : [.commit(changes, box)]
    }

    /// The current answer as editable text (Backspace edits it instead of starting over).
    static func current(_ form: FormState) -> String {
        guard case .field(let p) = form.cursor else { return "" }
        return form.interview.value(of: p.question, row: p.row)?.display ?? ""
    }

    /// Leaves a page (grid, checks, sign-off) for the form at a field, and remembers it.
    static func show(_ p: Position, _ state: inout AppState, _ form: inout FormState) -> [Effect] {
        form.cursor = .field(p)
        form.mode = .fields
        form.edit = nil
        form.sync()
        state.form = form
        return [.savePosition(InterviewBox(form.interview))]
    }

    /// The character a key stands for when typed after Ctrl-V.
    static func literal(_ key: Key) -> Character? {
        switch key {
        case .char(let c): return c
        case .escape: return "\u{1B}"
        case .tab: return "\t"
        case .enter: return "\r"
        case .ctrl(let c):
            guard let a = c.asciiValue, a >= 97, a <= 122 else { return nil }
            return Character(Unicode.Scalar(a - 96))
        default: return nil
        }
    }
}
