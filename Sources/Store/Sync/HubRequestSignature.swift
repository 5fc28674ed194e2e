import Crypto
import Foundation

/// How a device signs each request to the county hub with its enrolled key: four headers, the last an
/// Ed25519 signature over the method, the path with its query, the time, a nonce and the body's SHA-256.
/// The hub refuses a time more than `maxSkew` away and a nonce it has seen from that device.
public struct HubRequestSignature: Equatable, Sendable {
    public var device: String
    /// Seconds since 1970 (UTC) when the device signed.
    public var time: Int
    /// At least 16 random bytes, hex; never used twice by one device.
    public var nonce: String
    /// Base64 of the Ed25519 signature.
    public var signature: String

    public static let deviceHeader = "Hufang-Device"
    public static let timeHeader = "Hufang-Time"
    public static let nonceHeader = "Hufang-Nonce"
    public static let signatureHeader = "Hufang-Signature"
    /// Seconds a request's time may differ from the hub's clock.
    public static let maxSkew = 300
    static let prefix = "hufang-hub-request-v1"

    public init(device: String, time: Int, nonce: String, signature: String) {
        self.device = device; self.time = time; self.nonce = nonce; self.signature = signature
    }

    /// The exact bytes signed.
    public static func message(method: String, path: String, time: Int, nonce: String, body: Data) -> Data {
        Data("\(prefix)\n\(method.uppercased())\n\(path)\n\(time)\n\(nonce)\n\(SHA256.hash(data: body).hex)".utf8)
    }

    /// Signs a request as `device` with `key`, now (or at `time`), with a fresh nonce.
    public static func sign(method: String, path: String, body: Data, device: String, key: DeviceKey,
                            time: Int = Int(Date().timeIntervalSince1970), nonce: String? = nil) throws -> HubRequestSignature {
        let nonce = nonce ?? (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let signature = try key.privateKey.signature(for: message(method: method, path: path, time: time, nonce: nonce, body: body))
        return HubRequestSignature(device: device, time: time, nonce: nonce, signature: signature.base64EncodedString())
    }

    /// The four headers, by name.
    public var headers: [(name: String, value: String)] {
        [(Self.deviceHeader, device), (Self.timeHeader, String(time)), (Self.nonceHeader, nonce), (Self.signatureHeader, signature)]
    }

    /// Whether `publicKey` (raw Ed25519) made this signature over this request.
    public func isValid(method: String, path: String, body: Data, publicKey: Data) -> Bool {
        guard let raw = Data(base64Encoded: signature), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(raw, for: Self.message(method: method, path: path, time: time, nonce: nonce, body: body))
    }
}
