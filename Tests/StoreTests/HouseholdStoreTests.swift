import Foundation
import Crypto
import GRDB
import Testing
import Survey
@testable import Store

@Suite struct HouseholdStoreTests {
    @Test func migratesAnEmptyFileToEveryTableWithTheRightPragmas() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let (tables, journal, foreignKeys) = try store.pool.read { db in
            (try ["device", "household", "rosterRow", "answer", "audit", "override", "review", "comment", "procedure", "procedureStep"].filter { try db.tableExists($0) },
             try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(tables.count == 10, "\(tables)")
        #expect(journal == "wal")
        #expect(foreignKeys == true)
        let applied = try store.pool.read { db in try Migrations.migrator.appliedIdentifiers(db) }
        #expect(applied == ["2026-11-v1-households-answers-audit", "2026-11-v2-outbox-bundles-conflicts", "2026-12-v3-refused-bundles", "2026-12-v4-county-enrolment",
                           "2026-12-v5-repair-household-assessment", "2026-12-v6-hub-sync", "2026-12-v7-procedures", "2026-12-v8-rounds"])
        // synchronous is per connection: the writer must say FULL (2), not GRDB's default NORMAL (1).
        #expect(try store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }

    @Test func reopeningKeepsTheDeviceAndMigratesNothingTwice() throws {
        let path = Fixture.tempPath()
        let a = try HouseholdStore(path: path, create: true)
        let b = try HouseholdStore(path: path)
        #expect(a.deviceID == b.deviceID)
        #expect(try b.pool.read { try DeviceRecord.fetchCount($0) } == 1)
    }

    @Test func refusesAMissingFileWithoutCreateAndAFileThatIsNotAStore() throws {
        #expect(throws: StoreError.self) { try HouseholdStore(path: "/nonexistent/dir/x.sqlite") }
        let path = Fixture.tempPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        do { _ = try HouseholdStore(path: path); Issue.record("opened garbage") } catch {
            #expect(error == .notAStore(path))
            #expect(error.message(.zh).contains("不是户访数据库"))
        }
    }

    @Test func everyConfirmedAnswerIsOneRowAndOneAuditLine() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        var iv = try Fixture.household(store, no: "0001", head: "王建军")
        try store.commit(try iv.answer("group_name", .text("一组")), of: iv, who: "马玉兰")
        try store.commit(try iv.answer("group_name", .text("二组")), of: iv, who: "马玉兰")
        let answers = try store.pool.read { db in try AnswerRecord.filter(Column("question") == "group_name").fetchAll(db) }
        #expect(answers.count == 1)
        #expect(answers[0].value == "二组" && answers[0].who == "马玉兰")
        let trail = try store.auditTrail(iv.householdID).filter { $0.subject == "group_name" }
        #expect(trail.map(\.oldValue) == [nil, "text:一组"])
        #expect(trail.map(\.newValue) == ["text:一组", "text:二组"])
        // Clearing an answer deletes the row and says so in the audit trail.
        try store.commit(try iv.answer("group_name", nil), of: iv, who: "马玉兰")
        #expect(try store.pool.read { db in try AnswerRecord.filter(Column("question") == "group_name").fetchCount(db) } == 0)
        #expect(try store.auditTrail(iv.householdID).last?.newValue == nil)
    }

    @Test func aCompletedHouseholdThatChangesGoesBackToTheInterview() throws {
        let path = Fixture.tempPath()
        let store = try HouseholdStore(path: path, create: true)
        var iv = try Fixture.household(store, no: "0031", head: "马海军")
        try store.setStatus(iv.householdID, to: .complete, who: "李文华")
        try store.savePosition(of: iv)                                  // looking is not changing
        #expect(try store.households().first?.status == .complete)
        try store.commit(try iv.answer("household_no", .text("0032")), of: iv, who: "李文华")
        #expect(try store.households().first?.status == .inProgress)
        let last = try store.auditTrail(iv.householdID).last
        #expect(last?.kind == .status && last?.oldValue == "complete" && last?.reason == "changed after completion")
    }

    @Test func clocksIncreaseWithEveryCommit() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let iv = try Fixture.household(store, no: "0001", head: "王建军")
        let clocks = try store.auditTrail(iv.householdID).map(\.clock)
        #expect(clocks == clocks.sorted())
        #expect(Set(clocks).count == clocks.count)
        #expect(clocks.allSatisfy { HybridLogicalClock($0) != nil })
    }

    @Test func aFailedTransactionLeavesNeitherAnswerNorAudit() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let iv = try Fixture.household(store, no: "0001", head: "王建军")
        let before = try store.auditTrail(iv.householdID).count
        // The second change names a row that does not exist: the foreign key fails the whole transaction.
        let bad: [InterviewChange] = [.answer(question: "group_name", row: nil, old: nil, new: .text("三组")),
                                      .rowAdded(roster: "members", row: UUID(), order: 0)]
        let ghost = Interview(questionnaire: Fixture.questionnaire, today: Fixture.day)  // not in the store
        #expect(throws: StoreError.self) { try store.commit(bad, of: ghost, who: "x") }
        #expect(try store.auditTrail(iv.householdID).count == before)
        #expect(try store.pool.read { db in try AnswerRecord.filter(Column("value") == "三组").fetchCount(db) } == 0)
    }

    @Test func rowRemovalOverrideAndStatusAreRecorded() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        var iv = try Fixture.household(store, no: "0001", head: "王建军")
        let (row, added) = try iv.addRow("members")
        try store.commit(added, of: iv, who: "李文华")
        try store.commit(try iv.answer("name", row: row, .text("王小明")), of: iv, who: "李文华")
        try store.commit(try iv.removeRow("members", row: row, reason: "录错了，不是本户成员"), of: iv, who: "李文华")
        let r = try store.pool.read { db in try RosterRowRecord.fetchOne(db, key: row.uuidString.lowercased()) }
        #expect(r?.removed == true && r?.removedReason == "录错了，不是本户成员" && r?.removedBy == "李文华")

        try store.commit(try iv.answer("floor_area", .number(5)), of: iv, who: "李文华")
        let soft = iv.problems.first { iv.questionnaire.checks[$0.check].severity == .warning && iv.questionnaire.questions[iv.questionnaire.checks[$0.check].field].id == "floor_area" }!
        try store.commit(try iv.override(soft.key, reason: "老人独居小屋"), of: iv, who: "李文华")
        #expect(try store.pool.read { db in try OverrideRecord.fetchAll(db) }.map(\.reason) == ["老人独居小屋"])

        try store.setStatus(iv.householdID, to: .complete, who: "李文华")
        let kinds = try store.auditTrail(iv.householdID).map(\.kind)
        #expect(kinds.contains(.rowRemoved) && kinds.contains(.override) && kinds.contains(.status))
        #expect(try store.households().first?.status == .complete)
    }

    @Test func reopensExactlyWhereTheInterviewWasLeft() throws {
        let path = Fixture.tempPath()
        let store = try HouseholdStore(path: path, create: true)
        var iv = try Fixture.household(store, no: "0007", head: "赵桂兰")
        iv.moveTo(question: Fixture.questionnaire.questionIndex(of: "sex")!, row: iv.rows("members")[0])
        try store.savePosition(of: iv)

        let again = try HouseholdStore(path: path).interview(iv.householdID, questionnaire: Fixture.questionnaire)
        #expect(again.position == iv.position)
        #expect(again.value("name", row: iv.rows("members")[0]) == .text("赵桂兰"))
        #expect(again.answers == iv.answers)
        #expect(again.rows("members") == iv.rows("members"))
    }

    @Test func listsAVillageInHouseholdNumberOrderWithProgress() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        for (no, name) in [("0003", "陈志刚"), ("0001", "王建军"), ("0002", "李秀英")] { _ = try Fixture.household(store, no: no, head: name) }
        _ = try Fixture.household(store, no: "0001", head: "外村人", village: "622922100202")
        let list = try store.households(village: "622922100201")
        #expect(list.map(\.householdNo) == ["0001", "0002", "0003"])
        #expect(list.map(\.headName) == ["王建军", "李秀英", "陈志刚"])
        #expect(list.allSatisfy { $0.answered > 0 && $0.required > $0.answered })
        #expect(try store.householdCount(village: "622922100201") == 3)
    }

    @Test func searchesByNameIDOrHouseholdNumberPrefix() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let a = try Fixture.household(store, no: "0001", head: "王建军")
        _ = try Fixture.household(store, no: "0002", head: "王秀英")
        _ = try Fixture.household(store, no: "0003", head: "李明")
        #expect(try store.search("王", questionnaire: Fixture.questionnaire).map(\.headName) == ["王建军", "王秀英"])
        #expect(try store.search("王建", questionnaire: Fixture.questionnaire).map(\.headName) == ["王建军"])
        #expect(try store.search("李", questionnaire: Fixture.questionnaire).map(\.headName) == ["李明"])
        let id = a.value("id_number", row: a.rows("members")[0])!.text!
        #expect(try store.search(String(id.prefix(14)), questionnaire: Fixture.questionnaire).count == 3)   // same region and birth date
        #expect(try store.search(String(id.prefix(17)), questionnaire: Fixture.questionnaire).map(\.headName) == ["王建军"])
        #expect(try store.search("张", questionnaire: Fixture.questionnaire).isEmpty)
        // Digits are the start of a household number as well: the number on the cadre's list.
        #expect(try store.search("0002", questionnaire: Fixture.questionnaire).map(\.headName) == ["王秀英"])
        #expect(try store.search("000", questionnaire: Fixture.questionnaire).map(\.householdNo) == ["0001", "0002", "0003"])
        #expect(try store.search("0009", questionnaire: Fixture.questionnaire).isEmpty)
    }

    @Test func aSecondWriterGetsAClearMessageAndReadersKeepWorking() throws {
        let path = Fixture.tempPath()
        let first = try HouseholdStore(path: path, create: true)
        var iv = try Fixture.household(first, no: "0001", head: "王建军")
        let second = try HouseholdStore(path: path, busyTimeout: 0.3)   // another program on the same file
        let changes = try iv.answer("phone", .text("13900000000"))
        // The first holds a write transaction open, as a long import would.
        try first.pool.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE household SET groupName = 'x'")
            do {
                try second.commit(changes, of: iv, who: "other")
                Issue.record("second writer was not stopped")
            } catch let error as StoreError {
                #expect(error == .busy(path))
                #expect(error.message(.zh).contains("正被另一个户访程序写入"))
            } catch {
                Issue.record("unexpected \(error)")
            }
            #expect(try second.households().count == 1)   // readers are not blocked
            try db.execute(sql: "ROLLBACK")
        }
        #expect(try first.pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}

@Suite struct ReviewRecordTests {
    @Test func reviewsAndCommentsAreStoredAndTravelInTheJSON() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let iv = try Fixture.household(store, no: "0001", head: "王建军")
        let hid = iv.householdID.uuidString.lowercased()
        let row = iv.rows("members")[0]
        try store.pool.write { db in
            try ReviewRecord(householdID: hid, state: .sentBack, reason: "请核实身份证号", who: "乡镇审核员", at: "2020-12-01T09:00:00.000Z").insert(db)
            try CommentRecord(id: UUID().uuidString.lowercased(), householdID: hid, rowID: row, question: "id_number",
                              text: "与户口本不一致", who: "乡镇审核员", at: "2020-12-01T09:01:00.000Z", resolved: false).insert(db)
        }
        let doc = try #require(try store.exportJSON().households.first)
        #expect(doc.review?.state == .sentBack && doc.review?.reason == "请核实身份证号")
        #expect(doc.comments.map(\.text) == ["与户口本不一致"])
        #expect(doc.comments.first?.rowID == row && doc.comments.first?.question == "id_number")
        // Deleting a household takes its review and comments with it (foreign keys are on).
        try store.pool.write { db in _ = try HouseholdRecord.deleteOne(db, key: hid) }
        #expect(try store.pool.read { try CommentRecord.fetchCount($0) + ReviewRecord.fetchCount($0) } == 0)
    }

    @Test func aCommentOnAMissingHouseholdIsRefused() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        #expect(throws: (any Error).self) {
            try store.pool.write { db in
                try CommentRecord(id: "c", householdID: "no-such", rowID: nil, question: "", text: "x", who: "y", at: "z", resolved: false).insert(db)
            }
        }
    }
}

@Suite struct DeviceKeyTests {
    @Test func aNewStoreMakesAPrivateKeyFileReadableByItsOwnerOnly() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let attributes = try FileManager.default.attributesOfItem(atPath: store.keyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let key = try DeviceKey.load(from: store.keyPath)
        let me = try store.device()
        #expect(me.publicKey == key.publicKey.base64EncodedString())
        #expect(me.fingerprint == key.fingerprint)
        #expect(me.fingerprint.count == 24)   // 20 hex digits in 5 groups
        // The private key never goes into the store.
        let raw = key.privateKey.rawRepresentation.base64EncodedString()
        let dump = try String(contentsOfFile: store.path, encoding: .isoLatin1)
        #expect(!dump.contains(raw))
    }

    @Test func reopeningKeepsTheSameKey() throws {
        let path = Fixture.tempPath()
        let first = try HouseholdStore(path: path, create: true).device()
        let again = try HouseholdStore(path: path).device()
        #expect(first.fingerprint == again.fingerprint && first.publicKey == again.publicKey)
    }

    @Test func aKeyOthersCanReadIsRefusedAndAnExistingOneNeverOverwritten() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        #expect(throws: DeviceKey.Problem.exists(store.keyPath)) { try DeviceKey.create(at: store.keyPath) }
        chmod(store.keyPath, 0o644)
        #expect(throws: DeviceKey.Problem.tooOpen(store.keyPath, 0o644)) { try DeviceKey.load(from: store.keyPath) }
        #expect(DeviceKey.Problem.tooOpen(store.keyPath, 0o644).message(.zh).contains("chmod 600"))
    }

    @Test func aSignatureMadeWithTheKeyVerifiesWithTheRecordedPublicKey() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let key = try DeviceKey.load(from: store.keyPath)
        let message = Data("manifest".utf8)
        let signature = try key.privateKey.signature(for: message)
        let recorded = try #require(Data(base64Encoded: try store.device().publicKey))
        #expect(try Curve25519.Signing.PublicKey(rawRepresentation: recorded).isValidSignature(signature, for: message))
    }
}

@Suite struct TimestampTests {
    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(HouseholdStore.timestamp(Date(timeIntervalSince1970: 1_605_859_200.25)) == "2020-11-20T08:00:00.250Z")
        #expect(HouseholdStore.timestamp().range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil)
    }
}
