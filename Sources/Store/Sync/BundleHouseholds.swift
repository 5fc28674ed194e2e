import Foundation

/// The households a bundle's changes name, and the village each household row it carries sets: what a
/// relay (the county hub) needs to know which devices a bundle concerns, without a household store.
public struct BundleHouseholds: Equatable, Sendable {
    /// Every household a change names.
    public var households: Set<String> = []
    /// The village code a household row of the bundle sets (insert, or an update that changes it).
    public var villages: [String: String] = [:]

    public init(households: Set<String> = [], villages: [String: String] = [:]) {
        self.households = households; self.villages = villages
    }
}

extension BundleHouseholds {
    /// What `changes` (one bundle's, in order) name: a row's household is in its key, which an update or a
    /// delete carries in its old values; an update's village is in its new ones only when it changes it.
    public init(changes: [RowChange]) {
        for change in changes {
            let key = change.table == TravellingTable.household.rawValue ? "id" : "householdID"
            let cell = change.operation == .delete ? change.old[key] : (change.new[key] ?? change.old[key])
            guard case .text(let household)? = cell else { continue }
            households.insert(household)
            if change.table == TravellingTable.household.rawValue, change.operation != .delete,
               case .text(let village)? = change.new["villageCode"] {
                villages[household] = village
            }
        }
    }
}

extension EnrolledBundleCheck {
    /// The households an already checked bundle `file` touches, read from its changes; nil when its payload
    /// is sealed to the county key (only the county opens it). Damaged changes, or fewer or more than the
    /// manifest counts, are refused as an import refuses them.
    public static func households(in file: Data) throws(BundleRejection) -> BundleHouseholds? {
        try rowChanges(in: file).map(BundleHouseholds.init(changes:))
    }
}
