import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// Issue 18 on screen: a round of the yearly re-survey is pre-filled from last year's. Each field shows last
/// year's answer beside it; Enter confirms it unchanged, typing changes it, and F11 / Ctrl-Y confirms the page
/// on screen at once. The store's trail says which answers were confirmed unchanged and which changed.
@Suite struct RoundFormTests {
    static let visitDay = Day(year: 2021, month: 12, day: 20)!

    /// A sample household (0005: five members, one crop, not poor) with its 2021 round started on the visit's day, open on screen.
    static func round(_ number: String = "0005", _ lang: Language = .zh, width: Int = 80, height: Int = 24) throws
        -> (app: AppRuntime, store: HouseholdStore, round: UUID) {
        let store = try HouseholdStore(path: TUIFixture.freshSample())
        let listed = try store.households(limit: 500)
        let index = try #require(listed.firstIndex { $0.householdNo == number })
        let started = try store.startRound([try #require(UUID(uuidString: listed[index].id))], year: 2021,
                                           referenceDay: visitDay, questionnaire: TUIFixture.questionnaire, who: "测试员")
        let app = AppRuntime(store: store, questionnaire: TUIFixture.questionnaire, lang: lang, width: width, height: height,
                             who: "测试员", today: { visitDay })
        app.start()
        app.openHousehold(index)
        #expect(app.interview.householdID == started[0].household)
        return (app, store, started[0].household)
    }

    func kinds(_ store: HouseholdStore, _ id: UUID, _ question: String) throws -> [AuditKind] {
        try store.auditTrail(id).filter { $0.subject == question }.map(\.kind)
    }

    @Test(arguments: Language.allCases)
    func lastYearsAnswerIsOfferedBesideTheFieldAndEnterConfirmsItUnchanged(_ lang: Language) throws {
        let (app, store, id) = try Self.round("0005", lang)
        app.jump(to: "household_type")
        #expect(app.form.edit == FieldEdit(text: "6", offered: true, fromLastYear: true))
        #expect(app.interview.value("household_type") == nil)            // offered, not yet an answer
        #expect(app.screen.contains(Phrase.formLastYearOffered.text(lang)))
        #expect(app.screen.contains(Phrase.formLastYear.text(lang, "")))
        let frame = Render.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "round-prefilled-\(lang.rawValue)")
        app.press(.enter)
        #expect(app.interview.value("household_type") == .code(6))
        #expect(app.questionID == "identification_standard")
        #expect(try kinds(store, id, "household_type") == [.confirmedUnchanged])
        let line = try #require(try store.auditTrail(id).last { $0.subject == "household_type" })
        #expect(line.who == "测试员" && line.newAnswer == .code(6))
    }

    @Test func typingOverLastYearsAnswerRecordsAChangeAndLastYearStaysBesideIt() throws {
        let (app, store, id) = try Self.round()
        app.jump(to: "arable_mu")
        #expect(app.form.edit == FieldEdit(text: "10", offered: true, fromLastYear: true))
        app.type("8.5")
        app.press(.enter)
        #expect(app.interview.value("arable_mu") == .number(8.5))
        #expect(try kinds(store, id, "arable_mu") == [.answer])
        let row = try #require(app.screen.split(separator: "\n").first { $0.contains("8.5") })
        #expect(row.contains("上年 10"), "\(row)")
        // The field's history says what was typed; an unchanged one says it was confirmed.
        app.jump(to: "irrigated_mu")
        app.press(.enter)
        let history = HistoryPanel.make("", try store.auditTrail(id).filter { $0.subject == "irrigated_mu" }, question: nil, lang: .zh)
        #expect(history.lines.map(\.text) == ["确认与上年相同：1.1"])
        // The supervisor's sheet shows the change against last year, and an unchanged answer as it is.
        let sheet = HouseholdSheet.make(app.interview, record: try store.household(id), comments: [], review: nil, overrides: 0, openConflicts: 0,
                                        previous: try store.previousRound(of: id), lang: .zh)
        #expect(sheet.lines.first { $0.kind == .field(row: nil, question: "arable_mu") }?.value == "上年 10 亩 → 8.5 亩")
        #expect(sheet.lines.first { $0.kind == .field(row: nil, question: "irrigated_mu") }?.value == "1.1 亩")
    }

    @Test func anEachRoundQuestionShowsLastYearButOffersOnlyItsDefault() throws {
        let (app, _, _) = try Self.round()
        app.jump(to: "interview_date")
        #expect(app.form.edit == FieldEdit(text: "2021-12-20", offered: true))       // today(), not last year's day
        app.jump(to: "collector_1")
        #expect(app.form.edit == FieldEdit(text: "测试员", offered: true))            // enumerator(): who visits this year
        #expect(app.screen.contains("上年 陈满勇"))
        app.jump(to: "collector_2")
        #expect(app.form.edit == FieldEdit(text: "冯万寿", offered: true, fromLastYear: true))   // the work team stays
        app.jump(to: "household_consent")
        #expect(app.form.edit == nil)                                    // asked afresh: nothing offered
        #expect(app.screen.contains("上年 是"))
    }

    @Test func anAnswerThatFollowsFromThisYearsOthersIsWorkedOutAgainNotCopied() throws {
        let (app, _, _) = try Self.round()
        app.jump(to: "village_code")
        app.press(.function(11))                                         // the household's page: the visit's day recorded
        let head = app.interview.rows("members")[0]
        app.jump(to: "id_number", row: head)
        app.press(.enter)                                                // last year's ID number, confirmed
        // The sex and the age follow from it and the visit's day: passed, the age counted again, 14 months on.
        let ageQuestion = try #require(TUIFixture.questionnaire.question("age"))
        let last = try #require(app.form.lastYear(Position(section: ageQuestion.section, row: head, question: ageQuestion.index))?.number)
        let now = try #require(app.interview.value("age", row: head)?.number)
        #expect(now == last + 1 || now == last + 2, "last year \(last), now \(now)")
        #expect(app.interview.value("sex", row: head) != nil)
    }

    @Test func sameAsLastYearConfirmsThePageOnScreenAndGoesToTheNextOne() throws {
        let (app, store, id) = try Self.round()
        app.jump(to: "arable_mu")
        app.press(.function(11))
        // Every land and livestock answer of last year, confirmed; the cursor on the crops' first row.
        #expect(app.interview.value("arable_mu") == .number(10) && app.interview.value("sheep") == .number(25))
        #expect(app.interview.value("land_out_rent") == nil)             // not asked: no land let out
        #expect(app.form.cursor.section == TUIFixture.questionnaire.question("crop")!.section)
        let confirmed = try store.auditTrail(id).filter { $0.kind == .confirmedUnchanged }
        #expect(confirmed.count == 16, "\(confirmed.map(\.subject))")
        #expect(app.state.status?.text == "16 项已确认与上年相同")
        // A member's page (its age counted on the visit's day): Ctrl-Y works where F11 is the terminal's.
        app.jump(to: "interview_date")
        app.press(.enter)
        app.jump(to: "name", row: app.interview.rows("members")[1])
        app.press(.ctrl("y"))
        #expect(app.interview.value("relation", row: app.interview.rows("members")[1]) != nil)
        #expect(app.form.cursor == .field(Position(section: TUIFixture.questionnaire.question("name")!.section, row: app.interview.rows("members")[2],
                                                   question: TUIFixture.questionnaire.question("name")!.index)))
    }

    @Test func sameAsLastYearStopsAtAQuestionAskedAfreshEachYear() throws {
        let (app, _, _) = try Self.round("0009")                         // a poor household: its causes are asked
        app.jump(to: "household_consent")
        app.press(.function(11))
        #expect(app.questionID == "household_consent")
        #expect(app.state.status?.text == Phrase.sameAsLastYearNothing.text(.zh))
        app.jump(to: "main_cause")
        app.press(.function(11))
        #expect(app.questionID == "visits_this_year", "the visits of this year are asked afresh")
    }

    @Test func sameAsLastYearOnAHouseholdWithoutARoundChangesNothingAndSaysWhy() throws {
        let path = TUIFixture.freshSample()
        let app = TUIFixture.app(path)
        app.openHousehold(0)
        let before = app.interview
        app.jump(to: "arable_mu")
        app.press(.function(11))
        #expect(app.state.status == StatusLine(Phrase.sameAsLastYearNotARound.text(.zh), .warning))
        #expect(app.interview.value("arable_mu") == before.value("arable_mu"))
        #expect(app.state.pending == nil)
    }

    @Test(arguments: Language.allCases)
    func theSupervisorsSheetShowsWhatChangedSinceLastYear(_ lang: Language) throws {
        let (app, store, id) = try Self.round("0005", lang)
        app.jump(to: "arable_mu")
        app.type("8.5")
        app.press(.enter)                                                // changed
        app.press(.enter)                                                // irrigated land: confirmed unchanged
        let review = ReviewRuntime(store: store, questionnaire: TUIFixture.questionnaire, lang: lang, width: 80, height: 24, who: "乡镇审核员")
        review.start()
        review.press(.down, .down, .down, .down, .enter)                 // 0005, this year's round
        let sheet = try #require(review.state.sheet)
        #expect(sheet.id == id)
        let field = try #require(sheet.lines.firstIndex { $0.kind == .field(row: nil, question: "arable_mu") })
        let arable = try #require(TUIFixture.questionnaire.question("arable_mu"))
        #expect(sheet.lines[field].value == Phrase.sheetYearOverYear.text(lang, FieldInput.display(.number(10), arable, lang),
                                                                           FieldInput.display(.number(8.5), arable, lang)))
        review.setState { state in
            state.sheet!.selected = field
            SheetUpdate.keepVisible(&state.sheet!, rows: state.sheetRows, width: state.width)
        }
        let frame = ReviewRender.frame(review.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "round-review-\(lang.rawValue)")
    }
}
