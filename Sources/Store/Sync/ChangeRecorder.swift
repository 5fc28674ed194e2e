import CSQLiteSession
import Foundation
import GRDB

/// The net change one local write makes to each travelling table, recorded through SQLite's preupdate
/// hook while the write runs: per primary key, the row as it was before the write and as it is now.
/// It replaces a session per commit, which loads every touched table's layout and reads each changed row
/// back with a `SELECT` to learn its new values; here the layouts are read once and the new values come
/// with the change itself. `ChangesetEncoder` turns the result into the changeset the session would make.
final class ChangeRecorder {
    /// One row's net change: nil `original` for a row the write inserted, nil `current` for one it deleted.
    struct RowChange {
        var original: [[UInt8]]?
        var current: [[UInt8]]?
        /// Made only by triggers (foreign-key actions): the session's "indirect" flag.
        var indirect: Bool
    }

    /// The changed rows of one table, in the order the write first touched them.
    struct TableChanges {
        var keys: [[UInt8]] = []
        var rows: [[UInt8]: RowChange] = [:]
    }

    /// One change as the hook saw it, for a test that replays the write under the session extension.
    struct Observed: Sendable {
        var table: TravellingTable
        var operation: ChangeOperation
        var depth: Int32
        var old: [Cell]?
        var new: [Cell]?
    }

    /// Told of every change when set: only the differential test sets it, around one write.
    @TaskLocal static var observer: (@Sendable (Observed) -> Void)?

    let layouts: [TableLayout]
    private(set) var tables: [TableChanges]
    /// Why the recording cannot be trusted (a table whose column count is not its layout's): the write fails.
    private(set) var failure: Changeset.Failure?
    /// The observer of the write this recorder records, read once rather than at every change.
    private let observing = ChangeRecorder.observer

    init(layouts: [TableLayout]) {
        self.layouts = layouts
        tables = Array(repeating: TableChanges(), count: layouts.count)
    }

    /// Runs `body` with the recorder installed as `connection`'s preupdate hook and returns its result
    /// with the changeset of what it changed (nil when it changed no travelling row). Must run inside
    /// the write transaction it records, which must not roll back part of itself (a savepoint, or a
    /// failed statement whose error the body swallows): the recorder sees changes, never their undoing.
    static func capture<T>(_ db: Database, layouts: [TableLayout], _ body: () throws -> T) throws -> (T, Data?) {
        let connection = db.sqliteConnection!
        let recorder = ChangeRecorder(layouts: layouts)
        let context = Unmanaged.passUnretained(recorder).toOpaque()
        // The session extension keeps its sessions in the hook's context and assumes whatever it finds
        // there is one: no session may exist on this connection while ours is installed, and ours must
        // never outlive the write.
        let previous = sqlite3_preupdate_hook(connection, hook, context)
        precondition(previous == nil, "a preupdate hook (a session?) is already installed on the writer")
        defer { sqlite3_preupdate_hook(connection, nil, nil) }
        let result = try withExtendedLifetime(recorder) { try body() }
        if let failure = recorder.failure { throw failure }
        return (result, ChangesetEncoder.encode(recorder))
    }

    private static let hook: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, Int32, UnsafePointer<CChar>?,
                                             UnsafePointer<CChar>?, sqlite3_int64, sqlite3_int64) -> Void = { ctx, db, op, zDb, zName, _, _ in
        guard let ctx, let db, let zDb, let zName, strcmp(zDb, "main") == 0 else { return }
        Unmanaged<ChangeRecorder>.fromOpaque(ctx).takeUnretainedValue().record(db, op, zName)
    }

    private func record(_ db: OpaquePointer, _ op: Int32, _ name: UnsafePointer<CChar>) {
        guard failure == nil, let operation = ChangeOperation(op),
              let t = layouts.firstIndex(where: { strcmp($0.cName, name) == 0 }) else { return }
        let layout = layouts[t]
        guard Int(sqlite3_preupdate_count(db)) == layout.columns else {
            failure = Changeset.Failure(call: "sqlite3_preupdate_count(\(layout.table.rawValue))", code: SQLITE_SCHEMA)
            return
        }
        let indirect = sqlite3_preupdate_depth(db) > 0
        let old = operation == .insert ? nil : values(db, layout, sqlite3_preupdate_old)
        let new = operation == .delete ? nil : values(db, layout, sqlite3_preupdate_new)
        if let observing {
            observing(Observed(table: layout.table, operation: operation, depth: sqlite3_preupdate_depth(db),
                              old: operation == .insert ? nil : cells(db, layout, sqlite3_preupdate_old),
                              new: operation == .delete ? nil : cells(db, layout, sqlite3_preupdate_new)))
        }
        if let old, let new, key(old, layout) != key(new, layout) {
            // An update that moves the primary key is, to a changeset, the old row deleted and a new one inserted.
            change(t, key(old, layout), indirect) { row in row.current = nil } created: { RowChange(original: old, current: nil, indirect: indirect) }
            change(t, key(new, layout), indirect) { row in row.current = new } created: { RowChange(original: nil, current: new, indirect: indirect) }
            return
        }
        change(t, key(old ?? new!, layout), indirect) { row in row.current = new } created: { RowChange(original: old, current: new, indirect: indirect) }
    }

    /// Updates the row `key` of table `t`, or creates it: the first change of a row keeps its original values.
    private func change(_ t: Int, _ key: [UInt8], _ indirect: Bool, _ update: (inout RowChange) -> Void, created: () -> RowChange) {
        if var row = tables[t].rows[key] {
            update(&row)
            // As the session does: a row any direct statement touched is a direct change.
            if !indirect { row.indirect = false }
            tables[t].rows[key] = row
        } else {
            tables[t].keys.append(key)
            tables[t].rows[key] = created()
        }
    }

    private func key(_ values: [[UInt8]], _ layout: TableLayout) -> [UInt8] {
        var key: [UInt8] = []
        for i in 0..<layout.columns where layout.primaryKey[i] != 0 { key += values[i] }
        return key
    }

    private typealias Read = (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Int32

    /// Every column's value in changeset form, copied: SQLite's values live only as long as the hook call.
    private func values(_ db: OpaquePointer, _ layout: TableLayout, _ read: Read) -> [[UInt8]] {
        (0..<layout.columns).map { i in
            var value: OpaquePointer?
            var out: [UInt8] = []
            guard read(db, Int32(i), &value) == SQLITE_OK, let value else {
                failure = Changeset.Failure(call: "sqlite3_preupdate_old/new", code: SQLITE_ERROR)
                return out
            }
            ChangesetEncoder.append(value, real: layout.real[i], to: &out)
            return out
        }
    }

    private func cells(_ db: OpaquePointer, _ layout: TableLayout, _ read: Read) -> [Cell] {
        (0..<layout.columns).map { i in
            var value: OpaquePointer?
            guard read(db, Int32(i), &value) == SQLITE_OK, let value else { return .null }
            let cell = Cell(value)
            if layout.real[i], case .integer(let n) = cell { return .real(Double(n)) }
            return cell
        }
    }
}
