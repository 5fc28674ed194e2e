import Foundation

/// SQLite's changeset format, read and written byte for byte, so a test can mutate a real changeset the
/// way an attacker would: table names, operations, values and their lengths. (Format: sqlite.org,
/// "Changeset format" in the session extension's documentation.)
public struct ChangesetCodec: Equatable {
    public var tables: [Table]

    public struct Table: Equatable {
        public var name: String
        public var primaryKey: [UInt8]
        public var changes: [Change]
    }

    public struct Change: Equatable {
        /// 18 insert, 23 update, 9 delete.
        public var op: UInt8
        public var indirect: UInt8
        public var old: [Value]
        public var new: [Value]
    }

    public enum Value: Equatable {
        case undefined, null
        case integer(Int64)
        case real(Double)
        case text(Data)
        case blob(Data)
    }

    struct Malformed: Error {}

    public init(tables: [Table]) { self.tables = tables }

    /// Parses a changeset made by SQLite.
    public init(_ data: Data) throws {
        let bytes = [UInt8](data)
        var i = 0
        func byte() throws -> UInt8 { guard i < bytes.count else { throw Malformed() }; defer { i += 1 }; return bytes[i] }
        func varint() throws -> Int {
            var v = 0
            for n in 0..<9 {
                let b = try byte()
                if n == 8 { return (v << 8) | Int(b) }
                v = (v << 7) | Int(b & 0x7F)
                if b & 0x80 == 0 { return v }
            }
            return v
        }
        func take(_ n: Int) throws -> Data {
            guard n >= 0, i + n <= bytes.count else { throw Malformed() }
            defer { i += n }
            return Data(bytes[i..<(i + n)])
        }
        func value() throws -> Value {
            switch try byte() {
            case 0: return .undefined
            case 5: return .null
            case 1: return .integer(Int64(bitPattern: try take(8).reduce(0) { $0 << 8 | UInt64($1) }))
            case 2: return .real(Double(bitPattern: try take(8).reduce(0) { $0 << 8 | UInt64($1) }))
            case 3: return .text(try take(try varint()))
            case 4: return .blob(try take(try varint()))
            default: throw Malformed()
            }
        }
        tables = []
        while i < bytes.count {
            guard try byte() == UInt8(ascii: "T") else { throw Malformed() }
            let n = try varint()
            let pk = [UInt8](try take(n))
            var name = Data()
            while true { let b = try byte(); if b == 0 { break }; name.append(b) }
            var table = Table(name: String(decoding: name, as: UTF8.self), primaryKey: pk, changes: [])
            while i < bytes.count, bytes[i] != UInt8(ascii: "T") {
                let op = try byte(), indirect = try byte()
                var change = Change(op: op, indirect: indirect, old: [], new: [])
                if op == 9 || op == 23 { change.old = try (0..<n).map { _ in try value() } }
                if op == 18 || op == 23 { change.new = try (0..<n).map { _ in try value() } }
                if op != 9 && op != 18 && op != 23 { throw Malformed() }
                table.changes.append(change)
            }
            tables.append(table)
        }
    }

    /// The bytes SQLite would read.
    public var encoded: Data {
        var out = Data()
        func varint(_ v: Int) {
            // Lengths here are small: the 1–9 byte big-endian form, seven bits a byte.
            var groups: [UInt8] = [UInt8(v & 0x7F)]
            var rest = v >> 7
            while rest > 0 { groups.append(UInt8(rest & 0x7F) | 0x80); rest >>= 7 }
            out.append(contentsOf: groups.reversed())
        }
        func be(_ v: UInt64) { for s in stride(from: 56, through: 0, by: -8) { out.append(UInt8((v >> UInt64(s)) & 0xFF)) } }
        for t in tables {
            out.append(UInt8(ascii: "T"))
            varint(t.primaryKey.count)
            out.append(contentsOf: t.primaryKey)
            out.append(contentsOf: Data(t.name.utf8))
            out.append(0)
            for c in t.changes {
                out.append(c.op); out.append(c.indirect)
                for v in c.old + c.new {
                    switch v {
                    case .undefined: out.append(0)
                    case .null: out.append(5)
                    case .integer(let n): out.append(1); be(UInt64(bitPattern: n))
                    case .real(let d): out.append(2); be(d.bitPattern)
                    case .text(let d): out.append(3); varint(d.count); out.append(d)
                    case .blob(let d): out.append(4); varint(d.count); out.append(d)
                    }
                }
            }
        }
        return out
    }
}
