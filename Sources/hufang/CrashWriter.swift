import ArgumentParser
import Foundation
import Store
import Survey

/// A hidden helper for the crash test: answers questions one by one, printing a line after each
/// commit returns, so a test that kills it knows exactly what was confirmed.
struct CrashWriter: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crash-writer", abstract: "测试用：持续写入 (test helper: keeps committing)", shouldDisplay: false)
    @OptionGroup var options: StoreOptions
    @Option(name: .long) var count = 1_000_000

    /// Unbuffered, so a line printed is a line the test sees even after SIGKILL.
    func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    mutating func run() throws {
        let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
        let store = try options.open(create: true)
        let roles = questionnaire.roles
        guard let people = roles.head?.roster, let group = roles.groupName, let name = roles.memberName else {
            throw CommandFailure("crash-writer needs the roles head, group_name and member_name")
        }
        var iv = Interview(questionnaire: questionnaire, today: Day(year: 2020, month: 12, day: 31)!)
        try store.create(iv, enumerator: "crash", who: "crash")
        let (row, added) = try iv.addRow(questionnaire.rosters[people].id)
        try store.commit(added, of: iv, who: "crash")
        say("household \(iv.householdID.uuidString.lowercased()) row \(row.uuidString.lowercased())")
        for i in 0..<count {
            // Alternate a household field and a member field, each with a distinct value.
            let changes: [InterviewChange]
            if i % 2 == 0 {
                changes = try iv.answer(group, row: nil, .text("组\(i)"))
            } else {
                changes = try iv.answer(name, row: row, .text("成员\(i)"))
            }
            try store.commit(changes, of: iv, who: "crash")
            say("committed \(i)")
        }
    }
}
