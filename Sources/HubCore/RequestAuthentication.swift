import Foundation
import Store
import Survey

/// Why a request was not let through. Before the signature is known to be the device's the answer is
/// "unauthenticated" whatever the cause, so a stranger learns nothing about which devices exist.
public enum AuthRefusal: Error, Equatable, Sendable {
    /// Missing or unreadable signature headers.
    case unsigned
    /// The request's time is more than `HubRequestSignature.maxSkew` seconds from the hub's clock.
    case clockSkew
    /// No certificate known or presented for the device, or one the county did not sign for it.
    case unknownDevice
    case badSignature
    /// A nonce this device used before.
    case replayed
    /// The county revoked the device's key.
    case revoked
    /// The device's certificate ran out.
    case expired

    /// 401 until the device is proven, 403 for a proven device the county no longer lets in.
    public var status: Int {
        switch self {
        case .unsigned, .clockSkew, .unknownDevice, .badSignature, .replayed: return 401
        case .revoked, .expired: return 403
        }
    }
}

extension HubStore {
    /// The header a device sends its county certificate in (base64 of the certificate file), needed until
    /// the hub has kept one for it.
    public static let certificateHeader = "Hufang-Certificate"

    /// The device that signed this request, when the signature is its enrolled key's, the time is near,
    /// the nonce new, and the county has not revoked it. A certificate presented with a valid signature is kept.
    public func authenticate(method: String, path: String, header: (String) -> String?, body: Data,
                             now: Date = Date()) async throws -> KnownDevice {
        guard let device = header(HubRequestSignature.deviceHeader), !device.isEmpty, device.utf8.count <= 64,
              let time = header(HubRequestSignature.timeHeader).flatMap({ Int($0) }),
              let nonce = header(HubRequestSignature.nonceHeader), (32...128).contains(nonce.utf8.count),
              let signatureText = header(HubRequestSignature.signatureHeader) else { throw AuthRefusal.unsigned }
        guard abs(Int(now.timeIntervalSince1970) - time) <= HubRequestSignature.maxSkew else { throw AuthRefusal.clockSkew }
        let today = Self.day(of: now)
        var presented: (KnownDevice, CountySigned)?
        if let text = header(Self.certificateHeader) {
            guard let file = Data(base64Encoded: text), let signed = CountySigned(file: file) else { throw AuthRefusal.unknownDevice }
            do {
                presented = (try check(certificate: signed, for: device, on: today), signed)
            } catch CertificateRefusal.expired {
                // Proven below before the device is told its certificate ran out.
                guard let certificate = signed.certificate(county: county), let key = Data(base64Encoded: certificate.publicKey) else {
                    throw AuthRefusal.unknownDevice
                }
                try verify(HubRequestSignature(device: device, time: time, nonce: nonce, signature: signatureText),
                           method: method, path: path, body: body, key: key)
                throw AuthRefusal.expired
            } catch {
                throw AuthRefusal.unknownDevice
            }
        }
        // The device's kept certificate and the newest revocation list in one round trip: every request asks.
        let (kept, revocations) = try await deviceAndRevocations(device)
        guard let known = presented?.0 ?? kept else { throw AuthRefusal.unknownDevice }
        let signature = HubRequestSignature(device: device, time: time, nonce: nonce, signature: signatureText)
        try verify(signature, method: method, path: path, body: body, key: known.publicKey)
        // Proven: now it may learn that the county shut it out.
        if let list = revocations,
           list.entries.contains(where: { $0.deviceID == device && ($0.keyFingerprint == nil || $0.keyFingerprint == known.certificate.keyFingerprint) }) {
            throw AuthRefusal.revoked
        }
        guard !known.certificate.isExpired(on: today) else { throw AuthRefusal.expired }
        guard try await useNonce(nonce, device: device) else { throw AuthRefusal.replayed }
        if let (device, signed) = presented { try await keep(device, signed: signed) }
        return known
    }

    /// The UTC day of `date`, the day certificates are checked against.
    static func day(of date: Date) -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    private func verify(_ signature: HubRequestSignature, method: String, path: String, body: Data, key: Data) throws(AuthRefusal) {
        guard signature.isValid(method: method, path: path, body: body, publicKey: key) else { throw .badSignature }
    }
}
