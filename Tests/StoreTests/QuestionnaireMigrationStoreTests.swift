import Foundation
import GRDB
import ProjectFolders
import Survey
import Testing
import TestSupport
@testable import Store

/// Stored households moving to a new questionnaire version: opened or listed by `screens migrate`, arriving in
/// a bundle or a JSON file of the old version — every changed answer with an audit line, every refusal with why.
@Suite struct QuestionnaireMigrationStoreTests {
    static let revised: Questionnaire = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-revised-\(UUID().uuidString)")
        do { return try RevisedQuestionnaire.write(to: dir) } catch { fatalError("the revised questionnaire does not load: \(error)") }
    }()

    func answers(_ store: HouseholdStore, _ question: String) throws -> [String] {
        try store.pool.read { db in try String.fetchAll(db, sql: "SELECT value FROM answer WHERE question = ? ORDER BY value", arguments: [question]) }
    }

    func versions(_ store: HouseholdStore) throws -> [String: Int] {
        try store.pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT questionnaireVersion, COUNT(*) FROM household GROUP BY 1").map { ($0[0], $0[1]) })
        }
    }

    @Test func everySampleHouseholdMigratesWithAnAuditLinePerChangedAnswer() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let total = try SampleStore.load(into: store)
        let wubao = try answers(store, "wubao_income"), radio = try answers(store, "radio_tv").count
        let areas = try answers(store, "floor_area").compactMap(Double.init)
        var changes = 0
        for h in try store.householdsOfOtherVersions(than: Self.revised) {
            let plan = try #require(try store.migrationPlan(UUID(uuidString: h.id)!, into: Self.revised))
            #expect(plan.isPossible, "household \(h.householdNo): \(plan.problems.map { $0.text(.en) })")
            changes += try #require(try store.migrate(UUID(uuidString: h.id)!, into: Self.revised, who: "县级管理员")).changes.count
        }
        print("sample village: \(total) households migrated 2026.1 → 2027.1, \(changes) answers changed")
        #expect(try versions(store) == ["2027.1": total])
        #expect(try answers(store, "wubao_income").isEmpty && answers(store, "radio_tv").isEmpty && answers(store, "grain_for_green_mu").isEmpty)
        #expect(try answers(store, "tekun_income") == wubao && wubao.count == 7)
        #expect(try answers(store, "floor_area").compactMap(Double.init).sorted() == areas.map { $0.rounded() }.sorted())
        let audited = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE kind = 'migrated'") ?? 0 }
        #expect(audited == changes && changes >= 7 + radio + 126)
        // A household opened after its migration reads every answer under the new names.
        let first = try #require(try store.households(limit: 1).first)
        let iv = try store.interview(UUID(uuidString: first.id)!, questionnaire: Self.revised)
        #expect(iv.value(of: Self.revised.questionIndex(of: "returned_farmland_mu")!, row: nil) != nil)
        #expect(try store.migrationPlan(UUID(uuidString: first.id)!, into: Self.revised) == nil)
    }

    @Test func aHouseholdWhoseSplitCannotBeDecidedIsRefusedAndLeftAsItWas() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        try SampleStore.load(into: store)
        // A disabled member whose certificate was never asked about: 残疾 is split by it.
        let (hid, row) = try store.pool.write { db -> (String, String) in
            let r = try Row.fetchOne(db, sql: "SELECT householdID, rowID FROM answer WHERE question = 'health' AND value = '4' ORDER BY householdID LIMIT 1")!
            try db.execute(sql: "DELETE FROM answer WHERE householdID = ? AND rowID = ? AND question = 'disability_cert'", arguments: [r[0], r[1]])
            return (r[0], r[1])
        }
        let before = try SyncFixture.counts(store)
        let id = UUID(uuidString: hid)!
        let plan = try #require(try store.migrationPlan(id, into: Self.revised))
        #expect(plan.problems.map(\.reason) == [.splitUndecided(code: 4, conditions: ["disability_cert", "not disability_cert"])])
        #expect(plan.problems.first?.answer.row == UUID(uuidString: row))
        #expect(throws: StoreError.self) { try store.migrate(id, into: Self.revised, who: "县级管理员") }
        do { try store.migrate(id, into: Self.revised, who: "县级管理员") } catch {
            #expect(error.message(.zh).contains("不能从问卷版本 2026.1 迁移到 2027.1，什么也没有改动"))
            #expect(error.message(.en).contains("'health': code 4 was split, and none of its conditions holds"))
        }
        #expect(try SyncFixture.counts(store) == before)
        #expect(try store.pool.read { db in try String.fetchOne(db, sql: "SELECT questionnaireVersion FROM household WHERE id = ?", arguments: [hid]) } == "2026.1")
    }

    @Test func aBundleOfTheOldVersionMigratesOnImportAndSoDoTheChangesThatFollowIt() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), county = try f.store("county")
        try f.trust(county, laptop)
        var iv = try Fixture.household(laptop, no: "0001", head: "王建军")
        // 五保 income is asked when a member is supported under 五保.
        let head = try #require(iv.rowIDs(of: iv.questionnaire.roster("members")!.index).first)
        try laptop.commit(try iv.answer("assistance_status", row: head, .code(3)), of: iv, who: "李文华")
        try laptop.commit(try iv.answer("wubao_income", .number(1800)), of: iv, who: "李文华")
        try laptop.commit(try iv.answer("radio_tv", .bool(true)), of: iv, who: "李文华")
        try laptop.commit(try iv.answer("floor_area", .number(64.4)), of: iv, who: "李文华")
        let first = try laptop.exportBundles(to: "\(f.folder)/out", enumerator: "李文华", questionnaire: Project.questionnaire)[0]
        guard case .applied = try county.importBundle(try f.bytes(first), fileName: "1.zip", questionnaire: Self.revised) else {
            Issue.record("the old version's bundle was not applied"); return
        }
        let hid = iv.householdID
        #expect(try SyncFixture.answer(county, hid, "tekun_income") == "1800" && SyncFixture.answer(county, hid, "wubao_income") == nil)
        #expect(try SyncFixture.answer(county, hid, "radio_tv") == nil && SyncFixture.answer(county, hid, "floor_area") == "64")
        #expect(try versions(county) == ["2027.1": 1])
        // The history of the renamed field shows the answer under its old name, then the migration.
        let history = try county.history(hid, row: nil, question: "tekun_income", questionnaire: Self.revised)
        #expect(history.map(\.kind) == [.answer, .migrated])
        #expect(history.last?.reason == "2026.1→2027.1: wubao_income→tekun_income")
        // The laptop, still on the old form, changes the old question again: it lands under the new name.
        try laptop.commit(try iv.answer("wubao_income", .number(2000)), of: iv, who: "李文华")
        let second = try laptop.exportBundles(to: "\(f.folder)/out", enumerator: "李文华", questionnaire: Project.questionnaire)[0]
        guard case .applied = try county.importBundle(try f.bytes(second), fileName: "2.zip", questionnaire: Self.revised) else {
            Issue.record("the old version's second bundle was not applied"); return
        }
        #expect(try SyncFixture.answer(county, hid, "tekun_income") == "2000" && SyncFixture.answer(county, hid, "wubao_income") == nil)
        // A store still on the old form cannot read the new version's answers, and says so, changing nothing.
        let old = try f.store("old")
        try f.trust(old, county)
        var civ = try county.interview(hid, questionnaire: Self.revised)
        try county.commit(try civ.answer("tekun_income", .number(2100)), of: civ, who: "县级管理员")
        let fromCounty = try county.exportBundles(to: "\(f.folder)/county", enumerator: "县级管理员", questionnaire: Self.revised)[0]
        let before = try SyncFixture.counts(old)
        guard case .rejected(let why) = try old.importBundle(try f.bytes(fromCounty), fileName: "c.zip", questionnaire: Project.questionnaire) else {
            Issue.record("a newer version's bundle was applied"); return
        }
        #expect(why == .questionnaireVersion(theirs: "2027.1", ours: "2026.1", migratesFrom: nil))
        #expect(why.message(.zh).contains("数据包的答案来自问卷版本 2027.1，本库的问卷是版本 2026.1"))
        #expect(try SyncFixture.counts(old) == before)
    }

    @Test func aBundleWhoseHouseholdCannotMigrateIsRefusedWhole() throws {
        let f = SyncFixture()
        let laptop = try f.store("laptop"), county = try f.store("county")
        try f.trust(county, laptop)
        var iv = try Fixture.household(laptop, no: "0001", head: "王建军")
        let row = try #require(iv.rowIDs(of: iv.questionnaire.roster("members")!.index).first)
        try laptop.commit(try iv.answer("health", row: row, .code(4)), of: iv, who: "李文华")
        let bundle = try laptop.exportBundles(to: "\(f.folder)/out", enumerator: "李文华", questionnaire: Project.questionnaire)[0]
        let before = try SyncFixture.counts(county)
        guard case .rejected(let why) = try county.importBundle(try f.bytes(bundle), fileName: "1.zip", questionnaire: Self.revised) else {
            Issue.record("a bundle that cannot migrate was applied"); return
        }
        guard case .cannotMigrate("0001", "2026.1", "2027.1", let problems) = why else { Issue.record("\(why)"); return }
        #expect(problems.map(\.reason) == [.splitUndecided(code: 4, conditions: ["disability_cert", "not disability_cert"])])
        #expect(why.message(.en).contains("Household 0001 cannot migrate from questionnaire version 2026.1 to 2027.1"))
        #expect(try SyncFixture.counts(county) == before)
    }

    @Test func aJSONFileOfTheOldVersionMigratesAsItIsImported() throws {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let total = try store.importJSON(try Data(contentsOf: Project.sampleVillage), questionnaire: Self.revised)
        #expect(try versions(store) == ["2027.1": total])
        #expect(try answers(store, "tekun_income").count == 7 && answers(store, "wubao_income").isEmpty)
        // A file of a version nothing migrates from is refused whole.
        let other = String(decoding: try Data(contentsOf: Project.sampleVillage), as: UTF8.self).replacingOccurrences(of: "\"2026.1\"", with: "\"2025.9\"")
        let empty = try HouseholdStore(path: Fixture.tempPath(), create: true)
        #expect(throws: ImportError.self) { try empty.importJSON(Data(other.utf8), questionnaire: Self.revised) }
        do { _ = try empty.importJSON(Data(other.utf8), questionnaire: Self.revised) } catch let e as ImportError {
            #expect(e.problem == .questionnaireVersion(theirs: "2025.9", ours: "2027.1", migratesFrom: "2026.1"))
        }
        #expect(try empty.householdCount() == 0)
    }
}
