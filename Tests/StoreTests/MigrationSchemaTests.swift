import Foundation
import GRDB
import Testing
@testable import Store

/// The schema each named migration leaves, frozen: `Tests/StoreTests/Schema/<migration>.sql` holds the
/// dump after that migration and every one before it. Editing a migration that has shipped changes its
/// dump and fails here; a change to the schema is a new migration with a new dump (recorded once with
/// `HUFANG_RECORD_SCHEMA=1`, for that migration only).
@Suite struct MigrationSchemaTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Schema")

    /// Tables, indexes and their SQL, in a fixed order.
    static func dump(_ db: Database) throws -> String {
        try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
            .map { "\($0["sql"] as String);\n" }.joined()
    }

    @Test func everyMigrationLeavesTheSchemaItShippedWith() throws {
        let migrator = Migrations.migrator
        #expect(!migrator.migrations.isEmpty)
        let record = ProcessInfo.processInfo.environment["HUFANG_RECORD_SCHEMA"] == "1"
        for id in migrator.migrations {
            let queue = try DatabaseQueue()
            try migrator.migrate(queue, upTo: id)
            let dump = try queue.read(Self.dump)
            let file = Self.folder.appendingPathComponent(id + ".sql")
            if record && !FileManager.default.fileExists(atPath: file.path) {
                try dump.write(to: file, atomically: true, encoding: .utf8)
            }
            let frozen = try? String(contentsOf: file, encoding: .utf8)
            #expect(frozen != nil, "no frozen schema for \(id): record it once, when the migration is new")
            #expect(frozen == dump, "migration \(id) no longer makes the schema it shipped with: add a new migration instead")
        }
    }

    @Test func aStoreLeftAtEachEarlierMigrationOpensAndUpgrades() throws {
        let migrator = Migrations.migrator
        for id in migrator.migrations.dropLast() {
            let path = Fixture.tempPath()
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try migrator.migrate(try DatabaseQueue(path: path), upTo: id)
            let store = try HouseholdStore(path: path)
            let applied = try store.pool.read { db in try migrator.appliedIdentifiers(db) }
            #expect(applied == Set(migrator.migrations), "from \(id)")
            let iv = try Fixture.household(store, no: "0001", head: "王建军")
            #expect(try store.interview(iv.householdID, questionnaire: Fixture.questionnaire).answers == iv.answers, "from \(id)")
        }
    }
    /// v2 as it stood before de2830d added the assessment columns and the status index to it.
    static let assessmentColumns = ["householdType", "mainCause", "interviewDate", "perCapitaIncome", "incomeLine", "unmetGuarantees"]

    @Test func aStoreWhoseV2LacksTheAssessmentColumnsOpensUpgradesAndListsItsHouseholds() throws {
        let path = Fixture.tempPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "2026-11-v2-outbox-bundles-conflicts")
            try queue.write { db in
                try db.drop(index: "household_by_status")
                for column in Self.assessmentColumns { try db.execute(sql: "ALTER TABLE household DROP COLUMN \(column)") }
                try db.execute(sql: """
                    INSERT INTO household (id, villageCode, householdNo, headName, questionnaireID, questionnaireVersion, referenceDay, status,
                        createdAt, updatedAt) VALUES ('00000000-0000-4000-8000-000000000001', '622922100201', '0007', '赵桂兰', 'fupin', '1',
                        '2020-12-31', 'complete', '2020-11-20T08:00:00.000Z', '2020-11-20T08:00:00.000Z')
                    """)
            }
            let columns = try queue.read { db in try db.columns(in: "household").map(\.name) }
            #expect(Set(Self.assessmentColumns).isDisjoint(with: columns), "the old store must lack the columns for this test to mean anything")
            #expect(try queue.read { db in try Migrations.migrator.appliedIdentifiers(db) }.contains("2026-11-v2-outbox-bundles-conflicts"))
        }
        let store = try HouseholdStore(path: path)
        let columns = try store.pool.read { db in try db.columns(in: "household").map(\.name) }
        #expect(Set(Self.assessmentColumns).isSubset(of: columns))
        #expect(try store.pool.read { db in try db.indexes(on: "household").map(\.name) }.contains("household_by_status"))
        let listed = try store.households()
        #expect(listed.map(\.headName) == ["赵桂兰"])
        #expect(listed.first?.householdType == nil)
        // A commit writes the assessment columns: the repaired store takes new work.
        _ = try Fixture.household(store, no: "0001", head: "王建军")
        #expect(try store.households().map(\.headName) == ["王建军", "赵桂兰"])
    }
}
