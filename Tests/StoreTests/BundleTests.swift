import Foundation
import GRDB
import Testing
import Survey
import TestSupport
@testable import Store

/// Laptops and a hub exchanging bundles, all in one process: each store is its own file and device.
struct SyncFixture {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-sync-\(UUID().uuidString)").path

    func store(_ name: String) throws -> HouseholdStore {
        try HouseholdStore(path: "\(folder)/\(name).sqlite", create: true)
    }

    /// `by` accepts `from`'s bundles.
    func trust(_ by: HouseholdStore, _ from: HouseholdStore) throws {
        try by.trust(try from.writePublicKeyFile())
    }

    /// Exports `store`'s changes into the folder's outbox and returns the one bundle made.
    func export(_ store: HouseholdStore, who: String = "李文华") throws -> ExportedBundle {
        let made = try store.exportBundles(to: "\(folder)/out", enumerator: who)
        #expect(made.count == 1)
        return try #require(made.first)
    }

    /// A laptop with `households` households, a hub that trusts it, and the laptop's first bundle.
    func laptopAndHub(households: Int = 1) throws -> (laptop: HouseholdStore, hub: HouseholdStore, bundle: ExportedBundle) {
        let laptop = try store("laptop"), hub = try store("hub")
        try trust(hub, laptop)
        for (i, head) in ["王建军", "刘桂英", "陈志强"].prefix(households).enumerated() {
            _ = try Fixture.household(laptop, no: String(format: "%04d", i + 1), head: head)
        }
        return (laptop, hub, try export(laptop))
    }

    func bytes(_ b: ExportedBundle) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: b.path)) }

    func importing(_ b: ExportedBundle, into store: HouseholdStore) throws -> ImportOutcome {
        try store.importBundle(try bytes(b), fileName: b.path, questionnaire: Fixture.questionnaire)
    }

    /// The stored answer text of one field.
    static func answer(_ store: HouseholdStore, _ hid: UUID, row: UUID? = nil, _ question: String) throws -> String? {
        try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM answer WHERE householdID = ? AND rowID = ? AND question = ?",
                                arguments: [hid.uuidString.lowercased(), row?.uuidString.lowercased() ?? "", question])
        }
    }

    /// Row counts of every table, a cheap check that nothing at all changed.
    static func counts(_ store: HouseholdStore) throws -> [Int] {
        try store.pool.read { db in
            try ["household", "rosterRow", "answer", "audit", "override", "bundleIn", "heldBundle", "conflict", "resolution", "outbox"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0
            }
        }
    }
}

@Suite struct BundleTests {
    @Test func aLaptopsHouseholdsArriveAtTheHubExactly() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), hub = try f.store("hub")
        try f.trust(hub, laptop)
        var a = try Fixture.household(laptop, no: "0001", head: "王建军")
        _ = try Fixture.household(laptop, no: "0002", head: "刘桂英")
        try laptop.commit(try a.answer("phone", .text("13800000000")), of: a, who: "李文华")
        try laptop.setStatus(a.householdID, to: .complete, who: "李文华")
        let bundle = try f.export(laptop)
        #expect(bundle.sequence == 1 && bundle.changes > 20)
        #expect(try laptop.outboxCount() == 0)
        guard case .applied(let n, 0, []) = try f.importing(bundle, into: hub) else { Issue.record("not applied"); return }
        #expect(n == bundle.changes)
        #expect(try hub.exportJSON() == laptop.exportJSON())
        // Applied changes are not captured again: the hub has nothing of its own to send.
        #expect(try hub.outboxCount() == 0)
        // Nothing new: nothing is written. Moving about a household is local and adds nothing either.
        a.position = Position(section: 0, row: nil, question: a.questionnaire.sections[0].questions[2])
        try laptop.savePosition(of: a)
        #expect(try laptop.outboxCount() == 0)
        #expect(try laptop.exportBundles(to: "\(f.folder)/out", enumerator: "李文华").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(f.folder)/out").filter { $0.hasSuffix(".zip") }.count == 1)
        // The manifest says who, which device, which place in the chain, and what is inside.
        let manifest = try JSONDecoder().decode(BundleManifest.self, from: BundleArchive.read(f.bytes(bundle))[0])
        #expect(manifest.deviceID == laptop.deviceID && manifest.sequence == 1 && manifest.previous == "" && manifest.enumerator == "李文华")
        #expect(manifest.counts["household"]?.insert == 2 && manifest.counts["answer"]?.insert ?? 0 > 10)
        #expect(manifest.payload.encryption == "none")
    }

    @Test func aFolderThatCannotBeWrittenKeepsTheBundleForTheNextExport() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop")
        _ = try Fixture.household(laptop, no: "0001", head: "王建军")
        // A file where the folder should be: the stick is not what it seems.
        #expect(FileManager.default.createFile(atPath: f.folder + "/stick", contents: Data("x".utf8)))
        #expect(throws: BundleWriteFailure.self) { try laptop.exportBundles(to: f.folder + "/stick/usb", enumerator: "李文华") }
        #expect(try laptop.outboxCount() == 0 && laptop.exportedBundles().map(\.written) == [false])
        let retried = try laptop.exportBundles(to: f.folder + "/out", enumerator: "李文华")
        #expect(retried.map(\.sequence) == [1] && FileManager.default.fileExists(atPath: retried[0].path))
        #expect(try laptop.exportedBundles().map(\.written) == [true])
    }

    @Test func theSameBundleTwiceIsADuplicateAndChangesNothing() throws {
        let f = SyncFixture()
        let (laptop, hub, bundle) = try f.laptopAndHub()
        try expectApplied(try f.importing(bundle, into: hub))
        let before = try SyncFixture.counts(hub), json = try hub.exportJSON()
        #expect(try f.importing(bundle, into: hub) == .duplicate)
        #expect(try SyncFixture.counts(hub) == before)
        #expect(try hub.exportJSON() == json)
        // A laptop's own bundle coming back is a duplicate too.
        #expect(try f.importing(bundle, into: laptop) == .duplicate)
    }

    @Test func bundlesOutOfOrderAreHeldThenApplied() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), hub = try f.store("hub")
        try f.trust(hub, laptop)
        var iv = try Fixture.household(laptop, no: "0001", head: "王建军")
        let first = try f.export(laptop)
        try laptop.commit(try iv.answer("phone", .text("13800000001")), of: iv, who: "李文华")
        let second = try f.export(laptop)
        try laptop.commit(try iv.answer("phone", .text("13800000002")), of: iv, who: "李文华")
        let third = try f.export(laptop)
        #expect(try f.importing(third, into: hub) == .held(waitingFor: 1))
        #expect(try f.importing(second, into: hub) == .held(waitingFor: 1))
        #expect(try f.importing(third, into: hub) == .held(waitingFor: 1))
        #expect(try hub.householdCount() == 0)
        guard case .applied(_, 0, let released) = try f.importing(first, into: hub) else { Issue.record("not applied"); return }
        #expect(released.map(\.sequence) == [2, 3])
        #expect(try SyncFixture.answer(hub, iv.householdID, "phone") == "13800000002")
        #expect(try hub.heldBundles().isEmpty)
        #expect(try hub.exportJSON() == laptop.exportJSON())
    }

    @Test func aForkedSequenceIsRejected() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), hub = try f.store("hub")
        try f.trust(hub, laptop)
        let iv = try Fixture.household(laptop, no: "0001", head: "王建军")
        // A copy of the laptop (same device, same key) that goes its own way: its bundles fork the chain.
        let clonePath = "\(f.folder)/clone.sqlite"
        try laptop.pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [clonePath]) }
        try FileManager.default.copyItem(atPath: laptop.keyPath, toPath: clonePath + ".key")
        let clone = try HouseholdStore(path: clonePath)
        let a1 = try f.export(laptop)
        var cloneIV = try clone.interview(iv.householdID, questionnaire: Fixture.questionnaire)
        try clone.commit(try cloneIV.answer("phone", .text("13900000000")), of: cloneIV, who: "李文华")
        let b1 = try clone.exportBundles(to: "\(f.folder)/clone-out", enumerator: "李文华")[0]
        #expect(a1.sequence == 1 && b1.sequence == 1)
        try expectApplied(try f.importing(a1, into: hub))
        let before = try SyncFixture.counts(hub)
        #expect(try f.importing(b1, into: hub) == .rejected(.fork(sequence: 1)))
        // The next of the clone names a previous bundle the hub never applied.
        try clone.commit(try cloneIV.answer("phone", .text("13900000001")), of: cloneIV, who: "李文华")
        let b2 = try clone.exportBundles(to: "\(f.folder)/clone-out", enumerator: "李文华")[0]
        #expect(try f.importing(b2, into: hub) == .rejected(.fork(sequence: 2)))
        #expect(try SyncFixture.counts(hub) == before)
    }

    @Test func aThousandFlippedBytesAreEachRejectedAndTheStoreIsUnchanged() throws {
        let f = SyncFixture()
        let (_, hub, bundle) = try f.laptopAndHub(households: 2)
        let good = try f.bytes(bundle)
        let before = try SyncFixture.counts(hub), json = try hub.exportJSON()
        var rng = SplitMix64(seed: 20261123)
        var reasons: [String: Int] = [:]
        // 1,000 different positions, spread over the whole file: headers, manifest, signature, payload, directory.
        #expect(good.count > 2_000)
        let positions = Array(0..<good.count).shuffled(using: &rng).prefix(1_000)
        for at in positions {
            var bad = good
            bad[bad.startIndex + at] ^= UInt8(1 + rng.next() % 255)
            let outcome = try hub.importBundle(bad, fileName: "flipped.zip", questionnaire: Fixture.questionnaire)
            guard case .rejected(let why) = outcome else {
                Issue.record("a flip at byte \(at) of \(good.count) was not rejected: \(outcome)")
                continue
            }
            reasons["\(why)".prefix(while: { $0 != "(" }).description, default: 0] += 1
        }
        #expect(try SyncFixture.counts(hub) == before)
        #expect(try hub.exportJSON() == json)
        print("1,000 flipped bundles of \(good.count) bytes, rejected as:", reasons.sorted { $0.key < $1.key })
        // The untouched file still goes in.
        try expectApplied(try hub.importBundle(good, fileName: "good.zip", questionnaire: Fixture.questionnaire))
    }

    @Test func aRepackedBundleWithAnAlteredManifestSignatureOrPayloadIsRejected() throws {
        let f = SyncFixture()
        let (_, hub, bundle) = try f.laptopAndHub()
        let entries = try BundleArchive.read(try f.bytes(bundle))
        // Someone who rebuilds a tidy ZIP gets past the file checks, but not past the signature and the hashes.
        var manifest = try JSONDecoder().decode(BundleManifest.self, from: entries[0])
        manifest.enumerator = "冒名者"
        var payload = entries[2]
        payload[payload.startIndex + payload.count / 2] ^= 1
        var signature = entries[1]
        signature[signature.startIndex] ^= 1
        for (files, expected) in [([manifest.encoded(), entries[1], entries[2]], BundleRejection.badSignature),
                                  ([entries[0], signature, entries[2]], .badSignature),
                                  ([entries[0], entries[1], payload], .payloadDamaged),
                                  ([entries[0], entries[1], entries[2] + Data([0])], .payloadDamaged)] {
            #expect(try hub.importBundle(BundleArchive.write(files), fileName: "repacked.zip", questionnaire: nil) == .rejected(expected))
        }
        try expectApplied(try hub.importBundle(BundleArchive.write(entries), fileName: "same.zip", questionnaire: nil))
    }

    @Test func truncatedAndEmptyFilesAreRejected() throws {
        let f = SyncFixture()
        let (_, hub, bundle) = try f.laptopAndHub()
        let good = try f.bytes(bundle)
        #expect(try hub.importBundle(Data(), fileName: "empty.zip", questionnaire: nil) == .rejected(.empty))
        for cut in [1, 21, 30, good.count / 2, good.count - 22, good.count - 1] {
            #expect(try hub.importBundle(good.prefix(cut), fileName: "cut.zip", questionnaire: nil) == .rejected(.truncated), "cut at \(cut)")
        }
        #expect(try hub.importBundle(Data("not a bundle".utf8), fileName: "x.zip", questionnaire: nil) == .rejected(.damaged))
        #expect(try hub.householdCount() == 0)
    }

    @Test func untrustedAndRevokedDevicesAreRejected() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), hub = try f.store("hub"), stranger = try f.store("stranger")
        var iv = try Fixture.household(laptop, no: "0001", head: "王建军")
        let first = try f.export(laptop)
        #expect(try f.importing(first, into: stranger) == .rejected(.untrustedDevice(device: laptop.deviceID, keyID: try laptop.device().fingerprint)))
        try f.trust(hub, laptop)
        try expectApplied(try f.importing(first, into: hub))
        // Lost laptop: revoked from the next sequence; what already arrived stays.
        let (_, from) = try hub.revoke(String(laptop.deviceID.prefix(8)))
        #expect(from == 2)
        try laptop.commit(try iv.answer("phone", .text("13800000001")), of: iv, who: "李文华")
        let second = try f.export(laptop)
        #expect(try f.importing(second, into: hub) == .rejected(.revoked(device: laptop.deviceID, from: 2)))
        #expect(try hub.householdCount() == 1)
        #expect(try SyncFixture.answer(hub, iv.householdID, "phone") == nil)
        // Revoked from sequence 1 on: nothing of it is accepted.
        let other = try f.store("other")
        try f.trust(other, laptop)
        _ = try other.revoke(laptop.deviceID, fromSequence: 1)
        #expect(try f.importing(first, into: other) == .rejected(.revoked(device: laptop.deviceID, from: 1)))
        // A key file whose device is already trusted with another key is refused.
        var forged = try laptop.writePublicKeyFile()
        forged.publicKey = try stranger.writePublicKeyFile().publicKey
        #expect(throws: TrustProblem.differentKey(device: laptop.deviceID)) { try hub.trust(forged) }
    }

    @Test func aSchemaMismatchIsRejected() throws {
        let f = SyncFixture()
        let (_, hub, bundle) = try f.laptopAndHub()
        try hub.pool.write { db in try db.execute(sql: "ALTER TABLE answer ADD COLUMN note TEXT") }
        guard case .rejected(.schemaMismatch) = try f.importing(bundle, into: hub) else { Issue.record("not a schema mismatch"); return }
        #expect(try hub.householdCount() == 0)
    }

    @Test func encryptedToTheCountyKeyOnlyTheHubCanRead() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), hub = try f.store("hub"), township = try f.store("township")
        try FileManager.default.createDirectory(atPath: f.folder + "/keys", withIntermediateDirectories: true)
        let made = try CountyKey.create(prefix: f.folder + "/keys/county")
        _ = try laptop.setCountyKey(try #require(CountyKey.read(made.publicPath)))
        _ = try hub.setCountyKey(try #require(CountyKey.read(made.privatePath)))
        for s in [hub, township] { try f.trust(s, laptop) }
        _ = try Fixture.household(laptop, no: "0001", head: "王建军")
        let bundle = try f.export(laptop)
        #expect(bundle.encrypted)
        // The payload is sealed: without the key it does not even inflate; with it, the names are there.
        let entries = try BundleArchive.read(try f.bytes(bundle))
        let manifest = try JSONDecoder().decode(BundleManifest.self, from: entries[0])
        #expect(manifest.payload.encryption == BundleManifest.hpke && manifest.payload.recipientKeyID == made.fingerprint)
        #expect(Deflate.decompress(entries[2], length: manifest.payload.plainLength) == nil)
        guard case .privateKey(let countyKey)? = CountyKey.read(made.privatePath) else { Issue.record("no county key"); return }
        let opened = try CountyKey.open(entries[2], encapsulatedKey: try #require(Data(base64Encoded: manifest.payload.encapsulatedKey ?? "")),
                                        privateKey: countyKey, bundleID: manifest.bundleID)
        let changeset = try #require(Deflate.decompress(opened, length: manifest.payload.plainLength))
        #expect(changeset.range(of: Data("王建军".utf8)) != nil)
        #expect(try f.importing(bundle, into: township) == .rejected(.noCountyKey))
        #expect(try township.householdCount() == 0)
        // A store with some other county key cannot open it either.
        let wrong = try CountyKey.create(prefix: f.folder + "/keys/wrong")
        let other = try f.store("other")
        try f.trust(other, laptop)
        _ = try other.setCountyKey(try #require(CountyKey.read(wrong.privatePath)))
        #expect(try f.importing(bundle, into: other) == .rejected(.cannotDecrypt))
        guard case .applied = try f.importing(bundle, into: hub) else { Issue.record("the hub could not open it"); return }
        #expect(try hub.exportJSON() == laptop.exportJSON())
    }
}

@Suite struct ConflictTests {
    /// Two laptops holding the same household (B got it through A's first bundle) and a hub with both.
    struct TwoLaptops {
        let f = SyncFixture()
        let a: HouseholdStore, b: HouseholdStore, hub: HouseholdStore
        var ivA: Interview, ivB: Interview

        init() throws {
            a = try f.store("a"); b = try f.store("b"); hub = try f.store("hub")
            for (x, y) in [(hub, a), (hub, b), (b, a), (a, hub), (b, hub)] { try f.trust(x, y) }
            ivA = try Fixture.household(a, no: "0001", head: "王建军")
            let first = try f.export(a)
            for s in [hub, b] { guard case .applied = try f.importing(first, into: s) else { throw StoreError.unknownHousehold("first") } }
            ivB = try b.interview(ivA.householdID, questionnaire: Fixture.questionnaire)
        }
    }

    @Test func theSameFieldChangedOnTwoLaptopsIsOneConflictWithBothValues() throws {
        var t = try TwoLaptops()
        try t.a.commit(try t.ivA.answer("phone", .text("13800000001")), of: t.ivA, who: "李文华")
        try t.b.commit(try t.ivB.answer("phone", .text("13900000002")), of: t.ivB, who: "赵小红")
        let fromA = try t.f.export(t.a), fromB = try t.f.export(t.b, who: "赵小红")
        guard case .applied(_, 0, _) = try t.f.importing(fromA, into: t.hub) else { Issue.record("A not applied"); return }
        guard case .applied(_, 1, _) = try t.f.importing(fromB, into: t.hub) else { Issue.record("B did not give one conflict"); return }
        let conflicts = try t.hub.conflicts()
        #expect(conflicts.count == 1)
        let c = try #require(conflicts.first)
        #expect(c.kind == .answer && c.field == "phone" && c.householdID == t.ivA.householdID.uuidString.lowercased())
        #expect(c.mineValue == "text:13800000001" && c.mineWho == "李文华")
        #expect(c.theirsValue == "text:13900000002" && c.theirsWho == "赵小红" && c.theirsDevice == t.b.deviceID)
        #expect(!c.mineAt.isEmpty && !c.theirsAt.isEmpty)
        // Outside the store the sides are values, not the stored text.
        #expect(c.rowID == nil && c.mine == .answer(.text("13800000001")) && c.theirs == .answer(.text("13900000002")) && c.resolved == nil)
        // Never last-writer-wins: the hub keeps its value until a person decides.
        #expect(try SyncFixture.answer(t.hub, t.ivA.householdID, "phone") == "13800000001")
        // The same bundle again adds nothing; nor does a re-sent conflict.
        #expect(try t.f.importing(fromB, into: t.hub) == .duplicate)
        #expect(try t.hub.conflicts().count == 1)
    }

    @Test func differentFieldsOfOneHouseholdMergeWithoutAConflict() throws {
        var t = try TwoLaptops()
        try t.a.commit(try t.ivA.answer("phone", .text("13800000001")), of: t.ivA, who: "李文华")
        try t.b.commit(try t.ivB.answer("group_name", .text("三组")), of: t.ivB, who: "赵小红")
        let (row, added) = try t.ivB.addRow("members")
        try t.b.commit(added, of: t.ivB, who: "赵小红")
        try t.b.commit(try t.ivB.answer("name", row: row, .text("王小明")), of: t.ivB, who: "赵小红")
        for bundle in [try t.f.export(t.a), try t.f.export(t.b, who: "赵小红")] {
            guard case .applied(_, 0, _) = try t.f.importing(bundle, into: t.hub) else { Issue.record("not applied without conflict"); return }
        }
        #expect(try t.hub.conflicts().isEmpty)
        let hid = t.ivA.householdID
        #expect(try SyncFixture.answer(t.hub, hid, "phone") == "13800000001")
        #expect(try SyncFixture.answer(t.hub, hid, "group_name") == "三组")
        #expect(try SyncFixture.answer(t.hub, hid, row: row, "name") == "王小明")
        // The listing fields are worked out from the merged answers, not taken from either side.
        let merged = try t.hub.interview(hid, questionnaire: Fixture.questionnaire)
        let listed = try #require(try t.hub.households().first)
        #expect(listed.answered == merged.completeness.answered && listed.groupName == "三组")
        #expect(listed.answered > (try t.a.households().first?.answered ?? 0))
    }

    @Test func aResolutionTravelsBackToBothLaptopsInTheHubsBundle() throws {
        var t = try TwoLaptops()
        try t.a.commit(try t.ivA.answer("phone", .text("13800000001")), of: t.ivA, who: "李文华")
        try t.b.commit(try t.ivB.answer("phone", .text("13900000002")), of: t.ivB, who: "赵小红")
        _ = try t.f.importing(try t.f.export(t.a), into: t.hub)
        _ = try t.f.importing(try t.f.export(t.b, who: "赵小红"), into: t.hub)
        let c = try #require(try t.hub.conflicts().first)
        #expect(throws: ConflictProblem.unknown("zz")) { try t.hub.resolveConflict("zz", take: .mine, who: "x", questionnaire: nil) }
        try t.hub.resolveConflict(String(c.id.prefix(8)), take: .theirs, who: "乡镇审核员", questionnaire: Fixture.questionnaire)
        #expect(try t.hub.conflicts().isEmpty)
        #expect(try t.hub.conflicts(all: true).first?.resolvedValue == "text:13900000002")
        #expect(try t.hub.conflicts(all: true).first?.resolved == .answer(.text("13900000002")))
        #expect(throws: ConflictProblem.alreadyResolved(c.id)) { try t.hub.resolveConflict(c.id, take: .mine, who: "x", questionnaire: nil) }
        let back = try t.f.export(t.hub, who: "乡镇审核员")
        for laptop in [t.a, t.b] {
            guard case .applied(_, 0, _) = try t.f.importing(back, into: laptop) else { Issue.record("the resolution raised a conflict"); return }
            #expect(try SyncFixture.answer(laptop, t.ivA.householdID, "phone") == "13900000002")
            #expect(try laptop.conflicts().isEmpty)
            // Applied, not captured again: nothing goes back round.
            #expect(try laptop.outboxCount() == 0)
        }
        // A later change on a laptop applies cleanly at the hub.
        var ivA = try t.a.interview(t.ivA.householdID, questionnaire: Fixture.questionnaire)
        try t.a.commit(try ivA.answer("phone", .text("13700000003")), of: ivA, who: "李文华")
        guard case .applied(_, 0, _) = try t.f.importing(try t.f.export(t.a), into: t.hub) else { Issue.record("later change conflicted"); return }
        #expect(try SyncFixture.answer(t.hub, t.ivA.householdID, "phone") == "13700000003")
    }

    @Test func aTypedValueMustFitTheFieldsType() throws {
        var t = try TwoLaptops()
        let row = t.ivA.rows("members")[0]
        try t.a.commit(try t.ivA.answer("relation", row: row, .code(2)), of: t.ivA, who: "李文华")
        try t.b.commit(try t.ivB.answer("relation", row: row, .code(3)), of: t.ivB, who: "赵小红")
        _ = try t.f.importing(try t.f.export(t.a), into: t.hub)
        _ = try t.f.importing(try t.f.export(t.b), into: t.hub)
        let c = try #require(try t.hub.conflicts().first)
        #expect(c.rowID == row && c.mine == .answer(.code(2)) && c.theirs == .answer(.code(3)) && c.theirs.typedText == "3")
        #expect(throws: ConflictProblem.badValue("户主", type: "code")) { try t.hub.resolveConflict(c.id, take: .value("户主"), who: "x", questionnaire: nil) }
        try t.hub.resolveConflict(c.id, take: .value("1"), who: "乡镇审核员", questionnaire: Fixture.questionnaire)
        #expect(try SyncFixture.answer(t.hub, t.ivA.householdID, row: row, "relation") == "1")
    }
}
