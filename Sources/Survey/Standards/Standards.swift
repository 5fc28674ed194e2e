/// An income line: yuan per person per year at current prices.
public struct IncomeLine: Sendable {
    /// A province's 2-digit code, or "*" for the national line.
    public var province: String
    public var year: Int
    public var line: Double
    public var source: String
}

/// One of 两不愁三保障 (and safe water): when it fails, and how to say why.
public struct Guarantee: Sendable {
    public var id: String
    public var label: Localized
    /// Evaluated per member: true = this member makes the guarantee fail.
    public var memberFails: CompiledExpression?
    /// Evaluated once per household.
    public var householdFails: CompiledExpression?
    /// The reason in words; `{row}` and `{field}` are filled in.
    public var reason: Localized
}

/// The standards a county can edit in `screens/standards.yaml`.
public struct Standards: Sendable {
    public var incomeLines: [IncomeLine]
    /// Inclusive labour-age ranges by sex code (1 male, 2 female).
    public var labourAge: [Int: ClosedRange<Int>]
    public var minFloorArea: Double
    public var guarantees: [Guarantee]
    /// 防返贫监测: the monitoring lines and categories (none when the file has no `monitoring:`).
    public var monitoring = Monitoring()
    /// The notice and announcement periods of the exit and inclusion procedures; nil when the file sets none,
    /// and then no procedure can be decided.
    public var procedures: ProcedurePeriods? = nil

    /// The line for a province and year: the province's own line wins over the national one; a year
    /// with no figure uses the latest earlier year's.
    public func incomeLine(province: String, year: Int) -> IncomeLine? {
        func latest(_ p: String) -> IncomeLine? {
            incomeLines.filter { $0.province == p && $0.year <= year }.max { $0.year < $1.year }
        }
        let own = latest(province), national = latest("*")
        guard let own else { return national }
        guard let national else { return own }
        return own.year >= national.year ? own : national
    }

    /// Whether a member of this age and sex is of labour age.
    public func isLabourAge(age: Int, sex: Int) -> Bool {
        labourAge[sex]?.contains(age) ?? false
    }
}
