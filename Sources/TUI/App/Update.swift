import Foundation
import Store
import Survey

/// The application's logic: a message changes the state and asks for effects. No I/O happens here;
/// a change is made on a copy of the interview (a value) and handed to the store as `Effect.commit`,
/// and only the store's answer (`.committed`, `.commitFailed`) moves the screen on.
public enum Update {
    /// Applies one message; returns the work for the runtime to do.
    public static func apply(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .resize(let w, let h):
            state.width = w; state.height = h
            if state.form == nil, !state.tooSmall { return reloadIfNeeded(&state) }
            return []
        case .listLoaded(let page):
            guard page.query == state.list.query else { return [] }       // an answer to an older search
            state.list.loading = false
            state.list.selection.count = page.total
            state.list.offset = page.offset
            state.list.page = page.households
            return []
        case .opened(let box):
            state.form = FormState.open(box.interview, previous: box.previous)
            state.form?.comments = box.comments
            state.overlay = nil
            if let reason = box.sentBack { state.status = StatusLine(Phrase.sentBack.text(state.lang, reason), .warning) }
            return []
        case .failed(let text):
            state.status = StatusLine(text, .error)
            return []
        case .certificateLoaded(let certificate, let today):
            state.certificate = certificate.map { OwnCertificate($0, today: today) }
            return []
        case .unfinishedFound(let found):
            // Offered only on the list as it opened: a search typed or a household opened since wins.
            guard let found, state.form == nil, state.list.query.isEmpty else { return [] }
            state.list.selection.count = max(state.list.selection.count, found.index + 1)
            state.list.selection.select(found.index, visible: state.layout.households.count)
            let h = found.household
            state.status = StatusLine(Phrase.resumeOffered.text(state.lang, [h.householdNo, h.headName].filter { !$0.isEmpty }.joined(separator: " ")))
            return reloadIfNeeded(&state)
        case .statusStored(_, let status):
            state.form = nil
            state.status = StatusLine(status == .complete ? Phrase.completed.text(state.lang) : Phrase.saved.text(state.lang))
            return [reloadList(&state)]
        case .committed:
            guard let pending = state.pending else { return [] }
            state.pending = nil
            state.form = pending.form
            state.overlay = nil                                   // a prompt whose reason is now stored
            if let status = pending.status { state.status = status }
            return pending.thenLeave ? leave(&state, quitting: false) : []
        case .commitFailed(let reason):
            guard state.pending != nil else { return [] }
            // The form is still as stored, the text typed still in its edit (or the reason in its prompt),
            // so Enter tries again.
            state.pending = nil
            if case .prompt(var prompt) = state.overlay {
                prompt.error = notStored(state.lang, reason, stored: nil)
                state.overlay = .prompt(prompt)
            }
            state.status = StatusLine(notStored(state.lang, reason, stored: state.form.flatMap { storedText($0, state.lang) }), .error)
            return []
        case .key(let key):
            // One change at a time: keys wait for the store's answer (the runtime gives it before the next key).
            if state.pending != nil, key != .ctrl("c") { return [] }
            return handle(&state, key)
        }
    }

    /// A commit the store refused: what the field still holds and that the typed text waits for Enter
    /// first (a narrow status line cuts the end), then why.
    static func notStored(_ lang: Language, _ reason: String, stored: String?) -> String {
        guard let stored else { return Phrase.notStoredRetry.text(lang, reason) }
        return Phrase.notStoredStillHolds.text(lang, stored.isEmpty ? Phrase.assessEmpty.text(lang) : stored, reason)
    }

    /// What the field being edited holds in the store, as shown; nil when no field is being edited.
    static func storedText(_ form: FormState, _ lang: Language) -> String? {
        guard form.edit != nil, case .field(let p) = form.cursor else { return nil }
        let q = form.interview.questionnaire.questions[p.question]
        return form.interview.value(of: p.question, row: p.row).map { FieldInput.display($0, q, lang) } ?? ""
    }

    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        if key == .ctrl("c") { return leave(&state, quitting: true) }
        if state.tooSmall {
            // Keys typed blind would change answers the user cannot see; only quitting works.
            if key.is(.quit) { return leave(&state, quitting: state.form == nil) }
            return []
        }
        if let overlay = state.overlay {
            switch overlay {
            case .help:
                state.overlay = nil
                return []
            case .prompt(var prompt):
                return PromptUpdate.handle(&state, &prompt, key)
            case .confirmComplete:
                state.overlay = nil
                guard let iv = state.form?.interview, key == .enter || key.is(.complete) else {
                    state.status = StatusLine(Phrase.notCompletedNothingChanged.text(state.lang))
                    return []
                }
                return [.savePosition(household: iv.householdID, position: iv.position), .setStatus(iv.householdID, .complete)]
            }
        }
        if key.is(.help) { state.overlay = .help; return [] }
        state.status = nil
        if state.form != nil { return FormUpdate.handle(&state, key) }
        return ListUpdate.handle(&state, key)
    }

    /// Leaves the household (back to the list) or the application, saving where the cursor is.
    static func leave(_ state: inout AppState, quitting: Bool) -> [Effect] {
        var effects: [Effect] = []
        if let form = state.form {
            // Moving about wrote nothing; the cursor is stored now (and with every commit before).
            effects.append(.savePosition(household: form.interview.householdID, position: form.interview.position))
            state.form = nil
            state.pending = nil
            state.overlay = nil
            if !quitting { effects.append(reloadList(&state)) }
        }
        if quitting { state.quitting = true; effects.append(.quit) }
        return effects
    }

    static func pageLimit(_ state: AppState) -> Int { ListWindow.limit(rows: state.layout.households.count) }
    static func pageOffset(_ state: AppState) -> Int { ListWindow.offset(selected: state.list.selection.selected, rows: state.layout.households.count) }

    /// Reads the list's page around the selection again (after a search, a move or a change).
    static func reloadList(_ state: inout AppState) -> Effect {
        state.list.loading = true
        return .loadList(query: state.list.query, offset: pageOffset(state), limit: pageLimit(state))
    }

    /// Reads the list again when the selection left the page read (or the screen grew).
    static func reloadIfNeeded(_ state: inout AppState) -> [Effect] {
        let l = state.list
        if l.loading || ListWindow.covers(top: l.selection.top, rows: state.layout.households.count, total: l.total, offset: l.offset, read: l.page.count) {
            return []
        }
        return [reloadList(&state)]
    }
}

/// Which part of a long list to read: a few screens around the selection, read again once the rows on
/// screen leave it. Both applications' lists page this way.
enum ListWindow {
    static func limit(rows: Int) -> Int { rows * 3 }
    static func offset(selected: Int, rows: Int) -> Int { max(0, selected - rows) }
    /// Whether the rows on screen (from `top`) are all among those read (from `offset`).
    static func covers(top: Int, rows: Int, total: Int, offset: Int, read: Int) -> Bool {
        top >= offset && min(total, top + rows) <= offset + read
    }
}

/// Keys on the household list.
enum ListUpdate {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.list.selection.handle(key, visible: state.layout.households.count) { return Update.reloadIfNeeded(&state) }
        switch key {
        case .char(let c) where !c.isNewline:
            return search(&state, state.list.query + String(c))
        case .backspace:
            guard !state.list.query.isEmpty else { return [] }
            return search(&state, String(state.list.query.dropLast()))
        case .escape:
            return state.list.query.isEmpty ? [] : search(&state, "")
        case .enter:
            guard let h = state.list.selectedHousehold, let id = UUID(uuidString: h.id) else { return [] }
            return [.open(id)]
        default:
            if key.is(.add) { return [.create] }
            if key.is(.quit) { return Update.leave(&state, quitting: true) }
            return []
        }
    }

    static func search(_ state: inout AppState, _ query: String) -> [Effect] {
        state.list.query = query
        state.list.selection = ListSelection(count: state.list.total)
        return [Update.reloadList(&state)]
    }
}

/// Typing the text of a prompt (a reason), then acting on it.
enum PromptUpdate {
    static func handle(_ state: inout AppState, _ prompt: inout Prompt, _ key: Key) -> [Effect] {
        switch key {
        case .escape:
            state.overlay = nil
            state.status = StatusLine(Phrase.cancelled.text(state.lang))
            return []
        case .char(let c) where !c.isNewline:
            prompt.text.append(c)
        case .backspace:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .ctrl("u"):
            prompt.text = ""
        case .enter:
            guard var form = state.form else { state.overlay = nil; return [] }
            do {
                let changes: [InterviewChange]
                let status: StatusLine
                switch prompt.purpose {
                case .removeRow(let roster, let row):
                    let cursor = form.cursor
                    changes = try form.interview.removeRow(form.interview.questionnaire.rosters[roster].id, row: row, reason: prompt.text)
                    if case .grid(var g) = form.mode {
                        g.rows.count = form.interview.rowIDs(of: roster).count
                        form.mode = .grid(g)
                    }
                    if case .field(let p) = cursor, p.row == row {
                        form.cursor = FormNavigation(interview: form.interview).entry(of: p.section, forward: true) ?? .rosterEnd(section: p.section)
                    } else {
                        form.cursor = cursor          // removing a row moves the interview's own cursor off it only
                    }
                    status = StatusLine(Phrase.rowRemoved.text(state.lang))
                case .explain(let key):
                    changes = try form.interview.override(key, reason: prompt.text)
                    status = StatusLine(Phrase.explained.text(state.lang))
                }
                // The prompt stays open until the store answers: `.committed` closes it.
                prompt.error = nil
                state.overlay = .prompt(prompt)
                return FormUpdate.propose(&state, form, changes, status: status)
            } catch {
                prompt.error = error.message(state.lang)
            }
        default:
            break
        }
        state.overlay = .prompt(prompt)
        return []
    }
}
