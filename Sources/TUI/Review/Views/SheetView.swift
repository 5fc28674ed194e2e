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
        let first = lines.first, rows = lines.count
        // With the history panel over the lower half, the field it is about sits just under the header.
        var top = sheet.top
        if case .history? = state.overlay { top = max(0, min(sheet.selected - 3, sheet.lines.count - rows)) }
        for (i, line) in sheet.lines.dropFirst(top).prefix(rows).enumerated() {
            draw(&buf, line, y: first + i, selected: top + i == sheet.selected)
        }
        if top > 0 { buf.put("↑", x: buf.width - 1, y: first, style: .hint) }
        if top + rows < sheet.lines.count { buf.put("↓", x: buf.width - 1, y: first - 1 + rows, style: .hint) }
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

    static func draw(_ buf: inout ScreenBuffer, _ line: SheetLine, y: Int, selected: Bool) {
        let x = 1 + line.indent, w = buf.width - 2 - line.indent
        switch line.kind {
        case .section:
            buf.put(line.label, x: 1, y: y, style: Style(color: .cyan, bold: true), limit: buf.width - 2)
        case .row:
            buf.put(line.label, x: x, y: y, style: .title, limit: w)
        case .field:
            if selected { buf.fill(x: 0, y: y, width: buf.width - 1, height: 1, style: .selected) }
            let used = buf.put(line.label, x: x, y: y, style: selected ? Style(bold: true, reverse: true) : .plain, limit: labelWidth - line.indent)
            let vx = max(x + used + 1, 1 + labelWidth + 1)
            buf.put(line.value.isEmpty ? "—" : line.value, x: vx, y: y, style: selected ? .selected : line.value.isEmpty ? .hint : Style(bold: true),
                    limit: buf.width - 2 - vx)
        case .calculated:
            let used = buf.put(line.label, x: x, y: y, style: .hint, limit: labelWidth - line.indent)
            let vx = max(x + used + 1, 1 + labelWidth + 1)
            buf.put("= " + (line.value.isEmpty ? "—" : line.value), x: vx, y: y, style: .hint, limit: buf.width - 2 - vx)
        case .error:
            buf.put("✗ " + line.label, x: x, y: y, style: .error, limit: w)
        case .warning:
            buf.put("! " + line.label, x: x, y: y, style: .warning, limit: w)
        case .explained:
            buf.put("! " + line.label, x: x, y: y, style: .hint, limit: w)
        case .comment:
            buf.put(line.label, x: x, y: y, style: .comment, limit: w)
        case .decision(let approved):
            buf.put(line.label, x: x, y: y, style: approved ? Style(color: .green, bold: true) : Style(color: .yellow, bold: true), limit: w)
        case .assessment:
            let used = buf.put(line.label, x: x, y: y, style: line.label.hasPrefix("✗") ? .error : .plain, limit: labelWidth - line.indent)
            buf.put(line.value, x: max(x + used + 1, 1 + labelWidth + 1), y: y, limit: buf.width - 4 - labelWidth)
        }
    }
}
