import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// Typing into fields as an enumerator does (issue 14, points 4, 7, 9, 10, 11, 12): what a field
/// refuses as it is typed and why, the cursor and the scrolling text, and what the form says before
/// anything is typed. `Update.apply` on values; the store's answers are sent by the tests.
@Suite struct FieldEntryTests {
    static let q = TUIFixture.questionnaire

    static func state(_ iv: Interview, at question: String, row: RowID? = nil, lang: Language = .zh) -> AppState {
        UpdateValueTests.state(iv, at: question, row: row, lang: lang)
    }

    static func type(_ state: inout AppState, _ text: String) { for c in text { _ = Update.apply(&state, .key(.char(c))) } }
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] { keys.flatMap { Update.apply(&state, .key($0)) } }

    /// A household with one member and the cursor on the member's name.
    static func atName(lang: Language = .zh) throws -> (AppState, RowID) {
        var iv = UpdateValueTests.household()
        let (row, _) = try iv.addRow("members")
        return (state(iv, at: "name", row: row, lang: lang), row)
    }

    // MARK: Point 4: names and max_length

    @Test func aNameRefusesAnEmojiAndSaysWhyAndKeepsWhatWasTyped() throws {
        var (state, _) = try Self.atName()
        Self.type(&state, "王😀")
        #expect(state.form?.edit?.text == "王")
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("姓名中不能有“😀”") == true)
        #expect(Render.frame(state).text.contains("姓名中不能有"))
    }

    @Test func aNameRefusesAControlCharacterEvenAfterCtrlV() throws {
        var (state, _) = try Self.atName(lang: .en)
        Self.type(&state, "王")
        _ = Self.press(&state, .ctrl("v"), .escape)
        #expect(state.form?.edit?.text == "王")
        Self.type(&state, "1")
        #expect(state.form?.edit?.text == "王", "digits are not part of a name")
        #expect(state.status?.text.hasPrefix("A name cannot hold") == true)
    }

    @Test func aNameTakesEveryCJKCharacterAndTheMiddleDotOfMinorityNames() throws {
        var (state, row) = try Self.atName()
        // 𠀀 and 𪚥 lie outside the BMP (CJK Extension B); 々 repeats the one before it.
        Self.type(&state, "阿卜杜拉・艾力𠀀𪚥")
        #expect(state.status == nil)
        let request = try #require(UpdateValueTests.commit(Self.press(&state, .enter)))
        // ・ typed by an input method is stored as the middle dot of GB 18030.
        #expect(request.changes.first == .answer(question: "name", row: row, old: nil, new: .text("阿卜杜拉·艾力𠀀𪚥")))
    }

    @Test func typingStopsAtTheQuestionsMaxLengthAndSaysSo() throws {
        var (state, _) = try Self.atName(lang: .en)
        #expect(Self.q.question("name")!.maxLength == 30)
        Self.type(&state, String(repeating: "李", count: 35))
        #expect(state.form?.edit?.text.count == 30)
        #expect(state.status?.text == "At most 30 characters")
    }

    @Test func anEditStartedFromALongerOldAnswerIsHeldToTheLimitAtEnter() {
        let name = Self.q.question("name")!
        #expect(FieldInput.parse(String(repeating: "李", count: 31), for: name, highlight: 0, lang: .zh) == .failure(.tooLong(30)))
        #expect(FieldInput.parse("王😀", for: name, highlight: 0, lang: .zh) == .failure(.notInName("😀")))
        // Text without a format takes anything, as before.
        #expect(FieldInput.parse("三组😀", for: Self.q.question("group_name")!, highlight: 0, lang: .zh) == .success(.text("三组😀")))
    }

    // MARK: Point 9: the cursor, scrolling, ellipsis, Home/End, unknown sequences

    @Test func homeAndEndMoveTheCursorAndTypingGoesInWhereItIs() {
        var state = Self.state(UpdateValueTests.household(), at: "group_name")
        Self.type(&state, "三组")
        _ = Self.press(&state, .home)
        Self.type(&state, "第")
        #expect(state.form?.edit?.text == "第三组")
        _ = Self.press(&state, .end)
        Self.type(&state, "甲")
        #expect(state.form?.edit?.text == "第三组甲")
        _ = Self.press(&state, .left, .left, .backspace)
        #expect(state.form?.edit?.text == "第组甲")
        _ = Self.press(&state, .delete)
        #expect(state.form?.edit?.text == "第甲")
        #expect(state.status == nil)
    }

    @Test func longTextScrollsWithTheCursorAndShowsWhereItIsCut() {
        let text = "因病因残因灾收入下降" + String(repeating: "又", count: 20) + "末尾"
        var edit = FieldEdit(text: text)
        let end = EditWindow.of(edit, width: 20)
        #expect(end.text.hasPrefix("…") && end.text.hasSuffix("末尾"))
        #expect(CellWidth.of(end.text) + 1 <= 20, "room for the cursor after the text")
        edit.move(.home)
        let start = EditWindow.of(edit, width: 20)
        #expect(start.text.hasPrefix("因病") && start.text.hasSuffix("…") && start.caretColumn == 0)
        #expect(CellWidth.of(start.text) <= 20)
        // On screen: the field shows the end being typed, not the start.
        var state = Self.state(UpdateValueTests.household(), at: "group_name")
        Self.type(&state, String(repeating: "一", count: 25) + "末")
        let frame = Render.frame(state)
        let line = (0..<frame.height).map(frame.line).first { $0.contains("村民小组") }!
        #expect(line.contains("…") && line.contains("末_"))
    }

    @Test func aCutValueEndsInAnEllipsis() {
        #expect(Chrome.clip("一二三四五", 6) == "一二…")
        #expect(Chrome.clip("abc", 3) == "abc")
        #expect(Chrome.clip("abcdef", 4) == "abc…")
        #expect(Chrome.clip("B Household members", 17) == "B Household…", "cut after a whole word")
    }

    @Test func unknownEscapeSequencesAreDecodedOrDroppedNeverTyped() {
        func key(_ s: String) -> Key? { EscapeSequence.key(after: Array(s)) }
        #expect(key("[4~") == .end && key("[1~") == .home && key("[7~") == .home && key("[8~") == .end)
        #expect(key("OH") == .home && key("OF") == .end && key("[H") == .home && key("[F") == .end)
        #expect(key("[1;5H") == .home, "Ctrl-Home is Home")
        #expect(key("[3~") == .delete && key("[5~") == .pageUp && key("[15~") == .function(5) && key("[24~") == .function(12))
        #expect(key("[99~") == nil && key("[2~") == nil && key("x") == nil, "unknown: dropped")
        #expect(!EscapeSequence.isComplete(Array("[4")) && EscapeSequence.isComplete(Array("[4~")))
        #expect(!EscapeSequence.isComplete(Array("[[")) && EscapeSequence.isComplete(Array("[[A")))
        // End and Home on the list do not go into the search.
        var list = PureStates.householdList(total: 40)
        _ = Update.apply(&list, .key(.end))
        _ = Update.apply(&list, .key(.home))
        #expect(list.list.query.isEmpty)
    }

    // MARK: Point 7: refused at entry, with the reason

    @Test func anOutOfRangeNumberIsRefusedAtEntryWithItsReasonAndNeverStored() throws {
        var (state, row) = try Self.atName()
        let iv = state.form!.interview
        state = Self.state(iv, at: "months_worked", row: row)
        Self.type(&state, "13")
        #expect(Self.press(&state, .enter).isEmpty, "nothing is sent to the store")
        #expect(state.status?.text == "今年务工月数不能大于12")
        #expect(state.form?.edit?.text == "13")
        #expect(state.form?.question?.id == "months_worked")
        state = Self.state(iv, at: "monthly_wage", row: row, lang: .en)
        Self.type(&state, "-4,500")
        #expect(Self.press(&state, .enter).isEmpty)
        #expect(state.status?.text == "Average monthly wage cannot be less than 0")
    }

    @Test func enterOnAnEmptyRequiredFieldSaysSoAndStaysTabSkipsIt() {
        var state = Self.state(UpdateValueTests.household(), at: "group_name")
        #expect(Self.press(&state, .enter).isEmpty)
        #expect(state.form?.question?.id == "group_name")
        #expect(state.status?.text.contains("此项必填") == true)
        _ = Self.press(&state, .tab)
        #expect(state.form?.question?.id == "household_no")
        // An optional question moves on at Enter as before.
        state = Self.state(UpdateValueTests.household(), at: "phone")
        _ = Self.press(&state, .enter)
        #expect(state.form?.question?.id != "phone")
    }

    @Test func theAgeMessageSaysTheAgeTheIDNumberGives() throws {
        var iv = UpdateValueTests.household()
        try iv.answer("interview_date", .date(Day(year: 2026, month: 11, day: 23)!))
        let (row, _) = try iv.addRow("members")
        try iv.answer("id_number", row: row, .text("110105197203080026"))
        try iv.answer("age", row: row, .number(50))
        let problem = try #require(iv.problems(at: Self.q.questionIndex(of: "age")!, row: row).first { $0.severity == .error })
        #expect(ProblemText.of(problem, in: iv, lang: .zh) == "年龄与身份证号码中的出生日期不一致（应为 54 岁）")
        #expect(ProblemText.of(problem, in: iv, lang: .en) == "The age does not match the birth date in the ID number (should be 54 years)")
    }

    @Test func theChecksPageSaysWhichCheckCharacterIsRight() throws {
        var iv = UpdateValueTests.household()
        let (row, _) = try iv.addRow("members")
        try iv.answer("id_number", row: row, .text("110105197203080001"))
        var state = Self.state(iv, at: "id_number", row: row)
        _ = Self.press(&state, .function(2))
        let screen = Render.frame(state).text
        #expect(screen.contains("身份证号校验位错误：最后一位应为X，录入的是1"))
    }

    // MARK: Point 10: a new household

    @Test func aNewHouseholdShowsNoErrorBeforeAnythingIsTyped() throws {
        var iv = UpdateValueTests.household()
        #expect(iv.hardErrorCount == 0)
        let (row, _) = try iv.addRow("members")
        #expect(iv.hardErrorCount == 0, "a member whose relation is not asked yet")
        let state = Self.state(iv, at: "name", row: row)
        let frame = Render.frame(state)
        #expect(frame.line(0).contains("错误 0"))
        #expect(!(2..<14).contains { frame.line($0).hasPrefix(" !") })
        // Once every relation is known, a household without a head is an error; two heads at once.
        try iv.answer("relation", row: row, .code(3))
        #expect(iv.hardErrorCount == 1)
        try iv.answer("relation", row: row, .code(1))
        let (second, _) = try iv.addRow("members")
        try iv.answer("relation", row: second, .code(1))
        #expect(iv.hardErrorCount == 1)
    }

    @Test func theEmptyRosterSaysF7AddsTheFirstRowAndEnterSkips() {
        var state = AppState(lang: .zh, width: 80, height: 24)
        var form = FormState.open(UpdateValueTests.household())
        form.cursor = .rosterEnd(section: Self.q.questions[Self.q.questionIndex(of: "name")!].section)
        state.form = form
        let screen = Render.frame(state).text
        #expect(screen.contains("F7 添加第一行"))
        #expect(!screen.contains("添加下一行"))
    }

    @Test func theTitleBarSaysWhatIsStillToAnswerNotAGrowingTotal() throws {
        var iv = UpdateValueTests.household()
        let before = iv.completeness
        try iv.answer("group_name", .text("三组"))
        let frame = Render.frame(Self.state(iv, at: "household_no"))
        #expect(frame.line(0).contains("已答 1  待答 \(before.required - 1)"))
        #expect(!frame.line(0).contains("/"))
    }

    // MARK: Point 11: hints and keys

    @Test func hintsSayEachThingOnceWithTheUnitAndMarkOptionalFields() {
        func hint(_ id: String, _ lang: Language = .zh) -> String { FormView.hint(Self.q.question(id)!, lang) }
        #expect(hint("interview_date") == "日期，如 2020-11-20")
        #expect(hint("age") == "按入户调查日期计算的周岁；整数，单位：岁")
        #expect(hint("age", .en) == "whole years on the day of the visit; a whole number, in years")
        #expect(hint("phone") == "选填；文字")
        #expect(hint("phone", .en) == "optional; text")
        // On screen an empty optional field says it may stay empty.
        let frame = Render.frame(Self.state(UpdateValueTests.household(), at: "group_name"))
        #expect((0..<frame.height).map(frame.line).contains { $0.contains("联系电话") && $0.contains("（选填）") })
    }

    @Test func theEditKeyBarShowsOptionsOnlyWhereThereAreOptions() {
        var number = Self.state(UpdateValueTests.household(), at: "exit_year")
        Self.type(&number, "2")
        var code = Self.state(UpdateValueTests.household(), at: "household_type")
        Self.type(&code, "2")
        let numberBar = Render.frame(number).line(23), codeBar = Render.frame(code).line(23)
        #expect(!numberBar.contains("↑↓") && numberBar.contains("Home End"))
        #expect(codeBar.contains("↑↓ 选项"))
    }

    // MARK: Point 12: code lists

    @Test func aLongCodeListSaysHowManyMoreThereAre() throws {
        var (state, row) = try Self.atName()
        state = Self.state(state.form!.interview, at: "ethnicity", row: row)
        let screen = Render.frame(state).text
        #expect(screen.contains("…还有"))
        let en = Render.frame(Self.state(state.form!.interview, at: "ethnicity", row: row, lang: .en)).text
        #expect(en.contains("more: type to search"))
    }

    @Test func aSearchFindsAnEntryByItsOtherNames() throws {
        let crop = Self.q.question("crop")!
        #expect(FieldInput.matches(crop, "土豆").map(\.code) == [4])
        #expect(FieldInput.matches(crop, "洋芋").map(\.code) == [4])
        #expect(FieldInput.matches(crop, "corn").map(\.code) == [3])
        var iv = UpdateValueTests.household()
        let (row, _) = try iv.addRow("crops")
        var state = Self.state(iv, at: "crop", row: row)
        Self.type(&state, "土豆")
        let request = try #require(UpdateValueTests.commit(Self.press(&state, .enter)))
        #expect(request.changes.first == .answer(question: "crop", row: row, old: nil, new: .code(4)))
    }

    @Test func choosingOtherAsksWhich() throws {
        var iv = UpdateValueTests.household()
        let (crop, _) = try iv.addRow("crops")
        let other = Self.q.questionIndex(of: "crop_other")!
        #expect(!iv.isRelevant(other, row: crop))
        try iv.answer("crop", row: crop, .code(16))
        #expect(iv.isRelevant(other, row: crop) && Self.q.questions[other].required)
        for (code, list, value) in [("ethnicity_other", "ethnicity", 97), ("structure_other", "structure", 5),
                                    ("water_source_other", "water_source", 6), ("cooking_fuel_other", "cooking_fuel", 7)] {
            let asked = Self.q.question(code)!
            let chosen = Self.q.question(list)!
            #expect(chosen.codeList?.label(value)?.zh.hasPrefix("其他") == true, "\(list) \(value) is 其他")
            #expect(asked.relevant?.source.contains("\(list) == \(value)") == true)
        }
    }

    // MARK: Point 14: help and the grid legend

    @Test func helpNamesF6TheNextProblemAndListsF8AndF9() {
        var state = Self.state(UpdateValueTests.household(), at: "group_name")
        state.overlay = .help
        for lang in Language.allCases {
            state.lang = lang
            let entries = HelpView.entries(state)
            #expect(entries.count <= 17, "every entry fits the box at 80×24")
            let frame = Render.frame(state)
            let screen = frame.text
            #expect(frame.line(22).trimmingCharacters(in: .whitespaces).isEmpty || !frame.line(22).contains("└"), "the box stays above the message line")
            #expect(screen.contains("F8 Ctrl-D") && screen.contains("F9 / Ctrl-F"))
            for (_, text) in entries { #expect(screen.contains(text), "\(text) is shown whole") }
        }
        #expect(Phrase.nextProblem.text(.zh) != "下一个问题")
        #expect(Phrase.gridLegend.text(.zh).contains("· 未开始") && Phrase.gridLegend.text(.en).contains("· not started"))
    }
}
