import Foundation

/// One household's interview: answers, roster rows, check results and the cursor. Every action returns
/// the changes to persist; a changed answer re-evaluates only what depends on it.
public final class Interview: ValueSource {
    public let questionnaire: Questionnaire
    public let householdID: UUID
    /// The day the interview is judged on (birth dates after it are impossible).
    public let referenceDay: Day

    /// Answers as typed, including stale ones (hidden by a relevance that turned false).
    public private(set) var answers: [FieldKey: Value] = [:]
    private var computed: [FieldKey: Value] = [:]
    private var hidden: Set<FieldKey> = []
    private var failing: Set<CheckKey> = []
    public private(set) var overrides: [CheckKey: String] = [:]
    private var rows: [[RowID]]
    public private(set) var removedRows: [[RemovedRow]]
    /// The cursor; nil before the first move.
    public var position: Position?

    /// Starts an empty household; rows are added with `addRow`.
    public init(questionnaire: Questionnaire, householdID: UUID = UUID(), today: Day) {
        self.questionnaire = questionnaire
        self.householdID = householdID
        referenceDay = today
        rows = Array(repeating: [], count: questionnaire.rosters.count)
        removedRows = Array(repeating: [], count: questionnaire.rosters.count)
        evaluateAll()
        position = firstSlot(from: 0)
    }

    /// Rebuilds an interview from what the store holds.
    public init(questionnaire: Questionnaire, householdID: UUID, today: Day, rows: [String: [RowID]],
                removed: [String: [RemovedRow]] = [:], answers: [(question: String, row: RowID?, value: Value)],
                overrides: [(check: String, row: RowID?, reason: String)] = [], position: Position? = nil) {
        self.questionnaire = questionnaire
        self.householdID = householdID
        referenceDay = today
        self.rows = questionnaire.rosters.map { rows[$0.id] ?? [] }
        removedRows = questionnaire.rosters.map { removed[$0.id] ?? [] }
        for a in answers {
            if let q = questionnaire.questionIndex(of: a.question) { self.answers[FieldKey(q, a.row)] = a.value }
        }
        for o in overrides {
            if let c = questionnaire.checks.first(where: { $0.id == o.check }) { self.overrides[CheckKey(c.index, o.row)] = o.reason }
        }
        evaluateAll()
        self.position = position ?? firstSlot(from: 0)
    }

    // MARK: Reading

    public func value(of field: Int, row: RowID?) -> Value? {
        let key = FieldKey(field, row)
        if hidden.contains(key) { return nil }
        return questionnaire.questions[field].isInput ? answers[key] : computed[key]
    }

    /// The value of a question by id (calculated or typed), nil when unanswered or hidden.
    public func value(_ id: String, row: RowID? = nil) -> Value? {
        questionnaire.questionIndex(of: id).flatMap { value(of: $0, row: row) }
    }

    public func rowIDs(of roster: Int) -> [RowID] { rows[roster] }

    /// The active rows of a roster by id.
    public func rows(_ roster: String) -> [RowID] { questionnaire.roster(roster).map { rows[$0.index] } ?? [] }

    /// Whether the question applies (its `relevant` holds) in this row.
    public func isRelevant(_ question: Int, row: RowID?) -> Bool { !hidden.contains(FieldKey(question, row)) }

    /// Answers kept but hidden because their question no longer applies: excluded from completeness and export.
    public var staleAnswers: [FieldKey] {
        answers.keys.filter { hidden.contains($0) && isActive($0.row, roster: questionnaire.questions[$0.question].roster) }
    }

    /// Every failing check, errors first, in questionnaire order; overridden warnings carry their reason.
    public var problems: [Problem] {
        let list: [Problem] = failing.map { k in
            let c = questionnaire.checks[k.check]
            return Problem(check: k.check, row: k.row, severity: c.severity, overrideReason: c.severity == .warning ? overrides[k] : nil)
        }
        return list.sorted { (a: Problem, b: Problem) -> Bool in
            let ca = questionnaire.checks[a.check], cb = questionnaire.checks[b.check]
            if ca.severity != cb.severity { return ca.severity == .error }
            let pa = slotOrder(ca.field, a.row), pb = slotOrder(cb.field, b.row)
            return pa != pb ? pa.lexicographicallyPrecedes(pb) : a.check < b.check
        }
    }

    /// Problems at one field (for inline messages under a question).
    public func problems(at question: Int, row: RowID?) -> [Problem] {
        questionnaire.questions[question].checks.compactMap { c in
            let check = questionnaire.checks[c]
            let key = CheckKey(c, check.roster == nil ? nil : row)
            guard failing.contains(key) else { return nil }
            return Problem(check: c, row: key.row, severity: check.severity, overrideReason: check.severity == .warning ? overrides[key] : nil)
        }
    }

    /// Hard errors still failing: while any remain the household cannot be completed.
    public var hardErrorCount: Int { failing.reduce(0) { $0 + (questionnaire.checks[$1.check].severity == .error ? 1 : 0) } }

    /// Soft problems that still need a reason.
    public var unexplainedWarningCount: Int {
        failing.reduce(0) { $0 + (questionnaire.checks[$1.check].severity == .warning && overrides[$1] == nil ? 1 : 0) }
    }

    // MARK: Changing

    /// Sets (or clears, with nil) an answer, checking its type; re-evaluates what depends on it.
    @discardableResult
    public func answer(_ question: Int, row: RowID?, _ value: Value?) throws(InterviewError) -> [InterviewChange] {
        let q = questionnaire.questions[question]
        guard q.isInput else { throw .calculated(Labelled(q)) }
        let row = q.roster == nil ? nil : row
        if let r = q.roster { guard let row, rows[r].contains(row) else { throw .noSuchRow } }
        let key = FieldKey(question, row)
        guard !hidden.contains(key) else { throw .notRelevant(Labelled(q)) }
        let new = try value.map { v throws(InterviewError) in try Self.conform(v, to: q) }
        let old = answers[key]
        guard old != new else { return [] }
        answers[key] = new
        var changes: [InterviewChange] = [.answer(question: q.id, row: row, old: old, new: new)]
        // A reason given for the old value does not speak for the new one.
        for c in q.checks where questionnaire.checks[c].ownsValue {
            if overrides.removeValue(forKey: CheckKey(c, row)) != nil {
                changes.append(.override(check: questionnaire.checks[c].id, row: row, reason: nil))
            }
        }
        propagate(from: question, row: row)
        return changes
    }

    /// Sets an answer by question id.
    @discardableResult
    public func answer(_ id: String, row: RowID? = nil, _ value: Value?) throws(InterviewError) -> [InterviewChange] {
        guard let q = questionnaire.questionIndex(of: id) else { throw .unknownQuestion(id) }
        return try answer(q, row: row, value)
    }

    /// Adds a row at the end of a roster.
    @discardableResult
    public func addRow(_ roster: String, id: RowID = RowID()) throws(InterviewError) -> (RowID, [InterviewChange]) {
        guard let r = questionnaire.roster(roster) else { throw .unknownQuestion(roster) }
        guard rows[r.index].count < r.max else { throw .rosterFull(Labelled(r), r.max) }
        rows[r.index].append(id)
        evaluateAll()
        return (id, [.rowAdded(roster: roster, row: id, order: rows[r.index].count - 1)])
    }

    /// Removes a row: an explicit step with a reason; its answers are kept for the record.
    @discardableResult
    public func removeRow(_ roster: String, row: RowID, reason: String) throws(InterviewError) -> [InterviewChange] {
        guard let r = questionnaire.roster(roster) else { throw .unknownQuestion(roster) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired }
        guard let i = rows[r.index].firstIndex(of: row) else { throw .noSuchRow }
        rows[r.index].remove(at: i)
        removedRows[r.index].append(RemovedRow(row: row, reason: reason))
        if position?.row == row { position = firstSlot(from: position!.section) }
        evaluateAll()
        return [.rowRemoved(roster: roster, row: row, reason: reason)]
    }

    /// Accepts a soft problem with a typed reason (kept with the household).
    @discardableResult
    public func override(_ key: CheckKey, reason: String) throws(InterviewError) -> [InterviewChange] {
        let c = questionnaire.checks[key.check]
        guard c.severity == .warning else { throw .hardCheckCannotBeOverridden }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired }
        guard failing.contains(key) else { throw .notFailing }
        overrides[key] = reason
        return [.override(check: c.id, row: key.row, reason: reason)]
    }

    /// Refuses completion while a hard error remains or a soft one lacks a reason.
    public func checkCompletable() throws(InterviewError) {
        let n = hardErrorCount + unexplainedWarningCount
        if n > 0 { throw .hardErrorsRemain(n) }
    }

    // MARK: Evaluation

    private func isActive(_ row: RowID?, roster: Int?) -> Bool {
        guard let roster, let row else { return true }
        return rows[roster].contains(row)
    }

    private func instances(_ roster: Int?) -> [RowID?] {
        guard let roster else { return [nil] }
        return rows[roster].map { Optional($0) }
    }

    private func recomputeValue(_ q: Int, row: RowID?) {
        let question = questionnaire.questions[q]
        let key = FieldKey(q, row)
        var ev = Evaluator(source: self, questionnaire: questionnaire, row: row, roster: question.roster)
        let relevant = question.relevant.map { ev.evaluate($0)?.bool == true } ?? true
        if relevant { hidden.remove(key) } else { hidden.insert(key) }
        if let calc = question.calculate {
            var v = relevant ? ev.evaluate(calc) : nil
            if question.type == .integer, let n = v?.number { v = .number(n.rounded()) }
            if case .number(let n)? = v, question.type == .code { v = n.whole.map { .code($0) } }
            computed[key] = v
        }
    }

    private func recomputeCheck(_ c: Int, row: RowID?) {
        let check = questionnaire.checks[c]
        let key = CheckKey(c, row)
        var fails = false
        var ev = Evaluator(source: self, questionnaire: questionnaire, row: row, roster: check.roster)
        if check.ownsValue {
            if let v = value(of: check.field, row: row) {
                ev.current = v
                fails = ev.evaluate(check.test)?.bool == false
            }
        } else {
            fails = ev.evaluate(check.test)?.bool == false
        }
        if fails { failing.insert(key) } else { failing.remove(key) }
    }

    private func propagate(from question: Int, row: RowID?) {
        let graph = questionnaire.graph
        for step in graph.valuePlan[question] {
            if step.everyRow {
                for r in instances(questionnaire.questions[step.target].roster) { recomputeValue(step.target, row: r) }
            } else {
                recomputeValue(step.target, row: row)
            }
        }
        for step in graph.checkPlan[question] {
            let roster = questionnaire.checks[step.target].roster
            if step.everyRow || roster == nil {
                for r in instances(roster) { recomputeCheck(step.target, row: r) }
            } else {
                recomputeCheck(step.target, row: row)
            }
        }
    }

    /// Re-evaluates everything (after rows are added or removed, and on load).
    private func evaluateAll() {
        hidden.removeAll(keepingCapacity: true)
        computed.removeAll(keepingCapacity: true)
        failing.removeAll(keepingCapacity: true)
        for q in questionnaire.graph.order {
            for r in instances(questionnaire.questions[q].roster) { recomputeValue(q, row: r) }
        }
        for c in questionnaire.checks {
            for r in instances(c.roster) { recomputeCheck(c.index, row: r) }
        }
    }

    /// Makes a value fit its question's type, or says why it cannot.
    static func conform(_ v: Value, to q: Question) throws(InterviewError) -> Value {
        switch (q.type, v) {
        case (.text, .text(let s)):
            return .text(s)
        case (.idNumber, .text(let s)):
            return .text(s.uppercased())
        case (.integer, .number(let n)):
            guard n == n.rounded(), n.isFinite else { throw .wrongType(Labelled(q), expected: .integer) }
            return v
        case (.decimal, .number(let n)):
            guard n.isFinite else { throw .wrongType(Labelled(q), expected: .decimal) }
            return .number((n * 100).rounded() / 100)
        case (.code, .code(let c)):
            guard q.codeList?.contains(c) ?? false else { throw .notInCodeList(Labelled(q), c) }
            return v
        case (.code, .number(let n)) where Int(exactly: n) != nil:
            return try conform(.code(Int(exactly: n)!), to: q)
        case (.codes, .codes(let cs)):
            for c in cs where !(q.codeList?.contains(c) ?? false) { throw .notInCodeList(Labelled(q), c) }
            return .codes(Array(Set(cs)).sorted())
        case (.yesno, .bool), (.date, .date):
            return v
        default:
            throw .wrongType(Labelled(q), expected: q.type)
        }
    }
}
