import Foundation
import HubCore
import HubTestSupport
import Logging
import PostgresNIO
import ProjectFolders
import Store
import Survey
import Testing

/// The county's exports read from PostgreSQL are the laptop's exports of the same households, byte for byte:
/// the per-section CSV (both encodings, one village or all), the JSON interchange and the record card.
// One test at a time: each fills a county and reads it whole, and all of them at once beside the other hub
// suites starved those suites' hubs of the two cores.
@Suite(.postgres, .serialized)
struct CountyExportTests {
    struct Filled {
        let client: PostgresClient
        let fixture: CountyTablesFixture
        let laptop: HouseholdStore
        let folder: String
        let logger: Logger
    }

    static func filled(_ test: @Sendable (Filled) async throws -> Void) async throws {
        let cluster = try TestPostgres.current
        let database = try cluster.createDatabase()
        let client = cluster.client(database: database)
        let logger = { var l = Logger(label: "export-test"); l.logLevel = .warning; return l }()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("county-export-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await HubMigrations.migrate(client, logger: logger)
            let fixture = try await CountyTablesFixture.fill(client, logger: logger)
            try await test(Filled(client: client, fixture: fixture, laptop: try await fixture.laptopStore(in: folder), folder: folder, logger: logger))
        }
    }

    /// Every file of a folder: name → bytes.
    static func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        return out
    }

    /// Where two files first differ (nil when they are the same): a failure names a byte offset instead of
    /// diffing megabytes.
    static func firstDifference(_ a: Data, _ b: Data) -> Int? {
        if a == b { return nil }
        return zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    }

    @Test("export csv from PostgreSQL writes the laptop's files, byte for byte, in both encodings and for one village",
          arguments: [CSVEncoding.utf8BOM, .gb18030])
    func csvIsTheLaptops(encoding: CSVEncoding) async throws {
        try await Self.filled { t in
            let q = Project.questionnaire
            for village in [nil, CountyTablesFixture.villages[1]] {
                let laptopDir = "\(t.folder)/laptop-\(encoding.rawValue)-\(village ?? "all")", hubDir = "\(t.folder)/hub-\(encoding.rawValue)-\(village ?? "all")"
                let store = t.laptop
                let expected = try await offThePool { try SectionCSV.export(store, questionnaire: q, to: laptopDir, encoding: encoding, village: village) }
                // Small batches, so the cursor is read many times over.
                let reader = CountyHouseholdReader(client: t.client, logger: t.logger, batchSize: 7)
                let writer = try SectionCSV.Writer(directory: hubDir, questionnaire: q, encoding: encoding)
                var progress: [Int] = []
                let total = try await reader.count(county: CountyTablesFixture.county, village: village)
                try await reader.forEachBatch(county: CountyTablesFixture.county, village: village, records: .interview, order: .list) { batch in
                    for doc in batch { try writer.append(doc.household, try doc.interview(questionnaire: q)) }
                    progress.append(batch.count)
                }
                let written = try writer.finish()
                #expect(written == expected)
                #expect(progress.reduce(0, +) == total && progress.allSatisfy { $0 <= 7 } && progress.count == (total + 6) / 7)
                let hub = try Self.files(hubDir), laptop = try Self.files(laptopDir)
                #expect(hub.keys.sorted() == laptop.keys.sorted() && !hub.keys.contains { $0.hasSuffix(".partial") })
                for (name, bytes) in laptop { #expect(Self.firstDifference(hub[name] ?? Data(), bytes) == nil, "\(name) differs from the laptop's") }
                #expect(written.contains { $0.rows == total }, "a household section has one row per household")
                if let village {
                    #expect(total == t.fixture.export.households.filter { $0.household.villageCode == village }.count)
                }
            }
        }
    }

    @Test("export json streams the laptop's interchange file of the same households, byte for byte")
    func jsonIsTheLaptops() async throws {
        try await Self.filled { t in
            let store = t.laptop
            let expected = try await offThePool { HouseholdStore.encode(try store.exportJSON()) }
            let path = "\(t.folder)/county.json"
            FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            let n = try await CountyJSONExport.write(CountyHouseholdReader(client: t.client, logger: t.logger, batchSize: 10),
                                                     county: CountyTablesFixture.county, to: handle)
            try handle.close()
            let written = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(n == t.fixture.export.households.count)
            #expect(Self.firstDifference(written, expected) == nil, "the county's file differs from the laptop's")
            // And it reads back as the households that went in.
            #expect(try HouseholdStore.decodeExport(written, questionnaire: Project.questionnaire).households == t.fixture.export.households
                .sorted { ($0.household.villageCode, $0.household.householdNo, $0.household.id) < ($1.household.villageCode, $1.household.householdNo, $1.household.id) })
            // Another county's export is the empty file the laptop writes.
            let other = "\(t.folder)/other.json"
            FileManager.default.createFile(atPath: other, contents: nil)
            let otherHandle = try #require(FileHandle(forWritingAtPath: other))
            #expect(try await CountyJSONExport.write(CountyHouseholdReader(client: t.client, logger: t.logger), county: "110101", to: otherHandle) == 0)
            try otherHandle.close()
            let empty = try HouseholdStore.decodeExport(Data(contentsOf: URL(fileURLWithPath: other)), questionnaire: nil)
            #expect(empty.households.isEmpty)
        }
    }

    @Test("the record card from PostgreSQL is the laptop's card; a prefix names a household, an unknown one none")
    func cardIsTheLaptops() async throws {
        try await Self.filled { t in
            let reader = CountyHouseholdReader(client: t.client, logger: t.logger)
            for doc in t.fixture.export.households.prefix(6) {
                let id = try #require(UUID(uuidString: doc.household.id))
                let found = try #require(try await reader.household(county: CountyTablesFixture.county, matching: String(doc.household.id.prefix(13))))
                #expect(found == doc)
                for lang in Language.allCases {
                    #expect(try HouseholdCard.text(found, questionnaire: Project.questionnaire, lang: lang)
                            == HouseholdCard.text(t.laptop, household: id, questionnaire: Project.questionnaire, lang: lang))
                }
            }
            #expect(try await reader.household(county: CountyTablesFixture.county, matching: "ffffffff-0000") == nil)
            #expect(try await reader.household(county: CountyTablesFixture.county, matching: "'; DROP TABLE county_household; --") == nil)
            #expect(try await reader.household(county: "110101", matching: String(t.fixture.export.households[0].household.id.prefix(8))) == nil)
        }
    }
}
