import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// The household sheet of `hufang review` at 80×24: it scrolls through everything, the assessment
/// below the last field included; every reason of the assessment is on it; long notes wrap; a field's
/// history shows the new value after a long old one.
@Suite struct ReviewSheetTests {
    /// Whether the frame shows the "more below" mark at the foot of the sheet.
    static func moreBelow(_ frame: ScreenBuffer, _ state: ReviewState) -> Bool {
        let rows = state.layout.sheet(withSender: state.sheet?.sender != nil)
        return frame[frame.width - 1, rows.first + rows.count - 1].character == "↓"
    }

    @Test(arguments: Language.allCases) func downAndPageDownGoOnPastTheLastFieldToTheAssessment(_ lang: Language) throws {
        let app = ReviewScreenTests.app(TUIFixture.samplePath, lang: lang)
        app.press(.down, .down, .down, .enter)                        // 0004
        let sheet = try #require(app.state.sheet)
        let lastField = try #require(PureStates.fields(sheet).last)
        let iv = try HouseholdStore(path: TUIFixture.samplePath).interview(sheet.id, questionnaire: TUIFixture.questionnaire)
        let suggestion = Assessment(iv).status.label.text(lang)
        // ↓ alone, from the top: it steps through the fields, then scrolls on until nothing is left below.
        var presses = 0
        while Self.moreBelow(ReviewRender.frame(app.state), app.state), presses < 2000 { app.press(.down); presses += 1 }
        #expect(presses < 2000)
        #expect(app.state.sheet!.selected == lastField)
        let frame = ReviewRender.frame(app.state)
        #expect(frame.text.contains(suggestion), "\(frame.text)")
        #expect(frame.text.contains(Phrase.assessment.text(lang)))
        // One more ↓ changes nothing: the end is the end.
        let end = app.state.sheet
        app.press(.down)
        #expect(app.state.sheet == end)
        // PgDn gets there too, and ↑ comes back to the fields.
        app.press(.home)
        #expect(app.state.sheet!.top == 0 && Self.moreBelow(ReviewRender.frame(app.state), app.state))
        for _ in 0..<60 { app.press(.pageDown) }
        #expect(!Self.moreBelow(ReviewRender.frame(app.state), app.state) && ReviewRender.frame(app.state).text.contains(suggestion))
        app.press(.up)
        #expect(app.state.sheet!.selected < lastField)
        let back = ReviewRender.frame(app.state)
        #expect(PureStates.isSelected(back, line: (0..<back.height).first { PureStates.isSelected(back, line: $0) } ?? 0))
        // And End, at once.
        app.press(.home, .end)
        SnapshotTests.assertAligned(ReviewRender.frame(app.state))
        Snapshot.check(ReviewRender.frame(app.state), "review-sheet-end-\(lang.rawValue)")
    }

    @Test(arguments: Language.allCases) func everyReasonOfTheAssessmentIsOnTheSheet(_ lang: Language) throws {
        let store = try HouseholdStore(path: TUIFixture.samplePath)
        let q = TUIFixture.questionnaire
        let ivs = try store.households(limit: 500).map { try store.interview(UUID(uuidString: $0.id)!, questionnaire: q) }
        func reasons(_ a: Assessment) -> [String] {
            a.guarantees.flatMap { $0.met == false ? $0.reasons.map { $0.text(lang) } : [] } + a.householdReasons.map { $0.text(lang) }
        }
        // A household of three or more, none insured, in a grade-C house: more reasons than one per guarantee.
        var iv = try #require(ivs.first { $0.rows("members").count >= 3 })
        for row in iv.rows("members") { _ = try iv.answer("medical_insurance", row: row, .bool(false)) }
        _ = try iv.answer("house_grade", .code(3))
        let expected = reasons(Assessment(iv))
        #expect(expected.count >= 4)
        let sheet = HouseholdSheet.make(iv, record: try store.household(iv.householdID), comments: [], review: nil, overrides: 0,
                                        openConflicts: 0, lang: lang)
        let shown = sheet.lines.filter { $0.kind == .assessment }.map(\.value)
        for r in expected { #expect(shown.contains { $0 == r || $0 == "· " + r }, "\(r)") }
        // Drawn at 80 columns, each is there whole.
        var state = ReviewState(lang: lang, width: 80, height: 24)
        _ = ReviewUpdate.apply(&state, .opened(sheet, note: nil))
        _ = ReviewUpdate.apply(&state, .key(.end))
        let text = ReviewRender.frame(state).text.filter { !$0.isWhitespace }
        for r in expected { #expect(text.contains(r.filter { !$0.isWhitespace }), "\(r)") }
    }

    @Test(arguments: Language.allCases) func aLongReasonWrapsUnderItsFieldInsteadOfBeingCut(_ lang: Language) {
        let reason = lang == .zh ? "户主长子在外省打工，每年十个月，月收入四千五百元，由其本人电话核实，另有村委会出具的证明材料一份存档备查"
                                 : "the eldest son works in another province ten months a year for 4,500 yuan a month, checked with him by phone"
        var sheet = PureStates.sheet(fields: 4)
        sheet.lines.insert(SheetLine(kind: .explained, label: "务工月数偏多" + Phrase.formExplained.text(lang, reason), indent: 2), at: 2)
        var state = PureStates.reviewList(total: 5)
        state.lang = lang
        _ = ReviewUpdate.apply(&state, .opened(sheet, note: nil))
        let frame = ReviewRender.frame(state)
        SnapshotTests.assertAligned(frame)
        let rows = (0..<frame.height).map { frame.line($0) }
        let first = rows.firstIndex { $0.contains("! 务工月数偏多") }!
        // Wrapped under itself, no word split (English) and every character there (Chinese).
        let drawn = rows[first...].prefix { !$0.contains("F001") && !$0.contains("F002") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(drawn.count > 1)
        #expect(drawn.joined(separator: lang == .zh ? "" : " ").contains(reason), "\(drawn)")
        // The next field comes after the whole reason.
        #expect(rows.firstIndex { $0.contains("F001") }! == first + drawn.count)
    }

    @Test(arguments: Language.allCases) func aLongOldValueLeavesTheNewValueInView(_ lang: Language) throws {
        let app = ReviewScreenTests.app(TUIFixture.samplePath, lang: lang)
        app.press(.down, .down, .down, .enter)
        let sheet = try #require(app.state.sheet)
        let old = String(repeating: "村东头老宅子旁边", count: 6), new = "新住址"
        let audit = AuditRecord(id: "a1", householdID: sheet.record.id, rowID: nil, subject: "phone", kind: .answer, oldValue: "text:" + old,
                                newValue: "text:" + new, reason: nil, who: "驻村队员", at: "2026-11-21T09:12:40.000Z", clock: "c")
        let panel = HistoryPanel.make("住址", [audit], question: nil, lang: lang)
        app.setState { $0.overlay = .history(panel) }
        let frame = ReviewRender.frame(app.state)
        SnapshotTests.assertAligned(frame)
        #expect(frame.text.contains("→ " + new), "\(frame.text)")
        #expect(frame.text.filter { !$0.isWhitespace && $0 != "│" }.contains(old + "→" + new))
    }
}
