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
}
