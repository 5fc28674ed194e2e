import Foundation
import GRDB
import Testing
import Survey
import TestSupport
@testable import Store

/// The exit and inclusion procedures: every rule the store holds a decision to, the notice list, and the
/// procedures travelling in a bundle.
@Suite struct ProcedureTests {
    /// The periods of the shipped standards (7 and 5 days), read from screens/standards.yaml.
    static let periods = Fixture.questionnaire.standards.procedures
    static let categories = Fixture.questionnaire.standards.monitoring.categories.map(\.id)

    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// A store with one household (0001, 王建军) proposed for `outcome` in 2020.
    func proposed(_ outcome: ProcedureOutcome, category: String? = nil) throws -> (HouseholdStore, UUID) {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let iv = try Fixture.household(store, no: "0001", head: "王建军")
        try store.propose(iv.householdID, year: 2020, outcome: outcome, category: category, reason: "人均纯收入稳定超过标准",
                          categories: Self.categories, who: "李文华")
        return (store, iv.householdID)
    }

    func step(_ store: HouseholdStore, _ id: UUID, _ kind: ProcedureStepKind, _ number: Int = 1, _ from: String, _ to: String? = nil,
              _ result: ProcedureStepResult = .passed) throws -> ProcedureProblem? {
        try store.recordStep(id, year: 2020, step: ProcedureStep(kind, number), start: Self.day(from), end: to.map(Self.day),
                             result: result, periods: Self.periods, who: "李文华")
    }

    /// Every step of an exit, as the seed's timetable has it: notice 11–17 November (7 days), announcement 25–29 (5).
    func fullExit(_ store: HouseholdStore, _ id: UUID, consent: Bool = true, notice: String = "2020-11-17", announcement: String = "2020-11-29") throws {
        _ = try step(store, id, .appraisal, 1, "2020-11-10")
        if consent { _ = try step(store, id, .consent, 1, "2020-11-10") }
        _ = try step(store, id, .notice, 1, "2020-11-11", notice)
        _ = try step(store, id, .announcement, 1, "2020-11-25", announcement)
        _ = try step(store, id, .notification, 1, "2020-11-30")
    }

    func refusal(_ store: HouseholdStore, _ id: UUID) -> StoreError? {
        do { try store.decide(id, year: 2020, holds: true, periods: Self.periods, who: "张镇长"); return nil } catch { return error }
    }

    @Test func anExitWithEveryStepDoneIsDecidedAndAuditedAndTheDecisionIsFinal() throws {
        let (store, id) = try proposed(.exit)
        try fullExit(store, id)
        try store.decide(id, year: 2020, holds: true, periods: Self.periods, who: "张镇长")
        let (p, steps) = try #require(try store.procedure(id, year: 2020))
        #expect(p.state == .decided && p.decidedBy == "张镇长")
        #expect(steps.map(\.step) == ProcedureOutcome.exit.steps)
        let trail = try store.auditTrail(id).filter { $0.kind == .procedure }
        #expect(trail.count == 7)   // proposed, five steps, decided
        #expect(trail.last?.newValue == "exit decided" && trail.last?.oldValue == "exit proposed")
        #expect(throws: StoreError.procedure(.closed(.decided))) { _ = try step(store, id, .notification, 1, "2020-12-01") }
    }

    @Test func aNoticeShorterThanSevenDaysIsRecordedAsItHappenedButTheDecisionIsRefused() throws {
        let (store, id) = try proposed(.exit)
        _ = try step(store, id, .appraisal, 1, "2020-11-10")
        _ = try step(store, id, .consent, 1, "2020-11-10")
        let warning = try step(store, id, .notice, 1, "2020-11-11", "2020-11-16")
        #expect(warning == .periodTooShort(ProcedureStep(.notice), days: 6, needed: 7))
        _ = try step(store, id, .announcement, 1, "2020-11-25", "2020-11-29")
        _ = try step(store, id, .notification, 1, "2020-11-30")
        let error = try #require(refusal(store, id))
        #expect(error == .procedure(.periodTooShort(ProcedureStep(.notice), days: 6, needed: 7)))
        #expect(error.message(.zh) == "“公示”只有6天，标准要求不少于7天")
        #expect(error.message(.en) == "the public notice ran 6 days; the standards require at least 7")
        #expect(try store.procedure(id, year: 2020)?.procedure.state == .proposed)
        // Held again for the full seven days, the same procedure is decided.
        #expect(try step(store, id, .notice, 1, "2020-11-11", "2020-11-17") == nil)
        #expect(refusal(store, id) == nil)
    }

    @Test func anAnnouncementShorterThanFiveDaysIsRefused() throws {
        let (store, id) = try proposed(.removal)
        _ = try step(store, id, .appraisal, 1, "2020-11-10")
        _ = try step(store, id, .notice, 1, "2020-11-11", "2020-11-17")
        _ = try step(store, id, .announcement, 1, "2020-11-25", "2020-11-28")
        _ = try step(store, id, .notification, 1, "2020-11-30")
        let error = try #require(refusal(store, id))
        #expect(error == .procedure(.periodTooShort(ProcedureStep(.announcement), days: 4, needed: 5)))
        #expect(error.message(.zh) == "“公告”只有4天，标准要求不少于5天")
    }

    @Test func theMinimumPeriodsComeFromTheStandardsNotTheCode() throws {
        let (store, id) = try proposed(.exit)
        try fullExit(store, id)
        let longer = ProcedurePeriods(noticeDays: 10, announcementDays: 5)
        #expect(throws: StoreError.procedure(.periodTooShort(ProcedureStep(.notice), days: 7, needed: 10))) {
            try store.decide(id, year: 2020, holds: true, periods: longer, who: "张镇长")
        }
        #expect(throws: StoreError.procedure(.noPeriods)) { try store.decide(id, year: 2020, holds: true, periods: nil, who: "张镇长") }
    }

    @Test func anExitWithoutTheHouseholdsConsentIsRefused() throws {
        let (store, id) = try proposed(.exit)
        try fullExit(store, id, consent: false)
        let error = try #require(refusal(store, id))
        #expect(error == .procedure(.missingStep(ProcedureStep(.consent))))
        #expect(error.message(.zh) == "程序不完整：还没有记录“本户认可签字”")
        #expect(error.message(.en) == "the procedure is incomplete: the household's consent is not recorded yet")
        // A household that refuses to consent is recorded as objecting: still no exit.
        _ = try step(store, id, .consent, 1, "2020-11-10", nil, .objected)
        #expect(refusal(store, id) == .procedure(.stepObjected(ProcedureStep(.consent))))
    }

    /// Application, first appraisal, two notices and the second appraisal: what a new household has before the comparison.
    func newBeforeComparison(_ store: HouseholdStore, _ id: UUID) throws {
        _ = try step(store, id, .application, 1, "2020-11-05")
        _ = try step(store, id, .appraisal, 1, "2020-11-10")
        _ = try step(store, id, .notice, 1, "2020-11-11", "2020-11-17")
        _ = try step(store, id, .notice, 2, "2020-11-18", "2020-11-24")
    }

    @Test func aNewHouseholdWithoutTheComparisonIsRefusedAndWithItIsDecided() throws {
        let (store, id) = try proposed(.new)
        try newBeforeComparison(store, id)
        _ = try step(store, id, .appraisal, 2, "2020-11-25")
        _ = try step(store, id, .announcement, 1, "2020-11-25", "2020-11-29")
        _ = try step(store, id, .notification, 1, "2020-11-30")
        let error = try #require(refusal(store, id))
        #expect(error == .procedure(.missingStep(ProcedureStep(.comparison))))
        #expect(error.message(.zh) == "程序不完整：还没有记录“信息比对”")
        _ = try step(store, id, .comparison, 1, "2020-11-25")
        #expect(refusal(store, id) == nil)
    }

    @Test func aReturnedHouseholdNeedsItsOwnApplicationAndTheSecondNotice() throws {
        let (store, id) = try proposed(.returned)
        _ = try step(store, id, .appraisal, 1, "2020-11-10")
        _ = try step(store, id, .notice, 1, "2020-11-11", "2020-11-17")
        #expect(refusal(store, id) == .procedure(.missingStep(ProcedureStep(.application))))
        _ = try step(store, id, .application, 1, "2020-11-05")
        #expect(refusal(store, id) == .procedure(.missingStep(ProcedureStep(.notice, 2))))
        #expect(StoreError.procedure(.missingStep(ProcedureStep(.notice, 2))).message(.zh) == "程序不完整：还没有记录“第2次公示”")
    }

    @Test func anIncompleteProcedureIsRefusedAtItsFirstMissingStep() throws {
        let (store, id) = try proposed(.exit)
        #expect(refusal(store, id) == .procedure(.missingStep(ProcedureStep(.appraisal))))
        _ = try step(store, id, .appraisal, 1, "2020-11-10")
        _ = try step(store, id, .consent, 1, "2020-11-10")
        _ = try step(store, id, .notice, 1, "2020-11-11", "2020-11-17")
        #expect(refusal(store, id) == .procedure(.missingStep(ProcedureStep(.announcement))))
        // Dropping needs no complete procedure.
        try store.decide(id, year: 2020, holds: false, periods: Self.periods, who: "张镇长")
        #expect(try store.procedure(id, year: 2020)?.procedure.state == .dropped)
    }

    @Test func stepsOutOfOrderOrNotInTheProcedureAreRefused() throws {
        let (store, id) = try proposed(.exit)
        #expect(throws: StoreError.procedure(.notInProcedure(ProcedureStep(.comparison), .exit))) { _ = try step(store, id, .comparison, 1, "2020-11-20") }
        #expect(throws: StoreError.procedure(.periodNotEnded(ProcedureStep(.notice)))) { _ = try step(store, id, .notice, 1, "2020-11-11") }
        #expect(throws: StoreError.procedure(.endBeforeStart(ProcedureStep(.notice)))) { _ = try step(store, id, .notice, 1, "2020-11-17", "2020-11-11") }
        try fullExit(store, id)
        _ = try step(store, id, .announcement, 1, "2020-11-14", "2020-11-18")   // begun before the notice ended
        #expect(refusal(store, id) == .procedure(.outOfOrder(ProcedureStep(.announcement), after: ProcedureStep(.notice))))
    }

    @Test func aMonitoringProposalNamesAKnownCategoryAndTheOutcomeIsFixedOnceStepsExist() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let id = try Fixture.household(store, no: "0001", head: "王建军").householdID
        func propose(_ o: ProcedureOutcome, _ c: String?) throws {
            try store.propose(id, year: 2020, outcome: o, category: c, reason: "大病自付医疗费用高", categories: Self.categories, who: "李文华")
        }
        #expect(throws: StoreError.procedure(.category(.monitoring))) { try propose(.monitoring, nil) }
        #expect(throws: StoreError.procedure(.category(.exit))) { try propose(.exit, "edge") }
        #expect(throws: StoreError.procedure(.unknownCategory("poor"))) { try propose(.monitoring, "poor") }
        #expect(throws: StoreError.procedure(.emptyReason)) {
            try store.propose(id, year: 2020, outcome: .exit, reason: "  ", categories: Self.categories, who: "李文华")
        }
        try propose(.monitoring, "sudden_hardship")
        try propose(.exit, nil)   // changed while nothing is recorded
        _ = try step(store, id, .appraisal, 1, "2020-11-10")
        #expect(throws: StoreError.procedure(.hasSteps)) { try propose(.removal, nil) }
        // Another year is another procedure.
        try store.propose(id, year: 2021, outcome: .monitoring, category: "sudden_hardship", reason: "大病", categories: Self.categories, who: "李文华")
        #expect(try store.procedure(id, year: 2021)?.procedure.category == "sudden_hardship")
    }

    @Test func idNumbersAreMaskedAsPublicNoticesShowThem() {
        #expect(NoticeEntry.mask("622922197003040056") == "6229**********0056")
        #expect(NoticeEntry.mask("62292219700304003X") == "6229**********003X")
        #expect(NoticeEntry.mask("12345678") == "********")
        #expect(NoticeEntry.mask("") == "")
    }

    @Test func theNoticeListHoldsTheVillagesProposedHouseholdsInOrderWithMaskedIDs() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let a = try Fixture.household(store, no: "0002", head: "刘桂英").householdID
        let b = try Fixture.household(store, no: "0001", head: "王建军").householdID
        let c = try Fixture.household(store, no: "0003", head: "陈志强").householdID
        let other = try Fixture.household(store, no: "0001", head: "马玉兰", village: "622922100202").householdID
        for (id, outcome) in [(a, ProcedureOutcome.new), (b, .exit), (c, .removal), (other, .exit)] {
            try store.propose(id, year: 2020, outcome: outcome, reason: "理由\(outcome.rawValue)", categories: Self.categories, who: "李文华")
        }
        try store.decide(c, year: 2020, holds: false, periods: Self.periods, who: "张镇长")   // dropped: not on the notice
        let list = try store.noticeEntries(village: "622922100201", year: 2020)
        #expect(list.map(\.householdNo) == ["0001", "0002"])
        #expect(list.map(\.headName) == ["王建军", "刘桂英"])
        #expect(list.map(\.maskedID) == ["6229**********003X", "6229**********0056"])
        #expect(list.map(\.outcome) == [.exit, .new])
        #expect(try store.noticeEntries(village: "622922100201", year: 2020, outcomes: [.new]).map(\.headName) == ["刘桂英"])
        #expect(try store.noticeEntries(village: "622922100201", year: 2021).isEmpty)
    }

    @Test func proceduresAndTheirStepsTravelInABundleAndArriveExactly() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), hub = try f.store("hub")
        try f.trust(hub, laptop)
        let id = try Fixture.household(laptop, no: "0001", head: "王建军").householdID
        try laptop.propose(id, year: 2020, outcome: .exit, reason: "人均纯收入稳定超过标准", categories: Self.categories, who: "李文华")
        try fullExit(laptop, id)
        guard case .applied(_, 0, []) = try f.importing(try f.export(laptop), into: hub) else { Issue.record("not applied"); return }
        let there = try #require(try hub.procedure(id, year: 2020))
        #expect(there.procedure == (try laptop.procedure(id, year: 2020))?.procedure)
        #expect(there.steps == (try laptop.procedure(id, year: 2020))?.steps)
        // The decision made at the hub travels back; the laptop then holds the decided procedure.
        try hub.decide(id, year: 2020, holds: true, periods: Self.periods, who: "张镇长")
        try f.trust(laptop, hub)
        guard case .applied(_, 0, []) = try f.importing(try f.export(hub, who: "张镇长"), into: laptop) else { Issue.record("not applied back"); return }
        #expect(try laptop.procedure(id, year: 2020)?.procedure.state == .decided)
        #expect(try laptop.procedure(id, year: 2020)?.procedure.decidedBy == "张镇长")
    }

    @Test func aBundleThatDecidesAnIncompleteProcedureIsRefusedWholeAndChangesNothing() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), hub = try f.store("hub")
        try f.trust(hub, laptop)
        let id = try Fixture.household(laptop, no: "0001", head: "王建军").householdID
        try laptop.propose(id, year: 2020, outcome: .exit, reason: "人均纯收入稳定超过标准", categories: Self.categories, who: "李文华")
        _ = try step(laptop, id, .appraisal, 1, "2020-11-10")
        // A laptop whose program skips the rules (an old build, a hand-edited store) marks it decided anyway.
        try laptop.capturedWrite { db in
            try db.execute(sql: "UPDATE procedure SET state = 'decided', decidedBy = '李文华', decidedAt = ?, clock = ? WHERE householdID = ?",
                           arguments: [HouseholdStore.timestamp(), try laptop.tick(db), id.uuidString.lowercased()])
        }
        let outcome = try f.importing(try f.export(laptop), into: hub)
        let hid = id.uuidString.lowercased()
        #expect(outcome == .rejected(.procedureNotDecidable(household: hid, year: 2020, .missingStep(ProcedureStep(.consent)))))
        if case .rejected(let r) = outcome {
            #expect(r.message(.zh) == "数据包把户 \(hid) 的2020年程序定为已确定，但按本库标准不能确定：程序不完整：还没有记录“本户认可签字”")
        }
        #expect(try hub.households().isEmpty)
    }
}
