import Foundation
import Store
import Testing

/// A store this user may only read: reading commands work and leave nothing behind; writing commands
/// say it is read-only and change nothing. The tests run as root, whom file modes never stop, so the
/// binary runs as `nobody`.
@Suite(.enabled(if: geteuid() == 0, "acting as another user (runuser, chown) needs root"))
struct ReadOnlyStoreTests {
    static let readers: [[String]] = [
        ["export", "json"], ["export", "card", "--household", "0"], ["devices"], ["dashboard"], ["conflicts"], ["review"], ["start"], ["keys", "show"],
    ]

    /// The files in a folder with their modes, to see that nothing was added or changed.
    static func listing(_ dir: String) throws -> [String: Int] {
        var modes: [String: Int] = [:]
        for f in try FileManager.default.contentsOfDirectory(atPath: dir) {
            var st = stat()
            stat(dir + "/" + f, &st)
            modes[f] = Int(st.st_mode) & 0o7777
        }
        return modes
    }

    /// A sample village made by root, in a folder of root's that `nobody` may read but not write.
    static func sampleStore() throws -> (dir: String, db: String, household: String) {
        let dir = try BundleCommandTests.folder()
        let db = dir + "/village.sqlite"
        #expect(try HufangBinary.run(["init", "--db", db, "--sample", "--screens", HufangBinary.screens]).status == 0)
        let ids = try HouseholdStore(path: db).households(limit: 1).map(\.id)
        chmod(dir, 0o755)
        return (dir, db, String(try #require(ids.first).prefix(8)))
    }

    static func reading(_ args: [String], _ household: String) -> [String] {
        args.map { $0 == "0" ? household : $0 }
    }

    @Test func readingCommandsWorkAsAnotherUserAndLeaveNothingBehind() throws {
        let (dir, db, household) = try Self.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The condition is real: nobody cannot write the store or its folder.
        let probe = try HufangBinary.launch(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "nobody", "--", "sh", "-c", "echo x >> \(db) || touch \(dir)/x"])
        #expect(probe.status != 0, "nobody could write: \(probe)")
        let before = try Self.listing(dir)
        for args in Self.readers where args != ["keys", "show"] {
            let r = try HufangBinary.run(as: "nobody", Self.reading(args, household) + ["--db", db, "--screens", HufangBinary.screens, "--lang", "en"])
            #expect(r.status == 0, "\(args): \(r.err)")
        }
        let json = try HufangBinary.run(as: "nobody", ["export", "json", "--db", db])
        #expect(try JSONDecoder().decode(HouseholdExport.self, from: Data(json.out.utf8)).households.count == 128)
        let csvOut = dir + "-csv"
        try FileManager.default.createDirectory(atPath: csvOut, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: csvOut) }
        chown(csvOut, 65534, 65534)
        let csv = try HufangBinary.run(as: "nobody", ["export", "csv", "--db", db, "--screens", HufangBinary.screens, "--out", csvOut])
        #expect(csv.status == 0 && csv.out.contains("128 行"), "\(csv)")
        #expect(try Self.listing(dir) == before, "a read-only open left files behind")
        // Writing commands say so, in the user's language, and change nothing.
        let dump = try ExportGuardTests.dump(db)
        let file = dir + "-import.json"
        try HufangBinary.run(["export", "json", "--db", db]).out.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        for (lang, says) in [("zh", "是只读的"), ("en", "is read-only")] {
            for args in [["bundle", "export", "--out", dir + "/usb"], ["import", "json", file], ["conflicts", "resolve", "x", "--take", "mine"],
                         ["devices", "revoke", "x"]] {
                let r = try HufangBinary.run(as: "nobody", args + ["--db", db, "--screens", HufangBinary.screens, "--lang", lang])
                #expect(r.status == 1 && r.err.contains(says) && r.err.contains("--db"), "\(args): \(r)")
            }
        }
        #expect(try ExportGuardTests.dump(db) == dump)
        #expect(try Self.listing(dir) == before)
    }

    @Test func aStoreMarkedReadOnlyReadsWithoutAnUnwritableShmAndWritesAgainAfterChmod() throws {
        let (dir, db, household) = try Self.sampleStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Nobody's own store and folder, marked read-only: SQLite would make a 0444 -shm beside it.
        for f in [dir, db, db + ".key"] { chown(f, 65534, 65534) }
        chmod(db, 0o444)
        let before = try Self.listing(dir)
        for args in Self.readers where args != ["keys", "show"] {
            let r = try HufangBinary.run(as: "nobody", Self.reading(args, household) + ["--db", db, "--screens", HufangBinary.screens])
            #expect(r.status == 0, "\(args): \(r.err)")
        }
        #expect(try Self.listing(dir) == before, "a read-only open left files behind")
        let refused = try HufangBinary.run(as: "nobody", ["bundle", "export", "--db", db, "--out", dir + "/usb"])
        #expect(refused.status == 1 && refused.err.contains("是只读的"), "\(refused)")
        // Root too: a file marked read-only is not written.
        let root = try HufangBinary.run(["bundle", "export", "--db", db, "--out", dir + "/usb", "--lang", "en"])
        #expect(root.status == 1 && root.err.contains("is read-only"), "\(root)")
        #expect(try Self.listing(dir) == before)
        // The leftover an older reader (here the sqlite3 tool) made: a 0444 -shm owned by nobody.
        let old = try HufangBinary.launch(URL(fileURLWithPath: "/usr/sbin/runuser"),
                                          ["-u", "nobody", "--", "/usr/bin/sqlite3", "-readonly", db, "SELECT COUNT(*) FROM household"])
        #expect(old.status == 0 && old.out.contains("128"), "\(old)")
        let shmMode = try Self.listing(dir)[(db as NSString).lastPathComponent + "-shm"]
        #expect(shmMode == 0o444, "the sqlite3 tool did not leave the 0444 -shm this test is about")
        // The owner makes it writable again: hufang writes, and the store stays writable.
        chmod(db, 0o644)
        let written = try HufangBinary.run(as: "nobody", ["bundle", "export", "--db", db, "--out", dir + "/usb"])
        #expect(written.status == 0 && written.out.hasSuffix("-000001.zip\n"), "\(written)")
        let again = try HufangBinary.run(as: "nobody", ["conflicts", "resolve", "nosuch", "--take", "mine", "--db", db, "--screens", HufangBinary.screens])
        #expect(again.status == 1 && again.err.contains("没有这条冲突"), "\(again)")
        #expect(try Self.listing(dir).filter { $0.key.hasSuffix("-shm") || $0.key.hasSuffix("-wal") }.values.allSatisfy { $0 & 0o200 != 0 })
    }
}
