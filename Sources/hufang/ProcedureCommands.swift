import ArgumentParser
import Foundation
import Store
import Survey
import TUI

/// Which household a procedure command is about: its id, or its number in `--village`.
struct HouseholdChoice: ParsableArguments {
    @Option(name: .long, help: "村代码 (village code)") var village: String?
    @Option(name: .long, help: "户号或户的编号 (household number in the village, or the household's id)") var household: String
    @Option(name: .long, help: "调查年度 (survey year)") var year: Int

    func resolve(_ store: HouseholdStore, _ lang: Language) throws -> UUID { try resolveHousehold(household, village: village, store) }
}

/// A household named on the command line: its id, or its number (in `village`, when given) as the list shows it.
func resolveHousehold(_ household: String, village: String?, _ store: HouseholdStore) throws -> UUID {
    if let id = UUID(uuidString: household) { return id }
    let found = try store.households(village: village, limit: 1_000_000).filter { $0.householdNo == household }
    guard found.count == 1, let id = UUID(uuidString: found[0].id) else { throw StoreError.unknownHousehold(household) }
    return id
}

/// A day typed on the command line (`2020-11-11`).
func parseDay(_ text: String, _ lang: Language) throws(CommandFailure) -> Day {
    guard let day = Day(iso: text) else { throw CommandFailure(Phrase.cliBadDay.console(lang, text)) }
    return day
}

/// `hufang procedure`: the exit and inclusion procedures of the yearly adjustment, driven step by step.
struct ProcedureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedure",
        abstract: "动态调整程序：拟调整、记录程序步骤、确定结果 (the exit and inclusion procedures)",
        subcommands: [Propose.self, Step.self, Decide.self, Show.self])

    /// `hufang procedure propose`: what the village proposes for a household this year.
    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "拟调整：exit 脱贫、removal 清退、new 新纳入、returned 返贫、monitoring 纳入监测")
        @OptionGroup var options: StoreOptions
        @OptionGroup var choice: HouseholdChoice
        @Option(name: .long, help: "exit | removal | new | returned | monitoring") var outcome: String
        @Option(name: .long, help: "监测类型 (monitoring category: unstable_exited | edge | sudden_hardship)") var category: String?
        @Option(name: .long, help: "理由，公示名单上列出 (the reason the notice shows)") var reason: String
        @Option(name: .long, help: "记录人 (who records it)") var who: String?

        mutating func run() throws {
            let lang = options.lang
            guard let outcome = ProcedureOutcome(rawValue: outcome) else {
                throw CommandFailure(Phrase.cliUnknownOutcome.console(lang, outcome, ProcedureOutcome.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
            let store = try options.open()
            do {
                let id = try choice.resolve(store, lang)
                try store.propose(id, year: choice.year, outcome: outcome, category: category, reason: reason,
                                  categories: questionnaire.standards.monitoring.categories.map(\.id), who: currentUser(who))
                Console.out(Phrase.procedureProposedLine.console(lang, choice.year, choice.household, outcome.label(lang), reason))
            } catch { throw CommandFailure(error, lang) }
        }
    }

    /// `hufang procedure step`: one step as it happened.
    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "记录程序步骤 (record a step: application, appraisal, consent, notice, comparison, announcement, notification)")
        @OptionGroup var options: StoreOptions
        @OptionGroup var choice: HouseholdChoice
        @Argument(help: "application | appraisal | consent | notice | comparison | announcement | notification") var kind: String
        @Option(name: .long, help: "第几次 (1, or 2 for the second appraisal or notice)") var number: Int = 1
        @Option(name: .long, help: "日期，或公示、公告的第一天 (the day, or a period's first day)") var from: String
        @Option(name: .long, help: "公示、公告的最后一天 (a period's last day)") var to: String?
        @Flag(name: .long, help: "有异议 (objected; the default is passed)") var objected = false
        @Option(name: .long, help: "备注 (note)") var note: String?
        @Option(name: .long, help: "记录人 (who records it)") var who: String?

        mutating func run() throws {
            let lang = options.lang
            guard let kind = ProcedureStepKind(rawValue: kind) else {
                throw CommandFailure(Phrase.cliUnknownStep.console(lang, kind, ProcedureStepKind.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            let start = try parseDay(from, lang)
            var end: Day?
            if let to { end = try parseDay(to, lang) }
            let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
            let store = try options.open()
            do {
                let id = try choice.resolve(store, lang)
                let step = ProcedureStep(kind, number)
                let result: ProcedureStepResult = objected ? .objected : .passed
                let warning = try store.recordStep(id, year: choice.year, step: step, start: start, end: end, result: result, note: note,
                                                   periods: questionnaire.standards.procedures, who: currentUser(who))
                let when = start.description + (end.map { "—" + $0.description } ?? "")
                Console.out(Phrase.procedureStepLine.console(lang, step.label(lang), when, result.label(lang)))
                if let warning { Console.out(Phrase.procedureStepWarning.console(lang, warning.message(lang), step.label(lang))) }
            } catch { throw CommandFailure(error, lang) }
        }
    }

    /// `hufang procedure decide`: the outcome holds (refused while the procedure is incomplete), or is dropped.
    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "确定结果；--drop 撤销 (decide the outcome, or drop it)")
        @OptionGroup var options: StoreOptions
        @OptionGroup var choice: HouseholdChoice
        @Flag(name: .long, help: "撤销拟调整 (drop the proposal)") var drop = false
        @Option(name: .long, help: "确定人 (who decides)") var who: String?

        mutating func run() throws {
            let lang = options.lang
            let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
            let store = try options.open()
            do {
                let id = try choice.resolve(store, lang)
                try store.decide(id, year: choice.year, holds: !drop, periods: questionnaire.standards.procedures, who: currentUser(who))
                let outcome = try store.procedure(id, year: choice.year)?.procedure.outcome.label(lang) ?? ""
                Console.out((drop ? Phrase.procedureDroppedLine : Phrase.procedureDecidedLine).console(lang, choice.year, choice.household, outcome))
            } catch { throw CommandFailure(error, lang) }
        }
    }

    /// `hufang procedure show`: the procedure's steps, done and still to do.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看程序进度 (show a household's procedure)")
        @OptionGroup var options: StoreOptions
        @OptionGroup var choice: HouseholdChoice

        mutating func run() throws {
            let lang = options.lang
            let store = try options.openForReading()
            do {
                let id = try choice.resolve(store, lang)
                guard let found = try store.procedure(id, year: choice.year) else {
                    Console.out(Phrase.procedureNone.console(lang, choice.household, choice.year))
                    return
                }
                let (p, steps) = found
                Console.out(Phrase.procedureShowHeader.console(lang, p.surveyYear, choice.household, p.outcome.label(lang), p.state.label(lang), p.reason))
                for needed in p.outcome.steps {
                    if let s = steps.first(where: { $0.step == needed }) {
                        let when = s.startDay + (s.endDay.map { "—" + $0 } ?? "")
                        Console.out(Phrase.procedureShowStep.console(lang, needed.label(lang), when, s.result.label(lang), s.who))
                    } else {
                        Console.out(Phrase.procedureShowMissing.console(lang, needed.label(lang)))
                    }
                }
            } catch { throw CommandFailure(error, lang) }
        }
    }
}

/// `hufang notice`: a village's notice list (公示名单), ID numbers masked as public notices show them.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notice", abstract: "打印本村公示名单 (a village's notice list, ID numbers masked)")
    @OptionGroup var options: StoreOptions
    @Option(name: .long, help: "村代码 (village code)") var village: String
    @Option(name: .long, help: "调查年度 (survey year)") var year: Int
    @Option(name: .long, parsing: .upToNextOption, help: "只列这些调整类型 (only these outcomes: exit removal new returned monitoring)") var outcome: [String] = []
    @Option(name: .long, help: "写入可打印的文本文件 (write a printable file)") var out: String?

    mutating func run() throws {
        let lang = options.lang
        var outcomes: Set<ProcedureOutcome> = []
        for word in outcome {
            guard let o = ProcedureOutcome(rawValue: word) else {
                throw CommandFailure(Phrase.cliUnknownOutcome.console(lang, word, ProcedureOutcome.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            outcomes.insert(o)
        }
        let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
        let store = try options.openForReading()
        do {
            let entries = try store.noticeEntries(village: village, year: year, outcomes: outcomes)
            let lines = NoticeListText.lines(entries, village: village, year: year, standards: questionnaire.standards, lang: lang)
            if let out {
                let text = lines.map { TerminalText.escaped($0) }.joined(separator: "\n") + "\n"
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                Console.out(Phrase.noticeWritten.console(lang, out, entries.count))
            } else {
                for line in lines { Console.out(ConsoleText(lines: line)) }
            }
        } catch { throw CommandFailure(error, lang) }
    }
}

/// The notice list as lines of text, for the terminal and for printing: a title, one row per household in
/// household-number order (number, household, head, masked ID, outcome, reason), the period and a seal line.
enum NoticeListText {
    static func lines(_ entries: [NoticeEntry], village: String, year: Int, standards: Standards, lang: Language) -> [String] {
        let categories = Dictionary(standards.monitoring.categories.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        func outcome(_ e: NoticeEntry) -> String {
            guard e.outcome == .monitoring, let c = e.category else { return e.outcome.label(lang) }
            return categories[c]?.text(lang) ?? c
        }
        let heads = [Phrase.noticeHeaderNo, .noticeHeaderHousehold, .noticeHeaderHead, .noticeHeaderID, .noticeHeaderOutcome].map { $0.text(lang) }
        let rows = entries.enumerated().map { i, e in [String(i + 1), e.householdNo, e.headName, e.maskedID, outcome(e)] }
        // Each column as wide as its widest cell and two spaces; the reason last, as long as it is.
        let widths = heads.indices.map { c in ([heads[c]] + rows.map { $0[c] }).map { TextWidth.of($0) }.max()! + 2 }
        func line(_ cells: [String], _ reason: String) -> String {
            zip(cells, widths).map { TextWidth.fit($0, $1) }.joined() + reason
        }
        var out = [Phrase.noticeTitle.text(lang, village, year), ""]
        out.append(line(heads, Phrase.noticeHeaderReason.text(lang)))
        for (row, e) in zip(rows, entries) { out.append(line(row, e.reason)) }
        if entries.isEmpty { out.append(Phrase.noticeEmpty.text(lang)) }
        out.append("")
        if let days = standards.procedures?.noticeDays { out.append(Phrase.noticePeriodLine.text(lang, days)) }
        out.append(Phrase.noticeFooter.text(lang))
        return out
    }
}
