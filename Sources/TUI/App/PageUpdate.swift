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
        let visible = max(1, state.height - 7)
        if Selection.move(&g.selected, top: &g.top, key: key, count: rows.count, visible: visible) {
            form.mode = .grid(g)
            state.form = form
            return []
        }
        switch key {
        case .left, .backTab: g.column = max(0, g.column - 1)
        case .right, .tab: g.column = min(sections.count - 1, g.column + 1)
        case .enter:
            guard rows.indices.contains(g.selected) else {
                state.status = StatusLine(T.emptyRoster(state.lang), .info)
                return []
            }
            guard let p = nav.first(in: sections[g.column], row: rows[g.selected]) else {
                state.status = StatusLine(T.sectionNotForRow(state.lang), .warning)
                return []
            }
            return FormUpdate.show(p, &state, &form)
        case .escape:
            form.mode = .fields
            state.form = form
            return []
        default:
            if key.is(.add) { return FormUpdate.addRow(&state, &form, roster: grid.roster) }
            if key.is(.remove), rows.indices.contains(g.selected) {
                let row = rows[g.selected]
                let roster = iv.questionnaire.rosters[grid.roster]
                state.overlay = .prompt(Prompt(purpose: .removeRow(roster: grid.roster, row: row),
                                               title: T.removeTitle(state.lang, roster, g.selected + 1, RowLabel.of(iv, roster: grid.roster, row: row)),
                                               detail: T.removeDetail(state.lang)))
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
        let visible = max(1, (state.height - 5) / 2)
        if Selection.move(&c.selected, top: &c.top, key: key, count: problems.count, visible: visible) {
            form.mode = .checks(c)
            state.form = form
            return []
        }
        switch key {
        case .enter:
            guard problems.indices.contains(c.selected) else { return [] }
            let target = ProblemPlace.of(problems[c.selected], in: iv)
            guard FormNavigation(interview: iv).valid(target) else {
                state.status = StatusLine(T.fieldNotShown(state.lang), .warning)
                return []
            }
            return FormUpdate.show(target, &state, &form)
        case .escape:
            form.mode = .fields
            state.form = form
            return []
        default:
            if key.is(.explain), problems.indices.contains(c.selected) {
                let p = problems[c.selected]
                guard p.severity == .warning else {
                    state.status = StatusLine(InterviewError.hardCheckCannotBeOverridden.message(state.lang), .error)
                    return []
                }
                let check = iv.questionnaire.checks[p.check]
                state.overlay = .prompt(Prompt(purpose: .explain(p.key), title: T.explainTitle(state.lang),
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
        switch key {
        case .up: a.selected = max(0, a.selected - 1)
        case .down, .tab: a.selected = min(max(0, items.count - 1), a.selected + 1)
        case .enter:
            guard items.indices.contains(a.selected), let p = items[a.selected].position, FormNavigation(interview: iv).valid(p) else { return [] }
            return FormUpdate.show(p, &state, &form)
        case .escape:
            form.mode = .fields
            state.form = form
            return []
        default:
            if key.is(.complete) {
                let blockers = SignOff.blockers(iv, lang: state.lang)
                guard blockers.isEmpty else {
                    state.status = StatusLine(T.cannotComplete(state.lang) + blockers.joined(separator: state.lang == .zh ? "；" : "; "), .error)
                    return []
                }
                return [.savePosition(household: iv.householdID, position: iv.position), .setStatus(iv.householdID, "complete")]
            }
            if key.is(.quit) { return Update.leave(&state, quitting: false) }
            return []
        }
        form.mode = .assessment(a)
        state.form = form
        return []
    }
}

/// A selection in a list that shows `visible` lines at a time.
enum Selection {
    /// Moves the selection for ↑↓ PgUp PgDn and keeps it on screen; false for any other key.
    static func move(_ selected: inout Int, top: inout Int, key: Key, count: Int, visible: Int) -> Bool {
        let step: Int
        switch key {
        case .up: step = -1
        case .down: step = 1
        case .pageUp: step = -visible
        case .pageDown: step = visible
        default: return false
        }
        selected = min(max(0, count - 1), max(0, selected + step))
        keepVisible(selected, top: &top, visible: visible)
        return true
    }

    /// Scrolls just enough that the selected line is on screen.
    static func keepVisible(_ selected: Int, top: inout Int, visible: Int) {
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
    }
}
