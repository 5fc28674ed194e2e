import CSQLiteSession
import Foundation
import GRDB
import Synchronization

/// What a changeset's table header says about a travelling table: its name, column count, which
/// columns make the primary key and which have REAL affinity. Read once per schema, not per commit.
struct TableLayout: Sendable {
    let table: TravellingTable
    /// The name as a NUL-terminated C string, compared against the preupdate hook's table name.
    let cName: [CChar]
    /// One byte per column, as `PRAGMA table_info`'s `pk` column gives it (0, or the column's place in
    /// the key): the bytes the session extension writes into the table header.
    let primaryKey: [UInt8]
    /// Columns with REAL affinity: SQLite may store an integral real as an integer, and a `SELECT` (which
    /// is how the session reads new values) hands it back as a real, so the recorder must too.
    let real: [Bool]

    var columns: Int { primaryKey.count }

    /// The changeset's table header: 'T', the column count, the key flags and the NUL-terminated name.
    var header: [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "T")]
        ChangesetEncoder.appendVarint(columns, to: &out)
        return out + primaryKey + cName.map { UInt8(bitPattern: $0) }
    }

    /// The layouts of every travelling table, in `TravellingTable` order (the session's table order).
    static func read(_ connection: OpaquePointer) throws -> [TableLayout] {
        try TravellingTable.allCases.map { table in
            var statement: OpaquePointer?
            let code = sqlite3_prepare_v2(connection, "PRAGMA main.table_info(\"\(table.rawValue)\")", -1, &statement, nil)
            defer { sqlite3_finalize(statement) }
            guard code == SQLITE_OK else { throw Changeset.Failure(call: "PRAGMA table_info", code: code) }
            var primaryKey: [UInt8] = [], real: [Bool] = []
            while sqlite3_step(statement) == SQLITE_ROW {
                primaryKey.append(UInt8(truncatingIfNeeded: sqlite3_column_int(statement, 5)))
                let type = sqlite3_column_text(statement, 2).map { String(cString: $0).uppercased() } ?? ""
                // SQLite's affinity rules (datatype3.html §3.1), in their order: INT, then text, then blob, then REAL.
                real.append(!type.contains("INT") && !type.contains("CHAR") && !type.contains("CLOB") && !type.contains("TEXT")
                            && !type.isEmpty && (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")))
            }
            guard !primaryKey.isEmpty, primaryKey.contains(where: { $0 != 0 }) else {
                throw Changeset.Failure(call: "PRAGMA table_info(\(table.rawValue))", code: SQLITE_SCHEMA)
            }
            return TableLayout(table: table, cName: Array(table.rawValue.utf8CString), primaryKey: primaryKey, real: real)
        }
    }
}

/// The travelling tables' layouts of one store, read on its first captured write and again whenever
/// `PRAGMA schema_version` moves (a migration, or a test that alters a table).
final class TableLayouts: Sendable {
    // Only the pool's one writer reads it, so the lock is never contended.
    private let cached = Mutex<(version: Int64, layouts: [TableLayout])?>(nil)

    /// The layouts for the schema `db` sees now. Runs inside the write, so the schema cannot move
    /// between this read and the changes recorded.
    func current(_ db: Database) throws -> [TableLayout] {
        // A cached statement: one step of a prepared PRAGMA, where reading the layouts again would cost
        // a statement per table.
        let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA main.schema_version")) ?? 0
        if let hit = cached.withLock({ $0?.version == version ? $0?.layouts : nil }) { return hit }
        let layouts = try TableLayout.read(db.sqliteConnection!)
        cached.withLock { $0 = (version, layouts) }
        return layouts
    }
}
