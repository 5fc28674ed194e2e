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
                Console.out(lang == .zh ? "库中还没有户" : "No households yet")
                return
            }
            // Names and labels come from the store and the definition: every line escaped.
            for line in DashboardText.lines(try store.dashboard(village: code), questionnaire, lang: lang) { Console.out(ConsoleText(lines: line)) }
        } catch { options.fail(describe(error, lang)) }
    }
}

/// The dashboard as plain lines, from the same labelled figures the supervisor's screen draws.
enum DashboardText {
    static func lines(_ d: VillageDashboard, _ q: Questionnaire, lang: Language, barWidth: Int = 30) -> [String] {
        let zh = lang == .zh
        let p = DashboardPage(d, questionnaire: q, lang: lang)
        var out = [zh ? "村 \(p.village)：\(p.households) 户" : "Village \(p.village): \(p.households) households", ""]
        out.append(zh ? "户类型与状态" : "Households by type and status")
        let typeW = (p.types.map { TextWidth.of($0.label) }.max() ?? 4) + 2
        let heads = DashboardPage.statuses.map { HouseholdStatus.label($0, lang) } + [zh ? "合计" : "all"]
        out.append("  " + TextWidth.fit("", typeW) + heads.map { TextWidth.right($0, 8) }.joined())
        for t in p.types {
            out.append("  " + TextWidth.fit(t.label, typeW) + (t.counts + [t.counts.reduce(0, +)]).map { TextWidth.right(String($0), 8) }.joined())
        }
        out += ["", zh ? "主要致贫原因" : "Main causes of poverty"]
        let causeW = (p.causes.map { TextWidth.of($0.label) }.max() ?? 4) + 2
        for c in p.causes { out.append("  " + TextWidth.fit(c.label, causeW) + TextWidth.right(String(c.count), 5)) }
        out += ["", zh ? "两不愁三保障（未达到的户）" : "两不愁三保障 (households failing)"]
        for g in p.guarantees {
            let names = g.failing.prefix(8).map { TerminalText.escaped("\($0.householdNo) \($0.headName)") }.joined(separator: zh ? "、" : ", ")
            out.append("  \(g.label)  \(g.failing.count)" + (g.failing.isEmpty ? "" : (zh ? "：" : ": ") + names + (g.failing.count > 8 ? "…" : "")))
        }
        out += ["", zh ? "人均纯收入占标准的比例" : "Per-capita net income as a share of the line"]
        let most = max(1, p.income.map(\.count).max() ?? 1)
        for band in p.income {
            if band.lower == 1 { out.append(zh ? "  ──────── 标准线 ────────" : "  ──────── the line ────────") }
            let range = band.upper.map { "\(DashboardPage.percent(band.lower))–\(DashboardPage.percent($0))" } ?? "≥\(DashboardPage.percent(band.lower))"
            let bar = String(repeating: "█", count: band.count == 0 ? 0 : max(1, band.count * barWidth / most))
            out.append("  " + range.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + bar + " \(band.count)")
        }
        if p.incomeUnknown > 0 { out.append(zh ? "  收入未知 \(p.incomeUnknown) 户" : "  income unknown: \(p.incomeUnknown)") }
        out += ["", zh ? "每人每日入户数（最近 \(p.days.count) 个工作日）" : "Interviews per enumerator per day (last \(p.days.count) working days)"]
        for e in p.enumerators {
            out.append("  \(TerminalText.escaped(e.name))" + (zh ? "：共 \(e.total) 户" : ": \(e.total) in all"))
            for (day, n) in zip(p.days, e.perDay) { out.append("    \(day)  " + String(repeating: "▇", count: n) + " \(n)") }
        }
        return out
    }
}
