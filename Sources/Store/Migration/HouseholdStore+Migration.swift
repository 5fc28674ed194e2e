import Foundation
import GRDB
import Survey

/// An answer's key in the store: its household, row ("" for a household question) and question.
struct AnswerKey: Hashable, Sendable {
    var householdID: String
    var rowID: String
    var question: String
}

extension HouseholdStore {
    /// What migrating a stored household to `questionnaire`'s version would do; nil when it is of that version already.
    /// Writes nothing.
    public func migrationPlan(_ household: UUID, into questionnaire: Questionnaire) throws(StoreError) -> AnswerMigration? {
        try read { db in
            let hid = household.uuidString.lowercased()
            guard let h = try HouseholdRecord.fetchOne(db, key: hid) else { throw StoreError.unknownHousehold(hid) }
            if h.questionnaireVersion == questionnaire.version { return nil }
            return try Self.plan(h, only: nil, questionnaire, db).plan
        }
    }

    /// Migrates a household of the previous version to `questionnaire`'s, in one transaction: every changed
    /// answer gets an audit line of kind `migrated`. Throws, changing nothing, when an answer cannot migrate.
    @discardableResult
    public func migrate(_ household: UUID, into questionnaire: Questionnaire, who: String) throws(StoreError) -> AnswerMigration? {
        try write { db in
            let hid = household.uuidString.lowercased()
            try Self.refuseEarlierRound(hid, db)
            return try self.migrate(hid, only: nil, questionnaire, who: who, keepsClocks: false, db)
        }
    }

    /// Migrates a household of the previous version before it is opened (nothing when it is of this version):
    /// the screens then show every answer under this version's questions.
    public func migrateIfOlder(_ household: UUID, into questionnaire: Questionnaire, who: String) throws(StoreError) {
        if try migrationPlan(household, into: questionnaire) != nil { try migrate(household, into: questionnaire, who: who) }
    }

    /// The households stored with another version than `questionnaire`'s, in household-number order.
    public func householdsOfOtherVersions(than questionnaire: Questionnaire) throws(StoreError) -> [HouseholdRecord] {
        try read { db in
            // An earlier round is kept as it was answered: read-only, and read by its newer round under this version's names.
            try HouseholdRecord.filter(HouseholdRecord.Columns.questionnaireVersion != questionnaire.version).filter(sql: Self.newestRound)
                .order(HouseholdRecord.Columns.villageCode, HouseholdRecord.Columns.householdNo).fetchAll(db)
        }
    }

    /// Migrates inside the caller's transaction: the whole household when it is of the previous version,
    /// or only the answers `only` names (those a bundle of the previous version just wrote into a household
    /// migrated before). Returns nil when nothing was of the previous version.
    ///
    /// A migration this store makes travels: its answers carry this device's clock, as any local change must.
    /// One made on import does not (`keepsClocks`): each store that imports the bundle migrates it the same way,
    /// to the same rows.
    @discardableResult
    func migrate(_ hid: String, only: Set<AnswerKey>?, _ q: Questionnaire, who: String, keepsClocks: Bool, _ db: Database) throws -> AnswerMigration? {
        guard let h = try HouseholdRecord.fetchOne(db, key: hid) else { throw StoreError.unknownHousehold(hid) }
        let whole = h.questionnaireVersion != q.version
        if !whole && (only?.isEmpty ?? true) { return nil }
        let (plan, stamps) = try Self.plan(h, only: whole ? nil : only, q, db)
        guard plan.isPossible else { throw StoreError.cannotMigrate(household: h.householdNo, from: plan.from, to: plan.to, plan.problems) }
        let now = Self.timestamp(), clock = try tick(db)
        let reasonPrefix = "\(plan.from)→\(plan.to): "
        for change in plan.changes {
            let rid = RowID.stored(change.old.row)
            try db.execute(sql: "DELETE FROM answer WHERE householdID = ? AND rowID = ? AND question = ?", arguments: [hid, rid, change.old.question])
            if let newQuestion = change.newQuestion, let value = change.newValue {
                // The answer keeps who gave it and when (and, migrated on import, its clock).
                let (type, text) = ValueCoding.encode(value)
                let stamp = stamps[AnswerKey(householdID: hid, rowID: rid, question: change.old.question)]!
                try db.execute(sql: """
                    INSERT OR REPLACE INTO answer (householdID, rowID, question, type, value, who, at, clock) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [hid, rid, newQuestion, type, text, stamp.who, stamp.at, keepsClocks ? stamp.clock : clock])
            }
            try audit(db, hid, change.old.row, change.newQuestion ?? change.old.question, .migrated, ValueCoding.auditText(change.old.value),
                      ValueCoding.auditText(change.newValue), reasonPrefix + change.steps.joined(separator: "; "), who, now, clock)
        }
        try Self.migrateOverrides(hid, q, db)
        if whole {
            try db.execute(sql: "UPDATE household SET questionnaireID = ?, questionnaireVersion = ? WHERE id = ?", arguments: [q.id, q.version, hid])
        }
        try recomputeSummary(hid, db, q)
        return plan
    }

    /// The plan for a household's stored answers (or those `only` names), read with their rows.
    static func plan(_ h: HouseholdRecord, only: Set<AnswerKey>?, _ q: Questionnaire, _ db: Database) throws
        -> (plan: AnswerMigration, stamps: [AnswerKey: (who: String, at: String, clock: String)]) {
        guard q.migration.map({ h.questionnaireVersion == $0.from || only != nil }) == true else {
            throw StoreError.noMigration(household: h.householdNo, version: h.questionnaireVersion, to: q.version, from: q.migration?.from)
        }
        let rowRecords = try RosterRowRecord.filter(RosterRowRecord.Columns.householdID == h.id).order(RosterRowRecord.Columns.ord).fetchAll(db)
        var rows: [String: [RowID]] = [:], removed: [String: [RemovedRow]] = [:]
        for r in rowRecords {
            guard let uuid = UUID(uuidString: r.id) else { continue }
            if r.removed { removed[r.roster, default: []].append(RemovedRow(row: uuid, reason: r.removedReason ?? "")) } else { rows[r.roster, default: []].append(uuid) }
        }
        var answers: [AnswerMigration.Answer] = []
        var stamps: [AnswerKey: (who: String, at: String, clock: String)] = [:]
        for a in try AnswerRecord.filter(AnswerRecord.Columns.householdID == h.id).fetchAll(db) {
            let key = AnswerKey(householdID: h.id, rowID: RowID.stored(a.rowID), question: a.question)
            if let only, !only.contains(key) { continue }
            guard let v = ValueCoding.decode(type: a.type, text: a.value) else { throw StoreError.damagedValue(household: h.id, question: a.question) }
            answers.append(AnswerMigration.Answer(question: a.question, row: a.rowID, value: v))
            stamps[key] = (a.who, a.at, a.clock)
        }
        let day = Day(iso: h.referenceDay) ?? Day(year: 2020, month: 1, day: 1)!
        return (AnswerMigration(answers: answers, into: q, householdID: UUID(uuidString: h.id) ?? UUID(), today: day, rows: rows, removed: removed), stamps)
    }

    /// Accepted warnings follow their question's new name; those whose check this version no longer has go.
    static func migrateOverrides(_ hid: String, _ q: Questionnaire, _ db: Database) throws {
        guard let migration = q.migration else { return }
        let checks = Set(q.checks.map(\.id))
        for o in try OverrideRecord.filter(OverrideRecord.Columns.householdID == hid).fetchAll(db) where !checks.contains(o.checkID) {
            var renamed: String?
            if let dot = o.checkID.firstIndex(of: ".") {
                let question = String(o.checkID[..<dot]), rest = o.checkID[dot...]
                for case .rename(let from, let to) in migration.steps where from == question { renamed = to + rest }
            }
            try db.execute(sql: "DELETE FROM override WHERE householdID = ? AND rowID = ? AND checkID = ?", arguments: [hid, RowID.stored(o.rowID), o.checkID])
            if let renamed, checks.contains(renamed) {
                var moved = o
                moved.checkID = renamed
                try moved.insert(db, onConflict: .replace)
            }
        }
    }
}
