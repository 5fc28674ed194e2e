import Foundation
import Store
import Survey

extension FormState {
    /// A household opened at the field where it was left (with last year's answers, in a re-survey round).
    public static func open(_ interview: Interview, previous: PreviousRound? = nil) -> FormState {
        var form = FormState(interview: interview, cursor: FormNavigation(interview: interview).start(at: interview.position))
        form.previous = previous
        form.offerDefault()
        return form
    }

    /// Pre-fills the field under the cursor with what it offers (`offer(at:)`) when it is unanswered and
    /// nothing is being typed: the enumerator confirms it with Enter or types over it.
    mutating func offerDefault() {
        guard edit == nil, mode == .fields, case .field(let p) = cursor, let offer = offer(at: p) else { return }
        edit = FieldEdit(text: offer.value.display, offered: true, fromLastYear: offer.fromLastYear)
    }

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
            // The checks opened from the sign-off page go back to it; from the sign-off page they remember it.
            if case .checks(let c) = form.mode, same, let page = c.openedFrom {
                form.mode = .assessment(page)
                state.form = form
                return []
            }
            if case .assessment(let page) = form.mode, key.is(.checks) {
                form.mode = .checks(ChecksState(problems: ListSelection(count: form.interview.problems.count), openedFrom: page))
                state.form = form
                return []
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
        // Where to go is worked out after `confirm`: the answer can change which questions apply.
        func nav(_ form: FormState) -> FormNavigation { FormNavigation(interview: form.interview) }

        // Ctrl-V: the next key goes into the text as it is, control characters included.
        if var edit = form.edit, edit.literalNext, let q = form.question {
            edit.literalNext = false
            if let c = literal(key) {
                if let refusal = FieldInput.refusal(typing: c, into: edit.text, for: q) { state.status = StatusLine(refusal.message(lang), .error) }
                else { edit.insert(c) }
            }
            form.edit = edit
            state.form = form
            return []
        }
        let q = form.question
        switch key {
        case .char(let c) where !c.isNewline:
            guard let q else { state.status = StatusLine(Phrase.atRosterEnd.text(lang), .info); return [] }
            var edit = form.edit ?? FieldEdit()
            if edit.offered { edit = FieldEdit() }              // typing over the offered default
            // A character the field cannot hold is refused as it is typed, with the reason.
            if let refusal = FieldInput.refusal(typing: c, into: edit.text, for: q) {
                state.status = StatusLine(refusal.message(lang), .error)
                return []
            }
            edit.insert(c)
            edit.highlight = 0
            form.edit = edit
        case .backspace:
            guard q != nil else { return [] }
            var edit = form.edit ?? FieldEdit(text: current(form))
            edit.offered = false
            edit.deleteBackward()
            edit.highlight = 0
            form.edit = edit
        case .delete:
            guard q != nil, var edit = form.edit else { return [] }
            edit.offered = false
            edit.deleteForward()
            edit.highlight = 0
            form.edit = edit
        case .left, .right, .home, .end:
            // Home/End and ←→ move in the text; on a field not being edited they start editing its answer.
            guard q != nil else { return [] }
            var edit = form.edit ?? FieldEdit(text: current(form))
            edit.offered = false
            edit.move(key)
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
            if case .rosterEnd = form.cursor { return move(&state, form, to: nav(form).next(form.cursor), changes: [], atEnd: true) }
            // Enter confirms an offered default; Tab and ↓ pass it by, recording nothing.
            if key == .enter { form.edit?.offered = false }
            guard let changes = confirm(&state, &form) else { return [] }
            if key == .enter, form.backToSignOff, case .field(let p) = form.cursor, form.interview.value(of: p.question, row: p.row) != nil {
                form.backToSignOff = false
                form.mode = .assessment(SignOff.page(form.interview))
                return propose(&state, form, changes)
            }
            // Enter on a required question left empty says so and stays; Tab and ↓ skip it on purpose.
            if key == .enter, let q, q.isInput, q.required, case .field(let p) = form.cursor, form.interview.isRelevant(p.question, row: p.row),
               form.interview.value(of: p.question, row: p.row) == nil {
                return propose(&state, form, changes, status: StatusLine(Phrase.requiredEmpty.text(lang), .warning))
            }
            return move(&state, form, to: nav(form).next(form.cursor), changes: changes, atEnd: true)
        case .backTab, .up:
            guard let changes = confirm(&state, &form) else { return [] }
            return move(&state, form, to: nav(form).previous(form.cursor) ?? form.cursor, changes: changes)
        case .pageDown:
            guard let changes = confirm(&state, &form) else { return [] }
            return move(&state, form, to: nav(form).after(section: form.cursor.section, forward: true), changes: changes, atEnd: true)
        case .pageUp:
            guard let changes = confirm(&state, &form) else { return [] }
            let s = form.cursor.section, n = nav(form)
            let here = n.entry(of: s, forward: true)
            let target = (here != nil && here != form.cursor) ? here
                : (0..<s).reversed().lazy.compactMap { n.entry(of: $0, forward: true) }.first
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
        if key.is(.quit) {
            guard let changes = confirm(&state, &form) else { return [] }
            return propose(&state, form, changes, thenLeave: true)
        }
        if key.is(.noneOfThese) { return noneOfThese(&state, &form) }
        if key.is(.sameAsLastYear) { return sameAsLastYear(&state, &form) }
        guard key.is(.checks) || key.is(.roster) || key.is(.assessment) || key.is(.nextUnanswered) || key.is(.nextProblem) || key.is(.add) else {
            return []
        }
        // What is typed is confirmed first; the page or the move it leads to shows once it is stored.
        guard let changes = confirm(&state, &form) else { return [] }
        var status: StatusLine?
        let nav = FormNavigation(interview: form.interview)
        let q = form.interview.questionnaire
        if key.is(.checks) {
            form.mode = .checks(ChecksState(problems: ListSelection(count: form.interview.problems.count)))
        } else if key.is(.assessment) {
            form.mode = .assessment(SignOff.page(form.interview))
        } else if key.is(.roster) {
            let roster = q.sections[form.cursor.section].roster ?? q.roles.head?.roster ?? 0
            var g = GridState(roster: roster, rows: ListSelection(count: form.interview.rowIDs(of: roster).count))
            if case .field(let p) = form.cursor, let row = p.row {
                g.rows.select(form.interview.rowIDs(of: roster).firstIndex(of: row) ?? 0, visible: state.layout.grid.count)
                g.column = nav.sections(of: roster).firstIndex(of: p.section) ?? 0
            }
            form.mode = .grid(g)
        } else if key.is(.nextUnanswered) {
            var iv = form.interview
            if iv.moveToNextUnanswered(), let p = iv.position { form.cursor = .field(p) }
            else { status = StatusLine(Phrase.allAnswered.text(lang)) }
        } else if key.is(.nextProblem) {
            var iv = form.interview
            if iv.moveToNextProblem(), let p = iv.position, nav.valid(p) { form.cursor = .field(p) }
            else { status = StatusLine(Phrase.noProblems.text(lang)) }
        } else if key.is(.add) {
            guard let roster = q.sections[form.cursor.section].roster else {
                return propose(&state, form, changes, status: StatusLine(Phrase.noRosterHere.text(lang), .warning))
            }
            // The answer confirmed first and the new row go to the store as one commit.
            return addRow(&state, &form, roster: roster, after: changes)
        }
        return propose(&state, form, changes, status: status)
    }

    /// Adds a row to a roster and puts the cursor on its first question (once it is stored).
    static func addRow(_ state: inout AppState, _ form: inout FormState, roster: Int, after earlier: [InterviewChange] = []) -> [Effect] {
        let q = form.interview.questionnaire
        do {
            let (row, changes) = try form.interview.addRow(q.rosters[roster].id)
            let nav = FormNavigation(interview: form.interview)
            if let p = nav.first(in: nav.sections(of: roster).first!, row: row) { form.cursor = .field(p) }
            form.mode = .fields
            form.edit = nil
            return propose(&state, form, earlier + changes,
                           status: StatusLine(Phrase.rowAdded.text(state.lang, q.rosters[roster].label, form.interview.rowIDs(of: roster).count)))
        } catch {
            state.status = StatusLine(error.message(state.lang), .error)
            return earlier.isEmpty ? [] : propose(&state, form, earlier)
        }
    }

    /// Confirms what is being typed, into `form` (the form as it will be): the changes to store, or nil
    /// when the text is refused (the message says why and the text stays, so nothing typed is lost).
    static func confirm(_ state: inout AppState, _ form: inout FormState) -> [InterviewChange]? {
        guard let edit = form.edit, case .field(let p) = form.cursor else { form.edit = nil; return [] }
        // A default offered and not confirmed with Enter is not an answer.
        if edit.offered { form.edit = nil; return [] }
        let q = form.interview.questionnaire.questions[p.question]
        switch FieldInput.parse(edit.text, for: q, highlight: edit.highlight, lang: state.lang) {
        case .failure(let problem):
            state.status = StatusLine(problem.message(state.lang), .error)
            state.form = form
            return nil
        case .success(let value):
            // A number outside the question's min/max is refused here, as letters are, and never stored.
            if case .number(let n)? = value, let refusal = FieldInput.outOfRange(n, q, lang: state.lang) {
                state.status = StatusLine(refusal, .error)
                state.form = form
                return nil
            }
            do {
                let changes = try form.interview.answer(p.question, row: p.row, value)
                form.edit = nil
                return changes
            } catch {
                state.status = StatusLine(error.message(state.lang), .error)
                state.form = form
                return nil
            }
        }
    }

    /// Moves the cursor after a confirmed action; the move and the action are stored in one write.
    static func move(_ state: inout AppState, _ form: FormState, to target: FormCursor?, changes: [InterviewChange], atEnd: Bool = false,
                     status: StatusLine? = nil) -> [Effect] {
        var form = form, changes = changes, target = target
        form.backToSignOff = false
        // Going on, a question whose default follows from earlier answers is answered with it and passed.
        if atEnd { target = passDerived(&form, from: target, changes: &changes) }
        // The household agrees to an assessment it has been shown: the sign-off page comes before the question.
        if let target, SignOff.showsAssessmentFirst(form.interview, from: form.cursor, to: target) {
            form.mode = .assessment(SignOff.page(form.interview, selecting: SignOff.consent))
            form.cursor = target
            return propose(&state, form, changes, status: StatusLine(Phrase.assessBeforeConsent.text(state.lang)))
        }
        if let target { form.cursor = target }
        else if atEnd { form.mode = .assessment(SignOff.page(form.interview)) }      // past the last question: sign-off
        return propose(&state, form, changes, status: status)
    }

    /// The first stop from `target` on that is not a `skip_when_default` question whose default is known:
    /// each one passed unanswered is answered with its default (a change like any other). One answered
    /// otherwise, or whose default would be refused or fail a hard check, is a stop: the enumerator sees it.
    static func passDerived(_ form: inout FormState, from target: FormCursor?, changes: inout [InterviewChange]) -> FormCursor? {
        var target = target
        while case .field(let p)? = target {
            let q = form.interview.questionnaire.questions[p.question]
            guard q.skipWhenDefault, let v = form.interview.defaultValue(of: p.question, row: p.row) else { break }
            if case .number(let n) = v, FieldInput.outOfRange(n, q, lang: .zh) != nil { break }
            let answer = form.interview.value(of: p.question, row: p.row)
            if answer == nil {
                var iv = form.interview
                guard let made = try? iv.answer(p.question, row: p.row, v),
                      !iv.problems(at: p.question, row: p.row).contains(where: { $0.severity == .error }) else { break }
                form.interview = iv
                changes += made
            } else if answer != v {
                break
            }
            target = FormNavigation(interview: form.interview).next(.field(p))
        }
        return target
    }

    /// "None of these": every unanswered number question of the block under the cursor (`block:`), or of
    /// its section when it is in none, in this row, is answered 0 (each an answer like a typed one); the
    /// cursor goes on past them.
    static func noneOfThese(_ state: inout AppState, _ form: inout FormState) -> [Effect] {
        guard var changes = confirm(&state, &form) else { return [] }
        guard case .field(let p) = form.cursor else {
            return propose(&state, form, changes, status: StatusLine(Phrase.noneLeftHere.text(state.lang), .info))
        }
        let q = form.interview.questionnaire
        let block = q.questions[p.question].block
        let scope = q.sections[p.section].questions.filter { block == nil || q.questions[$0].block == block }
        var answered = 0
        for qi in scope {
            let question = q.questions[qi]
            guard question.isInput, question.type == .integer || question.type == .decimal,
                  form.interview.isRelevant(qi, row: p.row), form.interview.value(of: qi, row: p.row) == nil,
                  FieldInput.outOfRange(0, question, lang: state.lang) == nil,
                  let made = try? form.interview.answer(qi, row: p.row, .number(0)) else { continue }
            changes += made
            answered += 1
        }
        guard answered > 0 else {
            return propose(&state, form, changes, status: StatusLine(Phrase.noneLeftHere.text(state.lang), .info))
        }
        // On past the questions just answered, to the first stop of this row outside them.
        var target: FormCursor? = form.cursor
        while case .field(let t)? = target, t.section == p.section, t.row == p.row, scope.contains(t.question),
              form.interview.value(of: t.question, row: t.row) != nil {
            target = FormNavigation(interview: form.interview).next(.field(t))
        }
        form.edit = nil
        return move(&state, form, to: target, changes: changes, atEnd: true, status: StatusLine(Phrase.noneAnsweredZero.text(state.lang, answered)))
    }

    /// Leads to `next`: at once when nothing changed (moving about writes nothing until the household
    /// is left), else by asking the store to commit the changes with the household's summary and the
    /// cursor of `next`. Until the store answers, `state.form` stays as stored; `.committed` shows `next`.
    static func propose(_ state: inout AppState, _ next: FormState, _ changes: [InterviewChange], status: StatusLine? = nil,
                        thenLeave: Bool = false) -> [Effect] {
        var next = next
        next.offerDefault()
        guard !changes.isEmpty else {
            state.form = next
            if let status { state.status = status }
            return thenLeave ? Update.leave(&state, quitting: false) : []
        }
        // A changed field's comments are dealt with (the store marks them so in the same commit).
        next.comments.removeAll { $0.isAbout(changes) }
        state.pending = PendingCommit(form: next, status: status, thenLeave: thenLeave)
        return [.commit(CommitRequest(changes, of: next.interview))]
    }

    /// The current answer as editable text (Backspace edits it instead of starting over).
    static func current(_ form: FormState) -> String {
        guard case .field(let p) = form.cursor else { return "" }
        return form.interview.value(of: p.question, row: p.row)?.display ?? ""
    }

    /// Leaves a page (grid, checks, sign-off) for the form at a field (remembered when the household is left).
    static func show(_ p: Position, _ state: inout AppState, _ form: inout FormState) -> [Effect] {
        form.cursor = .field(p)
        form.mode = .fields
        form.edit = nil
        form.offerDefault()
        state.form = form
        return []
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
