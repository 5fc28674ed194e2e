import Crypto
import Foundation
import GRDB
import Survey

/// Rounds of the yearly re-survey (动态调整, issue 18): each year's visit of a registered household is a
/// household row of its own, started from the round before. Starting one copies the members (with new row
/// ids, each linked to last year's row) and the household's identification, no other answer: last year's
/// values are read through the link, shown beside each field and confirmed or changed. A round with a newer
/// one is read-only. Rounds travel in bundles like everything else.
extension HouseholdStore {
    /// Where a household row stands among its registration's rounds.
    public struct Round: Sendable, Equatable {
        /// The first round's household id: the same in every year.
        public var registrationID: UUID
        public var year: Int
        /// The round this one was started from.
        public var previous: UUID?
        /// The round started from this one: when set, this one is read-only.
        public var next: UUID?
    }

    /// A round just started.
    public struct StartedRound: Sendable, Equatable {
        public var previous: UUID
        public var household: UUID
        public var householdNo: String
        public var year: Int
        /// Roster rows carried over (members, and any other roster's rows still present).
        public var carriedRows: Int
    }

    /// The SQL condition (on `household`) that holds for the newest round of each registration: what lists,
    /// counts and searches show. An earlier round is reached through its newer one.
    static let newestRound = "NOT EXISTS (SELECT 1 FROM round WHERE round.previousRoundID = household.id)"

    /// A household's round.
    public func round(of id: UUID) throws(StoreError) -> Round {
        try read { db in try Self.round(of: id.uuidString.lowercased(), db) }
    }

    static func round(of hid: String, _ db: Database) throws -> Round {
        guard let referenceDay = try String.fetchOne(db, sql: "SELECT referenceDay FROM household WHERE id = ?", arguments: [hid]),
              let id = UUID(uuidString: hid) else { throw StoreError.unknownHousehold(hid) }
        let next = try String.fetchOne(db, sql: "SELECT householdID FROM round WHERE previousRoundID = ? ORDER BY surveyYear LIMIT 1",
                                       arguments: [hid]).flatMap(UUID.init(uuidString:))
        if let r = try RoundRecord.fetchOne(db, key: hid) {
            return Round(registrationID: UUID(uuidString: r.registrationID) ?? id, year: r.surveyYear,
                         previous: UUID(uuidString: r.previousRoundID), next: next)
        }
        return Round(registrationID: id, year: Day(iso: referenceDay)?.year ?? 0, previous: nil, next: next)
    }

    /// Refuses a write to a household that has a newer round: the earlier one is kept as it was decided.
    static func refuseEarlierRound(_ hid: String, _ db: Database) throws {
        guard let newerYear = try Int.fetchOne(db.cachedStatement(sql: "SELECT surveyYear FROM round WHERE previousRoundID = ? LIMIT 1"),
                                               arguments: [hid]) else { return }
        let round = try Self.round(of: hid, db)
        let number = try String.fetchOne(db, sql: "SELECT householdNo FROM household WHERE id = ?", arguments: [hid]) ?? hid
        throw StoreError.round(.earlierRound(householdNo: number, year: round.year, newerYear: newerYear))
    }

    /// Starts `year`'s round of each household (each the newest round of its registration, of an earlier
    /// year), on `referenceDay`, under `questionnaire`: one transaction, captured, with an audit line per round.
    /// The new round's ids are worked out from the previous round's and the year, so two devices that start
    /// the same household's round make the same rows, and their bundles merge instead of duplicating it.
    @discardableResult
    public func startRound(_ households: [UUID], year: Int, referenceDay: Day, questionnaire q: Questionnaire,
                           who: String) throws(StoreError) -> [StartedRound] {
        try write { db in
            let now = Self.timestamp(), clock = try tick(db)
            var started: [StartedRound] = []
            for id in households {
                let hid = id.uuidString.lowercased()
                guard let h = try HouseholdRecord.fetchOne(db, key: hid) else { throw StoreError.unknownHousehold(hid) }
                let round = try Self.round(of: hid, db)
                if let next = round.next {
                    let nextYear = try Self.round(of: next.uuidString.lowercased(), db).year
                    throw StoreError.round(nextYear == year ? .alreadyStarted(householdNo: h.householdNo, year: year)
                                                            : .earlierRound(householdNo: h.householdNo, year: round.year, newerYear: nextYear))
                }
                // This year's round itself, named by its number: it has started.
                if year == round.year, round.previous != nil { throw StoreError.round(.alreadyStarted(householdNo: h.householdNo, year: year)) }
                guard year > round.year else { throw StoreError.round(.notAfter(householdNo: h.householdNo, year: year, newest: round.year)) }
                let newID = Self.derivedID("round", hid, year)
                let nid = newID.uuidString.lowercased()
                var record = h
                record.id = nid
                record.questionnaireID = q.id
                record.questionnaireVersion = q.version
                record.referenceDay = referenceDay.description
                record.status = .inProgress
                (record.answered, record.required, record.hardErrors, record.softOpen) = (0, 0, 0, 0)
                record.position = nil
                record.createdAt = now
                record.updatedAt = now
                (record.householdType, record.mainCause, record.interviewDate) = (nil, nil, nil)
                (record.perCapitaIncome, record.incomeLine, record.unmetGuarantees) = (nil, nil, nil)
                try record.insert(db)
                try RoundRecord(householdID: nid, registrationID: round.registrationID.uuidString.lowercased(), surveyYear: year,
                                previousRoundID: hid, startedBy: who, startedAt: now, clock: clock).insert(db)
                let rows = try RosterRowRecord.filter(RosterRowRecord.Columns.householdID == hid && RosterRowRecord.Columns.removed == false)
                    .order(RosterRowRecord.Columns.ord).fetchAll(db)
                for row in rows {
                    let rid = Self.derivedID("row", row.id, year).uuidString.lowercased()
                    try RosterRowRecord(id: rid, householdID: nid, roster: row.roster, ord: row.ord, removed: false).insert(db)
                    try CarriedRowRecord(rowID: rid, householdID: nid, previousRowID: row.id).insert(db)
                }
                // The identification is the household's, not an answer of the year: the new round is listed and
                // scoped under its village and number from the start.
                let identification = [\Roles.villageCode, \.groupName, \.householdNo].compactMap { q.roles[keyPath: $0] }.map { q.questions[$0].id }
                for answer in try AnswerRecord.filter(AnswerRecord.Columns.householdID == hid && identification.contains(AnswerRecord.Columns.question)
                                                      && AnswerRecord.Columns.rowID == "").fetchAll(db) {
                    var carried = answer
                    carried.householdID = nid
                    carried.who = who
                    carried.at = now
                    carried.clock = clock
                    try carried.insert(db)
                }
                try audit(db, nid, nil, "round", .roundStarted, String(round.year), String(year), hid, who, now, clock)
                try recomputeSummary(nid, db, q)
                started.append(StartedRound(previous: id, household: newID, householdNo: h.householdNo, year: year, carriedRows: rows.count))
            }
            return started
        }
    }

    /// The newest round of each registration in `village` whose year is before `year`: those a village's new round starts.
    public func roundsToStart(village: String, year: Int) throws(StoreError) -> [UUID] {
        try read { db in
            let ids = try String.fetchAll(db, sql: """
                SELECT id FROM household WHERE villageCode = ? AND \(Self.newestRound) ORDER BY householdNo, id
                """, arguments: [village])
            return try ids.filter { try Self.round(of: $0, db).year < year }.compactMap(UUID.init(uuidString:))
        }
    }

    /// Last year's answers of a household's round, keyed by this round's rows; nil for a first round.
    public func previousRound(of id: UUID) throws(StoreError) -> PreviousRound? {
        try read { db in
            let hid = id.uuidString.lowercased()
            guard let r = try RoundRecord.fetchOne(db, key: hid), let previous = UUID(uuidString: r.previousRoundID),
                  try HouseholdRecord.exists(db, key: r.previousRoundID) else { return nil }
            var carried: [String: RowID] = [:]
            for c in try CarriedRowRecord.filter(CarriedRowRecord.Columns.householdID == hid).fetchAll(db) {
                if let row = UUID(uuidString: c.rowID) { carried[c.previousRowID] = row }
            }
            let year = try Self.round(of: r.previousRoundID, db).year
            var values: [PreviousRound.Key: Value] = [:]
            for a in try AnswerRecord.filter(AnswerRecord.Columns.householdID == r.previousRoundID).fetchAll(db) {
                guard let value = ValueCoding.decode(type: a.type, text: a.value) else {
                    throw StoreError.damagedValue(household: r.previousRoundID, question: a.question)
                }
                if let row = a.rowID {
                    guard let now = carried[row.uuidString.lowercased()] else { continue }
                    values[.init(question: a.question, row: now)] = value
                } else {
                    values[.init(question: a.question, row: nil)] = value
                }
            }
            return PreviousRound(household: previous, year: year, values: values, carriedRows: Set(carried.values))
        }
    }

    /// A UUID worked out from what it continues (SHA-256, laid out as an RFC 9562 version-8 UUID).
    static func derivedID(_ kind: String, _ from: String, _ year: Int) -> UUID {
        var bytes = Array(SHA256.hash(data: Data("hufang.\(kind).\(from).\(year)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

extension HouseholdStore {
    /// The newest round of the registration `hid` belongs to (`hid` itself when none is newer).
    static func newestRound(of hid: String, _ db: Database) throws -> String {
        var id = hid
        // A round names one previous round and no two rounds the same, so this ends at the newest.
        while let next = try String.fetchOne(db.cachedStatement(sql: "SELECT householdID FROM round WHERE previousRoundID = ? LIMIT 1"),
                                             arguments: [id]) { id = next }
        return id
    }
}
