import Crypto
import Foundation
import GRDB
import Survey

/// A certificate this store knows, and what it is worth today.
public struct KnownCertificate: Equatable, Sendable {
    public var certificate: DeviceCertificate
    public var isOwn: Bool
    public var state: State
    /// The highest sequence of this device's bundles applied here (0 for none): the cut-off to revoke from
    /// when it is lost is the next one.
    public var lastSequence: Int

    public enum State: Equatable, Sendable {
        case valid(daysLeft: Int)
        case expired
        case revoked(fromSequence: Int, reason: String)
    }
}

extension HouseholdStore {
    /// Trusts a county: its certificates then vouch for devices. A store trusts one county; the same file
    /// again changes nothing. Exports are not sealed to the county's key by this: a supervisor must read a
    /// laptop's bundles, so sealing stays the choice it is today (`hufang keys county`).
    public func trustCounty(_ identity: CountyIdentity) throws {
        try writeUncaptured { db in
            if let other = try String.fetchOne(db, sql: "SELECT countyID FROM countyTrust"), other != identity.countyID {
                throw EnrolmentProblem.otherCounty(expected: other, got: identity.countyID)
            }
            try db.execute(sql: "INSERT OR REPLACE INTO countyTrust (countyID, name, signingKey, sealingKey, installedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [identity.countyID, identity.name, identity.signingKey, identity.sealingKey, Self.timestamp()])
        }
    }

    /// The county this store trusts.
    public func county() throws(StoreError) -> CountyIdentity? {
        try read { db in try Self.county(db) }
    }

    static func county(_ db: Database) throws -> CountyIdentity? {
        guard try db.tableExists("countyTrust"), let row = try Row.fetchOne(db, sql: "SELECT * FROM countyTrust") else { return nil }
        var identity = CountyIdentity(countyID: row["countyID"], name: row["name"], signingKey: Data(), sealingKey: Data())
        identity.signingKey = row["signingKey"]; identity.sealingKey = row["sealingKey"]
        return identity
    }

    /// Installs this device's own certificate: signed by the county this store trusts, for this device and
    /// its key, not expired. Bundles made from now on carry it.
    @discardableResult
    public func enrol(_ signed: CountySigned) throws -> DeviceCertificate {
        try writeUncaptured { db in
            guard let county = try Self.county(db) else { throw EnrolmentProblem.noCounty }
            let certificate = try Self.certificate(signed, county: county)
            guard certificate.deviceID == deviceID else { throw EnrolmentProblem.notThisDevice(certificate.deviceID) }
            let me = try DeviceRecord.fetchOne(db, key: deviceID)
            guard me?.fingerprint == certificate.keyFingerprint, me?.publicKey == certificate.publicKey else { throw EnrolmentProblem.notThisKey }
            guard !certificate.isExpired(on: .today) else { throw EnrolmentProblem.expired(certificate.validUntil) }
            try db.execute(sql: "UPDATE certificate SET isOwn = 0 WHERE isOwn = 1")
            try Self.record(certificate, signed, isOwn: true, db)
            return certificate
        }
    }

    /// Installs a revocation list signed by this store's county, refusing one older than the list it holds.
    @discardableResult
    public func installRevocations(_ signed: CountySigned) throws -> RevocationList {
        try writeUncaptured { db in
            guard let county = try Self.county(db) else { throw EnrolmentProblem.noCounty }
            let list = try Self.revocations(signed, county: county)
            let have = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revocationList") ?? 0
            guard list.number > have else { throw EnrolmentProblem.olderRevocations(have: have, got: list.number) }
            try Self.keep(list, signed, db)
            return list
        }
    }

    /// This device's own certificate.
    public func ownCertificate() throws(StoreError) -> DeviceCertificate? {
        try read { db in try Self.ownCertificate(db)?.certificate }
    }

    /// The newest revocation list this store holds.
    public func revocationList() throws(StoreError) -> RevocationList? {
        try read { db in try Self.revocationList(db)?.list }
    }

    /// Every certificate this store knows (its own and those that came with bundles), newest first, with
    /// what each is worth today.
    public func knownCertificates(on day: Day = .today) throws(StoreError) -> [KnownCertificate] {
        try read { db in
            guard try db.tableExists("certificate") else { return [] }
            let list = try Self.revocationList(db)?.list
            return try Row.fetchAll(db, sql: "SELECT signed, isOwn FROM certificate ORDER BY firstSeenAt DESC, serial").compactMap { row in
                guard let signed = CountySigned(file: Data((row["signed"] as String).utf8)), let certificate: DeviceCertificate = signed.decoded()
                else { return nil }
                let state: KnownCertificate.State
                if let entry = list?.entries.first(where: { $0.deviceID == certificate.deviceID
                                                        && ($0.keyFingerprint == nil || $0.keyFingerprint == certificate.keyFingerprint) }) {
                    state = .revoked(fromSequence: entry.fromSequence, reason: entry.reason)
                } else if certificate.isExpired(on: day) {
                    state = .expired
                } else {
                    state = .valid(daysLeft: certificate.daysLeft(on: day))
                }
                let last = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM bundleIn WHERE deviceID = ?", arguments: [certificate.deviceID]) ?? 0
                return KnownCertificate(certificate: certificate, isOwn: row["isOwn"], state: state, lastSequence: last)
            }
        }
    }

    /// Who sent the latest changes of each household here (by household id).
    public func householdSources() throws(StoreError) -> [String: (person: String, deviceID: String, role: DeviceRole?)] {
        try read { db in
            guard try db.tableExists("householdSource") else { return [:] }
            var result: [String: (person: String, deviceID: String, role: DeviceRole?)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT householdID, person, deviceID, role FROM householdSource") {
                result[row["householdID"]] = (row["person"], row["deviceID"], (row["role"] as String?).flatMap(DeviceRole.init))
            }
            return result
        }
    }

    // MARK: Checking

    /// The certificate inside `signed`, when this county signed it.
    static func certificate(_ signed: CountySigned, county: CountyIdentity) throws -> DeviceCertificate {
        try opened(signed, county: county)
    }

    static func revocations(_ signed: CountySigned, county: CountyIdentity) throws -> RevocationList {
        try opened(signed, county: county)
    }

    /// What `signed` holds, when this county signed it as that kind of thing for itself.
    private static func opened<T: CountySignedContent>(_ signed: CountySigned, county: CountyIdentity) throws -> T {
        guard let key = Data(base64Encoded: county.signingKey), let value = signed.open(T.self, kind: T.kind, countyKey: key),
              value.format == T.formatName else { throw EnrolmentProblem.badSignature }
        guard value.countyID == county.countyID else { throw EnrolmentProblem.otherCounty(expected: county.countyID, got: value.countyID) }
        return value
    }

    static func ownCertificate(_ db: Database) throws -> (certificate: DeviceCertificate, signed: CountySigned)? {
        try stored(db, table: "certificate", sql: "SELECT signed FROM certificate WHERE isOwn = 1 ORDER BY firstSeenAt DESC LIMIT 1")
    }

    static func revocationList(_ db: Database) throws -> (list: RevocationList, signed: CountySigned)? {
        try stored(db, table: "revocationList", sql: "SELECT signed FROM revocationList ORDER BY number DESC LIMIT 1")
    }

    /// A county-signed thing kept as this store received it (checked then; read back without the county).
    private static func stored<T: CountySignedContent>(_ db: Database, table: String, sql: String) throws -> (T, CountySigned)? {
        guard try db.tableExists(table), let text = try String.fetchOne(db, sql: sql),
              let signed = CountySigned(file: Data(text.utf8)), let value: T = signed.decoded() else { return nil }
        return (value, signed)
    }

    static func record(_ certificate: DeviceCertificate, _ signed: CountySigned, isOwn: Bool, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO certificate (serial, deviceID, keyFingerprint, role, scope, name, validUntil, signed, isOwn, firstSeenAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(serial) DO UPDATE SET isOwn = max(isOwn, excluded.isOwn)
            """, arguments: [certificate.serial, certificate.deviceID, certificate.keyFingerprint, certificate.role.rawValue,
                             certificate.scope.joined(separator: " "), certificate.name, certificate.validUntil,
                             String(decoding: signed.fileData, as: UTF8.self), isOwn, timestamp()])
    }

    static func keep(_ list: RevocationList, _ signed: CountySigned, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO revocationList (number, signed, installedAt) VALUES (?, ?, ?)",
                       arguments: [list.number, String(decoding: signed.fileData, as: UTF8.self), timestamp()])
    }

    /// A newer county-signed revocation list that came with a bundle: kept. An older or foreign one is left alone.
    func takeRevocations(from manifest: BundleManifest) throws {
        guard let signed = manifest.revocations else { return }
        try writeUncaptured { db in
            guard let county = try Self.county(db), let list = try? Self.revocations(signed, county: county) else { return }
            let have = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM revocationList") ?? 0
            if list.number > have { try Self.keep(list, signed, db) }
        }
    }
}
