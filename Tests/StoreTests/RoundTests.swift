import Foundation
import GRDB
import Survey
import Testing
import TestSupport
@testable import Store

/// Rounds of the yearly re-survey in the store: a new year's round starts from the last one with its members
/// and identification, reads last year's values through them, leaves the earlier round read-only, and travels.
@Suite struct RoundTests {
    static let q = Fixture.questionnaire
    static let day2021 = Day(year: 2021, month: 11, day: 15)!

    func members(_ iv: Interview) -> [RowID] { iv.rowIDs(of: Self.q.roster("members")!.index) }

    func householdRows(_ store: HouseholdStore) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household") ?? 0 }
    }

    /// A household of two members (the head and a child) interviewed in 2020.
    func family(_ store: HouseholdStore, no: String = "0007") throws -> Interview {
        var iv = try Fixture.household(store, no: no, head: "王建军")
        try store.commit(try iv.answer("group_name", .text("三组")), of: iv, who: "李文华")
        let (child, added) = try iv.addRow("members")
        try store.commit(added, of: iv, who: "李文华")
        try store.commit(try iv.answer("name", row: child, .text("王小明")), of: iv, who: "李文华")
        try store.commit(try iv.answer("relation", row: child, .code(3)), of: iv, who: "李文华")
        return iv
    }

    @Test func aNewRoundCarriesTheMembersAndTheIdentificationAndAsksEverythingElseAgain() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let last = try family(store)
        let started = try store.startRound([last.householdID], year: 2021, referenceDay: Self.day2021, questionnaire: Self.q, who: "李文华")
        #expect(started.count == 1 && started[0].carriedRows == 2 && started[0].householdNo == "0007" && started[0].year == 2021)
        let new = try store.interview(started[0].household, questionnaire: Self.q)
        #expect(members(new).count == 2)
        #expect(new.referenceDay == Self.day2021)
        #expect(new.value(of: \.villageCode)?.text == "622922100201" && new.value(of: \.householdNo)?.text == "0007")
        #expect(new.value(of: \.groupName)?.text == "三组")
        #expect(new.value(of: Self.q.questionIndex(of: "interview_date")!, row: nil) == nil)
        #expect(members(new).allSatisfy { new.value(of: Self.q.questionIndex(of: "name")!, row: $0) == nil })
        // The list and the counts show the household once: its newest round.
        let listed = try store.households()
        #expect(listed.map(\.id) == [started[0].household.uuidString.lowercased()])
        #expect(listed[0].villageCode == "622922100201" && listed[0].status == .inProgress)
        #expect(try store.householdCount() == 1 && store.householdCount(village: "622922100201") == 1)
        #expect(try store.dashboard(village: "622922100201").households == 1)
        // A member's name answered last year finds this year's round.
        #expect(try store.search("王小", questionnaire: Self.q).map(\.id) == [started[0].household.uuidString.lowercased()])
        let round = try store.round(of: started[0].household)
        #expect(round == .init(registrationID: last.householdID, year: 2021, previous: last.householdID, next: nil))
        #expect(try store.round(of: last.householdID) == .init(registrationID: last.householdID, year: 2020, previous: nil, next: started[0].household))
        let trail = try store.auditTrail(started[0].household)
        #expect(trail.map(\.kind) == [.roundStarted] && trail[0].oldValue == "2020" && trail[0].newValue == "2021")
    }

    @Test func lastYearsValuesAreReadThroughTheCarriedRows() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        var last = try family(store)
        // A member removed last year is not carried into the new round.
        let (gone, added) = try last.addRow("members")
        try store.commit(added, of: last, who: "李文华")
        try store.commit(try last.answer("name", row: gone, .text("王老四")), of: last, who: "李文华")
        try store.commit(try last.removeRow("members", row: gone, reason: "2020年去世"), of: last, who: "李文华")
        let lastRows = members(last)
        let new = try store.startRound([last.householdID], year: 2021, referenceDay: Self.day2021, questionnaire: Self.q, who: "李文华")[0]
        let iv = try store.interview(new.household, questionnaire: Self.q)
        let previous = try #require(try store.previousRound(of: new.household))
        #expect(previous.year == 2020 && previous.household == last.householdID)
        #expect(previous.carriedRows == Set(members(iv)))
        #expect(members(iv).map { previous.value("name", row: $0)?.text } == ["王建军", "王小明"])
        #expect(members(iv).map { previous.value("relation", row: $0) } == [.code(1), .code(3)])
        #expect(Set(members(iv)).isDisjoint(with: lastRows))
        #expect(previous.value("interview_date", row: nil) == .date(Day(year: 2020, month: 11, day: 20)!))
        #expect(!previous.values.values.contains(.text("王老四")))
        #expect(try store.previousRound(of: last.householdID) == nil)
    }

    @Test func anEarlierRoundCannotBeChangedAndTheMessageNamesTheNewerRound() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let last = try family(store)
        try store.startRound([last.householdID], year: 2021, referenceDay: Self.day2021, questionnaire: Self.q, who: "李文华")
        let before = try SyncFixture.counts(store)
        let refused = StoreError.round(.earlierRound(householdNo: "0007", year: 2020, newerYear: 2021))
        var changed = last
        let change = try changed.answer("group_name", .text("四组"))
        #expect(throws: refused) { try store.commit(change, of: changed, who: "李文华") }
        #expect(throws: refused) { try store.setStatus(last.householdID, to: .complete, who: "李文华") }
        #expect(throws: refused) { try store.approve(last.householdID, who: "审核员") }
        #expect(throws: refused) { try store.addComment(last.householdID, row: nil, question: "", text: "请核实", who: "审核员") }
        #expect(throws: refused) {
            try store.propose(last.householdID, year: 2020, outcome: .exit, reason: "收入稳定超过标准", who: "李文华")
        }
        #expect(try SyncFixture.counts(store) == before)
        #expect((try SyncFixture.answer(store, last.householdID, "group_name")) == "三组")
        #expect(refused.message(.zh) == "第 0007 户 2020 年度的记录只能查看：已经开始了 2021 年度的调查，请在新年度里修改")
        #expect(refused.message(.en) == "Household 0007's 2020 round can only be read: its 2021 round has started; make changes there")
    }

    @Test func aRoundStartsOncePerYearAndOnlyAfterTheNewestOne() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let last = try family(store)
        let new = try store.startRound([last.householdID], year: 2021, referenceDay: Self.day2021, questionnaire: Self.q, who: "李文华")[0]
        let rows = try householdRows(store)
        #expect(throws: StoreError.round(.alreadyStarted(householdNo: "0007", year: 2021))) {
            try store.startRound([last.householdID], year: 2021, referenceDay: Self.day2021, questionnaire: Self.q, who: "李文华")
        }
        #expect(throws: StoreError.round(.earlierRound(householdNo: "0007", year: 2020, newerYear: 2021))) {
            try store.startRound([last.householdID], year: 2022, referenceDay: Day(year: 2022, month: 11, day: 1)!, questionnaire: Self.q, who: "李文华")
        }
        // Named by this year's round itself, the round has started; a year before it is refused as not after it.
        #expect(throws: StoreError.round(.alreadyStarted(householdNo: "0007", year: 2021))) {
            try store.startRound([new.household], year: 2021, referenceDay: Self.day2021, questionnaire: Self.q, who: "李文华")
        }
        #expect(throws: StoreError.round(.notAfter(householdNo: "0007", year: 2020, newest: 2021))) {
            try store.startRound([new.household], year: 2020, referenceDay: Day(year: 2020, month: 12, day: 1)!, questionnaire: Self.q, who: "李文华")
        }
        // One refusal and the whole batch is refused: the other household is not started either.
        let other = try family(store, no: "0008")
        #expect(throws: StoreError.self) {
            try store.startRound([other.householdID, last.householdID], year: 2021, referenceDay: Self.day2021, questionnaire: Self.q, who: "李文华")
        }
        #expect(try householdRows(store) == rows + 1)
        #expect(try store.roundsToStart(village: "622922100201", year: 2021) == [other.householdID])
        // The next year starts from the newest round, and the registration is the first round's.
        let third = try store.startRound([new.household], year: 2022, referenceDay: Day(year: 2022, month: 11, day: 1)!, questionnaire: Self.q,
                                         who: "李文华")[0]
        #expect(try store.round(of: third.household).registrationID == last.householdID)
        #expect(try store.previousRound(of: third.household)?.year == 2021)
    }

    @Test func aStartedRoundTravelsInABundleAndTheSameRoundStartedOnTwoStoresIsOneRound() throws {
        let f = SyncFixture()
        let (laptop, hub, first) = try f.laptopAndHub()
        guard case .applied = try f.importing(first, into: hub) else { Issue.record("the first bundle was not applied"); return }
        let id = try #require(UUID(uuidString: try laptop.households()[0].id))
        // Both start the household's 2021 round, each on its own: the same ids come out on both.
        let onLaptop = try laptop.startRound([id], year: 2021, referenceDay: Self.day2021, questionnaire: Self.q, who: "李文华")[0]
        let onHub = try hub.startRound([id], year: 2021, referenceDay: Self.day2021, questionnaire: Self.q, who: "县级管理员")[0]
        #expect(onLaptop.household == onHub.household)
        var iv = try laptop.interview(onLaptop.household, questionnaire: Self.q)
        let head = members(iv)[0]
        try laptop.commit(try iv.answer("name", row: head, .text("王建军")), of: iv, who: "李文华")
        let second = try f.export(laptop)
        guard case .applied(_, let conflicts, _) = try f.importing(second, into: hub) else { Issue.record("the round's bundle was not applied"); return }
        #expect(conflicts == 0)
        #expect(try householdRows(hub) == 2 && hub.householdCount() == 1)
        #expect(try hub.round(of: onLaptop.household) == laptop.round(of: onLaptop.household))
        #expect(try hub.previousRound(of: onLaptop.household)?.value("name", row: head)?.text == "王建军")
        #expect((try SyncFixture.answer(hub, onLaptop.household, row: head, "name")) == "王建军")

        // A store that never started it takes the round as the laptop made it.
        let supervisor = try f.store("supervisor")
        try f.trust(supervisor, laptop)
        guard case .applied = try f.importing(first, into: supervisor), case .applied = try f.importing(second, into: supervisor) else {
            Issue.record("the laptop's bundles were not applied in a third store"); return
        }
        #expect(try supervisor.households().map(\.id) == [onLaptop.household.uuidString.lowercased()])
        #expect(try supervisor.previousRound(of: onLaptop.household)?.carriedRows == [head])
        #expect(throws: StoreError.round(.earlierRound(householdNo: "0001", year: 2020, newerYear: 2021))) {
            try supervisor.approve(id, who: "审核员")
        }
    }
}
