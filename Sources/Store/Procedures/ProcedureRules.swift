import Survey

/// Why a procedure cannot be decided (or a step not recorded), for the person at the keyboard.
public enum ProcedureProblem: Error, Equatable, Sendable, Codable {
    /// The standards set no notice periods (`procedures:` in standards.yaml).
    case noPeriods
    case missingStep(ProcedureStep)
    /// A step that came out with an objection: the outcome cannot hold on it.
    case stepObjected(ProcedureStep)
    /// A notice or announcement shorter than the standards' period: the days it ran and the days needed.
    case periodTooShort(ProcedureStep, days: Int, needed: Int)
    /// A notice or announcement with no end day yet.
    case periodNotEnded(ProcedureStep)
    case endBeforeStart(ProcedureStep)
    /// A step dated before the one it must follow.
    case outOfOrder(ProcedureStep, after: ProcedureStep)
    /// A step the outcome's procedure does not have (a comparison for an exit).
    case notInProcedure(ProcedureStep, ProcedureOutcome)
    case noProcedure(household: String, year: Int)
    /// The procedure is decided or dropped: nothing more is recorded on it.
    case closed(ProcedureState)
    /// The outcome cannot change once a step is recorded: drop the procedure instead.
    case hasSteps
    /// A monitoring outcome without a category, or a category on another outcome.
    case category(ProcedureOutcome)
    case unknownCategory(String)
    case emptyReason

    /// The problem in the user's language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .noPeriods: return Phrase.procNoPeriods.text(lang)
        case .missingStep(let s): return Phrase.procMissingStep.text(lang, s.label(lang))
        case .stepObjected(let s): return Phrase.procStepObjected.text(lang, s.label(lang))
        case .periodTooShort(let s, let days, let needed): return Phrase.procPeriodTooShort.text(lang, s.label(lang), days, needed)
        case .periodNotEnded(let s): return Phrase.procPeriodNotEnded.text(lang, s.label(lang))
        case .endBeforeStart(let s): return Phrase.procEndBeforeStart.text(lang, s.label(lang))
        case .outOfOrder(let s, let after): return Phrase.procOutOfOrder.text(lang, s.label(lang), after.label(lang))
        case .notInProcedure(let s, let outcome): return Phrase.procNotInProcedure.text(lang, outcome.label(lang), s.label(lang))
        case .noProcedure(let h, let y): return Phrase.procNoProcedure.text(lang, h, y)
        case .closed(let state): return Phrase.procClosed.text(lang, state.label(lang))
        case .hasSteps: return Phrase.procHasSteps.text(lang)
        case .category(let outcome):
            return outcome == .monitoring ? Phrase.procNeedsCategory.text(lang) : Phrase.procCategoryOnlyMonitoring.text(lang)
        case .unknownCategory(let c): return Phrase.procUnknownCategory.text(lang, c)
        case .emptyReason: return Phrase.procEmptyReason.text(lang)
        }
    }
}

/// The rules a procedure must meet before its outcome is decided: every step of the outcome's procedure
/// recorded, passed and in order, every notice and announcement at least as long as the standards say.
public enum ProcedureRules {
    /// The days from `start` to `end`, both counted: 11 to 17 November is 7.
    public static func days(from start: Day, to end: Day) -> Int { ordinal(end) - ordinal(start) + 1 }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func ordinal(_ d: Day) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// What one recorded step says by itself: a period that ends before it starts, or is shorter than the
    /// standards' (nil periods: not judged here).
    public static func problem(of step: ProcedureStepRecord, periods: ProcedurePeriods?) -> ProcedureProblem? {
        guard step.kind.hasPeriod else { return nil }
        guard let start = Day(iso: step.startDay), let end = step.endDay.flatMap(Day.init(iso:)) else { return .periodNotEnded(step.step) }
        if end < start { return .endBeforeStart(step.step) }
        guard let periods else { return nil }
        let needed = step.kind == .notice ? periods.noticeDays : periods.announcementDays
        let days = days(from: start, to: end)
        return days < needed ? .periodTooShort(step.step, days: days, needed: needed) : nil
    }

    /// Why `procedure` cannot be decided with `steps`, or nil: the first problem in the procedure's order.
    public static func decisionProblem(_ procedure: ProcedureRecord, steps: [ProcedureStepRecord], periods: ProcedurePeriods?) -> ProcedureProblem? {
        guard let periods else { return .noPeriods }
        let recorded = Dictionary(steps.map { ($0.step, $0) }, uniquingKeysWith: { a, _ in a })
        var previous: (step: ProcedureStep, last: Day)?
        for needed in procedure.outcome.steps {
            guard let step = recorded[needed] else { return .missingStep(needed) }
            if let problem = problem(of: step, periods: periods) { return problem }
            guard step.result == .passed else { return .stepObjected(needed) }
            guard let start = Day(iso: step.startDay) else { return .missingStep(needed) }
            if let previous, start < previous.last { return .outOfOrder(needed, after: previous.step) }
            previous = (needed, step.endDay.flatMap(Day.init(iso:)) ?? start)
        }
        return nil
    }
}
