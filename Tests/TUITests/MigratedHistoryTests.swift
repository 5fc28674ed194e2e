import Foundation
import ProjectFolders
import Store
import Survey
import Testing
@testable import TUI

/// A supervisor on the next questionnaire version opens a household of the previous one: it migrates as it
/// opens, and a field's history shows the migration after the answer it came from.
@Suite struct MigratedHistoryTests {
    @Test func openingAnOlderHouseholdMigratesItAndTheHistoryShowsHow() throws {
        let revised = try RevisedQuestionnaire.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("hufang-revised-\(UUID().uuidString)"))
        let path = TUIFixture.freshSample()
        let store = try HouseholdStore(path: path)
        let app = ReviewRuntime(store: store, questionnaire: revised, lang: .zh, width: 80, height: 24, who: "乡镇审核员")
        app.start()
        app.press(.enter)
        let sheet = try #require(app.state.sheet)
        #expect(try store.migrationPlan(sheet.id, into: revised) == nil, "opened, so migrated")
        let audit = try store.auditTrail(sheet.id).filter { $0.kind == .migrated }
        #expect(audit.contains { $0.subject == "returned_farmland_mu" && $0.reason == "2026.1→2027.1: grain_for_green_mu→returned_farmland_mu" })
        let field = try #require(sheet.lines.firstIndex { $0.kind == .field(row: nil, question: "returned_farmland_mu") })
        while app.state.sheet!.selected < field { app.press(.down) }
        app.press(.enter)
        guard case .history(let panel)? = app.state.overlay else { Issue.record("no history"); return }
        #expect(panel.lines.count == 2, "\(panel.lines)")
        #expect(panel.lines.first?.who == "sample")
        let migrated = try #require(panel.lines.last)
        #expect(migrated.text.hasPrefix("问卷版本迁移：") && migrated.text.contains("grain_for_green_mu→returned_farmland_mu"), "\(migrated.text)")
        #expect(migrated.who == "乡镇审核员")
        #expect(app.screen.contains("问卷版本迁移："))
    }
}
