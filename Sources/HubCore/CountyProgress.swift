import Foundation
import Store

/// The county's progress at one moment, as the browser pages and `hufang-hub dashboard` show it: one value,
/// built by one query (`CountyProgress.load`), rendered as HTML and as text. Lists of households are cut at
/// `listLimit`; every count is whole.
public struct CountyProgress: Equatable, Sendable {
    /// A household as the lists name it.
    public struct Named: Equatable, Sendable {
        public var id: String
        public var villageCode: String
        public var householdNo: String
        public var headName: String
    }

    /// One village's households by status.
    public struct Village: Equatable, Sendable {
        public var code: String
        /// The township: the village code's first 9 digits (GB/T 2260 and the statistics codes).
        public var township: String { String(code.prefix(9)) }
        /// Status (as stored) → households.
        public var byStatus: [String: Int]
        public var total: Int { byStatus.values.reduce(0, +) }
    }

    /// One enumerator's interviews on one day (the interview day, else the day the household was made).
    public struct Interviews: Equatable, Sendable {
        public var enumerator: String
        public var day: String
        public var count: Int
    }

    /// One village's review decisions.
    public struct Reviews: Equatable, Sendable {
        public var village: String
        public var approved: Int
        public var sentBack: Int
    }

    /// A household a supervisor sent back: why, who, when.
    public struct SentBack: Equatable, Sendable {
        public var household: Named
        public var reason: String
        public var who: String
        public var at: String
    }

    /// A field changed differently on two devices, waiting for a decision.
    public struct OpenConflict: Equatable, Sendable {
        public var household: Named
        public var field: String
        public var mine: String
        public var mineWho: String
        public var theirs: String
        public var theirsWho: String
        public var detectedAt: String
    }

    /// A device and its last sync with the hub.
    public struct DeviceSync: Equatable, Sendable {
        public var deviceID: String
        public var name: String
        public var role: String
        public var scope: [String]
        /// Bundles applied from it, and when the newest arrived (UTC, minutes); nil: none yet.
        public var bundles: Int
        public var lastBundleAt: String?
        /// The newest receipt the hub gave it, and its outcome.
        public var lastReceiptAt: String?
        public var lastOutcome: String?
    }

    /// One guarantee of 两不愁三保障 and the households failing it.
    public struct Failing: Equatable, Sendable {
        public var guarantee: String
        public var count: Int
        public var households: [Named]
    }

    public var county: String
    /// The village-code prefixes shown (the county's code for the county office, townships for a supervisor).
    public var scope: [String]
    public var households: Int
    public var villages: [Village]
    public var interviews: [Interviews]
    public var reviews: [Reviews]
    public var sentBackCount: Int
    public var sentBack: [SentBack]
    public var openConflictCount: Int
    public var openConflicts: [OpenConflict]
    public var devices: [DeviceSync]
    /// In the order of the questionnaire's guarantees when the query was given them, then any other id.
    public var failing: [Failing]
    /// Households whose guarantees cannot be judged yet (answers missing).
    public var guaranteesUnknown: Int

    /// Status counts over every village shown.
    public var byStatus: [String: Int] { villages.reduce(into: [:]) { acc, v in for (s, n) in v.byStatus { acc[s, default: 0] += n } } }

    /// Statuses in the order a household moves through them, then any other the store holds.
    public var statuses: [String] {
        let known = HouseholdStatus.allCases.map(\.rawValue)
        return known + Set(villages.flatMap { $0.byStatus.keys }).subtracting(known).sorted()
    }
}
