import CSQLiteSession
import Foundation
import GRDB
import Survey

/// Collects what SQLite reports while a bundle is applied. Rows of the tables that hold a person's
/// answers and decisions are set aside (OMIT) and settled afterwards by `ConflictMerge`, field by field;
/// everything else is append-only (audit lines, comments) or a flag both sides set (a removed row), so
/// keeping this store's copy loses nothing.
final class ImportConflicts: ChangesetConflictHandler {
    /// A change SQLite could not apply as it stood.
    struct Deferred {
        var table: String
        var op: Int32
        var old: [String: Cell]
        var new: [String: Cell]
    }

    static let settled: Set<String> = ["answer", "override", "household", "review"]
    let columns: [String: [String]]
    var deferred: [Deferred] = []
    var foreignKeyViolation = false
    var constraintFailure: String?

    init(columns: [String: [String]]) { self.columns = columns }

    /// Column names of each captured table, in changeset order.
    static func columns(_ db: Database) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for table in Changeset.capturedTables {
            result[table] = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
        }
        return result
    }

    func decide(_ kind: Int32, _ change: ChangeView) -> Int32 {
        switch kind {
        case SQLITE_CHANGESET_FOREIGN_KEY:
            // Rows for households this store does not have (a supervisor's bundle meant for another laptop).
            foreignKeyViolation = true
            return SQLITE_CHANGESET_OMIT
        case SQLITE_CHANGESET_CONSTRAINT:
            constraintFailure = change.operation.table
            return SQLITE_CHANGESET_ABORT
        default:
            let (table, op, n) = change.operation
            guard Self.settled.contains(table), let names = columns[table], names.count == n else { return SQLITE_CHANGESET_OMIT }
            var old: [String: Cell] = [:], new: [String: Cell] = [:]
            for i in 0..<n {
                if let c = change.old(i) { old[names[i]] = c }
                if let c = change.new(i) { new[names[i]] = c }
            }
            deferred.append(Deferred(table: table, op: op, old: old, new: new))
            return SQLITE_CHANGESET_OMIT
        }
    }
}

/// Settles the changes set aside while applying a bundle: a field changed only on the other side is
/// taken; the same field changed on both sides goes to the conflict queue with both values — unless a
/// resolution that travelled with the bundle already decided between exactly these values. A household's
/// listing fields (progress, error counts) are worked out again from the merged answers.
struct ConflictMerge {
    let store: HouseholdStore
    let db: Database
    let manifest: BundleManifest
    let questionnaire: Questionnaire?

    /// The household columns worked out from answers.
    static let derived: Set<String> = ["villageCode", "groupName", "householdNo", "headName", "headIDNumber", "answered", "required",
                                       "hardErrors", "softOpen", "householdType", "mainCause", "interviewDate", "perCapitaIncome",
                                       "incomeLine", "unmetGuarantees"]

    /// Settles everything; returns how many conflicts were queued.
    func settle(_ handler: ImportConflicts) throws -> Int {
        var conflicts = 0
        var recompute: Set<String> = []
        for d in handler.deferred {
            switch d.table {
            case "household": conflicts += try settleHousehold(d, recompute: &recompute)
            default: conflicts += try settleField(d, recompute: &recompute)
            }
        }
        if handler.foreignKeyViolation { try dropOrphans() }
        if let questionnaire { for hid in recompute.sorted() { try store.recomputeSummary(hid, db, questionnaire) } }
        return conflicts
    }

    /// Which field of which household a row of `answer`, `override` or `review` is.
    private struct FieldKey {
        var kind: ConflictKind
        var keyColumns: [String]
        var valueColumns: [String]
        var householdID: String
        var rowID: String
        var field: String
    }

    private func key(_ d: ImportConflicts.Deferred) -> FieldKey? {
        let k = d.op == SQLITE_INSERT ? d.new : d.old
        guard let hid = k["householdID"]?.text else { return nil }
        switch d.table {
        case "answer":
            return FieldKey(kind: .answer, keyColumns: ["householdID", "rowID", "question"], valueColumns: ["type", "value"],
                            householdID: hid, rowID: k["rowID"]?.text ?? "", field: k["question"]?.text ?? "")
        case "override":
            return FieldKey(kind: .override, keyColumns: ["householdID", "rowID", "checkID"], valueColumns: ["reason"],
                            householdID: hid, rowID: k["rowID"]?.text ?? "", field: k["checkID"]?.text ?? "")
        case "review":
            return FieldKey(kind: .review, keyColumns: ["householdID"], valueColumns: ["state", "reason"], householdID: hid, rowID: "", field: "review")
        default: return nil
        }
    }

    /// A row's value as one comparable text: "type:text" for answers (as in the audit trail), the reason of
    /// an override, "state: reason" of a review.
    static func valueText(kind: ConflictKind, _ row: [String: DatabaseValue]) -> String? {
        func s(_ c: String) -> String? { row[c].flatMap { String.fromDatabaseValue($0) } }
        switch kind {
        case .answer: return s("value").map { (s("type") ?? "text") + ":" + $0 }
        case .override: return s("reason")
        case .review, .status: return s("state").map { st in s("reason").map { st + ": " + $0 } ?? st }
        }
    }

    private func settleField(_ d: ImportConflicts.Deferred, recompute: inout Set<String>) throws -> Int {
        guard let k = key(d), try HouseholdRecord.exists(db, key: k.householdID) else { return 0 }
        let whereSQL = k.keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
        let keyArgs = StatementArguments(k.keyColumns.map { c in c == "householdID" ? k.householdID : (c == "rowID" ? k.rowID : k.field) })
        let localRow = try Row.fetchOne(db, sql: "SELECT * FROM \(d.table) WHERE \(whereSQL)", arguments: keyArgs)
        let local = localRow.map { r in Dictionary(uniqueKeysWithValues: r.columnNames.map { ($0, r[$0] as DatabaseValue) }) }
        // The other side left the value alone (it only re-stamped who or when): this store's value stands.
        if d.op == SQLITE_UPDATE && k.valueColumns.allSatisfy({ d.new[$0] == nil }) { return 0 }
        var incoming: [String: DatabaseValue]?
        if d.op != SQLITE_DELETE {
            var row = local ?? d.old.mapValues(\.databaseValue)
            for (c, v) in d.new { row[c] = v.databaseValue }
            if k.kind == .answer && row["type"] == nil { row["type"] = try lastType(k).databaseValue }
            incoming = row
        }
        let mine = local.flatMap { Self.valueText(kind: k.kind, $0) }
        let theirs = incoming.flatMap { Self.valueText(kind: k.kind, $0) }
        if mine == theirs { return 0 }
        if try resolved(k.householdID, k.rowID, k.kind, k.field, mine: mine, theirs: theirs) {
            // A decision made elsewhere between exactly these values: take it.
            if let incoming {
                let cols = Array(incoming.keys)
                try db.execute(sql: "INSERT OR REPLACE INTO \(d.table) (\(cols.joined(separator: ", "))) VALUES (\(cols.map { _ in "?" }.joined(separator: ", ")))",
                               arguments: StatementArguments(cols.map { incoming[$0]! }))
            } else {
                try db.execute(sql: "DELETE FROM \(d.table) WHERE \(whereSQL)", arguments: keyArgs)
            }
            recompute.insert(k.householdID)
            return 0
        }
        func s(_ row: [String: DatabaseValue]?, _ c: String) -> String { row?[c].flatMap { String.fromDatabaseValue($0) } ?? "" }
        return try queue(k.householdID, k.rowID, k.kind, k.field, mine: mine, mineWho: s(local, "who"), mineAt: s(local, "at"),
                         theirs: theirs, theirsWho: incoming == nil ? manifest.enumerator : s(incoming, "who"),
                         theirsAt: incoming == nil ? manifest.createdAt : s(incoming, "at"))
    }

    /// The type of an answer this store has since cleared, from its audit trail.
    private func lastType(_ k: FieldKey) throws -> String {
        let old = try String.fetchOne(db, sql: """
            SELECT oldValue FROM audit WHERE householdID = ? AND rowID = ? AND subject = ? AND kind = 'answer' AND oldValue IS NOT NULL
            ORDER BY clock DESC LIMIT 1
            """, arguments: [k.householdID, k.rowID, k.field])
        return old.map { ValueCoding.split(auditText: $0).type } ?? "text"
    }

    /// Whether a resolution already chose `theirs` over `mine` for this field.
    private func resolved(_ hid: String, _ rowID: String, _ kind: ConflictKind, _ field: String, mine: String?, theirs: String?) throws -> Bool {
        let rows = try Row.fetchAll(db, sql: "SELECT value, supersedes FROM resolution WHERE householdID = ? AND rowID = ? AND kind = ? AND field = ?",
                                    arguments: [hid, rowID, kind, field])
        return rows.contains { r in
            let superseded = (try? JSONDecoder().decode([String?].self, from: Data((r["supersedes"] as String).utf8))) ?? []
            return (r["value"] as String?) == theirs && superseded.contains(mine)
        }
    }

    private func queue(_ hid: String, _ rowID: String, _ kind: ConflictKind, _ field: String, mine: String?, mineWho: String, mineAt: String,
                       theirs: String?, theirsWho: String, theirsAt: String) throws -> Int {
        typealias C = ConflictRecord.Columns
        let open = try ConflictRecord.filter(C.householdID == hid && C.rowID == rowID && C.kind == kind && C.field == field
                                             && C.state == ConflictState.open).fetchAll(db)
        if open.contains(where: { $0.mineValue == mine && $0.theirsValue == theirs }) { return 0 }
        try ConflictRecord(id: UUID().uuidString.lowercased(), householdID: hid, rowID: rowID.isEmpty ? nil : UUID(uuidString: rowID), kind: kind, field: field, mineValue: mine,
                           mineWho: mineWho, mineAt: mineAt, theirsValue: theirs, theirsWho: theirsWho, theirsAt: theirsAt,
                           theirsDevice: manifest.deviceID, bundleID: manifest.bundleID, sequence: manifest.sequence,
                           detectedAt: HouseholdStore.timestamp(), state: .open).insert(db)
        return 1
    }

    /// A household row both sides changed: each column only the other side changed is taken, the status
    /// follows the review workflow, the listing fields are recomputed, and position stays this store's.
    private func settleHousehold(_ d: ImportConflicts.Deferred, recompute: inout Set<String>) throws -> Int {
        guard let hid = (d.op == SQLITE_INSERT ? d.new : d.old)["id"]?.text,
              let localRow = try Row.fetchOne(db, sql: "SELECT * FROM household WHERE id = ?", arguments: [hid]) else { return 0 }
        var updates: [(String, DatabaseValue)] = []
        var conflicts = 0
        for (column, cell) in d.new.sorted(by: { $0.key < $1.key }) where column != "id" {
            let theirs = cell.databaseValue, mine = localRow[column] as DatabaseValue
            if theirs == mine { continue }
            if d.op == SQLITE_UPDATE, let old = d.old[column]?.databaseValue, old == mine {
                updates.append((column, theirs))  // only they changed it
                continue
            }
            switch column {
            case "status":
                let m = String.fromDatabaseValue(mine), t = String.fromDatabaseValue(theirs)
                if try resolved(hid, "", .status, "status", mine: m, theirs: t) { updates.append((column, theirs)); continue }
                switch Self.workflow(mine: m, theirs: t) {
                case .takeTheirs: updates.append((column, theirs)); continue
                case .keepMine: continue
                case .conflict: break
                }
                let mineWho = try String.fetchOne(db, sql: "SELECT who FROM audit WHERE householdID = ? AND kind = 'status' ORDER BY clock DESC LIMIT 1",
                                                  arguments: [hid]) ?? ""
                conflicts += try queue(hid, "", .status, "status", mine: m, mineWho: mineWho, mineAt: localRow["updatedAt"] ?? "",
                                       theirs: t, theirsWho: manifest.enumerator, theirsAt: d.new["updatedAt"]?.text ?? manifest.createdAt)
            case "updatedAt":
                if let t = String.fromDatabaseValue(theirs), t > (String.fromDatabaseValue(mine) ?? "") { updates.append((column, theirs)) }
            default:
                if Self.derived.contains(column) { recompute.insert(hid) }
            }
        }
        if !updates.isEmpty {
            try db.execute(sql: "UPDATE household SET \(updates.map { "\($0.0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                           arguments: StatementArguments(updates.map(\.1) + [hid.databaseValue]))
        }
        return conflicts
    }

    typealias StatusMerge = Store.StatusMerge

    static func workflow(mine: String?, theirs: String?) -> StatusMerge { StatusMerge.workflow(mine: mine, theirs: theirs) }

    /// Rows whose household is not in this store: dropped, so the transaction can commit.
    private func dropOrphans() throws {
        for table in ["rosterRow", "answer", "audit", "override", "review", "comment", "procedureStep", "procedure", "carriedRow", "round"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE householdID NOT IN (SELECT id FROM household)")
        }
    }
}

extension Cell {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let i): return i.databaseValue
        case .real(let d): return d.databaseValue
        case .text(let s): return s.databaseValue
        case .blob(let b): return b.databaseValue
        }
    }
}

/// How a status both sides changed is settled.
public enum StatusMerge: Sendable {
    case takeTheirs, keepMine, conflict

    /// The review workflow decides most status clashes. A supervisor's "sent back" reaches the laptop
    /// whatever the enumerator did since; an approval of a version the enumerator has changed since is
    /// stale, and the enumerator's work on a decided household sends it back round (changed after
    /// approval → reviewed again). Two supervisors deciding differently, or two laptops disagreeing, is a
    /// conflict for a person. Shared with the county hub, which merges by the same rule.
    public static func workflow(mine: String?, theirs: String?) -> StatusMerge {
        let decisions: Set<HouseholdStatus?> = [.approved, .sentBack], work: Set<HouseholdStatus?> = [.inProgress, .complete]
        // An unknown status on either side is no workflow step: a person decides.
        let mine = mine.flatMap(HouseholdStatus.init(rawValue:)), theirs = theirs.flatMap(HouseholdStatus.init(rawValue:))
        switch (mine, theirs) {
        case let (m, .sentBack?) where work.contains(m): return .takeTheirs
        case let (m, .approved?) where work.contains(m): return .keepMine
        case let (m, t) where decisions.contains(m) && work.contains(t): return .takeTheirs
        default: return .conflict
        }
    }
}
