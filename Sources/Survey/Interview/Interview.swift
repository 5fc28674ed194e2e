import Foundation

/// One household's interview, as a value: answers, roster rows, check results and the cursor. Every
/// action returns the changes to persist; a changed answer re-evaluates only what depends on it, and
/// the counts the screen and the household list show (completeness, problems, guarantees) are kept
/// up to date in the same pass, so no answer costs a walk over the whole household.
public struct Interview: ValueSource, Sendable {
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
    /// The cursor: where the interview stands, and where it reopens; nil before the first move.
    public var position: Position?
    /// Counts kept with every change (see `Tally`).
    private var tally: Tally
    /// Who is visiting and where: what a question's `default` may offer (never part of the record).
    public var visit = Visit()

    /// Starts an empty household; rows are added with `addRow`.
    public init(questionnaire: Questionnaire, householdID: UUID = UUID(), today: Day) {
        self.questionnaire = questionnaire
        self.householdID = householdID
        referenceDay = today
        rows = Array(repeating: [], count: questionnaire.rosters.count)
        removedRows = Array(repeating: [], count: questionnaire.rosters.count)
        tally = Tally(questionnaire)
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
        tally = Tally(questionnaire)
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

    /// The answer a question's `default` offers in a row, as the answers are now: nil when it has none,
    /// the question does not apply, or the default cannot be an answer to it (a code not in its list).
    public func defaultValue(of question: Int, row: RowID?) -> Value? {
        let q = questionnaire.questions[question]
        let row = q.roster == nil ? nil : row
        guard let expression = q.defaultValue, q.isInput, !hidden.contains(FieldKey(question, row)) else { return nil }
        var ev = Evaluator(source: self, questionnaire: questionnaire, row: row, roster: q.roster)
        ev.visit = visit
        guard var v = ev.evaluate(expression) else { return nil }
        if q.type == .integer, let n = v.number { v = .number(n.rounded()) }
        if case .text(let t) = v, t.isEmpty { return nil }
        return try? Self.conform(v, to: q)
    }

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
    public var hardErrorCount: Int { tally.hardErrors }

    /// Soft problems that still need a reason.
    public var unexplainedWarningCount: Int { tally.openWarnings }

    /// Required questions that apply in a section, and how many of them are answered.
    public func completeness(section: Int) -> (answered: Int, required: Int) { (tally.answered[section], tally.required[section]) }

    /// Completeness of the whole household.
    public var completeness: (answered: Int, required: Int) { (tally.answered.reduce(0, +), tally.required.reduce(0, +)) }

    /// Hard errors failing at the fields of a section.
    public func errorCount(section: Int) -> Int { tally.errors[section] }

    /// Whether each guarantee of the standards is met (nil while the answers it needs are missing), in
    /// the standards' order: the same verdicts as `Assessment`, kept up to date answer by answer.
    public var guaranteesMet: [Bool?] { tally.guarantees.map(\.met) }

    /// The ids of the guarantees not met.
    public var unmetGuarantees: [String] {
        zip(questionnaire.standards.guarantees, tally.guarantees).compactMap { g, t in t.met == false ? g.id : nil }
    }

    // MARK: Changing

    /// Sets (or clears, with nil) an answer, checking its type; re-evaluates what depends on it.
    @discardableResult
    public mutating func answer(_ question: Int, row: RowID?, _ value: Value?) throws(InterviewError) -> [InterviewChange] {
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
        if q.required, (old == nil) != (new == nil) { tally.answered[q.section] += new == nil ? -1 : 1 }
        var changes: [InterviewChange] = [.answer(question: q.id, row: row, old: old, new: new)]
        // A reason given for the old value does not speak for the new one.
        for c in q.checks where questionnaire.checks[c].ownsValue {
            let k = CheckKey(c, row)
            if overrides.removeValue(forKey: k) != nil {
                if failing.contains(k), questionnaire.checks[c].severity == .warning { tally.openWarnings += 1 }
                changes.append(.override(check: questionnaire.checks[c].id, row: row, reason: nil))
            }
        }
        propagate(from: question, row: row)
        return changes
    }

    /// Sets an answer by question id.
    @discardableResult
    public mutating func answer(_ id: String, row: RowID? = nil, _ value: Value?) throws(InterviewError) -> [InterviewChange] {
        guard let q = questionnaire.questionIndex(of: id) else { throw .unknownQuestion(id) }
        return try answer(q, row: row, value)
    }

    /// Adds a row at the end of a roster.
    @discardableResult
    public mutating func addRow(_ roster: String, id: RowID = RowID()) throws(InterviewError) -> (RowID, [InterviewChange]) {
        guard let r = questionnaire.roster(roster) else { throw .unknownQuestion(roster) }
        guard rows[r.index].count < r.max else { throw .rosterFull(Labelled(r), r.max) }
        rows[r.index].append(id)
        evaluateAll()
        return (id, [.rowAdded(roster: roster, row: id, order: rows[r.index].count - 1)])
    }

    /// Removes a row: an explicit step with a reason; its answers are kept for the record.
    @discardableResult
    public mutating func removeRow(_ roster: String, row: RowID, reason: String) throws(InterviewError) -> [InterviewChange] {
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
    public mutating func override(_ key: CheckKey, reason: String) throws(InterviewError) -> [InterviewChange] {
        let c = questionnaire.checks[key.check]
        guard c.severity == .warning else { throw .hardCheckCannotBeOverridden }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired }
        guard failing.contains(key) else { throw .notFailing }
        if overrides.updateValue(reason, forKey: key) == nil { tally.openWarnings -= 1 }
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

    // Each step evaluates first (reading the interview) and then stores what it found: an evaluator holds
    // a copy of the interview while it runs, and storing during that would copy whole tables (copy-on-write).

    /// A question's relevance and calculated value in one row, as they are now.
    private func evaluateValue(_ q: Int, row: RowID?) -> (relevant: Bool, value: Value?) {
        let question = questionnaire.questions[q]
        var ev = Evaluator(source: self, questionnaire: questionnaire, row: row, roster: question.roster)
        let relevant = question.relevant.map { ev.evaluate($0)?.bool == true } ?? true
        guard relevant, let calc = question.calculate else { return (relevant, nil) }
        var v = ev.evaluate(calc)
        if question.type == .integer, let n = v?.number { v = .number(n.rounded()) }
        if case .number(let n)? = v, question.type == .code { v = n.whole.map { .code($0) } }
        return (relevant, v)
    }

    private mutating func recomputeValue(_ q: Int, row: RowID?) {
        let question = questionnaire.questions[q]
        let key = FieldKey(q, row)
        let (relevant, value) = evaluateValue(q, row: row)
        let changed = relevant ? hidden.remove(key) != nil : hidden.insert(key).inserted
        if changed, question.isInput, question.required {
            let step = relevant ? 1 : -1
            tally.required[question.section] += step
            if answers[key] != nil { tally.answered[question.section] += step }
        }
        if question.calculate != nil { computed[key] = value }
    }

    /// Whether a check fails in one row, as the answers are now.
    private func evaluateCheck(_ c: Int, row: RowID?) -> Bool {
        let check = questionnaire.checks[c]
        var ev = Evaluator(source: self, questionnaire: questionnaire, row: row, roster: check.roster)
        guard check.ownsValue else { return ev.evaluate(check.test)?.bool == false }
        guard let v = value(of: check.field, row: row) else { return false }
        ev.current = v
        return ev.evaluate(check.test)?.bool == false
    }

    private mutating func recomputeCheck(_ c: Int, row: RowID?) {
        let key = CheckKey(c, row)
        let fails = evaluateCheck(c, row: row)
        guard fails ? failing.insert(key).inserted : failing.remove(key) != nil else { return }
        tally.count(questionnaire.checks[c], failing: fails, explained: overrides[key] != nil, in: questionnaire)
    }

    /// Whether a guarantee fails in one row (a member; nil for a household guarantee): nil when unknown.
    private func evaluateGuarantee(_ g: Int, row: RowID?) -> Bool? {
        let guarantee = questionnaire.standards.guarantees[g]
        if let test = guarantee.memberFails {
            var ev = Evaluator(source: self, questionnaire: questionnaire, row: row, roster: tally.guarantees[g].roster)
            return ev.evaluate(test)?.bool
        }
        guard let test = guarantee.householdFails else { return false }
        var ev = Evaluator(source: self, questionnaire: questionnaire)
        return ev.evaluate(test)?.bool
    }

    private mutating func recomputeGuarantee(_ g: Int, row: RowID?) {
        let fails = evaluateGuarantee(g, row: row)
        tally.guarantees[g].set(row, fails: fails)
    }

    /// The rows a guarantee is judged in: each member, or once for the household.
    private func guaranteeRows(_ g: Int) -> [RowID?] {
        if questionnaire.standards.guarantees[g].memberFails != nil {
            guard let members = tally.guarantees[g].roster else { return [] }
            return instances(members)
        }
        return [nil]
    }

    private mutating func propagate(from question: Int, row: RowID?) {
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
        for step in questionnaire.guaranteePlan[question] {
            if step.everyRow || tally.guarantees[step.target].roster == nil {
                for r in guaranteeRows(step.target) { recomputeGuarantee(step.target, row: r) }
            } else if questionnaire.questions[question].roster == tally.guarantees[step.target].roster {
                recomputeGuarantee(step.target, row: row)
            } else {
                for r in guaranteeRows(step.target) { recomputeGuarantee(step.target, row: r) }
            }
        }
    }

    /// Re-evaluates everything (after rows are added or removed, and on load).
    private mutating func evaluateAll() {
        hidden.removeAll(keepingCapacity: true)
        computed.removeAll(keepingCapacity: true)
        failing.removeAll(keepingCapacity: true)
        for q in questionnaire.graph.order {
            for r in instances(questionnaire.questions[q].roster) {
                let (relevant, value) = evaluateValue(q, row: r)
                if !relevant { hidden.insert(FieldKey(q, r)) }
                if questionnaire.questions[q].calculate != nil { computed[FieldKey(q, r)] = value }
            }
        }
        for c in questionnaire.checks {
            for r in instances(c.roster) where evaluateCheck(c.index, row: r) { failing.insert(CheckKey(c.index, r)) }
        }
        // The counts from scratch; from here on each change adjusts them.
        var t = Tally(questionnaire)
        for s in questionnaire.sections {
            let asked = s.questions.filter { questionnaire.questions[$0].isInput && questionnaire.questions[$0].required }
            for row in instances(s.roster) {
                for q in asked where !hidden.contains(FieldKey(q, row)) {
                    t.required[s.index] += 1
                    if answers[FieldKey(q, row)] != nil { t.answered[s.index] += 1 }
                }
            }
        }
        for k in failing { t.count(questionnaire.checks[k.check], failing: true, explained: overrides[k] != nil, in: questionnaire) }
        tally = t
        for g in questionnaire.standards.guarantees.indices {
            for r in guaranteeRows(g) { recomputeGuarantee(g, row: r) }
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

/// What the screen and the household list count, kept with every change instead of walked for.
private struct Tally: Sendable {
    /// Per section: required questions that apply, and how many of them are answered.
    var required: [Int]
    var answered: [Int]
    /// Per section: hard errors failing at its fields.
    var errors: [Int]
    var hardErrors = 0
    /// Soft problems failing without a reason.
    var openWarnings = 0
    /// Per guarantee of the standards: where it fails and where it cannot be judged yet.
    var guarantees: [GuaranteeTally]

    init(_ q: Questionnaire) {
        required = Array(repeating: 0, count: q.sections.count)
        answered = required
        errors = required
        let members = q.roster("members")?.index
        guarantees = q.standards.guarantees.map { GuaranteeTally(roster: $0.memberFails == nil ? nil : members) }
    }

    /// Counts a check that started (or stopped) failing.
    mutating func count(_ check: Check, failing: Bool, explained: Bool, in q: Questionnaire) {
        let step = failing ? 1 : -1
        switch check.severity {
        case .error:
            hardErrors += step
            errors[q.questions[check.field].section] += step
        case .warning:
            if !explained { openWarnings += step }
        }
    }
}

/// One guarantee's verdict, by row: failing in any row means not met; unknown in any (and failing in
/// none) means not yet known.
private struct GuaranteeTally: Sendable {
    /// The roster it is judged per row of (members); nil for a household guarantee.
    var roster: Int?
    var failingRows: Set<RowID?> = []
    var unknownRows: Set<RowID?> = []

    var met: Bool? { !failingRows.isEmpty ? false : unknownRows.isEmpty ? true : nil }

    mutating func set(_ row: RowID?, fails: Bool?) {
        if fails == true { failingRows.insert(row) } else { failingRows.remove(row) }
        if fails == nil { unknownRows.insert(row) } else { unknownRows.remove(row) }
    }
}
