import Foundation
import GRDB
import Survey
import Testing
import TestSupport
@testable import Store
@testable import TUI

/// Real changesets of a laptop's writes, mutated at random (table names, operations, values, lengths,
/// columns) and each re-signed with the laptop's trusted key into a correctly chained bundle: every one
/// is refused, or applied as a change the store can live with. Afterwards the hub passes SQLite's
/// integrity check and every household still opens, prints its card, exports to CSV and shows its
/// review sheet. The seed is printed; `HUFANG_SEED=N` replays a run.
@Suite struct BundleMutationTests {
    static let mutations = 10_000

    @Test func tenThousandMutatedChangesetsAreEachRefusedOrAppliedAsAValidChange() throws {
        let seed = ProcessInfo.processInfo.environment["HUFANG_SEED"].flatMap(UInt64.init) ?? 20_261_201
        print("BundleMutationTests seed \(seed) (replay with HUFANG_SEED=\(seed))")
        var rng = SplitMix64(seed: seed)
        let q = TUIFixture.questionnaire
        let laptop = try HouseholdStore(path: TUIFixture.freshSample())
        let hub = try HouseholdStore(path: TUIFixture.emptyStore())
        _ = try hub.trust(try laptop.writePublicKeyFile())
        let first = try #require(try laptop.exportBundles(to: (hub.path as NSString).deletingLastPathComponent + "/usb", enumerator: "李文华").first)
        try expectApplied(try hub.importBundle(try Data(contentsOf: URL(fileURLWithPath: first.path)), fileName: "first.zip", questionnaire: q))
        let bases = try Self.realChangesets(laptop, q)
        // Speed only: what is checked is which bundles go in, not whether they survive a power cut.
        try hub.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        let forge = BundleForge(signer: laptop, receiver: hub, questionnaire: q)
        let households = try hub.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM household") }
        var values = MutationValues(households: households, signerClock: forge.clock,
                                    otherClock: HybridLogicalClock(millis: 1_606_000_000_000, counter: 0, device: String(hub.deviceID.prefix(8))).description)

        var outcomes: [String: Int] = [:]
        for _ in 0..<Self.mutations {
            var codec = try ChangesetCodec(bases[rng.int(0...(bases.count - 1))])
            var bytes: Data
            let rounds = rng.int(1...3)
            var raw = false
            for _ in 0..<rounds { raw = Self.mutate(&codec, &rng, &values) || raw }
            bytes = codec.encoded
            if raw, !bytes.isEmpty {
                // Lengths and type bytes: a few bytes anywhere.
                for _ in 0..<rng.int(1...3) { bytes[rng.int(0...(bytes.count - 1))] = UInt8(rng.int(0...255)) }
            }
            let outcome = try hub.importBundle(try forge.bundle(bytes), fileName: "mutated.zip", questionnaire: q)
            outcomes[Self.kind(outcome), default: 0] += 1
        }
        let summary = outcomes.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("BundleMutationTests: \(Self.mutations) mutated bundles: \(summary)")
        #expect(outcomes.values.reduce(0, +) == Self.mutations)
        #expect(outcomes["applied", default: 0] > 0, "no mutation was valid: the generator tests nothing but refusals")
        #expect(outcomes["duplicate", default: 0] == 0)
        #expect(outcomes.keys.allSatisfy { !$0.hasPrefix("held") })

        // The hub lives with everything it took.
        #expect(try hub.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(try hub.pool.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
        let folder = (hub.path as NSString).deletingLastPathComponent + "/csv"
        let written = try SectionCSV.export(hub, questionnaire: q, to: folder, encoding: .utf8BOM)
        #expect(written.count == q.sections.count)
        let review = ReviewRuntime(store: hub, questionnaire: q, lang: .zh, width: 80, height: 24, who: "审核员")
        review.start()
        var opened = 0
        for hid in try hub.pool.read({ db in try String.fetchAll(db, sql: "SELECT id FROM household") }) {
            let id = try #require(UUID(uuidString: hid))
            _ = try hub.interview(id, questionnaire: q)
            #expect(try !HouseholdCard.text(hub, household: id, questionnaire: q).isEmpty)
            guard case .opened(let sheet, _)? = review.perform(.open(id, keeping: nil)) else { Issue.record("review sheet of \(hid) did not open"); continue }
            review.send(.opened(sheet, note: nil))
            #expect(ReviewRender.frame(review.state).text.contains(sheet.record.householdNo))
            opened += 1
        }
        #expect(opened == households.count + (outcomes["applied", default: 0] > 0 ? try hub.householdCount() - households.count : 0))
    }

    /// What a laptop's own writes capture: answers typed, cleared and changed, a member added, named and
    /// removed, a reason for a warning, a completed household, a supervisor's decision and comment.
    static func realChangesets(_ laptop: HouseholdStore, _ q: Questionnaire) throws -> [Data] {
        let ids = try laptop.households(limit: 5).compactMap { UUID(uuidString: $0.id) }
        for (n, id) in ids.enumerated() {
            var iv = try laptop.interview(id, questionnaire: q)
            try laptop.commit(try iv.answer("floor_area", .number(Double(40 + n) + 0.5)), of: iv, who: "李文华")
            try laptop.commit(try iv.answer("phone", .text("1380000\(1000 + n)")), of: iv, who: "李文华")
            try laptop.commit(try iv.answer("phone", nil), of: iv, who: "李文华")
            let (row, added) = try iv.addRow("members")
            try laptop.commit(added, of: iv, who: "李文华")
            try laptop.commit(try iv.answer("name", row: row, .text("新成员\(n)")), of: iv, who: "李文华")
            try laptop.commit(try iv.answer("relation", row: row, .code(3)), of: iv, who: "李文华")
            try laptop.commit(try iv.removeRow("members", row: row, reason: "录入有误"), of: iv, who: "李文华")
            if let soft = iv.problems.first(where: { q.checks[$0.check].severity == .warning }) {
                try laptop.commit(try iv.override(soft.key, reason: "已核实"), of: iv, who: "李文华")
            }
            try laptop.setStatus(id, to: .complete, who: "李文华")
            let comment = try laptop.addComment(id, row: nil, question: "floor_area", text: "请核实面积", who: "张主任")
            try laptop.resolveComment(comment.id, who: "李文华")
            if n % 2 == 0 { try laptop.approve(id, who: "张主任") } else { try laptop.sendBack(id, reason: "收入有误", who: "张主任") }
        }
        let changesets = try laptop.pool.read { db in try Data.fetchAll(db, sql: "SELECT changeset FROM outbox ORDER BY id") }
        guard changesets.count > 20 else { throw SupportFailure("too few writes captured: \(changesets.count)") }
        return changesets
    }

    /// One random mutation; true when raw bytes should be damaged too.
    static func mutate(_ c: inout ChangesetCodec, _ rng: inout SplitMix64, _ values: inout MutationValues) -> Bool {
        guard !c.tables.isEmpty else { return false }
        let t = rng.int(0...(c.tables.count - 1))
        let names = ["device", "setting", "grdb_migrations", "outbox", "bundleIn", "heldBundle", "conflict", "refusedBundle", "sqlite_master",
                     "Answer", "AUDIT"] + Changeset.capturedTables
        func someChange() -> Int? { c.tables[t].changes.isEmpty ? nil : rng.int(0...(c.tables[t].changes.count - 1)) }
        switch rng.int(0...9) {
        case 0:
            c.tables[t].name = names[rng.int(0...(names.count - 1))]
        case 1:
            guard let i = someChange() else { return false }
            c.tables[t].changes[i].op = [9, 18, 23, UInt8(rng.int(0...255))][rng.int(0...3)]
            return true
        case 2, 3, 4, 5:
            guard let i = someChange() else { return false }
            var change = c.tables[t].changes[i]
            let useOld = !change.old.isEmpty && (change.new.isEmpty || rng.int(0...3) == 0)
            let n = useOld ? change.old.count : change.new.count
            guard n > 0 else { return false }
            let column = rng.int(0...(n - 1))
            if useOld { change.old[column] = values.next(&rng) } else { change.new[column] = values.next(&rng) }
            c.tables[t].changes[i] = change
        case 6:
            let k = rng.int(0...(c.tables[t].primaryKey.count - 1))
            c.tables[t].primaryKey[k] ^= 1
        case 7:
            guard let i = someChange() else { return false }
            if rng.int(0...1) == 0 { c.tables[t].changes.append(c.tables[t].changes[i]) } else { c.tables[t].changes.remove(at: i) }
        case 8:
            // One column fewer everywhere in the table: shifted values.
            guard c.tables[t].primaryKey.count > 1 else { return false }
            c.tables[t].primaryKey.removeLast()
            for i in c.tables[t].changes.indices {
                if !c.tables[t].changes[i].old.isEmpty { c.tables[t].changes[i].old.removeLast() }
                if !c.tables[t].changes[i].new.isEmpty { c.tables[t].changes[i].new.removeLast() }
            }
        default:
            return true
        }
        return false
    }

    /// An outcome's class for the printed counts.
    static func kind(_ outcome: ImportOutcome) -> String {
        switch outcome {
        case .applied: return "applied"
        case .duplicate: return "duplicate"
        case .held: return "held"
        case .rejected(let r):
            let name = "\(r)"
            let head = name.prefix { $0 != "(" }
            if case .refusedChange(let c) = r {
                let reason = "\(c.reason)".prefix { $0 != "(" }
                return "rejected \(head) \(reason)"
            }
            return "rejected \(head)"
        }
    }
}

/// Values an attacker would try, and some a valid change would carry.
struct MutationValues {
    let households: [String]
    let signerClock: String
    let otherClock: String

    mutating func next(_ rng: inout SplitMix64) -> ChangesetCodec.Value {
        func text(_ s: String) -> ChangesetCodec.Value { .text(Data(s.utf8)) }
        switch rng.int(0...24) {
        case 0: return .undefined
        case 1: return .null
        case 2: return .integer([0, 1, -1, 999, Int64.max, Int64.min, 10_000_001][rng.int(0...6)])
        case 3: return .real([.nan, .infinity, -.infinity, -0.0, 1e300, 3.5][rng.int(0...5)])
        case 4: return .blob(Data((0..<rng.int(0...40)).map { _ in UInt8(rng.int(0...255)) }))
        case 5: return .text(Data([0xFF, 0xFE, 0x41]))
        case 6: return text(["十二", "0x10", "+5", "-0", "1e3", "12", "85.5", "0", "3"][rng.int(0...8)])
        case 7: return text(["hacked", "complete", "approved", "sent_back", "in_progress", "answer", "status", "review"][rng.int(0...7)])
        case 8: return text(households[rng.int(0...(households.count - 1))])
        case 9: return text(UUID().uuidString)
        case 10: return text(UUID().uuidString.lowercased())
        case 11: return text(signerClock)
        case 12: return text(otherClock)
        case 13: return text(["2020-02-30", "2020-11-20", "9999-99-99T99:99:99.999Z", "2020-11-20T08:00:00.000Z", "yesterday"][rng.int(0...4)])
        case 14: return text(String(repeating: "王", count: rng.int(1...20_000)))
        case 15: return text("\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}")
        case 16: return text("a\u{0}b")
        case 17: return text("")
        case 18: return text(["floor_area", "name", "household_type", "phone", "relation", "hacked", "village_code"][rng.int(0...6)])
        case 19: return text("1 3 7")
        case 20: return text(["number", "text", "code", "codes", "bool", "date", "weird"][rng.int(0...6)])
        case 21: return text("[\"text:a\",null]")
        default: return .integer(Int64(rng.int(-5...5)))
        }
    }
}
