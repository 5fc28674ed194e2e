import Foundation
import GRDB
import Testing
@testable import Store

/// Inputs found by the fuzz targets (Fuzz/README.md), each kept as the smallest case that failed.
@Suite struct ChangesetFuzzRegressionTests {
    /// Changeset bytes as the session extension writes them: a table header, then records.
    struct Bytes {
        var data = Data()
        mutating func table(_ name: String, columns: Int) {
            data.append(UInt8(ascii: "T")); data.append(UInt8(columns))
            data.append(1); data.append(contentsOf: [UInt8](repeating: 0, count: columns - 1))
            data.append(contentsOf: Array(name.utf8)); data.append(0)
        }
        /// An INSERT of integers 1, 2, 3… (one per column).
        mutating func insert(columns: Int) {
            data.append(18); data.append(0)
            for c in 1...columns { data.append(1); data.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, UInt8(c)]) }
        }
    }

    final class Abort: ChangesetConflictHandler {
        func decide(_ kind: Int32, _ change: ChangeView) -> Int32 { 2 }  // SQLITE_CHANGESET_ABORT
    }

    // Fuzz/BundleFuzz, a timeout: SQLite's iterator looked for the table name's NUL past the end forever.
    static let nameRunsToTheEnd = Data(base64Encoded: "VFBLAwQYAQAAAAAAAAAAAAAAAAAAABQAAAAAAAAAAAAAAAA=")!

    @Test(.timeLimit(.minutes(1)))
    func aChangesetWhoseTableHeaderRunsToTheEndIsRefusedInsteadOfWalkedForever() {
        #expect(throws: Changeset.Failure.self) { try Changeset.count(Self.nameRunsToTheEnd) }
        var header = Bytes()
        header.table("answer", columns: 3)
        #expect(throws: Changeset.Failure.self) { try Changeset.count(header.data.dropLast()) }
    }

    @Test(.timeLimit(.minutes(1)))
    func applyingAChangesetWhoseTableHeaderRunsToTheEndFailsWithoutChangingAnything() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        #expect(throws: Changeset.Failure.self) {
            try store.pool.write { db in
                try Changeset.apply(ChangesetInput(Self.nameRunsToTheEnd), to: db.sqliteConnection!, handler: Abort()) {}
            }
        }
    }

    @Test func aWellFramedChangesetIsStillCounted() throws {
        var b = Bytes()
        b.table("household", columns: 3)
        b.insert(columns: 3)
        #expect(Changeset.isWellFramed(b.data))
        #expect(try Changeset.count(b.data) == ["household": ChangeCount(insert: 1)])
        #expect(!Changeset.isWellFramed(b.data.dropLast()))
    }

    // Found while making the bundle seeds: a bundle's counts put the answers under rosterRow (both tables have
    // 8 columns, and SQLite then hands back the same name pointer for both).
    @Test func countingAChangesetAttributesEveryRowToItsOwnTable() throws {
        var b = Bytes()
        b.table("rosterRow", columns: 8)
        b.insert(columns: 8)
        b.table("answer", columns: 8)
        b.insert(columns: 8)
        b.insert(columns: 8)
        #expect(try Changeset.count(b.data) == ["rosterRow": ChangeCount(insert: 1), "answer": ChangeCount(insert: 2)])
    }
}
