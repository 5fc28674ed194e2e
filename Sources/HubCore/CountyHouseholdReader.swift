import Foundation
import Logging
import PostgresNIO
import Store
import Survey

/// Whole households read back from the county tables in the laptop's interchange shape and order (village,
/// household number, id), so a county export, a record card and the conformance suite compare byte for byte
/// with a laptop's: a server-side cursor over the households, and each batch's rows, answers and the rest by
/// household id, so an export of a whole county holds one batch in memory. Everything is read in one
/// read-only, repeatable-read transaction: a bundle applied meanwhile is either wholly in or wholly out.
public struct CountyHouseholdReader: Sendable {
    public let client: PostgresClient
    let logger: Logger
    /// Households fetched per round trip.
    public var batchSize: Int

    /// What a household is read with: enough to rebuild its interview (CSV, record card), or every record (JSON).
    public enum Records: Sendable {
        case interview
        case whole
    }

    /// The order households come in: the JSON interchange's (village, household number), or the laptop's list
    /// and CSV export's (those a supervisor sent back first).
    public enum Order: Sendable {
        case interchange
        case list

        var sql: String {
            switch self {
            case .interchange: return #"village_code COLLATE "C", household_no COLLATE "C", id COLLATE "C""#
            case .list: return #"(status = 'sent_back') DESC, village_code COLLATE "C", household_no COLLATE "C", id COLLATE "C""#
            }
        }
    }

    /// A row the tables hold that the laptop's records cannot: the table, the household and the column.
    public struct DamagedRow: Error, CustomStringConvertible, Sendable {
        public var table: String
        public var household: String
        public var column: String
        public var description: String { "\(table) of household \(household): \(column) is not a value the laptops store" }
    }

    public init(client: PostgresClient, logger: Logger, batchSize: Int = 250) {
        self.client = client; self.logger = logger; self.batchSize = batchSize
    }

    /// How many households the county (or one of its villages) holds.
    public func count(county: String, village: String? = nil) async throws -> Int {
        let rows = try await client.query("""
            SELECT count(*)::bigint FROM county_household WHERE county = \(county) AND (\(village)::text IS NULL OR village_code = \(village))
            """, logger: logger)
        for try await n in rows.decode(Int64.self) { return Int(n) }
        return 0
    }

    /// Calls `body` with each batch of the county's households (of one village when given), in order.
    public func forEachBatch(county: String, village: String? = nil, records: Records = .whole,
                             order: Order = .interchange, _ body: ([HouseholdDocument]) async throws -> Void) async throws {
        try await unwrapped {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
                try await connection.query("""
                    DECLARE county_households NO SCROLL CURSOR FOR
                    SELECT \(unescaped: Self.householdColumns) FROM county_household
                    WHERE county = \(county) AND (\(village)::text IS NULL OR village_code = \(village))
                    ORDER BY \(unescaped: order.sql)
                    """, logger: logger)
                while true {
                    let households = try await Self.households(
                        try await connection.query(PostgresQuery(unsafeSQL: "FETCH \(batchSize) FROM county_households"), logger: logger))
                    if households.isEmpty { break }
                    try await body(try await Self.documents(households, county: county, records: records, connection, logger))
                }
            }
        }
    }

    /// The household whose id is `text` or starts with it (unique), as typed on a command line; nil when none or several.
    public func household(county: String, matching text: String) async throws -> HouseholdDocument? {
        guard !text.isEmpty, text.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return nil }
        return try await unwrapped {
            try await client.withTransaction(logger: logger) { connection -> HouseholdDocument? in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
                let found = try await Self.households(try await connection.query("""
                    SELECT \(unescaped: Self.householdColumns) FROM county_household
                    WHERE county = \(county) AND id LIKE \(text.lowercased() + "%") ORDER BY id LIMIT 2
                    """, logger: logger))
                guard found.count == 1 else { return nil }
                return try await Self.documents(found, county: county, records: .whole, connection, logger).first
            }
        }
    }

    static let householdColumns = """
        id, village_code, group_name, household_no, head_name, head_id_number, questionnaire_id, questionnaire_version, reference_day,
        status, enumerator, answered, required, hard_errors, soft_open, position, created_at, updated_at, household_type, main_cause,
        interview_date, per_capita_income, income_line, unmet_guarantees
        """

    static func households(_ rows: PostgresRowSequence) async throws -> [HouseholdRecord] {
        var out: [HouseholdRecord] = []
        for try await row in rows {
            let r = row.makeRandomAccess()
            let id = try r["id"].decode(String.self)
            let statusText = try r["status"].decode(String.self)
            guard let status = HouseholdStatus(rawValue: statusText) else { throw DamagedRow(table: "county_household", household: id, column: "status") }
            out.append(HouseholdRecord.make(
                id: id, villageCode: try r["village_code"].decode(String.self), groupName: try r["group_name"].decode(String.self),
                householdNo: try r["household_no"].decode(String.self), headName: try r["head_name"].decode(String.self),
                headIDNumber: try r["head_id_number"].decode(String.self), questionnaireID: try r["questionnaire_id"].decode(String.self),
                questionnaireVersion: try r["questionnaire_version"].decode(String.self), referenceDay: try r["reference_day"].decode(String.self),
                status: status, enumerator: try r["enumerator"].decode(String.self), answered: try r["answered"].decode(Int.self),
                required: try r["required"].decode(Int.self), hardErrors: try r["hard_errors"].decode(Int.self),
                softOpen: try r["soft_open"].decode(Int.self), position: try r["position"].decode(String?.self),
                createdAt: try r["created_at"].decode(String.self), updatedAt: try r["updated_at"].decode(String.self),
                householdType: try r["household_type"].decode(Int?.self), mainCause: try r["main_cause"].decode(Int?.self),
                interviewDate: try r["interview_date"].decode(String?.self), perCapitaIncome: try r["per_capita_income"].decode(Double?.self),
                incomeLine: try r["income_line"].decode(Double?.self), unmetGuarantees: try r["unmet_guarantees"].decode(String?.self)))
        }
        return out
    }

    /// The laptop's row id: "" is the household itself.
    static func rowID(_ text: String, _ table: String, _ household: String) throws -> RowID? {
        if text.isEmpty { return nil }
        guard let id = UUID(uuidString: text) else { throw DamagedRow(table: table, household: household, column: "row_id") }
        return id
    }

    /// The batch's households with their records, each list in the order the laptop's JSON export writes it.
    static func documents(_ households: [HouseholdRecord], county: String, records: Records, _ connection: PostgresConnection,
                          _ logger: Logger) async throws -> [HouseholdDocument] {
        let ids = households.map(\.id)
        var rows: [String: [RosterRowRecord]] = [:], answers: [String: [AnswerRecord]] = [:], overrides: [String: [OverrideRecord]] = [:]
        var audit: [String: [AuditRecord]] = [:], reviews: [String: ReviewRecord] = [:], comments: [String: [CommentRecord]] = [:]
        for try await row in try await connection.query("""
            SELECT id, household_id, roster, ord, removed, removed_by, removed_at, removed_reason FROM county_roster_row
            WHERE county = \(county) AND household_id = ANY(\(ids)) ORDER BY household_id, roster COLLATE "C", ord, id COLLATE "C"
            """, logger: logger) {
            let r = row.makeRandomAccess()
            let h = try r["household_id"].decode(String.self)
            rows[h, default: []].append(RosterRowRecord.make(
                id: try r["id"].decode(String.self), householdID: h, roster: try r["roster"].decode(String.self), ord: try r["ord"].decode(Int.self),
                removed: try r["removed"].decode(Bool.self), removedBy: try r["removed_by"].decode(String?.self),
                removedAt: try r["removed_at"].decode(String?.self), removedReason: try r["removed_reason"].decode(String?.self)))
        }
        for try await (h, rowText, question, type, value, who, at, clock) in try await connection.query("""
            SELECT household_id, row_id, question, type, value, who, at, clock FROM county_answer
            WHERE county = \(county) AND household_id = ANY(\(ids)) ORDER BY household_id, row_id COLLATE "C", question COLLATE "C"
            """, logger: logger).decode((String, String, String, String, String, String, String, String).self) {
            answers[h, default: []].append(AnswerRecord(householdID: h, rowID: try rowID(rowText, "county_answer", h), question: question,
                                                        type: type, value: value, who: who, at: at, clock: clock))
        }
        for try await (h, rowText, check, reason, who, at) in try await connection.query("""
            SELECT household_id, row_id, check_id, reason, who, at FROM county_override
            WHERE county = \(county) AND household_id = ANY(\(ids)) ORDER BY household_id, row_id COLLATE "C", check_id COLLATE "C"
            """, logger: logger).decode((String, String, String, String, String, String).self) {
            overrides[h, default: []].append(OverrideRecord(householdID: h, rowID: try rowID(rowText, "county_override", h), checkID: check,
                                                            reason: reason, who: who, at: at))
        }
        for try await (h, stateText, reason, who, at) in try await connection.query("""
            SELECT household_id, state, reason, who, at FROM county_review WHERE county = \(county) AND household_id = ANY(\(ids))
            """, logger: logger).decode((String, String, String?, String, String).self) {
            guard let state = ReviewDecision(rawValue: stateText) else { throw DamagedRow(table: "county_review", household: h, column: "state") }
            reviews[h] = ReviewRecord.make(householdID: h, state: state, reason: reason, who: who, at: at)
        }
        if records == .whole {
            for try await row in try await connection.query("""
                SELECT id, household_id, row_id, subject, kind, old_value, new_value, reason, who, at, clock FROM county_audit
                WHERE county = \(county) AND household_id = ANY(\(ids)) ORDER BY household_id, clock COLLATE "C", id COLLATE "C"
                """, logger: logger) {
                let r = row.makeRandomAccess()
                let h = try r["household_id"].decode(String.self)
                guard let kind = AuditKind(rawValue: try r["kind"].decode(String.self)) else {
                    throw DamagedRow(table: "county_audit", household: h, column: "kind")
                }
                audit[h, default: []].append(AuditRecord(
                    id: try r["id"].decode(String.self), householdID: h, rowID: try rowID(try r["row_id"].decode(String.self), "county_audit", h),
                    subject: try r["subject"].decode(String.self), kind: kind, oldValue: try r["old_value"].decode(String?.self),
                    newValue: try r["new_value"].decode(String?.self), reason: try r["reason"].decode(String?.self),
                    who: try r["who"].decode(String.self), at: try r["at"].decode(String.self), clock: try r["clock"].decode(String.self)))
            }
            for try await (id, h, rowText, question, text, who, at, resolved) in try await connection.query("""
                SELECT id, household_id, row_id, question, text, who, at, resolved FROM county_comment
                WHERE county = \(county) AND household_id = ANY(\(ids)) ORDER BY household_id, at COLLATE "C", id COLLATE "C"
                """, logger: logger).decode((String, String, String, String, String, String, String, Bool).self) {
                comments[h, default: []].append(CommentRecord(id: id, householdID: h, rowID: try rowID(rowText, "county_comment", h),
                                                              question: question, text: text, who: who, at: at, resolved: resolved))
            }
        }
        var rounds: [String: RoundRecord] = [:], carried: [String: [CarriedRowRecord]] = [:]
        for try await (h, registration, year, previous, by, at, clock) in try await connection.query("""
            SELECT household_id, registration_id, survey_year, previous_round_id, started_by, started_at, clock FROM county_round
            WHERE county = \(county) AND household_id = ANY(\(ids))
            """, logger: logger).decode((String, String, Int, String, String, String, String).self) {
            rounds[h] = RoundRecord.make(householdID: h, registrationID: registration, surveyYear: year, previousRoundID: previous,
                                         startedBy: by, startedAt: at, clock: clock)
        }
        for try await (row, h, previous) in try await connection.query("""
            SELECT row_id, household_id, previous_row_id FROM county_carried_row
            WHERE county = \(county) AND household_id = ANY(\(ids)) ORDER BY household_id, row_id COLLATE "C"
            """, logger: logger).decode((String, String, String).self) {
            carried[h, default: []].append(CarriedRowRecord.make(rowID: row, householdID: h, previousRowID: previous))
        }
        return households.map { h in
            HouseholdDocument.make(household: h, rows: rows[h.id] ?? [], answers: answers[h.id] ?? [], audit: audit[h.id] ?? [],
                              overrides: overrides[h.id] ?? [], review: reviews[h.id], comments: comments[h.id] ?? [],
                              round: rounds[h.id], carriedRows: carried[h.id])
        }
    }

    /// The conflict queue (of `county`, or every county when nil), as a laptop's `conflicts()` lists it: open ones
    /// unless `all`, oldest first.
    public func conflicts(county: String? = nil, all: Bool = false) async throws -> [ConflictRecord] {
        var out: [ConflictRecord] = []
        for try await row in try await client.query("""
            SELECT id, household_id, row_id, kind, field, mine_value, mine_who, mine_at, theirs_value, theirs_who, theirs_at, theirs_device,
                   bundle_id, sequence, detected_at, state, resolved_value, resolved_by, resolved_at
            FROM county_conflict WHERE (\(county)::text IS NULL OR county = \(county)) AND (\(all) OR state = 'open')
            ORDER BY detected_at COLLATE "C", id COLLATE "C"
            """, logger: logger) {
            let r = row.makeRandomAccess()
            let h = try r["household_id"].decode(String.self)
            guard let kind = ConflictKind(rawValue: try r["kind"].decode(String.self)) else {
                throw DamagedRow(table: "county_conflict", household: h, column: "kind")
            }
            guard let state = ConflictState(rawValue: try r["state"].decode(String.self)) else {
                throw DamagedRow(table: "county_conflict", household: h, column: "state")
            }
            out.append(ConflictRecord(
                id: try r["id"].decode(String.self), householdID: h, rowID: try Self.rowID(try r["row_id"].decode(String.self), "county_conflict", h),
                kind: kind, field: try r["field"].decode(String.self), mineValue: try r["mine_value"].decode(String?.self),
                mineWho: try r["mine_who"].decode(String.self), mineAt: try r["mine_at"].decode(String.self),
                theirsValue: try r["theirs_value"].decode(String?.self), theirsWho: try r["theirs_who"].decode(String.self),
                theirsAt: try r["theirs_at"].decode(String.self), theirsDevice: try r["theirs_device"].decode(String.self),
                bundleID: try r["bundle_id"].decode(String.self), sequence: try r["sequence"].decode(Int.self),
                detectedAt: try r["detected_at"].decode(String.self), state: state, resolvedValue: try r["resolved_value"].decode(String?.self),
                resolvedBy: try r["resolved_by"].decode(String?.self), resolvedAt: try r["resolved_at"].decode(String?.self)))
        }
        return out
    }

    /// A refusal inside the transaction, as itself (postgres-nio wraps it).
    func unwrapped<Result>(_ transaction: () async throws -> Result) async throws -> Result {
        do { return try await transaction() } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }
}
