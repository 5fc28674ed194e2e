import GRDB
import Survey

/// What the village proposes for a household in a survey year (the yearly adjustment, 动态调整).
public enum ProcedureOutcome: String, Codable, CaseIterable, Hashable, Sendable, DatabaseValueConvertible {
    /// 脱贫: the household exits poverty.
    case exit
    /// 清退: a household that no longer qualifies is removed from the register.
    case removal
    /// 新纳入: a household newly included.
    case new
    /// 返贫: an exited household returned to poverty.
    case returned
    /// 纳入防返贫监测: the household is put in a monitoring category.
    case monitoring

    /// The outcome in words.
    public func label(_ lang: Language) -> String {
        switch self {
        case .exit: return Phrase.outcomeExit.text(lang)
        case .removal: return Phrase.outcomeRemoval.text(lang)
        case .new: return Phrase.outcomeNew.text(lang)
        case .returned: return Phrase.outcomeReturned.text(lang)
        case .monitoring: return Phrase.outcomeMonitoring.text(lang)
        }
    }

    /// The steps the outcome's procedure needs, in the order they happen (seed 002): exits and removals
    /// 一评议一公示一公告一告知 (an exit with the household's consent before the notice); new and returned
    /// households 两评议两公示一比对一公告一告知 after their handwritten application; a monitoring category
    /// an appraisal and a notification.
    public var steps: [ProcedureStep] {
        switch self {
        case .exit:
            return [.init(.appraisal), .init(.consent), .init(.notice), .init(.announcement), .init(.notification)]
        case .removal:
            return [.init(.appraisal), .init(.notice), .init(.announcement), .init(.notification)]
        case .new, .returned:
            return [.init(.application), .init(.appraisal), .init(.notice), .init(.notice, 2), .init(.comparison),
                    .init(.appraisal, 2), .init(.announcement), .init(.notification)]
        case .monitoring:
            return [.init(.appraisal), .init(.notification)]
        }
    }
}

/// A kind of step of a procedure.
public enum ProcedureStepKind: String, Codable, CaseIterable, Hashable, Sendable, DatabaseValueConvertible {
    /// 申请: the household's own handwritten application (new and returned households).
    case application
    /// 民主评议: the villagers' representatives appraise the list.
    case appraisal
    /// 贫困户认可: the household consents to its exit and signs.
    case consent
    /// 公示: the village notice, for a period.
    case notice
    /// 比对: the county compares the household with police, housing, finance, social-security,
    /// business-registration and bank records.
    case comparison
    /// 公告: the announcement, for a period.
    case announcement
    /// 告知: the household is told the outcome.
    case notification

    /// Whether the step lasts a period (a start and an end day) rather than happening on one day.
    public var hasPeriod: Bool { self == .notice || self == .announcement }

    /// The step in words.
    public func label(_ lang: Language) -> String {
        switch self {
        case .application: return Phrase.stepApplication.text(lang)
        case .appraisal: return Phrase.stepAppraisal.text(lang)
        case .consent: return Phrase.stepConsent.text(lang)
        case .notice: return Phrase.stepNotice.text(lang)
        case .comparison: return Phrase.stepComparison.text(lang)
        case .announcement: return Phrase.stepAnnouncement.text(lang)
        case .notification: return Phrase.stepNotification.text(lang)
        }
    }
}

/// One step a procedure needs: its kind and, for the second appraisal or notice, its number.
public struct ProcedureStep: Hashable, Sendable, Codable {
    public var kind: ProcedureStepKind
    public var number: Int
    public init(_ kind: ProcedureStepKind, _ number: Int = 1) { self.kind = kind; self.number = number }

    /// The step in words: “第二次公示”, “notice 2”.
    public func label(_ lang: Language) -> String {
        number == 1 ? kind.label(lang) : Phrase.stepNumbered.text(lang, kind.label(lang), number)
    }
}

/// How a step came out.
public enum ProcedureStepResult: String, Codable, CaseIterable, Hashable, Sendable, DatabaseValueConvertible {
    /// 无异议 / 通过: the step passed (the household consented, the comparison found nothing).
    case passed
    /// 有异议: an objection, a refusal, or a question the comparison raised.
    case objected

    public func label(_ lang: Language) -> String {
        self == .passed ? Phrase.stepPassed.text(lang) : Phrase.stepObjected.text(lang)
    }
}

/// Where a procedure stands.
public enum ProcedureState: String, Codable, CaseIterable, Hashable, Sendable, DatabaseValueConvertible {
    /// Proposed, its steps under way.
    case proposed
    /// Decided: the outcome holds (only with every step done, and its periods long enough).
    case decided
    /// Dropped: the outcome does not hold (an objection upheld, the household withdrew).
    case dropped

    public func label(_ lang: Language) -> String {
        switch self {
        case .proposed: return Phrase.procedureProposed.text(lang)
        case .decided: return Phrase.procedureDecided.text(lang)
        case .dropped: return Phrase.procedureDropped.text(lang)
        }
    }
}

/// A household's procedure in one survey year: keyed by household and year, so each year's round has its own.
public struct ProcedureRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "procedure"
    public var householdID: String
    public var surveyYear: Int
    public var outcome: ProcedureOutcome
    /// For `monitoring`: the category's id in the standards (`unstable_exited`, `edge`, `sudden_hardship`).
    public var category: String?
    /// Why, as the notice shows it (“人均纯收入稳定超过标准，两不愁三保障有保障”).
    public var reason: String
    public var state: ProcedureState
    public var proposedBy: String
    public var proposedAt: String
    public var decidedBy: String?
    public var decidedAt: String?
    public var clock: String

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case householdID, surveyYear, outcome, category, reason, state, proposedBy, proposedAt, decidedBy, decidedAt, clock
    }
    public typealias Columns = CodingKeys
}

/// One step of a procedure as it happened: its day (or period), how it came out, who recorded it.
public struct ProcedureStepRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "procedureStep"
    public var householdID: String
    public var surveyYear: Int
    public var kind: ProcedureStepKind
    /// 1, or 2 for the second appraisal or notice.
    public var number: Int
    /// `YYYY-MM-DD`: the day it happened, or the first day of a notice or announcement.
    public var startDay: String
    /// The last day of a notice or announcement; nil for a one-day step.
    public var endDay: String?
    public var result: ProcedureStepResult
    public var note: String?
    public var who: String
    public var at: String
    public var clock: String

    public var step: ProcedureStep { ProcedureStep(kind, number) }

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case householdID, surveyYear, kind, number, startDay, endDay, result, note, who, at, clock
    }
    public typealias Columns = CodingKeys
}
