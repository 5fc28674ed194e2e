import Survey

/// Moving through the form on screen. Like `Interview.moveNext`, but it also stops at the end of the
/// section where a roster's rows are added (so a new household can add its first member from the
/// keyboard), and it walks one row's questions at a time instead of listing a whole section, so a
/// move costs the same with 200 members as with 2.
struct FormNavigation {
    let interview: Interview
    var questionnaire: Questionnaire { interview.questionnaire }

    /// The section where a roster's rows are added: the first section asked per row of it.
    func ownsRoster(_ section: Int) -> Bool {
        guard let r = questionnaire.sections[section].roster else { return false }
        return questionnaire.sections.first { $0.roster == r }?.index == section
    }

    /// Sections asked per row of a roster, in form order (for members: B, C, F, G).
    func sections(of roster: Int) -> [Int] { questionnaire.sections.filter { $0.roster == roster }.map(\.index) }

    private func inputs(_ section: Int) -> [Int] { questionnaire.sections[section].questions.filter { questionnaire.questions[$0].isInput } }

    private func rows(_ section: Int) -> [RowID?] {
        guard let r = questionnaire.sections[section].roster else { return [nil] }
        return interview.rowIDs(of: r).map { Optional($0) }
    }

    /// The first question of a section in one row that applies.
    func first(in section: Int, row: RowID?, last: Bool = false) -> Position? {
        let qs = last ? inputs(section).reversed() : inputs(section)
        return qs.first { interview.isRelevant($0, row: row) }.map { Position(section: section, row: row, question: $0) }
    }

    /// The first stop of a section from the start (or the end, going back).
    func entry(of section: Int, forward: Bool) -> FormCursor? {
        if !forward, ownsRoster(section) { return .rosterEnd(section: section) }
        let rs = forward ? rows(section) : rows(section).reversed()
        for r in rs { if let p = first(in: section, row: r, last: !forward) { return .field(p) } }
        if forward, ownsRoster(section) { return .rosterEnd(section: section) }
        return nil
    }

    /// The next stop after the cursor; nil at the end of the form.
    func next(_ cursor: FormCursor) -> FormCursor? {
        switch cursor {
        case .rosterEnd(let s):
            return after(section: s, forward: true)
        case .field(let p):
            let qs = inputs(p.section)
            if let i = qs.firstIndex(of: p.question),
               let q = qs[(i + 1)...].first(where: { interview.isRelevant($0, row: p.row) }) {
                return .field(Position(section: p.section, row: p.row, question: q))
            }
            let rs = rows(p.section)
            if let i = rs.firstIndex(of: p.row) {
                for r in rs[(i + 1)...] { if let hit = first(in: p.section, row: r) { return .field(hit) } }
            }
            if ownsRoster(p.section) { return .rosterEnd(section: p.section) }
            return after(section: p.section, forward: true)
        }
    }

    /// The stop before the cursor; nil at the start of the form.
    func previous(_ cursor: FormCursor) -> FormCursor? {
        switch cursor {
        case .rosterEnd(let s):
            for r in rows(s).reversed() { if let hit = first(in: s, row: r, last: true) { return .field(hit) } }
            return after(section: s, forward: false)
        case .field(let p):
            let qs = inputs(p.section)
            if let i = qs.firstIndex(of: p.question),
               let q = qs[..<i].last(where: { interview.isRelevant($0, row: p.row) }) {
                return .field(Position(section: p.section, row: p.row, question: q))
            }
            let rs = rows(p.section)
            if let i = rs.firstIndex(of: p.row) {
                for r in rs[..<i].reversed() { if let hit = first(in: p.section, row: r, last: true) { return .field(hit) } }
            }
            return after(section: p.section, forward: false)
        }
    }

    /// The first stop in the sections after (or before) one.
    func after(section: Int, forward: Bool) -> FormCursor? {
        let range = forward ? Array(section + 1..<questionnaire.sections.count) : Array((0..<section).reversed())
        for s in range { if let c = entry(of: s, forward: forward) { return c } }
        return nil
    }

    /// The stop the form opens at: the saved position if it still applies, else the first.
    func start(at position: Position?) -> FormCursor {
        if let p = position, valid(p) { return .field(p) }
        return entry(of: 0, forward: true) ?? after(section: 0, forward: true) ?? .rosterEnd(section: 0)
    }

    /// Whether a position is a field that exists and applies.
    func valid(_ p: Position) -> Bool {
        guard questionnaire.sections.indices.contains(p.section), questionnaire.questions.indices.contains(p.question) else { return false }
        let q = questionnaire.questions[p.question]
        guard q.isInput, q.section == p.section else { return false }
        if let r = q.roster { guard let row = p.row, interview.rowIDs(of: r).contains(row) else { return false } }
        return interview.isRelevant(p.question, row: p.row)
    }
}
