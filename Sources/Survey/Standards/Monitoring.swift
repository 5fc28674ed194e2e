/// A 防返贫监测 line: yuan per person per year. Set nationally and raised each year; a county confirms it.
public struct MonitoringLine: Sendable {
    /// A province's 2-digit code, or "*" for the national line.
    public var province: String
    public var year: Int
    public var line: Double
    /// False for a sample figure the county has not confirmed: every reason that uses it says so.
    public var confirmed: Bool
    public var source: String
}

/// A rigid expense the sudden-hardship rule adds up (out-of-pocket medical spending, disaster loss).
public struct RigidExpense: Sendable {
    public var id: String
    public var label: Localized
    /// The household's amount in yuan, evaluated once per household.
    public var amount: CompiledExpression
}

/// One of the three monitoring categories and the rule that puts a household in it.
public struct MonitoringCategory: Sendable {
    public enum Rule: Sendable {
        /// Per-capita net income below the year's monitoring line.
        case incomeBelowLine
        /// The rigid expenses together are more than `shareOfIncome` of the household's net income.
        case rigidExpenses([RigidExpense], shareOfIncome: Double)
    }

    /// `unstable_exited`, `edge`, `sudden_hardship` in the shipped standards.
    public var id: String
    public var label: Localized
    /// Which households the category is for (exited ones, non-registered ones); nil = every household.
    public var appliesTo: CompiledExpression?
    public var rule: Rule
}

/// 防止返贫动态监测: the monitoring lines and the categories, in the order a household is tried against them.
public struct Monitoring: Sendable {
    public var lines: [MonitoringLine] = []
    public var categories: [MonitoringCategory] = []

    public init(lines: [MonitoringLine] = [], categories: [MonitoringCategory] = []) {
        self.lines = lines; self.categories = categories
    }

    /// The line for a province and year, as `Standards.incomeLine` chooses: the province's own wins over the
    /// national one, a year with no figure uses the latest earlier one; nil before the first line.
    public func line(province: String, year: Int) -> MonitoringLine? {
        func latest(_ p: String) -> MonitoringLine? { lines.filter { $0.province == p && $0.year <= year }.max { $0.year < $1.year } }
        let own = latest(province), national = latest("*")
        guard let own else { return national }
        guard let national else { return own }
        return own.year >= national.year ? own : national
    }
}

/// The minimum lengths of a procedure's public periods, in days counted inclusively (11 to 17 November is 7).
public struct ProcedurePeriods: Sendable, Equatable {
    /// 公示期: each village notice.
    public var noticeDays: Int
    /// 公告期: the announcement.
    public var announcementDays: Int

    public init(noticeDays: Int, announcementDays: Int) { self.noticeDays = noticeDays; self.announcementDays = announcementDays }
}
