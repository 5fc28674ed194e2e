import Foundation
@testable import Store
import Survey
@testable import TUI

/// States built by hand, for the tests of `update` and the layout that touch no store: listing rows,
/// a household's sheet, a dashboard, each as small as the test needs.
enum PureStates {
    /// The n-th household's id, the same in every run.
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }

    /// The n-th household of a list, numbered "H001"… (as wide as the lists' column) so a frame shows which rows it drew.
    static func record(_ n: Int, status: HouseholdStatus = .complete, hardErrors: Int = 0) -> HouseholdRecord {
        HouseholdRecord(id: id(n).uuidString.lowercased(), villageCode: "622922100201", groupName: "一组", householdNo: number(n),
                        headName: "户主", headIDNumber: "", questionnaireID: "test", questionnaireVersion: "1", referenceDay: "2020-12-31",
                        status: status, enumerator: "调查员", answered: 10, required: 10, hardErrors: hardErrors, softOpen: 0, position: nil,
                        createdAt: "2020-12-01T08:00:00.000Z", updatedAt: "2020-12-01T08:00:00.000Z")
    }

    static func number(_ n: Int) -> String { String(format: "H%03d", n) }

    /// The supervisor's list of `total` households, the first `read` of them read, on a screen of this size.
    static func reviewList(total: Int, read: Int? = nil, width: Int = 80, height: Int = 24, query: ReviewQuery = ReviewQuery()) -> ReviewState {
        var state = ReviewState(lang: .zh, width: width, height: height)
        state.list.query = query
        let rows = (0..<min(total, read ?? total)).map { ReviewRow(household: record($0)) }
        _ = ReviewUpdate.apply(&state, .listLoaded(query: query, offset: 0, total: total, rows: rows))
        return state
    }

    /// The enumerator's list of `total` households, all read.
    static func householdList(total: Int, width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(lang: .zh, width: width, height: height)
        _ = Update.apply(&state, .listLoaded(ListPage(query: "", offset: 0, total: total, households: (0..<total).map { record($0) })))
        return state
    }

    /// A sheet of `fields` answered fields ("F001"…), each third with an error ("E002"…) under it, after a section title ("S000").
    static func sheet(_ n: Int = 1, status: HouseholdStatus = .complete, fields: Int = 12, reviewState: ReviewDecision? = nil, reason: String? = nil,
                      openConflicts: Int = 0, hardErrors: Int = 0) -> HouseholdSheet {
        var lines = [SheetLine(kind: .section, label: "S000 户基本情况")]
        for i in 0..<fields {
            lines.append(SheetLine(kind: .field(row: nil, question: "q\(i)"), label: String(format: "F%03d", i), value: "答案"))
            if i % 3 == 2 { lines.append(SheetLine(kind: .error, label: String(format: "E%03d", i), indent: 2)) }
        }
        return HouseholdSheet(id: id(n), record: record(n, status: status, hardErrors: hardErrors), reviewState: reviewState, reviewReason: reason,
                              overrides: 0, openConflicts: openConflicts, sender: nil, lines: lines, selected: 1)
    }

    /// Indices of the field lines of a sheet.
    static func fields(_ sheet: HouseholdSheet) -> [Int] { sheet.lines.indices.filter { sheet.lines[$0].isField } }

    /// A village's dashboard with `enumerators` people interviewing, so it is as tall as needed; each
    /// guarantee failed by `failing` households.
    static func dashboard(enumerators: Int = 3, failing: Int = 2) -> DashboardPage {
        let q = TUIFixture.questionnaire
        let named = (0..<failing).map { VillageDashboard.Named(id: id($0).uuidString.lowercased(), householdNo: number($0), headName: "户主") }
        let d = VillageDashboard(village: "622922100201", households: 100,
                                 byTypeAndStatus: [.init(type: 1, status: .complete, count: 60), .init(type: 2, status: .inProgress, count: 40)],
                                 causes: [(cause: 1, count: 50), (cause: 2, count: 50)],
                                 failing: Dictionary(uniqueKeysWithValues: q.standards.guarantees.map { ($0.id, named) }),
                                 income: [.init(lower: 0, upper: 1, count: 30), .init(lower: 1, upper: nil, count: 70)], incomeUnknown: 0,
                                 interviews: (0..<enumerators).map { (enumerator: String(format: "调查员%02d", $0), day: "2020-12-01", count: 3) })
        return DashboardPage(d, questionnaire: q, lang: .zh)
    }

    /// The frame's lines that show a household of the list ("H003" → 3), top to bottom, with their screen line.
    static func householdsDrawn(_ frame: ScreenBuffer) -> [(y: Int, n: Int)] {
        (0..<frame.height).compactMap { y in
            let line = frame.line(y)
            guard let r = line.range(of: #"H\d{3}"#, options: .regularExpression) else { return nil }
            return (y, Int(line[r].dropFirst())!)
        }
    }

    /// Whether the line is drawn selected (reverse video where the line starts).
    static func isSelected(_ frame: ScreenBuffer, line y: Int, x: Int = 1) -> Bool { frame.cells[y * frame.width + x].style.reverse }
}
