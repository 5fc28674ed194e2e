import GRDB
import Survey

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
    public var status: HouseholdStatus
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

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, villageCode, groupName, householdNo, headName, headIDNumber, questionnaireID, questionnaireVersion, referenceDay,
             status, enumerator, answered, required, hardErrors, softOpen, position, createdAt, updatedAt, householdType, mainCause,
             interviewDate, perCapitaIncome, incomeLine, unmetGuarantees
    }
    /// The table's columns, for queries.
    public typealias Columns = CodingKeys
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

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, householdID, roster, ord, removed, removedBy, removedAt, removedReason
    }
    public typealias Columns = CodingKeys
}

/// One answered field: the latest value, who gave it, when, and its hybrid logical clock.
public struct AnswerRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "answer"
    public var householdID: String
    /// The roster row; nil for household-level questions.
    public var rowID: RowID?
    public var question: String
    /// The value as `ValueCoding` stores it: a type tag and a text.
    public var type: String
    public var value: String
    public var who: String
    public var at: String
    public var clock: String

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case householdID, rowID, question, type, value, who, at, clock
    }
    public typealias Columns = CodingKeys

    /// The answer, typed; nil when the stored pair is not one `ValueCoding` makes.
    public var answer: Value? { ValueCoding.decode(type: type, text: value) }

    public init(householdID: String, rowID: RowID?, question: String, type: String, value: String, who: String, at: String, clock: String) {
        self.householdID = householdID; self.rowID = rowID; self.question = question; self.type = type; self.value = value
        self.who = who; self.at = at; self.clock = clock
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(householdID: try c.decode(String.self, forKey: .householdID), rowID: try c.decodeRowID(forKey: .rowID),
                  question: try c.decode(String.self, forKey: .question), type: try c.decode(String.self, forKey: .type),
                  value: try c.decode(String.self, forKey: .value), who: try c.decode(String.self, forKey: .who),
                  at: try c.decode(String.self, forKey: .at), clock: try c.decode(String.self, forKey: .clock))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(householdID, forKey: .householdID); try c.encodeRowID(rowID, forKey: .rowID); try c.encode(question, forKey: .question)
        try c.encode(type, forKey: .type); try c.encode(value, forKey: .value); try c.encode(who, forKey: .who)
        try c.encode(at, forKey: .at); try c.encode(clock, forKey: .clock)
    }
}

/// An append-only line of history: an answer changed, a row added or removed, a reason given, a status set.
public struct AuditRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit"
    public var id: String
    public var householdID: String
    /// The roster row the line is about; nil for the household.
    public var rowID: RowID?
    /// The question, roster, check or "status" the line is about.
    public var subject: String
    public var kind: AuditKind
    /// The values before and after, in the stored form of the kind ("type:text" for an answer). Only the
    /// store reads that form; outside it, read `oldAnswer`, `newAnswer`, `oldStatus`, `newStatus`.
    var oldValue: String?
    var newValue: String?
    public var reason: String?
    public var who: String
    public var at: String
    public var clock: String

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, householdID, rowID, subject, kind, oldValue, newValue, reason, who, at, clock
    }
    public typealias Columns = CodingKeys

    public init(id: String, householdID: String, rowID: RowID?, subject: String, kind: AuditKind, oldValue: String?, newValue: String?,
                reason: String?, who: String, at: String, clock: String) {
        self.id = id; self.householdID = householdID; self.rowID = rowID; self.subject = subject; self.kind = kind
        self.oldValue = oldValue; self.newValue = newValue; self.reason = reason; self.who = who; self.at = at; self.clock = clock
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), householdID: try c.decode(String.self, forKey: .householdID),
                  rowID: try c.decodeRowID(forKey: .rowID), subject: try c.decode(String.self, forKey: .subject),
                  kind: try c.decode(AuditKind.self, forKey: .kind), oldValue: try c.decodeIfPresent(String.self, forKey: .oldValue),
                  newValue: try c.decodeIfPresent(String.self, forKey: .newValue), reason: try c.decodeIfPresent(String.self, forKey: .reason),
                  who: try c.decode(String.self, forKey: .who), at: try c.decode(String.self, forKey: .at), clock: try c.decode(String.self, forKey: .clock))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(householdID, forKey: .householdID); try c.encodeRowID(rowID, forKey: .rowID)
        try c.encode(subject, forKey: .subject); try c.encode(kind, forKey: .kind)
        // Absent when nil, as the synthesized coding wrote them: the JSON interchange keeps its shape.
        try c.encodeIfPresent(oldValue, forKey: .oldValue); try c.encodeIfPresent(newValue, forKey: .newValue)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(who, forKey: .who); try c.encode(at, forKey: .at); try c.encode(clock, forKey: .clock)
    }

    /// For a line of an answer (`answer`, `migrated`, `confirmed_unchanged`), the value before; nil when there was
    /// none (or the line is of another kind).
    public var oldAnswer: Value? { kind.carriesAnswers ? ValueCoding.value(auditText: oldValue) : nil }
    /// For a line of an answer, the value after; nil when it was cleared.
    public var newAnswer: Value? { kind.carriesAnswers ? ValueCoding.value(auditText: newValue) : nil }
    /// For a `status` line, the status before and after.
    public var oldStatus: HouseholdStatus? { kind == .status ? oldValue.flatMap(HouseholdStatus.init(rawValue:)) : nil }
    public var newStatus: HouseholdStatus? { kind == .status ? newValue.flatMap(HouseholdStatus.init(rawValue:)) : nil }
}

/// A soft check accepted with a reason.
public struct OverrideRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "override"
    public var householdID: String
    /// The roster row of the check; nil for a household-level one.
    public var rowID: RowID?
    public var checkID: String
    public var reason: String
    public var who: String
    public var at: String

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case householdID, rowID, checkID, reason, who, at
    }
    public typealias Columns = CodingKeys

    public init(householdID: String, rowID: RowID?, checkID: String, reason: String, who: String, at: String) {
        self.householdID = householdID; self.rowID = rowID; self.checkID = checkID; self.reason = reason; self.who = who; self.at = at
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(householdID: try c.decode(String.self, forKey: .householdID), rowID: try c.decodeRowID(forKey: .rowID),
                  checkID: try c.decode(String.self, forKey: .checkID), reason: try c.decode(String.self, forKey: .reason),
                  who: try c.decode(String.self, forKey: .who), at: try c.decode(String.self, forKey: .at))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(householdID, forKey: .householdID); try c.encodeRowID(rowID, forKey: .rowID); try c.encode(checkID, forKey: .checkID)
        try c.encode(reason, forKey: .reason); try c.encode(who, forKey: .who); try c.encode(at, forKey: .at)
    }
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

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, name, createdAt, isSelf, lastClock, publicKey, fingerprint, trustedAt, revokedFrom
    }
    public typealias Columns = CodingKeys
}

/// A supervisor's decision on a household.
public struct ReviewRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "review"
    public var householdID: String
    public var state: ReviewDecision
    public var reason: String?
    public var who: String
    public var at: String

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case householdID, state, reason, who, at
    }
    public typealias Columns = CodingKeys
}

/// A supervisor's comment on a field or (question "") on the household.
public struct CommentRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "comment"
    public var id: String
    public var householdID: String
    /// The roster row of the field; nil for a household-level field or the household itself.
    public var rowID: RowID?
    public var question: String
    public var text: String
    public var who: String
    public var at: String
    public var resolved: Bool

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, householdID, rowID, question, text, who, at, resolved
    }
    public typealias Columns = CodingKeys

    public init(id: String, householdID: String, rowID: RowID?, question: String, text: String, who: String, at: String, resolved: Bool) {
        self.id = id; self.householdID = householdID; self.rowID = rowID; self.question = question; self.text = text
        self.who = who; self.at = at; self.resolved = resolved
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), householdID: try c.decode(String.self, forKey: .householdID),
                  rowID: try c.decodeRowID(forKey: .rowID), question: try c.decode(String.self, forKey: .question),
                  text: try c.decode(String.self, forKey: .text), who: try c.decode(String.self, forKey: .who),
                  at: try c.decode(String.self, forKey: .at), resolved: try c.decode(Bool.self, forKey: .resolved))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(householdID, forKey: .householdID); try c.encodeRowID(rowID, forKey: .rowID)
        try c.encode(question, forKey: .question); try c.encode(text, forKey: .text); try c.encode(who, forKey: .who)
        try c.encode(at, forKey: .at); try c.encode(resolved, forKey: .resolved)
    }
}
