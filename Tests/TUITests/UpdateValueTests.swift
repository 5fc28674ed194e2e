import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// `Update.apply` on values alone: a state before, a message, the state after and the effects asked
/// for. No store, no SQLite — the store's answers are messages the tests send themselves.
@Suite struct UpdateValueTests {
    static let q = TUIFixture.questionnaire

    /// A household being interviewed, the cursor on `question` (in `row`), nothing typed.
    static func state(_ iv: Interview, at question: String, row: RowID? = nil, lang: Language = .zh) -> AppState {
        var state = AppState(lang: lang, width: 80, height: 24)
        state.list.loading = false
        var form = FormState.open(iv)
        let qi = q.question(question)!
        form.cursor = .field(Position(section: qi.section, row: row, question: qi.index))
        state.form = form
        return state
    }

    static func household() -> Interview { Interview(questionnaire: q, householdID: UUID(), today: TUIFixture.day) }

    /// A household with one member (the head, named) and the cursor on the member's relation.
    static func withHead() throws -> (Interview, RowID) {
        var iv = household()
        let (row, _) = try iv.addRow("members")
        try iv.answer("name", row: row, .text("马文明"))
        return (iv, row)
    }

    static func type(_ state: inout AppState, _ text: String) { for c in text { _ = Update.apply(&state, .key(.char(c))) } }

    /// The one commit among the effects, or nil.
    static func commit(_ effects: [Effect]) -> CommitRequest? {
        guard effects.count == 1, case .commit(let request) = effects[0] else { return nil }
        return request
    }

    static func field(_ state: AppState) -> String? { state.form?.question?.id }

    // MARK: Typing and confirming

    @Test func typingStartsAnEditAndAsksForNothing() {
        var state = Self.state(Self.household(), at: "group_name")
        let effects = Update.apply(&state, .key(.char("三")))
        #expect(effects.isEmpty)
        #expect(state.form?.edit?.text == "三")
        #expect(state.form?.interview.value("group_name") == nil)
    }

    @Test func enterAsksTheStoreAndTheScreenWaitsForItsAnswer() throws {
        var state = Self.state(Self.household(), at: "group_name")
        Self.type(&state, "三组")
        let request = try #require(Self.commit(Update.apply(&state, .key(.enter))))
        #expect(request.changes == [.answer(question: "group_name", row: nil, old: nil, new: .text("三组"))])
        // Nothing moved yet: the stored value, the typed text and the cursor are as they were.
        #expect(state.form?.interview.value("group_name") == nil)
        #expect(state.form?.edit?.text == "三组")
        #expect(Self.field(state) == "group_name")
        #expect(state.pending?.form.interview.value("group_name") == .text("三组"))
    }

    @Test func theStoresYesMovesTheCursorOnAndShowsTheValue() {
        var state = Self.state(Self.household(), at: "group_name")
        Self.type(&state, "三组")
        _ = Update.apply(&state, .key(.enter))
        #expect(Update.apply(&state, .committed).isEmpty)
        #expect(state.pending == nil)
        #expect(state.form?.interview.value("group_name") == .text("三组"))
        #expect(state.form?.edit == nil)
        #expect(Self.field(state) == "household_no")
    }

    @Test func aRefusedCommitKeepsTheStoredValueTheTypedTextAndSaysWhy() {
        var iv = Self.household()
        _ = try? iv.answer("group_name", .text("一组"))
        var state = Self.state(iv, at: "group_name")
        _ = Update.apply(&state, .key(.backspace))                      // edits the stored "一组"
        Self.type(&state, "二组")
        _ = Update.apply(&state, .key(.enter))
        #expect(Update.apply(&state, .commitFailed("数据库被占用")).isEmpty)
        #expect(state.pending == nil)
        #expect(state.form?.interview.value("group_name") == .text("一组"))
        #expect(state.form?.edit?.text == "一二组")
        #expect(Self.field(state) == "group_name")
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("数据库被占用") == true)
        #expect(state.status?.text.contains("此项仍为：一组") == true)
    }

    @Test func enterAfterARefusalAsksForTheSameChangeAgain() throws {
        var state = Self.state(Self.household(), at: "group_name")
        Self.type(&state, "三组")
        let first = try #require(Self.commit(Update.apply(&state, .key(.enter))))
        _ = Update.apply(&state, .commitFailed("busy"))
        let again = try #require(Self.commit(Update.apply(&state, .key(.enter))))
        #expect(again == first)
        _ = Update.apply(&state, .committed)
        #expect(state.form?.interview.value("group_name") == .text("三组"))
    }

    @Test func theRefusalIsWordedInTheUsersLanguage() {
        var state = Self.state(Self.household(), at: "group_name", lang: .en)
        Self.type(&state, "x")
        _ = Update.apply(&state, .key(.enter))
        _ = Update.apply(&state, .commitFailed("the store is read-only"))
        #expect(state.status?.text == "Not saved; the field still holds: (empty); the text typed is kept, Enter retries. Why: the store is read-only")
    }

    @Test func theRequestCarriesTheNewSummaryAndTheCursorAfterTheMove() throws {
        var state = Self.state(Self.household(), at: "group_name")
        let before = try #require(state.form?.interview.completeness)
        Self.type(&state, "三组")
        let request = try #require(Self.commit(Update.apply(&state, .key(.enter))))
        #expect(request.household == state.form?.interview.householdID)
        #expect(request.summary.groupName == "三组")
        #expect(request.summary.position == "household_no")
        #expect(request.summary.answered == before.answered + 1)
        #expect(request.summary.required == before.required)
    }

    @Test func aTextTheFieldRefusesIsKeptAndNothingIsAsked() {
        var state = Self.state(Self.household(), at: "pigs")
        Self.type(&state, "很多")
        let effects = Update.apply(&state, .key(.enter))
        #expect(effects.isEmpty)
        #expect(state.pending == nil)
        #expect(state.form?.edit?.text == "很多")
        #expect(state.status?.kind == .error)
        #expect(Self.field(state) == "pigs")
    }

    @Test func escCancelsTheEditAndAsksForNothing() {
        var state = Self.state(Self.household(), at: "group_name")
        Self.type(&state, "三组")
        #expect(Update.apply(&state, .key(.escape)).isEmpty)
        #expect(state.form?.edit == nil)
        #expect(state.form?.interview.value("group_name") == nil)
    }

    @Test func theNextFieldIsWorkedOutFromTheAnswerJustGiven() throws {
        // signer == 2 (a proxy signed) makes the proxy's name apply; 1 skips it.
        var proxy = Self.state(Self.household(), at: "signer")
        Self.type(&proxy, "2")
        _ = Update.apply(&proxy, .key(.enter))
        #expect(proxy.pending.map { $0.form.question?.id } == "proxy_signer_name")
        var head = Self.state(Self.household(), at: "signer")
        Self.type(&head, "1")
        _ = Update.apply(&head, .key(.enter))
        #expect(head.pending.map { $0.form.question?.id } == "helper_signed")
    }

    // MARK: Moving about

    @Test func movingWithoutAChangeWritesNothing() {
        var state = Self.state(Self.household(), at: "group_name")
        #expect(Update.apply(&state, .key(.down)).isEmpty)
        #expect(Self.field(state) == "household_no")
        #expect(Update.apply(&state, .key(.tab)).isEmpty)
        #expect(Self.field(state) == "interview_date")
        #expect(Update.apply(&state, .key(.up)).isEmpty)
        #expect(Update.apply(&state, .key(.backTab)).isEmpty)
        #expect(Self.field(state) == "group_name")
        #expect(state.pending == nil)
    }

    @Test func theCursorIsOneValueTheInterviewsPosition() {
        var state = Self.state(Self.household(), at: "group_name")
        _ = Update.apply(&state, .key(.down))
        let q = Self.q.question("household_no")!
        #expect(state.form?.interview.position == Position(section: q.section, row: nil, question: q.index))
    }

    @Test func leavingTheHouseholdStoresWhereTheCursorStands() throws {
        var state = Self.state(Self.household(), at: "group_name")
        _ = Update.apply(&state, .key(.down))
        let id = try #require(state.form?.interview.householdID)
        let effects = Update.apply(&state, .key(.escape))
        #expect(state.form == nil)
        guard effects.count == 2, case .savePosition(let household, let position) = effects[0], case .loadList = effects[1] else {
            Issue.record("expected savePosition then loadList: \(effects)")
            return
        }
        #expect(household == id)
        #expect(position?.question == Self.q.questionIndex(of: "household_no"))
    }

    @Test func jumpingToTheNextUnansweredQuestionWritesNothing() {
        var iv = Self.household()
        _ = try? iv.answer("village_code", .text("622922100201"))
        var state = Self.state(iv, at: "village_code")
        #expect(Update.apply(&state, .key(.function(5))).isEmpty)
        #expect(Self.field(state) == "group_name")
    }

    // MARK: While the store is asked

    @Test func keysWaitWhileACommitIsUnanswered() {
        var state = Self.state(Self.household(), at: "group_name")
        Self.type(&state, "三组")
        _ = Update.apply(&state, .key(.enter))
        #expect(Update.apply(&state, .key(.char("x"))).isEmpty)
        #expect(Update.apply(&state, .key(.down)).isEmpty)
        #expect(state.form?.edit?.text == "三组")
        _ = Update.apply(&state, .committed)
        #expect(state.form?.interview.value("group_name") == .text("三组"))
    }

    @Test func anAnswerWithNothingAskedChangesNothing() {
        var state = Self.state(Self.household(), at: "group_name")
        #expect(Update.apply(&state, .committed).isEmpty)
        #expect(Update.apply(&state, .commitFailed("late")).isEmpty)
        #expect(state.status == nil)
        #expect(Self.field(state) == "group_name")
    }

    @Test func ctrlCQuitsEvenWhileACommitIsUnanswered() {
        var state = Self.state(Self.household(), at: "group_name")
        Self.type(&state, "三组")
        _ = Update.apply(&state, .key(.enter))
        let effects = Update.apply(&state, .key(.ctrl("c")))
        #expect(state.quitting)
        #expect(state.pending == nil)
        #expect(effects.contains { if case .quit = $0 { return true } else { return false } })
    }

    // MARK: Leaving with something typed

    @Test func f10WithATypedAnswerLeavesOnlyOnceItIsStored() throws {
        var state = Self.state(Self.household(), at: "group_name")
        Self.type(&state, "三组")
        _ = try #require(Self.commit(Update.apply(&state, .key(.function(10)))))
        #expect(state.form != nil)
        let effects = Update.apply(&state, .committed)
        #expect(state.form == nil)
        #expect(effects.count == 2)
        if case .savePosition(_, let p)? = effects.first { #expect(p?.question == Self.q.questionIndex(of: "group_name")) }
        else { Issue.record("expected savePosition first: \(effects)") }
    }

    @Test func f10WhoseCommitIsRefusedStaysInTheHousehold() {
        var state = Self.state(Self.household(), at: "group_name")
        Self.type(&state, "三组")
        _ = Update.apply(&state, .key(.function(10)))
        #expect(Update.apply(&state, .commitFailed("full disk")).isEmpty)
        #expect(state.form?.edit?.text == "三组")
        #expect(state.status?.text.contains("full disk") == true)
    }

    // MARK: Rows, reasons, comments, progress

    @Test func anAddedRowShowsOnlyOnceStored() throws {
        let iv = Self.household()
        let members = try #require(Self.q.roster("members"))
        let section = try #require(Self.q.sections.first { $0.roster == members.index })
        var state = Self.state(iv, at: "group_name")
        state.form?.cursor = .rosterEnd(section: section.index)
        let request = try #require(Self.commit(Update.apply(&state, .key(.function(7)))))
        guard case .rowAdded(let roster, let row, 0)? = request.changes.first else { Issue.record("\(request.changes)"); return }
        #expect(roster == "members")
        #expect(state.form?.interview.rowIDs(of: members.index).isEmpty == true)
        _ = Update.apply(&state, .committed)
        #expect(state.form?.interview.rowIDs(of: members.index) == [row])
        #expect(Self.field(state) == "name")
        #expect(state.form?.cursor == .field(Position(section: section.index, row: row, question: Self.q.questionIndex(of: "name")!)))
        #expect(state.status?.text == "已添加家庭成员第1行")
    }

    @Test func theRemovePromptStaysOpenUntilTheRowIsStoredAsRemoved() throws {
        let (iv, row) = try Self.withHead()
        let members = try #require(Self.q.roster("members"))
        var state = Self.state(iv, at: "name", row: row)
        state.form?.mode = .grid(GridState(roster: members.index, rows: ListSelection(count: iv.rowIDs(of: members.index).count)))
        _ = Update.apply(&state, .key(.function(8)))
        guard case .prompt? = state.overlay else { Issue.record("no prompt: \(String(describing: state.overlay))"); return }
        Self.type(&state, "录错了")
        let request = try #require(Self.commit(Update.apply(&state, .key(.enter))))
        #expect(request.changes == [.rowRemoved(roster: "members", row: row, reason: "录错了")])
        _ = Update.apply(&state, .commitFailed("busy"))
        guard case .prompt(let prompt)? = state.overlay else { Issue.record("the prompt closed on a refusal"); return }
        #expect(prompt.text == "录错了")
        #expect(prompt.error?.contains("busy") == true)
        #expect(state.form?.interview.rowIDs(of: members.index) == [row])
        _ = Update.apply(&state, .key(.enter))
        _ = Update.apply(&state, .committed)
        #expect(state.overlay == nil)
        #expect(state.form?.interview.rowIDs(of: members.index).isEmpty == true)
        #expect(state.status?.text == "已删除，原因已记录")
    }

    @Test func aFieldsCommentGoesOnlyOnceTheNewAnswerIsStored() {
        var state = Self.state(Self.household(), at: "group_name")
        state.form?.comments = [FieldComment(row: nil, question: "group_name", text: "组名不对", who: "审核员"),
                                FieldComment(row: nil, question: "phone", text: "电话空号", who: "审核员")]
        Self.type(&state, "三组")
        _ = Update.apply(&state, .key(.enter))
        #expect(state.form?.comments.count == 2)
        _ = Update.apply(&state, .committed)
        #expect(state.form?.comments.map(\.question) == ["phone"])
    }

    @Test func sectionProgressFollowsTheStoredAnswer() throws {
        var state = Self.state(Self.household(), at: "group_name")
        let s = Self.q.question("group_name")!.section
        let before = try #require(state.form?.sectionProgress[s])
        Self.type(&state, "三组")
        _ = Update.apply(&state, .key(.enter))
        #expect(state.form?.sectionProgress[s].answered == before.answered)
        _ = Update.apply(&state, .committed)
        #expect(state.form?.sectionProgress[s].answered == before.answered + 1)
    }

    @Test func anOpenedHouseholdShowsTheFieldItWasLeftAt() throws {
        let (iv, row) = try Self.withHead()
        var moved = iv
        let relation = try #require(Self.q.question("relation"))
        moved.position = Position(section: relation.section, row: row, question: relation.index)
        var state = AppState(lang: .zh, width: 80, height: 24)
        #expect(Update.apply(&state, .opened(InterviewBox(moved))).isEmpty)
        #expect(Self.field(state) == "relation")
        #expect(state.form?.cursor == .field(moved.position!))
    }
}
