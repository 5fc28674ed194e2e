import Crypto
import Foundation
import GRDB
import Survey

/// The public half of a device's key, as a small text file handed to whoever must accept its bundles.
public struct DevicePublicKey: Equatable, Sendable {
    public var deviceID: String
    public var name: String
    public var publicKey: Data
    public var fingerprint: String { DeviceKey.fingerprint(of: publicKey) }

    static let header = "hufang-device-public-key-v1"

    /// The file's text.
    public var text: String {
        "\(Self.header)\ndevice: \(deviceID)\nname: \(name)\nfingerprint: \(fingerprint)\nkey: \(publicKey.base64EncodedString())\n"
    }

    /// Parses the file; nil when it is not one (or its fingerprint line does not match its key).
    public init?(text: String) {
        var fields: [String: String] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first.map(String.init) == Self.header else { return nil }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let id = fields["device"], !id.isEmpty, let key = fields["key"].flatMap({ Data(base64Encoded: $0) }), key.count == 32,
              (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) != nil else { return nil }
        self.init(deviceID: id, name: fields["name"] ?? "", publicKey: key)
        if let stated = fields["fingerprint"], stated != fingerprint { return nil }
    }

    public init(deviceID: String, name: String, publicKey: Data) {
        self.deviceID = deviceID; self.name = name; self.publicKey = publicKey
    }
}

/// Why a trust or key command was refused.
public enum TrustProblem: Error, Equatable, Sendable {
    case notAKeyFile(String)
    case isThisDevice
    case differentKey(device: String)
    case unknownDevice(String)
    case ambiguousDevice(String)

    /// The message in the user's language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .notAKeyFile(let p): return Phrase.notHufangPublicKey.text(lang, p)
        case .isThisDevice: return Phrase.deviceOwnKey.text(lang)
        case .differentKey(let d):
            return Phrase.deviceAlreadyTrustedAnother.text(lang, d)
        case .unknownDevice(let d): return Phrase.noSuchDevice.text(lang, d)
        case .ambiguousDevice(let d): return Phrase.ambiguousDevice.text(lang, d)
        }
    }
}

extension HouseholdStore {
    /// This device's public key file, beside the store; written when missing.
    public var publicKeyPath: String { path + ".pub" }

    /// Writes (or rewrites) this device's public key file and returns it.
    @discardableResult
    public func writePublicKeyFile() throws -> DevicePublicKey {
        let me = try device()
        let key = DevicePublicKey(deviceID: me.id, name: me.name, publicKey: Data(base64Encoded: me.publicKey) ?? Data())
        try Data(key.text.utf8).write(to: URL(fileURLWithPath: publicKeyPath), options: .atomic)
        return key
    }

    /// Accepts bundles signed by `key` from now on. Returns false when it was already trusted.
    @discardableResult
    public func trust(_ key: DevicePublicKey) throws -> Bool {
        try writeUncaptured { db in
            if let known = try DeviceRecord.fetchOne(db, key: key.deviceID) {
                if known.isSelf { throw TrustProblem.isThisDevice }
                guard known.publicKey == key.publicKey.base64EncodedString() else { throw TrustProblem.differentKey(device: key.deviceID) }
                if known.trustedAt != nil && known.revokedFrom == nil { return false }
                try db.execute(sql: "UPDATE device SET trustedAt = ?, revokedFrom = NULL WHERE id = ?", arguments: [Self.timestamp(), key.deviceID])
                return true
            }
            try DeviceRecord(id: key.deviceID, name: key.name, createdAt: Self.timestamp(), isSelf: false, lastClock: "",
                             publicKey: key.publicKey.base64EncodedString(), fingerprint: key.fingerprint, trustedAt: Self.timestamp()).insert(db)
            return true
        }
    }

    /// Refuses the device's bundles from sequence `from` on (default: the next one not yet applied).
    /// `device` is an id, a unique prefix of one, or a fingerprint.
    public func revoke(_ device: String, fromSequence from: Int? = nil) throws -> (DeviceRecord, Int) {
        try writeUncaptured { db in
            let record = try Self.findDevice(device, db)
            let next = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM bundleIn WHERE deviceID = ?", arguments: [record.id]).map { $0 + 1 } ?? 1
            let start = max(1, from ?? next)
            try db.execute(sql: "UPDATE device SET revokedFrom = ? WHERE id = ?", arguments: [start, record.id])
            return (record, start)
        }
    }

    /// The devices this store knows, itself first, with the last sequence applied from each.
    public func devices() throws -> [(device: DeviceRecord, lastSequence: Int)] {
        try read { db in
            try DeviceRecord.order(DeviceRecord.Columns.isSelf.desc, DeviceRecord.Columns.name).fetchAll(db).map { d in
                (d, try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM bundleIn WHERE deviceID = ?", arguments: [d.id]) ?? 0)
            }
        }
    }

    static func findDevice(_ text: String, _ db: Database) throws -> DeviceRecord {
        let all = try DeviceRecord.filter(DeviceRecord.Columns.isSelf == false).fetchAll(db)
        let matches = all.filter { $0.id == text || $0.fingerprint == text || $0.fingerprint.replacingOccurrences(of: " ", with: "") == text }
        if matches.count == 1 { return matches[0] }
        let prefixed = all.filter { $0.id.hasPrefix(text.lowercased()) }
        guard !text.isEmpty, !prefixed.isEmpty else { throw TrustProblem.unknownDevice(text) }
        guard prefixed.count == 1 else { throw TrustProblem.ambiguousDevice(text) }
        return prefixed[0]
    }
}
