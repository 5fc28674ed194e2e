import GRDB

/// A supervisor's decision on a household, as stored in `review.state`.
public enum ReviewDecision: String, Codable, CaseIterable, Hashable, Sendable, DatabaseValueConvertible {
    case approved
    case sentBack = "sent_back"

    /// The household status the decision sets.
    public var status: HouseholdStatus { self == .approved ? .approved : .sentBack }
}
