import Foundation
import GRDB
import Testing
import Survey
import TestSupport
@testable import Store

/// Attacks by someone holding a *trusted* laptop's key: every bundle below is correctly signed and chained,
/// in the real format, around a real SQLite changeset. Each is refused whole, with a message naming the
/// table and row, and the hub's every table is exactly as before.
@Suite struct TrustBoundaryTests {
    let f = SyncFixture()
    let laptop: HouseholdStore, hub: HouseholdStore, forge: BundleForge
    let household: String

    init() throws {
        (laptop, hub, _) = try f.laptopAndHub()
        let first = try #require(try laptop.pool.read { db in try Data.fetchOne(db, sql: "SELECT archive FROM bundleOut WHERE sequence = 1") })
        try expectApplied(try hub.importBundle(first, fileName: "first.zip", questionnaire: Fixture.questionnaire))
        forge = BundleForge(signer: laptop, receiver: hub, questionnaire: Fixture.questionnaire)
        household = try #require(try hub.pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM household") })
    }

    /// Imports `changeset` forged as the laptop's next bundle: it must be refused as `expected` says, and
    /// change nothing.
    @discardableResult
    func refused(_ changeset: Data, table: String, _ expected: (RefusedChange.Reason) -> Bool,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RefusedChange? {
        let before = try StoreDump.of(hub)
        let outcome = try forge.send(changeset)
        #expect(try StoreDump.of(hub) == before, "the store changed", sourceLocation: sourceLocation)
        guard case .rejected(.refusedChange(let refusal)) = outcome else {
            Issue.record("not refused as a change: \(outcome)", sourceLocation: sourceLocation)
            return nil
        }
        #expect(refusal.table == table, sourceLocation: sourceLocation)
        #expect(expected(refusal.reason), "\(refusal.reason)", sourceLocation: sourceLocation)
        #expect(outcome.line(.zh).contains("拒收"), sourceLocation: sourceLocation)
        #expect(outcome.line(.en).contains(table), sourceLocation: sourceLocation)
        return refusal
    }

    func answer(_ question: String, type: String, value: String, clock: String? = nil, row: String = "") throws -> Data {
        try forge.changeset("""
            INSERT OR REPLACE INTO answer (householdID, rowID, question, type, value, who, at, clock) VALUES (?, ?, ?, ?, ?, '李文华', ?, ?)
            """, [household, row, question, type, value, HouseholdStore.timestamp(), clock ?? forge.clock])
    }

    // MARK: The store's own tables

    @Test func aStrangersKeyCannotBeSmuggledIntoTheDeviceTable() throws {
        let stranger = try f.store("stranger")
        let key = try stranger.device()
        try refused(try forge.changeset(tables: ["device"], """
            INSERT INTO device (id, name, createdAt, isSelf, lastClock, publicKey, fingerprint, trustedAt) VALUES (?, 'x', ?, 0, '', ?, ?, ?)
            """, [key.id, HouseholdStore.timestamp(), key.publicKey, key.fingerprint, HouseholdStore.timestamp()]), table: "device") { $0 == .localTable }
        // And the stranger's own bundles are still refused.
        _ = try Fixture.household(stranger, no: "0009", head: "赵六")
        let theirs = try f.export(stranger)
        #expect(try f.importing(theirs, into: hub) == .rejected(.untrustedDevice(device: key.id, keyID: key.fingerprint)))
    }

    @Test func anotherLaptopCannotBeMadeThisDevice() throws {
        try refused(try forge.changeset(tables: ["device"], "UPDATE device SET isSelf = NOT isSelf"), table: "device") { $0 == .localTable }
        #expect(try hub.device().id == hub.deviceID)
    }

    @Test func theCountyKeyCannotBeSwitched() throws {
        try refused(try forge.changeset(tables: ["setting"], "INSERT OR REPLACE INTO setting (key, value) VALUES ('countyPublicKey', 'AAAA')"),
                    table: "setting") { $0 == .localTable }
    }

    @Test func theMigrationsCannotBeTouched() throws {
        try refused(try forge.changeset(tables: ["grdb_migrations"], "DELETE FROM grdb_migrations WHERE identifier LIKE '2026-11-v2%'"),
                    table: "grdb_migrations") { $0 == .localTable }
        #expect(throws: Never.self) { try HouseholdStore(path: hub.path) }
    }

    @Test func theOutboxAndTheBundleLogCannotBeWritten() throws {
        for table in ["outbox", "bundleIn", "heldBundle", "conflict", "refusedBundle"] {
            let sql = table == "outbox" ? "INSERT INTO outbox (changeset, at) VALUES (X'00', 'x')"
                : table == "bundleIn" ? "INSERT INTO bundleIn VALUES ('h', 'd', 9, 'b', 0, 0, 'f', 'a')"
                : table == "heldBundle" ? "INSERT INTO heldBundle VALUES ('h', 'd', 9, X'00', 'f', 'a')"
                : table == "conflict" ? "DELETE FROM conflict WHERE 1 OR 1; INSERT INTO conflict (id, householdID, rowID, kind, field, mineWho, mineAt, theirsWho, theirsAt, theirsDevice, bundleID, sequence, detectedAt) VALUES ('c', 'h', '', 'answer', 'f', '', '', '', '', '', '', 1, '')"
                : "INSERT INTO refusedBundle VALUES ('h', 'd', 1, 'f', '{}', 'a')"
            try refused(try forge.changeset(tables: [table], sql), table: table) { $0 == .localTable }
        }
    }

    // MARK: Values

    @Test func aNumberInWordsIsRefused() throws {
        let r = try refused(try answer("floor_area", type: "number", value: "十二"), table: "answer") { $0 == .row(RowProblem("value", .notAValue(type: "number", value: "十二"))) }
        #expect(r?.household == household)
        #expect(r?.key == "floor_area")
        #expect(r?.message(.zh).contains("floor_area") == true)
    }

    @Test func numbersNotInPlainDecimalAreRefused() throws {
        for text in ["0x10", "+5", "-0", "1e3", "12.", ".5", " 12", "nan", "inf", "1,5"] {
            try refused(try answer("floor_area", type: "number", value: text), table: "answer") { $0 == .row(RowProblem("value", .notAValue(type: "number", value: text))) }
        }
        // What hufang writes goes in.
        try expectApplied(try forge.send(try answer("floor_area", type: "number", value: "85.5")))
    }

    @Test func aCodeOutsideItsListIsRefused() throws {
        try refused(try answer("household_type", type: "code", value: "999"), table: "answer") { $0 == .row(RowProblem("value", .codeNotInList(code: 999, question: "household_type"))) }
    }

    @Test func anUnknownOrCalculatedQuestionIsRefused() throws {
        try refused(try answer("hacked", type: "text", value: "x"), table: "answer") { $0 == .row(RowProblem("question", .unknownQuestion("hacked"))) }
        let calculated = try #require(Fixture.questionnaire.questions.first { !$0.isInput && $0.roster == nil })
        try refused(try answer(calculated.id, type: "number", value: "1"), table: "answer") { $0 == .row(RowProblem("question", .calculatedQuestion(calculated.id))) }
    }

    @Test func anOverlongOrHugeNameIsRefused() throws {
        let row = try #require(try hub.pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM rosterRow") })
        let limit = try #require(Fixture.questionnaire.question("name")).maxLength
        try refused(try answer("name", type: "text", value: String(repeating: "王", count: limit + 1), row: row), table: "answer") {
            $0 == .row(RowProblem("value", .tooLong(limit: limit)))
        }
        // Six megabytes in one value: refused by its length before anything reads it whole.
        let before = try StoreDump.of(hub)
        let outcome = try forge.send(try answer("name", type: "text", value: String(repeating: "王", count: 2_000_000), row: row))
        guard case .rejected(.changesDamaged(let why)) = outcome else { Issue.record("\(outcome)"); return }
        #expect(why.contains("more than \(ChangesetFraming.maxValue)"))
        #expect(try StoreDump.of(hub) == before)
    }

    @Test func anAnswerInTheWrongPlaceOrOfTheWrongTypeIsRefused() throws {
        try refused(try answer("floor_area", type: "text", value: "12"), table: "answer") { $0 == .row(RowProblem("type", .typeMismatch(question: "floor_area", expected: "number", got: "text"))) }
        try refused(try answer("name", type: "text", value: "王"), table: "answer") { $0 == .row(RowProblem("rowID", .rosterMismatch(question: "name", needsRow: true))) }
        try refused(try forge.changeset("UPDATE answer SET value = X'3132', clock = ? WHERE question = 'household_no'", [forge.clock]), table: "answer") {
            $0 == .row(RowProblem("value", .wrongStorage(expected: .text)))
        }
    }

    @Test func textThatIsNotUTF8IsRefused() throws {
        try refused(try forge.changeset("UPDATE answer SET value = CAST(X'C328' AS TEXT), clock = ? WHERE question = 'household_no'", [forge.clock]),
                    table: "answer") { $0 == .unreadable(column: "value") }
    }

    @Test func statusesAndCountsOutsideTheVocabularyAreRefused() throws {
        try refused(try forge.changeset("UPDATE household SET status = 'hacked'"), table: "household") {
            $0 == .row(RowProblem("status", .notInVocabulary("hacked", allowed: HouseholdStatus.allCases.map(\.rawValue))))
        }
        try refused(try forge.changeset("UPDATE household SET answered = -5"), table: "household") { $0 == .row(RowProblem("answered", .outOfRange("-5", 0...1_000_000))) }
        try refused(try forge.changeset("UPDATE household SET updatedAt = 'yesterday'"), table: "household") { $0 == .row(RowProblem("updatedAt", .notTimestamp("yesterday"))) }
    }

    // MARK: Only the signer's own changes, only as the format allows

    @Test func anAnswerWrittenByAnotherDeviceIsRefused() throws {
        let theirs = HybridLogicalClock(millis: 1_606_000_000_000, counter: 0, device: String(hub.deviceID.prefix(8))).description
        try refused(try answer("floor_area", type: "number", value: "12", clock: theirs), table: "answer") { $0 == .notSigner(clock: theirs) }
        try refused(try forge.changeset("UPDATE answer SET value = '0002' WHERE question = 'household_no'"), table: "answer") {
            $0 == .row(RowProblem("clock", .missing))
        }
    }

    @Test func auditLinesAreAppendOnly() throws {
        try refused(try forge.changeset("UPDATE audit SET reason = 'rewritten' WHERE kind = 'created'"), table: "audit") { $0 == .operation("update") }
        try refused(try forge.changeset("DELETE FROM audit WHERE kind = 'created'"), table: "audit") { $0 == .operation("delete") }
    }

    @Test func householdsAndRowsAreNeverDeletedNorMoved() throws {
        try refused(try forge.changeset("DELETE FROM household"), table: "household") { $0 == .operation("delete") }
        let other = UUID().uuidString.lowercased()
        try refused(try forge.changeset("""
            INSERT INTO household (id, questionnaireID, questionnaireVersion, referenceDay, createdAt, updatedAt)
                VALUES ('\(other)', 'q', '1', '2020-12-31', '2020-11-20T08:00:00.000Z', '2020-11-20T08:00:00.000Z');
            UPDATE rosterRow SET householdID = '\(other)'
            """), table: "rosterRow") { $0 == .column("householdID") }
    }

    @Test func aCommentIsOnlyEverDealtWith() throws {
        let id = try #require(UUID(uuidString: household))
        let comment = try hub.addComment(id, row: nil, question: "floor_area", text: "面积有误", who: "张主任")
        try hub.resolveComment(comment.id, who: "张主任")
        try refused(try forge.changeset("UPDATE comment SET resolved = 0"), table: "comment") { $0 == .column("resolved") }
        try refused(try forge.changeset("UPDATE comment SET text = '改过的意见'"), table: "comment") { $0 == .column("text") }
        try refused(try forge.changeset("DELETE FROM comment"), table: "comment") { $0 == .operation("delete") }
    }

    // MARK: Bounded resources and honest counts

    @Test func aDeflateBombIsRefusedWithoutInflatingIt() throws {
        let small = try answer("floor_area", type: "number", value: "12")
        let bomb = Deflate.compress(small + Data(count: 64 << 20))
        // Declared as the small changeset: inflating stops one byte past it.
        var outcome = try hub.importBundle(try forge.bundle(small, compressed: bomb), fileName: "bomb.zip", questionnaire: Fixture.questionnaire)
        #expect(outcome == .rejected(.wrongLength(declared: small.count)))
        // Declared as what it is: refused before inflating anything.
        outcome = try hub.importBundle(try forge.bundle(small, compressed: bomb) { $0.payload.plainLength = 1 << 30 }, fileName: "bomb.zip",
                                       questionnaire: Fixture.questionnaire)
        #expect(outcome == .rejected(.tooLarge(declared: 1 << 30, limit: BundleLimit.plainLength)))
        #expect(outcome.line(.en).contains("1.0 GiB"))
        // Shorter than declared.
        outcome = try hub.importBundle(try forge.bundle(small) { $0.payload.plainLength += 10 }, fileName: "short.zip", questionnaire: Fixture.questionnaire)
        #expect(outcome == .rejected(.wrongLength(declared: small.count + 10)))
    }

    @Test func changesThatEndInsideATableNameAreRefusedNotWaitedForForEver() throws {
        // Found by the mutation test: SQLite's streaming reader waited for ever for the name's terminator.
        let small = try answer("floor_area", type: "number", value: "12")
        var cut = small
        cut.append(contentsOf: [0x54, 0x05, 0x01, 0, 0, 0, 0] + Array("review".utf8) + [0xA0])
        let outcome = try hub.importBundle(try forge.bundle(cut), fileName: "cut.zip", questionnaire: Fixture.questionnaire)
        #expect(outcome == .rejected(.changesDamaged("the changes end in the middle of a change")))
        // A value longer than any travelling value is refused by its length, before SQLite buffers it.
        var huge = Data([0x54, 0x01, 0x01] + Array("answer".utf8) + [0, 18, 0, 3, 0xC0, 0x80, 0x80, 0x00])
        huge.append(Data(count: 16))
        let long = try hub.importBundle(try forge.bundle(huge), fileName: "huge.zip", questionnaire: Fixture.questionnaire)
        guard case .rejected(.changesDamaged(let why)) = long else { Issue.record("\(long)"); return }
        #expect(why.contains("more than"))
    }

    @Test func aManifestThatMiscountsItsChangesIsRefused() throws {
        let small = try answer("floor_area", type: "number", value: "12")
        let outcome = try hub.importBundle(try forge.bundle(small) { $0.changes += 1 }, fileName: "miscounted.zip", questionnaire: Fixture.questionnaire)
        guard case .rejected(.countsDiffer(let declared, let actual)) = outcome else { Issue.record("\(outcome)"); return }
        #expect(declared == actual + 1)
    }

    @Test func theManifestCountsEachTablesOwnChanges() throws {
        _ = try Fixture.household(laptop, no: "0002", head: "刘桂英")
        let bundle = try f.export(laptop)
        let manifest = try JSONDecoder().decode(BundleManifest.self, from: try BundleArchive.read(try f.bytes(bundle))[0])
        let (answers, audits, rows) = try laptop.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer a JOIN household h ON h.id = a.householdID WHERE h.householdNo = '0002'")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit a JOIN household h ON h.id = a.householdID WHERE h.householdNo = '0002'")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rosterRow r JOIN household h ON h.id = r.householdID WHERE h.householdNo = '0002'")!)
        }
        #expect(manifest.counts["answer"] == ChangeCount(insert: answers, update: 0, delete: 0))
        #expect(manifest.counts["audit"] == ChangeCount(insert: audits, update: 0, delete: 0))
        #expect(manifest.counts["rosterRow"] == ChangeCount(insert: rows, update: 0, delete: 0))
        #expect(manifest.counts["household"] == ChangeCount(insert: 1, update: 0, delete: 0))
    }

    // MARK: Honest outcomes

    /// The laptop's bundles 2 and 3; 3 is given to the hub first and held. Returns 2.
    func secondHeldBehindThird() throws -> ExportedBundle {
        let id = try #require(UUID(uuidString: household))
        var iv = try laptop.interview(id, questionnaire: Fixture.questionnaire)
        try laptop.commit(try iv.answer("floor_area", .number(60)), of: iv, who: "李文华")
        let second = try f.export(laptop)
        try laptop.commit(try iv.answer("floor_area", .number(70)), of: iv, who: "李文华")
        #expect(try f.importing(try f.export(laptop), into: hub) == .held(waitingFor: 2))
        return second
    }

    @Test func aHeldBundleThatTurnsOutAForkGetsItsOwnLineAndIsListed() throws {
        let second = try secondHeldBehindThird()
        // Someone with the laptop's key gets a different sequence 2 in first.
        let forged = try forge.bundle(try answer("floor_area", type: "number", value: "99"))
        let outcome = try hub.importBundle(forged, fileName: "forged.zip", questionnaire: Fixture.questionnaire)
        guard case .applied(let n, _, let released) = outcome else { Issue.record("\(outcome)"); return }
        #expect(n > 0)
        #expect(released == [.init(sequence: 3, changes: 0, conflicts: 0, rejection: .fork(sequence: 3))])
        #expect(outcome.line(.en).hasPrefix("applied"))
        #expect(outcome.line(.en).contains("held sequence 3: rejected: fork"))
        #expect(try hub.heldBundles().isEmpty)
        let listed = try hub.refusedBundles()
        #expect(listed.map(\.sequence) == [3])
        #expect(listed.first?.rejection == .fork(sequence: 3))
        // The real sequence 2 is now a fork itself, refused on its own line.
        #expect(try f.importing(second, into: hub) == .rejected(.fork(sequence: 2)))
    }

    @Test func aHeldBundleOfADeviceRevokedWhileItWaitedIsRefusedOnItsOwnLine() throws {
        let second = try secondHeldBehindThird()
        _ = try hub.revoke(laptop.deviceID, fromSequence: 3)
        let outcome = try f.importing(second, into: hub)
        guard case .applied(_, _, let released) = outcome else { Issue.record("\(outcome)"); return }
        #expect(released.map(\.rejection) == [.revoked(device: laptop.deviceID, from: 3)])
        #expect(try hub.heldBundles().isEmpty)
        #expect(try hub.refusedBundles().map(\.rejection) == [.revoked(device: laptop.deviceID, from: 3)])
    }
}
