import Store
import Survey

/// The village dashboard: type × status and causes on the left, 两不愁三保障 and the income histogram on
/// the right, interviews per enumerator per day below. Drawn on a tall canvas that scrolls as a whole.
enum DashboardView {
    static func draw(_ buf: inout ScreenBuffer, _ state: ReviewState, _ d: DashboardState) {
        let l = state.lang, p = d.page
        Chrome.titleBar(&buf, Phrase.dashboardTitle.text(l) + p.village,
                        right: Phrase.listTotal.text(l, p.households))
        let canvas = self.canvas(p, selected: d.guarantees.selected, width: buf.width, lang: l)
        let lines = state.layout.dashboard, rows = lines.count
        let top = min(d.top, max(0, canvas.height - rows))
        buf.copy(canvas, rows: top..<min(canvas.height, top + rows), to: lines.first)
        if top > 0 { buf.put("↑", x: buf.width - 1, y: lines.first, style: .hint) }
        if top + rows < canvas.height { buf.put("↓", x: buf.width - 1, y: lines.first + rows - 1, style: .hint) }
        Chrome.statusLine(&buf, state.status, hint: Phrase.dashboardHint.text(l))
        Chrome.keyBar(&buf, [("↑↓", Phrase.keySelect.text(l)), ("Enter", Phrase.dashboardKeyList.text(l)), ("F4", Phrase.dashboardKeyVillage.text(l)),
                             ("PgDn", Phrase.dashboardKeyScroll.text(l)), ("Esc", Phrase.keyBack.text(l)), ("F1", Phrase.formKeyHelp.text(l))])
    }

    /// The whole dashboard, as tall as it needs to be.
    static func canvas(_ p: DashboardPage, selected: Int, width: Int, lang: Language) -> ScreenBuffer {
        var c = ScreenBuffer(width: width, height: 80)
        // The left block needs room for a 4-status table; the right one for bars.
        let leftW = (width - 3) * 3 / 5, rightW = width - 3 - leftW, lx = 1, rx = 2 + leftW
        // Left: households by type and status.
        var y = 0
        c.put(Phrase.dashboardTypeByStatus.text(lang), x: lx, y: y, style: .title)
        y += 1
        let colW = 7, typeW = leftW - colW * DashboardPage.statuses.count - 6
        var x = lx + typeW
        for s in DashboardPage.statuses.map(StatusBadge.init) { x += c.put(Chrome.right(s.short(lang), colW), x: x, y: y, style: s.style, limit: colW) }
        c.put(Chrome.right(Phrase.dashboardTotal.text(lang), 6), x: x, y: y, style: .hint)
        for t in p.types {
            y += 1
            c.put(t.label, x: lx, y: y, limit: typeW - 1)
            x = lx + typeW
            for n in t.counts { x += c.put(Chrome.right(n == 0 ? "·" : String(n), colW), x: x, y: y, style: n == 0 ? .hint : .plain) }
            c.put(Chrome.right(String(t.counts.reduce(0, +)), 6), x: x, y: y, style: .title)
        }
        y += 2
        c.put(Phrase.dashboardCauses.text(lang), x: lx, y: y, style: .title)
        let cellW = leftW / 2
        for (i, cause) in p.causes.enumerated() {
            if i % 2 == 0 { y += 1 }
            let cx = lx + (i % 2) * cellW
            c.put(cause.label, x: cx, y: y, limit: cellW - 5)
            c.put(Chrome.right(String(cause.count), 4), x: cx + cellW - 5, y: y, style: .title)
        }
        let leftEnd = y + 1

        // Right: the guarantees, then income against the line.
        y = 0
        c.put(Phrase.dashboardFailing.text(lang), x: rx, y: y, style: .title, limit: rightW)
        for (i, g) in p.guarantees.enumerated() {
            y += 1
            let isSelected = i == selected
            if isSelected { c.fill(x: rx - 1, y: y, width: rightW + 1, height: 1, style: .selected) }
            c.put((isSelected ? "▸ " : "  ") + g.label, x: rx, y: y, style: isSelected ? .selected : .plain, limit: rightW - 6)
            c.put(Chrome.right(String(g.failing.count), 4), x: rx + rightW - 5, y: y,
                  style: isSelected ? Style(bold: true, reverse: true) : g.failing.isEmpty ? .done : .error)
        }
        y += 2
        let unknown = p.incomeUnknown > 0 ? Phrase.dashboardUnknown.text(lang, p.incomeUnknown) : ""
        c.put(Phrase.dashboardIncomeRatio.text(lang) + unknown, x: rx, y: y, style: .title, limit: rightW)
        let most = max(1, p.income.map(\.count).max() ?? 1), barW = rightW - 15
        for band in p.income {
            y += 1
            if band.lower == 1 {
                c.put(String(repeating: "─", count: 4) + Phrase.dashboardLine.text(lang) + String(repeating: "─", count: rightW - 14), x: rx, y: y,
                      style: .warning, limit: rightW)
                y += 1
            }
            let range = band.upper.map { "\(DashboardPage.percent(band.lower))–\(DashboardPage.percent($0))" } ?? "≥\(DashboardPage.percent(band.lower))"
            c.put(range, x: rx, y: y, style: .hint, limit: 10)
            let bar = String(repeating: "█", count: band.count == 0 ? 0 : max(1, band.count * barW / most))
            let n = c.put(bar, x: rx + 10, y: y, style: band.lower < 1 ? .error : .done)
            c.put(String(band.count), x: rx + 11 + n, y: y)
        }
        y = max(leftEnd, y + 1)

        // Below: interviews per enumerator on the last days anyone interviewed.
        c.put(Phrase.dashboardPace.text(lang, p.days.count),
              x: lx, y: y, style: .title)
        y += 1
        let nameW = 14
        x = lx + nameW
        for day in p.days { x += c.put(Chrome.right(String(day.suffix(5)), 6), x: x, y: y, style: .hint) + 1 }
        c.put(Chrome.right(Phrase.dashboardTotal.text(lang), 5), x: x, y: y, style: .hint)
        for e in p.enumerators {
            y += 1
            c.put(e.name, x: lx, y: y, limit: nameW - 1)
            x = lx + nameW
            for n in e.perDay { x += c.put(Chrome.right(n == 0 ? "·" : String(n), 6), x: x, y: y, style: n == 0 ? .hint : .plain) + 1 }
            c.put(Chrome.right(String(e.total), 5), x: x, y: y, style: .title)
        }
        var trimmed = ScreenBuffer(width: width, height: y + 1)
        trimmed.copy(c, rows: 0..<(y + 1), to: 0)
        return trimmed
    }
}
