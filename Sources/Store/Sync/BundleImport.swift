import Crypto
import Foundation
import GRDB
import Survey

/// A bundle whose file, signature, signer and payload have been checked.
struct VerifiedBundle {
    var manifest: BundleManifest
    var hash: String
    var payload: Data
    var archive: Data
    /// Made by this store itself.
    var isOwn: Bool
}

extension HouseholdStore {
    /// Imports one bundle file. Checks, in order: the file is a whole canonical bundle; the manifest
    /// is signed by a device this store trusts and has not revoked; the schema matches; the payload has
    /// the stated length and hash. Then, in one transaction and without capturing the changes again,
    /// applies it when it is the next of its device's chain, holds it when an earlier one is missing,
    /// and refuses a second, different bundle for a sequence already applied. Conflicts go to the queue.
    /// Held bundles that now follow are applied straight after.
    public func importBundle(_ file: Data, fileName: String, questionnaire: Questionnaire?,
                             progress: SyncProgress = { _, _, _ in }) throws(StoreError) -> ImportOutcome {
        do {
            let bundle = try verify(file, progress: progress)
            if bundle.isOwn { return .duplicate }
            let first = try applyOrHold(bundle, fileName: fileName, questionnaire: questionnaire, progress: progress)
            guard case .applied(let changes, let conflicts, _) = first else { return first }
            var released: [ImportOutcome.Released] = []
            while let held = try nextHeld(after: bundle.manifest.deviceID) {
                // Checked again: the device may have been revoked while the bundle waited.
                guard let again = try? verify(held.archive, progress: progress),
                      case .applied(let n, let c, _) = try applyOrHold(again, fileName: held.fileName, questionnaire: questionnaire, progress: progress)
                else { break }
                released.append(.init(sequence: again.manifest.sequence, changes: n, conflicts: c))
            }
            return .applied(changes: changes, conflicts: conflicts, released: released)
        } catch let rejection as BundleRejection {
            return .rejected(rejection)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Held bundles, per device: (device, sequence, waiting for).
    public func heldBundles() throws(StoreError) -> [(device: String, sequence: Int, fileName: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT deviceID, sequence, fileName FROM heldBundle ORDER BY deviceID, sequence").map {
                ($0["deviceID"], $0["sequence"], $0["fileName"])
            }
        }
    }

    func verify(_ file: Data, progress: SyncProgress) throws -> VerifiedBundle {
        progress(.verify, 0, 3)
        let entries: [Data]
        do { entries = try BundleArchive.read(file) } catch {
            switch error {
            case .empty: throw BundleRejection.empty
            case .truncated: throw BundleRejection.truncated
            case .notCanonical: throw BundleRejection.damaged
            }
        }
        let (manifestBytes, signature, payload) = (entries[0], entries[1], entries[2])
        guard let manifest = try? JSONDecoder().decode(BundleManifest.self, from: manifestBytes) else { throw BundleRejection.unreadableManifest }
        guard manifest.format == BundleManifest.formatName, manifest.formatVersion == BundleManifest.currentVersion else {
            throw BundleRejection.unsupportedFormat("\(manifest.format)/\(manifest.formatVersion)")
        }
        let (signer, schema) = try read { db in
            (try DeviceRecord.fetchOne(db, key: manifest.deviceID), try BundleManifest.schemaFingerprint(db))
        }
        guard let signer, signer.isSelf || signer.trustedAt != nil else {
            throw BundleRejection.untrustedDevice(device: manifest.deviceID, keyID: manifest.keyID)
        }
        guard let raw = Data(base64Encoded: signer.publicKey), manifest.keyID == signer.fingerprint,
              let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw BundleRejection.wrongKey(device: manifest.deviceID)
        }
        guard publicKey.isValidSignature(signature, for: BundleManifest.signingPrefix + manifestBytes) else { throw BundleRejection.badSignature }
        progress(.verify, 1, 3)
        if let from = signer.revokedFrom, manifest.sequence >= from { throw BundleRejection.revoked(device: manifest.deviceID, from: from) }
        guard manifest.schema == schema else { throw BundleRejection.schemaMismatch(theirs: manifest.schema, ours: schema) }
        guard payload.count == manifest.payload.length, SHA256.hash(data: payload).hex == manifest.payload.sha256 else {
            throw BundleRejection.payloadDamaged
        }
        progress(.verify, 3, 3)
        return VerifiedBundle(manifest: manifest, hash: BundleManifest.hash(manifestBytes), payload: payload, archive: file, isOwn: signer.isSelf)
    }

    private func nextHeld(after device: String) throws -> (archive: Data, fileName: String)? {
        try read { db in
            let next = (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM bundleIn WHERE deviceID = ?", arguments: [device]) ?? 0) + 1
            return try Row.fetchOne(db, sql: "SELECT archive, fileName FROM heldBundle WHERE deviceID = ? AND sequence = ?", arguments: [device, next])
                .map { ($0["archive"], $0["fileName"]) }
        }
    }

    private func applyOrHold(_ bundle: VerifiedBundle, fileName: String, questionnaire: Questionnaire?,
                             progress: SyncProgress) throws -> ImportOutcome {
        let m = bundle.manifest
        return try pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM bundleIn WHERE hash = ?", arguments: [bundle.hash]) == true { return .duplicate }
            let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM bundleIn WHERE deviceID = ? ORDER BY sequence DESC LIMIT 1",
                                        arguments: [m.deviceID])
            let lastSequence: Int = last?["sequence"] ?? 0
            if m.sequence <= lastSequence { throw BundleRejection.fork(sequence: m.sequence) }
            if m.sequence > lastSequence + 1 {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO heldBundle (hash, deviceID, sequence, archive, fileName, receivedAt) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [bundle.hash, m.deviceID, m.sequence, bundle.archive, fileName, Self.timestamp()])
                return .held(waitingFor: lastSequence + 1)
            }
            // The chain: this bundle must name the one applied before it.
            guard m.previous == (last?["hash"] ?? "") else { throw BundleRejection.fork(sequence: m.sequence) }
            let changeset = try self.payload(of: bundle)
            let conflicts = try apply(changeset, of: m, db: db, questionnaire: questionnaire, progress: progress)
            try db.execute(sql: """
                INSERT INTO bundleIn (hash, deviceID, sequence, bundleID, changes, conflicts, fileName, appliedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [bundle.hash, m.deviceID, m.sequence, m.bundleID, m.changes, conflicts, fileName, Self.timestamp()])
            try db.execute(sql: "DELETE FROM heldBundle WHERE hash = ?", arguments: [bundle.hash])
            return .applied(changes: m.changes, conflicts: conflicts, released: [])
        }
    }

    /// The changeset: opened with the county's private key when the payload is sealed, then inflated.
    private func payload(of bundle: VerifiedBundle) throws -> Data {
        let p = bundle.manifest.payload
        var compressed = bundle.payload
        switch p.encryption {
        case "none": break
        case BundleManifest.hpke:
            guard let key = countyPrivateKey() else { throw BundleRejection.noCountyKey }
            guard let encapsulated = p.encapsulatedKey.flatMap({ Data(base64Encoded: $0) }),
                  let plain = try? CountyKey.open(bundle.payload, encapsulatedKey: encapsulated, privateKey: key, bundleID: bundle.manifest.bundleID)
            else { throw BundleRejection.cannotDecrypt }
            compressed = plain
        default: throw BundleRejection.unsupportedFormat("encryption \(p.encryption)")
        }
        guard p.compression == "deflate" else { throw BundleRejection.unsupportedFormat("compression \(p.compression)") }
        guard let changeset = Deflate.decompress(compressed, length: p.plainLength) else { throw BundleRejection.changesDamaged("cannot inflate") }
        return changeset
    }

    /// Applies a changeset inside the caller's transaction, then settles what SQLite reported as conflicts.
    /// Returns the number of new entries in the conflict queue.
    private func apply(_ changeset: Data, of manifest: BundleManifest, db: Database, questionnaire: Questionnaire?,
                       progress: SyncProgress) throws -> Int {
        // The counts in the manifest are the sender's: the payload hash already binds these bytes to the
        // signature, so they are not walked a second time here.
        let handler = ImportConflicts(columns: try ImportConflicts.columns(db))
        let total = manifest.changes
        var done = 0
        let step = max(1, total / 200)
        progress(.apply, 0, total)
        do {
            try Changeset.apply(changeset, to: db.sqliteConnection!, handler: handler) {
                done += 1
                if done % step == 0 { progress(.apply, min(done, total), total) }
            }
        } catch { throw BundleRejection.changesDamaged(handler.constraintFailure.map { "constraint on \($0)" } ?? "\(error)") }
        let merge = ConflictMerge(store: self, db: db, manifest: manifest, questionnaire: questionnaire)
        let conflicts = try merge.settle(handler)
        progress(.apply, total, total)
        return conflicts
    }
}
