import Foundation
import SampleData
import Store
import Survey
import Testing
@testable import TUI

/// What the enumerator sees of a supervisor's review: sent-back households first in the list, the reason
/// on opening, and each commented field marked with the comment under it.
@Suite struct ReviewMarksTests {
    /// A copy of the sample village where the supervisor sent the 6th household back with a comment on
    /// its second member's ID number (as a bundle from the supervisor would leave it).
    static func sentBack() throws -> (path: String, household: HouseholdRecord, member: RowID) {
        let path = TUIFixture.freshSample()
        let store = try HouseholdStore(path: path)
        let record = try store.households(limit: 6)[5]
        let id = UUID(uuidString: record.id)!
        let member = try store.interview(id, questionnaire: TUIFixture.questionnaire).rows("members")[1]
        try store.sendBack(id, reason: "第2名成员身份证号有误", who: "乡镇审核员")
        try store.addComment(id, row: member, question: "id_number", text: "与户口本不一致，请核对", who: "乡镇审核员")
        return (path, record, member)
    }

    @Test func theSentBackHouseholdComesFirstAndItsCommentIsOnTheField() throws {
        let (path, record, member) = try Self.sentBack()
        let app = TUIFixture.app(path)
        #expect(app.state.list.page.first?.id == record.id)
        #expect(app.screen.split(separator: "\n")[3].contains("已退回"), "\(app.screen)")
        app.press(.enter)
        #expect(app.state.status?.text.contains("本户已被退回：第2名成员身份证号有误") == true)
        app.jump(to: "id_number", row: member)
        let screen = app.screen
        #expect(screen.contains("※身份证号码"), "\(screen)")
        #expect(screen.contains("审核意见：与户口本不一致，请核对（乡镇审核员）"), "\(screen)")
        // The member section carries the mark in the section list; the first member's ID number does not.
        #expect(screen.contains("※ B"), "\(screen)")
        app.jump(to: "id_number", row: app.interview.rows("members")[0])
        #expect(!app.screen.contains("审核意见："))
    }

    @Test(arguments: Language.allCases) func snapshot(_ lang: Language) throws {
        let (path, _, member) = try Self.sentBack()
        let app = TUIFixture.app(path, lang: lang)
        app.press(.enter)
        app.jump(to: "id_number", row: member)
        let frame = Render.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "sent-back-\(lang.rawValue)")
    }
}

@Suite struct CommentFixTests {
    /// Changing the commented field deals with the comment: the mark goes at once, and the store says so.
    @Test func changingTheCommentedFieldDealsWithTheComment() throws {
        let (path, record, member) = try ReviewMarksTests.sentBack()
        let app = TUIFixture.app(path)
        app.press(.enter)
        app.jump(to: "phone")
        app.type("13912345678")
        app.press(.enter)
        #expect(app.form.comments.count == 1, "another field leaves the comment")
        app.jump(to: "id_number", row: member)
        #expect(app.screen.contains("审核意见：与户口本不一致"))
        app.type(SyntheticHouseholds.idNumber(4242))
        app.press(.enter)
        #expect(app.form.comments.isEmpty)
        app.jump(to: "id_number", row: member)
        #expect(!app.screen.contains("审核意见：") && !app.screen.contains("※"), "\(app.screen)")
        let store = try HouseholdStore(path: path)
        #expect(try store.comments(UUID(uuidString: record.id)!).isEmpty)
        #expect(try store.comments(UUID(uuidString: record.id)!, all: true).first?.resolved == true)
    }
}
