import Foundation
import GRDB
import Survey

extension HouseholdExport {
    /// An interchange file of the given households, answered with `questionnaire`.
    public init(questionnaire: Questionnaire, households: [HouseholdDocument]) {
        self.init(format: Self.formatName, formatVersion: 1, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
                  households: households)
    }
}

extension HouseholdDocument {
    /// A whole interview as the records `insertWhole` stores: the household's listing fields, its rows, every
    /// answer with an audit line, every accepted reason — all written at `at` with `clock`. `auditID()` names each
    /// audit line in turn, the answers taken in questionnaire order (so a seeded namer gives the same file).
    public init(whole interview: Interview, enumerator: String, who: String, status: HouseholdStatus, at: String, clock: String,
                auditID: () -> String) {
        var record = HouseholdStore.summary(of: interview, createdAt: at)
        record.enumerator = enumerator
        record.status = status
        let hid = record.id, q = interview.questionnaire
        let answers = interview.answers.sorted { a, b in
            (a.key.question, a.key.row?.uuidString ?? "") < (b.key.question, b.key.row?.uuidString ?? "")
        }
        var answerRecords: [AnswerRecord] = [], audit: [AuditRecord] = []
        for (key, value) in answers {
            let e = ValueCoding.encode(value)
            let question = q.questions[key.question].id
            let rid = key.row
            answerRecords.append(AnswerRecord(householdID: hid, rowID: rid, question: question, type: e.type, value: e.text, who: who, at: at, clock: clock))
            audit.append(AuditRecord(id: auditID(), householdID: hid, rowID: rid, subject: question, kind: .answer, oldValue: nil,
                                     newValue: ValueCoding.auditText(value), reason: nil, who: who, at: at, clock: clock))
        }
        let overrides = interview.overrides.map { key, reason in
            OverrideRecord(householdID: hid, rowID: key.row, checkID: q.checks[key.check].id,
                           reason: reason, who: who, at: at)
        }.sorted { ($0.rowID?.uuidString ?? "", $0.checkID) < ($1.rowID?.uuidString ?? "", $1.checkID) }
        self.init(household: record, rows: Self.rosterRows(of: interview), answers: answerRecords, audit: audit, overrides: overrides,
                  review: nil, comments: [])
    }

    /// The roster rows of an interview as stored: present rows in order, removed ones after them with their reason.
    static func rosterRows(of interview: Interview) -> [RosterRowRecord] {
        let hid = interview.householdID.uuidString.lowercased()
        var rows: [RosterRowRecord] = []
        for roster in interview.questionnaire.rosters {
            for (i, row) in interview.rowIDs(of: roster.index).enumerated() {
                rows.append(RosterRowRecord(id: row.uuidString.lowercased(), householdID: hid, roster: roster.id, ord: i, removed: false))
            }
            for (i, r) in interview.removedRows[roster.index].enumerated() {
                rows.append(RosterRowRecord(id: r.row.uuidString.lowercased(), householdID: hid, roster: roster.id, ord: 10_000 + i, removed: true,
                                            removedBy: nil, removedAt: nil, removedReason: r.reason))
            }
        }
        return rows
    }

    /// The same household written anew by this store: every time `at`, every clock `clock`, every audit line
    /// and comment a new id. A bundle then carries it as this device's own writes.
    func restamped(at now: String, clock: String) -> HouseholdDocument {
        var d = self
        d.household.createdAt = now
        d.household.updatedAt = now
        for i in d.rows.indices where d.rows[i].removedAt != nil { d.rows[i].removedAt = now }
        for i in d.answers.indices { d.answers[i].at = now; d.answers[i].clock = clock }
        for i in d.audit.indices { d.audit[i].id = UUID().uuidString.lowercased(); d.audit[i].at = now; d.audit[i].clock = clock }
        for i in d.overrides.indices { d.overrides[i].at = now }
        d.review?.at = now
        for i in d.comments.indices { d.comments[i].id = UUID().uuidString.lowercased(); d.comments[i].at = now }
        d.round?.startedAt = now
        d.round?.clock = clock
        return d
    }

    /// Inserts every record of the household.
    func insert(_ db: Database) throws {
        try household.insert(db)
        for r in rows { try r.insert(db) }
        for a in answers { try a.insert(db) }
        for x in audit { try x.insert(db) }
        for o in overrides { try o.insert(db) }
        try review?.insert(db)
        for c in comments { try c.insert(db) }
        try round?.insert(db)
        for c in carriedRows ?? [] { try c.insert(db) }
    }
}

extension HouseholdDocument {
    /// The household's interview, rebuilt from its records as the store rebuilds a stored one (the county's
    /// exports and record cards read whole households from PostgreSQL, not from a store).
    public func interview(questionnaire: Questionnaire) throws(StoreError) -> Interview {
        try HouseholdStore.rebuiltInterview(household, rows: rows, answers: answers, overrides: overrides, questionnaire: questionnaire)
    }
}
