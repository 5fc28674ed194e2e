import GRDB

/// A household as listed: who, where, how far, how many problems. The answers are in `AnswerRecord`s.
public struct HouseholdRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "household"
    public var id: String
    public var villageCode: String
    public var groupName: String
    public var householdNo: String
    public var headName: String
    public var headIDNumber: String
    public var questionnaireID: String
    public var questionnaireVersion: String
    public var referenceDay: String
    public var status: String
    public var enumerator: String
    public var answered: Int
    public var required: Int
    public var hardErrors: Int
    public var softOpen: Int
    public var position: String?
    public var createdAt: String
    public var updatedAt: String
    /// The household type code (一般贫困户, 低保户…), the main cause of poverty code, the interview day.
    public var householdType: Int? = nil
    public var mainCause: Int? = nil
    public var interviewDate: String? = nil
    /// Per-capita net income and the line it is judged against.
    public var perCapitaIncome: Double? = nil
    public var incomeLine: Double? = nil
    /// Ids of the guarantees of 两不愁三保障 the household fails, space-separated ("" when none fails).
    public var unmetGuarantees: String? = nil
}

/// A row of a roster (a member, a crop); removal is a flag with who and why, never a delete.
public struct RosterRowRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "rosterRow"
    public var id: String
    public var householdID: String
    public var roster: String
    public var ord: Int
    public var removed: Bool
    public var removedBy: String?
    public var removedAt: String?
    public var removedReason: String?
}

/// One answered field: the latest value, who gave it, when, and its hybrid logical clock.
public struct AnswerRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "answer"
    public var householdID: String
    /// "" for household-level questions.
    public var rowID: String
    public var question: String
    public var type: String
    public var value: String
    public var who: String
    public var at: String
    public var clock: String
}

/// An append-only line of history: an answer changed, a row added or removed, a reason given, a status set.
public struct AuditRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit"
    public var id: String
    public var householdID: String
    public var rowID: String
    /// The question, roster, check or "status" the line is about.
    public var subject: String
    /// answer, row_added, row_removed, override, override_cleared, status, position.
    public var kind: String
    public var oldValue: String?
    public var newValue: String?
    public var reason: String?
    public var who: String
    public var at: String
    public var clock: String

    public init(id: String, householdID: String, rowID: String, subject: String, kind: String, oldValue: String?, newValue: String?,
                reason: String?, who: String, at: String, clock: String) {
        self.id = id; self.householdID = householdID; self.rowID = rowID; self.subject = subject; self.kind = kind
        self.oldValue = oldValue; self.newValue = newValue; self.reason = reason; self.who = who; self.at = at; self.clock = clock
    }
}

/// A soft check accepted with a reason.
public struct OverrideRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "override"
    public var householdID: String
    public var rowID: String
    public var checkID: String
    public var reason: String
    public var who: String
    public var at: String
}

/// This device, and the devices whose changes it accepts.
public struct DeviceRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "device"
    public var id: String
    public var name: String
    public var createdAt: String
    public var isSelf: Bool
    public var lastClock: String
    public var publicKey: String
    public var fingerprint: String
    /// When this store began to accept the device's bundles (nil for itself).
    public var trustedAt: String? = nil
    /// Bundles from this sequence number on are refused (a lost laptop).
    public var revokedFrom: Int? = nil
}

/// A supervisor's decision on a household.
public struct ReviewRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "review"
    public var householdID: String
    public var state: String
    public var reason: String?
    public var who: String
    public var at: String
}

/// A supervisor's comment on a field or (question "") on the household.
public struct CommentRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "comment"
    public var id: String
    public var householdID: String
    public var rowID: String
    public var question: String
    public var text: String
    public var who: String
    public var at: String
    public var resolved: Bool
}
