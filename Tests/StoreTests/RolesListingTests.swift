import Foundation
import Testing
import Survey
import ProjectFolders
@testable import Store

/// The listing and the search follow the questionnaire's roles, not question ids: a form that calls its
/// household number and members' names something else lists and finds households the same.
@Suite struct RolesListingTests {
    /// screens/ with the household number and the member's name renamed, their roles with them.
    static func renamedScreens() throws -> Questionnaire {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-roles-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Project.screens, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        func edit(_ file: String, _ pairs: [(String, String)]) throws {
            let url = dir.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            for (a, b) in pairs { text = text.replacingOccurrences(of: a, with: b) }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try edit("A-household.yaml", [("id: household_no", "id: hu_hao")])
        try edit("B-members.yaml", [("id: name\n", "id: xing_ming\n")])
        try edit("standards.yaml", [("{name}", "{xing_ming}")])
        try edit("questionnaire.yaml", [("household_no: household_no", "household_no: hu_hao"), ("member_name: name", "member_name: xing_ming"),
                                        ("row_label: name", "row_label: xing_ming")])
        return try DefinitionLoader.load(directory: dir)
    }

    @Test func theListingAndTheSearchAskTheRoles() throws {
        let q = try Self.renamedScreens()
        #expect(q.question("household_no") == nil && q.question("name") == nil)
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        var iv = Interview(questionnaire: q, today: Fixture.day)
        try store.create(iv, enumerator: "李文华", who: "李文华")
        try store.commit(try iv.answer("hu_hao", .text("0009")), of: iv, who: "李文华")
        let (row, added) = try iv.addRow("members")
        try store.commit(added, of: iv, who: "李文华")
        try store.commit(try iv.answer("xing_ming", row: row, .text("王建军")), of: iv, who: "李文华")
        try store.commit(try iv.answer("relation", row: row, .code(1)), of: iv, who: "李文华")
        let listed = try #require(try store.households().first)
        #expect(listed.householdNo == "0009" && listed.headName == "王建军")
        #expect(try store.search("王建", questionnaire: q).map(\.householdNo) == ["0009"])
        #expect(try store.reviewList(ReviewQuery(search: "王"), questionnaire: q).rows.map(\.household.householdNo) == ["0009"])
        // With the shipped questionnaire's roles the same answers are not a name: the search looks where the roles say.
        #expect(try store.search("王建", questionnaire: Fixture.questionnaire).isEmpty)
    }
}
