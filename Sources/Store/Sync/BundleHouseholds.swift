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

extension EnrolledBundleCheck {
    /// The households an already checked bundle `file` touches, read from its changes; nil when its payload
    /// is sealed to the county key (only the county opens it). Damaged changes, or fewer or more than the
    /// manifest counts, are refused as an import refuses them.
    public static func households(in file: Data) throws(BundleRejection) -> BundleHouseholds? {
        let opened = try open(file)
        let p = opened.manifest.payload
        guard p.encryption == "none" else { return nil }
        guard p.compression == "deflate" else { throw BundleRejection.unsupportedFormat("compression \(p.compression)") }
        guard p.plainLength >= 0 else { throw BundleRejection.wrongLength(declared: p.plainLength) }
        guard p.plainLength <= BundleLimit.plainLength else { throw BundleRejection.tooLarge(declared: p.plainLength, limit: BundleLimit.plainLength) }
        let input = ChangesetInput(InflateStream(opened.payload, declaredLength: p.plainLength))
        var found = BundleHouseholds()
        var changes = 0
        do {
            try Changeset.walk(input) { change in
                changes += 1
                guard let table = TravellingTable(rawValue: change.table), let names = thisBuild.tables[table]?.names,
                      names.count == change.new.count else { return }
                // The row as ChangesetCheck reads it: an update's key is in its old values, what it changes in its new.
                func cell(_ column: String) -> Cell? {
                    guard let i = names.firstIndex(of: column) else { return nil }
                    return change.operation == .delete ? change.old[i] : (change.new[i] ?? change.old[i])
                }
                guard case .text(let household)? = cell(table == .household ? "id" : "householdID") else { return }
                found.households.insert(household)
                if table == .household, change.operation != .delete, let i = names.firstIndex(of: "villageCode"),
                   case .text(let village)? = change.new[i] {
                    found.villages[household] = village
                }
            }
        } catch {
            throw input.inflateProblem.map { (problem) -> BundleRejection in
                switch problem {
                case .longerThanDeclared(let n), .shorterThanDeclared(_, let n): return BundleRejection.wrongLength(declared: n)
                case .trailingBytes: return BundleRejection.changesDamaged("trailing bytes after the compressed changes")
                case .corrupt(let why): return BundleRejection.changesDamaged("cannot inflate (\(why))")
                }
            } ?? BundleRejection.changesDamaged(input.problem ?? "\(error)")
        }
        guard changes == opened.manifest.changes else { throw BundleRejection.countsDiffer(declared: opened.manifest.changes, actual: changes) }
        return found
    }
}
