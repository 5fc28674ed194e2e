import Foundation
import ProjectFolders
import Testing

/// `hufang screens migrate` through the real binary, on the sample village.
@Suite struct MigrateCommandTests {
    @Test func checkReportsEverySampleHouseholdAndChangesNothingThenTheMigrationDoesIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-migrate-\(UUID().uuidString)")
        let revised = dir.appendingPathComponent("screens-2027.1")
        try RevisedQuestionnaire.write(to: revised)
        let db = dir.appendingPathComponent("village.sqlite").path
        #expect(try HufangBinary.run(["init", "--db", db, "--sample"]).status == 0)
        let before = try HufangBinary.run(["export", "json", "--db", db]).out

        let check = try HufangBinary.run(["screens", "migrate", "--check", HufangBinary.screens, revised.path, "--db", db])
        #expect(check.status == 0, "\(check.err)")
        #expect(check.out.hasPrefix("问卷迁移：版本 2026.1 → 2027.1（只检查，不改动）"), "\(check.out.prefix(200))")
        #expect(check.out.contains("128 户可以迁移，0 户不能迁移，0 户已是版本 2027.1"), "\(check.out.suffix(300))")
        #expect(check.out.contains("wubao_income→tekun_income"))
        #expect(check.out.contains("    floor_area  143.6 平方米 → 144 平方米  (round(., 0))"), "\(check.out.prefix(400))")
        #expect(check.out.contains("    radio_tv  是 → —  (−radio_tv)"))
        #expect(try HufangBinary.run(["export", "json", "--db", db]).out == before)

        let done = try HufangBinary.run(["screens", "migrate", HufangBinary.screens, revised.path, "--db", db, "--who", "县级管理员", "--lang", "en"])
        #expect(done.status == 0, "\(done.err)")
        #expect(done.out.contains("128 households migrated, 0 cannot migrate (left unchanged), 0 are of version 2027.1 already"), "\(done.out.suffix(300))")
        let again = try HufangBinary.run(["screens", "migrate", "--check", HufangBinary.screens, revised.path, "--db", db, "--lang", "en"])
        #expect(again.out.contains("0 households can migrate, 0 cannot, 128 are of version 2027.1 already"), "\(again.out)")
        let after = try HufangBinary.run(["export", "json", "--db", db]).out
        #expect(after.contains("\"questionnaireVersion\" : \"2027.1\"") && !after.contains("\"question\" : \"wubao_income\""))
    }

    @Test func aFolderWithoutAMigrationOrFromAnotherVersionIsRefusedWithWhy() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-migrate-\(UUID().uuidString)")
        let revised = dir.appendingPathComponent("screens-2027.1")
        try RevisedQuestionnaire.write(to: revised)
        let db = dir.appendingPathComponent("village.sqlite").path
        #expect(try HufangBinary.run(["init", "--db", db]).status == 0)
        let none = try HufangBinary.run(["screens", "migrate", "--check", HufangBinary.screens, HufangBinary.screens, "--db", db])
        #expect(none.status == 1 && none.err.contains("没有 migration.yaml"), "\(none.err)")
        let wrong = try HufangBinary.run(["screens", "migrate", "--check", revised.path, revised.path, "--db", db, "--lang", "en"])
        #expect(wrong.status == 1 && wrong.err.contains("the old questionnaire is version 2027.1; the new one's migration.yaml migrates from version 2026.1"), "\(wrong.err)")
    }
}
