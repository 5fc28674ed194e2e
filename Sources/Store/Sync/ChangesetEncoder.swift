import CSQLiteSession
import Foundation

/// Writes a `ChangeRecorder`'s net changes in SQLite's changeset format, byte for byte what
/// `sqlite3session_changeset` writes for the same write, so the outbox, the changegroup that merges it
/// and every importer see no difference. (Format: "changeset format" in sqlite3session.c.)
enum ChangesetEncoder {
    /// Operation bytes of the format.
    private enum Op {
        static let insert: UInt8 = 18, update: UInt8 = 23, delete: UInt8 = 9
    }
    /// The "undefined" value: a column an update neither keys on nor changes.
    private static let undefined: UInt8 = 0

    /// The changeset, or nil when the write left every travelling row as it was. Tables in layout order,
    /// rows in the order they were first touched; a table with no net change gets no header.
    static func encode(_ recorder: ChangeRecorder) -> Data? {
        var out: [UInt8] = []
        for (layout, table) in zip(recorder.layouts, recorder.tables) where !table.keys.isEmpty {
            let header = out.count
            out += layout.header
            let empty = out.count
            for key in table.keys {
                let row = table.rows[key]!
                append(row, layout, to: &out)
            }
            if out.count == empty { out.removeSubrange(header...) }
        }
        return out.isEmpty ? nil : Data(out)
    }

    /// One row's change, as the session merges a row's changes: inserted then deleted is nothing, deleted
    /// then inserted is an update, and an update that ends where it began is nothing.
    private static func append(_ row: ChangeRecorder.RowChange, _ layout: TableLayout, to out: inout [UInt8]) {
        let indirect: UInt8 = row.indirect ? 1 : 0
        switch (row.original, row.current) {
        case (nil, nil):
            return
        case (nil, let new?):
            out += [Op.insert, indirect]
            for value in new { out += value }
        case (let old?, nil):
            out += [Op.delete, indirect]
            for value in old { out += value }
        case (let old?, let new?):
            let changed = (0..<layout.columns).map { old[$0] != new[$0] }
            guard changed.contains(true) else { return }
            out += [Op.update, indirect]
            // Old: the key and the changed columns; new: the changed columns only.
            for i in 0..<layout.columns {
                if changed[i] || layout.primaryKey[i] != 0 { out += old[i] } else { out.append(undefined) }
            }
            for i in 0..<layout.columns {
                if changed[i] { out += new[i] } else { out.append(undefined) }
            }
        }
    }

    /// Appends `value` in the format's value encoding. A column of REAL affinity holding an integer is
    /// written as the real a `SELECT` would return.
    static func append(_ value: OpaquePointer, real: Bool, to out: inout [UInt8]) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER:
            let n = sqlite3_value_int64(value)
            if real {
                out.append(2); appendBigEndian(Double(n).bitPattern, to: &out)
            } else {
                out.append(1); appendBigEndian(UInt64(bitPattern: n), to: &out)
            }
        case SQLITE_FLOAT:
            out.append(2); appendBigEndian(sqlite3_value_double(value).bitPattern, to: &out)
        case SQLITE_TEXT:
            // Text before its length: asking for the text may convert it, and the length is of the result.
            let text = sqlite3_value_text(value)
            let count = Int(sqlite3_value_bytes(value))
            out.append(3); appendVarint(count, to: &out)
            if let text, count > 0 { out.append(contentsOf: UnsafeBufferPointer(start: text, count: count)) }
        case SQLITE_BLOB:
            let bytes = sqlite3_value_blob(value)
            let count = Int(sqlite3_value_bytes(value))
            out.append(4); appendVarint(count, to: &out)
            if let bytes, count > 0 { out.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: count)) }
        default:
            out.append(5)
        }
    }

    private static func appendBigEndian(_ v: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    /// SQLite's varint: big-endian groups of seven bits, the high bit set on all but the last. Lengths in
    /// a changeset are below 2^56, where the format needs no ninth byte.
    static func appendVarint(_ v: Int, to out: inout [UInt8]) {
        var groups: [UInt8] = [UInt8(v & 0x7F)]
        var rest = v >> 7
        while rest > 0 { groups.append(UInt8(rest & 0x7F) | 0x80); rest >>= 7 }
        out += groups.reversed()
    }
}
