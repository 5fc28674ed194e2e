import Crypto
import Foundation
import Survey
import GRDB

/// The county hub this store syncs with: given once (`hufang sync --hub URL [--tls-ca PEM]`), then remembered.
public struct HubLinkRecord: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hubLink"
    public var id: Int = 1
    public var url: String
    /// PEM of the authority the hub's TLS certificate must chain to; nil for the system's roots (or plain HTTP).
    public var tlsCA: String?
    /// The hub's receipt key (base64), once its county certificate checked.
    public var hubKey: String?
    public var hubFingerprint: String?
    /// The last inbox position imported here.
    public var inboxCursor: Int = 0
    public var syncedAt: String?

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, url, tlsCA, hubKey, hubFingerprint, inboxCursor, syncedAt
    }
    public typealias Columns = CodingKeys
}

/// A hub receipt this store verified for one of its bundles.
public struct HubReceiptRecord: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hubReceipt"
    public var sequence: Int
    public var bundleHash: String
    public var outcome: HubReceipt.Outcome
    public var reason: String?
    /// When the hub committed the bundle (its clock, ISO 8601 UTC).
    public var issuedAt: String
    /// The fingerprint of the hub key that signed it.
    public var hubKey: String
    public var receipt: String
    public var signature: String
    public var verifiedAt: String

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case sequence, bundleHash, outcome, reason, issuedAt, hubKey, receipt, signature, verifiedAt
    }
    public typealias Columns = CodingKeys
}

/// An upload to the hub in progress: resumed from `offset` under the hub's `uploadID`.
public struct HubUploadRecord: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hubUpload"
    public var sequence: Int
    public var uploadID: String
    public var offset: Int
    /// The chunk size the hub named when it opened the upload.
    public var chunkBytes: Int
    public var updatedAt: String

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case sequence, uploadID, offset, chunkBytes, updatedAt
    }
    public typealias Columns = CodingKeys
}

/// A bundle this store made, as the hub sync sees it: its bytes, and the receipt it holds if any.
public struct OutgoingBundle: Equatable, Sendable {
    public var sequence: Int
    /// SHA-256 of the manifest bytes: the bundle's identity.
    public var hash: String
    public var fileName: String
    public var changes: Int
    public var createdAt: String
    public var receipt: HubReceiptRecord?
}

extension HouseholdStore {
    /// The hub this store syncs with, if one was given.
    public func hubLink() throws(StoreError) -> HubLinkRecord? {
        try read { db in try db.tableExists(HubLinkRecord.databaseTableName) ? try HubLinkRecord.fetchOne(db, key: 1) : nil }
    }

    /// Remembers the hub's URL and TLS authority. Another URL or authority forgets the key the old one had.
    public func rememberHub(url: String, tlsCA: String?) throws {
        try writeUncaptured { db in
            if var link = try HubLinkRecord.fetchOne(db, key: 1) {
                if link.url != url || link.tlsCA != tlsCA { link.hubKey = nil; link.hubFingerprint = nil }
                link.url = url
                link.tlsCA = tlsCA
                try link.update(db)
            } else {
                try HubLinkRecord(url: url, tlsCA: tlsCA).insert(db)
            }
        }
    }

    /// Remembers the hub's receipt key once its county certificate checked.
    public func rememberHubKey(_ key: Data) throws {
        try writeUncaptured { db in
            try db.execute(sql: "UPDATE hubLink SET hubKey = ?, hubFingerprint = ? WHERE id = 1",
                           arguments: [key.base64EncodedString(), DeviceKey.fingerprint(of: key)])
        }
    }

    /// Moves the inbox cursor on, after the bundle at `position` was imported (never back).
    public func advanceInboxCursor(to position: Int) throws {
        try writeUncaptured { db in
            try db.execute(sql: "UPDATE hubLink SET inboxCursor = max(inboxCursor, ?) WHERE id = 1", arguments: [position])
        }
    }

    /// Notes when a sync finished.
    public func markSynced() throws {
        try writeUncaptured { db in try db.execute(sql: "UPDATE hubLink SET syncedAt = ? WHERE id = 1", arguments: [Self.timestamp()]) }
    }

    /// Every bundle this store made, in chain order, with its hub receipt if it holds one.
    public func outgoingBundles() throws(StoreError) -> [OutgoingBundle] {
        try read { db in
            var receipts: [Int: HubReceiptRecord] = [:]
            if try db.tableExists(HubReceiptRecord.databaseTableName) {
                for r in try HubReceiptRecord.fetchAll(db) { receipts[r.sequence] = r }
            }
            return try Row.fetchAll(db, sql: "SELECT sequence, hash, fileName, changes, createdAt FROM bundleOut ORDER BY sequence").map {
                OutgoingBundle(sequence: $0["sequence"], hash: $0["hash"], fileName: $0["fileName"], changes: $0["changes"],
                               createdAt: $0["createdAt"], receipt: receipts[$0["sequence"] as Int])
            }
        }
    }

    /// The bytes of bundle `sequence` this store made (kept for ever in `bundleOut`).
    public func outgoingArchive(_ sequence: Int) throws(StoreError) -> Data? {
        try read { db in try Data.fetchOne(db, sql: "SELECT archive FROM bundleOut WHERE sequence = ?", arguments: [sequence]) }
    }

    /// Keeps a verified receipt for bundle `sequence` (replacing an earlier one) and ends its upload.
    public func keepHubReceipt(_ receipt: HubReceipt, _ signed: SignedHubReceipt, sequence: Int) throws {
        try writeUncaptured { db in
            try HubReceiptRecord(sequence: sequence, bundleHash: receipt.bundle, outcome: receipt.outcome, reason: receipt.reason,
                                 issuedAt: receipt.issuedAt, hubKey: receipt.hubKey, receipt: signed.receipt, signature: signed.signature,
                                 verifiedAt: Self.timestamp()).save(db)
            try HubUploadRecord.deleteOne(db, key: sequence)
        }
    }

    /// Forgets the receipts of bundles a restored hub no longer holds, so the next upload sends them again.
    /// The bundles themselves stay in `bundleOut`.
    public func forgetHubReceipts(_ sequences: [Int]) throws {
        try writeUncaptured { db in _ = try HubReceiptRecord.deleteAll(db, keys: sequences) }
    }

    /// The upload of bundle `sequence` in progress, if one is.
    public func hubUpload(_ sequence: Int) throws(StoreError) -> HubUploadRecord? {
        try read { db in try HubUploadRecord.fetchOne(db, key: sequence) }
    }

    /// Notes the hub's upload id and the bytes it acknowledged.
    public func recordHubUpload(_ sequence: Int, uploadID: String, offset: Int, chunkBytes: Int) throws {
        try writeUncaptured { db in
            try HubUploadRecord(sequence: sequence, uploadID: uploadID, offset: offset, chunkBytes: chunkBytes, updatedAt: Self.timestamp()).save(db)
        }
    }

    /// This device's own certificate as the county signed it, to present to the hub.
    public func ownSignedCertificate() throws(StoreError) -> CountySigned? {
        try read { db in try Self.ownCertificate(db)?.signed }
    }

    /// Seals every change not yet in a bundle into the next one, kept in `bundleOut` and written nowhere
    /// (the hub is where it goes); its sequence, or nil when there was nothing to seal. The same checks and
    /// lock as `exportBundles`.
    public func sealBundle(enumerator: String, questionnaire: Questionnaire? = nil, progress: SyncProgress = { _, _, _ in }) throws -> Int? {
        let key = try DeviceKey.load(from: keyPath)
        let me = try device()
        guard key.publicKey.base64EncodedString() == me.publicKey else {
            throw ExportRefusal.keyMismatch(keyFile: keyPath, found: key.fingerprint, expected: me.fingerprint)
        }
        let lock = try ExportLock(store: path)
        defer { lock.release() }
        return try seal(key: key, enumerator: enumerator, questionnaire: questionnaire, progress: progress)?.sequence
    }
}

extension EnrolledBundleCheck {
    /// The hash a bundle file's manifest has, read without any check: to match a file to the name it was asked by.
    public static func unverifiedHash(_ file: Data) -> String? {
        (try? open(file))?.hash
    }
}

/// Kept in `hubReceipt.outcome` by its raw value.
extension HubReceipt.Outcome: DatabaseValueConvertible {}
