import Foundation
import SampleData
import Store
import Survey
import Testing
@testable import TUI

/// The whole review loop with the real binary and real files: a laptop interviews two households by
/// keys, a supervisor reviews them on `hufang review` (tmux), and bundles carry every step both ways.
@Suite(.serialized) struct ReviewEndToEndTests {
    static let questionnaire = InterviewEndToEndTests.questionnaire
    static let supervisor = "乡镇审核员", enumerator = "驻村队员"

    /// Two small complete sample households with no problem, as the enumerator will type them.
    static func sources() -> [Interview] {
        let village = SampleVillage.generate(questionnaire: questionnaire)
        let clean = village.filter { iv in
            iv.problems.isEmpty && iv.completeness.answered == iv.completeness.required && iv.value("phone") != nil
        }
        return Array(clean.sorted { $0.rows("members").count + $0.rows("crops").count < $1.rows("members").count + $1.rows("crops").count }.prefix(2))
    }

    static func run(_ args: [String]) throws -> String {
        let r = try HufangBinary.run(args)
        #expect(r.status == 0, "hufang \(args.joined(separator: " ")): \(r.err)")
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Exports a store's bundle into `dir` and imports it into `into`; returns what the import said of it
    /// ("applied N changes", "held: …").
    static func send(_ from: String, to into: String, dir: String, who: String) throws -> String {
        let file = try run(["bundle", "export", "--db", from, "--out", dir, "--who", who])
        #expect(file.hasSuffix(".zip"), "\(file)")
        let line = try run(["bundle", "import", "--db", into, "--lang", "en", file])
        #expect(line.hasPrefix(file + ": "), "\(line)")
        return String(line.dropFirst(file.count + 2))
    }

    /// Presses ↓ until the line drawn in reverse starts with `label` (at most `limit` times).
    static func moveTo(_ label: String, in session: TmuxSession, limit: Int = 60) throws -> Bool {
        for _ in 0..<limit {
            if try selectedLine(session)?.hasPrefix(label) == true { return true }
            try session.press("Down")
            usleep(30_000)
        }
        return try selectedLine(session)?.hasPrefix(label) == true
    }

    /// The text of the first reverse-video line below the title bar: the sheet's cursor, or the form's
    /// (in the pane right of the section list, whose current section is drawn in reverse too).
    static func selectedLine(_ session: TmuxSession) throws -> String? {
        for line in try session.screen(escapes: true).split(separator: "\n").dropFirst() {
            let part = line.range(of: "│").map { String(line[$0.upperBound...]) } ?? String(line)
            if TmuxSession.hasReverse(part) { return TmuxSession.stripEscapes(part).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    @Test func sendBackWithACommentFixAndApprove() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-review-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let laptop = dir + "/laptop.sqlite", hub = dir + "/hub.sqlite"
        for store in [laptop, hub] { _ = try Self.run(["init", "--db", store]) }
        for (a, b) in [(hub, laptop), (laptop, hub)] {
            _ = try Self.run(["keys", "show", "--db", b])
            _ = try Self.run(["devices", "trust", "--db", a, b + ".pub"])
        }

        // 1. The laptop interviews two households, by keys alone.
        let sources = Self.sources()
        #expect(sources.count == 2)
        let today = AppRuntime.today()
        do {
            let session = try TmuxSession(["--db", laptop, "--who", Self.enumerator])
            #expect(try session.waitFor("户名单"))
            for source in sources {
                let plan = try InterviewPlan.make(copying: source, today: today)
                let members = source.rows("members").count
                print("e2e review loop: the laptop interviews household \(source.value("household_no")?.display ?? "?") (\(members) member\(members == 1 ? "" : "s")) with \(plan.keystrokes) keystrokes")
                for (i, step) in plan.steps.enumerated() {
                    switch step {
                    case .text(let t): try session.type(t)
                    case .key(let k): try session.press(k)
                    }
                    if i % 40 == 39 { usleep(20_000) }
                }
                #expect(try session.waitFor("本户已完成", timeout: 60), "\((try? session.screen()) ?? "")")
                try session.press("Escape")                        // clears the message for the next wait
            }
            try session.press("F10")
        }
        let laptopStore = try HouseholdStore(path: laptop)
        let households = try laptopStore.households()
        #expect(households.count == 2 && households.allSatisfy { $0.status == .complete }, "\(households.map(\.status))")
        guard households.count == 2 else { return }
        let (first, second) = (households[0], households[1])
        #expect(try Self.send(laptop, to: hub, dir: dir + "/laptop-out", who: Self.enumerator).hasPrefix("applied"))

        // 2. The supervisor: a comment on the first household's phone number and a send-back; the second approved.
        do {
            let review = try TmuxSession(["review", "--db", hub, "--who", Self.supervisor])
            #expect(try review.waitFor("共 2 户"))
            try review.press("Enter")
            #expect(try review.waitFor("审核 · \(first.householdNo)"))
            #expect(try Self.moveTo("联系电话", in: review), "\((try? review.screen()) ?? "")")
            try review.press("Enter")                              // the field's history
            #expect(try review.waitFor("修改历史：联系电话"))
            #expect(try review.screen().contains(Self.enumerator))
            try review.press("Escape", "F3")
            #expect(try review.waitFor("对“联系电话”提意见"))
            try review.type("号码少一位，请核对")
            try review.press("Enter")
            #expect(try review.waitFor("※ 审核意见：号码少一位，请核对"))
            try review.press("F8")
            #expect(try review.waitFor("退回本户"))
            try review.type("联系电话有误")
            try review.press("Enter")
            #expect(try review.waitFor("已退回：\(first.householdNo)"), "\((try? review.screen()) ?? "")")
            try review.press("Down", "Enter")
            #expect(try review.waitFor("审核 · \(second.householdNo)"))
            // At 80×24 the assessment below the last field is reached by PgDn.
            for _ in 0..<20 { try review.press("NPage") }
            #expect(try review.waitFor("评估建议"), "\((try? review.screen()) ?? "")")
            try review.press("F9")
            #expect(try review.waitFor("确认通过"))
            try review.press("Enter")
            #expect(try review.waitFor("已审核通过：\(second.householdNo)"), "\((try? review.screen()) ?? "")")
            try review.press("F10")
        }
        let hubStore = try HouseholdStore(path: hub)
        #expect(try hubStore.household(UUID(uuidString: first.id)!).status == .sentBack)
        #expect(try hubStore.household(UUID(uuidString: second.id)!).status == .approved)
        #expect(try Self.send(hub, to: laptop, dir: dir + "/hub-out", who: Self.supervisor).hasPrefix("applied"))

        // 3. The laptop: the sent-back household first, the comment on the phone number; fixed and completed again.
        do {
            let session = try TmuxSession(["--db", laptop, "--who", Self.enumerator])
            #expect(try session.waitFor("已退回"))
            #expect(try session.screen().split(separator: "\n")[3].contains(first.headName), "sent back first")
            try session.press("Enter")
            #expect(try session.waitFor("本户已被退回：联系电话有误"))
            for _ in 0..<15 { try session.press("PPage") }        // back to the first section
            #expect(try Self.moveTo("※联系电话", in: session), "\((try? session.screen()) ?? "")")
            #expect(try session.screen().contains("审核意见：号码少一位，请核对（\(Self.supervisor)）"))
            try session.type("13912345678")
            try session.press("Enter")
            usleep(200_000)
            #expect(!(try session.screen().contains("审核意见：号码少一位")), "the comment is dealt with")
            try session.press("F4")
            #expect(try session.waitFor("评估"))
            try session.press("F9")
            #expect(try session.waitFor("标为已完成？"), "\((try? session.screen()) ?? "")")   // asked once more
            try session.press("Enter")
            #expect(try session.waitFor("本户已完成", timeout: 20), "\((try? session.screen()) ?? "")")
            try session.press("F10")
        }
        let fixed = try laptopStore.interview(UUID(uuidString: first.id)!, questionnaire: Self.questionnaire)
        #expect(fixed.value("phone") == .text("13912345678"))
        let line = try Self.send(laptop, to: hub, dir: dir + "/laptop-out", who: Self.enumerator)
        #expect(line.hasPrefix("applied") && !line.contains("conflict"), "\(line)")
        #expect(try hubStore.household(UUID(uuidString: first.id)!).status == .complete)
        #expect(try hubStore.comments(UUID(uuidString: first.id)!).isEmpty)

        // 4. The supervisor sees the new number in the field's history and approves.
        do {
            let review = try TmuxSession(["review", "--db", hub, "--who", Self.supervisor])
            #expect(try review.waitFor("共 2 户"))
            try review.press("Enter")
            #expect(try review.waitFor("审核 · \(first.householdNo)"))
            #expect(try Self.moveTo("联系电话", in: review))
            try review.press("Enter")
            #expect(try review.waitFor("→ 13912345678"), "\((try? review.screen()) ?? "")")
            #expect(try review.screen().contains("意见已处理：号码少一位，请核对"))
            try review.press("Escape", "F9")
            #expect(try review.waitFor("确认通过"))
            try review.press("Enter")
            #expect(try review.waitFor("已审核通过：\(first.householdNo)"), "\((try? review.screen()) ?? "")")
            try review.press("F10")
        }
        #expect(try hubStore.households().allSatisfy { $0.status == .approved })
        #expect(try Self.send(hub, to: laptop, dir: dir + "/hub-out", who: Self.supervisor).hasPrefix("applied"))
        #expect(try laptopStore.households().allSatisfy { $0.status == .approved })
        #expect(try hubStore.conflicts().isEmpty && laptopStore.conflicts().isEmpty)
    }
}

@Suite struct ReviewCommandTests {
    @Test func aMissingStoreSaysHowToMakeOne() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-none-\(UUID().uuidString).sqlite").path
        let r = try HufangBinary.run(["review", "--db", path])
        #expect(r.status == 1)
        #expect(r.err.contains("没有数据库 \(path)") && r.err.contains("hufang init --db \(path)") && r.err.contains("hufang bundle import"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: path), "nothing is created")
    }

    @Test func aTinyTerminalAndBackThenQuit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-review-tmux-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ReviewEndToEndTests.run(["init", "--db", dir + "/s.sqlite", "--sample"])
        let session = try TmuxSession(["review", "--db", dir + "/s.sqlite"])
        #expect(try session.waitFor("共 128 户"))
        try session.type("马")
        #expect(try session.waitFor("搜索：马_"))
        try session.resize(width: 60, height: 15)
        #expect(try session.waitFor("终端窗口太小（60×15）"))
        try session.resize(width: 80, height: 24)
        #expect(try session.waitFor("搜索：马_"), "the search typed before is still there")
        try session.press("F8")
        #expect(try session.waitFor("村情概览"))
        try session.press("Escape", "F10")
        let end = Date().addingTimeInterval(10)
        while !(try session.exited()) && Date() < end { usleep(50_000) }
        #expect(try session.exited())
    }

    @Test func theDashboardAsText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-dashboard-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ReviewEndToEndTests.run(["init", "--db", dir + "/s.sqlite", "--sample"])
        let out = try ReviewEndToEndTests.run(["dashboard", "--db", dir + "/s.sqlite", "--lang", "en"])
        let store = try HouseholdStore(path: dir + "/s.sqlite")
        let d = try store.dashboard(village: "622922100201")
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Village 622922100201: 128 households")
        // Each type's row ends with its total; the totals add up to the village.
        let typeRows = lines.drop { !$0.hasPrefix("Households by type") }.dropFirst(2).prefix { !$0.isEmpty }
        #expect(typeRows.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +) == 128, "\(typeRows)")
        // The English headings are longer than a count: each still stands apart from the next.
        let header = lines.drop { !$0.hasPrefix("Households by type") }.dropFirst().first ?? ""
        let heads = header.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(heads == DashboardPage.statuses.map { $0.label(.en) } + [Phrase.dashboardTotal.text(.en)], "\(header)")
        for g in ReviewEndToEndTests.questionnaire.standards.guarantees {
            let n = d.failing[g.id]?.count ?? 0
            #expect(lines.contains { $0.hasPrefix("  \(g.label.en)  \(n)") }, "\(g.label.en): \(n)\n\(out)")
        }
        #expect(out.contains("──────── the line ────────") && out.contains("示例调查员: 128 in all"), "\(out)")
        let missing = try HufangBinary.run(["dashboard", "--db", dir + "/s.sqlite", "--village", "000"])
        #expect(missing.status == 0 && missing.out.contains("村 000：0 户"), "\(missing)")
    }

    @Test func withoutATerminalItPrintsTheListAndTheConflicts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-review-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ReviewEndToEndTests.run(["init", "--db", dir + "/s.sqlite", "--sample"])
        let r = try HufangBinary.run(["review", "--db", dir + "/s.sqlite", "--lang", "en"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains(": 128 households") && r.out.contains("Open conflicts: 0"), "\(r.out)")
    }
}
