import Foundation
import GRDB
import Testing
import Survey
import TestSupport
@testable import Store

/// JSON files built to slip something past the import: each is refused with its place, and the store it
/// was meant for — which already holds a household of its own — is exactly as before.
@Suite struct HostileJSONTests {
    let source: HouseholdStore
    let target: HouseholdStore
    /// The household the target already holds.
    let resident: String

    init() throws {
        source = try HouseholdJSONTests().filledStore().0
        target = try HouseholdStore(path: Fixture.tempPath(), create: true)
        resident = try Fixture.household(target, no: "0100", head: "周建国").householdID.uuidString.lowercased()
        let id = try #require(UUID(uuidString: resident))
        _ = try target.addComment(id, row: nil, question: "", text: "请核实", who: "张主任")
    }

    /// The source's export, changed by `mutate`.
    func file(_ mutate: (inout [[String: Any]]) -> Void) throws -> Data {
        var json = try JSONSerialization.jsonObject(with: HouseholdStore.encode(try source.exportJSON())) as! [String: Any]
        var households = json["households"] as! [[String: Any]]
        mutate(&households)
        json["households"] = households
        return try JSONSerialization.data(withJSONObject: json)
    }

    func refused(_ data: Data, at path: String, _ contains: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let before = try StoreDump.of(target)
        do {
            _ = try target.importJSON(data, questionnaire: Fixture.questionnaire)
            Issue.record("imported a hostile file", sourceLocation: sourceLocation)
        } catch let e as ImportError {
            #expect(e.path == path, "\(e)", sourceLocation: sourceLocation)
            #expect(e.problem.text(.zh).contains(contains), "\(e)", sourceLocation: sourceLocation)
        }
        #expect(try StoreDump.of(target) == before, "the store changed", sourceLocation: sourceLocation)
    }

    static func set(_ h: inout [[String: Any]], _ i: Int, _ list: String, _ j: Int, _ field: String, _ value: Any) {
        var items = h[i][list] as! [[String: Any]]
        items[j][field] = value
        h[i][list] = items
    }

    static func index(_ h: [[String: Any]], _ i: Int, question: String) -> Int {
        (h[i]["answers"] as! [[String: Any]]).firstIndex { $0["question"] as? String == question }!
    }

    @Test func aCommentNamingAHouseholdOutsideTheFileIsRefused() throws {
        let comment: [String: Any] = ["id": UUID().uuidString.lowercased(), "householdID": resident, "rowID": "", "question": "",
                                      "text": "伪造的意见", "who": "某人", "at": "2020-11-20T08:00:00.000Z", "resolved": false]
        try refused(try file { $0[0]["comments"] = [comment] }, at: "households[0].comments[0].householdID", "与所属户不符")
    }

    @Test func aReviewNamingAHouseholdOutsideTheFileIsRefused() throws {
        let review: [String: Any] = ["householdID": resident, "state": "approved", "who": "某人", "at": "2020-11-20T08:00:00.000Z"]
        try refused(try file { $0[0]["review"] = review }, at: "households[0].review.householdID", "与所属户不符")
    }

    @Test func aStatusOutsideTheVocabularyIsRefused() throws {
        try refused(try file { h in
            var household = h[0]["household"] as! [String: Any]
            household["status"] = "hacked"
            h[0]["household"] = household
        }, at: "households[0].household.status", "hacked")
    }

    @Test func numbersNotInPlainDecimalAreRefused() throws {
        for text in ["0x10", "+5", "-0", "1e2", "十二"] {
            var path = ""
            let data = try file { h in
                let j = Self.index(h, 1, question: "floor_area")
                Self.set(&h, 1, "answers", j, "value", text)
                path = "households[1].answers[\(j)].value"
            }
            try refused(data, at: path, text)
        }
    }

    @Test func negativeCountsAreRefused() throws {
        try refused(try file { h in
            var household = h[1]["household"] as! [String: Any]
            household["answered"] = -3
            h[1]["household"] = household
        }, at: "households[1].household.answered", "-3")
    }

    @Test func aDuplicateRecordIsNamedNotReportedAsABrokenStore() throws {
        try refused(try file { h in
            var answers = h[0]["answers"] as! [[String: Any]]
            answers.append(answers[0])
            h[0]["answers"] = answers
        }, at: "households[0].answers[\(try source.exportJSON().households[0].answers.count)]", "出现两次")
        // An audit line whose id the store already holds for another household.
        let taken = try #require(try target.pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM audit LIMIT 1") })
        try refused(try file { Self.set(&$0, 0, "audit", 0, "id", taken) }, at: "households[0].audit[0]", "已有同一编号")
    }

    @Test func invalidUTF8IsRefusedWithItsLineAndColumn() throws {
        var data = Data("{\n  \"format\": \"hufang-households\",\n  \"x\": \"ab".utf8)
        data.append(0xFF)
        data.append(contentsOf: Data("\"\n}".utf8))
        try refused(data, at: "(file)", "第 3 行第 11 列")
    }

    @Test func aNameLongerThanTheQuestionAllowsIsRefused() throws {
        var path = ""
        let data = try file { h in
            let j = Self.index(h, 0, question: "name")
            Self.set(&h, 0, "answers", j, "value", String(repeating: "王", count: 10_000))
            path = "households[0].answers[\(j)].value"
        }
        try refused(data, at: path, "太长")
    }
}
