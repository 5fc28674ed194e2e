import CSQLiteSession
import Foundation

/// The SQLite session extension as the store uses it: capture a write transaction's changeset, merge
/// changesets, count them by table, and apply one with a conflict handler. Always changesets, never
/// patchsets: a changeset carries the old values, which is what makes a concurrent edit detectable.
enum Changeset {
    /// Tables whose changes travel in bundles. Everything else (outbox, bundles, conflict queue, devices,
    /// settings) is this store's own bookkeeping.
    static let capturedTables = ["household", "rosterRow", "answer", "audit", "override", "review", "comment", "resolution"]

    /// A session-extension call failed.
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        var description: String { "\(call): \(String(cString: sqlite3_errstr(code)))" }
    }

    private static func check(_ code: Int32, _ call: String) throws {
        guard code == SQLITE_OK else { throw Failure(call: call, code: code) }
    }

    /// Runs `body` inside a session on `connection` and returns its result with the changeset it made
    /// (nil when it changed no captured row). Must run inside the write transaction it records.
    static func capture<T>(_ connection: OpaquePointer, _ body: () throws -> T) throws -> (T, Data?) {
        var session: OpaquePointer?
        try check(sqlite3session_create(connection, "main", &session), "sqlite3session_create")
        defer { sqlite3session_delete(session) }
        for table in capturedTables { try check(sqlite3session_attach(session, table), "sqlite3session_attach") }
        let result = try body()
        var size: Int32 = 0
        var bytes: UnsafeMutableRawPointer?
        try check(sqlite3session_changeset(session, &size, &bytes), "sqlite3session_changeset")
        defer { sqlite3_free(bytes) }
        guard size > 0, let bytes else { return (result, nil) }
        return (result, Data(bytes: bytes, count: Int(size)))
    }

    /// One changeset with the net effect of the changesets `feed` hands over, in order: a row inserted then
    /// updated is one insert with the final values. Each changeset only needs to live while it is added.
    static func merge(_ feed: ((Data) throws -> Void) throws -> Void) throws -> Data {
        var group: OpaquePointer?
        try check(sqlite3changegroup_new(&group), "sqlite3changegroup_new")
        defer { sqlite3changegroup_delete(group) }
        try feed { changeset in
            try changeset.withUnsafeBytes { raw in
                try check(sqlite3changegroup_add(group, Int32(raw.count), UnsafeMutableRawPointer(mutating: raw.baseAddress)),
                          "sqlite3changegroup_add")
            }
        }
        var size: Int32 = 0
        var bytes: UnsafeMutableRawPointer?
        try check(sqlite3changegroup_output(group, &size, &bytes), "sqlite3changegroup_output")
        defer { sqlite3_free(bytes) }
        guard size > 0, let bytes else { return Data() }
        return Data(bytes: bytes, count: Int(size))
    }

    /// Inserts, updates and deletes per table.
    static func count(_ changeset: Data) throws -> [String: ChangeCount] {
        var counts: [String: ChangeCount] = [:]
        guard !changeset.isEmpty else { return counts }
        guard isWellFramed(changeset) else { throw Failure(call: "sqlite3changeset_start", code: SQLITE_CORRUPT) }
        try changeset.withUnsafeBytes { raw in
            var iter: OpaquePointer?
            try check(sqlite3changeset_start(&iter, Int32(raw.count), UnsafeMutableRawPointer(mutating: raw.baseAddress)), "sqlite3changeset_start")
            var table = ""
            var step = sqlite3changeset_next(iter)
            while step == SQLITE_ROW {
                var name: UnsafePointer<CChar>?
                var columns: Int32 = 0, op: Int32 = 0, indirect: Int32 = 0
                sqlite3changeset_op(iter, &name, &columns, &op, &indirect)
                // Read the name every time: SQLite copies each table's name into the same buffer, so the
                // pointer alone does not tell one table from the next.
                table = name.map { String(cString: $0) } ?? ""
                counts[table, default: ChangeCount()].add(op)
                step = sqlite3changeset_next(iter)
            }
            let finalized = sqlite3changeset_finalize(iter)
            // A changeset that ends early is damaged: SQLITE_CORRUPT from next or finalize.
            guard step == SQLITE_DONE else { throw Failure(call: "sqlite3changeset_next", code: step) }
            try check(finalized, "sqlite3changeset_finalize")
        }
        return counts
    }

    /// Applies `changeset` on `connection` (inside the caller's transaction); `handler` decides every
    /// conflict, and `onRow` is told of each row written (for a progress bar).
    static func apply(_ changeset: Data, to connection: OpaquePointer, handler: ChangesetConflictHandler,
                      onRow: () -> Void) throws {
        guard changeset.isEmpty || isWellFramed(changeset) else { throw Failure(call: "sqlite3changeset_apply_v2", code: SQLITE_CORRUPT) }
        try withoutActuallyEscaping(onRow) { onRow in
            let box = ApplyBox(handler: handler, onRow: onRow)
            let context = Unmanaged.passUnretained(box).toOpaque()
            // The store registers no GRDB transaction observers, so this hook is free to use while applying.
            sqlite3_update_hook(connection, { ctx, _, _, _, _ in
                Unmanaged<ApplyBox>.fromOpaque(ctx!).takeUnretainedValue().onRow()
            }, context)
            defer { sqlite3_update_hook(connection, nil, nil) }
            let code = changeset.withUnsafeBytes { raw in
                // No savepoint of its own: the caller's transaction already makes the apply all or nothing, and a
                // savepoint would copy every page it touches into a sub-journal.
                sqlite3changeset_apply_v2(connection, Int32(raw.count), UnsafeMutableRawPointer(mutating: raw.baseAddress), nil, { ctx, kind, iter in
                    let box = Unmanaged<ApplyBox>.fromOpaque(ctx!).takeUnretainedValue()
                    return box.handler.decide(kind, ChangeView(iter: iter!))
                }, context, nil, nil, SQLITE_CHANGESETAPPLY_NOSAVEPOINT)
            }
            withExtendedLifetime(box) {}
            try check(code, "sqlite3changeset_apply_v2")
        }
    }

    private final class ApplyBox {
        let handler: ChangesetConflictHandler
        let onRow: () -> Void
        init(handler: ChangesetConflictHandler, onRow: @escaping () -> Void) { self.handler = handler; self.onRow = onRow }
    }
}

/// Inserts, updates and deletes of one table in a changeset.
public struct ChangeCount: Codable, Equatable, Sendable {
    public var insert = 0
    public var update = 0
    public var delete = 0
    public var total: Int { insert + update + delete }

    mutating func add(_ op: Int32) {
        switch op {
        case SQLITE_INSERT: insert += 1
        case SQLITE_UPDATE: update += 1
        default: delete += 1
        }
    }
}

/// One cell of a changeset row.
enum Cell: Equatable, Sendable {
    case null, integer(Int64), real(Double), text(String), blob(Data)

    init(_ value: OpaquePointer) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: self = .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: self = .real(sqlite3_value_double(value))
        case SQLITE_TEXT: self = .text(sqlite3_value_text(value).map { String(cString: $0) } ?? "")
        case SQLITE_BLOB:
            let n = Int(sqlite3_value_bytes(value))
            self = .blob(n == 0 ? Data() : Data(bytes: sqlite3_value_blob(value), count: n))
        default: self = .null
        }
    }

    var text: String? {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .null, .blob: return nil
        }
    }
}

/// The change a conflict is about, read from the iterator SQLite hands the conflict handler.
struct ChangeView {
    let iter: OpaquePointer

    /// Table name, operation and column count.
    var operation: (table: String, op: Int32, columns: Int) {
        var name: UnsafePointer<CChar>?
        var columns: Int32 = 0, op: Int32 = 0, indirect: Int32 = 0
        sqlite3changeset_op(iter, &name, &columns, &op, &indirect)
        return (name.map { String(cString: $0) } ?? "", op, Int(columns))
    }

    /// The old value of column `i` (nil when the change does not carry it).
    func old(_ i: Int) -> Cell? { read(i, sqlite3changeset_old) }
    /// The new value of column `i` (nil when the change leaves it alone).
    func new(_ i: Int) -> Cell? { read(i, sqlite3changeset_new) }
    /// The row as it is in this store, for DATA and CONFLICT conflicts.
    func current(_ i: Int) -> Cell? { read(i, sqlite3changeset_conflict) }

    private func read(_ i: Int, _ f: (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Int32) -> Cell? {
        var value: OpaquePointer?
        guard f(iter, Int32(i), &value) == SQLITE_OK, let value else { return nil }
        return Cell(value)
    }
}

/// Decides each conflict of an apply: SQLITE_CHANGESET_OMIT, _REPLACE or _ABORT.
protocol ChangesetConflictHandler: AnyObject {
    func decide(_ kind: Int32, _ change: ChangeView) -> Int32
}
