import Foundation
import HubCore
import HubTestSupport
import Logging
import PostgresNIO
import ProjectFolders
import Store
import Survey

/// The sample village spread over a county as the apply path would leave it: three villages in two townships,
/// two enumerators over three days, some households approved or sent back, open and resolved conflicts, and a
/// household whose texts are HTML. The same households go into a laptop's store, so every export can be
/// compared with the laptop's own. The rows are written straight into the county tables: the code under test
/// only reads them.
struct CountyTablesFixture {
    static let county = "622922"
    static let villages = ["622922100201", "622922100202", "622922101203"]
    static let enumerators = ["李调查员", "赵调查员"]
    static let days = ["2020-12-29", "2020-12-30", "2020-12-31"]
    /// A head's name and a review reason that would run as markup if a page printed them raw.
    static let hostileHead = "王<script>alert(1)</script>"
    static let hostileReason = "收入<b>有误</b> & 需核实\"'"

    let export: HouseholdExport

    /// The sample village's households, reshaped into the county.
    static func households() throws -> HouseholdExport {
        let q = Project.questionnaire
        var export = try HouseholdStore.decodeExport(Data(contentsOf: Project.sampleVillage), questionnaire: q)
        let villageQuestion = q.roles.villageCode.map { q.questions[$0].id }
        for i in export.households.indices {
            var doc = export.households[i]
            let village = villages[i % villages.count]
            doc.household.villageCode = village
            for j in doc.answers.indices where doc.answers[j].question == villageQuestion && doc.answers[j].rowID == nil {
                doc.answers[j].value = village
            }
            doc.household.enumerator = enumerators[i % 2]
            doc.household.interviewDate = days[i % days.count]
            if i % 5 == 0 {
                doc.household.status = .sentBack
                doc.review = ReviewRecord.make(householdID: doc.household.id, state: .sentBack, reason: i == 0 ? hostileReason : "家庭成员信息不全",
                                          who: "审核员张", at: "2021-01-0\(1 + i % 3)T08:00:00.000Z")
            } else if i % 3 == 0 {
                doc.household.status = .approved
                doc.review = ReviewRecord.make(householdID: doc.household.id, state: .approved, reason: nil, who: "审核员张", at: "2021-01-02T09:00:00.000Z")
            } else if i % 7 == 0 {
                doc.household.status = .inProgress
            }
            if i == 0 { doc.household.headName = hostileHead }
            export.households[i] = doc
        }
        return export
    }

    /// `households()` made once per test process: every suite's tests only read it, and decoding the sample
    /// village in each of them at once starved the hub suites beside them of the cores.
    static let madeOnce = Result { try households() }

    /// Fills the county tables of the database `client` reaches (migrated) with `households()`.
    static func fill(_ client: PostgresClient, logger: Logger) async throws -> CountyTablesFixture {
        let export = try await offThePool { try madeOnce.get() }
        let c = county
        for table in HubMigrations.countyTableNames {
            try await client.query(PostgresQuery(unsafeSQL: "CREATE TABLE IF NOT EXISTS \(table)_\(c) PARTITION OF \(table) FOR VALUES IN ('\(c)')"),
                                   logger: logger)
        }
        func row(_ id: RowID?) -> String { id.map { $0.uuidString.lowercased() } ?? "" }
        func num(_ n: (some CustomStringConvertible)?) -> String? { n.map(\.description) }
        let docs = export.households
        try await insert("county_household", client, logger, [
            ("county", "text"), ("id", "text"), ("village_code", "text"), ("group_name", "text"), ("household_no", "text"), ("head_name", "text"),
            ("head_id_number", "text"), ("questionnaire_id", "text"), ("questionnaire_version", "text"), ("reference_day", "text"), ("status", "text"),
            ("enumerator", "text"), ("answered", "integer"), ("required", "integer"), ("hard_errors", "integer"), ("soft_open", "integer"),
            ("position", "text"), ("created_at", "text"), ("updated_at", "text"), ("household_type", "integer"), ("main_cause", "integer"),
            ("interview_date", "text"), ("per_capita_income", "double precision"), ("income_line", "double precision"), ("unmet_guarantees", "text"),
        ], docs.map { d -> [String?] in
            let h = d.household
            return [c, h.id, h.villageCode, h.groupName, h.householdNo, h.headName, h.headIDNumber, h.questionnaireID, h.questionnaireVersion,
                    h.referenceDay, h.status.rawValue, h.enumerator, num(h.answered), num(h.required), num(h.hardErrors), num(h.softOpen), h.position,
                    h.createdAt, h.updatedAt, num(h.householdType), num(h.mainCause), h.interviewDate, num(h.perCapitaIncome), num(h.incomeLine),
                    h.unmetGuarantees]
        })
        try await insert("county_roster_row", client, logger, [
            ("county", "text"), ("id", "text"), ("household_id", "text"), ("roster", "text"), ("ord", "integer"), ("removed", "boolean"),
            ("removed_by", "text"), ("removed_at", "text"), ("removed_reason", "text"),
        ], docs.flatMap(\.rows).map { r in [c, r.id, r.householdID, r.roster, num(r.ord), num(r.removed), r.removedBy, r.removedAt, r.removedReason] })
        try await insert("county_answer", client, logger, [
            ("county", "text"), ("household_id", "text"), ("row_id", "text"), ("question", "text"), ("type", "text"), ("value", "text"),
            ("who", "text"), ("at", "text"), ("clock", "text"),
        ], docs.flatMap(\.answers).map { a in [c, a.householdID, row(a.rowID), a.question, a.type, a.value, a.who, a.at, a.clock] })
        // The stored texts of an audit line (internal to the store), as the laptop's JSON carries them.
        var audit: [[String?]] = []
        for d in docs {
            let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(d.audit)) as? [[String: Any]] ?? []
            for (x, j) in zip(d.audit, json) {
                audit.append([c, x.id, x.householdID, row(x.rowID), x.subject, x.kind.rawValue, j["oldValue"] as? String, j["newValue"] as? String,
                              x.reason, x.who, x.at, x.clock])
            }
        }
        try await insert("county_audit", client, logger, [
            ("county", "text"), ("id", "text"), ("household_id", "text"), ("row_id", "text"), ("subject", "text"), ("kind", "text"),
            ("old_value", "text"), ("new_value", "text"), ("reason", "text"), ("who", "text"), ("at", "text"), ("clock", "text"),
        ], audit)
        try await insert("county_override", client, logger, [
            ("county", "text"), ("household_id", "text"), ("row_id", "text"), ("check_id", "text"), ("reason", "text"), ("who", "text"), ("at", "text"),
        ], docs.flatMap(\.overrides).map { o in [c, o.householdID, row(o.rowID), o.checkID, o.reason, o.who, o.at] })
        try await insert("county_review", client, logger, [
            ("county", "text"), ("household_id", "text"), ("state", "text"), ("reason", "text"), ("who", "text"), ("at", "text"),
        ], docs.compactMap(\.review).map { r in [c, r.householdID, r.state.rawValue, r.reason, r.who, r.at] })
        // Two open conflicts and a resolved one (which no page counts).
        for (n, state) in ["open", "open", "resolved"].enumerated() {
            let h = export.households[n + 1].household.id
            try await client.query("""
                INSERT INTO county_conflict VALUES (\(c), \("conflict-\(n)"), \(h), '', 'answer', 'head_phone', \("1380000000\(n)"), '李调查员',
                '2021-01-03T10:00:00.000Z', '13911112222', '赵调查员', '2021-01-03T11:00:00.000Z', 'device-b', 'bundle-x', \(n + 1),
                '2021-01-04T08:00:00.000Z', \(state), NULL, NULL, NULL)
                """, logger: logger)
        }
        return CountyTablesFixture(export: export)
    }

    /// Stands for SQL NULL in the text arrays `insert` sends (no stored text holds it).
    static let null = "\u{1}null"

    /// Inserts `rows` into `table` in one statement per 5,000: each column sent as a text array, cast back.
    static func insert(_ table: String, _ client: PostgresClient, _ logger: Logger, _ columns: [(String, String)], _ rows: [[String?]]) async throws {
        for start in stride(from: 0, to: rows.count, by: 5000) {
            let chunk = rows[start..<min(rows.count, start + 5000)]
            var binds = PostgresBindings()
            for i in columns.indices { try binds.append(chunk.map { $0[i] ?? null }) }
            let names = columns.map(\.0).joined(separator: ", ")
            let arrays = columns.indices.map { "$\($0 + 1)::text[]" }.joined(separator: ", ")
            let casts = columns.enumerated().map { i, c in "nullif(c\(i), '\(null)')::\(c.1)" }.joined(separator: ", ")
            let aliases = columns.indices.map { "c\($0)" }.joined(separator: ", ")
            try await client.query(PostgresQuery(unsafeSQL: "INSERT INTO \(table) (\(names)) SELECT \(casts) FROM unnest(\(arrays)) AS u(\(aliases))",
                                                 binds: binds), logger: logger)
        }
    }

    /// A laptop's store holding the same households: a copy of one imported once per test process.
    func laptopStore(in folder: String) async throws -> HouseholdStore {
        let original = try await offThePool { try Self.laptopOnce.get() }
        let path = "\(folder)/laptop-\(UUID().uuidString.prefix(6)).sqlite"
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: original + suffix) {
            try FileManager.default.copyItem(atPath: original + suffix, toPath: path + suffix)
        }
        return try HouseholdStore(path: path)
    }

    /// The imported store's path (closed, so a copy of its files is whole).
    static let laptopOnce = Result { () throws -> String in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("county-laptop-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/laptop.sqlite"
        do {
            let store = try HouseholdStore(path: path, create: true)
            _ = try store.importJSON(HouseholdStore.encode(try madeOnce.get()), questionnaire: Project.questionnaire)
        }
        return path
    }
}
