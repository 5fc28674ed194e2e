/// Moving through the form: only questions that apply and are typed (calculated ones are shown, not visited).
extension Interview {
    /// The positions of a section, in order: its questions, or per row its questions.
    public func slots(in section: Int) -> [Position] {
        let s = questionnaire.sections[section]
        var out: [Position] = []
        for row in instanceRows(s.roster) {
            for q in s.questions where questionnaire.questions[q].isInput && isRelevant(q, row: row) {
                out.append(Position(section: section, row: row, question: q))
            }
        }
        return out
    }

    private func instanceRows(_ roster: Int?) -> [RowID?] {
        guard let roster else { return [nil] }
        return rowIDs(of: roster).map { Optional($0) }
    }

    func firstSlot(from section: Int) -> Position? {
        for s in section..<questionnaire.sections.count { if let p = slots(in: s).first { return p } }
        return nil
    }

    /// Sort key of a field in the form's order (for listing problems).
    func slotOrder(_ question: Int, _ row: RowID?) -> [Int] {
        let q = questionnaire.questions[question]
        let rowIndex = q.roster.flatMap { r in row.flatMap { rowIDs(of: r).firstIndex(of: $0) } } ?? 0
        return [q.section, rowIndex, question]
    }

    /// The first position after (`forward`) or before the cursor that satisfies `match`, crossing
    /// sections; with `wrap`, continues from the other end of the form. Builds one section's positions
    /// at a time and stops at the first match, so a move costs what it skips, not the whole form.
    func firstPosition(forward: Bool, wrap: Bool = false, where match: (Position) -> Bool = { _ in true }) -> Position? {
        let count = questionnaire.sections.count
        guard count > 0 else { return nil }
        let start = position?.section ?? (forward ? 0 : count - 1)
        let order: [Int] = forward ? Array(start..<count) + (wrap ? Array(0...start) : [])
                                   : Array((0...start).reversed()) + (wrap ? Array((start..<count).reversed()) : [])
        for (n, s) in order.enumerated() {
            var here = slots(in: s)
            if !forward { here.reverse() }
            if n == 0, let p = position, let i = here.firstIndex(of: p) {
                here = Array(here[(i + 1)...])                       // strictly after the cursor
            } else if n == order.count - 1, wrap, let p = position, let i = here.firstIndex(of: p) {
                here = Array(here[...i])                             // back round to the cursor itself
            }
            if let hit = here.first(where: match) { return hit }
        }
        return nil
    }

    /// Moves to the next question that applies; false at the end of the form.
    @discardableResult public mutating func moveNext() -> Bool { move(to: firstPosition(forward: true)) }

    /// Moves to the previous question that applies; false at the start.
    @discardableResult public mutating func movePrevious() -> Bool { move(to: firstPosition(forward: false)) }

    /// Moves to a section's first question that applies (or its first row's, for a roster section).
    @discardableResult public mutating func moveTo(section: Int) -> Bool {
        guard questionnaire.sections.indices.contains(section) else { return false }
        return move(to: slots(in: section).first)
    }

    /// Moves to a given question and row, if it applies.
    @discardableResult public mutating func moveTo(question: Int, row: RowID?) -> Bool {
        let q = questionnaire.questions[question]
        let target = Position(section: q.section, row: q.roster == nil ? nil : row, question: question)
        return move(to: slots(in: q.section).contains(target) ? target : nil)
    }

    /// Moves to the next required question with no answer, wrapping to the start; false when none is left.
    @discardableResult public mutating func moveToNextUnanswered() -> Bool {
        move(to: firstPosition(forward: true, wrap: true) { p in
            questionnaire.questions[p.question].required && answers[FieldKey(p.question, p.row)] == nil
        })
    }

    /// Moves to the field of the next problem after the cursor (wrapping); false when there is none.
    @discardableResult public mutating func moveToNextProblem() -> Bool {
        let open = problems.filter { $0.overrideReason == nil }
        guard !open.isEmpty else { return false }
        let here = position.map { slotOrder($0.question, $0.row) } ?? []
        let targets = open.map { p -> (order: [Int], question: Int, row: RowID?) in
            let c = questionnaire.checks[p.check]
            var row = p.row
            if row == nil, let r = questionnaire.questions[c.field].roster { row = rowIDs(of: r).first }
            return (slotOrder(c.field, row), c.field, row)
        }.sorted { $0.order.lexicographicallyPrecedes($1.order) }
        let next = targets.first { here.lexicographicallyPrecedes($0.order) } ?? targets[0]
        let q = questionnaire.questions[next.question]
        position = Position(section: q.section, row: next.row, question: next.question)
        return true
    }

    private mutating func move(to p: Position?) -> Bool {
        guard let p else { return false }
        position = p
        return true
    }
}
