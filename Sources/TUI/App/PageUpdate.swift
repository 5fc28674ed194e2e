import Foundation
import Survey

/// Keys on the roster grid: pick a row and a section, add, remove.
enum GridUpdate {
    static func handle(_ state: inout AppState, _ grid: GridState, _ key: Key) -> [Effect] {
        guard var form = state.form else { return [] }
        let iv = form.interview
        let nav = FormNavigation(interview: iv)
        let rows = iv.rowIDs(of: grid.roster)
        let sections = nav.sections(of: grid.roster)
        var g = grid
        g.rows.count = rows.count                 // rows may have come or gone since the grid opened
        if g.rows.handle(key, visible: state.layout.grid.count) {
            form.mode = .grid(g)
            state.form = form
            return []
        }
        switch key {
        case .left, .backTab: g.column = max(0, g.column - 1)
        case .right, .tab: g.column = min(sections.count - 1, g.column + 1)
        case .enter:
            guard rows.indices.contains(g.rows.selected) else {
                state.status = StatusLine(Phrase.emptyRoster.text(state.lang), .info)
                return []
            }
            guard let p = nav.first(in: sections[g.column], row: rows[g.rows.selected]) else {
                state.status = StatusLine(Phrase.sectionNotForRow.text(state.lang), .warning)
                return []
            }
            return FormUpdate.show(p, &state, &form)
        case .escape:
            form.mode = .fields
            state.form = form
            return []
        default:
            if key.is(.add) { return FormUpdate.addRow(&state, &form, roster: grid.roster) }
            if key.is(.remove), rows.indices.contains(g.rows.selected) {
                let row = rows[g.rows.selected]
                let roster = iv.questionnaire.rosters[grid.roster]
                state.overlay = .prompt(Prompt(purpose: .removeRow(roster: grid.roster, row: row),
                                               title: Phrase.removeTitle.text(state.lang, roster.label, g.rows.selected + 1, T.rowUnit(roster, iv.questionnaire), RowLabel.of(iv, roster: grid.roster, row: row)),
                                               detail: Phrase.removeDetail.text(state.lang)))
                return []
            }
            if key.is(.quit) { return Update.leave(&state, quitting: false) }
            return []
        }
        form.mode = .grid(g)
        state.form = form
        return []
    }
}

/// Keys on the checks panel: jump to a problem's field, or explain a soft one.
enum ChecksUpdate {
    static func handle(_ state: inout AppState, _ checks: ChecksState, _ key: Key) -> [Effect] {
        guard var form = state.form else { return [] }
        let iv = form.interview
        let problems = iv.problems
        var c = checks
        c.problems.count = problems.count
        if c.problems.handle(key, visible: state.layout.checks.count) {
            form.mode = .checks(c)
            state.form = form
            return []
        }
        switch key {
        case .enter:
            guard problems.indices.contains(c.problems.selected) else { return [] }
            let target = ProblemPlace.of(problems[c.problems.selected], in: iv)
            guard FormNavigation(interview: iv).valid(target) else {
                state.status = StatusLine(Phrase.fieldNotShown.text(state.lang), .warning)
                return []
            }
            return FormUpdate.show(target, &state, &form)
        case .escape:
            form.mode = .fields
            state.form = form
            return []
        default:
            if key.is(.explain), problems.indices.contains(c.problems.selected) {
                let p = problems[c.problems.selected]
                guard p.severity == .warning else {
                    state.status = StatusLine(InterviewError.hardCheckCannotBeOverridden.message(state.lang), .error)
                    return []
                }
                let check = iv.questionnaire.checks[p.check]
                state.overlay = .prompt(Prompt(purpose: .explain(p.key), title: Phrase.explainTitle.text(state.lang),
                                               detail: check.message.text(state.lang), text: p.overrideReason ?? ""))
                return []
            }
            if key.is(.quit) { return Update.leave(&state, quitting: false) }
            return []
        }
    }
}

/// Keys on the assessment and sign-off page: go to a sign-off field, or complete the household.
enum AssessmentUpdate {
    static func handle(_ state: inout AppState, _ page: AssessmentState, _ key: Key) -> [Effect] {
        guard var form = state.form else { return [] }
        let iv = form.interview
        let items = SignOff.items(iv)
        var a = page
        a.items.count = items.count
        switch key {
        case .up, .down, .pageUp, .pageDown, .home, .end: _ = a.items.handle(key)
        case .tab: a.items.select(a.items.selected + 1)
        case .enter:
            guard items.indices.contains(a.items.selected), let p = items[a.items.selected].position, FormNavigation(interview: iv).valid(p) else { return [] }
            return FormUpdate.show(p, &state, &form)
        case .escape:
            form.mode = .fields
            state.form = form
            return []
        default:
            if key.is(.complete) {
                let blockers = SignOff.blockers(iv, lang: state.lang)
                guard blockers.isEmpty else {
                    state.status = StatusLine(Phrase.cannotComplete.text(state.lang) + blockers.joined(separator: Phrase.semicolon.text(state.lang)), .error)
                    return []
                }
                return [.savePosition(household: iv.householdID, position: iv.position), .setStatus(iv.householdID, .complete)]
            }
            if key.is(.quit) { return Update.leave(&state, quitting: false) }
            return []
        }
        form.mode = .assessment(a)
        state.form = form
        return []
    }
}
