import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// After a restart the list opens at the household the enumerator left unfinished, and says so.
@Suite struct UnfinishedHouseholdTests {
    @Test(arguments: Language.allCases) func theRestartedListOffersTheInterruptedHouseholdFirst(_ lang: Language) throws {
        let path = TUIFixture.freshSample()
        var app = TUIFixture.app(path, lang: lang)
        #expect(app.state.list.selected == 0 && app.state.status == nil, "nothing of this enumerator's yet")
        app.press(.function(7))                               // a new household, numbered last in the village
        app.jump(to: "village_code")
        app.type("622922100201")
        app.press(.enter)
        app.jump(to: "household_no")
        app.type("0999")
        app.press(.enter)
        let id = app.interview.householdID
        app.press(.ctrl("c"))                                 // the power goes

        app = TUIFixture.app(path, lang: lang)
        let store = try HouseholdStore(path: path)
        let order = try store.households(limit: 500).map(\.id)
        let index = try #require(order.firstIndex(of: id.uuidString.lowercased()))
        #expect(index > app.state.layout.households.count, "it is not on the first screen of the list")
        #expect(app.state.list.selected == index)
        #expect(app.state.list.selectedHousehold?.id == id.uuidString.lowercased(), "and its row has been read")
        #expect(app.state.status?.text == Phrase.resumeOffered.text(lang, "0999"))
        let frame = Render.frame(app.state)
        SnapshotTests.assertAligned(frame)
        let y = try #require((0..<frame.height).first { frame.line($0).contains("0999") })
        #expect(PureStates.isSelected(frame, line: y))
        Snapshot.check(frame, "list-resume-\(lang.rawValue)")
        app.press(.enter)                                     // Enter goes on with it
        #expect(app.state.form?.interview.householdID == id)
    }

    @Test func aCompletedLastHouseholdIsNotOffered() throws {
        let path = TUIFixture.freshSample()
        let app = TUIFixture.app(path)
        app.press(.function(7))
        let id = app.interview.householdID
        app.press(.escape)
        let store = try HouseholdStore(path: path)
        #expect(try store.unfinishedHousehold(of: "测试员")?.household.id == id.uuidString.lowercased())
        #expect(try store.unfinishedHousehold(of: "someone else") == nil)
        #expect(try store.unfinishedHousehold(of: "测试员", village: "000000000000") == nil)
        try store.setStatus(id, to: .complete, who: "测试员")
        #expect(try store.unfinishedHousehold(of: "测试员") == nil)
        let again = TUIFixture.app(path)
        #expect(again.state.list.selected == 0 && again.state.status == nil)
    }
}
