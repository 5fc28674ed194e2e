import Crypto
import Foundation
import GRDB
import Survey

/// A step of a long export or import, for a progress bar.
public enum SyncPhase: String, Sendable {
    case collect, write, verify, apply
    /// Sending a bundle to the county hub, and fetching one from it (bytes).
    case upload, download

    /// The step's name in the user's language.
    public func label(_ lang: Language) -> String {
        switch self {
        case .collect: return Phrase.collectingChanges.text(lang)
        case .write: return Phrase.writingFile.text(lang)
        case .verify: return Phrase.verifying.text(lang)
        case .apply: return Phrase.applyingChanges.text(lang)
        case .upload: return Phrase.syncUploading.text(lang)
        case .download: return Phrase.syncDownloading.text(lang)
        }
    }
}

/// Told how far a step has got: (phase, done, total).
public typealias SyncProgress = (SyncPhase, Int, Int) -> Void

/// A bundle could not be written where asked. It stays sealed in the store, and the next export writes it.
public struct BundleWriteFailure: Error, Equatable, Sendable {
    public var path: String
    public var reason: String

    /// The message in the user's language.
    public func message(_ lang: Language) -> String {
        Phrase.bundleWriteFailed.text(lang, path, reason)
    }
}

/// A bundle file written by an export.
public struct ExportedBundle: Equatable, Sendable {
    public var path: String
    public var sequence: Int
    public var changes: Int
    public var encrypted: Bool
}

extension HouseholdStore {
    /// Packs every change not yet exported into one signed bundle in `directory` and returns the files
    /// written — empty when there was nothing to export (and then nothing is written).
    ///
    /// Two steps, each safe to interrupt: sealing moves the outbox into a numbered bundle kept inside
    /// the store, in one transaction; writing copies every sealed, unwritten bundle to a temporary file,
    /// syncs it and renames it into place. A kill before the rename leaves no bundle file, and the next
    /// export writes the same bytes under the same name: no gap in the sequence, no change twice.
    ///
    /// One export at a time per store (a lock beside it); and a key file that is not this device's key
    /// is refused before anything is numbered or written.
    public func exportBundles(to directory: String, enumerator: String, questionnaire: Questionnaire? = nil,
                              progress: SyncProgress = { _, _, _ in }) throws -> [ExportedBundle] {
        let key = try DeviceKey.load(from: keyPath)
        let me = try device()
        guard key.publicKey.base64EncodedString() == me.publicKey else {
            throw ExportRefusal.keyMismatch(keyFile: keyPath, found: key.fingerprint, expected: me.fingerprint)
        }
        let lock = try ExportLock(store: path)
        defer { lock.release() }
        let fresh = try seal(key: key, enumerator: enumerator, questionnaire: questionnaire, progress: progress)
        // Bundles an earlier, interrupted export sealed but never wrote go first, then the new one.
        var pending: [SealedBundle] = try read { db in
            try Row.fetchAll(db, sql: "SELECT sequence, fileName, archive, changes, encrypted FROM bundleOut WHERE writtenAt IS NULL AND sequence != ? ORDER BY sequence",
                             arguments: [fresh?.sequence ?? 0]).map {
                SealedBundle(sequence: $0["sequence"], fileName: $0["fileName"], archive: $0["archive"], changes: $0["changes"], encrypted: $0["encrypted"])
            }
        }
        if let fresh { pending.append(fresh) }
        var written: [ExportedBundle] = []
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw BundleWriteFailure(path: directory, reason: (error as NSError).localizedDescription)
        }
        for bundle in pending {
            let target = (directory as NSString).appendingPathComponent(bundle.fileName)
            try Self.writeDurably(bundle.archive, to: target) { progress(.write, $0, bundle.archive.count) }
            try writeUncaptured { db in
                try db.execute(sql: "UPDATE bundleOut SET writtenAt = ? WHERE sequence = ?", arguments: [Self.timestamp(), bundle.sequence])
            }
            written.append(ExportedBundle(path: target, sequence: bundle.sequence, changes: bundle.changes, encrypted: bundle.encrypted))
        }
        return written
    }

    /// Bundles this store has made, newest last: (sequence, file name, changes, written).
    public func exportedBundles() throws -> [(sequence: Int, fileName: String, changes: Int, written: Bool)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT sequence, fileName, changes, writtenAt FROM bundleOut ORDER BY sequence").map {
                ($0["sequence"], $0["fileName"], $0["changes"], ($0["writtenAt"] as String?) != nil)
            }
        }
    }

    /// Changes waiting in the outbox (captured transactions not yet in a bundle).
    public func outboxCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }

    /// A bundle sealed inside the store, ready to be written.
    struct SealedBundle {
        var sequence: Int
        var fileName: String
        var archive: Data
        var changes: Int
        var encrypted: Bool
    }

    func seal(key: DeviceKey, enumerator: String, questionnaire: Questionnaire?, progress: SyncProgress) throws -> SealedBundle? {
        try writeUncaptured { db -> SealedBundle? in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
            guard total > 0 else { return nil }
            var lastID: Int64 = 0, done = 0
            // Each changeset goes from SQLite's row straight into the merge, without a copy of its own.
            let changeset = try Changeset.merge { add in
                let rows = try Row.fetchCursor(db, sql: "SELECT id, changeset FROM outbox ORDER BY id")
                while let row = try rows.next() {
                    lastID = row["id"]
                    try row.withUnsafeData(atIndex: 1) { data in if let data { try add(data) } }
                    done += 1
                    progress(.collect, done, total)
                }
            }
            try db.execute(sql: "DELETE FROM outbox WHERE id <= ?", arguments: [lastID])
            // Changes that cancel out (a row added and removed again) leave nothing to send.
            guard !changeset.isEmpty else { return nil }
            // Counting walks every change and compressing reads every byte: one core each.
            let counted = Slot<Result<[String: ChangeCount], any Error>>(), deflated = Slot<Data>()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 { counted.value = Result { try Changeset.count(changeset) } } else { deflated.value = Deflate.compress(changeset) }
            }
            let counts = counted.value!, compressed = deflated.value!
            let me = try DeviceRecord.filter(DeviceRecord.Columns.isSelf == true).fetchOne(db)!
            let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM bundleOut ORDER BY sequence DESC LIMIT 1")
            let sequence = (last?["sequence"] as Int? ?? 0) + 1
            let bundleID = UUID().uuidString.lowercased()
            var payload = compressed
            var encapsulated: Data?
            let county = try countyPublicKey(db)
            if let county {
                let sealed = try CountyKey.seal(payload, to: county, bundleID: bundleID)
                payload = sealed.ciphertext
                encapsulated = sealed.encapsulatedKey
            }
            var manifest = BundleManifest(
                format: BundleManifest.formatName, formatVersion: BundleManifest.currentVersion, bundleID: bundleID, deviceID: me.id,
                deviceName: me.name, enumerator: enumerator, keyID: key.fingerprint, sequence: sequence, previous: last?["hash"] ?? "",
                schema: try BundleManifest.schemaFingerprint(db), createdAt: Self.timestamp(), changes: try counts.get().values.reduce(0) { $0 + $1.total },
                counts: try counts.get(),
                payload: .init(sha256: SHA256.hash(data: payload).hex, length: payload.count, compression: "deflate", plainLength: changeset.count,
                               encryption: county == nil ? "none" : BundleManifest.hpke,
                               encapsulatedKey: encapsulated?.base64EncodedString(), recipientKeyID: county.map(DeviceKey.fingerprint(of:))))
            // An enrolled device's bundles carry its certificate, and every bundle the newest revocation list.
            manifest.certificate = try Self.ownCertificate(db)?.signed
            manifest.revocations = try Self.revocationList(db)?.signed
            manifest.questionnaireID = questionnaire?.id
            manifest.questionnaireVersion = questionnaire?.version
            let manifestBytes = manifest.encoded()
            let signature = try key.privateKey.signature(for: BundleManifest.signingPrefix + manifestBytes)
            let archive = BundleArchive.write([manifestBytes, signature, payload])
            let fileName = "hufang-\(me.id.prefix(8))-\(String(format: "%06d", sequence)).zip"
            try db.execute(sql: """
                INSERT INTO bundleOut (sequence, bundleID, hash, fileName, archive, changes, encrypted, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sequence, bundleID, BundleManifest.hash(manifestBytes), fileName, archive, manifest.changes, county != nil,
                                 manifest.createdAt])
            return SealedBundle(sequence: sequence, fileName: fileName, archive: archive, changes: manifest.changes, encrypted: county != nil)
        }
    }

    /// Writes `data` to `path` so that `path` is either absent or complete: a temporary file of its own
    /// beside it (a new name, created exclusively, so no other writer can share it), synced, then renamed
    /// over it, then the folder synced.
    static func writeDurably(_ data: Data, to path: String, progress: (Int) -> Void) throws {
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        // Temporary files an export killed before its rename left for this name: nothing else writes them
        // while this store's export lock is held.
        for stale in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where stale.hasPrefix("." + name + ".") && stale.hasSuffix(".part") {
            unlink(folder + "/" + stale)
        }
        var tmp = "", fd: Int32 = -1
        repeat {
            tmp = folder + "/." + name + "." + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".part"
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        } while fd < 0 && errno == EEXIST
        guard fd >= 0 else { throw BundleWriteFailure(path: path, reason: String(cString: strerror(errno))) }
        var ok = true
        data.withUnsafeBytes { raw in
            var done = 0
            let chunk = 1 << 20
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, min(chunk, raw.count - done))
                if n <= 0 { ok = false; return }
                done += n
                progress(done)
            }
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(tmp)
            throw BundleWriteFailure(path: path, reason: why)
        }
        let dir = open((path as NSString).deletingLastPathComponent, O_RDONLY)
        if dir >= 0 { fsync(dir); close(dir) }
    }
}

/// One result written by one of two parallel workers and read after both have finished.
private final class Slot<T>: @unchecked Sendable {
    var value: T?
}
