import Foundation
import GRDB
import Survey

/// One field that two people changed differently: both values, who and when, and the bundle it came in.
public struct ConflictRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "conflict"
    public var id: String
    public var householdID: String
    /// The roster row of the field; nil for a household-level one.
    public var rowID: RowID?
    public var kind: ConflictKind
    /// The question, check, "review" or "status".
    public var field: String
    /// This store's value when the bundle arrived, in the stored form of the kind ("type:text" for
    /// answers; nil: cleared). Outside the store, read `mine`.
    var mineValue: String?
    public var mineWho: String
    public var mineAt: String
    /// The other side's value, stored like `mineValue`; read `theirs`.
    var theirsValue: String?
    public var theirsWho: String
    public var theirsAt: String
    public var theirsDevice: String
    public var bundleID: String
    public var sequence: Int
    public var detectedAt: String
    public var state: ConflictState
    /// The value the resolution kept, stored like `mineValue`; read `resolved`.
    var resolvedValue: String? = nil
    public var resolvedBy: String? = nil
    public var resolvedAt: String? = nil

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, householdID, rowID, kind, field, mineValue, mineWho, mineAt, theirsValue, theirsWho, theirsAt, theirsDevice, bundleID,
             sequence, detectedAt, state, resolvedValue, resolvedBy, resolvedAt
    }
    public typealias Columns = CodingKeys

    /// This store's value when the bundle arrived.
    public var mine: ConflictSide { ConflictSide(kind, stored: mineValue) }
    /// The value the bundle brought.
    public var theirs: ConflictSide { ConflictSide(kind, stored: theirsValue) }
    /// The value the resolution kept; nil while the conflict is open.
    public var resolved: ConflictSide? { state == .resolved ? ConflictSide(kind, stored: resolvedValue) : nil }

    /// A conflict as stored, its sides in the stored form of its kind (the county hub reads them back from its own tables).
    public init(id: String, householdID: String, rowID: RowID?, kind: ConflictKind, field: String, mineValue: String?, mineWho: String,
         mineAt: String, theirsValue: String?, theirsWho: String, theirsAt: String, theirsDevice: String, bundleID: String,
         sequence: Int, detectedAt: String, state: ConflictState, resolvedValue: String? = nil, resolvedBy: String? = nil,
         resolvedAt: String? = nil) {
        self.id = id; self.householdID = householdID; self.rowID = rowID; self.kind = kind; self.field = field
        self.mineValue = mineValue; self.mineWho = mineWho; self.mineAt = mineAt
        self.theirsValue = theirsValue; self.theirsWho = theirsWho; self.theirsAt = theirsAt; self.theirsDevice = theirsDevice
        self.bundleID = bundleID; self.sequence = sequence; self.detectedAt = detectedAt; self.state = state
        self.resolvedValue = resolvedValue; self.resolvedBy = resolvedBy; self.resolvedAt = resolvedAt
    }

    /// An open conflict over an answer, its sides as values (what a screen is handed; tests build one this way).
    public init(id: String, householdID: String, rowID: RowID?, question: String, mine: Value?, mineWho: String, mineAt: String,
                theirs: Value?, theirsWho: String, theirsAt: String, theirsDevice: String, bundleID: String, sequence: Int,
                detectedAt: String) {
        self.init(id: id, householdID: householdID, rowID: rowID, kind: .answer, field: question, mineValue: ValueCoding.auditText(mine),
                  mineWho: mineWho, mineAt: mineAt, theirsValue: ValueCoding.auditText(theirs), theirsWho: theirsWho, theirsAt: theirsAt,
                  theirsDevice: theirsDevice, bundleID: bundleID, sequence: sequence, detectedAt: detectedAt, state: .open)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func s(_ k: CodingKeys) throws -> String { try c.decode(String.self, forKey: k) }
        func o(_ k: CodingKeys) throws -> String? { try c.decodeIfPresent(String.self, forKey: k) }
        self.init(id: try s(.id), householdID: try s(.householdID), rowID: try c.decodeRowID(forKey: .rowID),
                  kind: try c.decode(ConflictKind.self, forKey: .kind), field: try s(.field), mineValue: try o(.mineValue),
                  mineWho: try s(.mineWho), mineAt: try s(.mineAt), theirsValue: try o(.theirsValue), theirsWho: try s(.theirsWho),
                  theirsAt: try s(.theirsAt), theirsDevice: try s(.theirsDevice), bundleID: try s(.bundleID),
                  sequence: try c.decode(Int.self, forKey: .sequence), detectedAt: try s(.detectedAt),
                  state: try c.decode(ConflictState.self, forKey: .state), resolvedValue: try o(.resolvedValue),
                  resolvedBy: try o(.resolvedBy), resolvedAt: try o(.resolvedAt))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(householdID, forKey: .householdID); try c.encodeRowID(rowID, forKey: .rowID)
        try c.encode(kind, forKey: .kind); try c.encode(field, forKey: .field); try c.encodeIfPresent(mineValue, forKey: .mineValue)
        try c.encode(mineWho, forKey: .mineWho); try c.encode(mineAt, forKey: .mineAt); try c.encodeIfPresent(theirsValue, forKey: .theirsValue)
        try c.encode(theirsWho, forKey: .theirsWho); try c.encode(theirsAt, forKey: .theirsAt); try c.encode(theirsDevice, forKey: .theirsDevice)
        try c.encode(bundleID, forKey: .bundleID); try c.encode(sequence, forKey: .sequence); try c.encode(detectedAt, forKey: .detectedAt)
        try c.encode(state, forKey: .state); try c.encodeIfPresent(resolvedValue, forKey: .resolvedValue)
        try c.encodeIfPresent(resolvedBy, forKey: .resolvedBy); try c.encodeIfPresent(resolvedAt, forKey: .resolvedAt)
    }
}

/// One side of a conflict (or the value its resolution kept), typed by the conflict's kind.
public enum ConflictSide: Hashable, Sendable {
    /// An answer; nil: cleared.
    case answer(Value?)
    /// A warning's reason; nil: none.
    case reason(String?)
    /// A supervisor's decision and its reason; nil: none.
    case review(ReviewDecision?, reason: String?)
    /// The household's status.
    case status(HouseholdStatus?)
    /// A stored value that does not read as its kind (a damaged store), as it is.
    case unreadable(String)

    init(_ kind: ConflictKind, stored: String?) {
        guard let stored else {
            switch kind {
            case .answer: self = .answer(nil)
            case .override: self = .reason(nil)
            case .review: self = .review(nil, reason: nil)
            case .status: self = .status(nil)
            }
            return
        }
        switch kind {
        case .answer: self = ValueCoding.value(auditText: stored).map { .answer($0) } ?? .unreadable(ValueCoding.split(auditText: stored).text)
        case .override: self = .reason(stored)
        case .review:
            let (state, reason) = ConflictSide.review(stored)
            self = state.map { .review($0, reason: reason) } ?? .unreadable(stored)
        case .status: self = HouseholdStatus(rawValue: stored).map { .status($0) } ?? .unreadable(stored)
        }
    }

    /// The state and reason of a review's stored form, "state" or "state: reason".
    static func review(_ stored: String) -> (ReviewDecision?, String?) {
        let parts = stored.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        return (parts.first.flatMap(ReviewDecision.init(rawValue:)), parts.count > 1 ? parts[1] : nil)
    }

    /// Whether the side holds nothing (a cleared answer, no reason, no decision).
    public var isEmpty: Bool {
        switch self {
        case .answer(let v): return v == nil
        case .reason(let r): return r == nil
        case .review(let s, _): return s == nil
        case .status(let s): return s == nil
        case .unreadable: return false
        }
    }

    /// The side in words without a questionnaire (codes as numbers), nil when empty: for the command line.
    public func text(_ lang: Language) -> String? {
        switch self {
        case .answer(let v): return v.map { ValueCoding.encode($0).text }
        case .reason(let r): return r
        case .review(let s, let reason): return s.map { $0.status.label(lang) + (reason.map { ": " + $0 } ?? "") }
        case .status(let s): return s?.label(lang)
        case .unreadable(let text): return text
        }
    }

    /// What a person types to choose this value again (`ConflictChoice.value`): an answer as typed, codes as numbers.
    public var typedText: String {
        switch self {
        case .answer(let v): return v.map { ValueCoding.encode($0).text } ?? ""
        case .reason(let r): return r ?? ""
        case .review(let s, let reason): return s.map { $0.rawValue + (reason.map { ": " + $0 } ?? "") } ?? ""
        case .status(let s): return s?.rawValue ?? ""
        case .unreadable(let text): return text
        }
    }
}

/// Which value a resolution keeps.
public enum ConflictChoice: Equatable, Sendable {
    case mine, theirs
    /// A value typed by the person resolving (a merge of both, say).
    case value(String)
}

/// Why a resolution was refused.
public enum ConflictProblem: Error, Equatable, Sendable {
    case unknown(String)
    case ambiguous(String)
    case alreadyResolved(String)
    case badValue(String, type: String)

    /// The message in the user's language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .unknown(let id): return Phrase.noSuchConflict.text(lang, id)
        case .ambiguous(let id): return Phrase.ambiguousConflict.text(lang, id)
        case .alreadyResolved(let id): return Phrase.conflictAlreadyResolved.text(lang, id)
        case .badValue(let v, let t): return Phrase.conflictBadValue.text(lang, v, t)
        }
    }
}

extension HouseholdStore {
    /// Conflicts, oldest first: open ones only unless `all`.
    public func conflicts(all: Bool = false) throws(StoreError) -> [ConflictRecord] {
        try read { db in
            var req = ConflictRecord.all()
            if !all { req = req.filter(ConflictRecord.Columns.state == ConflictState.open) }
            return try req.order(ConflictRecord.Columns.detectedAt, ConflictRecord.Columns.id).fetchAll(db)
        }
    }

    /// Resolves a conflict (`id` or a unique prefix of it) with a new change of this store's own — so it
    /// is captured and travels in the next bundle, with a resolution record that lets the other side
    /// accept it instead of seeing the same conflict again.
    @discardableResult
    public func resolveConflict(_ id: String, take choice: ConflictChoice, who: String, questionnaire: Questionnaire?) throws -> ConflictRecord {
        try capturedWrite { db in
            let matches = try ConflictRecord.filter(ConflictRecord.Columns.id.like(id.lowercased() + "%")).fetchAll(db)
            guard !id.isEmpty, let found = matches.first else { throw ConflictProblem.unknown(id) }
            guard matches.count == 1 else { throw ConflictProblem.ambiguous(id) }
            var c = found
            guard c.state == .open else { throw ConflictProblem.alreadyResolved(c.id) }
            let chosen: String?
            switch choice {
            case .mine: chosen = c.mineValue
            case .theirs: chosen = c.theirsValue
            case .value(let text): chosen = try Self.typed(text, for: c)
            }
            let now = Self.timestamp(), clock = try tick(db)
            let reason = "conflict \(c.id.prefix(8))"
            let rid = RowID.stored(c.rowID)
            switch c.kind {
            case .answer:
                let old = try AnswerRecord.filter(key: ["householdID": c.householdID, "rowID": rid, "question": c.field]).fetchOne(db)
                if let chosen {
                    let (type, text) = ValueCoding.split(auditText: chosen)
                    try AnswerRecord(householdID: c.householdID, rowID: c.rowID, question: c.field, type: type, value: text,
                                     who: who, at: now, clock: clock).save(db)
                } else {
                    try db.execute(sql: "DELETE FROM answer WHERE householdID = ? AND rowID = ? AND question = ?",
                                   arguments: [c.householdID, rid, c.field])
                }
                try audit(db, c.householdID, c.rowID, c.field, .answer, old.map { "\($0.type):\($0.value)" }, chosen, reason, who, now, clock)
            case .override:
                if let chosen {
                    try OverrideRecord(householdID: c.householdID, rowID: c.rowID, checkID: c.field, reason: chosen, who: who, at: now).save(db)
                } else {
                    try db.execute(sql: "DELETE FROM override WHERE householdID = ? AND rowID = ? AND checkID = ?", arguments: [c.householdID, rid, c.field])
                }
                try audit(db, c.householdID, c.rowID, c.field, chosen == nil ? .overrideCleared : .override, nil, nil, chosen ?? reason, who, now, clock)
            case .review:
                let (state, stateReason) = ConflictSide.review(chosen ?? "")
                if let state {
                    try ReviewRecord(householdID: c.householdID, state: state, reason: stateReason, who: who, at: now).save(db)
                } else {
                    try db.execute(sql: "DELETE FROM review WHERE householdID = ?", arguments: [c.householdID])
                }
                try audit(db, c.householdID, nil, "review", .review, c.mineValue, chosen, reason, who, now, clock)
            case .status:
                let old = try String.fetchOne(db, sql: "SELECT status FROM household WHERE id = ?", arguments: [c.householdID])
                try db.execute(sql: "UPDATE household SET status = ?, updatedAt = ? WHERE id = ?",
                               arguments: [chosen ?? HouseholdStatus.inProgress.rawValue, now, c.householdID])
                try audit(db, c.householdID, nil, "status", .status, old, chosen, reason, who, now, clock)
            }
            let supersedes = String(decoding: try JSONEncoder().encode([c.mineValue, c.theirsValue]), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO resolution (id, householdID, rowID, kind, field, value, supersedes, who, at, clock) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [UUID().uuidString.lowercased(), c.householdID, rid, c.kind, c.field, chosen, supersedes, who, now, clock])
            c.state = .resolved; c.resolvedValue = chosen; c.resolvedBy = who; c.resolvedAt = now
            try c.update(db)
            if let questionnaire, c.kind == .answer || c.kind == .override { try recomputeSummary(c.householdID, db, questionnaire) }
            return c
        }
    }

    /// A typed value in the stored form of the conflict's field, or why it does not fit.
    static func typed(_ text: String, for c: ConflictRecord) throws -> String {
        switch c.kind {
        case .answer:
            let type = ValueCoding.split(auditText: c.theirsValue ?? c.mineValue ?? "text:").type
            guard ValueCoding.decode(type: type, text: text) != nil else { throw ConflictProblem.badValue(text, type: type) }
            return type + ":" + text
        case .status:
            guard HouseholdStatus(rawValue: text) != nil else { throw ConflictProblem.badValue(text, type: "status") }
            return text
        case .review:
            // "" withdraws the decision; otherwise "state" or "state: reason".
            guard text.isEmpty || ConflictSide.review(text).0 != nil else { throw ConflictProblem.badValue(text, type: "review") }
            return text
        default:
            return text
        }
    }
}
