import Foundation
import GRDB
import Survey

/// A supervisor's decisions and comments. Each is a captured change like any answer, so it travels to the
/// enumerator's laptop in the supervisor's next bundle.
extension HouseholdStore {
    /// Approves a household.
    public func approve(_ id: UUID, who: String) throws(StoreError) {
        try decide(id, state: .approved, reason: nil, who: who)
    }

    /// Sends a household back to the enumerator with a reason.
    public func sendBack(_ id: UUID, reason: String, who: String) throws(StoreError) {
        try decide(id, state: .sentBack, reason: reason, who: who)
    }

    private func decide(_ id: UUID, state: ReviewDecision, reason: String?, who: String) throws(StoreError) {
        try write { db in
            let hid = id.uuidString.lowercased()
            guard let old = try String.fetchOne(db, sql: "SELECT status FROM household WHERE id = ?", arguments: [hid]) else {
                throw StoreError.unknownHousehold(hid)
            }
            try Self.refuseEarlierRound(hid, db)
            let now = Self.timestamp(), clock = try tick(db)
            try ReviewRecord(householdID: hid, state: state, reason: reason, who: who, at: now).save(db)
            try db.execute(sql: "UPDATE household SET status = ?, updatedAt = ? WHERE id = ?", arguments: [state.status, now, hid])
            try audit(db, hid, nil, "status", .status, old, state.status.rawValue, reason, who, now, clock)
        }
    }

    /// A comment on a field (`question` in `row`) or, with question "", on the household.
    @discardableResult
    public func addComment(_ id: UUID, row: UUID?, question: String, text: String, who: String) throws(StoreError) -> CommentRecord {
        try write { db in
            let hid = id.uuidString.lowercased()
            guard try HouseholdRecord.exists(db, key: hid) else { throw StoreError.unknownHousehold(hid) }
            try Self.refuseEarlierRound(hid, db)
            let now = Self.timestamp()
            let comment = CommentRecord(id: UUID().uuidString.lowercased(), householdID: hid, rowID: row,
                                        question: question, text: text, who: who, at: now, resolved: false)
            try comment.insert(db)
            try audit(db, hid, comment.rowID, question.isEmpty ? "household" : question, .comment, nil, nil, text, who, now, try tick(db))
            return comment
        }
    }

    /// Marks a comment dealt with (the enumerator corrected the field).
    public func resolveComment(_ commentID: String, who: String) throws(StoreError) {
        try write { db in
            guard let c = try CommentRecord.fetchOne(db, key: commentID) else { throw StoreError.unknownComment(commentID) }
            try db.execute(sql: "UPDATE comment SET resolved = 1 WHERE id = ?", arguments: [commentID])
            try audit(db, c.householdID, c.rowID, c.question.isEmpty ? "household" : c.question, .commentResolved, nil, nil, c.text, who,
                      Self.timestamp(), try tick(db))
        }
    }

    /// A household's comments, oldest first; only those not yet dealt with unless `all`.
    public func comments(_ id: UUID, all: Bool = false) throws(StoreError) -> [CommentRecord] {
        try read { db in
            var req = CommentRecord.filter(CommentRecord.Columns.householdID == id.uuidString.lowercased())
            if !all { req = req.filter(CommentRecord.Columns.resolved == false) }
            return try req.order(CommentRecord.Columns.at, CommentRecord.Columns.id).fetchAll(db)
        }
    }

    /// Everything that happened to one field, oldest first: each value with who and when, the reasons
    /// given for its warnings (the checks the questionnaire attaches to it), and comments on it.
    public func history(_ id: UUID, row: UUID?, question: String, questionnaire: Questionnaire) throws(StoreError) -> [AuditRecord] {
        let hid = id.uuidString.lowercased(), rid = RowID.stored(row)
        let checks = questionnaire.question(question)?.checks.map { questionnaire.checks[$0].id } ?? []
        let former = questionnaire.migration?.formerNames(of: question) ?? []
        return try read { db in
            try AuditRecord.filter(AuditRecord.Columns.householdID == hid && AuditRecord.Columns.rowID == rid
                                   && ([question] + former + checks).contains(AuditRecord.Columns.subject))
                .order(AuditRecord.Columns.clock, AuditRecord.Columns.id).fetchAll(db)
        }
    }
}
