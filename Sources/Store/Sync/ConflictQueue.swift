import Foundation
import GRDB
import Survey

/// One field that two people changed differently: both values, who and when, and the bundle it came in.
public struct ConflictRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "conflict"
    public var id: String
    public var householdID: String
    public var rowID: String
    /// answer, override, review or status.
    public var kind: String
    /// The question, check, "review" or "status".
    public var field: String
    /// This store's value when the bundle arrived ("type:text" for answers; nil: cleared).
    public var mineValue: String?
    public var mineWho: String
    public var mineAt: String
    public var theirsValue: String?
    public var theirsWho: String
    public var theirsAt: String
    public var theirsDevice: String
    public var bundleID: String
    public var sequence: Int
    public var detectedAt: String
    /// open or resolved.
    public var state: String
    public var resolvedValue: String? = nil
    public var resolvedBy: String? = nil
    public var resolvedAt: String? = nil

    /// A stored value as a person reads it: the text of an answer without its type tag.
    public static func display(_ value: String?, kind: String) -> String? {
        guard let value else { return nil }
        return kind == "answer" ? ValueCoding.split(auditText: value).text : value
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
            if !all { req = req.filter(Column("state") == "open") }
            return try req.order(Column("detectedAt"), Column("id")).fetchAll(db)
        }
    }

    /// Resolves a conflict (`id` or a unique prefix of it) with a new change of this store's own — so it
    /// is captured and travels in the next bundle, with a resolution record that lets the other side
    /// accept it instead of seeing the same conflict again.
    @discardableResult
    public func resolveConflict(_ id: String, take choice: ConflictChoice, who: String, questionnaire: Questionnaire?) throws -> ConflictRecord {
        try capturedWrite { db in
            let matches = try ConflictRecord.filter(Column("id").like(id.lowercased() + "%")).fetchAll(db)
            guard !id.isEmpty, let found = matches.first else { throw ConflictProblem.unknown(id) }
            guard matches.count == 1 else { throw ConflictProblem.ambiguous(id) }
            var c = found
            guard c.state == "open" else { throw ConflictProblem.alreadyResolved(c.id) }
            let chosen: String?
            switch choice {
            case .mine: chosen = c.mineValue
            case .theirs: chosen = c.theirsValue
            case .value(let text): chosen = try Self.typed(text, for: c)
            }
            let now = Self.timestamp(), clock = try tick(db)
            let reason = "conflict \(c.id.prefix(8))"
            switch c.kind {
            case "answer":
                let old = try AnswerRecord.filter(key: ["householdID": c.householdID, "rowID": c.rowID, "question": c.field]).fetchOne(db)
                if let chosen {
                    let (type, text) = ValueCoding.split(auditText: chosen)
                    try AnswerRecord(householdID: c.householdID, rowID: c.rowID, question: c.field, type: type, value: text,
                                     who: who, at: now, clock: clock).save(db)
                } else {
                    try db.execute(sql: "DELETE FROM answer WHERE householdID = ? AND rowID = ? AND question = ?",
                                   arguments: [c.householdID, c.rowID, c.field])
                }
                try audit(db, c.householdID, c.rowID, c.field, "answer", old.map { "\($0.type):\($0.value)" }, chosen, reason, who, now, clock)
            case "override":
                if let chosen {
                    try OverrideRecord(householdID: c.householdID, rowID: c.rowID, checkID: c.field, reason: chosen, who: who, at: now).save(db)
                } else {
                    try db.execute(sql: "DELETE FROM override WHERE householdID = ? AND rowID = ? AND checkID = ?", arguments: [c.householdID, c.rowID, c.field])
                }
                try audit(db, c.householdID, c.rowID, c.field, chosen == nil ? "override_cleared" : "override", nil, nil, chosen ?? reason, who, now, clock)
            case "review":
                let parts = (chosen ?? "").split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if let state = parts.first, !state.isEmpty {
                    try ReviewRecord(householdID: c.householdID, state: state, reason: parts.count > 1 ? parts[1] : nil, who: who, at: now).save(db)
                } else {
                    try db.execute(sql: "DELETE FROM review WHERE householdID = ?", arguments: [c.householdID])
                }
                try audit(db, c.householdID, "", "review", "review", c.mineValue, chosen, reason, who, now, clock)
            default:
                let old = try String.fetchOne(db, sql: "SELECT status FROM household WHERE id = ?", arguments: [c.householdID])
                try db.execute(sql: "UPDATE household SET status = ?, updatedAt = ? WHERE id = ?", arguments: [chosen ?? "in_progress", now, c.householdID])
                try audit(db, c.householdID, "", "status", "status", old, chosen, reason, who, now, clock)
            }
            let supersedes = String(decoding: try JSONEncoder().encode([c.mineValue, c.theirsValue]), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO resolution (id, householdID, rowID, kind, field, value, supersedes, who, at, clock) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [UUID().uuidString.lowercased(), c.householdID, c.rowID, c.kind, c.field, chosen, supersedes, who, now, clock])
            c.state = "resolved"; c.resolvedValue = chosen; c.resolvedBy = who; c.resolvedAt = now
            try c.update(db)
            if let questionnaire, c.kind == "answer" || c.kind == "override" { try recomputeSummary(c.householdID, db, questionnaire) }
            return c
        }
    }

    /// A typed value in the stored form of the conflict's field, or why it does not fit.
    static func typed(_ text: String, for c: ConflictRecord) throws -> String {
        switch c.kind {
        case "answer":
            let type = ValueCoding.split(auditText: c.theirsValue ?? c.mineValue ?? "text:").type
            guard ValueCoding.decode(type: type, text: text) != nil else { throw ConflictProblem.badValue(text, type: type) }
            return type + ":" + text
        case "status":
            guard HouseholdStatus.all.contains(text) else { throw ConflictProblem.badValue(text, type: "status") }
            return text
        default:
            return text
        }
    }
}
