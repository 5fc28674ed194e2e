import Foundation
import Survey

/// What a device may do in the county.
public enum DeviceRole: String, Codable, Sendable, CaseIterable {
    /// Interviews households of its villages.
    case enumerator
    /// Reviews, comments on and settles the households of its township.
    case supervisor
    /// Relays every device's bundles and writes nothing of its own.
    case hub

    /// The role in words.
    public func label(_ lang: Language) -> String {
        switch self {
        case .enumerator: return Phrase.enumerator.text(lang)
        case .supervisor: return Phrase.supervisor.text(lang)
        case .hub: return Phrase.hub.text(lang)
        }
    }
}

/// The county's word on one device: whose key it is, what role, which villages, until when.
public struct DeviceCertificate: Codable, Equatable, Sendable {
    public var format: String
    public var serial: String
    public var countyID: String
    public var deviceID: String
    /// The device's Ed25519 public key (base64) and its fingerprint.
    public var publicKey: String
    public var keyFingerprint: String
    public var role: DeviceRole
    /// Village codes for an enumerator; township code prefixes for a supervisor; the county code for the hub.
    public var scope: [String]
    /// The person who uses the device.
    public var name: String
    public var issuedAt: String
    /// The last day (YYYY-MM-DD) the certificate is good for.
    public var validUntil: String

    public static let formatName = "hufang-device-certificate-v1"

    /// Whether the certificate covers this village code: one of an enumerator's villages, or a village under
    /// a supervisor's township or the hub's county.
    public func covers(village: String) -> Bool {
        switch role {
        case .enumerator: return scope.contains(village)
        case .supervisor, .hub: return scope.contains { !$0.isEmpty && village.hasPrefix($0) }
        }
    }

    /// Whether the certificate has run out on `day`.
    public func isExpired(on day: Day) -> Bool {
        guard let last = Day(iso: validUntil) else { return true }
        return day > last
    }

    /// Days from `day` to the last valid day (negative once expired).
    public func daysLeft(on day: Day) -> Int {
        guard let last = Day(iso: validUntil) else { return -1 }
        return last.dayNumber - day.dayNumber
    }
}

/// The county's signed, numbered list of revoked keys. A store keeps the newest it has seen; each bundle
/// carries it onward, so a revocation reaches every store that bundles reach.
public struct RevocationList: Codable, Equatable, Sendable {
    public var format: String
    public var countyID: String
    /// 1, 2, 3…: a store applies a list only when its number is higher than the one it holds.
    public var number: Int
    public var issuedAt: String
    public var entries: [Entry]

    public struct Entry: Codable, Equatable, Sendable {
        public var deviceID: String
        /// One key of the device (a rotation), or nil for every key it ever had (a lost laptop).
        public var keyFingerprint: String?
        /// Bundles from this sequence number on are refused; earlier ones stay valid.
        public var fromSequence: Int
        public var reason: String
    }

    public static let formatName = "hufang-revocation-list-v1"

    /// The entry that refuses bundle `sequence` of `device` signed with `key`, if any.
    public func revokes(device: String, key: String, sequence: Int) -> Entry? {
        entries.first { $0.deviceID == device && ($0.keyFingerprint == nil || $0.keyFingerprint == key) && sequence >= $0.fromSequence }
    }
}

extension Day {
    /// Days since 1970-01-01 (proleptic Gregorian), for differences between days.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year, m = month <= 2 ? month + 9 : month - 3
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * m + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Today in UTC.
    public static var today: Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
