import Foundation
import HubCore
import HubTestSupport
import Logging
import PostgresNIO
import Store
import Testing

/// The inbox's migration on a hub that already logged bundles: they get log positions in the order they
/// arrived, their signers' roles, and the villages read from their changes.
@Suite(.postgres) struct HubMigrationTests {
    @Test func bundlesLoggedBeforeTheInboxMigrationReachTheInboxesAfterIt() async throws {
        let cluster = try TestPostgres.current
        let client = cluster.client(database: try cluster.createDatabase())
        let county = try HubTestCounty()
        let laptop = try county.device("调查员1")
        let first = try laptop.nextBundle(no: "0001", village: HubTestCounty.villages[0])
        let second = try laptop.nextBundle(no: "0002", village: HubTestCounty.villages[1])
        let logger = Logger(label: "hub-migration-test")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            #expect(try await HubMigrations.migrate(client, logger: logger, through: 1) == [HubMigrations.all[0].name])
            // What a v1 hub wrote: the device it took the certificate of, and its two applied bundles.
            let c = laptop.certificate
            let text = String(decoding: laptop.signedCertificate.fileData, as: UTF8.self)
            try await client.query("""
                INSERT INTO device (device_id, key_fingerprint, public_key, role, scope, name, valid_until, certificate)
                VALUES (\(c.deviceID), \(c.keyFingerprint), \(laptop.key.publicKey), \(c.role.rawValue), \(c.scope), \(c.name), \(c.validUntil)::date, \(text))
                """, logger: logger)
            for (n, file) in [first, second].enumerated() {
                let (hash, sequence) = file.bundleIdentity
                try await client.query("""
                    INSERT INTO bundle (hash, device_id, sequence, previous, bundle_id, state, changes, manifest, archive, received_at)
                    VALUES (\(hash), \(c.deviceID), \(sequence), '', 'b', 'applied', 1, '{}', \(file), now() + make_interval(secs => \(n)))
                    """, logger: logger)
            }
            #expect(try await HubMigrations.migrate(client, logger: logger).count == HubMigrations.all.count - 1)
            var rows: [String: (Int, String)] = [:]
            for try await (hash, position, role) in try await client.query("SELECT hash, log_position, author_role FROM bundle",
                                                                         logger: logger).decode((String, Int, String).self) {
                rows[hash] = (position, role)
            }
            #expect(rows[first.bundleIdentity.hash]?.0 == 1 && rows[second.bundleIdentity.hash]?.0 == 2)
            #expect(rows.values.allSatisfy { $0.1 == "enumerator" })
            var villages: [String: [String]] = [:]
            for try await (hash, village) in try await client.query("SELECT bundle_hash, village_code FROM bundle_village",
                                                                  logger: logger).decode((String, String).self) {
                villages[hash, default: []].append(village)
            }
            #expect(villages[first.bundleIdentity.hash] == [HubTestCounty.villages[0]])
            #expect(villages[second.bundleIdentity.hash] == [HubTestCounty.villages[1]])
            // The next bundle applied after the migration comes after both.
            var next = 0
            for try await n in try await client.query("SELECT nextval('bundle_position')::bigint", logger: logger).decode(Int.self) { next = n }
            #expect(next == 3)
        }
    }
}
