import ArgumentParser
import Foundation
import Store
import Survey
import TUI

/// `hufang dashboard`: a village at a glance, as text.
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "村情概览：户类型与状态、致贫原因、两不愁三保障、收入分布、每日入户数 (a village at a glance)")
    @OptionGroup var options: StoreOptions
    @Option(name: .long, help: "村代码 (village code)；缺省为库中第一个村") var village: String?

    mutating func run() throws {
        let lang = options.lang
        let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
        let store = try options.openForReading()
        do {
            guard let code = try village ?? store.reviewFilters().villages.first else {
                Console.out(Phrase.reviewNoHouseholds.console(lang))
                return
            }
            // Names and labels come from the store and the definition: every line escaped.
            for line in DashboardText.lines(try store.dashboard(village: code), questionnaire, lang: lang) { Console.out(ConsoleText(lines: line)) }
        } catch { throw CommandFailure(error, lang) }
    }
}

/// The dashboard as plain lines, from the same labelled figures the supervisor's screen draws.
enum DashboardText {
    static func lines(_ d: VillageDashboard, _ q: Questionnaire, lang: Language, barWidth: Int = 30) -> [String] {
        let p = DashboardPage(d, questionnaire: q, lang: lang)
        var out = [Phrase.dashboardVillageLine.text(lang, p.village, p.households), ""]
        out.append(Phrase.dashboardTypeStatusTitle.text(lang))
        let typeW = (p.types.map { TextWidth.of($0.label) }.max() ?? 4) + 2
        let heads = DashboardPage.statuses.map { $0.label(lang) } + [Phrase.dashboardTotal.text(lang)]
        // Each column is as wide as its widest heading and two spaces, so no two headings touch.
        let colW = max(8, (heads.map { TextWidth.of($0) }.max() ?? 0) + 2)
        out.append("  " + TextWidth.fit("", typeW) + heads.map { TextWidth.right($0, colW) }.joined())
        for t in p.types {
            out.append("  " + TextWidth.fit(t.label, typeW) + (t.counts + [t.counts.reduce(0, +)]).map { TextWidth.right(String($0), colW) }.joined())
        }
        out += ["", Phrase.dashboardCauses.text(lang)]
        let causeW = (p.causes.map { TextWidth.of($0.label) }.max() ?? 4) + 2
        for c in p.causes { out.append("  " + TextWidth.fit(c.label, causeW) + TextWidth.right(String(c.count), 5)) }
        out += ["", Phrase.dashboardFailingTitle.text(lang)]
        for g in p.guarantees {
            let names = g.failing.prefix(8).map { TerminalText.escaped("\($0.householdNo) \($0.headName)") }.joined(separator: Phrase.listSeparator.text(lang))
            out.append("  \(g.label)  \(g.failing.count)" + (g.failing.isEmpty ? "" : Phrase.colon.text(lang) + names + (g.failing.count > 8 ? "…" : "")))
        }
        out += ["", Phrase.dashboardIncomeTitle.text(lang)]
        let most = max(1, p.income.map(\.count).max() ?? 1)
        for band in p.income {
            if band.lower == 1 { out.append(Phrase.cliIncomeLineRule.text(lang)) }
            let range = band.upper.map { "\(DashboardPage.percent(band.lower))–\(DashboardPage.percent($0))" } ?? "≥\(DashboardPage.percent(band.lower))"
            let bar = String(repeating: "█", count: band.count == 0 ? 0 : max(1, band.count * barWidth / most))
            out.append("  " + range.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + bar + " \(band.count)")
        }
        if p.incomeUnknown > 0 { out.append(Phrase.dashboardIncomeUnknown.text(lang, p.incomeUnknown)) }
        out += ["", Phrase.dashboardPace.text(lang, p.days.count)]
        for e in p.enumerators {
            out.append("  \(TerminalText.escaped(e.name))" + Phrase.cliInAll.text(lang, e.total))
            for (day, n) in zip(p.days, e.perDay) { out.append("    \(day)  " + String(repeating: "▇", count: n) + " \(n)") }
        }
        return out
    }
}
