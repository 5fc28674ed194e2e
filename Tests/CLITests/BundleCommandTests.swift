import Foundation
import SampleData
import Store
import Survey
import TestSupport
import Testing

/// `hufang bundle`, `devices`, `keys` and `conflicts` as a person runs them: the real binary on real files.
@Suite struct BundleCommandTests {
    static let questionnaire: Questionnaire = {
        do { return try DefinitionLoader.load(directory: URL(fileURLWithPath: HufangBinary.screens)) } catch { fatalError("\(error)") }
    }()

    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-bundle-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A household typed in as the app would: head, `members - 1` more members, answers one commit at a time.
    @discardableResult
    static func household(_ store: HouseholdStore, no: Int, members: Int) throws -> Interview {
        var iv = Interview(questionnaire: questionnaire, today: Day(year: 2020, month: 12, day: 31)!)
        try store.create(iv, enumerator: "李文华", who: "李文华")
        try store.commit(try iv.answer("village_code", .text("622922100201")), of: iv, who: "李文华")
        try store.commit(try iv.answer("household_no", .text(String(format: "%04d", no))), of: iv, who: "李文华")
        for m in 0..<members {
            let (row, added) = try iv.addRow("members")
            try store.commit(added, of: iv, who: "李文华")
            try store.commit(try iv.answer("name", row: row, .text(SyntheticHouseholds.name(no * 10 + m))), of: iv, who: "李文华")
            try store.commit(try iv.answer("relation", row: row, .code(m == 0 ? 1 : 3)), of: iv, who: "李文华")
            try store.commit(try iv.answer("id_number", row: row, .text(SyntheticHouseholds.idNumber(no * 10 + m))), of: iv, who: "李文华")
        }
        return iv
    }

    /// A store made by the binary, as `hufang init` makes it.
    static func initStore(_ path: String) throws {
        let r = try HufangBinary.run(["init", "--db", path, "--screens", HufangBinary.screens])
        #expect(r.status == 0, "\(r.err)")
    }

    static func trust(_ hub: String, _ laptop: String) throws {
        let shown = try HufangBinary.run(["keys", "show", "--db", laptop, "--lang", "en"])
        #expect(shown.status == 0 && shown.out.contains(laptop + ".pub"), "\(shown)")
        let r = try HufangBinary.run(["devices", "trust", "--db", hub, laptop + ".pub", "--lang", "en"])
        #expect(r.status == 0 && r.out.contains("Trusted device"), "\(r)")
    }

    static func zips(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".zip") }.sorted().map { dir + "/" + $0 }
    }

    @Test func killedExportsLeaveNoGapAndNoRepeatedChange() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let laptopPath = dir + "/laptop.sqlite", hubPath = dir + "/hub.sqlite", out = dir + "/usb"
        try Self.initStore(laptopPath)
        let laptop = try HouseholdStore(path: laptopPath)
        var rng = TestSeed.generator("killedExportsLeaveNoGapAndNoRepeatedChange")
        var kills = 0, killedLive = 0, sealedNotWritten = 0, households: [Interview] = []
        // Uniform kill moments are drawn up to `window`, which follows how long an export lives here:
        // shorter after a kill that came too late, longer after one that hit a running export.
        var window = 150_000.0
        var round = 0
        while killedLive < 30 && round < 90 {
            defer { round += 1 }
            // New work between exports: a new household and a change to an earlier one.
            households.append(try Self.household(laptop, no: round + 1, members: 2 + round % 4))
            if var earlier = households.randomElement(using: &rng) {
                try laptop.commit(try earlier.answer("phone", .text("1380000\(String(format: "%04d", round))")), of: earlier, who: "李文华")
            }
            let p = Process()
            p.executableURL = HufangBinary.url
            p.arguments = ["bundle", "export", "--db", laptopPath, "--out", out]
            let progress = Pipe()
            p.standardOutput = FileHandle.nullDevice
            p.standardError = progress
            try p.run()
            // A third of the kills at a uniformly random moment; the others just after the export says it
            // is merging (before sealing) or writing (sealed, file not yet in place), plus up to 3 ms.
            switch round % 3 {
            case 0: usleep(UInt32.random(in: 0...UInt32(window), using: &rng))
            default:
                let phase = round % 3 == 1 ? "合并更改" : "写入文件"
                var seen = ""
                while !seen.contains(phase) {
                    let chunk = progress.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    seen += String(decoding: chunk, as: UTF8.self)
                }
                usleep(UInt32.random(in: 0...3_000, using: &rng))
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            kills += 1
            if p.terminationReason == .uncaughtSignal {
                killedLive += 1
                if round % 3 == 0 { window = min(1_000_000, window * 1.15) }
            } else if round % 3 == 0 { window = max(10_000, window * 0.7) }
            // Whatever the moment, every bundle file there is whole: the laptop recognises each as its own.
            for file in (try? Self.zips(out)) ?? [] {
                let outcome = try laptop.importBundle(try Data(contentsOf: URL(fileURLWithPath: file)), fileName: file, questionnaire: nil)
                #expect(outcome == .duplicate, "round \(round): \(file) is \(outcome)")
            }
            if try laptop.exportedBundles().contains(where: { !$0.written }) { sealedNotWritten += 1 }
        }
        // One export left alone writes whatever the killed ones had sealed but not written, and the rest.
        let last = try HufangBinary.run(["bundle", "export", "--db", laptopPath, "--out", out])
        #expect(last.status == 0, "\(last.err)")
        #expect(try laptop.outboxCount() == 0)
        let files = try Self.zips(out)
        let sequences = files.map { Int($0.suffix(10).prefix(6))! }
        #expect(sequences == Array(1...files.count), "gap or repeat: \(sequences)")
        #expect(try laptop.exportedBundles().allSatisfy(\.written))
        // A fresh hub, given the files in a shuffled order, ends with exactly the laptop's data.
        try Self.initStore(hubPath)
        try Self.trust(hubPath, laptopPath)
        let imported = try HufangBinary.run(["bundle", "import", "--db", hubPath, "--screens", HufangBinary.screens, "--lang", "en"] + files.shuffled())
        #expect(imported.status == 0, "\(imported.out)\(imported.err)")
        #expect(!imported.out.contains("rejected"))
        let hub = try HouseholdStore(path: hubPath)
        #expect(try hub.heldBundles().isEmpty)
        #expect(try hub.exportJSON() == laptop.exportJSON())
        #expect(try hub.householdCount() == households.count)
        print("kill test: \(kills) SIGKILLs, \(killedLive) of them into a running export, \(sealedNotWritten) after sealing and before the file was in place; \(files.count) bundles, sequences 1…\(files.count) without gap; a fresh hub reproduces all \(households.count) households exactly")
        #expect(killedLive >= 30)
    }

    @Test func importPrintsOneLinePerFileAndFailsWhenOneIsRejected() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let laptopPath = dir + "/laptop.sqlite", hubPath = dir + "/hub.sqlite", out = dir + "/usb"
        try Self.initStore(laptopPath)
        try Self.initStore(hubPath)
        let laptop = try HouseholdStore(path: laptopPath)
        var iv = try Self.household(laptop, no: 1, members: 3)
        let first = try HufangBinary.run(["bundle", "export", "--db", laptopPath, "--out", out, "--lang", "en"])
        #expect(first.status == 0 && first.out.hasSuffix("-000001.zip\n"), "\(first)")
        #expect(first.err.contains("sequence 1"))
        let nothing = try HufangBinary.run(["bundle", "export", "--db", laptopPath, "--out", out])
        #expect(nothing.status == 0 && nothing.out.contains("没有新的更改需要导出"))
        try laptop.commit(try iv.answer("phone", .text("13800000000")), of: iv, who: "李文华")
        _ = try HufangBinary.run(["bundle", "export", "--db", laptopPath, "--out", out])
        let files = try Self.zips(out)
        #expect(files.count == 2)
        // Not yet trusted: rejected, and the exit status says so.
        let untrusted = try HufangBinary.run(["bundle", "import", "--db", hubPath, "--screens", HufangBinary.screens, "--lang", "en", files[0]])
        #expect(untrusted.status != 0 && untrusted.out.contains("rejected: device \(laptop.deviceID)"), "\(untrusted)")
        try Self.trust(hubPath, laptopPath)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: dir + "/garbage.zip"))
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.zip"))
        let r = try HufangBinary.run(["bundle", "import", "--db", hubPath, "--screens", HufangBinary.screens, "--lang", "en",
                                      files[1], files[0], files[0], dir + "/garbage.zip", dir + "/empty.zip"])
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(r.out)")
        guard lines.count == 5 else { return }
        #expect(lines[0] == "\(files[1]): held: waiting for sequence 1")
        #expect(lines[1].hasPrefix("\(files[0]): applied ") && lines[1].contains("; then held sequence 2: applied 3 changes"), "\(lines[1])")
        #expect(lines[2] == "\(files[0]): duplicate")
        #expect(lines[3] == "\(dir)/garbage.zip: rejected: damaged, or not a hufang bundle")
        #expect(lines[4] == "\(dir)/empty.zip: rejected: empty file")
        #expect(r.status == 1)
        // Not on a terminal: plain progress lines, no carriage returns.
        #expect(r.err.contains("applying changes") && !r.err.contains("\r"), "\(r.err)")
        // In Chinese by default.
        let zh = try HufangBinary.run(["bundle", "import", "--db", hubPath, "--screens", HufangBinary.screens, files[0]])
        #expect(zh.out.contains("重复，已导入过"))
    }

    @Test func conflictsAreListedAndResolvedFromTheCommandLine() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = dir + "/a.sqlite", b = dir + "/b.sqlite", hub = dir + "/hub.sqlite"
        for p in [a, b, hub] { try Self.initStore(p) }
        for (x, y) in [(hub, a), (hub, b), (b, a), (a, hub)] { try Self.trust(x, y) }
        let storeA = try HouseholdStore(path: a), storeB = try HouseholdStore(path: b)
        var ivA = try Self.household(storeA, no: 7, members: 1)
        _ = try HufangBinary.run(["bundle", "export", "--db", a, "--out", dir + "/a-out"])
        let first = try Self.zips(dir + "/a-out")[0]
        for s in [hub, b] { #expect(try HufangBinary.run(["bundle", "import", "--db", s, "--screens", HufangBinary.screens, first]).status == 0) }
        var ivB = try storeB.interview(ivA.householdID, questionnaire: Self.questionnaire)
        try storeA.commit(try ivA.answer("phone", .text("13800000001")), of: ivA, who: "李文华")
        try storeB.commit(try ivB.answer("phone", .text("13900000002")), of: ivB, who: "赵小红")
        _ = try HufangBinary.run(["bundle", "export", "--db", a, "--out", dir + "/a-out"])
        _ = try HufangBinary.run(["bundle", "export", "--db", b, "--out", dir + "/b-out", "--who", "赵小红"])
        let r = try HufangBinary.run(["bundle", "import", "--db", hub, "--screens", HufangBinary.screens, "--lang", "en",
                                      try Self.zips(dir + "/a-out")[1], try Self.zips(dir + "/b-out")[0]])
        #expect(r.status == 0 && r.out.contains(", 1 conflicts to resolve") && r.out.contains("1 open conflicts"), "\(r.out)")
        let list = try HufangBinary.run(["conflicts", "--db", hub, "--screens", HufangBinary.screens])
        #expect(list.out.contains("13800000001") && list.out.contains("13900000002") && list.out.contains("赵小红") && list.out.contains("联系电话"), "\(list.out)")
        let id = String(list.out.prefix(8))
        let bad = try HufangBinary.run(["conflicts", "resolve", "--db", hub, "--screens", HufangBinary.screens, "nosuch", "--take", "mine"])
        #expect(bad.status != 0 && bad.err.contains("没有这条冲突"))
        let resolved = try HufangBinary.run(["conflicts", "resolve", "--db", hub, "--screens", HufangBinary.screens, id, "--take", "13900000009", "--who", "乡镇审核员"])
        #expect(resolved.status == 0 && resolved.out.contains("13900000009"), "\(resolved)")
        #expect(try HufangBinary.run(["conflicts", "--db", hub, "--screens", HufangBinary.screens, "--lang", "en"]).out.contains("No open conflicts"))
        // The decision travels back in the hub's own bundle.
        let back = try HufangBinary.run(["bundle", "export", "--db", hub, "--out", dir + "/hub-out"])
        let applied = try HufangBinary.run(["bundle", "import", "--db", a, "--screens", HufangBinary.screens, "--lang", "en",
                                            back.out.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(applied.status == 0 && applied.out.contains("applied") && !applied.out.contains("conflict"), "\(applied)")
        #expect(try storeA.interview(ivA.householdID, questionnaire: Self.questionnaire).value("phone") == .text("13900000009"))
    }

    @Test func aTerminalShowsAProgressBar() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let laptop = dir + "/laptop.sqlite", hub = dir + "/hub.sqlite"
        let made = try HufangBinary.run(["init", "--db", laptop, "--sample", "--screens", HufangBinary.screens])
        #expect(made.status == 0)
        try Self.initStore(hub)
        try Self.trust(hub, laptop)
        _ = try HufangBinary.run(["bundle", "export", "--db", laptop, "--out", dir + "/usb"])
        let tmux = try TmuxSession(["bundle", "import", "--db", hub, "--screens", HufangBinary.screens, "--lang", "en"] + (try Self.zips(dir + "/usb")),
                                   width: 100, height: 10)
        #expect(try tmux.waitFor("applied", timeout: 60))
        // All of it on screen: wait for the process to end.
        let deadline = Date().addingTimeInterval(30)
        while !(try tmux.exited()) && Date() < deadline { usleep(50_000) }
        // With the history: output written before tmux settled the window's size may have scrolled up.
        let screen = try tmux.tmux(["capture-pane", "-p", "-S", "-", "-t", tmux.name])
        #expect(screen.contains("applying changes [██████████████████████████████] 100%"), "\(screen)")
        // A bar, not the plain lines.
        #expect(screen.contains("verifying [") && !screen.contains("applying changes ("), "\(screen)")
    }
}
