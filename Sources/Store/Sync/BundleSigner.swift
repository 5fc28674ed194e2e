import Foundation

/// The device that signed a bundle, and so what its changes may be: a bundle carries only its signer's
/// own writes (every clock in it is the signer's) and only what the signer's scope allows.
struct BundleSigner: Sendable {
    var deviceID: String
    var scope: Scope

    /// The device part of the hybrid logical clocks this device writes (see `HouseholdStore.tick`).
    var clockDevice: String { String(deviceID.prefix(8)) }

    /// What a signer may write.
    enum Scope: Sendable {
        /// Trusted by hand (`hufang devices trust`): any household, any travelling table, as the format allows.
        case handTrusted
        // County enrolment adds the certificate's role and scope here (an enumerator's villages, a
        // supervisor's township, the hub that only relays), checked in `permits` against each household row.
    }

    /// Whether the scope lets the signer make this change to this household's rows.
    func permits(_ table: TravellingTable, _ operation: ChangeOperation, household: String?) -> Bool {
        switch scope {
        case .handTrusted: return true
        }
    }
}
