import Logging
import NIOCore
import PostgresNIO
import Store

/// Rows written into a county table the way PostgreSQL takes many rows fastest: `COPY … FROM STDIN` into a
/// staging table dropped at commit, then one `INSERT … SELECT` that routes them to their county's partition and
/// replaces rows with the same key. The multi-row `INSERT … VALUES` with a bound parameter per cell it replaces
/// spent most of an apply encoding, sending and planning up to 65,535 parameters a statement.
enum CountyRowCopy {
    /// Inserts `rows` (each with its county) into `table`, replacing those with the same key when `update`;
    /// else a row with an existing key is refused, as a plain INSERT refuses it.
    static func upsert(_ table: CountyTable, _ rows: [(String, CountyRow)], _ connection: PostgresConnection, logger: Logger,
                       update: Bool = true) async throws {
        guard !rows.isEmpty else { return }
        let stage = "stage_" + table.name
        try await connection.query(PostgresQuery(unsafeSQL: """
            CREATE TEMP TABLE IF NOT EXISTS \(stage) (LIKE \(table.name)) ON COMMIT DROP
            """), logger: logger)
        let names = ["county"] + table.columns.map(\.name)
        try await connection.copyFrom(table: stage, columns: names, logger: logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for (county, row) in rows {
                appendText(county, to: &buffer)
                for column in table.columns {
                    buffer.writeInteger(UInt8(ascii: "\t"))
                    appendCell(row[column.laptop] ?? .null, column.kind, to: &buffer)
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
        let list = names.joined(separator: ", ")
        let target = (["county"] + table.key.map { table.column($0)!.name }).joined(separator: ", ")
        let updates = table.columns.filter { !table.key.contains($0.laptop) }.map { "\($0.name) = EXCLUDED.\($0.name)" }.joined(separator: ", ")
        let onConflict = update ? " ON CONFLICT (\(target)) DO UPDATE SET \(updates)" : ""
        try await connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO \(table.name) (\(list)) SELECT \(list) FROM \(stage)\(onConflict)
            """), logger: logger)
        try await connection.query(PostgresQuery(unsafeSQL: "TRUNCATE \(stage)"), logger: logger)
    }

    /// A cell in COPY's text format, as the column of `kind` takes it (`\N` for NULL).
    static func appendCell(_ value: RowValue, _ kind: CountyColumn.Kind, to buffer: inout ByteBuffer) {
        switch CountyApply.normalized(value, kind) ?? .null {
        case .null, .blob: buffer.writeStaticString("\\N")
        case .text(let s): appendText(s, to: &buffer)
        case .integer(let i): if kind == .bool { buffer.writeInteger(UInt8(ascii: i != 0 ? "t" : "f")) } else { buffer.writeString(String(i)) }
        case .real(let d):
            // Swift's shortest round-tripping digits; PostgreSQL reads "inf", "-inf" and "nan" as well.
            buffer.writeString(d.isNaN ? "NaN" : d.isInfinite ? (d < 0 ? "-Infinity" : "Infinity") : String(d))
        }
    }

    /// Text with COPY's escapes: a backslash, tab, newline or carriage return would end the field or the row.
    static func appendText(_ s: String, to buffer: inout ByteBuffer) {
        var s = s
        s.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 9 || $0 == 10 || $0 == 13 }) else {
                buffer.writeBytes(bytes)
                return
            }
            for b in bytes {
                switch b {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 9: buffer.writeStaticString("\\t")
                case 10: buffer.writeStaticString("\\n")
                case 13: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(b)
                }
            }
        }
    }
}
