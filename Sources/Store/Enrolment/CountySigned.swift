import Crypto
import Foundation

/// Something the county signed with its offline Ed25519 key: the exact JSON bytes of a certificate or a
/// revocation list, and the signature over them (with a prefix naming the kind, so a signature over one
/// kind can never pass for the other). It travels as it was made: verifying never re-encodes.
public struct CountySigned: Codable, Equatable, Sendable {
    public var kind: String
    /// Base64 of the signed JSON.
    public var payload: String
    public var signature: String

    static let certificateKind = "device-certificate"
    static let revocationsKind = "revocation-list"

    static func prefix(_ kind: String) -> Data { Data("hufang-county-signed-v1\n\(kind)\n".utf8) }

    /// Signs `value`'s JSON with the county's key.
    static func sign<T: Encodable>(_ value: T, kind: String, with key: Curve25519.Signing.PrivateKey) throws -> CountySigned {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = try encoder.encode(value)
        let signature = try key.signature(for: prefix(kind) + bytes)
        return CountySigned(kind: kind, payload: bytes.base64EncodedString(), signature: signature.base64EncodedString())
    }

    /// The signed value, when the signature is the county's and the kind is the one expected.
    func open<T: Decodable>(_ type: T.Type, kind: String, countyKey: Data) -> T? {
        guard self.kind == kind, let bytes = Data(base64Encoded: payload), bytes.count <= 1 << 20,
              let signature = Data(base64Encoded: signature),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: countyKey),
              key.isValidSignature(signature, for: Self.prefix(kind) + bytes) else { return nil }
        return try? JSONDecoder().decode(T.self, from: bytes)
    }

    /// The signed value read back without checking the signature: only for what this store checked when it
    /// took it in.
    func decoded<T: Decodable>() -> T? {
        Data(base64Encoded: payload).flatMap { try? JSONDecoder().decode(T.self, from: $0) }
    }

    /// The file's text.
    public var fileData: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Reads a file written by `fileData`; nil when it is not one.
    public init?(file data: Data) {
        guard data.count <= 1 << 21, let decoded = try? JSONDecoder().decode(CountySigned.self, from: data) else { return nil }
        self = decoded
    }

    init(kind: String, payload: String, signature: String) { self.kind = kind; self.payload = payload; self.signature = signature }
}

/// What the county signs: a kind of its own, a format name, and the county it is for.
protocol CountySignedContent: Codable {
    static var kind: String { get }
    static var formatName: String { get }
    var format: String { get }
    var countyID: String { get }
}

extension DeviceCertificate: CountySignedContent {
    static var kind: String { CountySigned.certificateKind }
}

extension RevocationList: CountySignedContent {
    static var kind: String { CountySigned.revocationsKind }
}
