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

/// A field's history, over the lower part of the sheet so the field stays in view.
enum HistoryView {
    static func draw(_ buf: inout ScreenBuffer, lang: Language, _ panel: HistoryPanel, in box: Layout.Box) {
        let x = box.x, w = box.width, y = box.y, h = box.height
        buf.fill(x: x, y: y, width: w, height: h)
        buf.box(x: x, y: y, width: w, height: h, style: .key)
        buf.put(Phrase.historyTitle.text(lang) + panel.title + " ", x: x + 2, y: y, style: .title, limit: w - 4)
        let rows = box.rows.count
        if panel.lines.isEmpty { buf.put(Phrase.nothingRecorded.text(lang), x: x + 2, y: y + 1, style: .hint) }
        for (i, line) in panel.lines.dropFirst(panel.top).prefix(rows).enumerated() {
            let style: Style = line.kind == .comment ? .comment : line.kind == .reason ? .warning : .plain
            var col = x + 2
            col += buf.put(line.when, x: col, y: box.rows.first + i, style: .hint) + 1
            col += buf.put(line.who, x: col, y: box.rows.first + i, style: Style(bold: true), limit: 10) + 1
            buf.put(line.text, x: max(col, x + 31), y: box.rows.first + i, style: style, limit: x + w - 2 - max(col, x + 31))
        }
        let more = panel.lines.count > rows ? Phrase.historyScroll.text(lang) : ""
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
