import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// `update` driven by keys, with the store's effects run for real: what the enumerator sees happen.
@Suite struct FormUpdateTests {
    /// A new household in an empty store, cursor on its first question.
    func newHousehold() -> AppRuntime {
        let app = TUIFixture.app(TUIFixture.emptyStore())
        app.press(.function(7))
        return app
    }

    @Test func enterConfirmsAndMovesOnAndTheAnswerIsStored() throws {
        let app = newHousehold()
        #expect(app.questionID == "village_code")
        app.type("622922100201")
        app.press(.enter)
        #expect(app.questionID == "group_name")
        let store = try HouseholdStore(path: app.store.path)
        let reopened = try store.interview(app.interview.householdID, questionnaire: TUIFixture.questionnaire)
        #expect(reopened.value("village_code") == .text("622922100201"))
        #expect(reopened.position?.question == TUIFixture.questionnaire.questionIndex(of: "group_name"))
    }

    @Test func aNumberFieldRefusesTextAndKeepsWhatWasTyped() {
        let app = newHousehold()
        app.jump(to: "pigs")
        app.type("二〇一九")
        app.press(.enter)
        #expect(app.questionID == "pigs")
        #expect(app.form.edit?.text == "二〇一九")
        #expect(app.state.status?.kind == .error)
        #expect(app.screen.contains("请输入整数"))
        app.press(.ctrl("u"))
        app.type("２０１９")                       // full-width digits from a Chinese input method
        app.press(.enter)
        #expect(app.interview.value("pigs") == .number(2019))
    }

    @Test func escCancelsAnEditAndKeepsTheOldAnswer() {
        let app = newHousehold()
        app.type("一组")
        app.press(.escape)
        #expect(app.form.edit == nil)
        #expect(app.interview.value("village_code") == nil)
        app.type("622922100201")
        app.press(.enter, .backTab)
        #expect(app.questionID == "village_code")
        app.type("999")
        app.press(.escape)
        #expect(app.interview.value("village_code") == .text("622922100201"))
    }

    @Test func codesByDigitsOrByTypingPartOfTheLabel() {
        let app = newHousehold()
        app.jump(to: "household_type")
        app.type("3")
        app.press(.enter)
        #expect(app.interview.value("household_type") == .code(3))
        app.jump(to: "household_type")
        // Type-ahead: "五保" matches 五保贫困户 and 五保户; ↓ picks the second.
        app.type("五保")
        let matches = FieldInput.matches(app.form.question!, "五保")
        #expect(matches.count >= 2)
        app.press(.down, .enter)
        #expect(app.interview.value("household_type") == .code(matches[1].code))
        app.jump(to: "household_type")
        app.type("77")
        app.press(.enter)
        #expect(app.state.status?.text.contains("77") == true)
        #expect(app.interview.value("household_type") == .code(matches[1].code))
    }

    @Test func yesNoTakesOneTwoOrTheWord() {
        let app = newHousehold()
        app.jump(to: "military_family")
        app.type("2")
        app.press(.enter)
        #expect(app.interview.value("military_family") == .bool(false))
        app.jump(to: "military_family")
        app.type("是")
        app.press(.enter)
        #expect(app.interview.value("military_family") == .bool(true))
    }

    @Test func theMemberSectionStopsForAddingMembersAndAddsThemWithF7OrCtrlO() throws {
        let app = newHousehold()
        app.press(.pageDown)                               // A → B, which has no member yet
        #expect(app.form.cursor == .rosterEnd(section: 1))
        #expect(app.screen.contains("F7 添加第一行"))          // no member yet: the first, not the next
        app.press(.function(7))
        #expect(app.questionID == "name")
        app.type("王建国")
        app.press(.enter)
        #expect(app.questionID == "relation")
        app.press(.ctrl("o"))                              // the Ctrl fallback of F7
        #expect(app.interview.rows("members").count == 2)
        #expect(app.questionID == "name")
        #expect(app.screen.contains("第2/2人"))
        let store = try HouseholdStore(path: app.store.path)
        let reopened = try store.interview(app.interview.householdID, questionnaire: TUIFixture.questionnaire)
        #expect(reopened.rows("members").count == 2)
        #expect(reopened.value("name", row: reopened.rows("members")[0]) == .text("王建国"))
    }

    @Test func removingAMemberAsksForAReasonAndRecordsIt() throws {
        let app = TUIFixture.app(TUIFixture.freshSample())
        app.press(.enter)
        let before = app.interview.rows("members")
        app.press(.function(3))
        guard case .grid = app.form.mode else { Issue.record("F3 should open the grid"); return }
        app.press(.down, .function(8))
        guard case .prompt = app.state.overlay else { Issue.record("F8 should ask for a reason"); return }
        #expect(app.screen.contains("确认删除"))
        app.press(.enter)                                  // no reason: refused
        #expect(app.screen.contains("请填写原因"))
        #expect(app.interview.rows("members").count == before.count)
        app.type("迁出")
        app.press(.enter)
        #expect(app.interview.rows("members") == before.filter { $0 != before[1] })
        let store = try HouseholdStore(path: app.store.path)
        let trail = try store.auditTrail(app.interview.householdID)
        #expect(trail.contains { $0.kind == .rowRemoved && $0.reason == "迁出" })
    }

    @Test func escapeInTheRemovePromptRemovesNothing() {
        let app = TUIFixture.app(TUIFixture.freshSample())
        app.press(.enter, .function(3), .function(8))
        app.type("误")
        app.press(.escape)
        #expect(app.state.overlay == nil)
        let removed = app.interview.removedRows
        #expect(removed.allSatisfy { $0.isEmpty })
    }

    @Test func checksPanelJumpsToTheFieldAndExplainsOnlyWarnings() throws {
        let app = newHousehold()
        app.jump(to: "collector_1")
        app.type("李文华")
        app.press(.enter)
        app.type("李文华")                                  // the same collector twice: a hard error
        app.press(.enter)
        app.press(.function(2))
        guard case .checks = app.form.mode else { Issue.record("F2 should open the checks"); return }
        let problems = app.interview.problems
        let i = problems.firstIndex { app.interview.questionnaire.checks[$0.check].field == TUIFixture.questionnaire.questionIndex(of: "collector_2") }!
        for _ in 0..<i { app.press(.down) }
        app.press(.function(7))
        #expect(app.state.overlay == nil)
        #expect(app.state.status?.text == InterviewError.hardCheckCannotBeOverridden.message(.zh))
        app.press(.enter)
        #expect(app.questionID == "collector_2")
        #expect(app.screen.contains("两名采集人不能是同一个人"))
    }

    @Test func aWarningIsExplainedWithAReasonFromTheChecksPanel() throws {
        let app = newHousehold()
        app.jump(to: "helper_signed")
        app.type("2")
        app.press(.enter)
        let warning = try #require(app.interview.problems.firstIndex { $0.severity == .warning && app.interview.questionnaire.checks[$0.check].field == TUIFixture.questionnaire.questionIndex(of: "helper_signed") })
        app.press(.function(2))
        for _ in 0..<warning { app.press(.down) }
        app.press(.ctrl("o"))
        app.type("帮扶人外出培训，下周补签")
        app.press(.enter)
        #expect(app.interview.problems[warning].overrideReason == "帮扶人外出培训，下周补签")
        #expect(app.screen.contains("已说明"))
    }

    @Test func completeIsRefusedWhileProblemsRemainAndSaysWhy() {
        let app = newHousehold()
        app.press(.function(4))
        app.press(.function(9))
        #expect(app.state.form != nil)
        #expect(app.state.status?.kind == .error)
        #expect(app.screen.contains("不能完成"))
    }

    @Test func aFinishedHouseholdCompletesAndTheListSaysSo() throws {
        let path = TUIFixture.freshSample()
        let app = TUIFixture.app(path)
        let store = try HouseholdStore(path: path)
        let all = try store.households(limit: 200)
        let n = try #require(all.firstIndex { $0.status == .complete })
        try store.setStatus(UUID(uuidString: all[n].id)!, to: .inProgress, who: "t")
        app.send(.resize(width: 80, height: 24))
        app.openHousehold(n)
        app.press(.ctrl("a"), .ctrl("f"))
        #expect(app.state.overlay == .confirmComplete, "completing asks once more")
        app.press(.enter)
        #expect(app.state.form == nil)
        #expect(app.screen.contains("本户已完成"))
        let after = try store.households(limit: 200)
        #expect(after[n].status == .complete)
    }

    @Test func eachFKeyHasACtrlFallback() {
        for (f, ctrl) in [(1, "g"), (2, "e"), (3, "r"), (4, "a"), (5, "n"), (6, "p"), (7, "o"), (8, "d"), (9, "f"), (10, "q")] as [(Int, Character)] {
            let actions = Action.allCases.filter { $0.matches(.function(f)) }
            #expect(!actions.isEmpty)
            for a in actions { #expect(a.matches(.ctrl(ctrl)), "F\(f) and Ctrl-\(ctrl)") }
        }
    }

    @Test func literalControlCharactersAreStoredAndShownEscaped() {
        // A text without a format (a name refuses them): the village group.
        let app = newHousehold()
        app.jump(to: "group_name")
        app.type("王")
        app.press(.ctrl("v"), .escape)
        app.type("[31m红")
        app.press(.enter)
        #expect(app.interview.value("group_name") == .text("王\u{1B}[31m红"))
        let frame = Render.frame(app.state)
        #expect(!frame.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(frame.text.contains("王\\e[31m红"))
    }

    @Test func nextUnansweredAndNextProblemMoveTheCursor() throws {
        let app = newHousehold()
        app.type("622922100201")
        app.press(.enter, .function(5))
        let q = try #require(app.form.question)
        #expect(q.required && app.interview.value(q.id) == nil)
        #expect(q.index > TUIFixture.questionnaire.questionIndex(of: "village_code")!)
        app.jump(to: "collector_1")
        app.type("甲")
        app.press(.enter)
        app.type("甲")
        app.press(.enter)
        app.jump(to: "village_code")
        app.press(.function(6))
        #expect(app.questionID == "collector_2")
    }
}

@Suite struct ListAndResumeTests {
    @Test func searchAsYouTypeByNameOrIDNumber() throws {
        let app = TUIFixture.app(TUIFixture.samplePath)
        #expect(app.state.list.total == 128)
        let store = try HouseholdStore(path: TUIFixture.samplePath)
        let some = try store.households(limit: 200)[37]
        app.type(String(some.headName.prefix(2)))
        #expect(app.state.list.total < 128)
        #expect(app.state.list.page.contains { $0.id == some.id })
        app.press(.escape)
        #expect(app.state.list.total == 128)
        app.type(String(some.headIDNumber.prefix(14)))
        #expect(app.state.list.page.first?.id == some.id)
        app.type("0000")
        #expect(app.state.list.total == 0)
        #expect(app.screen.contains("没有找到"))
    }

    @Test func aHouseholdReopensAtTheFieldWhereItWasLeft() throws {
        let path = TUIFixture.freshSample()
        let app = TUIFixture.app(path)
        app.openHousehold(5)
        app.press(.pageDown, .enter, .enter)
        let here = app.form.cursor
        let name = app.questionID
        app.press(.function(10))
        #expect(app.state.form == nil)
        let again = TUIFixture.app(path)
        again.openHousehold(5)
        #expect(again.form.cursor == here)
        #expect(again.questionID == name)
    }

    @Test func theListScrollsThroughEveryHousehold() {
        let app = TUIFixture.app(TUIFixture.samplePath)
        for _ in 0..<127 { app.press(.down) }
        #expect(app.state.list.selected == 127)
        #expect(app.state.list.selectedHousehold != nil)
        #expect(app.screen.contains("第 128 / 128 户"))
        app.press(.home)
        #expect(app.state.list.selectedHousehold?.householdNo == "0001")
    }

    @Test func aTooSmallTerminalKeepsEverythingAndIgnoresBlindKeys() {
        let app = TUIFixture.app(TUIFixture.emptyStore())
        app.press(.function(7))
        app.type("6229")
        app.send(.resize(width: 60, height: 15))
        #expect(app.screen.contains("终端窗口太小（60×15）"))
        app.type("x")
        app.press(.enter)
        app.send(.resize(width: 80, height: 24))
        #expect(app.form.edit?.text == "6229")
        #expect(app.questionID == "village_code")
        #expect(app.screen.contains("6229_"))
    }
}
