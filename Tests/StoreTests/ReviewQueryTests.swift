import Foundation
import SampleData
import GRDB
import Testing
import Survey
@testable import Store

/// The supervisor's list and the village dashboard, checked against the sample village worked out directly.
@Suite struct ReviewQueryTests {
    static func sample() throws -> (HouseholdStore, [Interview]) {
        let village = SampleVillage.generate(questionnaire: Fixture.questionnaire)
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        try store.insertWhole(village, enumerator: "示例调查员", who: "sample") { iv in iv.hardErrorCount == 0 ? .complete : .inProgress }
        return (store, village)
    }

    @Test func filtersSortsSearchesAndCounts() throws {
        let (store, village) = try Self.sample()
        let all = try store.reviewList(ReviewQuery(), questionnaire: Fixture.questionnaire)
        #expect(all.total == 128 && all.rows.count == 100)
        #expect(all.rows.map(\.household.householdNo) == all.rows.map(\.household.householdNo).sorted())
        let withErrors = village.filter { $0.hardErrorCount > 0 }.count
        let errors = try store.reviewList(ReviewQuery(flag: .errors), questionnaire: Fixture.questionnaire)
        #expect(errors.total == withErrors && errors.rows.allSatisfy { $0.household.hardErrors > 0 })
        #expect(try store.reviewList(ReviewQuery(status: .inProgress), questionnaire: Fixture.questionnaire).total == withErrors)
        let worst = try store.reviewList(ReviewQuery(sort: .problems), questionnaire: Fixture.questionnaire, limit: 1).rows[0].household
        #expect(worst.hardErrors == village.map(\.hardErrorCount).max())
        // Flags that live in other tables: a comment and an open conflict.
        let target = village[7].householdID
        try store.addComment(target, row: nil, question: "", text: "请补充帮扶措施", who: "乡镇审核员")
        let comments = try store.reviewList(ReviewQuery(flag: .comments), questionnaire: Fixture.questionnaire)
        #expect(comments.total == 1 && comments.rows[0].household.id == target.uuidString.lowercased() && comments.rows[0].openComments == 1)
        try store.pool.write { db in
            try ConflictRecord(id: UUID().uuidString.lowercased(), householdID: target.uuidString.lowercased(), rowID: nil, kind: .answer,
                               field: "phone", mineValue: "text:1", mineWho: "a", mineAt: "", theirsValue: "text:2", theirsWho: "b", theirsAt: "",
                               theirsDevice: "d", bundleID: "b", sequence: 1, detectedAt: "", state: .open).insert(db)
        }
        #expect(try store.reviewList(ReviewQuery(flag: .conflicts), questionnaire: Fixture.questionnaire).rows.map(\.openConflicts) == [1])
        // Search as in the enumerator's list, combined with a filter.
        let head = all.rows[3].household
        let found = try store.reviewList(ReviewQuery(status: head.status, search: String(head.headName.prefix(2))), questionnaire: Fixture.questionnaire)
        #expect(found.rows.contains { $0.household.id == head.id } && found.rows.allSatisfy { $0.household.status == head.status })
        #expect(try store.reviewList(ReviewQuery(village: "nowhere"), questionnaire: Fixture.questionnaire).total == 0)
        #expect(try store.reviewFilters().villages == ["622922100201"] && store.reviewFilters().enumerators == ["示例调查员"])
    }

    @Test func theDashboardAgreesWithTheAssessmentOfEveryHousehold() throws {
        let (store, village) = try Self.sample()
        let d = try store.dashboard(village: "622922100201")
        #expect(d.households == 128 && d.byTypeAndStatus.reduce(0) { $0 + $1.count } == 128)
        #expect(d.causes.reduce(0) { $0 + $1.count } == 128)
        var failing: [String: Set<String>] = [:], bands = Array(repeating: 0, count: VillageDashboard.bands.count), unknown = 0
        for iv in village {
            let a = Assessment(iv)
            for g in a.guarantees where g.met == false { failing[g.id, default: []].insert(iv.householdID.uuidString.lowercased()) }
            if let i = a.perCapitaNetIncome, let line = a.incomeLine, line > 0 {
                bands[VillageDashboard.bands.lastIndex { i / line >= $0 }!] += 1
            } else { unknown += 1 }
        }
        #expect(d.failing.mapValues { Set($0.map(\.id)) } == failing)
        #expect(!failing.isEmpty)
        #expect(d.income.map(\.count) == bands && d.incomeUnknown == unknown)
        #expect(d.interviews.reduce(0) { $0 + $1.count } == 128)
        // A household sent back moves between the status counts.
        try store.sendBack(village[0].householdID, reason: "核实", who: "乡镇审核员")
        #expect(try store.dashboard(village: "622922100201").byTypeAndStatus.contains { $0.status == .sentBack && $0.count == 1 })
    }
}
