import ArgumentParser
import Foundation
import Store
import Survey
import TUI

/// `hufang round`: rounds of the yearly re-survey (动态调整).
struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "年度调查：开始新一年度的入户调查，按上年记录核对 (rounds of the yearly re-survey)",
        subcommands: [Start.self])

    /// `hufang round start`: starts a year's round for a village's households, or one household's.
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "开始新年度：带入上年的成员和户的编号，其他每项按上年的记录核对确认或修改 (start a year's round from the last one)")
        @OptionGroup var options: StoreOptions
        @Option(name: .long, help: "调查年度 (survey year)") var year: Int
        @Option(name: .long, help: "村代码：开始全村各户 (village code: every household of the village)") var village: String?
        @Option(name: .long, help: "户号或户的编号：只开始这一户 (household number, or id: this household only)") var household: String?
        @Option(name: .long, help: "调查基准日，默认今天 (the round's reference day; default today, which must be in the year)") var day: String?
        @Option(name: .long, help: "操作人 (who starts it)") var who: String?

        func validate() throws {
            guard (2000...2100).contains(year) else { throw ValidationError(Phrase.cliRoundYear.text(options.lang, year)) }
            guard (village == nil) != (household == nil) else { throw ValidationError(Phrase.cliRoundWhich.text(options.lang)) }
        }

        mutating func run() throws {
            let lang = options.lang
            let referenceDay: Day
            if let day { referenceDay = try parseDay(day, lang) } else { referenceDay = AppRuntime.today() }
            guard referenceDay.year == year else { throw CommandFailure(Phrase.cliRoundDayYear.console(lang, referenceDay, year)) }
            let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
            let store = try options.open()
            do {
                let ids: [UUID]
                if let village {
                    ids = try store.roundsToStart(village: village, year: year)
                } else {
                    ids = [try resolveHousehold(household!, village: nil, store)]
                }
                let started = try store.startRound(ids, year: year, referenceDay: referenceDay, questionnaire: questionnaire, who: currentUser(who))
                for s in started { Console.out(Phrase.roundStartedLine.console(lang, s.householdNo, s.year, s.carriedRows)) }
                if let village {
                    let all = try store.householdCount(village: village)
                    Console.out(Phrase.roundStartedVillage.console(lang, village, year, started.count, all - started.count))
                }
            } catch { throw CommandFailure(error, lang) }
        }
    }
}
