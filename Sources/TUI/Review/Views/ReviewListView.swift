import Store
import Survey

/// The supervisor's start screen: households across villages and enumerators, their status and
/// problems, with filters, a sort and search as you type.
enum ReviewListView {
    /// Column widths. The village column shows a code without its six county digits, the same on every row
    /// of a county's store; the last column, who sent the latest changes, takes the room that frees.
    static func widths(_ lang: Language) -> [Int] { lang == .zh ? [6, 4, 8, 8, 6, 4, 6, 6, 4, 4, senderWidth] : [7, 4, 8, 8, 9, 4, 4, 4, 4, 4, senderWidth] }
    static let senderWidth = 11

    /// "622922100201" → "100201" (township and village); any other code as it is.
    static func village(_ code: String) -> String {
        code.count == 12 && code.allSatisfy(\.isASCII) ? String(code.suffix(6)) : code
    }

    /// "李文华·3f2a": the person, cut to leave room for the first four characters of the device id.
    static func sender(_ s: ReviewRow.Sender?) -> String {
        guard let s else { return "" }
        let device = String(s.deviceID.prefix(4))
        return TextWidth.fit(s.person, senderWidth - 1 - CellWidth.of(device)).trimmingCharacters(in: .whitespaces) + "·" + device
    }

    static func draw(_ buf: inout ScreenBuffer, _ state: ReviewState) {
        let l = state.lang, list = state.list, q = list.query
        let conflicts = list.openConflicts > 0 ? Phrase.reviewListConflicts.text(l, list.openConflicts) : ""
        Chrome.titleBar(&buf, Phrase.reviewListTitle.text(l),
                        right: Phrase.listTotal.text(l, list.total) + conflicts)
        var x = buf.put(Phrase.reviewSearchLabel.text(l), x: 1, y: 1, style: .title)
        x += buf.put(q.search, x: 1 + x, y: 1)
        buf.put("_", x: 1 + x, y: 1, style: .key)
        let sort = Phrase.reviewSortLabel.text(l) + sortName(q.sort, l)
        buf.put(sort, x: buf.width - CellWidth.of(sort) - 1, y: 1, style: .hint)

        let all = Phrase.filterAll.text(l)
        let filters: [(String, String, Bool)] = [
            ("F2", Phrase.filterStatus.text(l) + (q.status.map { StatusBadge($0).label(l) } ?? all), q.status != nil),
            ("F3", Phrase.filterFlag.text(l) + (q.flag.map { flagName($0, l) } ?? all), q.flag != nil),
            ("F4", Phrase.filterVillageLabel.text(l) + (q.village ?? all), q.village != nil),
            ("F5", Phrase.filterEnumeratorLabel.text(l) + (q.enumerator ?? all), q.enumerator != nil)]
        x = 1
        for (key, text, on) in filters {
            x += buf.put(key, x: x, y: 2, style: .key) + 1
            x += buf.put(text, x: x, y: 2, style: on ? Style(color: .yellow, bold: true) : .plain) + 2
        }

        let header = [Phrase.village.text(l), Phrase.columnNumber.text(l), Phrase.head.text(l), Phrase.cardEnumerator.text(l), Phrase.status.text(l),
                      Phrase.columnErrors.text(l), Phrase.columnExplained.text(l), Phrase.sheetOpen.text(l), Phrase.columnConflicts.text(l), Phrase.columnComments.text(l), Phrase.sheetFrom.text(l)]
        ListView.row(&buf, 3, header, style: Style(bold: true), styles: nil, widths: widths(l))
        if list.total == 0 && !list.loading {
            let filtered = q != ReviewQuery(sort: q.sort)
            buf.put(filtered ? Phrase.nothingMatchesEscClears.text(l)
                             : Phrase.noHouseholdsYetImport.text(l),
                    x: 2, y: 5, style: .hint)
        }
        let rows = state.layout.reviewList
        for (i, index) in list.selection.onScreen(rows.count).enumerated() {
            let y = rows.first + i
            guard list.rows.indices.contains(index - list.offset) else {
                buf.put("…", x: 1, y: y, style: .hint)
                continue
            }
            let r = list.rows[index - list.offset], h = r.household
            func n(_ v: Int) -> String { v > 0 ? String(v) : "" }
            let cells = [village(h.villageCode), h.householdNo, h.headName.isEmpty ? Phrase.notFilledIn.text(l) : h.headName, h.enumerator,
                         StatusBadge(h.status).label(l), n(h.hardErrors), n(r.overrides), n(h.softOpen), n(r.openConflicts), n(r.openComments),
                         sender(r.sender)]
            let selected = index == list.selected
            var styles = Array(repeating: selected ? Style.selected : Style.plain, count: cells.count)
            if selected {
                buf.fill(x: 0, y: y, width: buf.width, height: 1, style: .selected)
            } else {
                styles[4] = StatusBadge(h.status).style
                styles[5] = .error
                styles[6] = .hint
                styles[7] = .warning
                styles[8] = .error
                styles[9] = .comment
            }
            ListView.row(&buf, y, cells, style: .plain, styles: styles, widths: widths(l))
        }
        if list.total > 0 {
            let where_ = Phrase.listPosition.text(l, list.selected + 1, list.total)
            buf.put(where_, x: buf.width - CellWidth.of(where_) - 1, y: state.layout.positionLine, style: .hint)
        }
        // What just happened first; else the certificate's notice, which stays until the county enrols the device again.
        Chrome.statusLine(&buf, state.status ?? state.certificate?.notice(l), hint: Phrase.typeNameIdNumber.text(l))
        Chrome.keyBar(&buf, [("Enter", Phrase.reviewKeyReview.text(l)), ("F2", Phrase.csvStatus.text(l)), ("F3", Phrase.reviewKeyFlag.text(l)),
                             ("F4", Phrase.reviewKeyVillage.text(l)), ("F6", Phrase.reviewKeySort.text(l)), ("F7", Phrase.reviewKeyConflicts.text(l)),
                             ("F8", Phrase.reviewKeyDashboard.text(l)), ("F1", Phrase.formKeyHelp.text(l)), ("F10", Phrase.quit.text(l))])
    }

    static func flagName(_ f: ReviewQuery.Flag, _ l: Language) -> String {
        switch f {
        case .errors: return Phrase.flagErrors.text(l)
        case .unexplained: return Phrase.flagOpenWarnings.text(l)
        case .overrides: return Phrase.flagReasons.text(l)
        case .conflicts: return Phrase.flagConflicts.text(l)
        case .comments: return Phrase.flagComments.text(l)
        }
    }

    static func sortName(_ s: ReviewQuery.Sort, _ l: Language) -> String {
        switch s {
        case .number: return Phrase.sortNumber.text(l)
        case .status: return Phrase.csvStatus.text(l)
        case .updated: return Phrase.sortLastChange.text(l)
        case .problems: return Phrase.sortProblems.text(l)
        }
    }
}
