// Fuzz target: the JSON interchange import (Sources/Store/Interchange/HouseholdJSON.swift). Every input is
// decoded and checked without a questionnaire and against the real one in screens/; what passes is imported
// into one store made per process (a temp file), opened as interviews and exported again; the store is
// emptied after each input so runs stay independent.
import Foundation
import FuzzSupport
import GRDB
@testable import Store
import Survey

final class Target: @unchecked Sendable {
    let questionnaire: Questionnaire
    let store: HouseholdStore
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-jsonfuzz-\(getpid())")

    init() {
        do {
            questionnaire = try DefinitionLoader.load(directory: Fuzz.root.appendingPathComponent("screens"))
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            store = try HouseholdStore(path: folder.appendingPathComponent("fuzz.sqlite").path, create: true)
        } catch { fatalError("JSONImportFuzz setup: \(error)") }
        atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("hufang-jsonfuzz-\(getpid())")) }
    }

    /// Removes whatever an import wrote (the captured tables and the outbox entry), uncaptured.
    func reset() {
        do {
            try store.writeUncaptured { db in
                for table in Changeset.capturedTables.reversed() + ["outbox"] { try db.execute(sql: "DELETE FROM \"\(table)\"") }
            }
        } catch { fatalError("JSONImportFuzz cannot empty its store: \(error)") }
    }
}

let target = Target()

Fuzz.main { data in
    _ = try? HouseholdStore.decodeExport(data, questionnaire: nil)
    guard (try? HouseholdStore.decodeExport(data, questionnaire: target.questionnaire)) != nil else { return }
    if let imported = try? target.store.importJSON(data, questionnaire: target.questionnaire), imported > 0 {
        // What was imported opens as an interview, is assessed, and exports again (the lossless round trip
        // of docs/json-format.md).
        for household in (try? target.store.households(limit: 1000)) ?? [] {
            guard let id = UUID(uuidString: household.id),
                  let interview = try? target.store.interview(id, questionnaire: target.questionnaire) else { continue }
            _ = Assessment(interview)
        }
        _ = try? target.store.exportJSON()
    }
    target.reset()
}
