import GRDB

/// What kind of field a conflict is about, as stored in `conflict.kind` and `resolution.kind`.
public enum ConflictKind: String, Codable, CaseIterable, Hashable, Sendable, DatabaseValueConvertible {
    /// An answer (field: the question).
    case answer
    /// A warning's reason (field: the check).
    case override
    /// The supervisor's decision (field: "review").
    case review
    /// The household's status (field: "status").
    case status
}

/// Whether a conflict still waits for a person, as stored in `conflict.state`.
public enum ConflictState: String, Codable, CaseIterable, Hashable, Sendable, DatabaseValueConvertible {
    case open, resolved
}
