import Foundation
import PostgresNIO
import Store
import Survey

/// What the hub holds of one device's chain.
public struct ChainStatus: Equatable, Sendable {
    /// The highest sequence such that every bundle up to it is in the log (0 for none).
    public var contiguous: Int
    /// Sequences in the log beyond a gap, waiting for the missing ones.
    public var held: [Int]
}

extension HubStore {
    /// Finishes an upload: the bytes must hash to the announced SHA-256 and be the announced bundle; then
    /// the checks of `bundle import` that need no household store (the county's certificate, signature,
    /// revocations, payload), then the chain. The bundle and its receipt are committed together before the
    /// receipt is returned; a refused bundle leaves only its signed "rejected" receipt.
    public func finish(_ id: UUID, device: String, on day: Day = .today) async throws -> (HubReceipt, SignedHubReceipt) {
        uploads.note()
        let (state, file) = try await assembled(id, device: device)
        let checked: CheckedBundle
        let households: BundleHouseholds?
        do {
            checked = try EnrolledBundleCheck.check(file, county: county, revocations: try await revocations(), on: day)
            guard checked.hash == state.bundle else { throw UploadRefusal.hashMismatch }
            // Its rows, as the county tables will take them: damaged changes, and values a laptop's columns
            // would refuse, refuse it here. The households they touch decide whose inbox it reaches.
            let changes = try EnrolledBundleCheck.rowChanges(in: file)
            if let changes { try CountyApply.check(changes) }
            households = changes.map(BundleHouseholds.init(changes:))
            guard checked.manifest.deviceID == device else {
                return try await reject(id, bundle: state.bundle, device: device, sequence: checked.manifest.sequence,
                                        reason: "the bundle is another device's (\(checked.manifest.deviceID))")
            }
        } catch let rejection as BundleRejection {
            let sequence = EnrolledBundleCheck.unverifiedSequence(file) ?? 0
            return try await reject(id, bundle: state.bundle, device: device, sequence: sequence, reason: rejection.message(.en))
        } catch UploadRefusal.hashMismatch {
            try await drop(id)
            throw UploadRefusal.hashMismatch
        }
        if let (_, signed) = checked.newerRevocations { try await install(revocations: signed) }
        return try await commit(checked, households: households, file: file, upload: id)
    }

    /// Logs a checked bundle by its place in its device's chain, releases held ones that now follow, and keeps
    /// the receipt, in one transaction under the device's lock. What gives out log positions runs under the
    /// hub-wide lock of the log's end, last, just before the commit; the bundle's bytes, its receipt and the
    /// upload's end are written before. The county tables take each applied bundle afterwards, in log order
    /// (`applyLogged`).
    private func commit(_ bundle: CheckedBundle, households: BundleHouseholds?, file: Data,
                        upload: UUID) async throws -> (HubReceipt, SignedHubReceipt) {
        let m = bundle.manifest
        let manifestText = String(decoding: (try? JSONEncoder().encode(m)) ?? Data(), as: UTF8.self)
        return try await unwrapped {
            try await client.withTransaction(logger: logger) { connection in
                // One device's bundles are taken one at a time: the chain's end does not move under a check.
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(m.deviceID)))", logger: logger)
                // In one round trip: whether the log holds this bundle, and the device's chain (its last
                // applied bundle, and those held beyond a gap), which only this lock's holder changes.
                var known = false
                var last: (Int, String) = (0, "")
                var held: [(sequence: Int, hash: String, previous: String)] = []
                for try await (isKnown, sequence, hash, previous, state) in try await connection.query("""
                    SELECT EXISTS (SELECT 1 FROM bundle WHERE hash = \(bundle.hash)), c.sequence, c.hash, c.previous, c.state
                    FROM (SELECT 1) AS one LEFT JOIN LATERAL (
                        (SELECT sequence, hash, previous, state FROM bundle
                         WHERE device_id = \(m.deviceID) AND state = 'applied' ORDER BY sequence DESC LIMIT 1)
                        UNION ALL
                        SELECT sequence, hash, previous, state FROM bundle WHERE device_id = \(m.deviceID) AND state = 'held'
                    ) c ON true
                    """, logger: logger).decode((Bool, Int?, String?, String?, String?).self) {
                    known = isKnown
                    guard let sequence, let hash, let previous else { continue }
                    if state == "applied" { last = (sequence, hash) } else { held.append((sequence, hash, previous)) }
                }
                var outcome: HubReceipt.Outcome
                var reason: String?
                var applied = false
                if known {
                    outcome = .duplicate
                } else if m.sequence <= last.0 || (m.sequence == last.0 + 1 && m.previous != last.1) {
                    outcome = .rejected
                    reason = BundleRejection.fork(sequence: m.sequence).message(.en)
                } else {
                    outcome = m.sequence == last.0 + 1 ? .applied : .held
                    applied = outcome == .applied
                    // Logged as held first; an applied one becomes so under the log's lock below.
                    try await connection.query("""
                        INSERT INTO bundle (hash, device_id, sequence, previous, bundle_id, state, changes, manifest, archive, author_role)
                        VALUES (\(bundle.hash), \(m.deviceID), \(m.sequence), \(m.previous), \(m.bundleID), 'held', \(m.changes),
                                \(manifestText), \(file), \(bundle.certificate.role.rawValue))
                        """, logger: logger)
                    if !applied { try await Self.recordVillages(of: bundle.hash, households: households, connection, logger: logger) }
                }
                let receipt = HubReceipt(bundle: bundle.hash, device: m.deviceID, sequence: m.sequence, outcome: outcome, reason: reason,
                                         issuedAt: Self.timestamp(), hubKey: hubKey.fingerprint)
                let signed = try receipt.signed(with: hubKey)
                try await keep(receipt, signed, connection)
                try await connection.query("DELETE FROM upload WHERE id = \(upload)", logger: logger)
                if applied {
                    try await lockLogEnd(connection)
                    try await connection.query("""
                        UPDATE bundle SET state = 'applied', log_position = nextval('bundle_position') WHERE hash = \(bundle.hash)
                        """, logger: logger)
                    try await Self.recordVillages(of: bundle.hash, households: households, connection, logger: logger)
                    try await releaseHeld(held, after: (m.sequence, bundle.hash), connection)
                }
                return (receipt, signed)
            }
        }
    }

    /// Serialises the hub's commits that give out log positions, until this transaction ends: a position
    /// becomes visible only after every lower one has, so an inbox read past a cursor never skips a bundle
    /// committed later with a lower position.
    private func lockLogEnd(_ connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.logEndLock))", logger: logger)
    }

    /// The advisory lock key of the log's end (a device's lock is `hashtext` of its id, a 32-bit value).
    static let logEndLock: Int64 = 0x6875_6661_6e67_6c6f

    /// Held bundles (`held`, the device's, read under its lock) that now continue the chain become applied (and
    /// so next for the county tables); one that names another predecessor is a fork and leaves the log.
    private func releaseHeld(_ held: [(sequence: Int, hash: String, previous: String)], after applied: (Int, String),
                             _ connection: PostgresConnection) async throws {
        var last = applied
        while true {
            let following = held.filter { $0.sequence == last.0 + 1 }
            guard !following.isEmpty else { return }
            for fork in following where fork.previous != last.1 {
                try await connection.query("DELETE FROM bundle WHERE hash = \(fork.hash)", logger: logger)
            }
            guard let next = following.first(where: { $0.previous == last.1 }) else { return }
            try await connection.query("""
                UPDATE bundle SET state = 'applied', log_position = nextval('bundle_position') WHERE hash = \(next.hash)
                """, logger: logger)
            last = (next.sequence, next.hash)
        }
    }

    /// Signs and keeps a "rejected" receipt and drops the upload: nothing of the bundle stays.
    private func reject(_ id: UUID, bundle: String, device: String, sequence: Int, reason: String) async throws -> (HubReceipt, SignedHubReceipt) {
        let receipt = HubReceipt(bundle: bundle, device: device, sequence: sequence, outcome: .rejected, reason: reason,
                                 issuedAt: Self.timestamp(), hubKey: hubKey.fingerprint)
        let signed = try receipt.signed(with: hubKey)
        try await unwrapped {
            try await client.withTransaction(logger: logger) { connection in
                try await keep(receipt, signed, connection)
                try await connection.query("DELETE FROM upload WHERE id = \(id)", logger: logger)
            }
        }
        return (receipt, signed)
    }

    private func keep(_ receipt: HubReceipt, _ signed: SignedHubReceipt, _ connection: PostgresConnection) async throws {
        try await connection.query("""
            INSERT INTO receipt (bundle_hash, device_id, sequence, outcome, reason, issued_at, receipt, signature)
            VALUES (\(receipt.bundle), \(receipt.device), \(receipt.sequence), \(receipt.outcome.rawValue), \(receipt.reason),
                    \(receipt.issuedAt)::timestamptz, \(signed.receipt), \(signed.signature))
            """, logger: logger)
    }

    /// A fresh "duplicate" receipt when the log holds `bundle` of `device`.
    func duplicateReceipt(device: String, bundle: String) async throws -> SignedHubReceipt? {
        for try await sequence in try await client.query("""
            SELECT sequence FROM bundle WHERE hash = \(bundle) AND device_id = \(device)
            """, logger: logger).decode(Int.self) {
            let receipt = HubReceipt(bundle: bundle, device: device, sequence: sequence, outcome: .duplicate, reason: nil,
                                     issuedAt: Self.timestamp(), hubKey: hubKey.fingerprint)
            let signed = try receipt.signed(with: hubKey)
            try await unwrapped { try await client.withTransaction(logger: logger) { connection in try await keep(receipt, signed, connection) } }
            return signed
        }
        return nil
    }

    /// What the log holds of `device`'s chain.
    public func status(of device: String) async throws -> ChainStatus {
        var contiguous = 0
        var held: [Int] = []
        for try await (sequence, state) in try await client.query("""
            SELECT sequence, state FROM bundle WHERE device_id = \(device) ORDER BY sequence
            """, logger: logger).decode((Int, String).self) {
            if state == "applied" { contiguous = max(contiguous, sequence) } else { held.append(sequence) }
        }
        return ChainStatus(contiguous: contiguous, held: held)
    }

    /// How many bundles the log holds, in all (for tests and the operator).
    public func bundleCount() async throws -> Int {
        for try await n in try await client.query("SELECT count(*)::integer FROM bundle", logger: logger).decode(Int.self) { return n }
        return 0
    }
}
