import Crypto
import Foundation

/// The county hub's word that it took one bundle, and what became of it. A device keeps every bundle
/// until it holds a receipt that verifies against the hub's enrolled key.
public struct HubReceipt: Codable, Equatable, Sendable {
    public var format: String
    /// The bundle's hash (SHA-256 of its manifest bytes).
    public var bundle: String
    public var device: String
    public var sequence: Int
    public var outcome: Outcome
    /// Why a rejected bundle was refused, in English; nil otherwise.
    public var reason: String?
    /// When the hub committed it (ISO 8601, UTC).
    public var issuedAt: String
    /// The fingerprint of the hub key that signed it.
    public var hubKey: String

    /// What the hub did with the bundle.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// Next in its device's chain: in the hub's log.
        case applied
        /// The hub held it already.
        case duplicate
        /// In the hub's log, waiting for an earlier bundle of its device.
        case held
        /// Refused; the reason says why. Nothing was kept.
        case rejected
    }

    public static let formatName = "hufang-hub-receipt-v1"
    static let signingPrefix = Data("hufang-hub-receipt-v1\n".utf8)

    public init(bundle: String, device: String, sequence: Int, outcome: Outcome, reason: String?, issuedAt: String, hubKey: String) {
        format = Self.formatName
        self.bundle = bundle; self.device = device; self.sequence = sequence; self.outcome = outcome; self.reason = reason
        self.issuedAt = issuedAt; self.hubKey = hubKey
    }

    /// The receipt's exact bytes and the hub's signature over them.
    public func signed(with key: DeviceKey) throws -> SignedHubReceipt {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = try encoder.encode(self)
        let signature = try key.privateKey.signature(for: Self.signingPrefix + bytes)
        return SignedHubReceipt(receipt: bytes.base64EncodedString(), signature: signature.base64EncodedString())
    }
}

/// A receipt as it travels: base64 of the signed JSON bytes (verifying never re-encodes) and the signature.
public struct SignedHubReceipt: Codable, Equatable, Sendable {
    public var receipt: String
    public var signature: String

    public init(receipt: String, signature: String) { self.receipt = receipt; self.signature = signature }

    /// The receipt, when `hubKey` (the hub's raw Ed25519 public key) signed these bytes; nil otherwise.
    public func verified(hubKey: Data) -> HubReceipt? {
        guard let bytes = Data(base64Encoded: receipt), bytes.count <= 1 << 16, let signature = Data(base64Encoded: signature),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: hubKey),
              key.isValidSignature(signature, for: HubReceipt.signingPrefix + bytes),
              let value = try? JSONDecoder().decode(HubReceipt.self, from: bytes), value.format == HubReceipt.formatName,
              value.hubKey == DeviceKey.fingerprint(of: hubKey) else { return nil }
        return value
    }
}
