import Crypto
import Foundation
import GRDB
import Survey
import TestSupport
import Testing
@testable import Store

/// A test county: the authority, three enumerators with two villages each, a township supervisor, and no
/// device trusted by hand. Stores accept what the county vouches for, and refuse, unchanged, what it does not.
struct TestCounty {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-county-\(UUID().uuidString)").path
    let authority: CountyAuthority
    static let villages = [["622922100201", "622922100202"], ["622922100203", "622922100204"], ["622922100205", "622922100206"]]
    static let township = "622922100"

    init(id: String = "622922") throws {
        authority = try CountyAuthority.create(in: folder + "/county-\(id)-\(UUID().uuidString.prefix(4))", countyID: id, name: "测试县")
    }

    /// A new store enrolled with `role` for `scope`, trusting this county only.
    func device(_ name: String, _ role: DeviceRole, _ scope: [String], validUntil: Day = Day(year: 2099, month: 12, day: 31)!) throws -> HouseholdStore {
        let store = try HouseholdStore(path: "\(folder)/\(name)-\(UUID().uuidString.prefix(4)).sqlite", create: true)
        try store.trustCounty(authority.identity)
        let (signed, _, _) = try authority.enrol(try store.writePublicKeyFile(), role: role, scope: scope, name: name, validUntil: validUntil)
        try store.enrol(signed)
        return store
    }

    func export(_ store: HouseholdStore) throws -> Data {
        let made = try store.exportBundles(to: folder + "/usb-\(UUID().uuidString.prefix(4))", enumerator: "李文华")
        guard made.count == 1 else { throw SupportFailure("expected one bundle, made \(made.count)") }
        return try Data(contentsOf: URL(fileURLWithPath: made[0].path))
    }

    /// Imports and requires a refusal as `expected`, with the receiver's every table unchanged.
    func refused(_ bundle: Data, into store: HouseholdStore, _ expected: (BundleRejection) -> Bool,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let before = try StoreDump.of(store)
        let outcome = try store.importBundle(bundle, fileName: "b.zip", questionnaire: Fixture.questionnaire)
        guard case .rejected(let rejection) = outcome else { Issue.record("not refused: \(outcome)", sourceLocation: sourceLocation); return }
        #expect(expected(rejection), "\(rejection)", sourceLocation: sourceLocation)
        #expect(!rejection.message(.zh).isEmpty && !rejection.message(.en).isEmpty, sourceLocation: sourceLocation)
        #expect(try StoreDump.of(store) == before, "the store changed", sourceLocation: sourceLocation)
    }
}

@Suite struct EnrolmentTests {
    let county: TestCounty
    let enumerators: [HouseholdStore]
    let supervisor: HouseholdStore

    init() throws {
        let county = try TestCounty()
        self.county = county
        enumerators = try TestCounty.villages.enumerated().map { i, v in try county.device("调查员\(i + 1)", .enumerator, v) }
        supervisor = try county.device("乡镇审核员", .supervisor, [TestCounty.township])
    }

    func household(_ store: HouseholdStore, village: String, no: String = "0001") throws -> Interview {
        try Fixture.household(store, no: no, head: "王建军", village: village)
    }

    @Test func bundlesFlowLaptopToSupervisorAndBackWithCertificatesOnly() throws {
        var ids: [UUID] = []
        for (i, laptop) in enumerators.enumerated() {
            ids.append(try household(laptop, village: TestCounty.villages[i][1], no: "000\(i + 1)").householdID)
            try expectApplied(try supervisor.importBundle(try county.export(laptop), fileName: "l\(i).zip", questionnaire: Fixture.questionnaire))
        }
        #expect(try supervisor.householdCount() == 3)
        #expect(try supervisor.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM device WHERE trustedAt IS NOT NULL") } == 0)
        try supervisor.sendBack(ids[0], reason: "收入有误", who: "乡镇审核员")
        try supervisor.approve(ids[1], who: "乡镇审核员")
        let decisions = try county.export(supervisor)
        for laptop in enumerators { try expectApplied(try laptop.importBundle(decisions, fileName: "s.zip", questionnaire: Fixture.questionnaire)) }
        #expect(try enumerators[0].household(ids[0]).status == .sentBack)
        #expect(try enumerators[1].household(ids[1]).status == .approved)
        // Who sent what is known by person and device.
        let sources = try supervisor.householdSources()
        #expect(sources[ids[2].uuidString.lowercased()]?.person == "调查员3")
        #expect(sources[ids[2].uuidString.lowercased()]?.role == .enumerator)
        #expect(try supervisor.knownCertificates().count == 4)
    }

    @Test func anEnumeratorsHouseholdOutsideItsVillagesIsRefused() throws {
        let outside = try household(enumerators[0], village: TestCounty.villages[1][0])
        try county.refused(try county.export(enumerators[0]), into: supervisor) {
            guard case .refusedChange(let c) = $0 else { return false }
            return c.reason == .outOfScope(village: TestCounty.villages[1][0]) && c.household == outside.householdID.uuidString.lowercased()
        }
    }

    @Test func anEnumeratorCannotMoveAHouseholdOutOfItsVillages() throws {
        var iv = try household(enumerators[0], village: TestCounty.villages[0][0])
        try expectApplied(try supervisor.importBundle(try county.export(enumerators[0]), fileName: "a.zip", questionnaire: Fixture.questionnaire))
        try enumerators[0].commit(try iv.answer("village_code", .text("622922100299")), of: iv, who: "调查员1")
        try county.refused(try county.export(enumerators[0]), into: supervisor) {
            if case .refusedChange(let c) = $0 { return c.reason == .outOfScope(village: "622922100299") } else { return false }
        }
    }

    @Test func aSupervisorsReviewOutsideItsTownshipIsRefused() throws {
        let other = try county.device("邻乡审核员", .supervisor, ["622922101"])
        let iv = try household(enumerators[0], village: TestCounty.villages[0][0])
        let interviews = try county.export(enumerators[0])
        // The neighbouring township's supervisor receives the bundle (anyone may relay it) and approves.
        try expectApplied(try other.importBundle(interviews, fileName: "e.zip", questionnaire: Fixture.questionnaire))
        try expectApplied(try supervisor.importBundle(interviews, fileName: "e.zip", questionnaire: Fixture.questionnaire))
        try other.approve(iv.householdID, who: "邻乡审核员")
        try county.refused(try county.export(other), into: supervisor) {
            if case .refusedChange(let c) = $0 { return c.reason == .outOfScope(village: TestCounty.villages[0][0]) } else { return false }
        }
    }

    @Test func anEnumeratorsBundleCarryingAReviewIsRefused() throws {
        let iv = try household(enumerators[0], village: TestCounty.villages[0][0])
        try enumerators[0].approve(iv.householdID, who: "调查员1")
        try county.refused(try county.export(enumerators[0]), into: supervisor) {
            if case .refusedChange(let c) = $0 { return c.reason == .role("enumerator") } else { return false }
        }
    }

    @Test func theHubRelaysAndWritesNothingOfItsOwn() throws {
        let hub = try county.device("县级中心", .hub, ["622922"])
        _ = try household(hub, village: TestCounty.villages[0][0])
        try county.refused(try county.export(hub), into: supervisor) {
            if case .refusedChange(let c) = $0 { return c.reason == .role("hub") } else { return false }
        }
    }

    @Test func aCertificateSignedByAnotherCountyIsRefused() throws {
        // The same county code, other keys: someone who made their own "county".
        let impostor = try TestCounty()
        let laptop = try impostor.device("冒名者", .enumerator, TestCounty.villages[0])
        _ = try household(laptop, village: TestCounty.villages[0][0])
        try county.refused(try impostor.export(laptop), into: supervisor) { $0 == .certificateNotFromCounty(device: laptop.deviceID) }
        // And a store of one county will not trust another.
        let neighbour = try TestCounty(id: "622923")
        #expect(throws: EnrolmentProblem.otherCounty(expected: "622922", got: "622923")) { try supervisor.trustCounty(neighbour.authority.identity) }
    }

    @Test func anExpiredCertificateIsRefused() throws {
        let laptop = enumerators[0]
        // Certified until yesterday (the authority itself refuses to issue that: signed here by hand).
        var certificate = try #require(try laptop.ownCertificate())
        certificate.serial = UUID().uuidString.lowercased()
        certificate.validUntil = Day(year: 2020, month: 1, day: 1)!.description
        let signed = try CountySigned.sign(certificate, kind: CountySigned.certificateKind, with: county.authority.signingKey)
        #expect(throws: EnrolmentProblem.expired("2020-01-01")) { try laptop.enrol(signed) }
        try laptop.pool.write { db in
            try db.execute(sql: "UPDATE certificate SET isOwn = 0")
            try HouseholdStore.record(certificate, signed, isOwn: true, db)
        }
        _ = try household(laptop, village: TestCounty.villages[0][0])
        try county.refused(try county.export(laptop), into: supervisor) { $0 == .certificateExpired(device: laptop.deviceID, on: "2020-01-01") }
    }

    @Test func aRevokedDeviceIsRefusedFromItsCutOffAndAcceptedBeforeIt() throws {
        let laptop = enumerators[0]
        var iv = try household(laptop, village: TestCounty.villages[0][0])
        let first = try county.export(laptop)
        try laptop.commit(try iv.answer("floor_area", .number(80)), of: iv, who: "调查员1")
        let second = try county.export(laptop)
        // The laptop is lost after its first bundle reached the county.
        let (signed, list) = try county.authority.revoke(device: laptop.deviceID, key: nil, fromSequence: 2, reason: "笔记本遗失")
        #expect(list.number == 1)
        try supervisor.installRevocations(signed)
        try expectApplied(try supervisor.importBundle(first, fileName: "1.zip", questionnaire: Fixture.questionnaire))
        try county.refused(second, into: supervisor) { $0 == .revoked(device: laptop.deviceID, from: 2) }
        #expect(try supervisor.knownCertificates().contains { $0.certificate.deviceID == laptop.deviceID && $0.state == .revoked(fromSequence: 2, reason: "笔记本遗失") })
    }

    @Test func theRevocationListTravelsInBundlesAndAnOlderOneIsRefused() throws {
        let (one, _) = try county.authority.revoke(device: "0000dead", key: nil, fromSequence: 1, reason: "测试")
        let (two, _) = try county.authority.revoke(device: "0000beef", key: nil, fromSequence: 1, reason: "测试")
        try supervisor.installRevocations(two)
        let before = try StoreDump.of(supervisor)
        #expect(throws: EnrolmentProblem.olderRevocations(have: 2, got: 1)) { try supervisor.installRevocations(one) }
        #expect(try StoreDump.of(supervisor) == before)
        // The supervisor's next bundle carries list 2 to every laptop that imports it.
        let iv = try household(enumerators[1], village: TestCounty.villages[1][0])
        try expectApplied(try supervisor.importBundle(try county.export(enumerators[1]), fileName: "e.zip", questionnaire: Fixture.questionnaire))
        try supervisor.approve(iv.householdID, who: "乡镇审核员")
        try expectApplied(try enumerators[1].importBundle(try county.export(supervisor), fileName: "s.zip", questionnaire: Fixture.questionnaire))
        #expect(try enumerators[1].revocationList()?.number == 2)
    }

    /// The bundle `store` makes, with its manifest changed by `change` and signed again with the store's key.
    func resigned(_ bundle: Data, by store: HouseholdStore, _ change: (inout BundleManifest) -> Void) throws -> Data {
        let entries = try BundleArchive.read(bundle)
        var manifest = try JSONDecoder().decode(BundleManifest.self, from: entries[0])
        change(&manifest)
        let bytes = manifest.encoded()
        let key = try DeviceKey.load(from: store.keyPath)
        return BundleArchive.write([bytes, try key.privateKey.signature(for: BundleManifest.signingPrefix + bytes), entries[2]])
    }

    @Test func aCertificateThatDoesNotMatchTheSigningKeyIsRefused() throws {
        let laptop = enumerators[0]
        _ = try household(laptop, village: TestCounty.villages[0][0])
        let bundle = try county.export(laptop)
        // Another enumerator's genuine certificate, on this laptop's bundle.
        let borrowed = try #require(try enumerators[1].pool.read { db in try HouseholdStore.ownCertificate(db)?.signed })
        try county.refused(try resigned(bundle, by: laptop) { $0.certificate = borrowed }, into: supervisor) { $0 == .certificateMismatch(device: laptop.deviceID) }
        // A certificate for this device id but another key: the county was tricked into certifying a key the laptop does not hold.
        let otherKey = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation
        let (forged, _, _) = try county.authority.enrol(DevicePublicKey(deviceID: laptop.deviceID, name: "x", publicKey: otherKey), role: .enumerator,
                                                        scope: TestCounty.villages[0], name: "调查员1", validUntil: Day(year: 2099, month: 1, day: 1)!)
        try county.refused(try resigned(bundle, by: laptop) { $0.certificate = forged }, into: supervisor) { $0 == .certificateMismatch(device: laptop.deviceID) }
    }

    @Test func aRotatedKeyIsAcceptedFromItsNewCertificateAndTheOldKeyUpToItsCutOff() throws {
        let old = enumerators[0]
        var iv = try household(old, village: TestCounty.villages[0][0])
        let lastGood = try county.export(old)
        try old.commit(try iv.answer("floor_area", .number(61)), of: iv, who: "调查员1")
        let afterCutOff = try county.export(old)
        // The same person on a new laptop (a new key and device id), certified for the same villages.
        let new = try county.device("调查员1", .enumerator, TestCounty.villages[0])
        let (list, _) = try county.authority.revoke(device: old.deviceID, key: nil, fromSequence: 2, reason: "换新电脑")
        try supervisor.installRevocations(list)
        try expectApplied(try supervisor.importBundle(lastGood, fileName: "old-1.zip", questionnaire: Fixture.questionnaire))
        try county.refused(afterCutOff, into: supervisor) { $0 == .revoked(device: old.deviceID, from: 2) }
        _ = try household(new, village: TestCounty.villages[0][1], no: "0002")
        try expectApplied(try supervisor.importBundle(try county.export(new), fileName: "new-1.zip", questionnaire: Fixture.questionnaire))
        #expect(try supervisor.householdCount() == 2)
    }

    @Test func enrollingRefusesAnotherDevicesCertificateAndAnUntrustedCounty() throws {
        let signed = try #require(try enumerators[1].pool.read { db in try HouseholdStore.ownCertificate(db)?.signed })
        #expect(throws: EnrolmentProblem.notThisDevice(enumerators[1].deviceID)) { try enumerators[0].enrol(signed) }
        let bare = try HouseholdStore(path: county.folder + "/bare.sqlite", create: true)
        #expect(throws: EnrolmentProblem.noCounty) { try bare.enrol(signed) }
    }

    @Test func handMadeTrustStillWorksBetweenTwoLaptopsWithoutACounty() throws {
        let f = SyncFixture()
        let (_, hub, bundle) = try f.laptopAndHub()
        try expectApplied(try f.importing(bundle, into: hub))
    }
}
