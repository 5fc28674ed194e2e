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
            form.mode = c.openedFrom.map(FormMode.assessment) ?? .fields
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

/// Keys on the assessment and sign-off page: go to a sign-off field or a problem's field, explain a
/// warning in place, or complete the household (asked once more).
enum AssessmentUpdate {
    static func handle(_ state: inout AppState, _ page: AssessmentState, _ key: Key) -> [Effect] {
        guard var form = state.form else { return [] }
        let iv = form.interview
        let lang = state.lang
        let entries = SignOffEntry.all(iv)
        let items = SignOff.items(iv), problems = iv.problems
        var a = page
        a.items.count = entries.count
        let current = entries.indices.contains(a.items.selected) ? entries[a.items.selected] : nil
        let visible = state.layout.signOff.count, first = a.items.selected == 0, last = a.items.selected == entries.count - 1
        switch key {
        // Above the first entry and below the last the page scrolls on: the assessment on top, the foot below.
        case .up where first, .pageUp where first, .down where last, .pageDown where last:
            let (canvas, _) = AssessmentView.canvas(iv, selected: a.items.selected, width: state.width, lang: lang)
            let step = key == .up || key == .down ? 1 : visible
            a.top = max(0, min(canvas.height - visible, a.top + (key == .up || key == .pageUp ? -step : step)))
            form.mode = .assessment(a)
            state.form = form
            return []
        case .home:
            a.items.select(0)
            a.top = 0
            form.mode = .assessment(a)
            state.form = form
            return []
        case .up, .down, .pageUp, .pageDown, .end: _ = a.items.handle(key, visible: visible / 2)
        case .tab: a.items.select(a.items.selected + 1)
        case .enter:
            if current == .status { return SignOff.recordReturn(&state, &form) }
            let target: Position?
            switch current {
            case .status?: target = nil
            case .item(let i)?: target = items[i].position
            case .problem(let i)?: target = ProblemPlace.of(problems[i], in: iv)
            case nil: target = nil
            }
            guard let p = target else { return [] }
            guard FormNavigation(interview: iv).valid(p) else {
                state.status = StatusLine(Phrase.fieldNotShown.text(lang), .warning)
                return []
            }
            return FormUpdate.show(p, &state, &form)
        case .escape:
            form.mode = .fields
            state.form = form
            return []
        default:
            if key.is(.explain) {
                guard case .problem(let i)? = current else {
                    state.status = StatusLine(Phrase.assessExplainWhat.text(lang), .info)
                    return []
                }
                let p = problems[i]
                guard p.severity == .warning else {
                    state.status = StatusLine(InterviewError.hardCheckCannotBeOverridden.message(lang), .error)
                    return []
                }
                state.overlay = .prompt(Prompt(purpose: .explain(p.key), title: Phrase.explainTitle.text(lang),
                                               detail: iv.questionnaire.checks[p.check].message.text(lang), text: p.overrideReason ?? ""))
                return []
            }
            if key.is(.complete) {
                guard SignOff.blockers(iv, lang: lang).isEmpty else {
                    // The page lists what stands in the way; the cursor goes to the first thing to do.
                    let warning = problems.firstIndex { $0.severity == .warning && $0.overrideReason == nil }
                    let error = problems.firstIndex { $0.severity == .error }
                    if entries.first == .status, warning == nil, error == nil {
                        // The contradiction first: its fix is one key away.
                        a.items.select(0)
                        state.status = StatusLine(Phrase.statusDisagrees.text(lang), .error)
                        break
                    }
                    if let i = warning ?? error, let e = entries.firstIndex(of: .problem(i)) { a.items.select(e) }
                    else if let i = items.firstIndex(where: { !$0.ok }), let e = entries.firstIndex(of: .item(i)) { a.items.select(e) }
                    else { a.items.select(entries.count - 1) }
                    let unexplained = iv.unexplainedWarningCount
                    state.status = warning != nil ? StatusLine(Phrase.assessRefusedWarnings.text(lang, unexplained), .error)
                                                  : StatusLine(Phrase.assessRefusedSeeBelow.text(lang), .error)
                    break
                }
                state.overlay = .confirmComplete
                return []
            }
            if key.is(.quit) { return Update.leave(&state, quitting: false) }
            return []
        }
        form.mode = .assessment(scrolled(a, iv, state))
        state.form = form
        return []
    }

    /// The page scrolled just enough that the selected entry is on screen: the first entry shows the
    /// page from its top (the assessment), the last one down to its foot (whether it can be completed).
    static func scrolled(_ page: AssessmentState, _ iv: Interview, _ state: AppState) -> AssessmentState {
        var a = page
        let (canvas, rows) = AssessmentView.canvas(iv, selected: a.items.selected, width: state.width, lang: state.lang)
        let visible = state.layout.signOff.count, last = max(0, canvas.height - visible)
        if rows.indices.contains(a.items.selected) {
            let r = rows[a.items.selected]
            if r.lowerBound < a.top { a.top = r.lowerBound }
            if r.upperBound > a.top + visible { a.top = r.upperBound - visible }
            if a.items.selected == 0, r.upperBound <= visible { a.top = 0 }
            if a.items.selected == rows.count - 1, r.lowerBound >= last { a.top = last }
        }
        a.top = max(0, min(a.top, last))
        return a
    }
}
