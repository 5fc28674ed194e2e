import Foundation
import GRDB
import Store
import Survey
import Testing
@testable import TUI

/// A commit the store refuses, on a real store: the screen keeps what is stored, says why, keeps the
/// typed text, and the same keys store it once the store can be written again.
@Suite struct CommitFailureTests {
    /// A headless application on `store`, on a new household whose village code is stored, the cursor
    /// back on that field and a new code typed but not yet confirmed.
    static func editingTheVillageCode(_ store: HouseholdStore) -> AppRuntime {
        let app = AppRuntime(store: store, questionnaire: TUIFixture.questionnaire, lang: .zh, width: 80, height: 24,
                             who: "测试员", today: { TUIFixture.day })
        app.start()
        app.press(.function(7))
        app.type("622922100201")
        app.press(.enter, .backTab)
        app.press(.ctrl("u"))
        app.type("622922100299")
        return app
    }

    static func stored(_ path: String, _ household: UUID) throws -> Interview {
        try HouseholdStore(path: path).interview(household, questionnaire: TUIFixture.questionnaire)
    }

    @Test func aStoreLockedByAnotherWriterKeepsTheScreenAsStoredAndTheSameKeysStoreItAfterwards() throws {
        let path = TUIFixture.emptyStore()
        let app = Self.editingTheVillageCode(try HouseholdStore(path: path, busyTimeout: 0.1))
        let household = app.interview.householdID
        let other = try HouseholdStore(path: path)                         // another program on the same file
        try other.pool.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            app.press(.enter)
            // Not moved on: the field, its stored value, the typed text, and why.
            #expect(app.questionID == "village_code")
            #expect(app.interview.value("village_code") == .text("622922100201"))
            #expect(app.form.edit?.text == "622922100299")
            #expect(app.state.status?.kind == .error)
            #expect(app.state.status?.text.contains(StoreError.busy(path).message(.zh)) == true)
            #expect(app.screen.contains("未保存，此项仍为：622922100201"))
            #expect(app.screen.contains("622922100299_"))
            try db.execute(sql: "ROLLBACK")
        }
        #expect(try Self.stored(path, household).value("village_code") == .text("622922100201"))
        app.press(.enter)                                                  // the lock is gone: the same key again
        #expect(app.state.status?.kind != .error)
        #expect(app.questionID == "group_name")
        #expect(app.interview.value("village_code") == .text("622922100299"))
        let again = try Self.stored(path, household)
        #expect(again.value("village_code") == .text("622922100299"))
        #expect(again.position?.question == TUIFixture.questionnaire.questionIndex(of: "group_name"))
    }

    @Test func aReadOnlyStoreKeepsTheScreenAsStoredAndSaysWhy() throws {
        let path = TUIFixture.emptyStore()
        let writer = Self.editingTheVillageCode(try HouseholdStore(path: path))
        let household = writer.interview.householdID
        writer.press(.escape, .escape)                                     // cancel the edit, leave the household

        let app = AppRuntime(store: try HouseholdStore(path: path, readOnly: true), questionnaire: TUIFixture.questionnaire,
                             lang: .zh, width: 80, height: 24, who: "测试员", today: { TUIFixture.day })
        app.start()
        app.press(.enter)                                                  // open the household
        #expect(app.questionID == "village_code")
        app.press(.ctrl("u"))
        app.type("622922100299")
        app.press(.enter)
        #expect(app.questionID == "village_code")
        #expect(app.interview.value("village_code") == .text("622922100201"))
        #expect(app.form.edit?.text == "622922100299")
        #expect(app.state.status?.text.contains(StoreError.readOnly(path).message(.zh)) == true)
        #expect(app.screen.contains("未保存，此项仍为：622922100201"))
        #expect(try Self.stored(path, household).value("village_code") == .text("622922100201"))

        // The same household in a store that may be written: the same keys store it.
        let writable = TUIFixture.app(path)
        writable.press(.enter, .ctrl("u"))
        writable.type("622922100299")
        writable.press(.enter)
        #expect(writable.questionID == "group_name")
        #expect(try Self.stored(path, household).value("village_code") == .text("622922100299"))
    }

    @Test func aRowAddedWhileTheStoreIsLockedIsNotShownUntilStored() throws {
        let path = TUIFixture.emptyStore()
        let app = Self.editingTheVillageCode(try HouseholdStore(path: path, busyTimeout: 0.1))
        app.press(.escape)
        let members = try #require(TUIFixture.questionnaire.roster("members"))
        app.press(.pageDown)                                               // on to the members: "F7 adds a row"
        guard case .rosterEnd = app.form.cursor else { Issue.record("not at the roster's end: \(app.form.cursor)"); return }
        let other = try HouseholdStore(path: path)
        try other.pool.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            app.press(.function(7))
            #expect(app.interview.rowIDs(of: members.index).isEmpty)
            #expect(app.state.status?.text.contains("未保存") == true)
            try db.execute(sql: "ROLLBACK")
        }
        app.press(.function(7))
        #expect(app.interview.rowIDs(of: members.index).count == 1)
        #expect(app.questionID == "name")
        #expect(try Self.stored(path, app.interview.householdID).rowIDs(of: members.index).count == 1)
    }
}
