import Foundation
import Survey
import TestSupport
import Testing
@testable import Store

/// The checks a relay runs without a household store (`EnrolledBundleCheck`, used by the county hub) are
/// the import's own: what import takes passes them, and what they refuse import refuses for the same reason.
@Suite struct EnrolledBundleCheckTests {
    let county: TestCounty
    let laptop: HouseholdStore
    let supervisor: HouseholdStore

    init() throws {
        county = try TestCounty()
        laptop = try county.device("调查员1", .enumerator, TestCounty.villages[0])
        supervisor = try county.device("乡镇审核员", .supervisor, [TestCounty.township])
    }

    /// The import's refusal of `file` by the supervisor, which must be one.
    func importRefusal(_ file: Data) throws -> BundleRejection? {
        guard case .rejected(let rejection) = try supervisor.importBundle(file, fileName: "b.zip", questionnaire: Fixture.questionnaire) else {
            return nil
        }
        return rejection
    }

    func checkRefusal(_ file: Data, revocations: RevocationList? = nil, on day: Day = .today) -> BundleRejection? {
        do throws(BundleRejection) {
            _ = try EnrolledBundleCheck.check(file, county: county.authority.identity, revocations: revocations, on: day)
            return nil
        } catch {
            return error
        }
    }

    @Test func aBundleImportTakesPassesTheCheckUnderTheHashImportRecords() throws {
        _ = try Fixture.household(laptop, no: "0001", head: "王建军", village: TestCounty.villages[0][0])
        let file = try county.export(laptop)
        let checked = try EnrolledBundleCheck.check(file, county: county.authority.identity, revocations: nil)
        try expectApplied(try supervisor.importBundle(file, fileName: "b.zip", questionnaire: Fixture.questionnaire))
        let recorded = try supervisor.pool.read { db in try String.fetchOne(db, sql: "SELECT hash FROM bundleIn") }
        #expect(checked.hash == recorded)
        #expect(checked.certificate.deviceID == laptop.deviceID)
        #expect(checked.manifest.sequence == 1)
        #expect(checked.manifest.schema == EnrolledBundleCheck.currentSchema)
    }

    @Test func whatTheCheckRefusesImportRefusesForTheSameReason() throws {
        // Another county's device.
        let stranger = try TestCounty(id: "622923").device("外县", .enumerator, ["622923100201"])
        _ = try Fixture.household(stranger, no: "0001", head: "马福", village: "622923100201")
        let foreign = try county.export(stranger)
        #expect(checkRefusal(foreign) == .certificateNotFromCounty(device: stranger.deviceID))
        #expect(try importRefusal(foreign) == checkRefusal(foreign))

        // A payload that is not the one the signed manifest states.
        _ = try Fixture.household(laptop, no: "0001", head: "王建军", village: TestCounty.villages[0][0])
        // Changes made on a copy of the laptop itself; the payload hash is checked before any change is read.
        let forge = BundleForge(signer: laptop, receiver: laptop, questionnaire: Fixture.questionnaire)
        let certificate = try #require(try laptop.pool.read { db in try HouseholdStore.ownCertificate(db)?.signed })
        let changes = try forge.changeset("UPDATE household SET householdNo = '0009'")
        let lying = try forge.bundle(changes) { $0.certificate = certificate; $0.payload.sha256 = String(repeating: "0", count: 64) }
        #expect(checkRefusal(lying) == .payloadDamaged)
        #expect(try importRefusal(lying) == .payloadDamaged)

        // Changes for another schema.
        let otherSchema = try forge.bundle(changes) { $0.certificate = certificate; $0.schema = "0123456789abcdef0123456789abcdef" }
        #expect(checkRefusal(otherSchema) == .schemaMismatch(theirs: "0123456789abcdef0123456789abcdef", ours: EnrolledBundleCheck.currentSchema))
        #expect(try importRefusal(otherSchema) == checkRefusal(otherSchema))

        // A revoked key, and a certificate past its last day.
        let file = try county.export(laptop)
        let (signed, list) = try county.authority.revoke(device: laptop.deviceID, key: nil, fromSequence: 1, reason: "丢失")
        #expect(checkRefusal(file, revocations: list) == .revoked(device: laptop.deviceID, from: 1))
        try supervisor.installRevocations(signed)
        #expect(try importRefusal(file) == checkRefusal(file, revocations: list))
        #expect(checkRefusal(file, on: Day(year: 2100, month: 1, day: 1)!) == .certificateExpired(device: laptop.deviceID, on: "2099-12-31"))
    }
}
