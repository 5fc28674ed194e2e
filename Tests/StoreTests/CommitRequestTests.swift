import Foundation
import Testing
import SampleData
@testable import Store
import Survey

/// The commit's request is made from the counts the interview keeps, not from a pass over the household:
/// it must say what a full assessment and a walk over the answers say.
@Suite struct CommitRequestTests {
    @Test func theListingSummaryOfARequestIsWhatAFullAssessmentFinds() throws {
        let village = SampleVillage.generate(questionnaire: Fixture.questionnaire, seed: 7, households: 40)
        var failing = 0
        for iv in village {
            let summary = CommitRequest([], of: iv).summary
            let assessment = Assessment(iv)
            #expect(summary.perCapitaIncome == assessment.perCapitaNetIncome)
            #expect(summary.incomeLine == assessment.incomeLine)
            let unmet = assessment.guarantees.filter { $0.met == false }.map(\.id).joined(separator: " ")
            #expect(summary.unmetGuarantees == unmet)
            if !unmet.isEmpty { failing += 1 }
            let walked = Fixture.questionnaire.sections.indices.reduce((0, 0)) { acc, s in
                let slots = iv.slots(in: s).filter { Fixture.questionnaire.questions[$0.question].required }
                return (acc.0 + slots.filter { iv.answers[FieldKey($0.question, $0.row)] != nil }.count, acc.1 + slots.count)
            }
            #expect(summary.answered == walked.0 && summary.required == walked.1)
            #expect(summary.hardErrors == iv.problems.filter { $0.severity == .error }.count)
            #expect(summary.softOpen == iv.problems.filter { $0.severity == .warning && $0.overrideReason == nil }.count)
        }
        #expect(failing > 0, "the sample village should have households failing a guarantee")
    }

    @Test func aCommitWritesTheListingFieldsAndTheVillageAndNumberOnlyChangeWithTheirAnswers() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        var iv = try Fixture.household(store, no: "0007", head: "王建军", village: "622922100201")
        func record() throws -> HouseholdRecord { try #require(try store.households().first { $0.id == iv.householdID.uuidString.lowercased() }) }
        #expect(try record().villageCode == "622922100201")
        #expect(try record().householdNo == "0007")
        #expect(try record().headName == "王建军")
        try store.commit(try iv.answer("group_name", .text("三组")), of: iv, who: "李文华")
        var r = try record()
        #expect((r.villageCode, r.householdNo, r.groupName) == ("622922100201", "0007", "三组"))
        #expect(r.answered == iv.completeness.answered)
        try store.commit(try iv.answer("village_code", .text("622922100202")), of: iv, who: "李文华")
        try store.commit(try iv.answer("household_no", .text("0008")), of: iv, who: "李文华")
        r = try record()
        #expect((r.villageCode, r.householdNo) == ("622922100202", "0008"))
        #expect(try store.households(village: "622922100202").map(\.id) == [r.id])
        #expect(try store.households(village: "622922100201").isEmpty)
    }

    @Test func timestampsAreISO8601InUTCWithMilliseconds() {
        var rng = SplitMix64(seed: 2026)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for _ in 0..<2000 {
            // Well inside a millisecond from 1900 to 2100, so rounding and truncating both show that millisecond.
            let ms = Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &rng)
            let date = Date(timeIntervalSince1970: Double(ms) / 1000 + 0.0004)
            #expect(HouseholdStore.timestamp(date) == formatter.string(from: date), "\(ms)")
        }
    }
}
