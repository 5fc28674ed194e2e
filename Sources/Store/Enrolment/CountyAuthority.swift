import Crypto
import Foundation
import Survey

/// The county's public identity, the file every store of the county installs (`county.json`): its id and
/// name, the Ed25519 key certificates and revocation lists are signed with, and the X25519 key bundles
/// are sealed to.
public struct CountyIdentity: Codable, Equatable, Sendable {
    public var format: String
    public var countyID: String
    public var name: String
    public var signingKey: String
    public var sealingKey: String

    public static let formatName = "hufang-county-v1"

    /// The signing key's fingerprint, to read out over the phone.
    public var fingerprint: String { DeviceKey.fingerprint(of: Data(base64Encoded: signingKey) ?? Data()) }

    /// Reads a `county.json`; nil when it is not one.
    public init?(file data: Data) {
        guard data.count <= 1 << 16, let decoded = try? JSONDecoder().decode(CountyIdentity.self, from: data), decoded.format == Self.formatName,
              let raw = Data(base64Encoded: decoded.signingKey), (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil,
              let sealing = Data(base64Encoded: decoded.sealingKey), sealing.count == 32 else { return nil }
        self = decoded
    }

    init(countyID: String, name: String, signingKey: Data, sealingKey: Data) {
        format = Self.formatName; self.countyID = countyID; self.name = name
        self.signingKey = signingKey.base64EncodedString(); self.sealingKey = sealingKey.base64EncodedString()
    }

    var fileData: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// Why a county or enrolment command was refused.
public enum EnrolmentProblem: Error, Equatable, Sendable {
    case notACountyFolder(String)
    case exists(String)
    case notAFile(String)
    case badSignature
    case otherCounty(expected: String, got: String)
    case notThisDevice(String)
    case notThisKey
    case expired(String)
    case noCounty
    case olderRevocations(have: Int, got: Int)
    case badScope(String)
    case notEnrolled

    /// The message in the user's language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .notACountyFolder(let p): return Phrase.notCountyFolder.text(lang, p)
        case .exists(let p): return Phrase.alreadyHoldsCountyKeys.text(lang, p)
        case .notAFile(let p): return Phrase.notCountyFile.text(lang, p)
        case .badSignature: return Phrase.notSignedByCounty.text(lang)
        case .otherCounty(let e, let g): return Phrase.otherCounty.text(lang, g, e)
        case .notThisDevice(let d): return Phrase.certificateNotThisDevice.text(lang, d)
        case .notThisKey: return Phrase.certificateNotThisKey.text(lang)
        case .expired(let d): return Phrase.certificateExpired.text(lang, d)
        case .noCounty: return Phrase.noCountyTrusted.text(lang)
        case .olderRevocations(let have, let got):
            return Phrase.revocationListOlderThan.text(lang, got, have)
        case .badScope(let s): return Phrase.badScope.text(lang, s)
        case .notEnrolled: return Phrase.notEnrolled.text(lang)
        }
    }
}

/// The county office's offline authority: a folder holding the county's signing and sealing keys (mode
/// 0600, never in any store), its public `county.json`, the latest revocation list and every certificate
/// issued. It enrols devices and revokes them.
public struct CountyAuthority: Sendable {
    public let folder: String
    public let identity: CountyIdentity
    let signingKey: Curve25519.Signing.PrivateKey

    static let signingHeader = "hufang-county-signing-key-v1"
    public var identityPath: String { folder + "/county.json" }
    public var revocationsPath: String { folder + "/revocations.json" }
    var signingKeyPath: String { folder + "/county-signing.key" }
    /// The sealing key's private half, in the format `hufang keys county` installs on the hub.
    public var sealingKeyPrefix: String { folder + "/county-sealing" }

    /// Makes a new county in `folder` (created when missing; refused when it already holds keys).
    public static func create(in folder: String, countyID: String, name: String) throws -> CountyAuthority {
        guard !countyID.isEmpty, countyID.allSatisfy(\.isNumber), countyID.count <= 12 else { throw EnrolmentProblem.badScope(countyID) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let signingPath = folder + "/county-signing.key"
        if FileManager.default.fileExists(atPath: signingPath) { throw EnrolmentProblem.exists(folder) }
        let key = Curve25519.Signing.PrivateKey()
        try DeviceKey.writeSecret(signingHeader + "\n" + key.rawRepresentation.base64EncodedString() + "\n", to: signingPath)
        _ = try CountyKey.create(prefix: folder + "/county-sealing")
        guard case .publicKey(let sealing)? = CountyKey.read(folder + "/county-sealing.pub") else { throw EnrolmentProblem.notACountyFolder(folder) }
        let identity = CountyIdentity(countyID: countyID, name: name, signingKey: key.publicKey.rawRepresentation, sealingKey: sealing)
        try identity.fileData.write(to: URL(fileURLWithPath: folder + "/county.json"), options: .atomic)
        return CountyAuthority(folder: folder, identity: identity, signingKey: key)
    }

    /// Opens a county folder made by `create`.
    public static func open(_ folder: String) throws -> CountyAuthority {
        guard let data = FileManager.default.contents(atPath: folder + "/county.json"), let identity = CountyIdentity(file: data) else {
            throw EnrolmentProblem.notACountyFolder(folder)
        }
        let path = folder + "/county-signing.key"
        var st = stat()
        guard stat(path, &st) == 0 else { throw EnrolmentProblem.notACountyFolder(folder) }
        guard Int(st.st_mode) & 0o077 == 0 else { throw DeviceKey.Problem.tooOpen(path, Int(st.st_mode) & 0o777) }
        guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw EnrolmentProblem.notACountyFolder(folder)
        }
        let lines = text.split(separator: "\n")
        guard lines.count == 2, lines[0] == signingHeader, let raw = Data(base64Encoded: String(lines[1])),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw),
              key.publicKey.rawRepresentation.base64EncodedString() == identity.signingKey else { throw DeviceKey.Problem.damaged(path) }
        return CountyAuthority(folder: folder, identity: identity, signingKey: key)
    }

    /// Certifies a device's key for a role and scope; the certificate is also kept in `certificates/`.
    public func enrol(_ device: DevicePublicKey, role: DeviceRole, scope: [String], name: String, validUntil: Day) throws -> (CountySigned, DeviceCertificate, path: String) {
        let codes = scope.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !codes.isEmpty, codes.allSatisfy({ $0.count <= 12 && $0.allSatisfy(\.isNumber) }) else { throw EnrolmentProblem.badScope(scope.joined(separator: ",")) }
        guard codes.allSatisfy({ $0.hasPrefix(identity.countyID) }) else {
            throw EnrolmentProblem.badScope(codes.joined(separator: ",") + " ∉ " + identity.countyID)
        }
        guard validUntil >= Day.today else { throw EnrolmentProblem.expired(validUntil.description) }
        let certificate = DeviceCertificate(
            format: DeviceCertificate.formatName, serial: UUID().uuidString.lowercased(), countyID: identity.countyID, deviceID: device.deviceID,
            publicKey: device.publicKey.base64EncodedString(), keyFingerprint: device.fingerprint, role: role, scope: codes.sorted(),
            name: name, issuedAt: HouseholdStore.timestamp(), validUntil: validUntil.description)
        let signed = try CountySigned.sign(certificate, kind: CountySigned.certificateKind, with: signingKey)
        try FileManager.default.createDirectory(atPath: folder + "/certificates", withIntermediateDirectories: true)
        let path = folder + "/certificates/\(device.deviceID.prefix(8))-\(certificate.serial.prefix(8)).cert"
        try signed.fileData.write(to: URL(fileURLWithPath: path), options: .atomic)
        return (signed, certificate, path)
    }

    /// The current revocation list (number 0 and empty before the first revocation).
    public func revocations() -> RevocationList {
        FileManager.default.contents(atPath: revocationsPath).flatMap(CountySigned.init(file:))
            .flatMap { $0.open(RevocationList.self, kind: CountySigned.revocationsKind, countyKey: Data(base64Encoded: identity.signingKey)!) }
            ?? RevocationList(format: RevocationList.formatName, countyID: identity.countyID, number: 0, issuedAt: "", entries: [])
    }

    /// Adds a revocation and writes the next numbered list: `device`'s bundles from `fromSequence` on are
    /// refused — signed with `key` only (a rotation), or with any key (a lost laptop).
    public func revoke(device: String, key: String?, fromSequence: Int, reason: String) throws -> (CountySigned, RevocationList) {
        var list = revocations()
        list.number += 1
        list.issuedAt = HouseholdStore.timestamp()
        list.entries.append(.init(deviceID: device, keyFingerprint: key, fromSequence: max(1, fromSequence), reason: reason))
        let signed = try CountySigned.sign(list, kind: CountySigned.revocationsKind, with: signingKey)
        // Every list is kept under its number too: the office can show what was in force when.
        try signed.fileData.write(to: URL(fileURLWithPath: folder + String(format: "/revocations-%04d.json", list.number)), options: .atomic)
        try signed.fileData.write(to: URL(fileURLWithPath: revocationsPath), options: .atomic)
        return (signed, list)
    }
}
