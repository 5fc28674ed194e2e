import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// Issue 14 on screen: a default offered and confirmed with Enter (never recorded otherwise), questions
/// whose answer follows from earlier ones passed, "none of these" (F12 / Ctrl-Z), and the recorded status
/// against the assessment on the sign-off page, its fix one key away.
@Suite struct DerivedEntryTests {
    /// A new household in the sample village's store, at its first question.
    static func newHousehold(_ lang: Language = .zh) -> AppRuntime {
        let app = TUIFixture.app(TUIFixture.freshSample(), lang: lang)
        app.press(.function(7))
        return app
    }

    func value(_ app: AppRuntime, _ id: String, row: RowID? = nil) -> Value? { app.interview.value(id, row: row) }

    @Test(arguments: Language.allCases) func theVillageIsOfferedAndEnterConfirmsIt(_ lang: Language) {
        let app = Self.newHousehold(lang)
        #expect(app.questionID == "village_code")
        #expect(app.form.edit == FieldEdit(text: "622922100201", offered: true))
        #expect(value(app, "village_code") == nil)                       // offered, not yet an answer
        #expect(app.screen.contains(Phrase.formDefaultOffered.text(lang)))
        let frame = Render.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "default-offered-\(lang.rawValue)")
        app.press(.enter)
        #expect(value(app, "village_code") == .text("622922100201"))
        #expect(app.questionID == "group_name")
    }

    @Test func tabPassesAnOfferByAndTypingReplacesIt() {
        let app = Self.newHousehold()
        app.press(.tab)
        #expect(value(app, "village_code") == nil)                       // Tab records nothing
        #expect(app.questionID == "group_name")
        app.press(.backTab)
        #expect(app.form.edit?.offered == true)                          // offered again on the way back
        app.type("6")
        #expect(app.form.edit == FieldEdit(text: "6"))                   // the first character replaces the offer
        app.press(.escape)
        #expect(value(app, "village_code") == nil)
    }

    @Test func theDayAndTheEnumeratorAreOffered() {
        let app = Self.newHousehold()
        app.press(.enter)                                                // the village, confirmed
        app.type("三组")
        app.press(.enter)
        app.type("0901")
        app.press(.enter)
        #expect(app.questionID == "interview_date")
        #expect(app.form.edit == FieldEdit(text: "2020-12-31", offered: true))   // today()
        app.press(.enter)
        #expect(value(app, "interview_date") == .date(TUIFixture.day))
        #expect(app.questionID == "collector_1")
        #expect(app.form.edit == FieldEdit(text: "测试员", offered: true))        // enumerator(): who is signed in
        app.press(.enter)
        #expect(value(app, "collector_1") == .text("测试员"))
        #expect(app.questionID == "collector_2" && app.form.edit == nil)
    }

    /// A member row at its ID number, the interview date answered (the age is counted on it).
    static func memberAtIDNumber() throws -> (AppRuntime, RowID) {
        let app = newHousehold()
        app.jump(to: "interview_date")
        app.press(.enter)                                                // today(), offered and confirmed
        #expect(app.interview.value("interview_date") == .date(TUIFixture.day))
        app.press(.pageDown)                                             // to the members, none yet
        app.press(.function(7))
        let row = try #require(app.interview.rows("members").first)
        app.type("赵德明")
        app.press(.enter)
        app.type("1")
        app.press(.enter)
        #expect(app.questionID == "id_number")
        return (app, row)
    }

    @Test func aValidIDNumberAnswersTheSexAndTheAgeAndMovesPastThem() throws {
        let (app, row) = try Self.memberAtIDNumber()
        app.type(ResidentID.compose(region: "622922", born: Day(year: 1966, month: 3, day: 8)!, sequence: 12, sex: 1))
        app.press(.enter)
        #expect(value(app, "sex", row: row) == .code(1))
        #expect(value(app, "age", row: row) == .number(54))
        #expect(app.questionID == "ethnicity")
        // Still shown and editable: ↑ goes back to the age.
        app.press(.up)
        #expect(app.questionID == "age")
        #expect(app.screen.contains("54"))
    }

    @Test func withoutAValidIDNumberTheSexIsAsked() throws {
        let (app, row) = try Self.memberAtIDNumber()
        app.type("622922196603080")                                      // too short: not valid
        app.press(.enter)
        #expect(app.questionID == "sex")
        #expect(app.form.edit == nil)                                    // nothing offered
        #expect(value(app, "sex", row: row) == nil)
    }

    @Test(arguments: [Key.function(12), .ctrl("z")]) func noneOfTheseAnswersTheRestOfTheBlockWithZero(_ key: Key) throws {
        let app = Self.newHousehold()
        app.jump(to: "arable_mu")
        app.type("3.5")
        app.press(.enter)
        #expect(app.questionID == "irrigated_mu")
        #expect(app.screen.contains("F12 " + Phrase.keyNoneOfThese.text(.zh)))
        app.press(key)
        let block = app.interview.questionnaire.questions.filter { $0.block == "land_and_livestock" }
        #expect(value(app, "arable_mu") == .number(3.5))                 // what was typed stays
        for q in block where q.id != "arable_mu" { #expect(value(app, q.id) == .number(0), "\(q.id)") }
        #expect(value(app, "dividend") == nil && value(app, "solar_income") == nil)     // outside the block
        #expect(app.questionID == "coop_member")                         // on past the block
        #expect(app.state.status?.text == Phrase.noneAnsweredZero.text(.zh, 12))
        // Each zero is an answer in the store's audit like a typed one.
        let audited = try app.store.auditTrail(app.interview.householdID).filter { $0.subject == "pigs" }
        #expect(audited.count == 1 && audited.first?.who == "测试员")
    }

    @Test func noneOfTheseOutsideABlockAnswersTheSectionsNumbers() {
        let app = Self.newHousehold()
        app.jump(to: "business_income")
        app.press(.function(12))
        for id in ["wage_income", "business_income", "property_income", "pension_income", "eco_compensation", "family_planning_award",
                   "other_transfer", "business_costs"] {
            #expect(value(app, id) == .number(0), "\(id)")
        }
        #expect(!app.interview.isRelevant(app.interview.questionnaire.questionIndex(of: "dibao_income")!, row: nil))
        #expect(app.state.status?.text == Phrase.noneAnsweredZero.text(.zh, 8))
        app.jump(to: "business_income")
        app.press(.function(12))
        #expect(app.state.status?.text == Phrase.noneLeftHere.text(.zh))
    }

    @Test(arguments: Language.allCases) func theKeyBarNamesNoneOfTheseOnANumberQuestion(_ lang: Language) {
        let app = Self.newHousehold(lang)
        app.jump(to: "pigs")
        #expect(app.screen.split(separator: "\n").last?.contains("F12 " + Phrase.keyNoneOfThese.text(lang)) == true)
        app.jump(to: "group_name")
        #expect(app.screen.split(separator: "\n").last?.contains("F12") == false)
    }

    /// A clean sample household recorded as exited in 2019, now in a grade-C house: the assessment fails.
    static func exitedButFailing(_ lang: Language) -> AppRuntime {
        let app = SignOffPageTests.clean(lang)
        app.jump(to: "poverty_status")
        app.type("2")
        app.press(.enter)
        app.type("2019")
        app.press(.enter)
        app.jump(to: "house_grade")
        app.type("3")
        app.press(.enter)
        app.jump(to: "house_safe")
        app.type("2")
        app.press(.enter)
        return app
    }

    @Test(arguments: Language.allCases) func anExitedHouseholdFailingNowIsOnTheSignOffPageWithItsFixOneKeyAway(_ lang: Language) throws {
        let app = Self.exitedButFailing(lang)
        #expect(app.interview.value("poverty_status") == .code(2))
        app.press(.function(4))
        let page = try #require(SignOffPageTests.signOff(app))
        #expect(SignOffEntry.all(app.interview).first == .status)
        #expect(page.items.selected == 0)
        func squashed(_ s: String) -> String { s.filter { !$0.isWhitespace } }
        #expect(squashed(SignOffPageTests.page(app)).contains(squashed(Phrase.signOffRecordReturn.text(lang))))
        #expect(SignOff.blockers(app.interview, lang: lang).contains(Phrase.signOffStatusBlocker.text(lang)))
        let frame = Render.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "sign-off-status-\(lang.rawValue)")
        // F9 does not complete past it: it says why and selects it.
        app.press(.down)
        app.press(.function(9))
        #expect(app.state.overlay == nil)
        #expect(app.state.status?.text == Phrase.statusDisagrees.text(lang))
        #expect(SignOffPageTests.signOff(app)?.items.selected == 0)
        // Enter records 返贫 and asks why.
        app.press(.enter)
        #expect(app.interview.value("poverty_status") == .code(3))
        #expect(app.questionID == "return_reason")
        #expect(app.state.status?.text == Phrase.recordedReturn.text(lang))
        app.type("因病")
        app.press(.enter)
        #expect(app.interview.value("return_reason") == .text("因病"))
        #expect(!Assessment(app.interview).statusDisagrees)
        #expect(SignOffPageTests.signOff(app) != nil)                   // Enter went back to the page
        #expect(SignOffEntry.all(app.interview).first != .status)
    }
}
