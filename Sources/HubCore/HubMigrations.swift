import Foundation
import Logging
import PostgresNIO

/// The hub's PostgreSQL schema as named, append-only migrations: a shipped one is never edited; a change
/// is a new one at the end. `hub_migration` records which ran, so `hufang-hub migrate` runs the rest.
public enum HubMigrations {
    /// One step of the schema, by name.
    public struct Migration: Sendable {
        public var name: String
        public var statements: [String]
        /// Work SQL cannot do, run after the statements in the same transaction (reading bundles already logged).
        public var backfill: (@Sendable (PostgresConnection, Logger) async throws -> Void)?

        public init(name: String, statements: [String], backfill: (@Sendable (PostgresConnection, Logger) async throws -> Void)? = nil) {
            self.name = name; self.statements = statements; self.backfill = backfill
        }
    }

    /// Every migration, in order.
    public static let all: [Migration] = [
        Migration(name: "v1 devices, bundle log, uploads, receipts, nonces", statements: [
            // Devices the hub has seen, each with the county certificate it presented (checked then).
            """
            CREATE TABLE device (
                device_id text PRIMARY KEY,
                key_fingerprint text NOT NULL,
                public_key bytea NOT NULL,
                role text NOT NULL,
                scope text[] NOT NULL,
                name text NOT NULL,
                valid_until date NOT NULL,
                certificate text NOT NULL,
                first_seen_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            // The county's revocation lists, newest by number.
            """
            CREATE TABLE revocation_list (
                number integer PRIMARY KEY,
                signed text NOT NULL,
                installed_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            // Every accepted bundle as received: the original signed bytes are what the hub relays.
            """
            CREATE TABLE bundle (
                hash text PRIMARY KEY,
                device_id text NOT NULL,
                sequence bigint NOT NULL CHECK (sequence > 0),
                previous text NOT NULL,
                bundle_id text NOT NULL,
                state text NOT NULL CHECK (state IN ('applied', 'held')),
                changes integer NOT NULL,
                manifest text NOT NULL,
                archive bytea NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            // One applied bundle per place in a device's chain: a second is a fork.
            "CREATE UNIQUE INDEX bundle_chain ON bundle (device_id, sequence) WHERE state = 'applied'",
            // An upload in progress: announced hash and length, and how many bytes have arrived.
            """
            CREATE TABLE upload (
                id uuid PRIMARY KEY,
                device_id text NOT NULL,
                bundle_hash text NOT NULL,
                sha256 text NOT NULL,
                length integer NOT NULL CHECK (length > 0),
                received integer NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= length),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (device_id, bundle_hash)
            )
            """,
            """
            CREATE TABLE upload_chunk (
                upload_id uuid NOT NULL REFERENCES upload (id) ON DELETE CASCADE,
                start_offset integer NOT NULL,
                bytes bytea NOT NULL,
                PRIMARY KEY (upload_id, start_offset)
            )
            """,
            // Every receipt the hub signed, so a device that lost the answer can be given it again.
            """
            CREATE TABLE receipt (
                bundle_hash text NOT NULL,
                device_id text NOT NULL,
                sequence bigint NOT NULL,
                outcome text NOT NULL CHECK (outcome IN ('applied', 'duplicate', 'held', 'rejected')),
                reason text,
                issued_at timestamptz NOT NULL,
                receipt text NOT NULL,
                signature text NOT NULL
            )
            """,
            "CREATE INDEX receipt_bundle ON receipt (device_id, bundle_hash, issued_at)",
            // Nonces of signed requests, kept past the accepted clock skew so none is accepted twice.
            """
            CREATE TABLE request_nonce (
                device_id text NOT NULL,
                nonce text NOT NULL,
                seen_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (device_id, nonce)
            )
            """,
            "CREATE INDEX request_nonce_age ON request_nonce (seen_at)",
        ]),
        Migration(name: "v2 inbox: log positions, villages touched, authors' roles, inbox cursors", statements: [
            // A hub-wide place in the log, given when a bundle becomes applied: the inbox's cursor.
            "CREATE SEQUENCE bundle_position AS bigint",
            "ALTER TABLE bundle ADD COLUMN log_position bigint UNIQUE",
            // The role of the certificate that signed it: an enumerator receives only supervisors' bundles.
            "ALTER TABLE bundle ADD COLUMN author_role text",
            """
            WITH ordered AS (SELECT hash, row_number() OVER (ORDER BY received_at, device_id, sequence) AS n FROM bundle WHERE state = 'applied')
            UPDATE bundle SET log_position = ordered.n FROM ordered WHERE bundle.hash = ordered.hash
            """,
            "SELECT setval('bundle_position', (SELECT coalesce(max(log_position), 0) + 1 FROM bundle), false)",
            "UPDATE bundle SET author_role = device.role FROM device WHERE device.device_id = bundle.device_id",
            "ALTER TABLE bundle ALTER COLUMN author_role SET NOT NULL",
            "ALTER TABLE bundle ADD CONSTRAINT bundle_position_when_applied CHECK ((state = 'applied') = (log_position IS NOT NULL))",
            "ALTER TABLE bundle ADD CONSTRAINT bundle_author_role CHECK (author_role IN ('enumerator', 'supervisor', 'hub'))",
            // The villages each bundle's changes touch (as it sets them, and as the hub knew them before).
            """
            CREATE TABLE bundle_village (
                bundle_hash text NOT NULL REFERENCES bundle (hash) ON DELETE CASCADE,
                village_code text NOT NULL,
                PRIMARY KEY (bundle_hash, village_code)
            )
            """,
            "CREATE INDEX bundle_village_code ON bundle_village (village_code)",
            // Each household's village as the log last set it: a decision names only the household.
            """
            CREATE TABLE household_village (
                household_id text PRIMARY KEY,
                village_code text NOT NULL
            )
            """,
            // The highest cursor each device asked its inbox from: how far it has read, for the dashboard.
            """
            CREATE TABLE inbox_cursor (
                device_id text PRIMARY KEY,
                asked_after bigint NOT NULL CHECK (asked_after >= 0),
                asked_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ], backfill: { connection, logger in
            // Bundles logged before this migration: their villages, read from their changes in log order.
            var logged: [(String, Data)] = []
            for try await row in try await connection.query("""
                SELECT hash, archive FROM bundle ORDER BY log_position NULLS LAST, received_at
                """, logger: logger).decode((String, Data).self) { logged.append(row) }
            for (hash, archive) in logged {
                try await HubStore.recordVillages(of: hash, file: archive, connection, logger: logger)
            }
        }),
        countyTables,
        Migration(name: "v4 a device's chain by index", statements: [
            // A device's status and its held bundles are read at every upload's end: without this, a scan of
            // the whole log (bundle_chain holds only applied ones).
            "CREATE INDEX bundle_device_sequence ON bundle (device_id, sequence)",
        ]),
        progressPageLogins,
        countyAppliedCursor,
        countyRounds,
    ]

    /// Runs the migrations not yet applied, each in its own transaction; returns the names it ran. `through`
    /// stops after that many (a test builds an older hub's database).
    @discardableResult
    public static func migrate(_ client: PostgresClient, logger: Logger, through count: Int = all.count) async throws -> [String] {
        try await client.query("CREATE TABLE IF NOT EXISTS hub_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                               logger: logger)
        var ran: [String] = []
        for migration in all.prefix(count) {
            let done = try await client.withTransaction(logger: logger) { connection -> Bool in
                // Two hubs migrating at once: the second waits, then finds the step done.
                try await connection.query("LOCK TABLE hub_migration IN EXCLUSIVE MODE", logger: logger)
                let rows = try await connection.query("SELECT 1 FROM hub_migration WHERE name = \(migration.name)", logger: logger)
                for try await _ in rows { return true }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await migration.backfill?(connection, logger)
                try await connection.query("INSERT INTO hub_migration (name) VALUES (\(migration.name))", logger: logger)
                return false
            }
            if !done { ran.append(migration.name) }
        }
        return ran
    }

    /// The names of the migrations this database has run, in order.
    public static func applied(_ client: PostgresClient, logger: Logger) async throws -> [String] {
        var names: [String] = []
        var exists = false
        for try await found in try await client.query("SELECT to_regclass('hub_migration') IS NOT NULL", logger: logger).decode(Bool.self) {
            exists = found
        }
        guard exists else { return [] }
        let rows = try await client.query("SELECT name FROM hub_migration ORDER BY applied_at, name", logger: logger)
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }
}
