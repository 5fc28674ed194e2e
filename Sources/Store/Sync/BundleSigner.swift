import Foundation

/// The device that signed a bundle, and so what its changes may be: a bundle carries only its signer's
/// own writes (every clock in it is the signer's) and only what the signer's role and scope allow.
struct BundleSigner: Sendable {
    var deviceID: String
    var scope: Scope

    /// The device part of the hybrid logical clocks this device writes (see `HouseholdStore.tick`).
    var clockDevice: String { String(deviceID.prefix(8)) }

    /// What a signer may write.
    enum Scope: Sendable {
        /// Trusted by hand (`hufang devices trust`): any household, any travelling table, as the format allows.
        case handTrusted
        /// Enrolled by the county: the certificate's role and villages.
        case certified(DeviceCertificate)
    }

    static let all: Set<ChangeOperation> = [.insert, .update, .delete]

    /// What each role may write: an enumerator its interviews (never a review, never a new comment); a
    /// supervisor reviews, comments and resolutions (which may settle an answer), never a new household or
    /// a roster row; the hub relays and writes nothing of its own.
    static let roleTables: [DeviceRole: [TravellingTable: Set<ChangeOperation>]] = [
        .enumerator: [.household: [.insert, .update], .rosterRow: [.insert, .update], .answer: all, .audit: [.insert],
                      .override: all, .comment: [.update], .resolution: [.insert],
                      .procedure: [.insert, .update], .procedureStep: [.insert, .update],
                      .round: [.insert], .carriedRow: [.insert]],
        .supervisor: [.household: [.update], .review: all, .comment: [.insert, .update], .resolution: [.insert], .audit: [.insert],
                      .answer: all, .override: all, .procedure: [.insert, .update], .procedureStep: [.insert, .update]],
        .hub: [:],
    ]

    /// Why the role may not make this change, or nil.
    func refusal(_ table: TravellingTable, _ operation: ChangeOperation, _ row: [String: Cell]) -> RefusedChange.Reason? {
        guard case .certified(let certificate) = scope else { return nil }
        let role = certificate.role
        guard Self.roleTables[role]?[table]?.contains(operation) == true else { return .role(role.rawValue) }
        // A decision on a household is a supervisor's: an enumerator's household row never carries one.
        if role == .enumerator, table == .household, case .text(let status)? = row["status"], ReviewDecision(rawValue: status) != nil {
            return .role(role.rawValue)
        }
        return nil
    }

    /// Why the signer may not touch a household of `village`, or nil. A household an enumerator has not
    /// yet placed in a village ("") is its own to write.
    func refusal(village: String) -> RefusedChange.Reason? {
        guard case .certified(let certificate) = scope else { return nil }
        if certificate.role == .enumerator && village.isEmpty { return nil }
        return certificate.covers(village: village) ? nil : .outOfScope(village: village)
    }
}
