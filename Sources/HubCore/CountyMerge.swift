import Foundation
import PostgresNIO
import Store

/// One bundle's changes merged into a `CountyState`, step for step as a laptop's import does it
/// (`Changeset.apply` with `ImportConflicts`, then `ConflictMerge.settle`).
struct CountyMerge {
    let state: CountyState
    let manifest: BundleManifest
    let detectedAt: String
    private(set) var conflicts = 0

    init(state: CountyState, manifest: BundleManifest, detectedAt: String) {
        self.state = state; self.manifest = manifest; self.detectedAt = detectedAt
    }

    /// A change the changeset semantics could not apply as it stood, set aside for the field-level rules.
    private struct Deferred {
        var change: RowChange
        var key: CountyState.Key
    }

    mutating func run(_ changes: [RowChange]) async throws {
        var deferred: [Deferred] = []
        for change in changes {
            guard let table = CountyTable.travelling[change.table] else { continue }
            // A row of a household the county does not hold: on a laptop the foreign key drops it.
            guard let county = state.county(of: change) else { continue }
            let key = state.key(of: change, county: county)
            let current = state.row(key)
            let applied: Bool
            switch change.operation {
            case .insert:
                applied = current == nil
                if applied { state.set(key, normalizedRow(change.new, table)) }
            case .update:
                applied = current.map { cur in change.old.allSatisfy { same(cur[$0.key], $0.value, table.kind($0.key)) } } ?? false
                if applied, var row = current {
                    for (c, v) in change.new { row[c] = CountyApply.normalized(v, table.kind(c)) ?? .null }
                    state.set(key, row)
                }
            case .delete:
                applied = current.map { cur in table.columns.allSatisfy { c in same(cur[c.laptop], change.old[c.laptop], c.kind) } } ?? false
                if applied { state.set(key, nil) }
            }
            if applied {
                if change.operation == .insert, change.table == "audit" { state.insertedAudit.append(normalizedRow(change.new, table)) }
                if change.operation == .insert, change.table == "resolution" { state.insertedResolutions.append(normalizedRow(change.new, table)) }
            } else if CountyApply.settled.contains(change.table) {
                deferred.append(Deferred(change: change, key: key))
            }
        }
        for d in deferred {
            if d.change.table == "household" { conflicts += try await settleHousehold(d) } else { conflicts += try await settleField(d) }
        }
    }

    private func normalizedRow(_ row: CountyRow, _ table: CountyTable) -> CountyRow {
        var out: CountyRow = [:]
        for c in table.columns { out[c.laptop] = row[c.laptop].flatMap { CountyApply.normalized($0, c.kind) } ?? .null }
        return out
    }

    private func same(_ a: RowValue?, _ b: RowValue?, _ kind: CountyColumn.Kind) -> Bool {
        (a.flatMap { CountyApply.normalized($0, kind) } ?? .null) == (b.flatMap { CountyApply.normalized($0, kind) } ?? .null)
    }

    /// Rows whose household the county does not hold after the apply: dropped, as the laptop's foreign keys drop them.
    static func dropOrphans(_ state: CountyState) {
        for key in state.changed where CountyApply.owned.contains(key.table) && state.row(key) != nil {
            guard let hid = state.row(key)?["householdID"]?.text, !state.householdExists(hid) else { continue }
            state.rows[key] = .some(nil)
        }
        state.insertedAudit.removeAll { !state.householdExists($0["householdID"]?.text ?? "") }
    }

    // MARK: Field-level rules (ConflictMerge)

    private struct FieldKey {
        var kind: ConflictKind
        var valueColumns: [String]
        var householdID: String
        var rowID: String
        var field: String
    }

    private func fieldKey(_ c: RowChange) -> FieldKey? {
        let k = c.operation == .insert ? c.new : c.old
        guard let hid = k["householdID"]?.text else { return nil }
        switch c.table {
        case "answer": return FieldKey(kind: .answer, valueColumns: ["type", "value"], householdID: hid, rowID: k["rowID"]?.text ?? "",
                                       field: k["question"]?.text ?? "")
        case "override": return FieldKey(kind: .override, valueColumns: ["reason"], householdID: hid, rowID: k["rowID"]?.text ?? "",
                                         field: k["checkID"]?.text ?? "")
        case "review": return FieldKey(kind: .review, valueColumns: ["state", "reason"], householdID: hid, rowID: "", field: "review")
        default: return nil
        }
    }

    /// A row's value as one comparable text, as `ConflictMerge.valueText` makes it.
    static func valueText(kind: ConflictKind, _ row: CountyRow) -> String? {
        func s(_ c: String) -> String? { row[c]?.text }
        switch kind {
        case .answer: return s("value").map { (s("type") ?? "text") + ":" + $0 }
        case .override: return s("reason")
        case .review, .status: return s("state").map { st in s("reason").map { st + ": " + $0 } ?? st }
        }
    }

    private mutating func settleField(_ d: Deferred) async throws -> Int {
        let c = d.change
        guard let k = fieldKey(c), state.householdExists(k.householdID) else { return 0 }
        let local = state.row(d.key)
        // The other side left the value alone (it only re-stamped who or when): the county's value stands.
        if c.operation == .update && k.valueColumns.allSatisfy({ c.new[$0] == nil }) { return 0 }
        var incoming: CountyRow?
        if c.operation != .delete {
            let table = CountyTable.travelling[c.table]!
            var row = local ?? c.old.mapValues { $0 }
            for (col, v) in c.new { row[col] = CountyApply.normalized(v, table.kind(col)) ?? .null }
            if k.kind == .answer && (row["type"] == nil || row["type"] == .null) { row["type"] = .text(try await lastType(k)) }
            incoming = row
        }
        let mine = local.flatMap { Self.valueText(kind: k.kind, $0) }
        let theirs = incoming.flatMap { Self.valueText(kind: k.kind, $0) }
        if mine == theirs { return 0 }
        if try await resolved(k.householdID, k.rowID, k.kind, k.field, mine: mine, theirs: theirs) {
            // A decision made elsewhere between exactly these values: take it.
            state.set(d.key, incoming)
            return 0
        }
        func s(_ row: CountyRow?, _ col: String) -> String { row?[col]?.text ?? "" }
        return try await queue(k.householdID, k.rowID, k.kind, k.field, mine: mine, mineWho: s(local, "who"), mineAt: s(local, "at"),
                               theirs: theirs, theirsWho: incoming == nil ? manifest.enumerator : s(incoming, "who"),
                               theirsAt: incoming == nil ? manifest.createdAt : s(incoming, "at"))
    }

    /// The latest audit line of a field (answer lines with an old value, or status lines), the county's and this bundle's.
    private func latestAudit(_ hid: String, _ condition: String, _ extra: [String], _ matches: (CountyRow) -> Bool) async throws -> CountyRow? {
        let county = state.counties[hid] ?? ""
        var rows = try await state.select(CountyTable.audit, where: "county = ANY($1) AND household_id = ANY($2) AND \(condition)", [[county], [hid]] + extra.map { [$0] })
            .map(\.1)
        rows += state.insertedAudit.filter { $0["householdID"]?.text == hid && matches($0) }
        return rows.max { ($0["clock"]?.text ?? "") < ($1["clock"]?.text ?? "") }
    }

    /// The type of an answer the county has since cleared, from its audit trail.
    private func lastType(_ k: FieldKey) async throws -> String {
        let line = try await latestAudit(k.householdID, "row_id = ANY($3) AND subject = ANY($4) AND kind = 'answer' AND old_value IS NOT NULL",
                                         [k.rowID, k.field]) { r in
            r["rowID"]?.text == k.rowID && r["subject"]?.text == k.field && r["kind"]?.text == "answer" && r["oldValue"]?.text != nil
        }
        return line?["oldValue"]?.text.map { ValueCoding.split(auditText: $0).type } ?? "text"
    }

    /// Whether a resolution already chose `theirs` over `mine` for this field.
    private func resolved(_ hid: String, _ rowID: String, _ kind: ConflictKind, _ field: String, mine: String?, theirs: String?) async throws -> Bool {
        var rows = try await state.select(CountyTable.resolution, where: "household_id = ANY($1) AND row_id = ANY($2) AND kind = ANY($3) AND field = ANY($4)",
                                          [[hid], [rowID], [kind.rawValue], [field]]).map(\.1)
        let known = Set(rows.compactMap { $0["id"]?.text })
        rows += state.insertedResolutions.filter {
            !known.contains($0["id"]?.text ?? "") && $0["householdID"]?.text == hid && $0["rowID"]?.text == rowID
                && $0["kind"]?.text == kind.rawValue && $0["field"]?.text == field
        }
        return rows.contains { r in
            let superseded = (try? JSONDecoder().decode([String?].self, from: Data((r["supersedes"]?.text ?? "").utf8))) ?? []
            return r["value"]?.text == theirs && superseded.contains(mine)
        }
    }

    private mutating func queue(_ hid: String, _ rowID: String, _ kind: ConflictKind, _ field: String, mine: String?, mineWho: String,
                                mineAt: String, theirs: String?, theirsWho: String, theirsAt: String) async throws -> Int {
        var open = try await state.select(CountyTable.conflict, where: "household_id = ANY($1) AND row_id = ANY($2) AND kind = ANY($3) AND field = ANY($4) AND state = 'open'",
                                          [[hid], [rowID], [kind.rawValue], [field]]).map(\.1)
        open += state.conflicts.filter { $0["householdID"]?.text == hid && $0["rowID"]?.text == rowID && $0["kind"]?.text == kind.rawValue
            && $0["field"]?.text == field }
        if open.contains(where: { $0["mineValue"]?.text == mine && $0["theirsValue"]?.text == theirs }) { return 0 }
        func opt(_ s: String?) -> RowValue { s.map { .text($0) } ?? .null }
        // As the laptop stores it: a row id that is a UUID, in lower case; "" for none.
        let storedRow = UUID(uuidString: rowID).map { $0.uuidString.lowercased() } ?? ""
        state.conflicts.append([
            "county": .text(state.counties[hid] ?? ""), "id": .text(UUID().uuidString.lowercased()), "householdID": .text(hid),
            "rowID": .text(storedRow), "kind": .text(kind.rawValue), "field": .text(field), "mineValue": opt(mine), "mineWho": .text(mineWho),
            "mineAt": .text(mineAt), "theirsValue": opt(theirs), "theirsWho": .text(theirsWho), "theirsAt": .text(theirsAt),
            "theirsDevice": .text(manifest.deviceID), "bundleID": .text(manifest.bundleID), "sequence": .integer(Int64(manifest.sequence)),
            "detectedAt": .text(detectedAt), "state": .text(ConflictState.open.rawValue), "resolvedValue": .null, "resolvedBy": .null,
            "resolvedAt": .null,
        ])
        return 1
    }

    /// A household row both sides changed: each column only the other side changed is taken, the status follows
    /// the review workflow, and the rest (position, the listing fields) stays the county's.
    private mutating func settleHousehold(_ d: Deferred) async throws -> Int {
        let c = d.change
        guard let hid = (c.operation == .insert ? c.new : c.old)["id"]?.text, var local = state.row(d.key) else { return 0 }
        let table = CountyTable.household
        var conflicts = 0
        var changed = false
        let before = local
        for (column, cell) in c.new.sorted(by: { $0.key < $1.key }) where column != "id" {
            guard let kind = table.column(column)?.kind else { continue }
            let theirs = CountyApply.normalized(cell, kind) ?? .null, mine = before[column] ?? .null
            if theirs == mine { continue }
            if c.operation == .update, let old = c.old[column], CountyApply.normalized(old, kind) == mine {
                local[column] = theirs; changed = true  // only they changed it
                continue
            }
            switch column {
            case "status":
                let m = mine.text, t = theirs.text
                if try await resolved(hid, "", .status, "status", mine: m, theirs: t) { local[column] = theirs; changed = true; continue }
                switch StatusMerge.workflow(mine: m, theirs: t) {
                case .takeTheirs: local[column] = theirs; changed = true; continue
                case .keepMine: continue
                case .conflict: break
                }
                let line = try await latestAudit(hid, "kind = 'status'", []) { $0["kind"]?.text == "status" }
                conflicts += try await queue(hid, "", .status, "status", mine: m, mineWho: line?["who"]?.text ?? "",
                                             mineAt: before["updatedAt"]?.text ?? "", theirs: t, theirsWho: manifest.enumerator,
                                             theirsAt: c.new["updatedAt"]?.text ?? manifest.createdAt)
            case "updatedAt":
                if let t = theirs.text, t > (mine.text ?? "") { local[column] = theirs; changed = true }
            default:
                break  // the listing fields would be worked out again from the answers; position is the county's own
            }
        }
        if changed { state.set(d.key, local) }
        return conflicts
    }
}
