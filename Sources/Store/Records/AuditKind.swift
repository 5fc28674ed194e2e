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
    /// A round of the yearly re-survey started from the previous one (old and new values are the years, the reason its household id).
    case roundStarted = "round_started"
    /// In a round of the re-survey, a field's first answer, the same as last year's: confirmed unchanged (the new
    /// value is the answer, as for `answer`). A first answer that differs from last year's is an `answer` line.
    case confirmedUnchanged = "confirmed_unchanged"

    /// Whether the line's old and new values are answers (`ValueCoding.auditText`).
    public var carriesAnswers: Bool { self == .answer || self == .migrated || self == .confirmedUnchanged }
}
