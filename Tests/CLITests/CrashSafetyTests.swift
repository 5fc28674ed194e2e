import Foundation
import TestSupport
import Testing

/// Kills a real writer process with SIGKILL at random moments and checks that everything it reported
/// as committed is there, nothing half-written is, and SQLite finds the file intact.
@Suite struct CrashSafetyTests {
    struct Observed { var household = ""; var row = ""; var committed = -1 }

    /// Starts the writer and kills it `millis` after launch or, with `afterReady`, `millis` after it reported its
    /// household (its writing has begun): moments meant to fall among the commits do so however loaded the machine is.
    /// posix_spawn, a pipe and read(2), not Foundation's Process and Pipe: with other suites spawning processes at the
    /// same time, Process killed mid-write once trapped inside Foundation ("Index out of range") and took the runner down.
    func runAndKill(db: String, millis: UInt32, afterReady: Bool) throws -> Observed {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SpawnFailure(code: errno) }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        // The test runner blocks signals in its threads; the writer must not inherit that.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
        let program: String = HufangBinary.url.path
        let words: [String] = [program, "crash-writer", "--db", db, "--screens", HufangBinary.screens]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, &attr, argv, environ)
        close(writeEnd)
        defer { close(readEnd) }
        guard rc == 0 else { throw SpawnFailure(code: rc) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        /// Reads what the writer printed so far; false at end of file (the writer is gone).
        func readSome() -> Bool {
            let n = read(readEnd, &buffer, buffer.count)
            if n > 0 { output.append(contentsOf: buffer[0..<n]); return true }
            return n < 0 && errno == EINTR
        }
        if afterReady {
            while !output.contains(UInt8(ascii: "\n")), readSome() {}
        }
        usleep(millis * 1000)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        while readSome() {}
        var o = Observed()
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.first == "household", parts.count == 4 { o.household = String(parts[1]); o.row = String(parts[3]) }
            if parts.first == "committed", parts.count == 2, let n = Int(parts[1]) { o.committed = n }
        }
        return o
    }

    struct SpawnFailure: Error { var code: Int32 }

    func sqlite(_ db: String, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('\\n'.join('|'.join(str(x) for x in r) for r in c.execute(sys.argv[2])))", db, sql]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func fiftyKillsLoseNothingConfirmed() throws {
        var rng = TestSeed.generator("fiftyKillsLoseNothingConfirmed")
        var kills = 0, withCommits = 0, mostCommits = 0, totalCommits = 0
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for round in 0..<50 {
            let db = dir.appendingPathComponent("crash-\(round).sqlite").path
            // Ten random moments in start-up (mostly before any commit), forty well into the writing.
            let startUp = round < 10
            let o = try runAndKill(db: db, millis: UInt32.random(in: startUp ? 5...150 : 5...400, using: &rng), afterReady: !startUp)
            kills += 1
            guard FileManager.default.fileExists(atPath: db) else { continue }
            #expect(try sqlite(db, "PRAGMA integrity_check") == "ok", "round \(round)")
            guard o.committed >= 0 else { continue }
            withCommits += 1
            mostCommits = max(mostCommits, o.committed + 1)
            totalCommits += o.committed + 1
            // Every reported commit is present: the last one of each field holds its value.
            let lastGroup = o.committed % 2 == 0 ? o.committed : o.committed - 1
            let lastName = o.committed % 2 == 1 ? o.committed : o.committed - 1
            let group = try sqlite(db, "SELECT value FROM answer WHERE householdID='\(o.household)' AND question='group_name'")
            let name = try sqlite(db, "SELECT value FROM answer WHERE householdID='\(o.household)' AND rowID='\(o.row)' AND question='name'")
            // The writer may have committed one more than it printed before the kill, never fewer.
            if lastGroup >= 0 { #expect(group == "组\(lastGroup)" || group == "组\(lastGroup + 2)", "round \(round): \(group)") }
            if lastName >= 0 { #expect(name == "成员\(lastName)" || name == "成员\(lastName + 2)", "round \(round): \(name)") }
            // Nothing half-written: each answer's value is the newest value in its audit trail.
            let mismatches = try sqlite(db, """
                SELECT count(*) FROM answer a WHERE a.type || ':' || a.value != (SELECT newValue FROM audit WHERE householdID = a.householdID
                AND rowID = a.rowID AND subject = a.question AND kind = 'answer' ORDER BY clock DESC LIMIT 1)
                """)
            #expect(mismatches == "0", "round \(round)")
            let auditCount = Int(try sqlite(db, "SELECT count(*) FROM audit WHERE kind = 'answer'")) ?? -1
            #expect(auditCount >= o.committed + 1 && auditCount <= o.committed + 2, "round \(round): \(auditCount) audit lines for \(o.committed + 1) commits")
        }
        print("crash test: \(kills) SIGKILLs, \(withCommits) after at least one commit, \(totalCommits) confirmed commits checked, at most \(mostCommits) in one run; integrity_check ok every time")
        #expect(kills == 50)
        #expect(withCommits >= 25, "too few rounds reached a commit: \(withCommits)")
    }
}

/// Two real processes writing one file, and a third reading while they write.
@Suite struct TwoProcessTests {
    @Test func twoWritersWaitForEachOtherAndAReaderIsNeverBlocked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-two-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("shared.sqlite").path
        let screens = HufangBinary.screens
        #expect(try HufangBinary.run(["init", "--db", db]).status == 0)
        func writer() throws -> (Process, Pipe) {
            let p = Process()
            p.executableURL = HufangBinary.url
            p.arguments = ["crash-writer", "--db", db, "--screens", screens, "--count", "300"]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            return (p, out)
        }
        let (a, outA) = try writer()
        let (b, outB) = try writer()
        // While both write, a reader exports: it must neither wait for them nor fail.
        usleep(300_000)
        let read = try HufangBinary.run(["export", "json", "--db", db])
        #expect(read.status == 0, "\(read.err)")
        let textA = String(decoding: outA.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let textB = String(decoding: outB.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        a.waitUntilExit(); b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        #expect(textA.contains("committed 299") && textB.contains("committed 299"))
        let check = CrashSafetyTests()
        #expect(try check.sqlite(db, "PRAGMA integrity_check") == "ok")
        #expect(try check.sqlite(db, "SELECT count(*) FROM audit WHERE kind = 'answer'") == "600")
        #expect(try check.sqlite(db, "SELECT group_concat(value) FROM (SELECT value FROM answer WHERE question = 'group_name' ORDER BY value)") == "组298,组298")
    }
}
