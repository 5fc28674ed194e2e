import Foundation
import GRDB
import Store
import Survey
import TestSupport
import Testing

/// The trust boundary as a person meets it: `hufang bundle import` of a correctly signed bundle that
/// carries what its signer may not write exits 1 with a line naming the table and row, and the store's
/// `sqlite3 .dump` is the same before and after; a held bundle refused later gets its own line while the
/// bundle that released it counts as applied, and `hufang bundle held` lists it.
@Suite struct TrustBoundaryCommandTests {
    let dir: String
    let laptopPath: String, hubPath: String

    init() throws {
        dir = try BundleCommandTests.folder()
        laptopPath = dir + "/laptop.sqlite"; hubPath = dir + "/hub.sqlite"
        try BundleCommandTests.initStore(laptopPath)
        try BundleCommandTests.initStore(hubPath)
        try BundleCommandTests.trust(hubPath, laptopPath)
        try BundleCommandTests.household(try HouseholdStore(path: laptopPath), no: 1, members: 2)
        let export = try HufangBinary.run(["bundle", "export", "--db", laptopPath, "--out", dir + "/usb", "--who", "李文华"])
        #expect(export.status == 0, "\(export)")
        let first = try HufangBinary.run(["bundle", "import", "--db", hubPath, "--screens", HufangBinary.screens] + (try BundleCommandTests.zips(dir + "/usb")))
        #expect(first.status == 0 && first.out.contains("已应用"), "\(first)")
    }

    func forge() throws -> BundleForge {
        BundleForge(signer: try HouseholdStore(path: laptopPath), receiver: try HouseholdStore(path: hubPath), questionnaire: BundleCommandTests.questionnaire)
    }

    func importing(_ bundle: Data, _ name: String, lang: String = "zh") throws -> (status: Int32, out: String, err: String) {
        let file = dir + "/" + name
        try bundle.write(to: URL(fileURLWithPath: file))
        return try HufangBinary.run(["bundle", "import", "--db", hubPath, "--screens", HufangBinary.screens, "--lang", lang, file])
    }

    @Test func aSignedBundleWritingTheDeviceTableExitsOneAndChangesNothing() throws {
        let forge = try forge()
        let stranger = "0123456789abcdef0123456789abcdef"
        let changes = try forge.changeset(tables: ["device"], """
            INSERT INTO device (id, name, createdAt, isSelf, lastClock, publicKey, fingerprint, trustedAt) VALUES (?, 'x', 'x', 0, '', 'k', 'f', 'x')
            """, [stranger])
        let before = try ExportGuardTests.dump(hubPath)
        let r = try importing(try forge.bundle(changes), "device.zip", lang: "en")
        #expect(r.status == 1, "\(r)")
        #expect(r.out.contains("rejected: change 1 (table “device”): this table belongs to the store itself"), "\(r)")
        #expect(try ExportGuardTests.dump(hubPath) == before)
    }

    @Test func aSignedBundleWithAValueOutsideItsCodeListExitsOneAndNamesTheHouseholdAndQuestion() throws {
        let forge = try forge()
        let household = try #require(try forge.receiver.pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM household") })
        let changes = try forge.changeset("""
            INSERT INTO answer (householdID, rowID, question, type, value, who, at, clock) VALUES (?, '', 'household_type', 'code', '999', '李文华', ?, ?)
            """, [household, "2020-11-20T08:00:00.000Z", forge.clock])
        let before = try ExportGuardTests.dump(hubPath)
        let r = try importing(try forge.bundle(changes), "code.zip")
        #expect(r.status == 1, "\(r)")
        #expect(r.out.contains("拒收") && r.out.contains(household.prefix(8)) && r.out.contains("household_type") && r.out.contains("999"), "\(r)")
        #expect(try ExportGuardTests.dump(hubPath) == before)
    }

    @Test func aHeldBundleRefusedLaterHasItsOwnLineAndTheFileThatReleasedItCountsAsApplied() throws {
        let laptop = try HouseholdStore(path: laptopPath)
        let id = try #require(UUID(uuidString: try laptop.households().first!.id))
        for area in [60.0, 70.0] {
            var iv = try laptop.interview(id, questionnaire: BundleCommandTests.questionnaire)
            try laptop.commit(try iv.answer("floor_area", .number(area)), of: iv, who: "李文华")
            #expect(try HufangBinary.run(["bundle", "export", "--db", laptopPath, "--out", dir + "/usb2", "--who", "李文华"]).status == 0)
        }
        let third = try #require(try BundleCommandTests.zips(dir + "/usb2").last)
        let held = try HufangBinary.run(["bundle", "import", "--db", hubPath, "--screens", HufangBinary.screens, "--lang", "en", third])
        #expect(held.status == 0 && held.out.contains("held: waiting for sequence 2"), "\(held)")
        // A different sequence 2, made with the laptop's key, goes in first: the held 3 no longer follows.
        let forge = try forge()
        let household = id.uuidString.lowercased()
        let forged = try forge.bundle(try forge.changeset("""
            INSERT OR REPLACE INTO answer (householdID, rowID, question, type, value, who, at, clock) VALUES (?, '', 'floor_area', 'number', '99', '李文华', ?, ?)
            """, [household, "2020-11-20T08:00:00.000Z", forge.clock]))
        let r = try importing(forged, "forged-2.zip", lang: "en")
        #expect(r.status == 0, "\(r)")
        #expect(r.out.contains("applied") && r.out.contains("; held sequence 3: rejected: fork"), "\(r)")
        let listed = try HufangBinary.run(["bundle", "held", "--db", hubPath, "--lang", "en"])
        #expect(listed.status == 0 && listed.out.contains("refused: device") && listed.out.contains("sequence 3") && listed.out.contains("fork"), "\(listed)")
    }

    @Test func aFileLargerThanAnyBundleIsRefusedUnread() throws {
        let file = dir + "/huge.zip"
        #expect(FileManager.default.createFile(atPath: file, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: UInt64(BundleLimit.fileLength + 1))
        try handle.close()
        let r = try HufangBinary.run(["bundle", "import", "--db", hubPath, "--screens", HufangBinary.screens, "--lang", "en", file])
        #expect(r.status == 1 && r.out.contains("more than the 512.0 MiB"), "\(r)")
    }
}
