import Foundation
import Store
import Survey

/// The village dashboard in words, ready to draw: code labels looked up, days laid out.
public struct DashboardPage: Sendable, Equatable {
    public var village: String
    public var households: Int
    /// The statuses, in the columns' order.
    public static let statuses: [HouseholdStatus] = [.inProgress, .complete, .sentBack, .approved]
    public var types: [TypeRow]
    public var causes: [Count]
    public var guarantees: [GuaranteeRow]
    public var income: [VillageDashboard.IncomeBand]
    public var incomeUnknown: Int
    /// The last days anyone interviewed (at most seven), and each enumerator's count on them.
    public var days: [String]
    public var enumerators: [EnumeratorRow]

    public struct TypeRow: Sendable, Equatable {
        public var label: String
        /// Per status, in `statuses` order.
        public var counts: [Int]
    }

    public struct Count: Sendable, Equatable {
        public var label: String
        public var count: Int
    }

    public struct GuaranteeRow: Sendable, Equatable {
        public var id: String
        public var label: String
        public var failing: [VillageDashboard.Named]
    }

    public struct EnumeratorRow: Sendable, Equatable {
        public var name: String
        public var total: Int
        public var perDay: [Int]
    }

    /// A share of the income line as a person reads it: "75%".
    public static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    /// Labels a store's dashboard with the questionnaire's code lists.
    public init(_ d: VillageDashboard, questionnaire q: Questionnaire, lang: Language) {
        func label(_ role: KeyPath<Roles, Int?>, _ code: Int?) -> String {
            guard let code else { return Phrase.dashboardNotGiven.text(lang) }
            return q.roles[keyPath: role].flatMap { q.questions[$0].codeList?.label(code)?.text(lang) } ?? String(code)
        }
        village = d.village
        households = d.households
        var types: [TypeRow] = [], order: [Int?] = []
        for t in d.byTypeAndStatus where !order.contains(t.type) { order.append(t.type) }
        // Code order, with "not given" last.
        order.sort { ($0 ?? .max) < ($1 ?? .max) }
        for type in order {
            let counts = Self.statuses.map { s in d.byTypeAndStatus.first { $0.type == type && $0.status == s }?.count ?? 0 }
            types.append(TypeRow(label: label(\.householdType, type), counts: counts))
        }
        self.types = types
        causes = d.causes.map { Count(label: label(\.mainCause, $0.cause), count: $0.count) }
        guarantees = q.standards.guarantees.map { GuaranteeRow(id: $0.id, label: $0.label.text(lang), failing: d.failing[$0.id] ?? []) }
        income = d.income
        incomeUnknown = d.incomeUnknown
        let days = Array(Set(d.interviews.map(\.day)).sorted().suffix(7))
        self.days = days
        enumerators = Set(d.interviews.map(\.enumerator)).sorted().map { name in
            let mine = d.interviews.filter { $0.enumerator == name }
            return EnumeratorRow(name: name, total: mine.reduce(0) { $0 + $1.count },
                                 perDay: days.map { day in mine.first { $0.day == day }?.count ?? 0 })
        }
    }
}
