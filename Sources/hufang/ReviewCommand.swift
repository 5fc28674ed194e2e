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
        let lang = options.lang, zh = lang == .zh
        let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
        guard FileManager.default.fileExists(atPath: options.path) else {
            options.fail(zh ? "没有数据库 \(options.path)：先用 `hufang init --db \(options.path)` 新建，再用 `hufang bundle import` 导入调查员的数据包。"
                            : "No store at \(options.path): make one with `hufang init --db \(options.path)`, then import the enumerators' bundles with `hufang bundle import`.")
        }
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            // Not a terminal: what the first screen would show, as text, from a store opened only to read.
            let store = try options.openForReading()
            do {
                let (total, rows) = try store.reviewList(ReviewQuery(), limit: 15)
                Console.out(ConsoleText(lines: StoreSummary.text(rows.map(\.household), path: options.path, lang: lang)
                    .replacingOccurrences(of: zh ? "\(rows.count) 户" : "\(rows.count) households", with: zh ? "\(total) 户" : "\(total) households")))
                Console.out(zh ? "待处理冲突：\(try store.conflicts().count)" : "Open conflicts: \(try store.conflicts().count)")
            } catch { options.fail(describe(error, lang)) }
            return
        }
        let store = try options.open()
        let name = currentUser(who)
        let runtime = ReviewRuntime(store: store, questionnaire: questionnaire, lang: lang, width: 80, height: 24, who: name, village: village)
        TerminalApp.run(runtime, exitAfterFirstFrame: ProcessInfo.processInfo.environment["HUFANG_EXIT_AFTER_FIRST_FRAME"] == "1")
    }
}
