import GRDB
import Survey

/// Last year's answer to a field, looked up as a round's commit records a first answer: the same value is
/// audited as confirmed unchanged, another as a change. A household that is no round has none.
struct LastYearsAnswer {
    /// The previous round's household id.
    let previous: String

    /// The round `hid` continues, or nil when it is a first round (no lookup costs more than this one read).
    init?(of hid: String, _ db: Database) throws {
        guard let previous = try String.fetchOne(db.cachedStatement(sql: "SELECT previousRoundID FROM round WHERE householdID = ?"),
                                                 arguments: [hid]) else { return nil }
        self.previous = previous
    }

    /// Whether last year's answer to `question` (in the row this year's `row` continues) is `encoded`.
    func isSame(_ encoded: (type: String, text: String), question: String, row: RowID?, _ db: Database) throws -> Bool {
        var previousRow = ""
        if let row {
            guard let carried = try String.fetchOne(db.cachedStatement(sql: "SELECT previousRowID FROM carriedRow WHERE rowID = ?"),
                                                    arguments: [row.uuidString.lowercased()]) else { return false }
            previousRow = carried
        }
        guard let last = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT type, value FROM answer WHERE householdID = ? AND rowID = ? AND question = ?
            """), arguments: [previous, previousRow, question]) else { return false }
        return last["type"] as String? == encoded.type && last["value"] as String? == encoded.text
    }
}
