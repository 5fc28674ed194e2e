import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// Every figure of `Layout` that an update moves by is what the view draws: at each screen size the
/// rows on screen are counted in the frame, and a page key moves by exactly that many.
@Suite struct LayoutTests {
    static let sizes = [(80, 24), (100, 30), (120, 50)]

    @Test func aScreenSmallerThanTheDesignStillHasALineForEveryListAndItsBoxesFit() {
        for (w, h) in [(60, 15), (80, 24), (120, 50), (1, 1)] {
            let l = Layout(width: w, height: h)
            for rows in [l.households, l.grid, l.checks, l.reviewList, l.sheet(withSender: true), l.sheet(withSender: false), l.dashboard] {
                #expect(rows.count >= 1, "\(w)×\(h)")
            }
            guard h >= AppState.minHeight else { continue }
            // The lists end above the position line ("第 3 / 128 户"); the form, which has none, above the message line.
            for (rows, linesEach) in [(l.households, 1), (l.grid, 1), (l.checks, 2), (l.reviewList, 1), (l.sheet(withSender: true), 1),
                                      (l.sheet(withSender: false), 1), (l.dashboard, 1)] {
                #expect(rows.first + rows.count * linesEach <= h - 3, "\(w)×\(h): \(rows)")
            }
            #expect(l.questions.first + l.questions.count == h - 2)
            for box in [l.failing, l.history] {
                #expect(box.y >= 0 && box.y + box.height <= h - 2 && box.rows.first + box.rows.count <= box.y + box.height - 1, "\(w)×\(h)")
            }
        }
        #expect(AppState(lang: .zh, width: 60, height: 15).tooSmall, "60×15 shows only the enlarge-the-terminal screen")
    }

    @Test(arguments: sizes) func theHouseholdListDrawsTheRowsItPagesBy(_ w: Int, _ h: Int) {
        var state = PureStates.householdList(total: 300, width: w, height: h)
        let rows = state.layout.households
        let drawn = PureStates.householdsDrawn(Render.frame(state))
        #expect(drawn.count == rows.count && drawn.first?.y == rows.first && drawn.last?.y == rows.first + rows.count - 1)
        #expect(Update.apply(&state, .key(.pageDown)).isEmpty)
        #expect(state.list.selected == drawn.count, "the first household not drawn before")
        let frame = Render.frame(state)
        let after = PureStates.householdsDrawn(frame)
        #expect(after.last?.n == state.list.selected && PureStates.isSelected(frame, line: after.last!.y))
        #expect(after.first?.n == 1)
    }

    @Test(arguments: sizes) func theReviewListDrawsTheRowsItPagesBy(_ w: Int, _ h: Int) {
        var state = PureStates.reviewList(total: 300, width: w, height: h)
        let rows = state.layout.reviewList
        let drawn = PureStates.householdsDrawn(ReviewRender.frame(state))
        #expect(drawn.count == rows.count && drawn.first?.y == rows.first)
        #expect(ReviewUpdate.apply(&state, .key(.pageDown)).isEmpty)
        #expect(state.list.selected == drawn.count)
        let frame = ReviewRender.frame(state)
        let after = PureStates.householdsDrawn(frame)
        #expect(after.last?.n == state.list.selected && PureStates.isSelected(frame, line: after.last!.y))
    }

    @Test(arguments: sizes) func theSheetDrawsTheLinesItPagesBy(_ w: Int, _ h: Int) {
        var state = PureStates.reviewList(total: 5, width: w, height: h)
        _ = ReviewUpdate.apply(&state, .opened(PureStates.sheet(fields: 150), note: nil))
        let rows = state.layout.sheet(withSender: false)
        func drawn(_ frame: ScreenBuffer) -> [Int] {
            (0..<frame.height).filter { frame.line($0).range(of: #"[SFE]\d{3}"#, options: .regularExpression) != nil }
        }
        let before = drawn(ReviewRender.frame(state))
        #expect(before.count == rows.count && before.first == rows.first)
        let start = state.sheet!.selected
        _ = ReviewUpdate.apply(&state, .key(.pageDown))
        #expect(state.sheet!.selected == PureStates.fields(state.sheet!).first { $0 >= start + rows.count })
        let frame = ReviewRender.frame(state)
        let y = rows.first + state.sheet!.selected - state.sheet!.top
        #expect(drawn(frame).contains(y) && PureStates.isSelected(frame, line: y))
    }

    @Test(arguments: sizes) func theDashboardDrawsTheLinesItPagesBy(_ w: Int, _ h: Int) {
        var state = PureStates.reviewList(total: 5, width: w, height: h)
        let page = PureStates.dashboard(enumerators: 120)
        _ = ReviewUpdate.apply(&state, .dashboardLoaded(page))
        let canvas = DashboardView.canvas(page, selected: 0, width: w, lang: .zh)
        let rows = state.layout.dashboard
        var frame = ReviewRender.frame(state)
        // The canvas fills the lines between the title bar and the bottom three, and no more.
        for i in 0..<rows.count { #expect(frame.line(rows.first + i).dropLast() == canvas.line(i).dropLast(), "line \(i)") }
        #expect(frame.line(rows.first + rows.count).dropLast() != canvas.line(rows.count).dropLast())
        _ = ReviewUpdate.apply(&state, .key(.pageDown))
        frame = ReviewRender.frame(state)
        #expect(frame.line(rows.first).dropLast() == canvas.line(rows.count).dropLast(), "the line after the last shown comes first")
    }

    @Test(arguments: sizes) func theFailingHouseholdsBoxDrawsTheRowsItScrollsBy(_ w: Int, _ h: Int) {
        var state = PureStates.reviewList(total: 5, width: w, height: h)
        _ = ReviewUpdate.apply(&state, .dashboardLoaded(PureStates.dashboard(failing: 80)))
        _ = ReviewUpdate.apply(&state, .key(.enter))
        let box = state.layout.failing
        let drawn = PureStates.householdsDrawn(ReviewRender.frame(state))
        #expect(drawn.map(\.n) == Array(0..<box.rows.count) && drawn.first?.y == box.rows.first)
        for _ in 0..<box.rows.count { _ = ReviewUpdate.apply(&state, .key(.down)) }
        let frame = ReviewRender.frame(state)
        let after = PureStates.householdsDrawn(frame)
        #expect(after.map(\.n) == Array(1...box.rows.count))
        #expect(PureStates.isSelected(frame, line: after.last!.y, x: box.x + 2))
    }

    @Test(arguments: sizes) func theHistoryPanelDrawsTheLinesOfItsBox(_ w: Int, _ h: Int) {
        var state = PureStates.reviewList(total: 5, width: w, height: h)
        _ = ReviewUpdate.apply(&state, .opened(PureStates.sheet(), note: nil))
        let lines = (0..<60).map { HistoryLine(when: "2020-12-01", who: "调查员", text: String(format: "V%03d", $0), kind: .value) }
        _ = ReviewUpdate.apply(&state, .historyLoaded(HistoryPanel(title: "电话", lines: lines)))
        let frame = ReviewRender.frame(state)
        let drawn = (0..<h).filter { frame.line($0).range(of: #"V\d{3}"#, options: .regularExpression) != nil }
        let box = state.layout.history
        #expect(drawn.count == box.rows.count && drawn.first == box.rows.first)
        for _ in 0..<80 { _ = ReviewUpdate.apply(&state, .key(.down)) }
        guard case .history(let panel)? = state.overlay else { Issue.record("the history closed"); return }
        #expect(panel.top == 60 - box.rows.count, "scrolled until the last line is in the box, no further")
        #expect(ReviewRender.frame(state).line(box.rows.first + box.rows.count - 1).contains("V059"))
    }

    /// A household of `members` members, each entered as the head at five years old (a warning each).
    static func household(members: Int) throws -> Interview {
        var iv = Interview(questionnaire: TUIFixture.questionnaire, today: TUIFixture.day)
        for _ in 0..<members {
            let (row, _) = try iv.addRow("members")
            _ = try iv.answer("relation", row: row, .code(1))
            _ = try iv.answer("age", row: row, .number(5))
        }
        return iv
    }

    @Test(arguments: sizes) func theGridDrawsTheRowsItPagesBy(_ w: Int, _ h: Int) throws {
        let iv = try Self.household(members: 120)
        let members = TUIFixture.questionnaire.roster("members")!.index
        var state = AppState(lang: .zh, width: w, height: h)
        var form = FormState.open(iv)
        form.mode = .grid(GridState(roster: members, rows: ListSelection(count: iv.rowIDs(of: members).count)))
        state.form = form
        func drawn(_ frame: ScreenBuffer) -> [(y: Int, n: Int)] {
            (0..<frame.height).compactMap { y in Int(frame.line(y).prefix(3).trimmingCharacters(in: .whitespaces)).map { (y, $0) } }
        }
        let rows = state.layout.grid
        let before = drawn(Render.frame(state))
        #expect(before.count == rows.count && before.first?.y == rows.first && before.first?.n == 1)
        _ = Update.apply(&state, .key(.pageDown))
        guard case .grid(let g)? = state.form?.mode else { Issue.record("the grid closed"); return }
        #expect(g.rows.selected == rows.count)
        let frame = Render.frame(state)
        let after = drawn(frame)
        #expect(after.last?.n == g.rows.selected + 1 && PureStates.isSelected(frame, line: after.last!.y, x: 0))
    }

    @Test(arguments: sizes) func theChecksPageDrawsTheProblemsItPagesBy(_ w: Int, _ h: Int) throws {
        let iv = try Self.household(members: 80)
        var state = AppState(lang: .zh, width: w, height: h)
        var form = FormState.open(iv)
        form.mode = .checks(ChecksState(problems: ListSelection(count: iv.problems.count)))
        state.form = form
        let rows = state.layout.checks
        #expect(iv.problems.count > 2 * rows.count)
        // A problem takes two lines: where it is (marked at column 1), then the message.
        func drawn(_ frame: ScreenBuffer) -> [Int] {
            (1..<(frame.height - 3)).filter { ["✗", "!", "✓"].contains(String(frame.cells[$0 * frame.width + 1].character)) }
        }
        let before = drawn(Render.frame(state))
        #expect(before.count == rows.count && before.first == rows.first)
        _ = Update.apply(&state, .key(.pageDown))
        guard case .checks(let c)? = state.form?.mode else { Issue.record("the checks closed"); return }
        #expect(c.problems.selected == rows.count)
        let frame = Render.frame(state)
        #expect(PureStates.isSelected(frame, line: drawn(frame).last!, x: 3))
    }
}
