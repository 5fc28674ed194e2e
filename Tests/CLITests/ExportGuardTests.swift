import Foundation
import Store
import Testing

/// `hufang bundle export` refuses what would break the chain: another device's key file, and a second
/// export of the same store while one runs.
@Suite struct ExportGuardTests {
    /// Every table's rows, as `sqlite3 .dump` prints them.
    static func dump(_ db: String) throws -> String {
        let r = try HufangBinary.launch(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, ".dump"])
        #expect(r.status == 0, "\(r.err)")
        return r.out
    }

    @Test func anotherDevicesKeyFileIsRefusedAndNothingIsNumberedOrWritten() throws {
        let dir = try BundleCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let laptop = dir + "/laptop.sqlite", other = dir + "/other.sqlite", usb = dir + "/usb"
        try BundleCommandTests.initStore(laptop)
        try BundleCommandTests.initStore(other)
        try BundleCommandTests.household(try HouseholdStore(path: laptop), no: 1, members: 2)
        let before = try Self.dump(laptop)
        // The other laptop's key file, copied over this one's (mode 0600 kept).
        try FileManager.default.moveItem(atPath: laptop + ".key", toPath: laptop + ".key.mine")
        try FileManager.default.copyItem(atPath: other + ".key", toPath: laptop + ".key")
        for lang in ["zh", "en"] {
            let r = try HufangBinary.run(["bundle", "export", "--db", laptop, "--out", usb, "--lang", lang])
            #expect(r.status == 1 && r.out.isEmpty, "\(r)")
            #expect(r.err.contains(laptop + ".key") && r.err.contains(lang == "zh" ? "不是本机的密钥" : "is not this device's key"), "\(r.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: usb))
        #expect(try Self.dump(laptop) == before)
        // Its own key back: the first bundle is number 1, as if nothing had happened.
        try FileManager.default.removeItem(atPath: laptop + ".key")
        try FileManager.default.moveItem(atPath: laptop + ".key.mine", toPath: laptop + ".key")
        let r = try HufangBinary.run(["bundle", "export", "--db", laptop, "--out", usb])
        #expect(r.status == 0 && r.out.hasSuffix("-000001.zip\n"), "\(r)")
    }

    @Test func twoExportsAtOnceOneWritesAndTheOtherSaysOneIsRunning() throws {
        let dir = try BundleCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let laptop = dir + "/laptop.sqlite", hub = dir + "/hub.sqlite", usb = dir + "/usb"
        #expect(try HufangBinary.run(["init", "--db", laptop, "--sample", "--screens", HufangBinary.screens]).status == 0)
        let deviceID = try HouseholdStore(path: laptop).deviceID
        // What a killed export left: its temporary file goes when the bundle is written.
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: usb + "/.hufang-\(deviceID.prefix(8))-000001.zip.k1.part"))
        // The first export, held still (SIGSTOP) once it is merging, inside its lock.
        let first = Process()
        first.executableURL = HufangBinary.url
        first.arguments = ["bundle", "export", "--db", laptop, "--out", usb]
        let out = Pipe(), progress = Pipe()
        first.standardOutput = out
        first.standardError = progress
        try first.run()
        var seen = ""
        while !seen.contains("合并更改") {
            let chunk = progress.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(first.processIdentifier, SIGSTOP)
        let second = try HufangBinary.run(["bundle", "export", "--db", laptop, "--out", usb, "--lang", "en"])
        kill(first.processIdentifier, SIGCONT)
        #expect(second.status == 1 && second.out.isEmpty, "\(second)")
        #expect(second.err.contains("An export of this store is already running"), "\(second.err)")
        let written = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0 && written.hasSuffix("-000001.zip\n"), "\(written)")
        // One whole bundle and nothing else: no temporary file left, none under a final name.
        let files = try FileManager.default.contentsOfDirectory(atPath: usb)
        #expect(files == ["hufang-\(deviceID.prefix(8))-000001.zip"], "\(files)")
        // In Chinese by default, and the lock is free again once an export has ended.
        #expect(try HufangBinary.run(["bundle", "export", "--db", laptop, "--out", usb]).out.contains("没有新的更改需要导出"))
        try BundleCommandTests.initStore(hub)
        try BundleCommandTests.trust(hub, laptop)
        let imported = try HufangBinary.run(["bundle", "import", "--db", hub, "--screens", HufangBinary.screens, "--lang", "en", usb + "/" + files[0]])
        #expect(imported.status == 0 && imported.out.contains("applied"), "\(imported)")
        #expect(try HouseholdStore(path: hub).householdCount() == 128)
    }

    @Test func theLockIsHeldAcrossProcessesAndTheSecondChangesNothing() throws {
        let dir = try BundleCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let laptop = dir + "/laptop.sqlite", usb = dir + "/usb"
        try BundleCommandTests.initStore(laptop)
        try BundleCommandTests.household(try HouseholdStore(path: laptop), no: 1, members: 1)
        let before = try Self.dump(laptop)
        // This test process holds the lock, as a running export would.
        let fd = open(laptop + ".export-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)  // no child of another test inherits the lock
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        let r = try HufangBinary.run(["bundle", "export", "--db", laptop, "--out", usb])
        #expect(r.status == 1 && r.err.contains("正在导出数据包"), "\(r)")
        #expect(try Self.dump(laptop) == before)
        #expect(!FileManager.default.fileExists(atPath: usb))
        close(fd)
        let after = try HufangBinary.run(["bundle", "export", "--db", laptop, "--out", usb])
        #expect(after.status == 0, "the lock released, the export runs: \(after)")
    }
}
