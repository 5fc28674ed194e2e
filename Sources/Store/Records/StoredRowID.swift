import Foundation
import Survey

/// The store keeps "no row" as "" in its `rowID` columns (they are part of primary keys, where a NULL
/// would defeat uniqueness) and row ids as lower-case UUIDs; the records hold a `RowID?`.
extension RowID {
    /// The text a `rowID` column holds for a row, or for none.
    static func stored(_ row: RowID?) -> String { row.map { $0.uuidString.lowercased() } ?? "" }
}

extension KeyedDecodingContainer {
    func decodeRowID(forKey key: Key) throws -> RowID? {
        let text = try decode(String.self, forKey: key)
        if text.isEmpty { return nil }
        guard let row = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a row id: \(text)")
        }
        return row
    }
}

extension KeyedEncodingContainer {
    mutating func encodeRowID(_ row: RowID?, forKey key: Key) throws { try encode(RowID.stored(row), forKey: key) }
}
