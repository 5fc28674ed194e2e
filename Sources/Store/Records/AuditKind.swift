import GRDB

/// What an audit line records, as stored in `audit.kind`.
public enum AuditKind: String, Codable, CaseIterable, Hashable, Sendable, DatabaseValueConvertible {
    /// The household was started (the new value is the questionnaire version).
    case created
    /// An answer changed; old and new values are `ValueCoding.auditText`, read them with `oldAnswer`/`newAnswer`.
    case answer
    case rowAdded = "row_added"
    case rowRemoved = "row_removed"
    /// A warning accepted with a reason, and the reason withdrawn.
    case override
    case overrideCleared = "override_cleared"
    /// The household's status changed; old and new values are `HouseholdStatus` raw values.
    case status
    /// A supervisor's comment, and the comment dealt with.
    case comment
    case commentResolved = "comment_resolved"
    /// A review decision changed by resolving a conflict.
    case review
    /// A procedure proposed, a step of it recorded, or decided (subject `procedure.YEAR`; the new value says what).
    case procedure
    /// An answer migrated to a new questionnaire version: renamed, dropped, converted or recoded (the reason names the steps).
    case migrated
}
