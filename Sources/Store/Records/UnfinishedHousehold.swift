import GRDB

/// The household an enumerator was working on when the application stopped, to offer first on restart.
public struct UnfinishedHousehold: Sendable, Equatable {
    public var household: HouseholdRecord
    /// Its place in the list `HouseholdStore.households(village:)` reads.
    public var index: Int
}

extension HouseholdStore {
    /// The household `enumerator` changed last, when it is not completed or approved (an interruption
    /// left it open); nil when there is none, or the last one changed is done.
    public func unfinishedHousehold(of enumerator: String, village: String? = nil) throws(StoreError) -> UnfinishedHousehold? {
        try read { db in
            typealias C = HouseholdRecord.Columns
            var mine = HouseholdRecord.filter(C.enumerator == enumerator)
            if let village { mine = mine.filter(C.villageCode == village) }
            // Households stored at the same instant are told apart by number, so the answer is always the same.
            guard let last = try mine.order(C.updatedAt.desc, C.householdNo.desc).fetchOne(db), !last.status.isSignedOff else { return nil }
            let ids = try Self.listed(village: village).select(C.id, as: String.self).fetchAll(db)
            guard let index = ids.firstIndex(of: last.id) else { return nil }
            return UnfinishedHousehold(household: last, index: index)
        }
    }
}
