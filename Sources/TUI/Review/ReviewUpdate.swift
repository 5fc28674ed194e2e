import Foundation
import Store
import Survey

/// The supervisor's application logic: a message changes the state and asks for effects. No I/O.
public enum ReviewUpdate {
    /// Applies one message; returns the work for the runtime to do.
    public static func apply(_ state: inout ReviewState, _ message: ReviewMessage) -> [ReviewEffect] {
        switch message {
        case .resize(let w, let h):
            state.width = w; state.height = h
            if state.screen == .list, !state.tooSmall { return ReviewListUpdate.reloadIfNeeded(&state) }
            if var sheet = state.sheet { SheetUpdate.keepVisible(&sheet, rows: state.sheetRows, width: w); state.sheet = sheet }
            return []
        case .listLoaded(let query, let offset, let total, let rows):
            guard query == state.list.query else { return [] }       // an answer to an older search
            state.list.loading = false
            state.list.selection.count = total
            state.list.offset = offset
            state.list.rows = rows
            return []
        case .filtersLoaded(let villages, let enumerators, let conflicts):
            state.list.villages = villages; state.list.enumerators = enumerators; state.list.openConflicts = conflicts
            return []
        case .opened(var sheet, let note):
            SheetUpdate.keepVisible(&sheet, rows: state.sheetRows(for: sheet), width: state.width)
            if state.sheet?.id != sheet.id { state.sheetOpenedFrom = state.screen == .dashboard ? .dashboard : .list }
            state.sheet = sheet
            state.screen = .household
            state.overlay = nil
            if let note { state.status = StatusLine(note) }
            else if sheet.reviewState == .sentBack, let reason = sheet.reviewReason {
                state.status = StatusLine(Phrase.reviewSentBack.text(state.lang, reason), .warning)
            }
            return []
        case .historyLoaded(let panel):
            state.overlay = .history(panel)
            return []
        case .decided(let text):
            state.overlay = nil
            let effects = ReviewUpdate.leaveSheet(&state)
            state.status = StatusLine(text)
            return effects
        case .conflictsLoaded(let items, let note):
            state.conflicts.items = items
            state.conflicts.loading = false
            state.overlay = nil
            if let note { state.status = StatusLine(note) }
            return []
        case .dashboardLoaded(let page):
            let keep = state.dashboard?.page.village == page.village ? state.dashboard?.guarantees.selected ?? 0 : 0
            state.dashboard = DashboardState(page: page, selected: keep)
            state.screen = .dashboard
            return []
        case .certificateLoaded(let certificate, let today):
            state.certificate = certificate.map { OwnCertificate($0, today: today) }
            return []
        case .failed(let text):
            state.status = StatusLine(text, .error)
            return []
        case .key(let key):
            return handle(&state, key)
        }
    }

    static func handle(_ state: inout ReviewState, _ key: Key) -> [ReviewEffect] {
        if key == .ctrl("c") { state.quitting = true; return [.quit] }
        if state.tooSmall {
            if key.is(.quit) && state.screen == .list { state.quitting = true; return [.quit] }
            return []
        }
        if let overlay = state.overlay { return ReviewOverlayUpdate.handle(&state, overlay, key) }
        if key.is(.help) { state.overlay = .help; return [] }
        state.status = nil
        switch state.screen {
        case .list: return ReviewListUpdate.handle(&state, key)
        case .household: return SheetUpdate.handle(&state, key)
        case .conflicts: return ConflictUpdate.handle(&state, key)
        case .dashboard: return DashboardUpdate.handle(&state, key)
        }
    }

    /// Back to the household list, read again (a decision or a resolution may have changed it).
    static func backToList(_ state: inout ReviewState) -> [ReviewEffect] {
        state.screen = .list
        state.sheet = nil
        return [ReviewListUpdate.reload(&state), .loadFilters]
    }

    /// Leaves a household for the screen it was opened from (the dashboard is read again too).
    static func leaveSheet(_ state: inout ReviewState) -> [ReviewEffect] {
        guard state.sheetOpenedFrom == .dashboard, let village = state.dashboard?.page.village else { return backToList(&state) }
        state.sheet = nil
        state.screen = .dashboard
        return [.loadDashboard(village: village), ReviewListUpdate.reload(&state), .loadFilters]
    }
}

/// Keys on the supervisor's household list: search as you type, filters, sort.
enum ReviewListUpdate {
    static func handle(_ state: inout ReviewState, _ key: Key) -> [ReviewEffect] {
        var q = state.list.query
        if state.list.selection.handle(key, visible: state.layout.reviewList.count) { return reloadIfNeeded(&state) }
        switch key {
        case .char(let c) where !c.isNewline:
            q.search.append(c)
            return requery(&state, q)
        case .backspace:
            guard !q.search.isEmpty else { return [] }
            q.search.removeLast()
            return requery(&state, q)
        case .escape:
            // First the search, then every filter.
            if !q.search.isEmpty { q.search = "" } else { q = ReviewQuery(sort: q.sort) }
            return q == state.list.query ? [] : requery(&state, q)
        case .enter:
            guard let row = state.list.selectedRow, let id = UUID(uuidString: row.household.id) else { return [] }
            return [.open(id, keeping: nil)]
        default:
            if key.is(.statusFilter) {
                q.status = cycle(q.status, through: DashboardPage.statuses)
            } else if key.is(.flagFilter) {
                q.flag = cycle(q.flag, through: ReviewQuery.Flag.allCases)
            } else if key.is(.villageFilter) {
                q.village = cycle(q.village, through: state.list.villages)
            } else if key.is(.enumeratorFilter) {
                q.enumerator = cycle(q.enumerator, through: state.list.enumerators)
            } else if key.is(.sort) {
                let all = ReviewQuery.Sort.allCases
                q.sort = all[((all.firstIndex(of: q.sort) ?? 0) + 1) % all.count]
            } else if key.is(.conflicts) {
                state.screen = .conflicts
                state.conflicts.loading = true
                return [.loadConflicts(note: nil)]
            } else if key.is(.dashboard) {
                return [.loadDashboard(village: q.village ?? state.dashboard?.page.village)]
            } else if key.is(.quit) {
                state.quitting = true
                return [.quit]
            } else {
                return []
            }
            return requery(&state, q)
        }
    }

    /// The next value of a filter: none, each choice in turn, none again.
    static func cycle<T: Equatable>(_ value: T?, through choices: [T]) -> T? {
        guard let value, let i = choices.firstIndex(of: value) else { return choices.first }
        return i + 1 < choices.count ? choices[i + 1] : nil
    }

    static func requery(_ state: inout ReviewState, _ query: ReviewQuery) -> [ReviewEffect] {
        state.list.query = query
        state.list.selection = ListSelection(count: state.list.total)
        return [reload(&state)]
    }

    static func reload(_ state: inout ReviewState) -> ReviewEffect {
        state.list.loading = true
        let rows = state.layout.reviewList.count
        return .loadList(state.list.query, offset: ListWindow.offset(selected: state.list.selection.selected, rows: rows),
                         limit: ListWindow.limit(rows: rows))
    }

    static func reloadIfNeeded(_ state: inout ReviewState) -> [ReviewEffect] {
        let l = state.list
        if l.loading || ListWindow.covers(top: l.selection.top, rows: state.layout.reviewList.count, total: l.total, offset: l.offset, read: l.rows.count) {
            return []
        }
        return [reload(&state)]
    }
}

/// Keys on one household's sheet: move between fields, history, comments, the decision.
enum SheetUpdate {
    static func handle(_ state: inout ReviewState, _ key: Key) -> [ReviewEffect] {
        guard var sheet = state.sheet else { return ReviewUpdate.backToList(&state) }
        let lang = state.lang
        let rows = state.sheetRows, width = state.width
        let last = sheet.lines.lastIndex(where: \.isField)
        switch key {
        case .up: move(&sheet, by: -1)
        // Below the last field the sheet scrolls on to its end: the assessment is read there.
        case .down where sheet.selected == last, .pageDown where sheet.selected == last:
            scroll(&sheet, by: key == .down ? 1 : rows, rows: rows, width: width)
            state.sheet = sheet
            return []
        case .down: move(&sheet, by: 1)
        case .pageUp: move(&sheet, by: -rows)
        case .pageDown: move(&sheet, by: rows)
        case .home: move(&sheet, by: -sheet.lines.count)
        case .end:
            move(&sheet, by: sheet.lines.count)
            keepVisible(&sheet, rows: rows, width: width)
            scroll(&sheet, by: sheet.lines.count, rows: rows, width: width)
            state.sheet = sheet
            return []
        case .enter:
            guard case .field(let row, let question)? = sheet.field?.kind else { return [] }
            return [.history(sheet.id, row: row, question: question)]
        case .escape:
            return ReviewUpdate.leaveSheet(&state)
        default:
            if key.is(.quit) { return ReviewUpdate.leaveSheet(&state) }
            if key.is(.nextProblem) {
                guard let next = nextProblem(sheet) else {
                    state.status = StatusLine(Phrase.noErrorWarningComment.text(lang))
                    return []
                }
                sheet.selected = next
                keepVisible(&sheet, rows: rows, width: width)
                state.sheet = sheet
                return []
            }
            if key.is(.commentField), case .field(let row, let question)? = sheet.field?.kind {
                let label = sheet.field?.label ?? question
                state.overlay = .prompt(ReviewPrompt(purpose: .comment(sheet.id, row: row, question: question),
                                                     title: Phrase.commentOnField.text(lang, label),
                                                     detail: Phrase.commentOnFieldDetail.text(lang),
                                                     label: Phrase.commentLabel.text(lang)))
            } else if key.is(.commentHousehold) {
                state.overlay = .prompt(ReviewPrompt(purpose: .comment(sheet.id, row: nil, question: ""),
                                                     title: Phrase.commentOnHousehold.text(lang, sheet.name),
                                                     detail: Phrase.enterSavesEscCancels.text(lang),
                                                     label: Phrase.commentLabel.text(lang)))
            } else if key.is(.sendBack) {
                state.overlay = .prompt(ReviewPrompt(purpose: .sendBack(sheet.id),
                                                     title: Phrase.sendBackTitle.text(lang, sheet.name),
                                                     detail: Phrase.sendBackDetail.text(lang),
                                                     label: Phrase.explainLabel.text(lang)))
            } else if key.is(.approve) {
                if let refusal = approvalRefusal(sheet, lang: lang) {
                    state.status = StatusLine(refusal, .error)
                } else {
                    state.overlay = .confirmApprove(sheet.id, household: sheet.name)
                }
            }
            return []
        }
        keepVisible(&sheet, rows: rows, width: width)
        state.sheet = sheet
        return []
    }

    /// Scrolls the sheet `by` rows down, no further than its last row at the foot of the screen.
    static func scroll(_ sheet: inout HouseholdSheet, by n: Int, rows: Int, width: Int) {
        let total = SheetView.rowStarts(sheet, width: width).last ?? 0
        sheet.top = max(0, min(total - rows, sheet.top + n))
    }

    /// The next field after the cursor (round to the top) with an error, a warning, a reason or a comment under it.
    static func nextProblem(_ sheet: HouseholdSheet) -> Int? {
        let fields = sheet.lines.indices.filter { sheet.lines[$0].isField }
        func flagged(_ i: Int) -> Bool {
            var j = i + 1
            while j < sheet.lines.count {
                switch sheet.lines[j].kind {
                case .error, .warning, .explained, .comment: return true
                case .calculated: j += 1
                default: return false
                }
            }
            return false
        }
        let after = fields.filter { $0 > sheet.selected } + fields.filter { $0 <= sheet.selected }
        return after.first(where: flagged)
    }

    /// Why the household cannot be approved as it stands, if it cannot.
    static func approvalRefusal(_ sheet: HouseholdSheet, lang: Language) -> String? {
        let r = sheet.record
        if r.status == .approved { return Phrase.alreadyApproved.text(lang) }
        if r.status != .complete {
            return Phrase.onlyCompletedHouseholdApproved.text(lang, StatusBadge(r.status).label(lang))
        }
        if r.hardErrors > 0 { return Phrase.errorsRemainSendBack.text(lang, r.hardErrors) }
        if sheet.openConflicts > 0 { return Phrase.conflictsOpenFConflicts.text(lang, sheet.openConflicts) }
        return nil
    }

    /// Moves the cursor to the field `by` fields away (a page: that many lines, to the nearest field).
    static func move(_ sheet: inout HouseholdSheet, by n: Int) {
        let fields = sheet.lines.indices.filter { sheet.lines[$0].isField }
        guard !fields.isEmpty else { return }
        let here = fields.firstIndex { $0 >= sheet.selected } ?? fields.count - 1
        if abs(n) == 1 {
            sheet.selected = fields[min(max(0, here + n), fields.count - 1)]
        } else {
            let target = sheet.selected + n
            sheet.selected = (n > 0 ? fields.first { $0 >= target } ?? fields.last : fields.last { $0 <= target } ?? fields.first)!
        }
    }

    /// Scrolls so the field under the cursor and the notes under it are on screen (lines wrap at `width`,
    /// so `top` counts screen rows).
    static func keepVisible(_ sheet: inout HouseholdSheet, rows: Int, width: Int) {
        guard sheet.lines.indices.contains(sheet.selected) else { return }
        let starts = SheetView.rowStarts(sheet, width: width)
        var end = sheet.selected + 1
        while end < sheet.lines.count, !sheet.lines[end].isField, sheet.lines[end].kind != .section, sheet.lines[end].kind != .row { end += 1 }
        let first = starts[sheet.selected], past = starts[end]
        if first < sheet.top { sheet.top = max(0, first - 1) }
        if past > sheet.top + rows { sheet.top = min(first, past - rows) }
        // The section title above the first field.
        if sheet.selected <= 2 { sheet.top = 0 }
    }
}

/// Keys on the conflict queue.
enum ConflictUpdate {
    static func handle(_ state: inout ReviewState, _ key: Key) -> [ReviewEffect] {
        let lang = state.lang
        switch key {
        case .up, .down: _ = state.conflicts.selection.handle(key)
        case .escape: return ReviewUpdate.backToList(&state)
        default:
            if key.is(.quit) { return ReviewUpdate.backToList(&state) }
            guard let c = state.conflicts.current else { return [] }
            if key.is(.takeMine) { return [.resolve(conflict: c.record.id, .mine)] }
            if key.is(.takeTheirs) { return [.resolve(conflict: c.record.id, .theirs)] }
            if key.is(.typeValue) {
                state.overlay = .prompt(ReviewPrompt(purpose: .merge(conflict: c.record.id),
                                                     title: Phrase.typeMergedValue.text(lang, c.field),
                                                     detail: Phrase.mergeDetail.text(lang, c.mine ?? Phrase.emptyValue.text(lang), c.theirs ?? Phrase.emptyValue.text(lang)),
                                                     label: Phrase.value.text(lang),
                                                     text: c.record.theirs.typedText))
            }
        }
        return []
    }
}

/// Keys on the village dashboard.
enum DashboardUpdate {
    static func handle(_ state: inout ReviewState, _ key: Key) -> [ReviewEffect] {
        guard var d = state.dashboard else { return ReviewUpdate.backToList(&state) }
        switch key {
        case .up, .down: _ = d.guarantees.handle(key)
        case .pageDown, .pageUp:
            // A page is what the view shows; the last page ends at the canvas's last line.
            let rows = state.layout.dashboard.count
            let last = max(0, DashboardView.canvas(d.page, selected: d.guarantees.selected, width: state.width, lang: state.lang).height - rows)
            d.top = key == .pageDown ? min(last, d.top + rows) : max(0, min(last, d.top) - rows)
        case .enter:
            guard d.page.guarantees.indices.contains(d.guarantees.selected) else { return [] }
            let g = d.page.guarantees[d.guarantees.selected]
            if g.failing.isEmpty {
                state.status = StatusLine(Phrase.noHouseholdFails.text(state.lang, g.label))
                return []
            }
            state.overlay = .failing(FailingList(title: Phrase.failingTitle.text(state.lang, g.label, g.failing.count),
                                                 households: g.failing))
        case .escape: return ReviewUpdate.backToList(&state)
        default:
            if key.is(.quit) { return ReviewUpdate.backToList(&state) }
            if key.is(.villageFilter) {
                let villages = state.list.villages
                let next = villages.isEmpty ? d.page.village : villages[((villages.firstIndex(of: d.page.village) ?? -1) + 1) % villages.count]
                return [.loadDashboard(village: next)]
            }
        }
        state.dashboard = d
        return []
    }
}

/// Keys while something is drawn over the screen.
enum ReviewOverlayUpdate {
    static func handle(_ state: inout ReviewState, _ overlay: ReviewOverlay, _ key: Key) -> [ReviewEffect] {
        let lang = state.lang
        switch overlay {
        case .help:
            state.overlay = nil
        case .confirmApprove(let id, let name):
            state.overlay = nil
            if key == .enter || key.is(.approve) { return [.approve(id, household: name)] }
            state.status = StatusLine(Phrase.notApprovedNothingChanged.text(lang))
        case .history(var panel):
            switch key {
            case .up: panel.top = max(0, panel.top - 1)
            // Down stops once the last line is in the box.
            case .down:
                let box = state.layout.history
                panel.top = min(max(0, HistoryView.rows(panel, boxWidth: box.width).count - box.rows.count), panel.top + 1)
            default: state.overlay = nil; return []
            }
            state.overlay = .history(panel)
        case .failing(var list):
            switch key {
            case .up, .down: _ = list.selection.handle(key, visible: state.layout.failing.rows.count)
            case .enter:
                guard list.households.indices.contains(list.selection.selected),
                      let id = UUID(uuidString: list.households[list.selection.selected].id) else { return [] }
                state.overlay = nil
                return [.open(id, keeping: nil)]
            default: state.overlay = nil; return []
            }
            state.overlay = .failing(list)
        case .prompt(var prompt):
            switch key {
            case .escape:
                state.overlay = nil
                state.status = StatusLine(Phrase.reviewCancelled.text(lang))
                return []
            case .char(let c) where !c.isNewline: prompt.text.append(c)
            case .backspace: if !prompt.text.isEmpty { prompt.text.removeLast() }
            case .ctrl("u"): prompt.text = ""
            case .enter:
                let text = prompt.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else {
                    prompt.error = Phrase.cannotBeEmpty.text(lang)
                    state.overlay = .prompt(prompt)
                    return []
                }
                switch prompt.purpose {
                case .sendBack(let id): return [.sendBack(id, reason: text, household: state.sheet?.name ?? "")]
                case .comment(let id, let row, let question): return [.comment(id, row: row, question: question, text: text)]
                case .merge(let conflict): return [.resolve(conflict: conflict, .value(text))]
                }
            default: break
            }
            prompt.error = nil
            state.overlay = .prompt(prompt)
        }
        return []
    }
}
