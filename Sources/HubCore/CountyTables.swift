import Foundation
import Logging
import PostgresNIO
import Store

extension HubMigrations {
    /// The county's store of record: tables that mirror the laptop's travelling tables, one row per laptop
    /// row, partitioned by county code (the first six digits of the household's village), and the county's
    /// conflict queue. Bundles logged before it are applied by its backfill, in log order.
    static let countyTables = Migration(name: "v3 county tables", statements: [
        """
        CREATE TABLE county_household (
          county text NOT NULL, id text NOT NULL,
          village_code text NOT NULL, group_name text NOT NULL, household_no text NOT NULL,
          head_name text NOT NULL, head_id_number text NOT NULL,
          questionnaire_id text NOT NULL, questionnaire_version text NOT NULL, reference_day text NOT NULL,
          status text NOT NULL, enumerator text NOT NULL,
          answered integer NOT NULL, required integer NOT NULL, hard_errors integer NOT NULL, soft_open integer NOT NULL,
          position text, created_at text NOT NULL, updated_at text NOT NULL,
          household_type integer, main_cause integer, interview_date text, per_capita_income double precision,
          income_line double precision, unmet_guarantees text,
          PRIMARY KEY (county, id)) PARTITION BY LIST (county)
        """,
        """
        CREATE TABLE county_roster_row (
          county text NOT NULL, id text NOT NULL, household_id text NOT NULL, roster text NOT NULL, ord integer NOT NULL,
          removed boolean NOT NULL, removed_by text, removed_at text, removed_reason text,
          PRIMARY KEY (county, id)) PARTITION BY LIST (county)
        """,
        """
        CREATE TABLE county_answer (
          county text NOT NULL, household_id text NOT NULL, row_id text NOT NULL, question text NOT NULL,
          type text NOT NULL, value text NOT NULL, who text NOT NULL, at text NOT NULL, clock text NOT NULL,
          PRIMARY KEY (county, household_id, row_id, question)) PARTITION BY LIST (county)
        """,
        """
        CREATE TABLE county_audit (
          county text NOT NULL, id text NOT NULL, household_id text NOT NULL, row_id text NOT NULL, subject text NOT NULL,
          kind text NOT NULL, old_value text, new_value text, reason text, who text NOT NULL, at text NOT NULL,
          clock text NOT NULL, PRIMARY KEY (county, id)) PARTITION BY LIST (county)
        """,
        """
        CREATE TABLE county_override (
          county text NOT NULL, household_id text NOT NULL, row_id text NOT NULL, check_id text NOT NULL,
          reason text NOT NULL, who text NOT NULL, at text NOT NULL,
          PRIMARY KEY (county, household_id, row_id, check_id)) PARTITION BY LIST (county)
        """,
        """
        CREATE TABLE county_review (
          county text NOT NULL, household_id text NOT NULL, state text NOT NULL, reason text, who text NOT NULL,
          at text NOT NULL, PRIMARY KEY (county, household_id)) PARTITION BY LIST (county)
        """,
        """
        CREATE TABLE county_comment (
          county text NOT NULL, id text NOT NULL, household_id text NOT NULL, row_id text NOT NULL, question text NOT NULL,
          text text NOT NULL, who text NOT NULL, at text NOT NULL, resolved boolean NOT NULL,
          PRIMARY KEY (county, id)) PARTITION BY LIST (county)
        """,
        """
        CREATE TABLE county_resolution (
          county text NOT NULL, id text NOT NULL, household_id text NOT NULL, row_id text NOT NULL, kind text NOT NULL,
          field text NOT NULL, value text, supersedes text NOT NULL, who text NOT NULL, at text NOT NULL,
          clock text NOT NULL, PRIMARY KEY (county, id)) PARTITION BY LIST (county)
        """,
        // A household's exit or inclusion procedure of a survey year, and its steps (appraisals, notices, …).
        """
        CREATE TABLE county_procedure (
          county text NOT NULL, household_id text NOT NULL, survey_year integer NOT NULL, outcome text NOT NULL,
          category text, reason text NOT NULL, state text NOT NULL, proposed_by text NOT NULL, proposed_at text NOT NULL,
          decided_by text, decided_at text, clock text NOT NULL,
          PRIMARY KEY (county, household_id, survey_year)) PARTITION BY LIST (county)
        """,
        """
        CREATE TABLE county_procedure_step (
          county text NOT NULL, household_id text NOT NULL, survey_year integer NOT NULL, kind text NOT NULL,
          number integer NOT NULL, start_day text NOT NULL, end_day text, result text NOT NULL, note text,
          who text NOT NULL, at text NOT NULL, clock text NOT NULL,
          PRIMARY KEY (county, household_id, survey_year, kind, number)) PARTITION BY LIST (county)
        """,
        // The county's conflict queue: both sides of a field changed differently on two devices.
        """
        CREATE TABLE county_conflict (
          county text NOT NULL, id text NOT NULL, household_id text NOT NULL, row_id text NOT NULL, kind text NOT NULL,
          field text NOT NULL, mine_value text, mine_who text NOT NULL, mine_at text NOT NULL,
          theirs_value text, theirs_who text NOT NULL, theirs_at text NOT NULL, theirs_device text NOT NULL,
          bundle_id text NOT NULL, sequence bigint NOT NULL, detected_at text NOT NULL, state text NOT NULL,
          resolved_value text, resolved_by text, resolved_at text,
          PRIMARY KEY (county, id)) PARTITION BY LIST (county)
        """,
    ] + CountyTable.createdInV3.map { "CREATE TABLE \($0)_default PARTITION OF \($0) DEFAULT" } + [
        "CREATE INDEX county_household_listing ON county_household (county, village_code, status)",
        "CREATE INDEX county_answer_household ON county_answer (county, household_id)",
        "CREATE INDEX county_roster_row_household ON county_roster_row (county, household_id)",
        "CREATE INDEX county_audit_household ON county_audit (county, household_id)",
        "CREATE INDEX county_comment_household ON county_comment (county, household_id)",
        // The apply path's lookups: a household's county by its id alone (a decision names only the household),
        // a field's resolutions and open conflicts.
        "CREATE INDEX county_household_id ON county_household (id)",
        "CREATE INDEX county_roster_row_id ON county_roster_row (id)",
        "CREATE INDEX county_comment_id ON county_comment (id)",
        "CREATE INDEX county_resolution_field ON county_resolution (household_id, row_id, kind, field)",
        "CREATE INDEX county_conflict_field ON county_conflict (household_id, row_id, kind, field) WHERE state = 'open'",
    ], backfill: { connection, logger in
        // Bundles applied before this migration, in log order: the county tables start complete.
        var logged: [Data] = []
        for try await archive in try await connection.query("""
            SELECT archive FROM bundle WHERE state = 'applied' ORDER BY log_position
            """, logger: logger).decode(Data.self) { logged.append(archive) }
        for archive in logged {
            // Every one was checked when it was logged; one sealed to the county key has no rows the hub can read.
            guard let manifest = EnrolledBundleCheck.manifest(of: archive),
                  let changes = try EnrolledBundleCheck.rowChanges(in: archive) else { continue }
            try await CountyApply.apply(changes, of: manifest, connection, logger: logger)
        }
    })
}

extension HubMigrations {
    /// Rounds of the yearly re-survey (issue 18): which round each household row continues, and which row of it
    /// each carried roster row continues. Counties seen before get their partitions here; new ones as they come.
    static let countyRounds = Migration(name: "v7 county rounds", statements: [
        """
        CREATE TABLE county_round (
          county text NOT NULL, household_id text NOT NULL, registration_id text NOT NULL, survey_year integer NOT NULL,
          previous_round_id text NOT NULL, started_by text NOT NULL, started_at text NOT NULL, clock text NOT NULL,
          PRIMARY KEY (county, household_id)) PARTITION BY LIST (county)
        """,
        """
        CREATE TABLE county_carried_row (
          county text NOT NULL, row_id text NOT NULL, household_id text NOT NULL, previous_row_id text NOT NULL,
          PRIMARY KEY (county, row_id)) PARTITION BY LIST (county)
        """,
        "CREATE TABLE county_round_default PARTITION OF county_round DEFAULT",
        "CREATE TABLE county_carried_row_default PARTITION OF county_carried_row DEFAULT",
        "CREATE INDEX county_round_previous ON county_round (county, previous_round_id)",
        "CREATE INDEX county_carried_row_household ON county_carried_row (county, household_id)",
    ], backfill: { connection, logger in
        var counties: [String] = []
        for try await county in try await connection.query("SELECT DISTINCT county FROM county_household WHERE county <> ''",
                                                           logger: logger).decode(String.self) { counties.append(county) }
        // Each is six ASCII digits, as `CountyCode.of` made it, so it can stand in a table name and a literal.
        for county in counties where county.count == 6 && county.allSatisfy({ $0.isASCII && $0.isNumber }) {
            for table in ["county_round", "county_carried_row"] {
                try await connection.query(PostgresQuery(unsafeSQL: """
                    CREATE TABLE IF NOT EXISTS \(table)_\(county) PARTITION OF \(table) FOR VALUES IN ('\(county)')
                    """), logger: logger)
            }
        }
    })

    /// The county tables, each partitioned by county code.
    public static var countyTableNames: [String] { CountyTable.all.map(\.name) }
}

/// A column of a county table: its laptop name, its PostgreSQL name, and the kind of value it holds.
struct CountyColumn: Sendable {
    enum Kind: Sendable { case text, integer, real, bool }
    var laptop: String
    var name: String
    var kind: Kind
}

/// One county table, mirroring a laptop table (the conflict queue mirrors `conflict`).
struct CountyTable: Sendable {
    /// The laptop's table name.
    var laptop: String
    var name: String
    /// Every column but `county`, in the laptop's order.
    var columns: [CountyColumn]
    /// The laptop's primary key columns (the county table's key is `county` and these).
    var key: [String]
    /// Laptop names of the columns that may hold NULL.
    var nullable: Set<String>

    func column(_ laptop: String) -> CountyColumn? { columns.first { $0.laptop == laptop } }
    /// The kind of a laptop column (text for one this build does not know).
    func kind(_ laptop: String) -> CountyColumn.Kind { column(laptop)?.kind ?? .text }

    /// `$1, $2, …` for the county and each key column as arrays of text, cast to the column's type (a procedure's
    /// year is a number): the key values travel as text.
    var keyArrayParameters: String {
        (["$1::text[]"] + key.enumerated().map { "$\($0.offset + 2)::\(kind($0.element) == .integer ? "bigint" : "text")[]" })
            .joined(separator: ", ")
    }

    private static func snake(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out.replacingOccurrences(of: "i_d", with: "id")
    }

    private static func table(_ laptop: String, _ name: String, key: [String], nullable: Set<String> = [],
                              _ columns: [(String, CountyColumn.Kind)]) -> CountyTable {
        CountyTable(laptop: laptop, name: name, columns: columns.map { CountyColumn(laptop: $0.0, name: snake($0.0), kind: $0.1) }, key: key,
                    nullable: nullable)
    }

    static let household = table("household", "county_household", key: ["id"],
                                nullable: ["position", "householdType", "mainCause", "interviewDate", "perCapitaIncome", "incomeLine", "unmetGuarantees"], [
        ("id", .text), ("villageCode", .text), ("groupName", .text), ("householdNo", .text), ("headName", .text), ("headIDNumber", .text),
        ("questionnaireID", .text), ("questionnaireVersion", .text), ("referenceDay", .text), ("status", .text), ("enumerator", .text),
        ("answered", .integer), ("required", .integer), ("hardErrors", .integer), ("softOpen", .integer), ("position", .text),
        ("createdAt", .text), ("updatedAt", .text), ("householdType", .integer), ("mainCause", .integer), ("interviewDate", .text),
        ("perCapitaIncome", .real), ("incomeLine", .real), ("unmetGuarantees", .text),
    ])
    static let rosterRow = table("rosterRow", "county_roster_row", key: ["id"], nullable: ["removedBy", "removedAt", "removedReason"], [
        ("id", .text), ("householdID", .text), ("roster", .text), ("ord", .integer), ("removed", .bool), ("removedBy", .text),
        ("removedAt", .text), ("removedReason", .text),
    ])
    static let answer = table("answer", "county_answer", key: ["householdID", "rowID", "question"], [
        ("householdID", .text), ("rowID", .text), ("question", .text), ("type", .text), ("value", .text), ("who", .text), ("at", .text),
        ("clock", .text),
    ])
    static let audit = table("audit", "county_audit", key: ["id"], nullable: ["oldValue", "newValue", "reason"], [
        ("id", .text), ("householdID", .text), ("rowID", .text), ("subject", .text), ("kind", .text), ("oldValue", .text),
        ("newValue", .text), ("reason", .text), ("who", .text), ("at", .text), ("clock", .text),
    ])
    static let override = table("override", "county_override", key: ["householdID", "rowID", "checkID"], [
        ("householdID", .text), ("rowID", .text), ("checkID", .text), ("reason", .text), ("who", .text), ("at", .text),
    ])
    static let review = table("review", "county_review", key: ["householdID"], nullable: ["reason"], [
        ("householdID", .text), ("state", .text), ("reason", .text), ("who", .text), ("at", .text),
    ])
    static let comment = table("comment", "county_comment", key: ["id"], [
        ("id", .text), ("householdID", .text), ("rowID", .text), ("question", .text), ("text", .text), ("who", .text), ("at", .text),
        ("resolved", .bool),
    ])
    static let resolution = table("resolution", "county_resolution", key: ["id"], nullable: ["value"], [
        ("id", .text), ("householdID", .text), ("rowID", .text), ("kind", .text), ("field", .text), ("value", .text),
        ("supersedes", .text), ("who", .text), ("at", .text), ("clock", .text),
    ])
    static let procedure = table("procedure", "county_procedure", key: ["householdID", "surveyYear"],
                                 nullable: ["category", "decidedBy", "decidedAt"], [
        ("householdID", .text), ("surveyYear", .integer), ("outcome", .text), ("category", .text), ("reason", .text), ("state", .text),
        ("proposedBy", .text), ("proposedAt", .text), ("decidedBy", .text), ("decidedAt", .text), ("clock", .text),
    ])
    static let procedureStep = table("procedureStep", "county_procedure_step", key: ["householdID", "surveyYear", "kind", "number"],
                                     nullable: ["endDay", "note"], [
        ("householdID", .text), ("surveyYear", .integer), ("kind", .text), ("number", .integer), ("startDay", .text), ("endDay", .text),
        ("result", .text), ("note", .text), ("who", .text), ("at", .text), ("clock", .text),
    ])
    static let conflict = table("conflict", "county_conflict", key: ["id"],
                               nullable: ["mineValue", "theirsValue", "resolvedValue", "resolvedBy", "resolvedAt"], [
        ("id", .text), ("householdID", .text), ("rowID", .text), ("kind", .text), ("field", .text), ("mineValue", .text),
        ("mineWho", .text), ("mineAt", .text), ("theirsValue", .text), ("theirsWho", .text), ("theirsAt", .text), ("theirsDevice", .text),
        ("bundleID", .text), ("sequence", .integer), ("detectedAt", .text), ("state", .text), ("resolvedValue", .text),
        ("resolvedBy", .text), ("resolvedAt", .text),
    ])

    static let round = table("round", "county_round", key: ["householdID"], [
        ("householdID", .text), ("registrationID", .text), ("surveyYear", .integer), ("previousRoundID", .text), ("startedBy", .text),
        ("startedAt", .text), ("clock", .text),
    ])
    static let carriedRow = table("carriedRow", "county_carried_row", key: ["rowID"], [
        ("rowID", .text), ("householdID", .text), ("previousRowID", .text),
    ])

    /// Every county table, the travelling ones in the laptop's order, then the conflict queue.
    static let all = [household, rosterRow, answer, audit, override, review, comment, resolution, procedure, procedureStep,
                      round, carriedRow, conflict]
    /// The tables the shipped "v3 county tables" made, as it made them (a later table comes in a migration of its own).
    static let createdInV3 = ["county_household", "county_roster_row", "county_answer", "county_audit", "county_override", "county_review",
                              "county_comment", "county_resolution", "county_procedure", "county_procedure_step", "county_conflict"]
    /// The travelling ones by laptop name.
    static let travelling: [String: CountyTable] = Dictionary(uniqueKeysWithValues: all.dropLast().map { ($0.laptop, $0) })
}

/// County codes: the first six digits of a village code (GB/T 2260).
enum CountyCode {
    /// The county of a village; "" (the default partition) for a code that does not start with six digits.
    static func of(village: String) -> String {
        let prefix = village.prefix(6)
        return prefix.count == 6 && prefix.allSatisfy({ $0.isASCII && $0.isNumber }) ? String(prefix) : ""
    }

    /// Creates each county's partition of every county table, for counties not seen before.
    static func ensurePartitions(_ counties: Set<String>, _ connection: PostgresConnection, logger: Logger) async throws {
        for county in counties.sorted() where !county.isEmpty {
            var exists = false
            for try await found in try await connection.query("SELECT to_regclass(\("county_household_" + county)) IS NOT NULL",
                                                              logger: logger).decode(Bool.self) { exists = found }
            if exists { continue }
            // A migration's backfill applies bundles before later migrations made their tables: only tables that exist
            // get a partition (a later migration makes its own for the counties it finds).
            var parents: Set<String> = []
            for try await name in try await connection.query("""
                SELECT relname::text FROM pg_class WHERE relname = ANY(\(CountyTable.all.map(\.name))) AND relkind = 'p'
                """, logger: logger).decode(String.self) { parents.insert(name) }
            // `county` is six ASCII digits (checked by `of`), so it can stand in a table name and a literal.
            for table in CountyTable.all where parents.contains(table.name) {
                try await connection.query(PostgresQuery(unsafeSQL: """
                    CREATE TABLE IF NOT EXISTS \(table.name)_\(county) PARTITION OF \(table.name) FOR VALUES IN ('\(county)')
                    """), logger: logger)
            }
        }
    }
}
