import Store
import Survey

/// One household, read-only, every section on one scrollable page; the cursor stops on fields.
enum SheetView {
    static let labelWidth = 26

    static func draw(_ buf: inout ScreenBuffer, _ state: ReviewState, _ sheet: HouseholdSheet) {
        let l = state.lang, r = sheet.record
        Chrome.titleBar(&buf, Phrase.sheetTitle.text(l) + sheet.name + Phrase.sheetVillage.text(l) + r.villageCode,
                        right: StatusBadge(r.status).label(l))
        var x = 1
        func fact(_ label: String, _ value: String, _ style: Style = Style(bold: true)) {
            x += buf.put(label, x: x, y: 1, style: .hint) + 1
            x += buf.put(value, x: x, y: 1, style: style) + 2
        }
        fact(Phrase.cardEnumerator.text(l), r.enumerator)
        fact(Phrase.sheetDone.text(l), "\(r.answered)/\(r.required)")
        fact(Phrase.sheetErrors.text(l), String(r.hardErrors), r.hardErrors > 0 ? .error : .done)
        fact(Phrase.sheetOpen.text(l), String(r.softOpen), r.softOpen > 0 ? .warning : .done)
        fact(Phrase.sheetExplained.text(l), String(sheet.overrides))
        fact(Phrase.sheetConflicts.text(l), String(sheet.openConflicts), sheet.openConflicts > 0 ? .error : .done)

        // Who sent it, on a header line of its own (a household made on this store has none).
        let lines = state.layout.sheet(withSender: sheet.sender != nil)
        if let from = sheet.senderLine(l), let s = sheet.sender {
            let word = Phrase.sheetFrom.text(l)
            let used = buf.put(word, x: 1, y: 2, style: .hint)
            let name = buf.put(s.person, x: 2 + used, y: 2, style: Style(bold: true), limit: buf.width - 3 - used)
            buf.put(String(from.dropFirst(word.count + 1 + s.person.count)), x: 2 + used + name, y: 2, style: .hint, limit: buf.width - 3 - used - name)
        }
        let first = lines.first, rows = lines.count, width = buf.width
        let starts = rowStarts(sheet, width: width), total = starts.last ?? 0
        // With the history panel over the lower half, the field it is about sits just under the header.
        var top = sheet.top
        if case .history? = state.overlay, sheet.lines.indices.contains(sheet.selected) {
            top = max(0, min(starts[sheet.selected] - 3, total - rows))
        }
        // Each line is drawn whole on a strip of its own rows; the rows on screen are copied.
        var i = max(0, (starts.lastIndex { $0 <= top } ?? 0))
        while i < sheet.lines.count, starts[i] < top + rows {
            let strip = self.strip(sheet.lines[i], width: width, selected: i == sheet.selected)
            let from = max(0, top - starts[i]), to = min(strip.height, top + rows - starts[i])
            if from < to { buf.copy(strip, rows: from..<to, to: first + starts[i] + from - top) }
            i += 1
        }
        if top > 0 { buf.put("↑", x: buf.width - 1, y: first, style: .hint) }
        if top + rows < total { buf.put("↓", x: buf.width - 1, y: first - 1 + rows, style: .hint) }
        let fields = sheet.lines.filter(\.isField).count
        let here = sheet.lines[..<min(sheet.lines.count, sheet.selected + 1)].filter(\.isField).count
        let where_ = Phrase.sheetPosition.text(l, here, fields)
        buf.put(where_, x: buf.width - CellWidth.of(where_) - 1, y: state.layout.positionLine, style: .hint)
        Chrome.statusLine(&buf, state.status, hint: Phrase.sheetHint.text(l))
        // Esc (back) is left to the help screen in English: the English words need the room.
        let keys: [(String, Phrase)] = [("Enter", .sheetKeyHistory), ("F3", .sheetKeyFieldComment), ("F4", .sheetKeyHouseholdComment),
                                        ("F6", .sheetKeyNextProblem), ("F8", .sheetKeySendBack), ("F9", .sheetKeyApprove)]
            + (l == .zh ? [("Esc", .sheetKeyBack)] : []) + [("F1", .sheetKeyHelp)]
        Chrome.keyBar(&buf, keys.map { ($0.0, $0.1.text(l)) })
    }

    /// The screen row each line starts on, when the sheet is `width` columns wide, and the rows of all
    /// of them last: lines wrap, so the update scrolls by these and the view draws by them.
    static func rowStarts(_ sheet: HouseholdSheet, width: Int) -> [Int] {
        var out: [Int] = [], row = 0
        out.reserveCapacity(sheet.lines.count + 1)
        for line in sheet.lines { out.append(row); row += height(line, width: width) }
        out.append(row)
        return out
    }

    /// Rows a line takes at this width.
    static func height(_ line: SheetLine, width: Int) -> Int {
        let p = parts(line, width: width)
        return max(1, p.label.count, p.value.count)
    }

    /// A line's text as it wraps: in one column across the sheet, or a label and a value column.
    static func parts(_ line: SheetLine, width: Int) -> (label: [String], value: [String]) {
        let w = width - 2 - line.indent
        switch line.kind {
        case .section: return (LineBreak.lines(line.label, width: width - 2), [])
        case .row, .comment, .decision: return (LineBreak.lines(line.label, width: w), [])
        case .error, .warning, .explained: return (LineBreak.lines(line.label, width: w - 2), [])
        case .field, .calculated, .assessment:
            // A guarantee's label has the whole line when nothing stands beside it, and wraps under its mark.
            let room = line.kind == .assessment && line.value.isEmpty ? w : labelWidth - line.indent
            var labels: [String] = []
            if case .assessment = line.kind, let mark = ["✓ ", "✗ ", "? "].first(where: line.label.hasPrefix) {
                labels = LineBreak.lines(String(line.label.dropFirst(2)), width: room - 2).enumerated().map { ($0 == 0 ? mark : "  ") + $1 }
            } else if !line.label.isEmpty {
                labels = LineBreak.lines(line.label, width: room)
            }
            let valueWidth = width - 2 - (labelWidth + 2)
            var value = line.value
            if case .field = line.kind, value.isEmpty { value = "—" }
            if case .calculated = line.kind { value = "= " + (value.isEmpty ? "—" : value) }
            return (labels, value.isEmpty ? [] : LineBreak.lines(value, width: valueWidth))
        }
    }

    /// One line drawn whole, on a strip as tall as it wraps.
    static func strip(_ line: SheetLine, width: Int, selected: Bool) -> ScreenBuffer {
        let p = parts(line, width: width)
        var buf = ScreenBuffer(width: width, height: max(1, p.label.count, p.value.count))
        let x = 1 + line.indent, vx = 1 + labelWidth + 1
        func column(_ texts: [String], x: Int, _ style: Style) {
            for (i, t) in texts.enumerated() { buf.put(t, x: x, y: i, style: style) }
        }
        switch line.kind {
        case .section:
            column(p.label, x: 1, Style(color: .cyan, bold: true))
        case .row:
            column(p.label, x: x, .title)
        case .field:
            if selected { buf.fill(x: 0, y: 0, width: width - 1, height: buf.height, style: .selected) }
            column(p.label, x: x, selected ? Style(bold: true, reverse: true) : .plain)
            column(p.value, x: vx, selected ? .selected : line.value.isEmpty ? .hint : Style(bold: true))
        case .calculated:
            column(p.label, x: x, .hint)
            column(p.value, x: vx, .hint)
        case .error, .warning, .explained:
            let style: Style = line.kind == .error ? .error : line.kind == .warning ? .warning : .hint
            buf.put(line.kind == .error ? "✗" : "!", x: x, y: 0, style: style)
            column(p.label, x: x + 2, style)
        case .comment:
            column(p.label, x: x, .comment)
        case .decision(let approved):
            column(p.label, x: x, approved ? Style(color: .green, bold: true) : Style(color: .yellow, bold: true))
        case .assessment:
            column(p.label, x: x, line.label.hasPrefix("✗") ? .error : .plain)
            column(p.value, x: vx, .plain)
        }
        return buf
    }
}
