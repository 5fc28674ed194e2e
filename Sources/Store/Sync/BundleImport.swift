import Crypto
import Foundation
import GRDB
import Survey

/// A bundle whose file, signature, signer and every change have been checked.
struct VerifiedBundle {
    var manifest: BundleManifest
    /// The county's certificate the bundle came with, when the signer is enrolled rather than trusted by hand.
    var certificate: (DeviceCertificate, CountySigned)?
    /// Every household a row of it names.
    var households: Set<String> = []
    var hash: String
    /// The payload opened (decrypted when sealed), still deflated: it is inflated again as it is applied.
    var compressed: Data
    var archive: Data
    /// Made by this store itself.
    var isOwn: Bool
    /// Of the version this store's questionnaire migrates from, and the answers it writes: migrated once applied.
    var previousVersion = false
    var previousVersionAnswers: Set<AnswerKey> = []
}

/// A held bundle that was refused once its turn came, kept so a supervisor sees what never arrived.
public struct RefusedBundle: Equatable, Sendable {
    public var deviceID: String
    public var sequence: Int
    public var fileName: String
    public var rejection: BundleRejection
    public var refusedAt: String
}

/// Bounds on what one bundle may make this store read.
public enum BundleLimit {
    /// The most changeset bytes a bundle may declare: a thousand whole households take about 40 MiB.
    public static let plainLength = 256 << 20
    /// The largest bundle file read at all.
    public static let fileLength = 512 << 20
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
            let bundle = try verify(file, questionnaire: questionnaire, progress: progress)
            if bundle.isOwn { return .duplicate }
            let first = try applyOrHold(bundle, fileName: fileName, questionnaire: questionnaire, progress: progress)
            guard case .applied(let changes, let conflicts, _) = first else { return first }
            return .applied(changes: changes, conflicts: conflicts,
                            released: try releaseHeld(after: bundle.manifest.deviceID, questionnaire: questionnaire, progress: progress))
        } catch let rejection as BundleRejection {
            return .rejected(rejection)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Takes up the held bundles that now follow `device`'s chain, each with its own outcome: applied, or
    /// refused (checked again: the device may have been revoked while it waited). A held bundle whose
    /// sequence another bundle now fills is a fork. Refused ones leave the held table for `refusedBundles`.
    private func releaseHeld(after device: String, questionnaire: Questionnaire?, progress: SyncProgress) throws -> [ImportOutcome.Released] {
        var released: [ImportOutcome.Released] = []
        while true {
            for fork in try supersededHeld(of: device) {
                try refuseHeld(fork, .fork(sequence: fork.sequence))
                released.append(.init(sequence: fork.sequence, changes: 0, conflicts: 0, rejection: .fork(sequence: fork.sequence)))
            }
            guard let held = try nextHeld(after: device) else { break }
            do {
                let again = try verify(held.archive, questionnaire: questionnaire, progress: progress)
                guard case .applied(let n, let c, _) = try applyOrHold(again, fileName: held.fileName, questionnaire: questionnaire, progress: progress)
                else { break }
                released.append(.init(sequence: held.sequence, changes: n, conflicts: c))
            } catch let rejection as BundleRejection {
                try refuseHeld(held, rejection)
                released.append(.init(sequence: held.sequence, changes: 0, conflicts: 0, rejection: rejection))
            }
        }
        return released.sorted { $0.sequence < $1.sequence }
    }

    private struct HeldBundle {
        var hash: String
        var deviceID: String
        var sequence: Int
        var archive: Data
        var fileName: String
    }

    private func refuseHeld(_ held: HeldBundle, _ rejection: BundleRejection) throws {
        let reason = String(decoding: try JSONEncoder().encode(rejection), as: UTF8.self)
        try writeUncaptured { db in
            try db.execute(sql: "DELETE FROM heldBundle WHERE hash = ?", arguments: [held.hash])
            try db.execute(sql: """
                INSERT OR REPLACE INTO refusedBundle (hash, deviceID, sequence, fileName, rejection, refusedAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [held.hash, held.deviceID, held.sequence, held.fileName, reason, Self.timestamp()])
        }
    }

    /// Held bundles that were refused when their turn came, oldest first.
    public func refusedBundles() throws(StoreError) -> [RefusedBundle] {
        try read { db in
            // A store opened read-only may predate the table (it is not migrated then).
            guard try db.tableExists("refusedBundle") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT deviceID, sequence, fileName, rejection, refusedAt FROM refusedBundle ORDER BY refusedAt, deviceID, sequence")
                .map { row in
                    let text: String = row["rejection"]
                    let rejection = (try? JSONDecoder().decode(BundleRejection.self, from: Data(text.utf8))) ?? .unreadableManifest
                    return RefusedBundle(deviceID: row["deviceID"], sequence: row["sequence"], fileName: row["fileName"], rejection: rejection,
                                         refusedAt: row["refusedAt"])
                }
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

    func verify(_ file: Data, questionnaire: Questionnaire?, progress: SyncProgress) throws -> VerifiedBundle {
        progress(.verify, 0, 3)
        let opened = try EnrolledBundleCheck.open(file)
        let manifest = opened.manifest
        // A newer revocation list travels with the bundle: kept first, so it already applies to this very bundle.
        try takeRevocations(from: manifest)
        let (signer, schema, tables, county, revocations) = try read { db in
            (try DeviceRecord.fetchOne(db, key: manifest.deviceID), try BundleManifest.schemaFingerprint(db), try ChangesetCheck.schema(db),
             try Self.county(db), try Self.revocationList(db)?.list)
        }
        let publicKey: Curve25519.Signing.PublicKey
        let scope: BundleSigner.Scope
        var certified: (DeviceCertificate, CountySigned)?
        if let signer, signer.isSelf || signer.trustedAt != nil {
            // Trusted by hand (or this store itself): the key on record.
            guard let raw = Data(base64Encoded: signer.publicKey), manifest.keyID == signer.fingerprint,
                  let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
                throw BundleRejection.wrongKey(device: manifest.deviceID)
            }
            publicKey = key
            scope = .handTrusted
        } else if let signed = manifest.certificate {
            // Enrolled: the county vouches for the key, the role and the villages.
            let (certificate, key) = try EnrolledBundleCheck.certified(signed, of: manifest, county: county, on: .today)
            publicKey = key
            scope = .certified(certificate)
            certified = (certificate, signed)
        } else {
            throw BundleRejection.untrustedDevice(device: manifest.deviceID, keyID: manifest.keyID)
        }
        try EnrolledBundleCheck.checkSignature(opened, key: publicKey)
        progress(.verify, 1, 3)
        if let from = signer?.revokedFrom, signer?.trustedAt != nil, manifest.sequence >= from {
            throw BundleRejection.revoked(device: manifest.deviceID, from: from)
        }
        if certified != nil, let entry = revocations?.revokes(device: manifest.deviceID, key: manifest.keyID, sequence: manifest.sequence) {
            throw BundleRejection.revoked(device: manifest.deviceID, from: entry.fromSequence)
        }
        guard manifest.schema == schema else { throw BundleRejection.schemaMismatch(theirs: manifest.schema, ours: schema) }
        try EnrolledBundleCheck.checkPayload(opened)
        let compressed = try open(opened.payload, of: manifest)
        progress(.verify, 2, 3)
        let previousVersion = try Self.isPreviousVersion(manifest, questionnaire)
        // Every change is read and checked before any is written: the bundle goes in whole or not at all.
        let check = ChangesetCheck(rules: RowRules(questionnaire: questionnaire, previousVersion: previousVersion),
                                   signer: BundleSigner(deviceID: manifest.deviceID, scope: scope), schema: tables)
        let input = ChangesetInput(InflateStream(compressed, declaredLength: manifest.payload.plainLength))
        let passed: ChangesetCheck.Passed
        do {
            passed = try pool.read { db in
                try check.run(input) { hid in try String.fetchOne(db, sql: "SELECT villageCode FROM household WHERE id = ?", arguments: [hid]) }
            }
        } catch let rejection as BundleRejection {
            throw rejection
        } catch {
            throw input.inflateProblem.map(Self.rejection) ?? BundleRejection.changesDamaged(input.problem ?? "\(error)")
        }
        let total = passed.counts.values.reduce(0) { $0 + $1.total }
        guard total == manifest.changes else { throw BundleRejection.countsDiffer(declared: manifest.changes, actual: total) }
        progress(.verify, 3, 3)
        return VerifiedBundle(manifest: manifest, certificate: certified, households: passed.households, hash: opened.hash,
                              compressed: compressed, archive: file, isOwn: signer?.isSelf == true, previousVersion: previousVersion,
                              previousVersionAnswers: passed.previousVersionAnswers)
    }

    /// Whether a bundle's answers are of the version `questionnaire` migrates from (false: of its own version, or
    /// from before bundles named one). A bundle of another questionnaire, or of a version with no migration, is refused.
    static func isPreviousVersion(_ manifest: BundleManifest, _ questionnaire: Questionnaire?) throws -> Bool {
        guard let q = questionnaire, let version = manifest.questionnaireVersion else { return false }
        if let id = manifest.questionnaireID, id != q.id { throw BundleRejection.otherQuestionnaire(theirs: id, ours: q.id) }
        if version == q.version { return false }
        if version == q.migration?.from { return true }
        throw BundleRejection.questionnaireVersion(theirs: version, ours: q.version, migratesFrom: q.migration?.from)
    }

    private static func rejection(_ problem: InflateStream.Problem) -> BundleRejection {
        switch problem {
        case .longerThanDeclared(let n), .shorterThanDeclared(_, let n): return .wrongLength(declared: n)
        case .trailingBytes: return .changesDamaged("trailing bytes after the compressed changes")
        case .corrupt(let why): return .changesDamaged("cannot inflate (\(why))")
        }
    }

    private func nextHeld(after device: String) throws -> HeldBundle? {
        try read { db in
            let next = (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM bundleIn WHERE deviceID = ?", arguments: [device]) ?? 0) + 1
            return try Row.fetchOne(db, sql: "SELECT hash, archive, fileName FROM heldBundle WHERE deviceID = ? AND sequence = ? ORDER BY receivedAt LIMIT 1",
                                    arguments: [device, next])
                .map { HeldBundle(hash: $0["hash"], deviceID: device, sequence: next, archive: $0["archive"], fileName: $0["fileName"]) }
        }
    }

    /// Held bundles of `device` whose sequence is already applied (by another bundle: a fork).
    private func supersededHeld(of device: String) throws -> [HeldBundle] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT hash, sequence, archive, fileName FROM heldBundle
                WHERE deviceID = ? AND sequence <= (SELECT IFNULL(MAX(sequence), 0) FROM bundleIn WHERE deviceID = ?) ORDER BY sequence
                """, arguments: [device, device])
                .map { HeldBundle(hash: $0["hash"], deviceID: device, sequence: $0["sequence"], archive: $0["archive"], fileName: $0["fileName"]) }
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
            let conflicts = try apply(bundle, db: db, questionnaire: questionnaire, progress: progress)
            try db.execute(sql: """
                INSERT INTO bundleIn (hash, deviceID, sequence, bundleID, changes, conflicts, fileName, appliedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [bundle.hash, m.deviceID, m.sequence, m.bundleID, m.changes, conflicts, fileName, Self.timestamp()])
            try db.execute(sql: "DELETE FROM heldBundle WHERE hash = ?", arguments: [bundle.hash])
            try recordSource(bundle, db)
            return .applied(changes: m.changes, conflicts: conflicts, released: [])
        }
    }

    /// Keeps the certificate a bundle came with, and notes for each of its households who sent its latest changes.
    private func recordSource(_ bundle: VerifiedBundle, _ db: Database) throws {
        let m = bundle.manifest
        if let (certificate, signed) = bundle.certificate { try Self.record(certificate, signed, isOwn: false, db) }
        let person = bundle.certificate?.0.name ?? m.enumerator
        for hid in bundle.households.sorted() where try HouseholdRecord.exists(db, key: hid) {
            try db.execute(sql: "INSERT OR REPLACE INTO householdSource (householdID, deviceID, person, role, bundleID, at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [hid, m.deviceID, person, bundle.certificate?.0.role.rawValue, m.bundleID, Self.timestamp()])
        }
    }

    /// The payload opened with the county's private key when it is sealed; still deflated.
    private func open(_ payload: Data, of manifest: BundleManifest) throws -> Data {
        let p = manifest.payload
        guard p.compression == "deflate" else { throw BundleRejection.unsupportedFormat("compression \(p.compression)") }
        guard p.plainLength >= 0 else { throw BundleRejection.wrongLength(declared: p.plainLength) }
        guard p.plainLength <= BundleLimit.plainLength else { throw BundleRejection.tooLarge(declared: p.plainLength, limit: BundleLimit.plainLength) }
        switch p.encryption {
        case "none": return payload
        case BundleManifest.hpke:
            guard let key = countyPrivateKey() else { throw BundleRejection.noCountyKey }
            guard let encapsulated = p.encapsulatedKey.flatMap({ Data(base64Encoded: $0) }),
                  let plain = try? CountyKey.open(payload, encapsulatedKey: encapsulated, privateKey: key, bundleID: manifest.bundleID)
            else { throw BundleRejection.cannotDecrypt }
            return plain
        default: throw BundleRejection.unsupportedFormat("encryption \(p.encryption)")
        }
    }

    /// Applies a changeset inside the caller's transaction, then settles what SQLite reported as conflicts.
    /// Returns the number of new entries in the conflict queue.
    private func apply(_ bundle: VerifiedBundle, db: Database, questionnaire: Questionnaire?, progress: SyncProgress) throws -> Int {
        let manifest = bundle.manifest
        let stream = InflateStream(bundle.compressed, declaredLength: manifest.payload.plainLength)
        let handler = ImportConflicts(columns: try ImportConflicts.columns(db))
        let total = manifest.changes
        var done = 0
        let step = max(1, total / 200)
        progress(.apply, 0, total)
        if bundle.previousVersion, let questionnaire { try restorePreviousNames(bundle, questionnaire, db) }
        do {
            try Changeset.apply(ChangesetInput(stream), to: db.sqliteConnection!, handler: handler) {
                done += 1
                if done % step == 0 { progress(.apply, min(done, total), total) }
            }
        } catch { throw BundleRejection.changesDamaged(handler.constraintFailure.map { "constraint on \($0)" } ?? "\(error)") }
        let merge = ConflictMerge(store: self, db: db, manifest: manifest, questionnaire: questionnaire)
        let conflicts = try merge.settle(handler)
        if bundle.previousVersion, let questionnaire { try migrateArrived(bundle, questionnaire, db) }
        if let questionnaire { try checkDecidedProcedures(bundle.households, db, periods: questionnaire.standards.procedures) }
        progress(.apply, total, total)
        return conflicts
    }

    /// A device still on the previous version changes answers under their old names. In a household migrated
    /// before, a renamed answer is put back under its old name (the same value) for the bundle's change to apply
    /// to; the migration after the apply renames it again, with the change. (An answer retyped or recoded since
    /// holds another value than the device changed from: the two meet in the conflict queue, as any two versions do.)
    private func restorePreviousNames(_ bundle: VerifiedBundle, _ q: Questionnaire, _ db: Database) throws {
        guard let migration = q.migration else { return }
        for key in bundle.previousVersionAnswers.sorted(by: { ($0.householdID, $0.rowID, $0.question) < ($1.householdID, $1.rowID, $1.question) }) {
            guard case .kept(let index, _, _)? = migration.previous(key.question, in: q), q.questions[index].id != key.question else { continue }
            try db.execute(sql: """
                INSERT OR IGNORE INTO answer (householdID, rowID, question, type, value, who, at, clock)
                SELECT householdID, rowID, ?, type, value, who, at, clock FROM answer WHERE householdID = ? AND rowID = ? AND question = ?
                """, arguments: [key.question, key.householdID, key.rowID, q.questions[index].id])
        }
    }

    /// Migrates what a bundle of the previous questionnaire version brought: its households still of that
    /// version whole, and in households migrated before only the answers it wrote. An answer that cannot
    /// migrate refuses the whole bundle.
    private func migrateArrived(_ bundle: VerifiedBundle, _ questionnaire: Questionnaire, _ db: Database) throws {
        let byHousehold = Dictionary(grouping: bundle.previousVersionAnswers, by: \.householdID)
        let me = try String.fetchOne(db, sql: "SELECT name FROM device WHERE isSelf") ?? ""
        for hid in bundle.households.sorted() where try HouseholdRecord.exists(db, key: hid) {
            do {
                try migrate(hid, only: Set(byHousehold[hid] ?? []), questionnaire, who: me, keepsClocks: true, db)
            } catch let StoreError.cannotMigrate(household, from, to, problems) {
                throw BundleRejection.cannotMigrate(household: household, from: from, to: to, problems)
            }
        }
    }

    /// A bundle may not leave a procedure decided that this store's rules would not decide (a step missing, a
    /// notice too short by this store's standards): the whole bundle is refused, as a local decision would be.
    private func checkDecidedProcedures(_ households: Set<String>, _ db: Database, periods: ProcedurePeriods?) throws {
        for hid in households.sorted() {
            for p in try ProcedureRecord.filter(ProcedureRecord.Columns.householdID == hid && ProcedureRecord.Columns.state == ProcedureState.decided).fetchAll(db) {
                let steps = try ProcedureStepRecord.filter(ProcedureStepRecord.Columns.householdID == hid
                                                           && ProcedureStepRecord.Columns.surveyYear == p.surveyYear).fetchAll(db)
                if let problem = ProcedureRules.decisionProblem(p, steps: steps, periods: periods) {
                    throw BundleRejection.procedureNotDecidable(household: hid, year: p.surveyYear, problem)
                }
            }
        }
    }
}
