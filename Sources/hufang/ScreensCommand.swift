import ArgumentParser
import Foundation
import Survey
import TUI

/// `hufang screens …`: work on questionnaire definitions.
struct Screens: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "问卷定义：检查、概览与版本迁移 (validate and summarise questionnaire definitions, migrate to a new version)",
        subcommands: [Validate.self, Summary.self, MigrateScreens.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "检查问卷定义，列出全部错误 (validate; prints every problem, exits non-zero on any)")
        @Argument(help: "问卷定义目录 (folder), default ./screens") var directory: String?
        @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

        mutating func run() throws {
            let dir = try ScreensFolder.locate(directory, lang: lang)
            do {
                let q = try DefinitionLoader.load(directory: dir)
                let inputs = q.questions.filter(\.isInput).count
                Console.out(Phrase.screensValid.console(lang, dir.path, q.title, q.version, q.sections.count, inputs, q.questions.count - inputs, q.checks.count))
            } catch {
                throw CommandFailure(ScreensFolder.report(error, lang: lang))
            }
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出问卷的各部分、名册与标准 (summarise sections, rosters and standards)")
        @Argument(help: "问卷定义目录 (folder), default ./screens") var directory: String?
        @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

        mutating func run() throws {
            Console.out(ConsoleText(lines: QuestionnaireSummary.text(try ScreensFolder.load(directory, lang: lang), lang: lang)))
        }
    }
}

/// Finds and loads the questionnaire folder; its problems are failures in the user's language.
enum ScreensFolder {
    static func locate(_ given: String?, lang: Language) throws(CommandFailure) -> URL { try ShippedFolder.screens.locate(given, lang: lang) }

    static func load(_ given: String?, lang: Language) throws(CommandFailure) -> Questionnaire {
        let dir = try locate(given, lang: lang)
        do { return try DefinitionLoader.load(directory: dir) } catch { throw CommandFailure(report(error, lang: lang)) }
    }

    static func report(_ error: DefinitionErrors, lang: Language) -> ConsoleText {
        var out = Phrase.screensProblems.text(lang, error.problems.count)
        for p in error.problems { out += p.text(lang) + "\n" }
        if error.problems.contains(where: \.kind.makesFileUnreadable) {
            out += Phrase.screensUnreadableNote.text(lang)
        }
        // Problems quote the definition's files: every line escaped.
        return ConsoleText(lines: String(out.dropLast()))
    }
}

/// A plain-text overview of a questionnaire, aligned for Chinese text.
enum QuestionnaireSummary {
    static func text(_ q: Questionnaire, lang: Language) -> String {
        var lines: [String] = []
        lines.append("\(q.title.text(lang))  (\(q.id) \(q.version))")
        lines.append("")
        let header = [Phrase.summarySection.text(lang), Phrase.summaryTitle.text(lang), Phrase.summaryRoster.text(lang),
                      Phrase.summaryInputs.text(lang), Phrase.summaryCalculated.text(lang), Phrase.summaryChecks.text(lang)]
        let widths = [6, 22, 12, 6, 6, 6]
        func row(_ cells: [String]) -> String { zip(cells, widths).map { TextWidth.fit($0, $1) }.joined(separator: " ") }
        lines.append(row(header))
        for s in q.sections {
            let qs = s.questions.map { q.questions[$0] }
            let checks = qs.reduce(0) { $0 + $1.checks.count }
            lines.append(row([s.id, s.title.text(lang), s.roster.map { q.rosters[$0].label.text(lang) } ?? "—",
                              String(qs.filter(\.isInput).count), String(qs.filter { !$0.isInput }.count), String(checks)]))
        }
        lines.append("")
        let national = q.standards.incomeLines.filter { $0.province == "*" }.sorted { $0.year < $1.year }
        if let last = national.last {
            lines.append(Phrase.summaryIncomeLines.text(lang, national.count, last.year, Value.format(last.line)))
        }
        lines.append(Phrase.summaryGuarantees.text(lang) + q.standards.guarantees.map { $0.label.text(lang) }.joined(separator: Phrase.listSeparator.text(lang)))
        lines.append(Phrase.summaryCodeLists.text(lang, q.codeLists.count))
        return lines.joined(separator: "\n")
    }
}
