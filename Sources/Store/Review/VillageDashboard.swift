import Foundation
import GRDB
import Survey

/// A village at a glance, from the households' listing rows (which carry the assessment): households
/// by type and status, causes of poverty, who fails each guarantee of 两不愁三保障, per-capita income
/// against the line, and interviews per enumerator per day.
public struct VillageDashboard: Sendable, Equatable {
    /// A household as the dashboard names it.
    public struct Named: Sendable, Equatable {
        public var id: String
        public var householdNo: String
        public var headName: String
    }

    /// A band of per-capita income as a share of the line: `lower` ≤ income/line < `upper`.
    public struct IncomeBand: Sendable, Equatable {
        public var lower: Double
        public var upper: Double?
        public var count: Int
    }

    public var village: String
    public var households: Int
    /// (household type code, status) → households.
    public var byTypeAndStatus: [TypeStatus]
    /// Main cause of poverty code → households, most first.
    public var causes: [(cause: Int?, count: Int)]
    /// Guarantee id → the households that fail it, in household-number order.
    public var failing: [String: [Named]]
    public var income: [IncomeBand]
    /// Households whose income or line is not known yet.
    public var incomeUnknown: Int
    /// (enumerator, day) → interviews, by day then enumerator.
    public var interviews: [(enumerator: String, day: String, count: Int)]

    public struct TypeStatus: Sendable, Equatable {
        public var type: Int?
        public var status: HouseholdStatus
        public var count: Int
    }

    /// The band limits, as shares of the income line.
    public static let bands: [Double] = [0, 0.5, 0.75, 1, 1.25, 1.5, 2]

    public static func == (a: Self, b: Self) -> Bool {
        a.village == b.village && a.households == b.households && a.byTypeAndStatus == b.byTypeAndStatus
            && a.causes.map(\.cause) == b.causes.map(\.cause) && a.causes.map(\.count) == b.causes.map(\.count) && a.failing == b.failing
            && a.income == b.income && a.incomeUnknown == b.incomeUnknown
            && a.interviews.map { "\($0.enumerator)|\($0.day)|\($0.count)" } == b.interviews.map { "\($0.enumerator)|\($0.day)|\($0.count)" }
    }
}

extension HouseholdStore {
    /// The dashboard of one village: a handful of grouped queries over its listing rows (each registration's newest round).
    public func dashboard(village: String) throws(StoreError) -> VillageDashboard {
        try read { db in
            let args: StatementArguments = [village]
            let households = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household WHERE villageCode = ? AND \(Self.newestRound)", arguments: args) ?? 0
            let byType = try Row.fetchAll(db, sql: """
                SELECT householdType, status, COUNT(*) AS n FROM household WHERE villageCode = ? AND \(Self.newestRound) GROUP BY householdType, status
                ORDER BY householdType, status
                """, arguments: args).map { VillageDashboard.TypeStatus(type: $0["householdType"], status: $0["status"], count: $0["n"]) }
            let causes = try Row.fetchAll(db, sql: """
                SELECT mainCause, COUNT(*) AS n FROM household WHERE villageCode = ? AND \(Self.newestRound) GROUP BY mainCause ORDER BY n DESC, mainCause
                """, arguments: args).map { (cause: $0["mainCause"] as Int?, count: $0["n"] as Int) }
            var failing: [String: [VillageDashboard.Named]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT id, householdNo, headName, unmetGuarantees FROM household WHERE villageCode = ? AND \(Self.newestRound) AND unmetGuarantees <> ''
                ORDER BY householdNo
                """, arguments: args) {
                let named = VillageDashboard.Named(id: row["id"], householdNo: row["householdNo"], headName: row["headName"])
                for g in (row["unmetGuarantees"] as String).split(separator: " ") { failing[String(g), default: []].append(named) }
            }
            var income = zip(VillageDashboard.bands, VillageDashboard.bands.dropFirst().map(Optional.some) + [nil]).map {
                VillageDashboard.IncomeBand(lower: $0.0, upper: $0.1, count: 0)
            }
            var unknown = 0
            for row in try Row.fetchAll(db, sql: "SELECT perCapitaIncome, incomeLine FROM household WHERE villageCode = ? AND \(Self.newestRound)", arguments: args) {
                guard let i = row["perCapitaIncome"] as Double?, let line = row["incomeLine"] as Double?, line > 0 else { unknown += 1; continue }
                let share = max(0, i / line)
                if let k = income.lastIndex(where: { share >= $0.lower }) { income[k].count += 1 }
            }
            let interviews = try Row.fetchAll(db, sql: """
                SELECT enumerator, COALESCE(interviewDate, substr(createdAt, 1, 10)) AS day, COUNT(*) AS n FROM household
                WHERE villageCode = ? AND \(Self.newestRound) GROUP BY enumerator, day ORDER BY day, enumerator
                """, arguments: args).map { (enumerator: $0["enumerator"] as String, day: $0["day"] as String, count: $0["n"] as Int) }
            return VillageDashboard(village: village, households: households, byTypeAndStatus: byType, causes: causes, failing: failing,
                                    income: income, incomeUnknown: unknown, interviews: interviews)
        }
    }
}
