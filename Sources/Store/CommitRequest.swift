import Foundation
import Survey

/// Everything the store needs to commit one confirmed action, as plain values: the changes, and the
/// household's listing fields and cursor as they stand after it. Made from the interview before the
/// store is asked (cheaply: the interview keeps its counts up to date), so the commit itself does no
/// work over the whole household and the screen's state never travels to the store.
public struct CommitRequest: Sendable, Equatable {
    public var household: UUID
    public var changes: [InterviewChange]
    /// The listing fields after the change, the position included; the store keeps its own status,
    /// enumerator and creation time.
    public var summary: HouseholdRecord

    /// The request for changes just made to `interview` (the interview after them, cursor where it
    /// will stand).
    public init(_ changes: [InterviewChange], of interview: Interview) {
        household = interview.householdID
        self.changes = changes
        summary = HouseholdStore.summary(of: interview, createdAt: "")
    }
}
