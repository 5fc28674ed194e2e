import Foundation
import ProjectFolders
import Testing

/// How a command ends when it cannot do its work: a wrong argument is refused by `validate()` with the usage
/// (exit 64), a failure while working prints only its message (exit 1), a missing shipped folder says where it
/// was looked for (exit 2).
@Suite struct ExitCodeTests {
    static func store() throws -> (dir: String, db: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-exit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let db = dir + "/s.sqlite"
        let made = try HufangBinary.run(["init", "--db", db])
        #expect(made.status == 0, "\(made.err)")
        return (dir, db)
    }

    @Test func aHouseholdIDThatIsNoUUIDIsRefusedBeforeTheStoreIsOpenedInTheUsersLanguage() throws {
        let (dir, db) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let zh = try HufangBinary.run(["export", "json", "--db", db, "--household", "abc"])
        #expect(zh.status == 64, "\(zh)")
        #expect(zh.err.contains("--household 应为完整的户ID（UUID）：abc") && zh.err.contains("Usage: hufang export json"), "\(zh.err)")
        #expect(zh.out.isEmpty)
        let en = try HufangBinary.run(["export", "json", "--db", dir + "/none.sqlite", "--household", "abc", "--lang", "en"])
        #expect(en.status == 64 && en.err.contains("--household is a whole household id (a UUID): abc"), "\(en)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/none.sqlite"))
    }

    @Test func aFailureWhileWorkingPrintsItsMessageAloneAndExitsOne() throws {
        let (dir, db) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = UUID().uuidString
        let r = try HufangBinary.run(["export", "json", "--db", db, "--household", id])
        #expect(r.status == 1, "\(r)")
        #expect(r.err.hasPrefix("没有这一户") && r.err.contains(id) && !r.err.contains("Error:") && !r.err.contains("Usage:"), "\(r.err)")
        #expect(r.out.isEmpty)
    }

    @Test func aMissingSampleDataFolderSaysWhereItLookedAndLeavesNoStore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-exit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/s.sqlite"
        let r = try HufangBinary.run(["init", "--db", db, "--sample", "--sample-data", "/nonexistent/sample-data"])
        #expect(r.status == 2, "\(r)")
        #expect(r.err.contains("找不到示例数据目录 (sample data folder not found): /nonexistent/sample-data"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: db) && !FileManager.default.fileExists(atPath: db + ".key"))
    }

    @Test func anInstalledBinaryWithoutSampleDataNamesEveryPlaceItLooked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-exit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("bin"), work = dir.appendingPathComponent("work")
        for d in [bin, work] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        try HufangBinary.copy(to: bin.appendingPathComponent("hufang"))
        let r = try HufangBinary.launchCopy(bin.appendingPathComponent("hufang"), ["init", "--db", dir.path + "/s.sqlite", "--sample", "--screens", HufangBinary.screens],
                                        in: work)
        #expect(r.status == 2, "\(r)")
        let places = [work.path + "/sample-data", dir.path + "/share/hufang/sample-data", dir.deletingLastPathComponent().path + "/sample-data"]
        #expect(r.err.contains("找不到示例数据目录 (sample data folder not found): " + places.joined(separator: ", ")), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/s.sqlite"))
    }

    @Test func theSampleIsLoadedFromTheSampleDataFolderGiven() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-exit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A folder holding only the first household of the sample village: init loads what the folder holds.
        let village = try JSONSerialization.jsonObject(with: Data(contentsOf: Project.sampleVillage)) as! [String: Any]
        var one = village
        one["households"] = Array((village["households"] as! [Any]).prefix(1))
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: one).write(to: URL(fileURLWithPath: dir + "/data/sample-village.json"))
        let r = try HufangBinary.run(["init", "--db", dir + "/s.sqlite", "--sample", "--sample-data", dir + "/data", "--lang", "en"])
        #expect(r.status == 0 && r.out.contains("loaded 1 sample households"), "\(r)")
    }
}
