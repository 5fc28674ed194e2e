import Foundation
import GRDB
import Testing
import Survey
@testable import Store

/// A supervisor's decisions travelling to the laptop and the enumerator's corrections travelling back,
/// store to store through real bundles.
@Suite struct ReviewLoopTests {
    @Test func sendBackFixApproveAndChangeAfterApproval() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), hub = try f.store("hub")
        try f.trust(hub, laptop)
        try f.trust(laptop, hub)
        let one = try Fixture.household(laptop, no: "0001", head: "王建军")
        let two = try Fixture.household(laptop, no: "0002", head: "刘桂英")
        for iv in [one, two] { try laptop.setStatus(iv.householdID, to: .complete, who: "李文华") }
        guard case .applied = try f.importing(try f.export(laptop), into: hub) else { Issue.record("laptop bundle"); return }

        // The supervisor sends the first back with a comment on the head's ID number, and approves the second.
        let head = one.rows("members")[0]
        try hub.sendBack(one.householdID, reason: "身份证号与户口本不符", who: "乡镇审核员")
        let comment = try hub.addComment(one.householdID, row: head, question: "id_number", text: "请核对第7位", who: "乡镇审核员")
        try hub.approve(two.householdID, who: "乡镇审核员")
        guard case .applied(_, 0, _) = try f.importing(try f.export(hub, who: "乡镇审核员"), into: laptop) else { Issue.record("hub bundle"); return }

        // On the laptop: sent back first in the list, the comment on that very field, the approval.
        let listed = try laptop.households()
        #expect(listed.map(\.householdNo) == ["0001", "0002"] && listed[0].status == .sentBack && listed[1].status == .approved)
        #expect(try laptop.review(one.householdID)?.reason == "身份证号与户口本不符")
        let comments = try laptop.comments(one.householdID)
        #expect(comments.count == 1 && comments[0].rowID == head && comments[0].question == "id_number")

        // The enumerator corrects the field, which deals with the comment on it in the same commit, and
        // completes the household again. A change to another field leaves the comment open.
        var fixed = try laptop.interview(one.householdID, questionnaire: Fixture.questionnaire)
        try laptop.commit(try fixed.answer("phone", .text("13700000000")), of: fixed, who: "李文华")
        #expect(try laptop.comments(one.householdID).map(\.id) == [comment.id])
        let newID = Fixture.idNumber(Day(year: 1970, month: 3, day: 4)!, 99, sex: 1)
        try laptop.commit(try fixed.answer("id_number", row: head, .text(newID)), of: fixed, who: "李文华")
        #expect(try laptop.household(one.householdID).status == .sentBack)
        #expect(try laptop.comments(one.householdID).isEmpty)
        #expect(try laptop.auditTrail(one.householdID).contains { $0.kind == .commentResolved && $0.reason == "请核对第7位" && $0.who == "李文华" })
        try laptop.setStatus(one.householdID, to: .complete, who: "李文华")
        guard case .applied(_, 0, _) = try f.importing(try f.export(laptop), into: hub) else { Issue.record("correction"); return }
        #expect(try hub.household(one.householdID).status == .complete)
        #expect(try SyncFixture.answer(hub, one.householdID, row: head, "id_number") == newID)
        #expect(try hub.comments(one.householdID).isEmpty && hub.comments(one.householdID, all: true).count == 1)

        // Approved at last; and a change on the laptop after approval sends it round again.
        try hub.approve(one.householdID, who: "乡镇审核员")
        _ = try f.importing(try f.export(hub, who: "乡镇审核员"), into: laptop)
        #expect(try laptop.household(one.householdID).status == .approved)
        var later = try laptop.interview(two.householdID, questionnaire: Fixture.questionnaire)
        try laptop.commit(try later.answer("phone", .text("13800000000")), of: later, who: "李文华")
        #expect(try laptop.household(two.householdID).status == .inProgress)
        #expect(try laptop.auditTrail(two.householdID).last?.reason == "changed after approval")
        guard case .applied(_, 0, _) = try f.importing(try f.export(laptop), into: hub) else { Issue.record("after approval"); return }
        #expect(try hub.household(two.householdID).status == .inProgress)
        #expect(try hub.conflicts().isEmpty && laptop.conflicts().isEmpty)

        // The field's history: every value, who and when, and the comment.
        let history = try hub.history(one.householdID, row: head, question: "id_number", questionnaire: Fixture.questionnaire)
        #expect(history.filter { $0.kind == .answer }.count == 2)
        #expect(history.filter { $0.kind == .answer }.last?.newValue == "text:" + newID)
        #expect(history.contains { $0.kind == .comment && $0.reason == "请核对第7位" && $0.who == "乡镇审核员" })
        #expect(history.contains { $0.kind == .commentResolved && $0.who == "李文华" })
    }

    @Test func theWorkflowSettlesMostStatusClashes() {
        // A laptop receiving the supervisor's decisions.
        #expect(ConflictMerge.workflow(mine: "in_progress", theirs: "sent_back") == .takeTheirs)
        #expect(ConflictMerge.workflow(mine: "complete", theirs: "sent_back") == .takeTheirs)
        #expect(ConflictMerge.workflow(mine: "in_progress", theirs: "approved") == .keepMine)
        // The hub receiving work done after a decision.
        #expect(ConflictMerge.workflow(mine: "approved", theirs: "in_progress") == .takeTheirs)
        #expect(ConflictMerge.workflow(mine: "sent_back", theirs: "complete") == .takeTheirs)
        // People disagreeing.
        #expect(ConflictMerge.workflow(mine: "approved", theirs: "sent_back") == .conflict)
        #expect(ConflictMerge.workflow(mine: "complete", theirs: "in_progress") == .conflict)
    }

    @Test func decisionsOnAnUnknownHouseholdAreRefused() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let nobody = UUID()
        #expect(throws: StoreError.unknownHousehold(nobody.uuidString.lowercased())) { try store.approve(nobody, who: "x") }
        #expect(throws: StoreError.unknownHousehold(nobody.uuidString.lowercased())) {
            try store.addComment(nobody, row: nil, question: "", text: "?", who: "x")
        }
    }
}
