import CSQLiteSession
import Foundation

/// The SQLite session extension as the store uses it: capture a write transaction's changeset, merge
/// changesets, count them by table, and apply one with a conflict handler. Always changesets, never
/// patchsets: a changeset carries the old values, which is what makes a concurrent edit detectable.
enum Changeset {
    /// Tables whose changes travel in bundles. Everything else (outbox, bundles, conflict queue, devices,
    /// settings) is this store's own bookkeeping.
    static let capturedTables = TravellingTable.allCases.map(\.rawValue)

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
    /// (nil when it changed no captured row). Must run inside the write transaction it records. `tables`
    /// other than the travelling ones only ever serve tests that forge a hostile bundle.
    static func capture<T>(_ connection: OpaquePointer, tables: [String] = capturedTables, _ body: () throws -> T) throws -> (T, Data?) {
        var session: OpaquePointer?
        try check(sqlite3session_create(connection, "main", &session), "sqlite3session_create")
        defer { sqlite3session_delete(session) }
        for table in tables { try check(sqlite3session_attach(session, table), "sqlite3session_attach") }
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
        try walk(ChangesetInput(changeset)) { change in counts[change.table, default: ChangeCount()].add(change.operation) }
        return counts
    }

    /// A change that cannot even be read: text that is not UTF-8 (or holds NUL), or an unknown operation.
    struct Unreadable: Error, Equatable {
        var table: String
        var column: Int?
    }

    /// Reads every change of `input` in order, with all its cells, before anything is applied: the
    /// import checks each one. Throws `Unreadable` for a change that has no meaning, `Failure` when the
    /// changeset itself is damaged (or its input stopped).
    static func walk(_ input: ChangesetInput, _ visit: (ChangeRecord) throws -> Void) throws {
        var iter: OpaquePointer?
        let context = Unmanaged.passUnretained(input).toOpaque()
        try check(sqlite3changeset_start_strm(&iter, ChangesetInput.callback, context), "sqlite3changeset_start_strm")
        var step = SQLITE_OK
        do {
            defer { withExtendedLifetime(input) {} }
            step = sqlite3changeset_next(iter)
            while step == SQLITE_ROW {
                var name: UnsafePointer<CChar>?
                var columns: Int32 = 0, op: Int32 = 0, indirect: Int32 = 0
                try check(sqlite3changeset_op(iter, &name, &columns, &op, &indirect), "sqlite3changeset_op")
                let table = name.map { String(cString: $0) } ?? ""
                guard let operation = ChangeOperation(op) else { throw Unreadable(table: table, column: nil) }
                var pkFlags: UnsafeMutablePointer<UInt8>?
                var pkCount: Int32 = 0
                try check(sqlite3changeset_pk(iter, &pkFlags, &pkCount), "sqlite3changeset_pk")
                let n = Int(columns)
                var change = ChangeRecord(table: table, operation: operation,
                                          primaryKey: (0..<n).map { i in pkFlags.map { $0[i] != 0 } ?? false },
                                          old: Array(repeating: nil, count: n), new: Array(repeating: nil, count: n))
                for i in 0..<n {
                    if operation != .insert { change.old[i] = try strictCell(iter, i, table, sqlite3changeset_old) }
                    if operation != .delete { change.new[i] = try strictCell(iter, i, table, sqlite3changeset_new) }
                }
                try visit(change)
                step = sqlite3changeset_next(iter)
            }
        } catch {
            sqlite3changeset_finalize(iter)
            throw error
        }
        let finalized = sqlite3changeset_finalize(iter)
        // A changeset that ends early is damaged: SQLITE_CORRUPT from next or finalize.
        guard step == SQLITE_DONE else { throw Failure(call: "sqlite3changeset_next", code: step) }
        try check(finalized, "sqlite3changeset_finalize")
    }

    /// A cell read exactly: text must be whole UTF-8 without NUL, or the change is unreadable.
    private static func strictCell(_ iter: OpaquePointer?, _ i: Int, _ table: String,
                                   _ f: (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Int32) throws -> Cell? {
        var value: OpaquePointer?
        guard f(iter, Int32(i), &value) == SQLITE_OK, let value else { return nil }
        guard sqlite3_value_type(value) == SQLITE_TEXT else { return Cell(value) }
        let count = Int(sqlite3_value_bytes(value))
        guard let bytes = sqlite3_value_text(value) else { return .text("") }
        let buffer = UnsafeBufferPointer(start: bytes, count: count)
        guard !buffer.contains(0), let text = String(validating: buffer, as: UTF8.self) else { throw Unreadable(table: table, column: i) }
        return .text(text)
    }

    /// Applies the changeset `input` yields on `connection` (inside the caller's transaction), reading it a
    /// chunk at a time; `handler` decides every conflict, and `onRow` is told of each row written.
    static func apply(_ input: ChangesetInput, to connection: OpaquePointer, handler: ChangesetConflictHandler,
                      onRow: () -> Void) throws {
        try withoutActuallyEscaping(onRow) { onRow in
            let box = ApplyBox(handler: handler, onRow: onRow)
            let context = Unmanaged.passUnretained(box).toOpaque()
            // The store registers no GRDB transaction observers, so this hook is free to use while applying.
            sqlite3_update_hook(connection, { ctx, _, _, _, _ in
                Unmanaged<ApplyBox>.fromOpaque(ctx!).takeUnretainedValue().onRow()
            }, context)
            defer { sqlite3_update_hook(connection, nil, nil) }
            // No savepoint of its own: the caller's transaction already makes the apply all or nothing, and a
            // savepoint would copy every page it touches into a sub-journal.
            let code = sqlite3changeset_apply_v2_strm(connection, ChangesetInput.callback, Unmanaged.passUnretained(input).toOpaque(), nil, { ctx, kind, iter in
                let box = Unmanaged<ApplyBox>.fromOpaque(ctx!).takeUnretainedValue()
                return box.handler.decide(kind, ChangeView(iter: iter!))
            }, context, nil, nil, SQLITE_CHANGESETAPPLY_NOSAVEPOINT)
            withExtendedLifetime(box) {}
            withExtendedLifetime(input) {}
            try check(code, "sqlite3changeset_apply_v2_strm")
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

    mutating func add(_ op: ChangeOperation) {
        switch op {
        case .insert: insert += 1
        case .update: update += 1
        case .delete: delete += 1
        }
    }
}

/// What a change does to its row.
enum ChangeOperation: Sendable {
    case insert, update, delete

    init?(_ op: Int32) {
        switch op {
        case SQLITE_INSERT: self = .insert
        case SQLITE_UPDATE: self = .update
        case SQLITE_DELETE: self = .delete
        default: return nil
        }
    }
}

/// One change of a changeset, read whole: old cells (updates and deletes) and new cells (inserts and
/// updates), nil where the change does not carry the column.
struct ChangeRecord {
    var table: String
    var operation: ChangeOperation
    var primaryKey: [Bool]
    var old: [Cell?]
    var new: [Cell?]
}

/// Where SQLite's streaming changeset calls read a changeset from: bytes in memory, or a payload
/// inflated as it is read.
final class ChangesetInput {
    private let next: (UnsafeMutableRawPointer, Int) -> Int?
    private var framing = ChangesetFraming()
    private let stream: InflateStream?

    /// A changeset already in memory.
    init(_ data: Data) {
        var offset = 0
        stream = nil
        next = { buffer, capacity in
            let n = min(capacity, data.count - offset)
            if n > 0 {
                data.withUnsafeBytes { raw in buffer.copyMemory(from: raw.baseAddress! + offset, byteCount: n) }
                offset += n
            }
            return n
        }
    }

    /// A changeset inflated on the way.
    init(_ stream: InflateStream) {
        self.stream = stream
        next = { stream.read(into: $0, capacity: $1) }
    }

    /// Why the input stopped early, in words: the inflater's or the framing's problem.
    var problem: String? {
        if let p = stream?.problem { return "\(p)" }
        return framing.problem.map(\.description)
    }

    /// The inflater's problem, when it was the one that stopped.
    var inflateProblem: InflateStream.Problem? { stream?.problem }

    /// The next bytes, checked by the framing before SQLite sees them; nil when the input is damaged.
    private func read(_ buffer: UnsafeMutableRawPointer, _ capacity: Int) -> Int? {
        guard let n = next(buffer, capacity) else { return nil }
        let ok = n == 0 ? framing.finish() : framing.feed(UnsafeRawBufferPointer(start: buffer, count: n))
        return ok ? n : nil
    }

    /// SQLite's xInput: fill at most *n bytes, set *n to how many (0 at the end).
    static let callback: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?) -> Int32 = { ctx, buffer, n in
        let input = Unmanaged<ChangesetInput>.fromOpaque(ctx!).takeUnretainedValue()
        guard let got = input.read(buffer!, Int(n!.pointee)) else { return SQLITE_CORRUPT }
        n!.pointee = Int32(got)
        return SQLITE_OK
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
