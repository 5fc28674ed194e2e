import Crypto
import Foundation
import Survey

/// This device's Ed25519 signing key. The private half lives in its own file (mode 0600), never in the
/// store, so copying or exporting the store never copies the key.
public struct DeviceKey: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey

    /// Why a key file could not be made or read.
    public enum Problem: Error, Equatable, Sendable {
        case exists(String)
        case unreadable(String, String)
        case damaged(String)
        case tooOpen(String, Int)

        /// The message in the user's language.
        public func message(_ lang: Language) -> String {
            switch self {
            case .exists(let p): return Phrase.keyFileAlreadyExists.text(lang, p)
            case .unreadable(let p, let why): return Phrase.cannotUseKeyFile.text(lang, p, why)
            case .damaged(let p): return Phrase.keyFileDamaged.text(lang, p)
            case .tooOpen(let p, let mode):
                return Phrase.keyFileTooOpen.text(lang, p, String(mode, radix: 8))
            }
        }
    }

    static let header = "hufang-device-key-v1"

    /// The public key's raw 32 bytes.
    public var publicKey: Data { privateKey.publicKey.rawRepresentation }

    /// A short, readable fingerprint of the public key: the first 80 bits of its SHA-256 in groups of 4.
    public var fingerprint: String { Self.fingerprint(of: publicKey) }

    /// The fingerprint of any public key.
    public static func fingerprint(of publicKey: Data) -> String {
        let hex = SHA256.hash(data: publicKey).prefix(10).map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: hex.count, by: 4).map { i in
            String(hex[hex.index(hex.startIndex, offsetBy: i)..<hex.index(hex.startIndex, offsetBy: min(i + 4, hex.count))])
        }.joined(separator: " ")
    }

    /// Makes a new key and writes it to `path`, created with mode 0600 in one step (never world-readable,
    /// not even for a moment); refuses to overwrite an existing file.
    public static func create(at path: String) throws(Problem) -> DeviceKey {
        let key = DeviceKey(privateKey: Curve25519.Signing.PrivateKey())
        try writeSecret(header + "\n" + key.privateKey.rawRepresentation.base64EncodedString() + "\n", to: path)
        return key
    }

    /// Writes a secret to a new file created with mode 0600 in one step, synced; never overwrites.
    static func writeSecret(_ text: String, to path: String) throws(Problem) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { throw .exists(path) }
            throw .unreadable(path, String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            throw .unreadable(path, String(cString: strerror(errno)))
        }
    }

    /// Reads the key at `path`, refusing a file that others can read.
    public static func load(from path: String) throws(Problem) -> DeviceKey {
        var st = stat()
        guard stat(path, &st) == 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        let mode = Int(st.st_mode) & 0o777
        guard mode & 0o077 == 0 else { throw .tooOpen(path, mode) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path, "cannot read")
        }
        let lines = text.split(separator: "\n")
        guard lines.count == 2, lines[0] == header, let raw = Data(base64Encoded: String(lines[1])),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else { throw .damaged(path) }
        return DeviceKey(privateKey: key)
    }
}
