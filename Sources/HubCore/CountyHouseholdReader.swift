import Foundation
import GRDB
import Logging
import PostgresNIO
import Store

/// Whole households read from the county tables in the laptop's interchange shape (`HouseholdDocument`,
/// `HouseholdExport`), ordered as a laptop's `exportJSON` orders them: so a county export, a record card and
/// the conformance suite compare byte for byte with a laptop's.
public struct CountyHouseholdReader: Sendable {
    public let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) { self.client = client; self.logger = logger }

    /// The households of `county` (every county when nil), of `village` when given, in village, number and id
    /// order: their listing rows only.
    public func households(county: String? = nil, village: String? = nil) async throws -> [HouseholdRecord] {
        var conditions: [String] = [], binds = PostgresBindings()
        if let county { binds.append(county); conditions.append("county = $\(conditions.count + 1)") }
        if let village { binds.append(village); conditions.append("village_code = $\(conditions.count + 1)") }
        let rows = try await select(CountyTable.household, where: conditions.isEmpty ? "true" : conditions.joined(separator: " AND "), binds,
                                    order: "village_code COLLATE \"C\", household_no COLLATE \"C\", id COLLATE \"C\"")
        return try rows.map { try HouseholdRecord(row: $0) }
    }

    /// Everything the county holds about `households`, each in the laptop's order, in the order given.
    public func documents(_ households: [HouseholdRecord]) async throws -> [HouseholdDocument] {
        guard !households.isEmpty else { return [] }
        let ids = households.map(\.id)
        func children(_ table: CountyTable) async throws -> [String: [Row]] {
            var binds = PostgresBindings()
            binds.append(ids)
            let found = try await select(table, where: "household_id = ANY($1)", binds)
            return Dictionary(grouping: found) { (r: Row) -> String in r["householdID"] ?? "" }
        }
        let rows = try await children(CountyTable.rosterRow), answers = try await children(CountyTable.answer)
        let audit = try await children(CountyTable.audit), overrides = try await children(CountyTable.override)
        let reviews = try await children(CountyTable.review), comments = try await children(CountyTable.comment)
        return try households.map { h in
            HouseholdDocument(
                household: h,
                rows: try Self.sorted(rows[h.id], by: ["roster", "ord", "id"]).map { try RosterRowRecord(row: $0) },
                answers: try Self.sorted(answers[h.id], by: ["rowID", "question"]).map { try AnswerRecord(row: $0) },
                audit: try Self.sorted(audit[h.id], by: ["clock", "id"]).map { try AuditRecord(row: $0) },
                overrides: try Self.sorted(overrides[h.id], by: ["rowID", "checkID"]).map { try OverrideRecord(row: $0) },
                review: try reviews[h.id]?.first.map { try ReviewRecord(row: $0) },
                comments: try Self.sorted(comments[h.id], by: ["at", "id"]).map { try CommentRecord(row: $0) })
        }
    }

    /// One household whole (the record card), nil when the county does not hold it.
    public func document(_ id: String) async throws -> HouseholdDocument? {
        var binds = PostgresBindings()
        binds.append(id)
        let found = try await select(CountyTable.household, where: "id = $1", binds).map { try HouseholdRecord(row: $0) }
        return try await documents(found).first
    }

    /// The interchange file of `county` (every county when nil), as a laptop's `export json` writes it.
    public func export(county: String? = nil, village: String? = nil) async throws -> HouseholdExport {
        HouseholdExport(households: try await documents(try await households(county: county, village: village)))
    }

    /// The county's conflict queue, as a laptop's `conflicts()` lists it: open ones unless `all`, oldest first.
    public func conflicts(county: String? = nil, all: Bool = false) async throws -> [ConflictRecord] {
        var conditions: [String] = [], binds = PostgresBindings()
        if let county { binds.append(county); conditions.append("county = $1") }
        if !all { conditions.append("state = 'open'") }
        let rows = try await select(CountyTable.conflict, where: conditions.isEmpty ? "true" : conditions.joined(separator: " AND "), binds,
                                    order: "detected_at COLLATE \"C\", id COLLATE \"C\"")
        return rows.map { r in
            func s(_ c: String) -> String { r[c] ?? "" }
            func o(_ c: String) -> String? { r[c] }
            return ConflictRecord(id: s("id"), householdID: s("householdID"), rowID: UUID(uuidString: s("rowID")),
                                  kind: ConflictKind(rawValue: s("kind")) ?? .answer, field: s("field"), mineValue: o("mineValue"),
                                  mineWho: s("mineWho"), mineAt: s("mineAt"), theirsValue: o("theirsValue"), theirsWho: s("theirsWho"),
                                  theirsAt: s("theirsAt"), theirsDevice: s("theirsDevice"), bundleID: s("bundleID"),
                                  sequence: Int(r["sequence"] as Int64? ?? 0), detectedAt: s("detectedAt"),
                                  state: ConflictState(rawValue: s("state")) ?? .open, resolvedValue: o("resolvedValue"),
                                  resolvedBy: o("resolvedBy"), resolvedAt: o("resolvedAt"))
        }
    }

    /// Rows as GRDB rows under the laptop's column names, so the laptop's records decode them as they decode their own.
    private func select(_ table: CountyTable, where condition: String, _ binds: PostgresBindings, order: String? = nil) async throws -> [Row] {
        let columns = table.columns.map(\.name).joined(separator: ", ")
        let sql = "SELECT \(columns) FROM \(table.name) WHERE \(condition)" + (order.map { " ORDER BY \($0)" } ?? "")
        var result: [Row] = []
        for try await row in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
            let cells = row.makeRandomAccess()
            var values: [String: (any DatabaseValueConvertible)?] = [:]
            for (i, column) in table.columns.enumerated() {
                let value: (any DatabaseValueConvertible)?
                switch column.kind {
                case .text: value = try cells[i].decode(String?.self)
                case .integer: value = try cells[i].decode(Int64?.self)
                case .real: value = try cells[i].decode(Double?.self)
                case .bool: value = try cells[i].decode(Bool?.self)
                }
                // NULL stays a column of the row (assigning nil would drop it).
                values.updateValue(value, forKey: column.laptop)
            }
            result.append(Row(values))
        }
        return result
    }

    /// Rows in SQLite's order for `columns`: text compared byte by byte (BINARY), numbers as numbers.
    private static func sorted(_ rows: [Row]?, by columns: [String]) -> [Row] {
        (rows ?? []).sorted { a, b in
            for c in columns {
                let x = a[c] as DatabaseValue, y = b[c] as DatabaseValue
                if let i = Int64.fromDatabaseValue(x), let j = Int64.fromDatabaseValue(y), case .int64 = x.storage {
                    if i != j { return i < j }
                    continue
                }
                let s = Array((String.fromDatabaseValue(x) ?? "").utf8), t = Array((String.fromDatabaseValue(y) ?? "").utf8)
                if s != t { return s.lexicographicallyPrecedes(t) }
            }
            return false
        }
    }
}
