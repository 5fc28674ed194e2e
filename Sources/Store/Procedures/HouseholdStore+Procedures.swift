import Foundation
import GRDB
import Survey

/// The exit and inclusion procedures of the yearly adjustment: proposed per household and survey year, their
/// steps recorded as they happen, decided only when the rules hold. Each write is captured like an answer,
/// with an audit line, so the procedure travels in the next bundle.
extension HouseholdStore {
    /// Proposes `outcome` for a household in `year` (a monitoring outcome names its category), or changes the
    /// proposal while no step is recorded. `categories` are the standards' monitoring category ids.
    public func propose(_ id: UUID, year: Int, outcome: ProcedureOutcome, category: String? = nil, reason: String,
                        categories: [String] = [], who: String) throws(StoreError) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .procedure(.emptyReason) }
        guard (outcome == .monitoring) == (category != nil) else { throw .procedure(.category(outcome)) }
        if let category, !categories.contains(category) { throw .procedure(.unknownCategory(category)) }
        try write { db in
            let hid = try Self.household(id, db)
            let now = Self.timestamp(), clock = try tick(db)
            let old = try ProcedureRecord.fetchOne(db, key: [ProcedureRecord.Columns.householdID.rawValue: hid, ProcedureRecord.Columns.surveyYear.rawValue: year])
            if let old {
                guard old.state == .proposed else { throw StoreError.procedure(.closed(old.state)) }
                guard try Self.steps(hid, year, db).isEmpty else { throw StoreError.procedure(.hasSteps) }
            }
            let record = ProcedureRecord(householdID: hid, surveyYear: year, outcome: outcome, category: category, reason: reason,
                                         state: .proposed, proposedBy: who, proposedAt: now, decidedBy: nil, decidedAt: nil, clock: clock)
            try record.save(db)
            try audit(db, hid, nil, "procedure.\(year)", .procedure, old.map(Self.describe), Self.describe(record), reason, who, now, clock)
        }
    }

    /// Records (or records again, replacing) one step of the household's procedure in `year`. A notice or
    /// announcement needs its end day. Returns what the step alone already says against a decision (a notice
    /// shorter than the standards'): it is kept as it happened, and the decision is refused until it is held again.
    @discardableResult
    public func recordStep(_ id: UUID, year: Int, step: ProcedureStep, start: Day, end: Day? = nil, result: ProcedureStepResult,
                           note: String? = nil, periods: ProcedurePeriods?, who: String) throws(StoreError) -> ProcedureProblem? {
        try write { db in
            let hid = try Self.household(id, db)
            guard let procedure = try ProcedureRecord.fetchOne(db, key: [ProcedureRecord.Columns.householdID.rawValue: hid,
                                                                          ProcedureRecord.Columns.surveyYear.rawValue: year]) else {
                throw StoreError.procedure(.noProcedure(household: hid, year: year))
            }
            guard procedure.state == .proposed else { throw StoreError.procedure(.closed(procedure.state)) }
            guard procedure.outcome.steps.contains(step) else { throw StoreError.procedure(.notInProcedure(step, procedure.outcome)) }
            if step.kind.hasPeriod, end == nil { throw StoreError.procedure(.periodNotEnded(step)) }
            if !step.kind.hasPeriod, end != nil { throw StoreError.procedure(.notInProcedure(step, procedure.outcome)) }
            let now = Self.timestamp(), clock = try tick(db)
            let record = ProcedureStepRecord(householdID: hid, surveyYear: year, kind: step.kind, number: step.number,
                                             startDay: start.description, endDay: end?.description, result: result,
                                             note: note.flatMap { $0.isEmpty ? nil : $0 }, who: who, at: now, clock: clock)
            let problem = ProcedureRules.problem(of: record, periods: periods)
            if case .endBeforeStart? = problem { throw StoreError.procedure(problem!) }
            try record.save(db)
            let what = "\(step.kind.rawValue) \(step.number) \(record.startDay)" + (record.endDay.map { "..\($0)" } ?? "") + " \(result.rawValue)"
            try audit(db, hid, nil, "procedure.\(year)", .procedure, nil, what, record.note, who, now, clock)
            return problem
        }
    }

    /// Decides the household's procedure in `year`: `holds` true makes the outcome hold, and is refused unless
    /// every step is recorded, passed, in order, and every period as long as `periods` says; false drops it.
    public func decide(_ id: UUID, year: Int, holds: Bool, periods: ProcedurePeriods?, who: String) throws(StoreError) {
        try write { db in
            let hid = try Self.household(id, db)
            guard var procedure = try ProcedureRecord.fetchOne(db, key: [ProcedureRecord.Columns.householdID.rawValue: hid,
                                                                          ProcedureRecord.Columns.surveyYear.rawValue: year]) else {
                throw StoreError.procedure(.noProcedure(household: hid, year: year))
            }
            guard procedure.state == .proposed else { throw StoreError.procedure(.closed(procedure.state)) }
            if holds, let problem = ProcedureRules.decisionProblem(procedure, steps: try Self.steps(hid, year, db), periods: periods) {
                throw StoreError.procedure(problem)
            }
            let old = Self.describe(procedure)
            let now = Self.timestamp(), clock = try tick(db)
            procedure.state = holds ? .decided : .dropped
            procedure.decidedBy = who
            procedure.decidedAt = now
            procedure.clock = clock
            try procedure.update(db)
            try audit(db, hid, nil, "procedure.\(year)", .procedure, old, Self.describe(procedure), nil, who, now, clock)
        }
    }

    /// A household's procedure in `year` and its steps in the procedure's order, or nil when none is proposed.
    public func procedure(_ id: UUID, year: Int) throws(StoreError) -> (procedure: ProcedureRecord, steps: [ProcedureStepRecord])? {
        try read { db in
            let hid = id.uuidString.lowercased()
            guard let p = try ProcedureRecord.fetchOne(db, key: [ProcedureRecord.Columns.householdID.rawValue: hid,
                                                                  ProcedureRecord.Columns.surveyYear.rawValue: year]) else { return nil }
            let order = p.outcome.steps
            let steps = try Self.steps(hid, year, db).sorted { (order.firstIndex(of: $0.step) ?? 99) < (order.firstIndex(of: $1.step) ?? 99) }
            return (p, steps)
        }
    }

    /// The households of a village with a procedure in `year` (of `outcomes`, when given), in household-number
    /// order: the village's notice list (公示名单) before it is masked and printed.
    public func noticeEntries(village: String, year: Int, outcomes: Set<ProcedureOutcome> = []) throws(StoreError) -> [NoticeEntry] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT h.id, h.householdNo, h.headName, h.headIDNumber, p.outcome, p.category, p.reason, p.state
                FROM procedure p JOIN household h ON h.id = p.householdID
                WHERE h.villageCode = ? AND p.surveyYear = ? AND p.state <> 'dropped'
                ORDER BY h.householdNo, h.id
                """, arguments: [village, year])
            return rows.compactMap { r -> NoticeEntry? in
                guard let outcome = ProcedureOutcome(rawValue: r["outcome"]), outcomes.isEmpty || outcomes.contains(outcome) else { return nil }
                return NoticeEntry(householdID: r["id"], householdNo: r["householdNo"], headName: r["headName"], headIDNumber: r["headIDNumber"],
                                   outcome: outcome, category: r["category"], reason: r["reason"],
                                   state: ProcedureState(rawValue: r["state"]) ?? .proposed)
            }
        }
    }

    private static func household(_ id: UUID, _ db: Database) throws -> String {
        let hid = id.uuidString.lowercased()
        guard try HouseholdRecord.exists(db, key: hid) else { throw StoreError.unknownHousehold(hid) }
        try refuseEarlierRound(hid, db)
        return hid
    }

    private static func steps(_ hid: String, _ year: Int, _ db: Database) throws -> [ProcedureStepRecord] {
        try ProcedureStepRecord.filter(ProcedureStepRecord.Columns.householdID == hid && ProcedureStepRecord.Columns.surveyYear == year).fetchAll(db)
    }

    /// A procedure as one audit value: `exit proposed`, `monitoring:edge decided`.
    private static func describe(_ p: ProcedureRecord) -> String {
        p.outcome.rawValue + (p.category.map { ":" + $0 } ?? "") + " " + p.state.rawValue
    }
}
