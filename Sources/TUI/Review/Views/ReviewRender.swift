import Foundation
import Store
import Survey

/// Draws the supervisor's state into a frame. Pure: the same state always gives the same cells.
public enum ReviewRender {
    public static func frame(_ state: ReviewState) -> ScreenBuffer {
        var buf = ScreenBuffer(width: state.width, height: state.height)
        if state.tooSmall {
            TooSmallView.draw(&buf, AppState(lang: state.lang, width: state.width, height: state.height))
            return buf
        }
        switch state.screen {
        case .list: ReviewListView.draw(&buf, state)
        case .household: if let sheet = state.sheet { SheetView.draw(&buf, state, sheet) }
        case .conflicts: ConflictView.draw(&buf, state)
        case .dashboard: if let d = state.dashboard { DashboardView.draw(&buf, state, d) }
        }
        let lang = state.lang
        switch state.overlay {
        case .help?: HelpView.draw(&buf, ReviewHelp.entries(state), lang: lang)
        case .prompt(let p)?: PromptView.draw(&buf, lang: lang, title: p.title, detail: p.detail, label: p.label, text: p.text, error: p.error)
        case .confirmApprove(_, let name)?: ConfirmBox.draw(&buf, lang: lang, name: name)
        case .history(let panel)?: HistoryView.draw(&buf, lang: lang, panel, in: state.layout.history)
        case .failing(let list)?: FailingView.draw(&buf, lang: lang, list, in: state.layout.failing)
        case nil: break
        }
        return buf
    }
}

/// The keys of the screen on show, for the help box.
enum ReviewHelp {
    static func entries(_ state: ReviewState) -> [(String, String)] {
        func a(_ action: ReviewAction, _ text: Phrase) -> (String, String) { (action.fullLabel, text.text(state.lang)) }
        var out: [(String, String)]
        switch state.screen {
        case .list:
            out = [("Enter", Phrase.reviewSelectedHousehold.text(state.lang)),
                   ("↑↓ PgUp PgDn", Phrase.selectHousehold.text(state.lang)),
                   (Phrase.typing.text(state.lang), Phrase.reviewSearchHelp.text(state.lang)),
                   ("Esc", Phrase.clearSearchThenEvery.text(state.lang)),
                   a(.statusFilter, .filterStatusCycles),
                   a(.flagFilter, .filterFlagErrorsOpen),
                   a(.villageFilter, .filterVillage), a(.enumeratorFilter, .filterEnumerator),
                   a(.sort, .sortNumberStatusLast),
                   a(.conflicts, .conflictQueue), a(.dashboard, .villageDashboard),
                   (Action.quit.fullLabel, Phrase.quitEveryDecisionSaved.text(state.lang))]
        case .household:
            out = [("↑↓ PgUp PgDn", Phrase.moveBetweenFields.text(state.lang)),
                   ("Enter", Phrase.fieldHistoryValuesWho.text(state.lang)),
                   a(.commentField, .commentField), a(.commentHousehold, .helpCommentHousehold),
                   (Action.nextProblem.fullLabel, Phrase.nextFieldErrorWarning.text(state.lang)),
                   a(.sendBack, .sendBackAsksReason), a(.approve, .approveAsksConfirm),
                   ("Esc / " + Action.quit.fullLabel, Phrase.backList.text(state.lang))]
        case .conflicts:
            out = [("↑↓", Phrase.selectConflict.text(state.lang)),
                   a(.takeMine, .keepStoreValue), a(.takeTheirs, .takeOtherSideValue),
                   a(.typeValue, .helpTypeMergedValue),
                   ("Esc / " + Action.quit.fullLabel, Phrase.backList.text(state.lang))]
        case .dashboard:
            out = [("↑↓", Phrase.selectGuarantee.text(state.lang)), ("Enter", Phrase.listHouseholdsFailing.text(state.lang)),
                   ("PgUp PgDn", Phrase.scroll.text(state.lang)), a(.villageFilter, .nextVillage),
                   ("Esc / " + Action.quit.fullLabel, Phrase.backList.text(state.lang))]
        }
        return out + [(Action.help.fullLabel, Phrase.helpAnyKeyCloses.text(state.lang)), ("Ctrl-C", Phrase.helpQuit.text(state.lang))]
    }
}

/// "Approve this household?" — Enter approves, anything else leaves it as it was.
enum ConfirmBox {
    static func draw(_ buf: inout ScreenBuffer, lang: Language, name: String) {
        let w = min(60, buf.width - 4), h = 5, x = (buf.width - w) / 2, y = (buf.height - h) / 2
        buf.fill(x: x, y: y, width: w, height: h)
        buf.box(x: x, y: y, width: w, height: h, style: .done)
        buf.put(Phrase.approveTitle.text(lang), x: x + 2, y: y, style: .title)
        buf.put(Phrase.approveQuestion.text(lang, name), x: x + 2, y: y + 1, style: Style(bold: true), limit: w - 4)
        buf.put(Phrase.decisionGoesOutNext.text(lang), x: x + 2, y: y + 2, limit: w - 4)
        buf.put(Phrase.enterApproveEscCancel.text(lang), x: x + 2, y: y + 3, style: .hint, limit: w - 4)
    }
}

/// A field's history, over the lower part of the sheet so the field stays in view. A long value or
/// reason wraps in its column (so "old → new" shows both), and the panel scrolls by rows.
enum HistoryView {
    /// Where the text column starts, from the box's left edge (after the time and who).
    static let textColumn = 31

    /// The rows of the panel in a box this wide: each event's line, then its text one part a row.
    static func rows(_ panel: HistoryPanel, boxWidth: Int) -> [(line: Int, text: String)] {
        let w = max(1, boxWidth - 2 - textColumn)
        return panel.lines.enumerated().flatMap { i, line in LineBreak.lines(line.text, width: w).map { (i, $0) } }
    }

    static func draw(_ buf: inout ScreenBuffer, lang: Language, _ panel: HistoryPanel, in box: Layout.Box) {
        let x = box.x, w = box.width, y = box.y, h = box.height
        buf.fill(x: x, y: y, width: w, height: h)
        buf.box(x: x, y: y, width: w, height: h, style: .key)
        buf.put(Phrase.historyTitle.text(lang) + panel.title + " ", x: x + 2, y: y, style: .title, limit: w - 4)
        let visible = box.rows.count
        if panel.lines.isEmpty { buf.put(Phrase.nothingRecorded.text(lang), x: x + 2, y: y + 1, style: .hint) }
        let all = rows(panel, boxWidth: w)
        for (i, row) in all.enumerated().dropFirst(panel.top).prefix(visible) {
            let line = panel.lines[row.line], at = box.rows.first + i - panel.top
            let style: Style = line.kind == .comment ? .comment : line.kind == .reason ? .warning : .plain
            // The time and who on an event's first row only.
            if i == 0 || all[i - 1].line != row.line {
                let col = x + 2 + buf.put(line.when, x: x + 2, y: at, style: .hint) + 1
                buf.put(line.who, x: col, y: at, style: Style(bold: true), limit: 10)
            }
            buf.put(row.text, x: x + textColumn, y: at, style: style, limit: w - 2 - textColumn)
        }
        let more = all.count > visible ? Phrase.historyScroll.text(lang) : ""
        buf.put(more + Phrase.anyKeyCloses.text(lang), x: x + 2, y: y + h - 2, style: .hint)
    }
}

/// The households failing one guarantee, by name.
enum FailingView {
    static func draw(_ buf: inout ScreenBuffer, lang: Language, _ list: FailingList, in box: Layout.Box) {
        let w = box.width, x = box.x, y = box.y, h = box.height
        buf.fill(x: x, y: y, width: w, height: h)
        buf.box(x: x, y: y, width: w, height: h, style: .warning)
        buf.put(" " + list.title + " ", x: x + 2, y: y, style: .title, limit: w - 4)
        for i in list.selection.onScreen(box.rows.count) {
            let n = list.households[i]
            let row = box.rows.first + i - list.selection.top
            let selected = i == list.selection.selected
            if selected { buf.fill(x: x + 1, y: row, width: w - 2, height: 1, style: .selected) }
            buf.put("\(n.householdNo)  \(n.headName)", x: x + 2, y: row, style: selected ? .selected : .plain, limit: w - 4)
        }
        buf.put(Phrase.enterReviewEscClose.text(lang), x: x + 2, y: y + h - 2, style: .hint)
    }
}
