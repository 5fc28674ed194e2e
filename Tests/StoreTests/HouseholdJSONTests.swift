import Foundation
import GRDB
import Testing
import Survey
@testable import Store

@Suite struct HouseholdJSONTests {
    func filledStore() throws -> (HouseholdStore, [Interview]) {
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        var a = try Fixture.household(store, no: "0001", head: "王建军")
        var b = try Fixture.household(store, no: "0002", head: "李秀英")
        let (row, added) = try b.addRow("members")
        try store.commit(added, of: b, who: "李文华")
        try store.commit(try b.answer("name", row: row, .text("李小龙")), of: b, who: "李文华")
        try store.commit(try b.removeRow("members", row: row, reason: "嫁出"), of: b, who: "李文华")
        try store.commit(try b.answer("floor_area", .number(5.5)), of: b, who: "李文华")
        let soft = b.problems.first { b.questionnaire.checks[$0.check].severity == .warning }!
        try store.commit(try b.override(soft.key, reason: "独居老人"), of: b, who: "李文华")
        try store.commit(try a.answer("other_causes", .codes([3, 1])), of: a, who: "李文华")
        try store.setStatus(a.householdID, to: .complete, who: "李文华")
        return (store, [a, b])
    }

    @Test func roundTripIsLossless() throws {
        let (store, originals) = try filledStore()
        let first = try store.exportJSON()
        #expect(first.households.count == 2)
        let data = HouseholdStore.encode(first)
        let fresh = try HouseholdStore(path: Fixture.tempPath(), create: true)
        #expect(try fresh.importJSON(data, questionnaire: Fixture.questionnaire) == 2)
        let second = try fresh.exportJSON()
        #expect(second == first)
        #expect(HouseholdStore.encode(second) == data)
        // And the interview rebuilt from the copy is the same interview.
        for iv in originals {
            let copy = try fresh.interview(iv.householdID, questionnaire: Fixture.questionnaire)
            #expect(copy.answers == iv.answers)
            #expect(copy.problems == iv.problems)
            #expect(copy.removedRows == iv.removedRows)
        }
    }

    @Test func theFileWritesNoRowAsAnEmptyTextAndRowsAsLowerCaseIDs() throws {
        let (store, originals) = try filledStore()
        let json = try JSONSerialization.jsonObject(with: HouseholdStore.encode(try store.exportJSON())) as! [String: Any]
        let households = json["households"] as! [[String: Any]]
        let answers = households.flatMap { $0["answers"] as! [[String: Any]] }
        let byQuestion = Dictionary(grouping: answers) { $0["question"] as! String }
        // The records hold a RowID?, the interchange keeps the store's text: "" for none, never null.
        #expect(byQuestion["household_no"]?.allSatisfy { $0["rowID"] as? String == "" } == true)
        let head = originals[0].rows("members")[0]
        #expect(byQuestion["name"]?.contains { $0["rowID"] as? String == head.uuidString.lowercased() } == true)
        #expect(households[0]["household"].flatMap { ($0 as? [String: Any])?["status"] as? String } == "complete")
    }

    /// Breaks an exported file with `mutate` (which returns the path it broke) and checks the import
    /// names that path and changes nothing.
    func refuse(_ contains: String? = nil, _ mutate: (inout [String: Any]) -> String) throws {
        let (store, _) = try filledStore()
        var json = try JSONSerialization.jsonObject(with: HouseholdStore.encode(try store.exportJSON())) as! [String: Any]
        let expectPath = mutate(&json)
        let data = try JSONSerialization.data(withJSONObject: json)
        let target = try HouseholdStore(path: Fixture.tempPath(), create: true)
        let before = try target.pool.read { try Int.fetchOne($0, sql: "SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM answer) + (SELECT count(*) FROM audit)") }
        do {
            _ = try target.importJSON(data, questionnaire: Fixture.questionnaire)
            Issue.record("imported a bad file")
        } catch let e as ImportError {
            #expect(e.path == expectPath, "\(e)")
            if let contains { #expect(e.problem.text(.zh).contains(contains), "\(e)") }
            #expect(e.message(.zh).contains("未做任何修改"))
        }
        let after = try target.pool.read { try Int.fetchOne($0, sql: "SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM answer) + (SELECT count(*) FROM audit)") }
        #expect(before == after)
    }

    static func households(_ j: inout [String: Any], _ f: (inout [[String: Any]]) -> Void) {
        var hs = j["households"] as! [[String: Any]]
        f(&hs)
        j["households"] = hs
    }

    /// Changes one answer of a household; returns `households[h].answers[i].field`.
    static func answer(_ j: inout [String: Any], household: Int, where match: ([String: Any]) -> Bool, field: String,
                       _ f: (inout [String: Any]) -> Void) -> String {
        var path = ""
        households(&j) { hs in
            var a = hs[household]["answers"] as! [[String: Any]]
            let i = a.firstIndex(where: match)!
            f(&a[i])
            hs[household]["answers"] = a
            path = "households[\(household)].answers[\(i)].\(field)"
        }
        return path
    }

    static func question(_ id: String) -> ([String: Any]) -> Bool { { $0["question"] as? String == id } }

    @Test func aValueThatIsNotItsTypeNamesTheRecordAndField() throws {
        try refuse("十二") { Self.answer(&$0, household: 1, where: Self.question("floor_area"), field: "value") { $0["value"] = "十二" } }
    }

    @Test func anUnknownQuestion() throws {
        try refuse("no_such_question") { Self.answer(&$0, household: 0, where: Self.question("household_no"), field: "question") { $0["question"] = "no_such_question" } }
    }

    @Test func aMissingField() throws {
        try refuse("缺少") { Self.answer(&$0, household: 0, where: Self.question("village_code"), field: "who") { $0.removeValue(forKey: "who") } }
    }

    @Test func anAnswerForARowOfAnotherHousehold() throws {
        try refuse("没有这一行") {
            Self.answer(&$0, household: 0, where: Self.question("name"), field: "rowID") { $0["rowID"] = UUID().uuidString.lowercased() }
        }
    }

    @Test func theWrongTypeForAQuestion() throws {
        try refuse("应为 number") { Self.answer(&$0, household: 1, where: Self.question("floor_area"), field: "type") { $0["type"] = "text" } }
    }

    @Test func notAHouseholdFileAtAll() throws {
        try refuse("hufang-households") { $0["format"] = "something-else"; return "format" }
        let target = try HouseholdStore(path: Fixture.tempPath(), create: true)
        #expect(throws: ImportError.self) { try target.importJSON(Data("{\"households\": [".utf8), questionnaire: nil) }
        #expect(throws: ImportError.self) { try target.importJSON(Data(), questionnaire: nil) }
    }

    @Test func aHouseholdAlreadyInTheStoreChangesNothing() throws {
        let (store, _) = try filledStore()
        let data = HouseholdStore.encode(try store.exportJSON())
        #expect(throws: ImportError.self) { try store.importJSON(data, questionnaire: Fixture.questionnaire) }
        #expect(try store.householdCount() == 2)
    }
}
