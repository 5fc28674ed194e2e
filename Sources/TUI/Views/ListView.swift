import Store
import Survey

/// The start screen: the households of the village, search as you type.
enum ListView {
    static let widths = [6, 10, 19, 8, 8, 9, 5, 6]

    static func draw(_ buf: inout ScreenBuffer, _ state: AppState) {
        let l = state.lang, list = state.list
        let village = state.village.map { Phrase.listVillage.text(l, $0) } ?? ""
        Chrome.titleBar(&buf, Phrase.listTitle.text(l) + village,
                        right: Phrase.listTotal.text(l, list.total))
        let label = Phrase.listSearchLabel.text(l)
        var x = buf.put(label, x: 1, y: 1, style: .title)
        x += buf.put(list.query, x: 1 + x, y: 1)
        buf.put("_", x: 1 + x, y: 1, style: .key)
        let header = [Phrase.columnNumber.text(l), Phrase.head.text(l), Phrase.columnHeadID.text(l), Phrase.columnGroup.text(l), Phrase.status.text(l),
                      Phrase.columnDone.text(l), Phrase.columnErrors.text(l), Phrase.columnWarnings.text(l)]
        row(&buf, 2, header, style: Style(bold: true), styles: nil)
        if list.total == 0 && !list.loading {
            let empty = list.query.isEmpty ? Phrase.listEmpty.text(l)
                                           : Phrase.listNothingMatches.text(l, list.query)
            buf.put(empty, x: 2, y: 4, style: .hint)
        }
        let rows = state.layout.households
        for (i, index) in list.selection.onScreen(rows.count).enumerated() {
            let y = rows.first + i
            guard list.page.indices.contains(index - list.offset) else {
                buf.put("…", x: 1, y: y, style: .hint)
                continue
            }
            let h = list.page[index - list.offset]
            let progress = h.required > 0 ? "\(h.answered)/\(h.required)" : "-"
            let cells = [h.householdNo, h.headName.isEmpty ? Phrase.notFilledIn.text(l) : h.headName, h.headIDNumber, h.groupName,
                         StatusBadge(h.status).label(l), progress, h.hardErrors > 0 ? String(h.hardErrors) : "", h.softOpen > 0 ? String(h.softOpen) : ""]
            let selected = index == list.selected
            var styles = Array(repeating: selected ? Style.selected : Style.plain, count: cells.count)
            if !selected {
                styles[4] = StatusBadge(h.status).style
                styles[6] = .error
                styles[7] = .warning
            }
            if selected { buf.fill(x: 0, y: y, width: buf.width, height: 1, style: .selected) }
            row(&buf, y, cells, style: selected ? .selected : .plain, styles: styles)
        }
        if list.total > 0 {
            let where_ = Phrase.listPosition.text(l, list.selected + 1, list.total)
            buf.put(where_, x: buf.width - CellWidth.of(where_) - 1, y: state.layout.positionLine, style: .hint)
        }
        // What just happened first; else the certificate's notice, which stays until the county enrols the device again.
        Chrome.statusLine(&buf, state.status ?? state.certificate?.notice(l),
                          hint: Phrase.listHint.text(l))
        Chrome.keyBar(&buf, [("Enter", Phrase.listKeyOpen.text(l)), ("F7", Phrase.listKeyNew.text(l)), ("↑↓", Phrase.listKeySelect.text(l)),
                             ("Esc", Phrase.listKeyClear.text(l)), ("F1", Phrase.listKeyHelp.text(l)), ("F10", Phrase.listKeyQuit.text(l))])
    }

    /// One line of a table of columns `widths` wide, one space apart (the supervisor's list draws its own).
    static func row(_ buf: inout ScreenBuffer, _ y: Int, _ cells: [String], style: Style, styles: [Style]?, widths: [Int] = widths) {
        var x = 1
        for (i, text) in cells.enumerated() {
            buf.put(text, x: x, y: y, style: styles?[i] ?? style, limit: widths[i])
            x += widths[i] + 1
        }
    }
}
