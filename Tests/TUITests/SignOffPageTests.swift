import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// The sign-off page: every reason of the assessment on it, scrolling when long; the consent asked
/// once the assessment has been shown; warnings explained on the page; completing asked once more;
/// F2 from the page and back.
@Suite struct SignOffPageTests {
    /// A household of the sample with nothing open: complete, no error, no warning left to explain.
    static func clean(_ lang: Language = .zh) -> AppRuntime {
        let app = TUIFixture.app(TUIFixture.freshSample(), lang: lang)
        let n = app.state.list.page.firstIndex { $0.hardErrors == 0 && $0.softOpen == 0 && $0.answered == $0.required }!
        app.openHousehold(n)
        return app
    }

    /// The text of the whole page, every row of it (it scrolls).
    static func page(_ app: AppRuntime) -> String {
        let (canvas, _) = AssessmentView.canvas(app.interview, selected: 0, width: app.state.width, lang: app.state.lang)
        return canvas.text
    }

    static func signOff(_ app: AppRuntime) -> AssessmentState? {
        if case .assessment(let a)? = app.state.form?.mode { return a }
        return nil
    }

    @Test(arguments: Language.allCases) func everyReasonOfTheAssessmentIsOnThePage(_ lang: Language) throws {
        // A household of three or more, none insured, in a grade-C house: more reasons than the two the page used to show.
        let path = TUIFixture.freshSample()
        let app = TUIFixture.app(path, lang: lang)
        let store = try HouseholdStore(path: path)
        let n = try #require(app.state.list.page.firstIndex { h in
            (try? store.interview(UUID(uuidString: h.id)!, questionnaire: TUIFixture.questionnaire).rows("members").count >= 3) == true
        })
        app.openHousehold(n)
        let members = app.interview.rows("members")
        for row in members {
            app.jump(to: "medical_insurance", row: row)
            app.type("2")
            app.press(.enter)
        }
        app.jump(to: "house_grade")
        app.type("3")
        app.press(.enter)
        app.press(.function(4))
        let a = Assessment(app.interview)
        #expect(a.guarantees.reduce(0) { $0 + ($1.met == false ? $1.reasons.count : 0) } == members.count + 1)
        // Each reason is on the page, whole, on one line or wrapped over more.
        func squashed(_ s: String) -> String { s.filter { !$0.isWhitespace } }
        let page = squashed(Self.page(app))
        for g in a.guarantees where g.met == false {
            for r in g.reasons { #expect(page.contains(squashed(r.text(lang))), "\(r.text(lang))") }
        }
        for r in a.householdReasons { #expect(page.contains(squashed(r.text(lang))), "\(r.text(lang))") }
        // ↓ to the last entry scrolls the page to its foot, where it says whether it can be completed.
        let entries = SignOffEntry.all(app.interview).count
        for _ in 0..<entries { app.press(.down) }
        let frame = Render.frame(app.state)
        let foot = SignOff.blockers(app.interview, lang: lang).isEmpty ? Phrase.assessReady.text(lang) : Phrase.assessNotYet.text(lang)
        #expect(frame.text.contains(foot.trimmingCharacters(in: .whitespaces)))
        app.press(.home)
        #expect(Self.signOff(app)?.top == 0)
        #expect(Render.frame(app.state).text.contains(Phrase.assessTitle.text(lang)))
    }

    @Test func theConsentIsAskedAfterTheAssessmentIsShown() throws {
        let app = TUIFixture.app(TUIFixture.emptyStore())
        app.press(.function(7))
        app.jump(to: SignOff.consent)
        app.press(.up)                                         // the question before it, in the section before
        let before = try #require(app.form.question)
        #expect(before.section != TUIFixture.questionnaire.question(SignOff.consent)!.section)
        app.press(.tab)                                        // on past it (Enter on an empty required question stays)
        // Not the question yet: the page with the assessment, the consent selected, says what to do.
        let page = try #require(Self.signOff(app))
        #expect(SignOffEntry.all(app.interview)[page.items.selected] == .item(SignOff.items(app.interview).firstIndex { $0.id == SignOff.consent }!))
        #expect(app.state.status?.text == Phrase.assessBeforeConsent.text(.zh))
        #expect(app.screen.contains("评估建议"))
        app.press(.enter)                                      // then the question
        #expect(app.questionID == SignOff.consent)
        app.type("1")
        app.press(.enter)
        #expect(app.interview.value(SignOff.consent) == .bool(true))
        // Answered, the way forward goes straight to it.
        app.press(.up, .up)
        #expect(app.form.question?.section == before.section)
        app.press(.tab)
        #expect(app.questionID == SignOff.consent && app.form.mode == .fields)
    }

    @Test func f9ShowsTheWarningsOnThePageWhereEachIsExplainedThenAsksOnce() throws {
        let app = Self.clean()
        let store = try HouseholdStore(path: app.store.path)
        let id = app.interview.householdID
        app.jump(to: "helper_signed")
        app.type("2")
        app.press(.enter)                                      // the last question: on to the sign-off page
        #expect(Self.signOff(app) != nil)
        #expect(app.interview.unexplainedWarningCount == 1)
        app.press(.function(9))
        // Refused, and the cursor is on the warning, listed on the page.
        #expect(app.state.status?.text == Phrase.assessRefusedWarnings.text(.zh, 1))
        let entries = SignOffEntry.all(app.interview)
        guard case .problem(let i) = entries[Self.signOff(app)!.items.selected] else { Issue.record("not on a problem"); return }
        let warning = app.interview.problems[i]
        #expect(warning.severity == .warning && warning.overrideReason == nil)
        #expect(app.screen.contains("帮扶责任人还没有签字"))
        // Explained here: the prompt, the reason, and still the sign-off page.
        app.press(.function(7))
        guard case .prompt? = app.state.overlay else { Issue.record("no prompt"); return }
        app.type("帮扶责任人外出，下周补签")
        app.press(.enter)
        #expect(app.state.overlay == nil && Self.signOff(app) != nil)
        #expect(app.interview.unexplainedWarningCount == 0)
        #expect(app.screen.contains("已说明：帮扶责任人外出，下周补签"))
        // F9 asks once more; any other key leaves the household as it was.
        app.press(.function(9))
        #expect(app.state.overlay == .confirmComplete)
        #expect(app.screen.contains("标为已完成？"))
        app.press(.escape)
        #expect(app.state.overlay == nil && app.state.status?.text == Phrase.notCompletedNothingChanged.text(.zh))
        #expect(try store.household(id).status != .complete)
        app.press(.function(9), .function(9))
        #expect(try store.household(id).status == .complete)
        #expect(app.state.form == nil && app.state.status?.text == Phrase.completed.text(.zh))
    }

    @Test func anErrorIsNotExplainedOnThePageButEnterGoesToItsField() throws {
        let app = SnapshotTests.householdWithProblems(.zh)
        app.press(.function(4), .function(9))
        let entries = SignOffEntry.all(app.interview)
        guard case .problem(let i) = entries[Self.signOff(app)!.items.selected] else { Issue.record("not on a problem"); return }
        let error = app.interview.problems[i]
        #expect(error.severity == .error)
        #expect(app.state.status?.text == Phrase.assessRefusedSeeBelow.text(.zh))
        app.press(.function(7))
        #expect(app.state.overlay == nil && app.state.status?.kind == .error)
        app.press(.enter)
        #expect(app.form.mode == .fields)
        #expect(app.form.cursor == .field(ProblemPlace.of(error, in: app.interview)))
    }

    @Test(arguments: Language.allCases) func theHelpOfThePageNamesF7ForAWarning(_ lang: Language) {
        let app = SnapshotTests.householdWithProblems(lang)
        app.press(.function(4), .function(1))
        #expect(app.screen.contains(Phrase.assessHelpExplain.text(lang)))
        #expect(app.screen.contains(Action.explain.fullLabel))
    }

    @Test func escFromTheChecksOpenedOnTheSignOffPageGoesBackToIt() throws {
        let app = SnapshotTests.householdWithProblems(.zh)
        app.press(.function(4), .down)
        let page = try #require(Self.signOff(app))
        app.press(.function(2))
        guard case .checks(let c) = app.form.mode else { Issue.record("not the checks"); return }
        #expect(c.openedFrom == page)
        app.press(.escape)
        #expect(Self.signOff(app) == page)
        app.press(.function(2), .function(2))                   // F2 closes what it opened, too
        #expect(Self.signOff(app) == page)
        app.press(.escape, .function(2), .escape)               // from the form, the checks go back to the form
        #expect(app.form.mode == .fields)
    }

    @Test(arguments: Language.allCases) func signOffPageSnapshots(_ lang: Language) throws {
        let app = Self.clean(lang)
        app.jump(to: "helper_signed")
        app.type("2")
        app.press(.enter, .function(9))
        var frame = Render.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "sign-off-warning-\(lang.rawValue)")
        app.press(.function(7))
        app.type(lang == .zh ? "帮扶责任人外出，下周补签" : "the helper is away and signs next week")
        app.press(.enter, .function(9))
        frame = Render.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "sign-off-confirm-\(lang.rawValue)")
    }
}
