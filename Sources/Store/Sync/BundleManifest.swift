import Crypto
import Foundation
import GRDB

/// `manifest.json` of a bundle: who made it, where it sits in that device's chain, what schema its
/// changes are for, and the hash of the payload. The signature covers these exact bytes.
public struct BundleManifest: Codable, Equatable, Sendable {
    public var format: String
    public var formatVersion: Int
    public var bundleID: String
    public var deviceID: String
    public var deviceName: String
    public var enumerator: String
    /// Fingerprint of the signing key.
    public var keyID: String
    /// 1, 2, 3… per device, without gaps.
    public var sequence: Int
    /// Hash of the previous bundle's manifest from the same device ("" for the first).
    public var previous: String
    public var schema: String
    public var createdAt: String
    public var changes: Int
    public var counts: [String: ChangeCount]
    public var payload: Payload
    /// The signer's county certificate, when the county enrolled it (absent for hand-made trust).
    public var certificate: CountySigned? = nil
    /// The newest revocation list the signer holds: revocations travel with every bundle.
    public var revocations: CountySigned? = nil
    /// The questionnaire its answers were given on (absent in bundles made before questionnaires migrated):
    /// a store of a later version migrates them, and refuses a version it has no migration from.
    public var questionnaireID: String? = nil
    public var questionnaireVersion: String? = nil

    /// The payload as stored in the file.
    public struct Payload: Codable, Equatable, Sendable {
        public var sha256: String
        public var length: Int
        /// "deflate" (zlib): the changeset is compressed before it is sealed.
        public var compression: String
        /// Length of the changeset itself, once opened and inflated.
        public var plainLength: Int
        /// "none", or "hpke-x25519-sha256-chachapoly" (sealed to the county key).
        public var encryption: String
        public var encapsulatedKey: String?
        public var recipientKeyID: String?
    }

    public static let formatName = "hufang-bundle"
    public static let currentVersion = 1
    public static let hpke = "hpke-x25519-sha256-chachapoly"
    /// Domain separation: a signature over a manifest can never be taken for a signature over anything else.
    static let signingPrefix = Data("hufang-bundle-manifest-v1\n".utf8)

    /// The exact bytes written to `manifest.json`.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try! encoder.encode(self)
    }

    /// A bundle's identity: SHA-256 of its manifest bytes (which hold the payload's hash).
    static func hash(_ manifestBytes: Data) -> String { SHA256.hash(data: manifestBytes).hex }

    /// A fingerprint of the tables that travel: their columns, types and keys. Two stores exchange
    /// bundles only when these agree.
    static func schemaFingerprint(_ db: Database) throws -> String {
        var text = ""
        for table in Changeset.capturedTables.sorted() {
            let columns = try Row.fetchAll(db, sql: "SELECT name, type, pk, \"notnull\" FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
            text += table + "(" + columns.map { "\($0["name"] as String) \($0["type"] as String) \($0["pk"] as Int) \($0["notnull"] as Int)" }
                .joined(separator: ",") + ")\n"
        }
        return String(SHA256.hash(data: Data(text.utf8)).hex.prefix(32))
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

/// Bundles built by hand, for benchmarks that measure how the import refuses a hostile bundle a trusted
/// device could sign (`@_spi(Benchmarks) import Store`). Export and import never use these.
extension BundleManifest {
    /// The manifest of a canonical bundle file and the bundle's hash, read without checking its signature.
    @_spi(Benchmarks) public static func unverified(in file: Data) -> (manifest: BundleManifest, hash: String)? {
        guard let entries = try? BundleArchive.read(file), let manifest = try? JSONDecoder().decode(BundleManifest.self, from: entries[0])
        else { return nil }
        return (manifest, hash(entries[0]))
    }

    /// The bundle file of this manifest around `payload` (its stored length and hash filled in), signed
    /// with `key` as an export signs one.
    @_spi(Benchmarks) public func signedFile(payload: Data, key: DeviceKey) throws -> Data {
        var manifest = self
        manifest.payload.length = payload.count
        manifest.payload.sha256 = SHA256.hash(data: payload).hex
        let bytes = manifest.encoded()
        return BundleArchive.write([bytes, try key.privateKey.signature(for: Self.signingPrefix + bytes), payload])
    }
}
