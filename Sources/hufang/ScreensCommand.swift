import ArgumentParser
import Foundation
import Survey
import TUI

/// `hufang screens …`: work on questionnaire definitions.
struct Screens: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "问卷定义：检查与概览 (validate and summarise questionnaire definitions)",
        subcommands: [Validate.self, Summary.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "检查问卷定义，列出全部错误 (validate; prints every problem, exits non-zero on any)")
        @Argument(help: "问卷定义目录 (folder), default ./screens") var directory: String?
        @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

        mutating func run() throws {
            let dir = try ScreensFolder.locate(directory)
            do {
                let q = try DefinitionLoader.load(directory: dir)
                let inputs = q.questions.filter(\.isInput).count
                Console.out(lang == .zh
                      ? "✓ \(dir.path)：问卷「\(q.title.zh)」版本 \(q.version) 有效 — \(q.sections.count) 个部分，\(inputs) 个录入项，\(q.questions.count - inputs) 个计算项，\(q.checks.count) 条检查"
                      : "✓ \(dir.path): \"\(q.title.en)\" version \(q.version) is valid — \(q.sections.count) sections, \(inputs) inputs, \(q.questions.count - inputs) calculated, \(q.checks.count) checks")
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
    static func locate(_ given: String?) throws(CommandFailure) -> URL { try ShippedFolder.screens.locate(given) }

    static func load(_ given: String?, lang: Language) throws(CommandFailure) -> Questionnaire {
        let dir = try locate(given)
        do { return try DefinitionLoader.load(directory: dir) } catch { throw CommandFailure(report(error, lang: lang)) }
    }

    static func report(_ error: DefinitionErrors, lang: Language) -> ConsoleText {
        var out = lang == .zh ? "问卷定义有 \(error.problems.count) 处错误，请改正后再试：\n" : "The questionnaire definition has \(error.problems.count) problem(s):\n"
        for p in error.problems { out += "\(p)\n" }
        if error.problems.contains(where: { $0.message.hasPrefix("malformed YAML") || $0.message.contains("not valid UTF-8") || $0.message == "the file is empty" }) {
            out += lang == .zh ? "提示：有文件无法读取，其他文件中的部分错误可能由此引起，请先改正它。\n"
                               : "Note: a file could not be read; some problems in other files may follow from it. Fix it first.\n"
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
        let header = lang == .zh ? ["部分", "名称", "名册", "录入", "计算", "检查"] : ["Sect.", "Title", "Roster", "Inputs", "Calc.", "Checks"]
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
            lines.append(lang == .zh ? "收入标准：\(national.count) 个年度，最新 \(last.year) 年 \(Value.format(last.line)) 元/人/年"
                                     : "Income lines: \(national.count) years, latest \(last.year): \(Value.format(last.line)) yuan per person per year")
        }
        lines.append((lang == .zh ? "两不愁三保障：" : "Guarantees: ") + q.standards.guarantees.map { $0.label.text(lang) }.joined(separator: lang == .zh ? "、" : ", "))
        lines.append(lang == .zh ? "代码表 \(q.codeLists.count) 个" : "\(q.codeLists.count) code lists")
        return lines.joined(separator: "\n")
    }
}
