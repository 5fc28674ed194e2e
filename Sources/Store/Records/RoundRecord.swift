import GRDB

/// A household's round of a later survey year (the yearly re-survey, 动态调整): a `household` row of its own,
/// linked to the round before it. A first round has no `round` row: its registration is its own id and its
/// year is its reference day's.
public struct RoundRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "round"
    /// The household row of this round.
    public var householdID: String
    /// The household's first round: the same in every year.
    public var registrationID: String
    public var surveyYear: Int
    /// The round this one was started from, read for last year's values.
    public var previousRoundID: String
    public var startedBy: String
    public var startedAt: String
    public var clock: String

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case householdID, registrationID, surveyYear, previousRoundID, startedBy, startedAt, clock
    }
    public typealias Columns = CodingKeys
}

/// A roster row (a member, a crop) carried into a new round: which row of the previous round it continues.
public struct CarriedRowRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "carriedRow"
    public var rowID: String
    public var householdID: String
    public var previousRowID: String

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case rowID, householdID, previousRowID
    }
    public typealias Columns = CodingKeys
}
