import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// The form's screens that issue 14 changed, at 80×24 in Chinese and English: long labels wrapped,
/// a long answer being typed, a long code list, a new household, the empty roster. In each, every label
/// and message the form draws fits its column, so none is cut.
@Suite struct FieldSnapshotTests {
    static let q = TUIFixture.questionnaire

    /// Every line of the question pane fits where it is drawn: labels in the label column, messages and
    /// comments in the pane, so `put` never cuts one mid-word.
    static func assertNothingCut(_ state: AppState, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let form = state.form, form.mode == .fields else { return }
        let paneW = state.width - FormView.sectionWidth - 3
        for line in FormView.lines(form, lang: state.lang, width: paneW) {
            switch line.kind {
            case .field, .calculated, .labelMore:
                #expect(CellWidth.of(line.label) <= FormView.labelWidth, "label cut: \(line.label)", sourceLocation: sourceLocation)
            case .message, .comment:
                #expect(CellWidth.of(line.label) + 2 <= paneW - 2, "message cut: \(line.label)", sourceLocation: sourceLocation)
            case .note, .rosterPrompt:
                #expect(CellWidth.of(line.label) <= paneW, "cut: \(line.label)", sourceLocation: sourceLocation)
            }
        }
        let frame = Render.frame(state)
        SnapshotTests.assertAligned(frame, sourceLocation: sourceLocation)
    }

    static func check(_ state: AppState, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        assertNothingCut(state, sourceLocation: sourceLocation)
        Snapshot.check(Render.frame(state), name, sourceLocation: sourceLocation)
    }

    /// A member's health section, whose labels are the longest of the form.
    @Test(arguments: Language.allCases) func longLabelsWrapUnderThemselves(_ lang: Language) throws {
        var iv = UpdateValueTests.household()
        let (row, _) = try iv.addRow("members")
        try iv.answer("name", row: row, .text("马文明"))
        try iv.answer("relation", row: row, .code(1))
        let state = UpdateValueTests.state(iv, at: "medical_insurance", row: row, lang: lang)
        let lines = FormView.lines(state.form!, lang: lang, width: 57)
        #expect(lines.contains { if case .labelMore = $0.kind { return true } else { return false } }, "a label went on to a second line")
        Self.check(state, "long-labels-\(lang.rawValue)")
    }

    /// A long reason typed, the cursor moved back into it: the text scrolls, "…" marks both cut ends.
    @Test(arguments: Language.allCases) func aLongAnswerScrollsWithTheCursor(_ lang: Language) {
        var iv = UpdateValueTests.household()
        try! iv.answer("poverty_status", .code(3))
        var state = UpdateValueTests.state(iv, at: "return_reason", lang: lang)
        UpdateValueTests.type(&state, lang == .zh ? "户主突发脑梗住院治疗花费较大，儿子外出务工收入下降，家里的耕地又遭了冰雹" : "The head had a stroke and a long stay in hospital; the son's wages fell and hail hit the fields")
        for _ in 0..<20 { _ = Update.apply(&state, .key(.left)) }
        let frame = Render.frame(state)
        let line = (0..<frame.height).map(frame.line).first { $0.contains(lang == .zh ? "返贫原因" : "Why the") }!
        #expect(line.filter { $0 == "…" }.count == 2)
        Self.check(state, "typing-\(lang.rawValue)")
    }

    /// 民族: 58 entries, of which the box shows some and says how many more there are.
    @Test(arguments: Language.allCases) func aLongCodeListSaysThereIsMore(_ lang: Language) throws {
        var iv = UpdateValueTests.household()
        let (row, _) = try iv.addRow("members")
        try iv.answer("name", row: row, .text("阿卜杜拉·艾力"))
        Self.check(UpdateValueTests.state(iv, at: "ethnicity", row: row, lang: lang), "code-list-more-\(lang.rawValue)")
    }

    /// A household just made: no error, the optional fields marked, the hint said once.
    @Test(arguments: Language.allCases) func aNewHousehold(_ lang: Language) {
        let state = UpdateValueTests.state(UpdateValueTests.household(), at: "interview_date", lang: lang)
        #expect(Render.frame(state).line(0).contains(lang == .zh ? "错误 0" : "Errors 0"))
        Self.check(state, "new-household-\(lang.rawValue)")
    }

    /// The member section of a new household, no member yet.
    @Test(arguments: Language.allCases) func theEmptyRoster(_ lang: Language) {
        var state = AppState(lang: lang, width: 80, height: 24)
        var form = FormState.open(UpdateValueTests.household())
        form.cursor = .rosterEnd(section: Self.q.questions[Self.q.questionIndex(of: "name")!].section)
        state.form = form
        Self.check(state, "empty-roster-\(lang.rawValue)")
    }
}
