import Foundation

extension Changeset {
    /// Whether `changeset` is framed as the session extension writes changesets: table headers ('T', column
    /// count, primary-key flags, NUL-terminated name) each followed by records (operation, indirect flag, then
    /// the old and/or new values of every column), every length inside the data. Values are not interpreted.
    ///
    /// Checked before SQLite walks a changeset: the system library's iterator (3.40) never returns on a table
    /// header whose name runs to the end of the data (found by Fuzz/BundleFuzz). Patchsets ('P') are refused;
    /// the store never makes them.
    static func isWellFramed(_ changeset: Data) -> Bool {
        changeset.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            var columns = 0
            /// SQLite's varint (at most 9 bytes), as the session extension reads it; nil past the end.
            func varint() -> Int? {
                var v: UInt64 = 0
                for k in 0..<9 {
                    guard i < b.count else { return nil }
                    let byte = b[i]; i += 1
                    if k == 8 { return Int(clamping: v << 8 | UInt64(byte)) }
                    v = v << 7 | UInt64(byte & 0x7f)
                    if byte & 0x80 == 0 { break }
                }
                return Int(clamping: v)
            }
            /// One record: a value for each column.
            func record() -> Bool {
                for _ in 0..<columns {
                    guard i < b.count else { return false }
                    let type = b[i]; i += 1
                    switch type {
                    case 0, 5: break                       // undefined (an unchanged column), NULL
                    case 1, 2: guard b.count - i >= 8 else { return false }; i += 8   // integer, real
                    case 3, 4:                             // text, blob
                        guard let n = varint(), n >= 0, n <= b.count - i else { return false }
                        i += n
                    default: return false
                    }
                }
                return true
            }
            while i < b.count {
                let op = b[i]; i += 1
                switch op {
                case UInt8(ascii: "T"):
                    guard let n = varint(), (1...65536).contains(n), n < b.count - i else { return false }
                    i += n
                    guard let nul = b[i...].firstIndex(of: 0) else { return false }
                    i = nul + 1
                    columns = n
                case 18, 9, 23:                           // SQLITE_INSERT, SQLITE_DELETE, SQLITE_UPDATE
                    guard columns > 0, i < b.count else { return false }
                    i += 1                                 // indirect flag
                    guard record() else { return false }
                    if op == 23, !record() { return false }
                default: return false
                }
            }
            return true
        }
    }
}
