import Foundation
import PostgresNIO
import Store
import Survey

/// A device the hub knows: its county certificate, checked when the device first presented it.
public struct KnownDevice: Equatable, Sendable {
    public var certificate: DeviceCertificate
    public var publicKey: Data
}

/// Why a device's certificate was not taken.
public enum CertificateRefusal: Error, Equatable, Sendable {
    /// Not signed by this hub's county (or not a certificate at all).
    case notFromCounty
    /// For another device than the one that signed the request.
    case otherDevice
    case expired
}

extension HubStore {
    /// The device with this id, if the hub has taken its certificate.
    public func device(_ id: String) async throws -> KnownDevice? {
        let rows = try await client.query("SELECT certificate FROM device WHERE device_id = \(id)", logger: logger)
        for try await text in rows.decode(String.self) { return knownDevice(certificate: text) }
        return nil
    }

    /// The device with this id if the hub has taken its certificate, and the newest revocation list, read at once.
    func deviceAndRevocations(_ id: String) async throws -> (KnownDevice?, RevocationList?) {
        for try await (certificate, list) in try await client.query("""
            SELECT (SELECT certificate FROM device WHERE device_id = \(id)),
                   (SELECT signed FROM revocation_list ORDER BY number DESC LIMIT 1)
            """, logger: logger).decode((String?, String?).self) {
            return (certificate.flatMap { knownDevice(certificate: $0) }, list.flatMap { CountySigned(file: Data($0.utf8))?.revocations(county: county) })
        }
        return (nil, nil)
    }

    /// A kept certificate's device, when the county signed it.
    private func knownDevice(certificate text: String) -> KnownDevice? {
        guard let signed = CountySigned(file: Data(text.utf8)), let certificate = signed.certificate(county: county),
              let key = Data(base64Encoded: certificate.publicKey) else { return nil }
        return KnownDevice(certificate: certificate, publicKey: key)
    }

    /// Checks a certificate a device presented (the county's, for `deviceID`, not expired) without keeping it.
    public func check(certificate signed: CountySigned, for deviceID: String, on day: Day = .today) throws(CertificateRefusal) -> KnownDevice {
        guard let certificate = signed.certificate(county: county), let key = Data(base64Encoded: certificate.publicKey),
              DeviceKey.fingerprint(of: key) == certificate.keyFingerprint else { throw .notFromCounty }
        guard certificate.deviceID == deviceID else { throw .otherDevice }
        guard !certificate.isExpired(on: day) else { throw .expired }
        return KnownDevice(certificate: certificate, publicKey: key)
    }

    /// Keeps a checked certificate: a newer one for the same device (a renewal or a new key) replaces it.
    public func keep(_ device: KnownDevice, signed: CountySigned) async throws {
        let c = device.certificate
        let text = String(decoding: signed.fileData, as: UTF8.self)
        try await client.query("""
            INSERT INTO device (device_id, key_fingerprint, public_key, role, scope, name, valid_until, certificate)
            VALUES (\(c.deviceID), \(c.keyFingerprint), \(device.publicKey), \(c.role.rawValue), \(c.scope), \(c.name), \(c.validUntil)::date, \(text))
            ON CONFLICT (device_id) DO UPDATE SET key_fingerprint = excluded.key_fingerprint, public_key = excluded.public_key,
                role = excluded.role, scope = excluded.scope, name = excluded.name, valid_until = excluded.valid_until,
                certificate = excluded.certificate
            """, logger: logger)
    }

    /// The newest revocation list the hub holds.
    public func revocations() async throws -> RevocationList? {
        let rows = try await client.query("SELECT signed FROM revocation_list ORDER BY number DESC LIMIT 1", logger: logger)
        for try await text in rows.decode(String.self) {
            return CountySigned(file: Data(text.utf8))?.revocations(county: county)
        }
        return nil
    }

    /// Keeps a county-signed revocation list when it is newer than the one held; returns whether it was.
    @discardableResult
    public func install(revocations signed: CountySigned) async throws -> Bool {
        guard let list = signed.revocations(county: county) else { return false }
        let text = String(decoding: signed.fileData, as: UTF8.self)
        let rows = try await client.query("""
            INSERT INTO revocation_list (number, signed)
            SELECT \(list.number), \(text) WHERE NOT EXISTS (SELECT 1 FROM revocation_list WHERE number >= \(list.number))
            ON CONFLICT (number) DO NOTHING RETURNING number
            """, logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// Records a request's nonce; false when this device used it before (a replay).
    public func useNonce(_ nonce: String, device: String) async throws -> Bool {
        let rows = try await client.query("""
            INSERT INTO request_nonce (device_id, nonce) VALUES (\(device), \(nonce)) ON CONFLICT DO NOTHING RETURNING 1
            """, logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// Forgets nonces older than twice the accepted clock skew: a request that old is refused for its time.
    public func pruneNonces() async throws {
        let seconds = 2 * HubRequestSignature.maxSkew
        try await client.query("DELETE FROM request_nonce WHERE seen_at < now() - make_interval(secs => \(seconds))", logger: logger)
    }
}
