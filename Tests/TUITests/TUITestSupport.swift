import Foundation
import ProjectFolders
import Store
import Survey
import TestSupport
@testable import TUI

/// The shipped questionnaire, a sample-village store (loaded from sample-data/) shared by the tests that only read it, and a
/// headless application that runs `update` with the store's effects, as the terminal loop does.
enum TUIFixture {
    static let questionnaire = Project.questionnaire
    static let day = Day(year: 2020, month: 12, day: 31)!

    static func tempPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("hufang-tui-\(UUID().uuidString)/store.sqlite").path
    }

    /// A store holding the sample village (made once; tests that change households use `freshSample`).
    static let samplePath: String = makeSample()

    static func makeSample() -> String {
        let path = tempPath()
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! SampleStore.load(into: try! HouseholdStore(path: path, create: true))
        return path
    }

    /// Copies of the sample are made one at a time: SQLite answers a checkpoint begun while another
    /// connection's is running with "database is locked" at once, without waiting.
    static let copying = NSLock()

    /// A copy of the sample store that a test may change.
    static func freshSample() -> String {
        let path = tempPath()
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        copying.lock()
        defer { copying.unlock() }
        let store = try! HouseholdStore(path: samplePath)
        _ = try! store.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try! FileManager.default.copyItem(atPath: samplePath, toPath: path)
        try! FileManager.default.copyItem(atPath: samplePath + ".key", toPath: path + ".key")
        return path
    }

    static func emptyStore() -> String {
        let path = tempPath()
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = try! HouseholdStore(path: path, create: true)
        return path
    }

    /// A headless application on a store, 80×24 unless told.
    static func app(_ path: String, lang: Language = .zh, width: Int = 80, height: Int = 24) -> AppRuntime {
        let store = try! HouseholdStore(path: path)
        let runtime = AppRuntime(store: store, questionnaire: questionnaire, lang: lang, width: width, height: height,
                                 who: "测试员", today: { day })
        runtime.start()
        return runtime
    }
}

extension AppRuntime {
    /// Presses keys in order.
    func press(_ keys: Key...) { for k in keys { send(.key(k)) } }
    /// Types text character by character, as a keyboard (or an input method) would.
    func type(_ text: String) { for c in text { send(.key(.char(c))) } }
    /// The frame the screen would show now.
    var screen: String { Render.frame(state).text }
    var form: FormState { state.form! }
    var interview: Interview { state.form!.interview }
    /// The id of the question under the cursor.
    var questionID: String? { state.form?.question?.id }

    /// Opens the n-th household of the list (0-based).
    func openHousehold(_ n: Int) {
        for _ in 0..<n { press(.down) }
        press(.enter)
    }

    /// Moves the cursor to a question (and row) the way a user would not bother to: directly.
    func jump(to id: String, row: RowID? = nil) {
        let q = interview.questionnaire.question(id)!
        var form = state.form!
        form.cursor = .field(Position(section: q.section, row: row, question: q.index))
        form.mode = .fields
        form.edit = nil
        form.offerDefault()                                              // as arriving there does
        setForm(form)
    }
}
