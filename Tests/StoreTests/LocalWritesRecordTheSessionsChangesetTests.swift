import Foundation
import GRDB
import Survey
import Testing
import TestSupport
@testable import Store

/// A local write's changeset is recorded through the preupdate hook and encoded by hufang, no longer made
/// by a session. These tests hold it to the session extension: the same row changes, replayed on a copy
/// of the store as it was under a session, must give the same changeset, and each applied to a copy of
/// the store as it was must give the same store — the one the write itself left.
@Suite struct LocalWritesRecordTheSessionsChangesetTests {
    @Test func randomLocalWritesOfEveryKindRecordTheChangesetTheSessionExtensionMakes() throws {
        var random = TestSeed.generator("randomLocalWritesOfEveryKindRecordTheChangesetTheSessionExtensionMakes")
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        var households: [Interview] = []
        var comments: [String] = []
        var kinds: [String: Int] = [:]
        let q = Fixture.questionnaire
        let inputs = q.questions.filter(\.isInput)
        let warned = ["household_type", "poverty_status", "relation", "sex"].compactMap { q.question($0) }
        let statuses = HouseholdStatus.allCases

        let everyKind: Set<String> = ["create", "insertWhole", "answer", "answer cleared", "row added", "row removed",
                                      "override", "override cleared", "status", "comment", "comment resolved", "approved", "sent back"]
        // 500 steps, and on until every kind of write has been compared (the rare ones need earlier steps to set them up).
        for step in 0..<5_000 {
            if step >= 500, Set(kinds.keys).isSuperset(of: everyKind) { break }
            var action: (kind: String, write: () throws -> Void)?
            let pick = households.isEmpty ? 0 : Int.random(in: 0..<100, using: &random)
            let h = households.isEmpty ? 0 : Int.random(in: 0..<households.count, using: &random)
            switch pick {
            case 0..<4:
                var iv = Interview(questionnaire: q, today: Fixture.day)
                if Bool.random(using: &random) {
                    action = ("create", { try store.create(iv, enumerator: "李文华", who: "李文华") })
                } else {
                    _ = try? iv.answer("household_no", .text(String(format: "%04d", step)))
                    action = ("insertWhole", { try store.insertWhole(iv, enumerator: "李文华", who: "李文华") })
                }
                households.append(iv)
            case 4..<60:
                var iv = households[h]
                let clear = Int.random(in: 0..<5, using: &random) == 0
                let answered = inputs.flatMap { question in
                    (question.roster.map { iv.rowIDs(of: $0).map(Optional.some) } ?? [nil])
                        .filter { iv.value(of: question.index, row: $0) != nil }.map { (question, $0) }
                }
                // Half the answers go to questions whose warnings can be overridden, so overrides come up.
                let question = Bool.random(using: &random) ? warned[Int.random(in: 0..<warned.count, using: &random)]
                                                          : inputs[Int.random(in: 0..<inputs.count, using: &random)]
                let rows = question.roster.map { iv.rowIDs(of: $0) } ?? []
                guard question.roster == nil || !rows.isEmpty else { continue }
                var (field, row) = (question, rows.isEmpty ? nil : rows[Int.random(in: 0..<rows.count, using: &random)])
                if clear {
                    guard !answered.isEmpty else { continue }
                    (field, row) = answered[Int.random(in: 0..<answered.count, using: &random)]
                }
                let value = clear ? nil : Self.value(for: field, &random)
                guard let changes = try? iv.answer(field.index, row: row, value), !changes.isEmpty else { continue }
                households[h] = iv
                let kind = changes.contains { if case .override(_, _, nil) = $0 { true } else { false } } ? "override cleared"
                    : clear ? "answer cleared" : "answer"
                action = (kind, { try store.commit(changes, of: iv, who: "李文华") })
            case 60..<70:
                var iv = households[h]
                let roster = q.rosters[Int.random(in: 0..<q.rosters.count, using: &random)]
                if Bool.random(using: &random), let (_, changes) = try? iv.addRow(roster.id) {
                    households[h] = iv
                    action = ("row added", { try store.commit(changes, of: iv, who: "李文华") })
                } else if let row = iv.rows(roster.id).last, let changes = try? iv.removeRow(roster.id, row: row, reason: "迁出") {
                    households[h] = iv
                    action = ("row removed", { try store.commit(changes, of: iv, who: "李文华") })
                }
            case 70..<88:
                var iv = households[h]
                let explained = iv.problems.filter { $0.severity == .warning && $0.overrideReason != nil && q.checks[$0.check].ownsValue }
                if Int.random(in: 0..<4, using: &random) > 0, let problem = explained.randomElement(using: &random) {
                    // A new value for the field whose warning has a reason: the reason goes with the old value.
                    let field = q.questions[q.checks[problem.check].field]
                    // A few draws: the first may be the value it already has.
                    let drawn = (0..<5).lazy.compactMap { _ in try? iv.answer(field.index, row: problem.row, Self.value(for: field, &random)) }
                    guard let changes = drawn.first(where: { !$0.isEmpty }),
                          changes.contains(where: { if case .override(_, _, nil) = $0 { true } else { false } }) else { continue }
                    households[h] = iv
                    action = ("override cleared", { try store.commit(changes, of: iv, who: "李文华") })
                } else {
                    let open = iv.problems.filter { $0.severity == .warning && $0.overrideReason == nil }
                    guard let problem = open.first, let changes = try? iv.override(problem.key, reason: "已核实 \(step)") else { continue }
                    households[h] = iv
                    action = ("override", { try store.commit(changes, of: iv, who: "李文华") })
                }
            case 88..<92:
                let id = households[h].householdID, status = statuses[Int.random(in: 0..<statuses.count, using: &random)]
                let reason = Bool.random(using: &random) ? "复核" : nil
                action = ("status", { try store.setStatus(id, to: status, reason: reason, who: "李文华") })
            case 92..<96:
                let iv = households[h]
                let question = inputs[Int.random(in: 0..<inputs.count, using: &random)]
                let row = question.roster.flatMap { iv.rowIDs(of: $0).first }
                action = ("comment", { comments.append(try store.addComment(iv.householdID, row: row, question: question.id, text: "请核对", who: "乡镇审核员").id) })
            case 96..<98:
                guard !comments.isEmpty else { continue }
                let id = comments.remove(at: Int.random(in: 0..<comments.count, using: &random))
                action = ("comment resolved", { try store.resolveComment(id, who: "李文华") })
            default:
                let id = households[h].householdID
                action = Bool.random(using: &random)
                    ? ("approved", { try store.approve(id, who: "乡镇审核员") })
                    : ("sent back", { try store.sendBack(id, reason: "身份证号与户口本不符", who: "乡镇审核员") })
            }
            guard let action else { continue }
            try Self.expectSameChangeset(store, step: step, kind: action.kind, action.write)
            kinds[action.kind, default: 0] += 1
        }
        print("local writes compared:", kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        // Every kind of write was drawn (a generator that stopped drawing one would compare nothing of it).
        #expect(Set(kinds.keys).isSuperset(of: everyKind), "\(kinds)")
    }

    @Test func aWriteThatFailsLeavesNoHookBehindAndTheNextWriteIsCaptured() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let iv = try Fixture.household(store, no: "0001", head: "王建军")
        // A write whose body fails: the hook must be gone, or the session made next would take our
        // recorder for one of its own.
        #expect(throws: (any Error).self) {
            try store.capturedWrite { db in
                try db.execute(sql: "UPDATE household SET headName = 'x' WHERE id = ?", arguments: [iv.householdID.uuidString.lowercased()])
                throw SupportFailure("the write gives up")
            }
        }
        let (_, session) = try store.pool.write { db in
            try Changeset.capture(db.sqliteConnection!) {
                try db.execute(sql: "UPDATE household SET groupName = '一组' WHERE id = ?", arguments: [iv.householdID.uuidString.lowercased()])
            }
        }
        #expect(try Changeset.count(#require(session)) == ["household": ChangeCount(update: 1)])
        try store.setStatus(iv.householdID, to: .complete, who: "李文华")
        let outbox = try store.pool.read { db in try Data.fetchOne(db, sql: "SELECT changeset FROM outbox ORDER BY id DESC LIMIT 1") }
        #expect(try Changeset.count(#require(outbox))["household"]?.update == 1)
    }

    // MARK: Comparing

    /// One change, comparable: the table, op byte, indirect byte and both records.
    struct Change: Hashable, CustomStringConvertible {
        var table: String
        var primaryKey: [UInt8]
        var op: UInt8
        var indirect: UInt8
        var old: String
        var new: String
        var description: String { "\(table) op \(op) indirect \(indirect) old \(old) new \(new)" }
    }

    static func changes(_ changeset: Data?) throws -> [Change: Int] {
        guard let changeset else { return [:] }
        // SQLite's own reader must accept it whole, not only the test's.
        _ = try Changeset.count(changeset)
        var out: [Change: Int] = [:]
        for table in try ChangesetCodec(changeset).tables {
            for c in table.changes {
                out[Change(table: table.name, primaryKey: table.primaryKey, op: c.op, indirect: c.indirect,
                           old: render(c.old), new: render(c.new)), default: 0] += 1
            }
        }
        return out
    }

    /// A record's values, every byte shown: `Data`'s own description gives only its length.
    static func render(_ values: [ChangesetCodec.Value]) -> String {
        values.map { value in
            switch value {
            case .undefined: return "undefined"
            case .null: return "NULL"
            case .integer(let n): return "int \(n)"
            case .real(let d): return "real \(String(d.bitPattern, radix: 16))"
            case .text(let d): return "text \(d.map { String($0, radix: 16) }.joined(separator: " ")) \(String(decoding: d, as: UTF8.self))"
            case .blob(let d): return "blob \(d.map { String($0, radix: 16) }.joined(separator: " "))"
            }
        }.joined(separator: ", ")
    }

    /// Runs `write` on `store` (one local write), then replays the row changes it made on a copy of the
    /// store as it was, under a session, and holds the two changesets and what they make to each other.
    static func expectSameChangeset(_ store: HouseholdStore, step: Int, kind: String, _ write: () throws -> Void) throws {
        let before = try DatabaseQueue()
        try store.pool.backup(to: before)
        let lastOutbox = try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM outbox") } ?? 0
        let log = ObservedChanges()
        try ChangeRecorder.$observer.withValue({ log.append($0) }) { try write() }
        let observed = log.all
        #expect(!observed.isEmpty, "step \(step) \(kind): the hook saw nothing")
        let recorded = try store.pool.read { db in
            try Data.fetchAll(db, sql: "SELECT changeset FROM outbox WHERE id > ? ORDER BY id", arguments: [lastOutbox])
        }
        #expect(recorded.count <= 1, "step \(step) \(kind): one write, one outbox row")

        // The reference: the same row changes, made by plain statements under the session extension.
        // Trigger-made changes (depth > 0) are left to the triggers, which fire again.
        let reference = try DatabaseQueue()
        try before.backup(to: reference)
        let session = try reference.write { db in
            try Changeset.capture(db.sqliteConnection!) {
                for change in observed where change.depth == 0 { try replay(change, db) }
            }.1
        }
        let mine = try changes(recorded.first), theirs = try changes(session)
        #expect(mine == theirs, """
            step \(step) \(kind): recorded and session changesets differ
            only recorded: \(mine.filter { theirs[$0.key] != $0.value })
            only session: \(theirs.filter { mine[$0.key] != $0.value })
            """)

        // Applied to copies of the store as it was, the two make the same store, with the travelling rows
        // the write itself left.
        var dumps: [[Substring]] = []
        for changeset in [recorded.first, session] {
            let copy = try DatabaseQueue()
            try before.backup(to: copy)
            if let changeset {
                try copy.write { db in
                    try Changeset.apply(ChangesetInput(changeset), to: db.sqliteConnection!, handler: AbortOnConflict()) {}
                }
            }
            dumps.append(try travellingRows(copy))
        }
        let after = try travellingRows(store.pool)
        #expect(dumps[0] == dumps[1], "step \(step) \(kind): the two changesets make different stores")
        #expect(dumps[0] == after, "step \(step) \(kind): the recorded changeset does not make the store the write left")
    }

    /// The travelling tables' rows of a store dump (the rest is each store's own bookkeeping), sorted: the
    /// session writes a table's changes in its hash order, so the same rows may take other rowids.
    static func travellingRows(_ reader: some DatabaseReader) throws -> [Substring] {
        let tables = Set(TravellingTable.allCases.map(\.rawValue))
        return try StoreDump.of(reader).split(separator: "\n")
            .filter { line in tables.contains { line.hasPrefix("INSERT INTO \($0) VALUES(") } }
            .sorted()
    }

    /// One observed change as a plain statement: the whole row inserted, every column set by key, or the row deleted.
    static func replay(_ change: ChangeRecorder.Observed, _ db: Database) throws {
        let table = change.table.rawValue
        let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(table)\")")
        let names = info.map { "\"\($0["name"] as String)\"" }
        let key = info.enumerated().filter { ($0.element["pk"] as Int) != 0 }.map(\.offset)
        func values(_ cells: [Cell]?) -> [DatabaseValue] { (cells ?? []).map(\.databaseValue) }
        let whereKey = key.map { "\(names[$0]) = ?" }.joined(separator: " AND ")
        switch change.operation {
        case .insert:
            try db.execute(sql: "INSERT INTO \"\(table)\" VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                           arguments: StatementArguments(values(change.new)))
        case .update:
            let old = values(change.old)
            try db.execute(sql: "UPDATE \"\(table)\" SET \(names.map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(whereKey)",
                           arguments: StatementArguments(values(change.new) + key.map { old[$0] }))
        case .delete:
            let old = values(change.old)
            try db.execute(sql: "DELETE FROM \"\(table)\" WHERE \(whereKey)", arguments: StatementArguments(key.map { old[$0] }))
        }
        #expect(db.changesCount == 1, "replaying \(change.operation) on \(table) changed \(db.changesCount) rows")
    }

    /// A random value of `question`'s type, sometimes one its checks refuse (a warning to override).
    static func value(for question: Question, _ random: inout SplitMix64) -> Value {
        switch question.type {
        case .text: return .text(["王建军", "一组", "13700000000", "", "a'b\"c"][Int.random(in: 0..<5, using: &random)])
        case .idNumber:
            return .text(Fixture.idNumber(Day(year: Int.random(in: 1930...2020, using: &random), month: 3, day: 4)!,
                                          Int.random(in: 1...99, using: &random), sex: Int.random(in: 1...2, using: &random)))
        case .integer: return .number(Double(Int.random(in: -1...120, using: &random)))
        // Fractions that 15 digits cannot hold, and integral values a REAL column may keep as integers.
        case .decimal: return .number([1.0 / 3, 2_500, 0.1 + 0.2, 12_000.5, 0][Int.random(in: 0..<5, using: &random)])
        case .code:
            let items = question.codeList?.items ?? []
            return .code(items.isEmpty ? 1 : items[Int.random(in: 0..<items.count, using: &random)].code)
        case .codes:
            let items = question.codeList?.items ?? []
            return .codes(items.isEmpty ? [1] : Array(Set((0..<Int.random(in: 1...3, using: &random)).map { _ in
                items[Int.random(in: 0..<items.count, using: &random)].code })).sorted())
        case .yesno: return .bool(Bool.random(using: &random))
        case .date: return .date(Day(year: Int.random(in: 2019...2021, using: &random), month: Int.random(in: 1...12, using: &random), day: 15)!)
        }
    }
}

/// The changes the hook saw during one write (the observer is Sendable; the write runs on the pool's queue).
final class ObservedChanges: @unchecked Sendable {
    private let lock = NSLock()
    private var changes: [ChangeRecorder.Observed] = []
    func append(_ change: ChangeRecorder.Observed) { lock.lock(); changes.append(change); lock.unlock() }
    var all: [ChangeRecorder.Observed] { lock.lock(); defer { lock.unlock() }; return changes }
}

/// Refuses every conflict: a changeset applied to the store it was made from has none.
final class AbortOnConflict: ChangesetConflictHandler {
    func decide(_ kind: Int32, _ change: ChangeView) -> Int32 { 2 }  // SQLITE_CHANGESET_ABORT
}

extension Cell {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let n): return n.databaseValue
        case .real(let d): return d.databaseValue
        case .text(let s): return s.databaseValue
        case .blob(let b): return b.databaseValue
        }
    }
}
