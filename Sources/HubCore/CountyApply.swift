import Foundation
import Logging
import PostgresNIO
import Store

/// A county table's row by laptop column name (without `county`).
typealias CountyRow = [String: RowValue]

/// Applies an accepted bundle's changes to the county tables, inside the caller's transaction, with the rules
/// of a laptop's `bundle import` (`Changeset.apply` and `ConflictMerge`): SQLite's changeset semantics first —
/// an insert over an existing row, an update or delete whose old values are not the current ones, or a row
/// that is not there, is a conflict — then the conflicts of answers, reasons, reviews and households settled
/// field by field (taken when only the other side changed it; nothing when both sides agree; a travelled
/// resolution between exactly these values taken; the review workflow for the status; otherwise a conflict
/// queue entry). Set-based: every row the bundle touches is read in one query per table, the merge runs in
/// memory, and the result is written back in batched multi-row statements.
///
/// The hub holds no questionnaire, so a household's listing fields are not worked out again after a merge:
/// they stay as the bundles set them (a laptop importing without a questionnaire does the same).
enum CountyApply {
    /// The laptop tables whose conflicts are settled field by field; the others keep the county's copy.
    static let settled: Set<String> = ["answer", "override", "household", "review"]
    /// The household columns a laptop works out from answers.
    static let derived: Set<String> = ["villageCode", "groupName", "householdNo", "headName", "headIDNumber", "answered", "required",
                                       "hardErrors", "softOpen", "householdType", "mainCause", "interviewDate", "perCapitaIncome",
                                       "incomeLine", "unmetGuarantees"]
    /// Tables whose rows need their household (a foreign key on the laptop): rows of unknown households are dropped.
    static let owned: Set<String> = ["rosterRow", "answer", "audit", "override", "review", "comment", "procedure", "procedureStep",
                                     "round", "carriedRow"]

    /// Refuses changes a laptop's store would refuse on its column types, before anything is logged: a value
    /// of the wrong kind, a missing or NULL value where a column needs one, an unknown table.
    static func check(_ changes: [RowChange]) throws(BundleRejection) {
        for change in changes {
            guard let table = CountyTable.travelling[change.table] else { throw BundleRejection.changesDamaged("table \(change.table)") }
            // Every value the change leaves (an old one only where no new one replaces it) must fit its column.
            func fits(_ name: String, _ value: RowValue) throws(BundleRejection) {
                guard let column = table.column(name), normalized(value, column.kind) != nil else {
                    throw BundleRejection.changesDamaged("\(change.table).\(name)")
                }
            }
            for (name, value) in change.new { try fits(name, value) }
            for (name, value) in change.old where change.new[name] == nil { try fits(name, value) }
            for (name, value) in change.new where value == .null && !table.nullable.contains(name) {
                throw BundleRejection.changesDamaged("\(change.table).\(name) is NULL")
            }
            if change.operation == .insert {
                for column in table.columns where change.new[column.laptop] == nil {
                    throw BundleRejection.changesDamaged("\(change.table).\(column.laptop) missing")
                }
            }
            for k in table.key where (change.operation == .insert ? change.new[k] : change.old[k])?.text == nil {
                throw BundleRejection.changesDamaged("\(change.table).\(k) is not text")
            }
        }
    }

    /// A value as the county column of `kind` holds it; nil when it cannot be one (a blob, text in a number).
    static func normalized(_ value: RowValue, _ kind: CountyColumn.Kind) -> RowValue? {
        switch (value, kind) {
        case (.null, _): return .null
        case (.blob, _): return nil
        case (.text, .text): return value
        case (.integer(let i), .text): return .text(String(i))
        case (.real(let d), .text): return .text(String(d))
        case (.integer, .integer): return value
        case (.integer(let i), .bool): return .integer(i == 0 ? 0 : 1)
        case (.integer(let i), .real): return .real(Double(i))
        case (.real, .real): return value
        case (.real(let d), .integer), (.real(let d), .bool): return d == d.rounded() && abs(d) < 9e15 ? .integer(Int64(d)) : nil
        case (.text(let s), .integer), (.text(let s), .bool): return Int64(s).map { .integer($0) }
        case (.text(let s), .real): return Double(s).map { .real($0) }
        }
    }

    /// Applies `changes` (one bundle of `manifest`); returns how many conflicts it queued.
    @discardableResult
    static func apply(_ changes: [RowChange], of manifest: BundleManifest, _ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let state = CountyState(connection: connection, logger: logger)
        try await state.load(changes)
        var merge = CountyMerge(state: state, manifest: manifest, detectedAt: HubStore.timestamp())
        try await merge.run(changes)
        try await state.write()
        return merge.conflicts
    }
}

/// The rows one bundle touches, as the county tables hold them now and as the apply leaves them.
final class CountyState {
    struct Key: Hashable {
        var table: String
        var county: String
        var values: [String]
    }

    let connection: PostgresConnection
    let logger: Logger
    /// Each household's county, for the households the bundle names (and those it inserts).
    var counties: [String: String] = [:]
    /// The county of each row an update names by its own id alone (roster rows, comments), as the county holds it.
    var rowCounties: [String: String] = [:]
    /// The rows as they stand during the apply; a key mapped to nil has no row. Only keys read or written.
    var rows: [Key: CountyRow?] = [:]
    /// Keys whose row the apply changed, in the order first changed.
    var changed: [Key] = []
    private var changedSet: Set<Key> = []
    /// Conflicts queued by this bundle.
    var conflicts: [CountyRow] = []
    /// Audit lines and resolutions this bundle inserted (lookups see them before they are written).
    var insertedAudit: [CountyRow] = []
    var insertedResolutions: [CountyRow] = []

    init(connection: PostgresConnection, logger: Logger) { self.connection = connection; self.logger = logger }

    func keyValues(_ table: CountyTable, _ row: CountyRow) -> [String] { table.key.map { row[$0]?.text ?? "" } }

    /// The county of a change's row: a household's own (or its village's, when inserted), a row's household's;
    /// resolutions of households the county does not hold go to the default partition.
    func county(of change: RowChange) -> String? {
        let k = change.operation == .insert ? change.new : change.old
        let hid = (change.table == "household" ? k["id"] : k["householdID"])?.text ?? ""
        if let c = counties[hid] { return c }
        // An update of a row keyed by its own id names no household: the row's county, when the county holds it.
        if change.table != "household", let id = k["id"]?.text, let c = rowCounties[change.table + "/" + id] { return c }
        return change.table == "resolution" ? "" : nil
    }

    func key(of change: RowChange, county: String) -> Key {
        let table = CountyTable.travelling[change.table]!
        return Key(table: change.table, county: county, values: keyValues(table, change.operation == .insert ? change.new : change.old))
    }

    /// Reads the households the bundle names and every row it touches, one query per table.
    func load(_ changes: [RowChange]) async throws {
        var households: Set<String> = []
        var villages: [String: String] = [:]
        for c in changes {
            let k = c.operation == .insert ? c.new : c.old
            if c.table == "household" {
                guard let id = k["id"]?.text else { continue }
                households.insert(id)
                if c.operation == .insert, let v = c.new["villageCode"]?.text { villages[id] = v }
            } else if let hid = k["householdID"]?.text {
                households.insert(hid)
            }
        }
        // Updates keyed by a row's own id (a removed roster row, a comment dealt with) carry no household id: read those rows first.
        var byID: [String: Set<String>] = [:]
        for c in changes where c.operation != .insert && c.table != "household" && c.old["householdID"] == nil {
            if let id = c.old["id"]?.text { byID[c.table, default: []].insert(id) }
        }
        for (name, ids) in byID {
            let table = CountyTable.travelling[name]!
            for (county, r) in try await select(table, where: "id = ANY($1)", [Array(ids)]) {
                let id = r["id"]?.text ?? ""
                rowCounties[name + "/" + id] = county
                rows[Key(table: name, county: county, values: [id])] = r
                if let hid = r["householdID"]?.text { households.insert(hid) }
            }
        }
        let known = try await select(CountyTable.household, where: "id = ANY($1)", [Array(households)])
        for row in known {
            let (county, r) = row
            let id = r["id"]?.text ?? ""
            counties[id] = county
            rows[Key(table: "household", county: county, values: [id])] = r
        }
        // A household first seen in this bundle goes to its village's county.
        for (id, village) in villages where counties[id] == nil {
            counties[id] = CountyCode.of(village: village)
            rows[Key(table: "household", county: counties[id]!, values: [id])] = .some(nil)
        }
        // Only households the county held before can have rows already (orphans are never kept): a bundle of new
        // households reads nothing more.
        let existing = Set(known.map { $0.1["id"]?.text ?? "" })
        var wanted: [String: Set<Key>] = [:]
        for c in changes where c.table != "household" {
            guard let county = county(of: c) else { continue }
            let k = key(of: c, county: county)
            let hid = (c.operation == .insert ? c.new : c.old)["householdID"]?.text ?? ""
            if rows[k] != nil { continue }  // read above by its id
            if existing.contains(hid) || c.table == "resolution" {
                wanted[c.table, default: []].insert(k)
            } else {
                rows[k] = .some(nil)
            }
        }
        for (name, keys) in wanted {
            let table = CountyTable.travelling[name]!
            for k in keys { rows[k] = .some(nil) }
            var arrays: [[String]] = [keys.map(\.county)]
            for i in table.key.indices { arrays.append(keys.map { $0.values[i] }) }
            let columns = (["county"] + table.key.map { table.column($0)!.name }).joined(separator: ", ")
            let unnest = table.keyArrayParameters
            // Joined from the keys, so each is an index lookup in its county's partition.
            let names = (["county"] + table.key.map { table.column($0)!.name })
            let join = names.map { "t.\($0) = k.\($0)" }.joined(separator: " AND ")
            for (county, r) in try await select(table, from: "unnest(\(unnest)) AS k(\(columns)) JOIN \(table.name) t ON \(join)", arrays) {
                rows[Key(table: name, county: county, values: keyValues(table, r))] = r
            }
        }
    }

    /// Rows of `table` matching `condition` over text-array parameters (`= ANY($n)` for one value), with their county.
    func select(_ table: CountyTable, where condition: String, _ arrays: [[String]]) async throws -> [(String, CountyRow)] {
        try await select(table, from: "\(table.name) t WHERE \(condition)", arrays)
    }

    /// Rows of `table` (as `t`) from a FROM clause over text-array parameters, with their county.
    func select(_ table: CountyTable, from clause: String, _ arrays: [[String]]) async throws -> [(String, CountyRow)] {
        var bindings = PostgresBindings()
        for a in arrays { bindings.append(a) }
        let columns = (["county"] + table.columns.map(\.name)).map { "t." + $0 }.joined(separator: ", ")
        let query = PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \(clause)", binds: bindings)
        var result: [(String, CountyRow)] = []
        for try await row in try await connection.query(query, logger: logger) {
            let cells = row.makeRandomAccess()
            let county = try cells[0].decode(String.self)
            var r: CountyRow = [:]
            for (i, column) in table.columns.enumerated() {
                let cell = cells[i + 1]
                switch column.kind {
                case .text: r[column.laptop] = try cell.decode(String?.self).map { .text($0) } ?? .null
                case .integer: r[column.laptop] = try cell.decode(Int64?.self).map { .integer($0) } ?? .null
                case .real: r[column.laptop] = try cell.decode(Double?.self).map { .real($0) } ?? .null
                case .bool: r[column.laptop] = try cell.decode(Bool?.self).map { .integer($0 ? 1 : 0) } ?? .null
                }
            }
            result.append((county, r))
        }
        return result
    }

    /// The row under `key` now (nil: none).
    func row(_ key: Key) -> CountyRow? { rows[key] ?? nil }

    /// Sets the row under `key` (nil deletes it).
    func set(_ key: Key, _ row: CountyRow?) {
        rows[key] = .some(row)
        if changedSet.insert(key).inserted { changed.append(key) }
    }

    func householdExists(_ hid: String) -> Bool {
        guard let county = counties[hid] else { return false }
        return row(Key(table: "household", county: county, values: [hid])) != nil
    }

    /// Writes every changed row and queued conflict: deletes, then multi-row upserts, per table.
    func write() async throws {
        CountyMerge.dropOrphans(self)
        var counties = Set(changed.map(\.county))
        counties.formUnion(conflicts.compactMap { $0["county"]?.text })
        try await CountyCode.ensurePartitions(counties, connection, logger: logger)
        var byTable: [String: [Key]] = [:]
        for k in changed { byTable[k.table, default: []].append(k) }
        for table in CountyTable.all.dropLast() {
            guard let keys = byTable[table.laptop] else { continue }
            let deleted = keys.filter { row($0) == nil }
            if !deleted.isEmpty {
                var bindings = PostgresBindings()
                bindings.append(deleted.map(\.county))
                for i in table.key.indices { bindings.append(deleted.map { $0.values[i] }) }
                let columns = (["county"] + table.key.map { table.column($0)!.name }).joined(separator: ", ")
                let unnest = table.keyArrayParameters
                try await connection.query(PostgresQuery(unsafeSQL: """
                    DELETE FROM \(table.name) WHERE (\(columns)) IN (SELECT * FROM unnest(\(unnest)))
                    """, binds: bindings), logger: logger)
            }
            let kept = keys.compactMap { k in row(k).map { (k.county, $0) } }
            try await Self.upsert(table, kept, connection, logger: logger)
        }
        try await Self.upsert(CountyTable.conflict, conflicts.map { ($0["county"]?.text ?? "", $0) }, connection, logger: logger, update: false)
    }

    /// Inserts `rows` into `table`, replacing rows with the same key, in statements of at most 65,535 parameters.
    static func upsert(_ table: CountyTable, _ rows: [(String, CountyRow)], _ connection: PostgresConnection, logger: Logger,
                       update: Bool = true) async throws {
        guard !rows.isEmpty else { return }
        let width = table.columns.count + 1
        let batch = 65_535 / width
        let names = (["county"] + table.columns.map(\.name)).joined(separator: ", ")
        let casts = ["text"] + table.columns.map { c -> String in
            switch c.kind {
            case .text: return "text"
            case .integer: return c.laptop == "sequence" ? "bigint" : "integer"
            case .real: return "double precision"
            case .bool: return "boolean"
            }
        }
        let conflictTarget = (["county"] + table.key.map { table.column($0)!.name }).joined(separator: ", ")
        let updates = table.columns.filter { !table.key.contains($0.laptop) }.map { "\($0.name) = EXCLUDED.\($0.name)" }.joined(separator: ", ")
        var start = 0
        while start < rows.count {
            let slice = rows[start..<min(rows.count, start + batch)]
            var bindings = PostgresBindings()
            var values: [String] = []
            values.reserveCapacity(slice.count)
            var n = 0
            for (county, row) in slice {
                bindings.append(county)
                var placeholders = ["$\(n + 1)::text"]
                n += 1
                for (i, column) in table.columns.enumerated() {
                    append(row[column.laptop] ?? .null, column.kind, to: &bindings)
                    n += 1
                    placeholders.append("$\(n)::\(casts[i + 1])")
                }
                values.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            let onConflict = update ? "ON CONFLICT (\(conflictTarget)) DO UPDATE SET \(updates)" : ""
            try await connection.query(PostgresQuery(unsafeSQL: """
                INSERT INTO \(table.name) (\(names)) VALUES \(values.joined(separator: ", ")) \(onConflict)
                """, binds: bindings), logger: logger)
            start += batch
        }
    }

    private static func append(_ value: RowValue, _ kind: CountyColumn.Kind, to bindings: inout PostgresBindings) {
        switch CountyApply.normalized(value, kind) ?? .null {
        case .null, .blob: bindings.appendNull()
        case .text(let s): bindings.append(s)
        case .integer(let i): if kind == .bool { bindings.append(i != 0) } else { bindings.append(i) }
        case .real(let d): bindings.append(d)
        }
    }
}

extension RowValue {
    /// The value as text, as SQLite would hand a text column's value (nil for NULL and blobs).
    var text: String? {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .null, .blob: return nil
        }
    }
}
