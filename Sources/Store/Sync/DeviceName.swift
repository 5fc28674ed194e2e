import Foundation
import GRDB

extension HouseholdStore {
    /// Names this device (the host name until then): the name its public key file and bundles carry, and
    /// the county's certificate by default. A blank name keeps the old one.
    public func nameDevice(_ name: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        try writeUncaptured { db in
            try db.execute(sql: "UPDATE device SET name = ? WHERE isSelf = 1", arguments: [trimmed])
        }
    }
}
