import Store
import Survey

/// The village dashboard: type × status and causes on the left, 两不愁三保障 and the income histogram on
/// the right, interviews per enumerator per day below. Drawn on a tall canvas that scrolls as a whole.
enum DashboardView {
    static func draw(_ buf: inout ScreenBuffer, _ state: ReviewState, _ d: DashboardState) {
        let l = state.lang, zh = l == .zh, p = d.page
        Chrome.titleBar(&buf, (zh ? "审核 · 村情概览 · 村 " : "Review · dashboard · village ") + p.village,
                        right: zh ? "共 \(p.households) 户" : "\(p.households) households")
        let canvas = self.canvas(p, selected: d.guarantees.selected, width: buf.width, lang: l)
        let lines = state.layout.dashboard, rows = lines.count
        let top = min(d.top, max(0, canvas.height - rows))
        buf.copy(canvas, rows: top..<min(canvas.height, top + rows), to: lines.first)
        if top > 0 { buf.put("↑", x: buf.width - 1, y: lines.first, style: .hint) }
        if top + rows < canvas.height { buf.put("↓", x: buf.width - 1, y: lines.first + rows - 1, style: .hint) }
        Chrome.statusLine(&buf, state.status, hint: zh ? "↑↓ 选择一项保障，Enter 列出未达到的户" : "↑↓ choose a guarantee, Enter lists the households failing it")
        Chrome.keyBar(&buf, zh ? [("↑↓", "选择"), ("Enter", "列出户"), ("F4", "换村"), ("PgDn", "翻页"), ("Esc", "返回"), ("F1", "帮助")]
                               : [("↑↓", "select"), ("Enter", "list"), ("F4", "village"), ("PgDn", "scroll"), ("Esc", "back"), ("F1", "help")])
    }

    /// The whole dashboard, as tall as it needs to be.
    static func canvas(_ p: DashboardPage, selected: Int, width: Int, lang: Language) -> ScreenBuffer {
        let zh = lang == .zh
        var c = ScreenBuffer(width: width, height: 80)
        // The left block needs room for a 4-status table; the right one for bars.
        let leftW = (width - 3) * 3 / 5, rightW = width - 3 - leftW, lx = 1, rx = 2 + leftW
        // Left: households by type and status.
        var y = 0
        c.put(zh ? "户类型 × 状态" : "Type × status", x: lx, y: y, style: .title)
        y += 1
        let colW = 7, typeW = leftW - colW * DashboardPage.statuses.count - 6
        var x = lx + typeW
        for s in DashboardPage.statuses.map(StatusBadge.init) { x += c.put(Chrome.right(s.short(lang), colW), x: x, y: y, style: s.style, limit: colW) }
        c.put(Chrome.right(zh ? "合计" : "all", 6), x: x, y: y, style: .hint)
        for t in p.types {
            y += 1
            c.put(t.label, x: lx, y: y, limit: typeW - 1)
            x = lx + typeW
            for n in t.counts { x += c.put(Chrome.right(n == 0 ? "·" : String(n), colW), x: x, y: y, style: n == 0 ? .hint : .plain) }
            c.put(Chrome.right(String(t.counts.reduce(0, +)), 6), x: x, y: y, style: .title)
        }
        y += 2
        c.put(zh ? "主要致贫原因" : "Main causes of poverty", x: lx, y: y, style: .title)
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
        c.put(zh ? "两不愁三保障 · 未达到的户" : "两不愁三保障: failing", x: rx, y: y, style: .title, limit: rightW)
        for (i, g) in p.guarantees.enumerated() {
            y += 1
            let isSelected = i == selected
            if isSelected { c.fill(x: rx - 1, y: y, width: rightW + 1, height: 1, style: .selected) }
            c.put((isSelected ? "▸ " : "  ") + g.label, x: rx, y: y, style: isSelected ? .selected : .plain, limit: rightW - 6)
            c.put(Chrome.right(String(g.failing.count), 4), x: rx + rightW - 5, y: y,
                  style: isSelected ? Style(bold: true, reverse: true) : g.failing.isEmpty ? .done : .error)
        }
        y += 2
        let unknown = p.incomeUnknown > 0 ? (zh ? "（未知 \(p.incomeUnknown) 户）" : " (\(p.incomeUnknown) unknown)") : ""
        c.put((zh ? "人均纯收入 ÷ 标准" : "Income ÷ line") + unknown, x: rx, y: y, style: .title, limit: rightW)
        let most = max(1, p.income.map(\.count).max() ?? 1), barW = rightW - 15
        for band in p.income {
            y += 1
            if band.lower == 1 {
                c.put(String(repeating: "─", count: 4) + (zh ? " 标准线 " : " the line ") + String(repeating: "─", count: rightW - 14), x: rx, y: y,
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
        c.put(zh ? "每人每日入户数（最近 \(p.days.count) 个工作日）" : "Interviews per enumerator per day (last \(p.days.count) working days)",
              x: lx, y: y, style: .title)
        y += 1
        let nameW = 14
        x = lx + nameW
        for day in p.days { x += c.put(Chrome.right(String(day.suffix(5)), 6), x: x, y: y, style: .hint) + 1 }
        c.put(Chrome.right(zh ? "合计" : "all", 5), x: x, y: y, style: .hint)
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
