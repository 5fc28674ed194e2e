import ArgumentParser
import Foundation
import Store
import Survey

/// `hufang dashboard`: a village at a glance, as text.
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "村情概览：户类型与状态、致贫原因、两不愁三保障、收入分布、每日入户数 (a village at a glance)")
    @OptionGroup var options: StoreOptions
    @Option(name: .long, help: "村代码 (village code)；缺省为库中第一个村") var village: String?

    mutating func run() throws {
        let lang = options.lang
        let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
        let store = try options.open()
        do {
            guard let code = try village ?? store.reviewFilters().villages.first else {
                print(lang == .zh ? "库中还没有户" : "No households yet")
                return
            }
            print(DashboardText.lines(try store.dashboard(village: code), questionnaire, lang: lang).joined(separator: "\n"))
        } catch { options.fail(describe(error, lang == .zh)) }
    }
}

/// The dashboard as plain lines (the supervisor's screen draws the same figures).
enum DashboardText {
    static func lines(_ d: VillageDashboard, _ q: Questionnaire, lang: Language, barWidth: Int = 30) -> [String] {
        let zh = lang == .zh
        func label(_ question: String, _ code: Int?) -> String {
            guard let code else { return zh ? "（未填）" : "(not given)" }
            return q.question(question)?.codeList?.label(code)?.text(lang) ?? String(code)
        }
        var out = [zh ? "村 \(d.village)：\(d.households) 户" : "Village \(d.village): \(d.households) households", ""]
        out.append(zh ? "户类型与状态" : "Households by type and status")
        for t in d.byTypeAndStatus {
            out.append("  \(label("household_type", t.type))  \(HouseholdStatus.label(t.status, lang))  \(t.count)")
        }
        out += ["", zh ? "主要致贫原因" : "Main causes of poverty"]
        for c in d.causes { out.append("  \(label("main_cause", c.cause))  \(c.count)") }
        out += ["", zh ? "两不愁三保障（未达到的户）" : "两不愁三保障 (households failing)"]
        for g in q.standards.guarantees {
            let failing = d.failing[g.id] ?? []
            out.append("  \(g.label.text(lang))  \(failing.count)" + (failing.isEmpty ? "" : "：" + failing.prefix(8).map { "\($0.householdNo) \($0.headName)" }
                .joined(separator: "、") + (failing.count > 8 ? "…" : "")))
        }
        out += ["", zh ? "人均纯收入占标准的比例" : "Per-capita net income as a share of the line"]
        let most = max(1, d.income.map(\.count).max() ?? 1)
        for band in d.income {
            if band.lower == 1 { out.append(zh ? "  ──────── 标准线 ────────" : "  ──────── the line ────────") }
            let range = band.upper.map { "\(percent(band.lower))–\(percent($0))" } ?? "≥\(percent(band.lower))"
            let bar = String(repeating: "█", count: band.count == 0 ? 0 : max(1, band.count * barWidth / most))
            out.append("  " + range.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + bar + " \(band.count)")
        }
        if d.incomeUnknown > 0 { out.append(zh ? "  收入未知 \(d.incomeUnknown) 户" : "  income unknown: \(d.incomeUnknown)") }
        out += ["", zh ? "每人每日入户数（最近14天）" : "Interviews per enumerator per day (last 14 days)"]
        let days = Array(Set(d.interviews.map(\.day)).sorted().suffix(14))
        for enumerator in Array(Set(d.interviews.map(\.enumerator))).sorted() {
            let mine = d.interviews.filter { $0.enumerator == enumerator }
            out.append("  \(enumerator)：" + (zh ? "共 \(mine.reduce(0) { $0 + $1.count }) 户，\(mine.count) 天" : "\(mine.reduce(0) { $0 + $1.count }) in \(mine.count) days"))
            for day in days {
                let n = mine.first { $0.day == day }?.count ?? 0
                out.append("    \(day)  " + String(repeating: "▇", count: n) + " \(n)")
            }
        }
        return out
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
