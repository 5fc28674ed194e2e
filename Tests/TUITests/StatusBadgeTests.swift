import Foundation
import Testing
import Store
import Survey
@testable import TUI

/// A household's status reads the same on the enumerator's list and the supervisor's: one word, one colour.
@Suite struct StatusBadgeTests {
    /// The style of the cell where `label` starts on the line showing `householdNo` and `head`; nil when not shown.
    static func statusStyle(_ frame: ScreenBuffer, householdNo: String, head: String, label: String) -> Style? {
        for y in 0..<frame.height {
            let line = frame.line(y)
            guard line.contains(" \(householdNo) ") || line.hasPrefix(" \(householdNo) "), line.contains(head),
                  let r = line.range(of: " \(label)") else { continue }
            return frame[CellWidth.of(String(line[..<r.lowerBound])) + 1, y].style
        }
        return nil
    }

    @Test(arguments: Language.allCases) func bothListsShowEachStatusWithOneWordAndOneColour(_ lang: Language) throws {
        let path = TUIFixture.freshSample()
        let store = try HouseholdStore(path: path)
        // Households 2 to 5 by number take the four statuses; the first stays where each list's cursor is.
        let byNumber = try store.households(limit: 200).sorted { $0.householdNo < $1.householdNo }
        let chosen = Array(byNumber[1...4])
        for (h, status) in zip(chosen, HouseholdStatus.allCases) { try store.setStatus(UUID(uuidString: h.id)!, to: status, who: "测试员") }
        let enumerator = TUIFixture.app(path, lang: lang)
        enumerator.press(.down)                                         // off the sent-back household, listed first
        let supervisor = ReviewScreenTests.app(path, lang: lang)
        let lists = [Render.frame(enumerator.state), ReviewRender.frame(supervisor.state)]
        for (h, status) in zip(chosen, HouseholdStatus.allCases) {
            let badge = StatusBadge(status)
            for frame in lists {
                let style = Self.statusStyle(frame, householdNo: h.householdNo, head: h.headName, label: String(badge.label(lang).prefix(6)))   // as much as a narrow column shows
                #expect(style == badge.style, "\(status) of \(h.householdNo) in\n\(frame.text)")
            }
        }
        // Four statuses, four different looks.
        #expect(Set(HouseholdStatus.allCases.map { StatusBadge($0).style }).count == 4)
        #expect(Set(HouseholdStatus.allCases.map { StatusBadge($0).label(lang) }).count == 4)
    }
}
