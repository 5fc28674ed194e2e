import Foundation
@testable import Store
import Survey
import Testing
@testable import TUI

/// The supervisor's `update` on its own: a state and a message in, the next state and the effects out.
/// No store is opened; the states are built by hand (`PureStates`).
@Suite struct ReviewUpdateTests {
    // MARK: the list

    @Test func aPageReadForAnOlderSearchChangesNothing() {
        var state = PureStates.reviewList(total: 40, query: ReviewQuery(search: "马"))
        _ = ReviewUpdate.apply(&state, .key(.down))
        let effects = ReviewUpdate.apply(&state, .listLoaded(query: ReviewQuery(), offset: 0, total: 128, rows: [ReviewRow(household: PureStates.record(99))]))
        #expect(effects.isEmpty)
        #expect(state.list.total == 40 && state.list.selected == 1)
        #expect(state.list.rows.map(\.household.householdNo) == (0..<40).map(PureStates.number))
    }

    @Test func aShorterPageKeepsTheSelectionOnAHouseholdOnScreen() {
        var state = PureStates.reviewList(total: 100)
        _ = ReviewUpdate.apply(&state, .key(.end))
        #expect(state.list.selected == 99 && state.list.selection.top == 100 - state.layout.reviewList.count)
        _ = ReviewUpdate.apply(&state, .listLoaded(query: ReviewQuery(), offset: 0, total: 10, rows: (0..<10).map { ReviewRow(household: PureStates.record($0)) }))
        #expect(!state.list.loading)
        #expect(state.list.selected == 9)
        #expect(state.list.selection.onScreen(state.layout.reviewList.count).contains(9), "the selected household is drawn")
    }

    @Test func movingWithinTheRowsReadReadsNothing() {
        var state = PureStates.reviewList(total: 200, read: 51)
        #expect(ReviewUpdate.apply(&state, .key(.down)).isEmpty)
        #expect(ReviewUpdate.apply(&state, .key(.down)).isEmpty)
        #expect(state.list.selected == 2 && state.list.selection.top == 0)
        #expect(ReviewUpdate.apply(&state, .key(.up)).isEmpty)
        #expect(state.list.selected == 1)
    }

    @Test func aPageBeyondTheRowsReadAsksForThePageAroundTheSelection() {
        var state = PureStates.reviewList(total: 200, read: 51)              // 17 rows at 80×24, three screens read
        let rows = state.layout.reviewList.count
        #expect(rows == 17)
        #expect(ReviewUpdate.apply(&state, .key(.pageDown)).isEmpty)
        #expect(ReviewUpdate.apply(&state, .key(.pageDown)).isEmpty)
        let effects = ReviewUpdate.apply(&state, .key(.pageDown))
        #expect(state.list.selected == 3 * rows && state.list.selection.top == 3 * rows - rows + 1)
        #expect(effects == [.loadList(ReviewQuery(), offset: 3 * rows - rows, limit: 3 * rows)])
        #expect(state.list.loading)
    }

    @Test func typingSearchesFromTheFirstHousehold() {
        var state = PureStates.reviewList(total: 128)
        for _ in 0..<30 { _ = ReviewUpdate.apply(&state, .key(.down)) }
        let effects = ReviewUpdate.apply(&state, .key(.char("马")))
        #expect(state.list.query.search == "马")
        #expect(state.list.selected == 0 && state.list.selection.top == 0)
        #expect(effects == [.loadList(ReviewQuery(search: "马"), offset: 0, limit: 3 * state.layout.reviewList.count)])
    }

    @Test func escClearsTheSearchThenEveryFilterButNotTheSort() {
        let query = ReviewQuery(village: "622922100201", status: .complete, flag: .errors, search: "王", sort: .status)
        var state = PureStates.reviewList(total: 5, query: query)
        #expect(ReviewUpdate.apply(&state, .key(.escape)).count == 1)
        #expect(state.list.query == ReviewQuery(village: "622922100201", status: .complete, flag: .errors, sort: .status))
        _ = ReviewUpdate.apply(&state, .key(.escape))
        #expect(state.list.query == ReviewQuery(sort: .status))
        #expect(ReviewUpdate.apply(&state, .key(.escape)).isEmpty, "nothing left to clear, nothing read")
    }

    @Test func theStatusFilterCyclesThroughEveryStatusAndBackToAll() {
        var state = PureStates.reviewList(total: 5)
        var seen: [HouseholdStatus?] = []
        for _ in 0..<5 {
            let effects = ReviewUpdate.apply(&state, .key(.function(2)))
            #expect(effects == [.loadList(state.list.query, offset: 0, limit: 3 * state.layout.reviewList.count)])
            seen.append(state.list.query.status)
        }
        #expect(seen == [.inProgress, .complete, .sentBack, .approved, nil])
    }

    @Test func enterOpensTheSelectedHouseholdOnlyWhenItHasBeenRead() {
        var state = PureStates.reviewList(total: 200, read: 3)
        _ = ReviewUpdate.apply(&state, .key(.down))
        _ = ReviewUpdate.apply(&state, .key(.down))
        #expect(ReviewUpdate.apply(&state, .key(.enter)) == [.open(PureStates.id(2), keeping: nil)])
        state.list.loading = true                                            // the next page is on its way
        _ = ReviewUpdate.apply(&state, .key(.down))
        #expect(state.list.selectedRow == nil)
        #expect(ReviewUpdate.apply(&state, .key(.enter)).isEmpty)
    }

    @Test func aScreenTooSmallTakesNoKeyButQuitOnTheList() {
        var state = PureStates.reviewList(total: 50, width: 60, height: 15)
        #expect(state.tooSmall)
        #expect(ReviewUpdate.apply(&state, .key(.down)).isEmpty && state.list.selected == 0)
        #expect(ReviewUpdate.apply(&state, .key(.char("王"))).isEmpty && state.list.query.search.isEmpty)
        #expect(ReviewUpdate.apply(&state, .key(.function(10))) == [.quit])
        #expect(state.quitting)
    }

    @Test func aTallerScreenReadsTheRowsItNowShows() {
        var state = PureStates.reviewList(total: 200, read: 51)
        #expect(ReviewUpdate.apply(&state, .resize(width: 100, height: 30)).isEmpty, "23 rows are among the 51 read")
        let effects = ReviewUpdate.apply(&state, .resize(width: 120, height: 80))
        #expect(effects == [.loadList(ReviewQuery(), offset: 0, limit: 3 * 73)])
    }

    // MARK: a household

    @Test func anOpenedHouseholdSaysWhyItWasSentBack() {
        var state = PureStates.reviewList(total: 5)
        let effects = ReviewUpdate.apply(&state, .opened(PureStates.sheet(reviewState: .sentBack, reason: "缺签字"), note: nil))
        #expect(effects.isEmpty)
        #expect(state.screen == .household && state.sheetOpenedFrom == .list && state.sheet?.id == PureStates.id(1))
        #expect(state.status?.kind == .warning && state.status?.text.contains("缺签字") == true)
    }

    @Test func theSheetCursorStopsOnFieldsAndPagesByTheLinesShown() {
        var state = PureStates.reviewList(total: 5)
        _ = ReviewUpdate.apply(&state, .opened(PureStates.sheet(fields: 60), note: nil))
        let fields = PureStates.fields(state.sheet!)
        _ = ReviewUpdate.apply(&state, .key(.down))
        _ = ReviewUpdate.apply(&state, .key(.down))
        #expect(state.sheet!.selected == fields[2])
        _ = ReviewUpdate.apply(&state, .key(.down))
        #expect(state.sheet!.selected == fields[3], "the error under the third field is stepped over")
        #expect(state.sheet!.lines[state.sheet!.selected - 1].kind == .error)
        let before = state.sheet!.selected
        _ = ReviewUpdate.apply(&state, .key(.pageDown))
        let rows = state.layout.sheet(withSender: false).count
        #expect(state.sheet!.selected == fields.first { $0 >= before + rows })
        #expect(state.sheet!.selected < state.sheet!.top + rows, "the field is on screen")
        _ = ReviewUpdate.apply(&state, .key(.end))
        #expect(state.sheet!.selected == fields.last)
    }

    @Test func approvingIsRefusedWithTheReasonUntilTheHouseholdIsComplete() {
        var state = PureStates.reviewList(total: 5)
        _ = ReviewUpdate.apply(&state, .opened(PureStates.sheet(status: .inProgress), note: nil))
        #expect(ReviewUpdate.apply(&state, .key(.function(9))).isEmpty)
        #expect(state.overlay == nil && state.status?.kind == .error)
        _ = ReviewUpdate.apply(&state, .opened(PureStates.sheet(status: .complete, openConflicts: 2), note: nil))
        _ = ReviewUpdate.apply(&state, .key(.function(9)))
        #expect(state.overlay == nil && state.status?.text.contains("2") == true, "open conflicts refuse it too")
        let sheet = PureStates.sheet(status: .complete)
        _ = ReviewUpdate.apply(&state, .opened(sheet, note: nil))
        #expect(ReviewUpdate.apply(&state, .key(.function(9))).isEmpty)
        #expect(state.overlay == .confirmApprove(sheet.id, household: sheet.name))
        #expect(ReviewUpdate.apply(&state, .key(.enter)) == [.approve(sheet.id, household: sheet.name)])
        #expect(state.overlay == nil)
    }

    @Test func anyOtherKeyThanEnterLeavesTheApprovalUnmade() {
        var state = PureStates.reviewList(total: 5)
        _ = ReviewUpdate.apply(&state, .opened(PureStates.sheet(), note: nil))
        _ = ReviewUpdate.apply(&state, .key(.function(9)))
        #expect(ReviewUpdate.apply(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil && state.screen == .household && state.status?.kind == .info)
    }

    @Test func sendingBackNeedsAReasonAndSendsItTrimmed() {
        var state = PureStates.reviewList(total: 5)
        let sheet = PureStates.sheet()
        _ = ReviewUpdate.apply(&state, .opened(sheet, note: nil))
        _ = ReviewUpdate.apply(&state, .key(.function(8)))
        guard case .prompt(let prompt)? = state.overlay else { Issue.record("no prompt: \(String(describing: state.overlay))"); return }
        #expect(prompt.purpose == .sendBack(sheet.id) && prompt.error == nil)
        #expect(ReviewUpdate.apply(&state, .key(.enter)).isEmpty)
        guard case .prompt(let empty)? = state.overlay else { Issue.record("the prompt closed"); return }
        #expect(empty.error != nil, "an empty reason is refused")
        for c in " 缺签字 " { _ = ReviewUpdate.apply(&state, .key(.char(c))) }
        #expect(ReviewUpdate.apply(&state, .key(.enter)) == [.sendBack(sheet.id, reason: "缺签字", household: sheet.name)])
    }

    @Test func aDecisionGoesBackToTheListAndReadsItAgain() {
        var state = PureStates.reviewList(total: 40)
        for _ in 0..<4 { _ = ReviewUpdate.apply(&state, .key(.down)) }
        _ = ReviewUpdate.apply(&state, .opened(PureStates.sheet(4), note: nil))
        let effects = ReviewUpdate.apply(&state, .decided("已审核通过：H004 户主"))
        #expect(state.screen == .list && state.sheet == nil && state.overlay == nil)
        #expect(state.status == StatusLine("已审核通过：H004 户主"))
        #expect(effects == [.loadList(ReviewQuery(), offset: 0, limit: 3 * state.layout.reviewList.count), .loadFilters])
        #expect(state.list.selected == 4, "the list comes back where it was")
    }

    @Test func aDecisionOnAHouseholdOpenedFromTheDashboardGoesBackToIt() {
        var state = PureStates.reviewList(total: 40)
        _ = ReviewUpdate.apply(&state, .dashboardLoaded(PureStates.dashboard()))
        #expect(state.screen == .dashboard)
        _ = ReviewUpdate.apply(&state, .opened(PureStates.sheet(), note: nil))
        #expect(state.sheetOpenedFrom == .dashboard)
        let effects = ReviewUpdate.apply(&state, .decided("已退回"))
        #expect(state.screen == .dashboard && state.sheet == nil)
        #expect(effects == [.loadDashboard(village: "622922100201"), .loadList(ReviewQuery(), offset: 0, limit: 51), .loadFilters])
    }

    // MARK: conflicts and the dashboard

    static func conflict(_ n: Int) -> ConflictItem {
        ConflictItem(record: ConflictRecord(id: "c\(n)", householdID: PureStates.id(n).uuidString.lowercased(), rowID: nil, question: "phone",
                                            mine: .text("1"), mineWho: "县录入员", mineAt: "2026-11-20T09:15:00.000Z", theirs: .text("2"),
                                            theirsWho: "驻村队员", theirsAt: "2026-11-21T16:40:00.000Z", theirsDevice: "7e57de71", bundleID: "b1",
                                            sequence: 3, detectedAt: "2026-11-22T08:00:00.000Z"),
                     household: PureStates.number(n), field: "联系电话", mine: "1", theirs: "2")
    }

    @Test func theConflictQueueResolvesTheSelectedConflictAndKeepsTheSelectionOnOne() {
        var state = PureStates.reviewList(total: 5)
        #expect(ReviewUpdate.apply(&state, .key(.function(7))) == [.loadConflicts(note: nil)])
        #expect(state.screen == .conflicts && state.conflicts.loading)
        _ = ReviewUpdate.apply(&state, .conflictsLoaded((0..<3).map(Self.conflict), note: nil))
        _ = ReviewUpdate.apply(&state, .key(.down))
        _ = ReviewUpdate.apply(&state, .key(.down))
        _ = ReviewUpdate.apply(&state, .key(.down))
        #expect(state.conflicts.current?.record.id == "c2", "the last one stays selected")
        #expect(ReviewUpdate.apply(&state, .key(.function(5))) == [.resolve(conflict: "c2", .mine)])
        #expect(ReviewUpdate.apply(&state, .key(.function(6))) == [.resolve(conflict: "c2", .theirs)])
        _ = ReviewUpdate.apply(&state, .conflictsLoaded([Self.conflict(0)], note: "冲突已处理"))
        #expect(state.conflicts.current?.record.id == "c0" && state.status == StatusLine("冲突已处理"))
        _ = ReviewUpdate.apply(&state, .conflictsLoaded([], note: nil))
        #expect(state.conflicts.current == nil && ReviewUpdate.apply(&state, .key(.function(5))).isEmpty)
    }

    @Test func theDashboardPagesByTheLinesItShowsAndStopsAtItsLastPage() {
        var state = PureStates.reviewList(total: 5)
        let page = PureStates.dashboard(enumerators: 60)
        _ = ReviewUpdate.apply(&state, .dashboardLoaded(page))
        let rows = state.layout.dashboard.count
        let height = DashboardView.canvas(page, selected: 0, width: state.width, lang: .zh).height
        #expect(rows == 20 && height > 2 * rows + 5)
        _ = ReviewUpdate.apply(&state, .key(.pageDown))
        #expect(state.dashboard?.top == rows, "one page is the \(rows) lines drawn, not \(rows - 1)")
        for _ in 0..<10 { _ = ReviewUpdate.apply(&state, .key(.pageDown)) }
        #expect(state.dashboard?.top == height - rows, "the last page ends at the last line")
        _ = ReviewUpdate.apply(&state, .key(.pageUp))
        #expect(state.dashboard?.top == height - 2 * rows, "PgUp moves at once from the last page")
        for _ in 0..<10 { _ = ReviewUpdate.apply(&state, .key(.pageUp)) }
        #expect(state.dashboard?.top == 0)
    }

    @Test func aGuaranteesFailingHouseholdsAreListedAndOpened() {
        var state = PureStates.reviewList(total: 5)
        _ = ReviewUpdate.apply(&state, .dashboardLoaded(PureStates.dashboard(failing: 30)))
        _ = ReviewUpdate.apply(&state, .key(.down))
        #expect(state.dashboard?.guarantees.selected == 1)
        _ = ReviewUpdate.apply(&state, .key(.enter))
        guard case .failing(let list)? = state.overlay else { Issue.record("no list of households"); return }
        #expect(list.households.count == 30 && list.selection.selected == 0)
        let rows = state.layout.failing.rows.count
        for _ in 0..<rows { _ = ReviewUpdate.apply(&state, .key(.down)) }
        guard case .failing(let moved)? = state.overlay else { Issue.record("the list closed"); return }
        #expect(moved.selection.selected == rows && moved.selection.top == 1, "scrolled one line to keep it in the box")
        #expect(ReviewUpdate.apply(&state, .key(.enter)) == [.open(PureStates.id(rows), keeping: nil)])
        #expect(state.overlay == nil)
        // A dashboard read again for the same village keeps the guarantee selected.
        _ = ReviewUpdate.apply(&state, .dashboardLoaded(PureStates.dashboard(failing: 30)))
        #expect(state.dashboard?.guarantees.selected == 1)
    }
}
