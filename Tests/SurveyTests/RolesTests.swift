import Foundation
import Testing
@testable import Survey

/// The roles of questionnaire.yaml: which question is the head's relation, the village code, the
/// household number… Each is checked at load, and a broken one is reported where the role is written.
@Suite struct RolesTests {
    /// A copy of the shipped screens/ in a temporary folder.
    static func copyOfScreens() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-roles-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Shipped.directory, to: dir)
        return dir
    }

    static func edit(_ dir: URL, _ file: String, _ change: (String) -> String) throws {
        let url = dir.appendingPathComponent(file)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Replaces one line of the roles in questionnaire.yaml and returns the place of `at` in the new line.
    static func setRole(_ dir: URL, _ old: String, _ new: String, at needle: String) throws -> Survey.SourceLocation {
        var place: Survey.SourceLocation?
        try edit(dir, "questionnaire.yaml") { text in
            var lines = text.components(separatedBy: "\n")
            guard let i = lines.firstIndex(of: old) else { return text }
            lines[i] = new
            if let r = new.range(of: needle, options: .backwards) {
                place = Survey.SourceLocation(file: "questionnaire.yaml", line: i + 1, column: new.unicodeScalars.distance(
                    from: new.unicodeScalars.startIndex, to: r.lowerBound.samePosition(in: new.unicodeScalars)!) + 1)
            }
            return lines.joined(separator: "\n")
        }
        return try #require(place, "no line '\(old)' in questionnaire.yaml")
    }

    /// The problems loading a folder reports (none when it loads).
    static func problems(_ dir: URL) -> [DefinitionProblem] {
        do { _ = try DefinitionLoader.load(directory: dir); return [] } catch { return error.problems }
    }

    @Test func theShippedRolesNameTheHeadsRelationAndTheHouseholdsNumbers() throws {
        let q = Shipped.questionnaire
        let relation = try #require(q.questionIndex(of: "relation"))
        #expect(q.roles.head == Roles.Head(relation: relation, code: 1, roster: try #require(q.roster("members")).index))
        #expect(q.roles.villageCode.map { q.questions[$0].id } == "village_code")
        #expect(q.roles.householdNo.map { q.questions[$0].id } == "household_no")
        #expect(q.roles.groupName.map { q.questions[$0].id } == "group_name")
        #expect(q.roles.householdType.map { q.questions[$0].id } == "household_type")
        #expect(q.roles.mainCause.map { q.questions[$0].id } == "main_cause")
        #expect(q.roles.interviewDate.map { q.questions[$0].id } == "interview_date")
        #expect(q.roles.memberName.map { q.questions[$0].id } == "name")
        #expect(q.roles.memberIDNumber.map { q.questions[$0].id } == "id_number")
    }

    @Test func anInterviewFindsItsHeadByTheRole() throws {
        let q = Shipped.questionnaire
        var iv = Interview(questionnaire: q, today: surveyDay)
        let (child, _) = try iv.addRow("members")
        let (head, _) = try iv.addRow("members")
        _ = try iv.answer("relation", row: child, .code(3))
        #expect(iv.headRow == nil)
        _ = try iv.answer("relation", row: head, .code(1))
        _ = try iv.answer("name", row: head, .text("王建军"))
        _ = try iv.answer("household_no", .text("0007"))
        #expect(iv.headRow == head)
        #expect(iv.value(of: \.memberName, row: head) == .text("王建军"))
        #expect(iv.value(of: \.householdNo) == .text("0007"))
    }

    @Test func renamingTheHeadsRelationQuestionFailsValidationAtTheRole() throws {
        let dir = try Self.copyOfScreens()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The question and every expression naming it; the code list keeps its name.
        let sections = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.range(of: #"^[A-Z]\d?-.*\.yaml$"#, options: .regularExpression) != nil }
        #expect(sections.count >= 10)
        for file in sections {
            try Self.edit(dir, file) { $0.replacingOccurrences(of: #"(?<!codes: )\brelation\b"#, with: "kinship", options: .regularExpression) }
        }
        let role = "  head: {relation: relation, code: 1}"
        let place = try Self.setRole(dir, role, role, at: "relation")
        let problems = Self.problems(dir)
        #expect(problems.map(\.location) == [place], "\(problems)")
        #expect(problems.first?.message(.en) == "role 'head.relation' names no question 'relation'")

        // Renaming the role too is all it takes: the rest of the rename was complete.
        _ = try Self.setRole(dir, role, "  head: {relation: kinship, code: 1}", at: "kinship")
        let q = try DefinitionLoader.load(directory: dir)
        #expect(q.roles.head?.relation == q.questionIndex(of: "kinship"))
    }

    @Test func aRoleNamingAMissingQuestionIsReportedAtTheRole() throws {
        let dir = try Self.copyOfScreens()
        defer { try? FileManager.default.removeItem(at: dir) }
        let place = try Self.setRole(dir, "  village_code: village_code", "  village_code: village", at: "village")
        let problems = Self.problems(dir)
        #expect(problems.map(\.location) == [place])
        #expect(problems.first?.message(.en) == "role 'village_code' names no question 'village'")
    }

    @Test func aRoleNamingAQuestionOfTheWrongTypeIsReportedAtTheRole() throws {
        let dir = try Self.copyOfScreens()
        defer { try? FileManager.default.removeItem(at: dir) }
        let place = try Self.setRole(dir, "  household_no: household_no", "  household_no: interview_date", at: "interview_date")
        let problems = Self.problems(dir)
        #expect(problems.map(\.location) == [place])
        #expect(problems.first?.message(.en) == "role 'household_no' needs a text question, but 'interview_date' is date")
    }

    @Test func aHeadCodeNotInTheRelationListIsReportedAtTheCode() throws {
        let dir = try Self.copyOfScreens()
        defer { try? FileManager.default.removeItem(at: dir) }
        let place = try Self.setRole(dir, "  head: {relation: relation, code: 1}", "  head: {relation: relation, code: 99}", at: "99")
        let problems = Self.problems(dir)
        #expect(problems.map(\.location) == [place])
        #expect(problems.first?.message(.en) == "role 'head': code 99 is not in list 'relation' of 'relation'")
    }

    @Test func aRoleAskedAtTheWrongLevelIsReportedAtTheRole() throws {
        let dir = try Self.copyOfScreens()
        defer { try? FileManager.default.removeItem(at: dir) }
        let member = try Self.setRole(dir, "  member_name: name", "  member_name: group_name", at: "group_name")
        let household = try Self.setRole(dir, "  group_name: group_name", "  group_name: name", at: "name")
        let problems = Self.problems(dir)
        #expect(Set(problems.map(\.location)) == [member, household], "\(problems)")
        #expect(problems.contains { $0.message(.en) == "role 'member_name' must be a question of a roster of people, but 'group_name' is asked once per household" })
        #expect(problems.contains { $0.message(.en) == "role 'group_name' must be a household question, but 'name' is asked per row of 'members'" })
    }

    @Test func anUnknownRoleIsReportedAtItsKey() throws {
        let dir = try Self.copyOfScreens()
        defer { try? FileManager.default.removeItem(at: dir) }
        let place = try Self.setRole(dir, "  main_cause: main_cause", "  poverty_cause: main_cause", at: "poverty_cause")
        let problems = Self.problems(dir)
        #expect(problems.map(\.location) == [place])
        #expect(problems.first?.message(.en).hasPrefix("unknown key 'poverty_cause' in the roles") == true)
    }

    @Test func aFormWithoutRolesLoadsWithNone() throws {
        let q = try DefinitionLoader.load(directory: try #require(BrokenDefinitionTests.minimal))
        #expect(q.roles.head == nil && q.roles.villageCode == nil && q.roles.memberName == nil)
    }
}
