import ArgumentParser
import Foundation
import Store
import Survey
import TUI

/// `hufang review`: the supervisor's screens — the household list, one household's review, the conflict
/// queue and the village dashboard — on a store that receives the enumerators' bundles.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "审核：户名单、逐户审核（通过/退回/意见）、冲突队列、村情概览 (supervisor review)")

    @OptionGroup var options: StoreOptions
    @Option(name: .long, help: "审核人姓名，记入每个决定 (the supervisor's name, recorded with every decision)")
    var who: String?
    @Option(name: .long, help: "先只列这个村（村代码），F4 可换 (start with one village, by code)") var village: String?

    mutating func run() throws {
        let lang = options.lang
        let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
        guard FileManager.default.fileExists(atPath: options.path) else {
            throw CommandFailure(Phrase.reviewNoStore.console(lang, options.path))
        }
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            // Not a terminal: what the first screen would show, as text, from a store opened only to read.
            let store = try options.openForReading()
            do {
                let (total, rows) = try store.reviewList(ReviewQuery(), questionnaire: questionnaire, limit: 15)
                Console.out(ConsoleText(lines: StoreSummary.text(rows.map(\.household), path: options.path, lang: lang)
                    .replacingOccurrences(of: Phrase.reviewHouseholdCount.text(lang, rows.count), with: Phrase.reviewHouseholdCount.text(lang, total))))
                Console.out(Phrase.reviewOpenConflicts.console(lang, try store.conflicts().count))
            } catch { throw CommandFailure(error, lang) }
            return
        }
        let store = try options.open()
        let name = currentUser(who)
        let runtime = ReviewRuntime(store: store, questionnaire: questionnaire, lang: lang, width: 80, height: 24, who: name, village: village)
        TerminalApp.run(runtime, exitAfterFirstFrame: ProcessInfo.processInfo.environment["HUFANG_EXIT_AFTER_FIRST_FRAME"] == "1")
    }
}
