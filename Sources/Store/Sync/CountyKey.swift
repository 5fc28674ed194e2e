import Crypto
import Foundation
import GRDB

/// The county's X25519 key pair that bundles can be sealed to (HPKE): laptops hold the public half,
/// the county hub the private half, so a lost USB stick reveals nothing.
public enum CountyKey {
    static let privateHeader = "hufang-county-key-v1"
    static let publicHeader = "hufang-county-public-key-v1"
    static let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
    static let info = Data("hufang-bundle-payload-v1".utf8)

    /// A key file, either half.
    public enum File: Equatable, Sendable {
        case publicKey(Data)
        case privateKey(Data)
    }

    /// Makes a new pair: `PREFIX.key` (mode 0600, never overwritten) and `PREFIX.pub`.
    public static func create(prefix: String) throws -> (privatePath: String, publicPath: String, fingerprint: String) {
        let key = Curve25519.KeyAgreement.PrivateKey()
        let privatePath = prefix + ".key", publicPath = prefix + ".pub"
        try DeviceKey.writeSecret(privateHeader + "\n" + key.rawRepresentation.base64EncodedString() + "\n", to: privatePath)
        try Data((publicHeader + "\n" + key.publicKey.rawRepresentation.base64EncodedString() + "\n").utf8)
            .write(to: URL(fileURLWithPath: publicPath), options: .atomic)
        return (privatePath, publicPath, DeviceKey.fingerprint(of: key.publicKey.rawRepresentation))
    }

    /// Reads either half; nil when the file is neither.
    public static func read(_ path: String) -> File? {
        guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count == 2, let raw = Data(base64Encoded: lines[1]), raw.count == 32 else { return nil }
        switch lines[0] {
        case publicHeader: return (try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw)) == nil ? nil : .publicKey(raw)
        case privateHeader: return (try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)) == nil ? nil : .privateKey(raw)
        default: return nil
        }
    }

    /// Seals `plain` to `recipient`; returns the encapsulated key and the ciphertext.
    static func seal(_ plain: Data, to recipient: Data, bundleID: String) throws -> (encapsulatedKey: Data, ciphertext: Data) {
        var sender = try HPKE.Sender(recipientKey: Curve25519.KeyAgreement.PublicKey(rawRepresentation: recipient), ciphersuite: suite, info: info)
        let sealed = try sender.seal(plain, authenticating: Data(bundleID.utf8))
        return (sender.encapsulatedKey, sealed)
    }

    /// Opens a sealed payload with the private key.
    static func open(_ sealed: Data, encapsulatedKey: Data, privateKey: Data, bundleID: String) throws -> Data {
        var recipient = try HPKE.Recipient(privateKey: Curve25519.KeyAgreement.PrivateKey(rawRepresentation: privateKey), ciphersuite: suite,
                                           info: info, encapsulatedKey: encapsulatedKey)
        let plain = try recipient.open(sealed, authenticating: Data(bundleID.utf8))
        // HPKE may hand back a slice that does not start at index 0.
        return Data(plain[plain.startIndex...])
    }
}

extension HouseholdStore {
    /// Where the county's private key is kept on a hub: beside the store, mode 0600.
    public var countyPrivateKeyPath: String { path + ".county.key" }

    /// Installs a county key file: a public key makes every later export sealed to it; a private key
    /// (on the county hub) lets this store open sealed bundles. Returns the key's fingerprint.
    public func setCountyKey(_ file: CountyKey.File) throws -> String {
        switch file {
        case .publicKey(let raw):
            try writeUncaptured { db in
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('countyPublicKey', ?)", arguments: [raw.base64EncodedString()])
            }
            return DeviceKey.fingerprint(of: raw)
        case .privateKey(let raw):
            let tmp = countyPrivateKeyPath + ".part"
            unlink(tmp)
            try DeviceKey.writeSecret(CountyKey.privateHeader + "\n" + raw.base64EncodedString() + "\n", to: tmp)
            guard rename(tmp, countyPrivateKeyPath) == 0 else {
                throw DeviceKey.Problem.unreadable(countyPrivateKeyPath, String(cString: strerror(errno)))
            }
            let publicKey = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw).publicKey.rawRepresentation
            return DeviceKey.fingerprint(of: publicKey)
        }
    }

    /// The county public key exports are sealed to, if one is set.
    func countyPublicKey(_ db: Database) throws -> Data? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'countyPublicKey'").flatMap { Data(base64Encoded: $0) }
    }

    /// The county private key, on a hub.
    func countyPrivateKey() -> Data? {
        if case .privateKey(let raw) = CountyKey.read(countyPrivateKeyPath) { return raw }
        return nil
    }
}
