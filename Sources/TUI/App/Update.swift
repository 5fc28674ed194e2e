import Foundation
import Store
import Survey

/// The application's logic: a message changes the state and asks for effects. No I/O happens here;
/// the interview is changed through its own API and the changes are handed to the store as effects.
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
            state.form = FormState.open(box.interview)
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
        case .statusStored(_, let status):
            state.form = nil
            state.status = StatusLine(status == .complete ? Phrase.completed.text(state.lang) : Phrase.saved.text(state.lang))
            return [reloadList(&state)]
        case .key(let key):
            let effects = handle(&state, key)
            // A changed field's comments are dealt with (the store marks them so in the same commit).
            for case .commit(let changes, _) in effects { state.form?.comments.removeAll { $0.isAbout(changes) } }
            return effects
        }
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
            effects.append(.savePosition(InterviewBox(form.interview)))
            state.form = nil
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
            let iv = form.interview
            do {
                let changes: [InterviewChange]
                switch prompt.purpose {
                case .removeRow(let roster, let row):
                    changes = try iv.removeRow(iv.questionnaire.rosters[roster].id, row: row, reason: prompt.text)
                    if case .grid(var g) = form.mode {
                        g.rows.count = iv.rowIDs(of: roster).count
                        form.mode = .grid(g)
                    }
                    if case .field(let p) = form.cursor, p.row == row {
                        form.cursor = FormNavigation(interview: iv).entry(of: p.section, forward: true) ?? .rosterEnd(section: p.section)
                    }
                    state.status = StatusLine(Phrase.rowRemoved.text(state.lang))
                case .explain(let key):
                    changes = try iv.override(key, reason: prompt.text)
                    state.status = StatusLine(Phrase.explained.text(state.lang))
                }
                form.refresh()
                state.form = form
                state.overlay = nil
                return [.commit(changes, InterviewBox(iv))]
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
