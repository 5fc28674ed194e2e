import Crypto
import Foundation
import GRDB
import Survey

/// A bundle file taken apart: the exact manifest bytes, their signature, the payload, and the manifest read.
struct OpenedBundle {
    var manifestBytes: Data
    var signature: Data
    var payload: Data
    var manifest: BundleManifest
    /// The bundle's identity: the hash of its manifest bytes.
    var hash: String { BundleManifest.hash(manifestBytes) }
}

/// A bundle whose envelope passed every check that needs no store's rows: canonical file, format, the
/// county's certificate for the signer, the signature, the revocation list, the schema, the payload's
/// length and hash.
public struct CheckedBundle: Sendable {
    public var manifest: BundleManifest
    /// SHA-256 of the manifest bytes: the bundle's identity in every store and on the hub.
    public var hash: String
    public var certificate: DeviceCertificate
    public var signedCertificate: CountySigned
    /// A county-signed revocation list the bundle carried that is newer than the one the check was given.
    public var newerRevocations: (list: RevocationList, signed: CountySigned)?
}

/// The checks of `bundle import` that need only the county's public identity and its newest revocation
/// list, so a relay (the county hub) applies exactly them without a household store. `HouseholdStore`
/// runs the same steps, in the same order, around the ones that need its rows (hand-made trust, the
/// changes' scope and validity, the chain).
public enum EnrolledBundleCheck {
    /// The schema fingerprint of the stores this build makes: what a bundle's manifest must state.
    public static var currentSchema: String { thisBuild.fingerprint }

    /// The fingerprint and the travelling tables' columns of a store this build makes, from one in-memory
    /// store migrated once.
    static let thisBuild: (fingerprint: String, tables: [TravellingTable: (names: [String], primaryKey: [Bool])]) = {
        do {
            let queue = try DatabaseQueue()
            try Migrations.migrator.migrate(queue)
            return try queue.read { db in (try BundleManifest.schemaFingerprint(db), try ChangesetCheck.schema(db)) }
        } catch {
            // Never seen: the migrations run on every store's creation. Every bundle is then refused as a mismatch.
            return ("unknown (\(error))", [:])
        }
    }()

    /// Checks `file` as sent by an enrolled device on `day`, for stores of `schema`. Throws the first
    /// refusal, as an import would.
    public static func check(_ file: Data, county: CountyIdentity, revocations: RevocationList?, schema: String = currentSchema,
                             on day: Day = .today) throws(BundleRejection) -> CheckedBundle {
        do {
            let opened = try open(file)
            let manifest = opened.manifest
            // A newer list travelling with the bundle applies to this very bundle, as a store keeps it first.
            var list = revocations
            var newer: (RevocationList, CountySigned)?
            if let signed = manifest.revocations, let carried = try? HouseholdStore.revocations(signed, county: county),
               carried.number > (revocations?.number ?? 0) {
                list = carried
                newer = (carried, signed)
            }
            guard let signed = manifest.certificate else {
                throw BundleRejection.untrustedDevice(device: manifest.deviceID, keyID: manifest.keyID)
            }
            let (certificate, key) = try certified(signed, of: manifest, county: county, on: day)
            try checkSignature(opened, key: key)
            if let entry = list?.revokes(device: manifest.deviceID, key: manifest.keyID, sequence: manifest.sequence) {
                throw BundleRejection.revoked(device: manifest.deviceID, from: entry.fromSequence)
            }
            guard manifest.schema == schema else { throw BundleRejection.schemaMismatch(theirs: manifest.schema, ours: schema) }
            try checkPayload(opened)
            return CheckedBundle(manifest: manifest, hash: opened.hash, certificate: certificate, signedCertificate: signed, newerRevocations: newer)
        } catch let rejection as BundleRejection {
            throw rejection
        } catch {
            throw BundleRejection.unreadableManifest
        }
    }

    /// The file's three entries and its manifest, of a format this build reads.
    static func open(_ file: Data) throws(BundleRejection) -> OpenedBundle {
        guard file.count <= BundleLimit.fileLength else { throw BundleRejection.fileTooLarge(size: file.count, limit: BundleLimit.fileLength) }
        let entries: [Data]
        do { entries = try BundleArchive.read(file) } catch {
            switch error {
            case .empty: throw BundleRejection.empty
            case .truncated: throw BundleRejection.truncated
            case .notCanonical: throw BundleRejection.damaged
            }
        }
        guard let manifest = try? JSONDecoder().decode(BundleManifest.self, from: entries[0]) else { throw BundleRejection.unreadableManifest }
        guard manifest.format == BundleManifest.formatName, manifest.formatVersion == BundleManifest.currentVersion else {
            throw BundleRejection.unsupportedFormat("\(manifest.format)/\(manifest.formatVersion)")
        }
        return OpenedBundle(manifestBytes: entries[0], signature: entries[1], payload: entries[2], manifest: manifest)
    }

    /// The signer's certificate and key, when `county` signed the certificate for this device and key and it
    /// has not run out on `day`.
    static func certified(_ signed: CountySigned, of manifest: BundleManifest, county: CountyIdentity?,
                          on day: Day) throws(BundleRejection) -> (DeviceCertificate, Curve25519.Signing.PublicKey) {
        guard let county, let certificate = try? HouseholdStore.certificate(signed, county: county) else {
            throw BundleRejection.certificateNotFromCounty(device: manifest.deviceID)
        }
        guard certificate.deviceID == manifest.deviceID, certificate.keyFingerprint == manifest.keyID,
              let raw = Data(base64Encoded: certificate.publicKey), DeviceKey.fingerprint(of: raw) == certificate.keyFingerprint,
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw BundleRejection.certificateMismatch(device: manifest.deviceID)
        }
        guard !certificate.isExpired(on: day) else {
            throw BundleRejection.certificateExpired(device: manifest.deviceID, on: certificate.validUntil)
        }
        return (certificate, key)
    }

    static func checkSignature(_ opened: OpenedBundle, key: Curve25519.Signing.PublicKey) throws(BundleRejection) {
        guard key.isValidSignature(opened.signature, for: BundleManifest.signingPrefix + opened.manifestBytes) else {
            throw BundleRejection.badSignature
        }
    }

    static func checkPayload(_ opened: OpenedBundle) throws(BundleRejection) {
        let stated = opened.manifest.payload
        guard opened.payload.count == stated.length, SHA256.hash(data: opened.payload).hex == stated.sha256 else {
            throw BundleRejection.payloadDamaged
        }
    }
}

extension CountySigned {
    /// The device certificate inside, when `county` signed it as one for itself.
    public func certificate(county: CountyIdentity) -> DeviceCertificate? {
        try? HouseholdStore.certificate(self, county: county)
    }

    /// The revocation list inside, when `county` signed it as one for itself.
    public func revocations(county: CountyIdentity) -> RevocationList? {
        try? HouseholdStore.revocations(self, county: county)
    }
}

extension EnrolledBundleCheck {
    /// The sequence a bundle file states, read without any check: only to label a refusal's receipt.
    public static func unverifiedSequence(_ file: Data) -> Int? {
        (try? open(file))?.manifest.sequence
    }
}
