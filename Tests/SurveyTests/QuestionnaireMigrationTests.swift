import Foundation
import ProjectFolders
import Testing
@testable import Survey

/// `migration.yaml`: how answers of the previous form version become answers of the next, checked when the
/// folder loads, compared against the old folder, and planned per household.
@Suite struct QuestionnaireMigrationTests {
    func revisedFolder(migration: String? = nil) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-revised-\(UUID().uuidString)")
        try RevisedQuestionnaire.write(to: dir)
        if let migration { try migration.write(to: dir.appendingPathComponent("migration.yaml"), atomically: true, encoding: .utf8) }
        return dir
    }

    func problems(_ migration: String) throws -> [DefinitionProblem] {
        let dir = try revisedFolder(migration: migration)
        defer { try? FileManager.default.removeItem(at: dir) }
        do { _ = try DefinitionLoader.load(directory: dir); return [] } catch { return error.problems }
    }

    @Test func theRevisedFormLoadsWithEveryStepOfItsMigration() throws {
        let dir = try revisedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let q = try DefinitionLoader.load(directory: dir)
        #expect(q.version == "2027.1")
        let m = try #require(q.migration)
        #expect(m.from == "2026.1" && m.steps.count == 5)
        #expect(q.question("tekun_income") != nil && q.question("wubao_income") == nil && q.question("radio_tv") == nil)
        #expect(m.formerNames(of: "tekun_income") == ["wubao_income"])
        // The previous version's shape of its answers, as a bundle of it is checked.
        #expect(m.previous("wubao_income", in: q) == .kept(question: q.question("tekun_income")!.index, type: .decimal, codes: nil))
        #expect(m.previous("tekun_income", in: q) == nil)
        #expect(m.previous("radio_tv", in: q) == .removed)
        #expect(m.previous("floor_area", in: q) == .kept(question: q.question("floor_area")!.index, type: .decimal, codes: nil))
        #expect(m.previous("health", in: q) == .kept(question: q.question("health")!.index, type: .code, codes: [1, 2, 3, 4]))
        #expect(MigrationGap.between(Project.questionnaire, q) == [])
    }

    @Test func comparingTheFoldersFindsWhatAnIncompleteMigrationLeavesOut() throws {
        let dir = try revisedFolder(migration: """
            from: "2026.1"
            steps:
              - rename: {from: wubao_income, to: tekun_income}
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gaps = MigrationGap.between(Project.questionnaire, try DefinitionLoader.load(directory: dir))
        #expect(gaps == [.questionGone("grain_for_green_mu"), .typeChanged(question: "floor_area", from: .decimal, to: .integer), .questionGone("radio_tv")])
        #expect(gaps[0].text(.zh).contains("答过它的户不能迁移"))
        #expect(gaps[1].text(.en) == "question 'floor_area' changed type from a number to a whole number with no retype step")
        let wrongOld = MigrationGap.between(try DefinitionLoader.load(directory: dir), try DefinitionLoader.load(directory: dir))
        #expect(wrongOld == [.otherVersion(folder: "2027.1", migration: "2026.1")])
    }

    @Test func aMalformedMigrationIsRefusedWithEveryProblemAtItsLine() throws {
        let found = try problems("""
            from: "2027.1"
            steps:
              - rename: {from: phone, to: tekun_income}
              - rename: {from: wubao_income, to: no_such_question}
              - remove: radio_tv
              - retype: {question: floor_area, from: decimal, convert: "round(. +"}
              - recode:
                  codes: health
                  map:
                    - {from: 4, to: 9}
              - remove: x
                rename: {from: a, to: b}
            """)
        let lines = found.filter { $0.location.file == "migration.yaml" }.map { ($0.location.line, $0.message(.en)) }
        #expect(lines.count == 6, "\(lines)")
        #expect(lines.contains { $0.0 == 1 && $0.1.contains("this very version 2027.1") })
        #expect(lines.contains { $0.0 == 3 && $0.1.contains("'phone' is still a question of this version") })
        #expect(lines.contains { $0.0 == 4 && $0.1.contains("no question 'no_such_question'") })
        #expect(lines.contains { $0.0 == 6 && $0.1.contains("round(. +") })
        #expect(lines.contains { $0.0 == 10 && $0.1.contains("code 9 is not in this version's list 'health'") })
        #expect(lines.contains { $0.0 == 11 && $0.1.contains("exactly one of") })
        #expect(found.first { $0.location.line == 3 }?.message(.zh).contains("仍然存在") == true)
    }

    @Test func aHouseholdsAnswersArePlannedStepByStepAndAnUndecidableSplitIsAReason() throws {
        let dir = try revisedFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let q = try DefinitionLoader.load(directory: dir)
        let certified = UUID(), uncertified = UUID(), unknown = UUID()
        typealias A = AnswerMigration.Answer
        let answers = [A(question: "wubao_income", row: nil, value: .number(1200)), A(question: "grain_for_green_mu", row: nil, value: .number(2.5)),
                       A(question: "radio_tv", row: nil, value: .bool(true)), A(question: "floor_area", row: nil, value: .number(85.6)),
                       A(question: "phone", row: nil, value: .text("13800000000")),
                       A(question: "health", row: certified, value: .code(4)), A(question: "disability_cert", row: certified, value: .bool(true)),
                       A(question: "health", row: uncertified, value: .code(4)), A(question: "disability_cert", row: uncertified, value: .bool(false)),
                       A(question: "health", row: unknown, value: .code(2))]
        let plan = AnswerMigration(answers: answers, into: q, householdID: UUID(), today: Day(year: 2027, month: 1, day: 5)!,
                                   rows: ["members": [certified, uncertified, unknown]])
        #expect(plan.isPossible && plan.from == "2026.1" && plan.to == "2027.1")
        let byQuestion = Dictionary(plan.changes.map { ("\($0.old.question)@\($0.old.row.map { "\($0)" } ?? "")", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byQuestion["wubao_income@"]?.newQuestion == "tekun_income" && byQuestion["wubao_income@"]?.newValue == .number(1200))
        #expect(byQuestion["grain_for_green_mu@"]?.newQuestion == "returned_farmland_mu")
        #expect(byQuestion["radio_tv@"]?.newQuestion == nil && byQuestion["radio_tv@"]?.newValue == nil)
        #expect(byQuestion["floor_area@"]?.newValue == .number(86) && byQuestion["floor_area@"]?.steps == ["round(., 0)"])
        #expect(byQuestion["health@\(uncertified)"]?.newValue == .code(5))
        #expect(byQuestion["health@\(uncertified)"]?.steps == ["4→5 (not disability_cert)"])
        // Unchanged answers are not changes: a certified member keeps 4, the phone and a chronic illness stay.
        #expect(plan.changes.count == 5)

        let undecided = AnswerMigration(answers: [A(question: "health", row: certified, value: .code(4))], into: q, householdID: UUID(),
                                        today: Day(year: 2027, month: 1, day: 5)!, rows: ["members": [certified]])
        #expect(!undecided.isPossible)
        #expect(undecided.problems.map(\.reason) == [.splitUndecided(code: 4, conditions: ["disability_cert", "not disability_cert"])])
        #expect(undecided.problems[0].text(.zh) == "“health”的代码 4 已拆分，但条件都不成立：disability_cert、not disability_cert")
        let stray = AnswerMigration(answers: [A(question: "no_longer_known", row: nil, value: .text("x"))], into: q, householdID: UUID(),
                                    today: Day(year: 2027, month: 1, day: 5)!, rows: [:])
        #expect(stray.problems.map(\.reason) == [.unknownQuestion(version: "2026.1")])
    }
}
