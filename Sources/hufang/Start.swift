import ArgumentParser
import Foundation
import Store
import Survey
import TUI

/// `hufang` with no subcommand: the enumerator's application on the terminal. When standard output
/// is not a terminal (a script, a pipe) it prints what the store holds instead.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "打开户访（默认）(open hufang; the default)")

    @OptionGroup var options: StoreOptions
    @Option(name: .long, help: "只显示这个村（村代码）(show one village, by code)") var village: String?
    @Option(name: .long, help: "调查员姓名，记入每条修改 (the enumerator's name, recorded with every change)")
    var who: String?

    mutating func run() throws {
        let lang = options.lang
        let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
        let exists = FileManager.default.fileExists(atPath: options.path)
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            Console.out(ConsoleText(lines: QuestionnaireSummary.text(questionnaire, lang: lang)))
            Console.out("")
            guard exists else {
                Console.out(Phrase.startNoStore.console(lang, options.path))
                return
            }
            let store = try options.openForReading()
            do { Console.out(ConsoleText(lines: StoreSummary.text(try store.households(limit: 10_000), path: options.path, lang: lang))) } catch {
                throw CommandFailure(error, lang)
            }
            return
        }
        // First run on this laptop: the steps to start, done on the spot where they can be.
        let env = ProcessInfo.processInfo.environment
        let (store, name) = try exists ? (options.open(), who ?? env["HUFANG_USER"] ?? env["USER"] ?? Phrase.enumerator.text(lang))
                                       : FirstRun(path: options.path, lang: lang).run(who: who)
        let runtime = AppRuntime(store: store, questionnaire: questionnaire, lang: lang, width: 80, height: 24, who: name, village: village)
        TerminalApp.run(runtime, exitAfterFirstFrame: env["HUFANG_EXIT_AFTER_FIRST_FRAME"] == "1")
    }
}

/// The households of a store at a glance: counts by status, and the first households of the list.
enum StoreSummary {
    static func text(_ households: [HouseholdRecord], path: String, lang: Language) -> String {
        var byStatus: [HouseholdStatus: Int] = [:]
        for h in households { byStatus[h.status, default: 0] += 1 }
        var lines = [Phrase.startStoreSummary.text(lang, path, households.count)]
        lines.append(byStatus.keys.sorted { $0.rawValue < $1.rawValue }.map { "\($0.label(lang)) \(byStatus[$0]!)" }.joined(separator: Phrase.fullComma.text(lang)))
        let header = [Phrase.columnNumber.text(lang), Phrase.head.text(lang), Phrase.columnDone.text(lang), Phrase.sheetErrors.text(lang),
                      Phrase.columnSoft.text(lang)]
        let widths = [6, 12, 10, 6, 6]
        func row(_ cells: [String]) -> String { zip(cells, widths).map { TextWidth.fit($0, $1) }.joined(separator: " ") }
        lines.append("")
        lines.append(row(header))
        for h in households.prefix(15) {
            lines.append(row([TerminalText.escaped(h.householdNo), TerminalText.escaped(h.headName), "\(h.answered)/\(h.required)", String(h.hardErrors), String(h.softOpen)]))
        }
        if households.count > 15 { lines.append(Phrase.startMore.text(lang, households.count - 15)) }
        return lines.joined(separator: "\n")
    }
}
