import Foundation
import PostgresNIO
import Store

/// One bundle of a device's inbox: where it sits in the log and what to download.
public struct InboxEntry: Equatable, Sendable, Codable {
    /// Its place in the hub's log, given when it became applied; the inbox's cursor.
    public var position: Int
    public var hash: String
    /// The device that signed it, and its place in that device's chain.
    public var device: String
    public var sequence: Int
    /// Bytes of the bundle file.
    public var length: Int
}

/// A page of a device's inbox.
public struct InboxPage: Equatable, Sendable {
    public var entries: [InboxEntry]
    /// The cursor to ask from next: the last entry's position, or the one asked from.
    public var next: Int
    /// Whether more entries follow this page.
    public var more: Bool
}

extension HubStore {
    /// The most entries one inbox page holds, and how many it holds unless asked for fewer.
    public static let inboxMaxLimit = 500
    public static let inboxDefaultLimit = 100

    /// The applied bundles `device` should receive after `cursor`, in log order: for an enumerator, those
    /// signed by supervisors that touch one of its villages; for a supervisor (or the hub's own role),
    /// every bundle touching a village under its prefixes that it did not sign. Never its own. Remembers
    /// the highest cursor the device asked from.
    public func inbox(for device: KnownDevice, after cursor: Int, limit: Int) async throws -> InboxPage {
        let limit = max(1, min(limit, Self.inboxMaxLimit))
        let cursor = max(0, cursor)
        let c = device.certificate
        try await client.query("""
            INSERT INTO inbox_cursor (device_id, asked_after) VALUES (\(c.deviceID), \(cursor))
            ON CONFLICT (device_id) DO UPDATE SET asked_after = GREATEST(inbox_cursor.asked_after, excluded.asked_after), asked_at = now()
            """, logger: logger)
        var entries: [InboxEntry] = []
        for try await (position, hash, author, sequence, length) in try await client.query(
            Self.inboxQuery(device: c, after: cursor, limit: limit + 1), logger: logger
        ).decode((Int, String, String, Int, Int).self) {
            entries.append(InboxEntry(position: position, hash: hash, device: author, sequence: sequence, length: length))
        }
        let more = entries.count > limit
        if more { entries.removeLast() }
        return InboxPage(entries: entries, next: entries.last?.position ?? cursor, more: more)
    }

    /// The original signed file of bundle `hash`, only when it is in `device`'s inbox (at any position).
    public func bundleFile(_ hash: String, for device: KnownDevice) async throws -> Data? {
        guard Self.isHash(hash) else { return nil }
        let c = device.certificate
        let query: PostgresQuery
        switch c.role {
        case .enumerator:
            query = """
                SELECT b.archive FROM bundle b
                WHERE b.hash = \(hash) AND b.state = 'applied' AND b.device_id <> \(c.deviceID) AND b.author_role = 'supervisor'
                  AND EXISTS (SELECT 1 FROM bundle_village v WHERE v.bundle_hash = b.hash AND v.village_code = ANY(\(c.scope)))
                """
        case .supervisor, .hub:
            query = """
                SELECT b.archive FROM bundle b
                WHERE b.hash = \(hash) AND b.state = 'applied' AND b.device_id <> \(c.deviceID)
                  AND EXISTS (SELECT 1 FROM bundle_village v, unnest(\(Self.prefixes(c.scope))::text[]) AS p (prefix)
                              WHERE v.bundle_hash = b.hash AND starts_with(v.village_code, p.prefix))
                """
        }
        for try await archive in try await client.query(query, logger: logger).decode(Data.self) { return archive }
        return nil
    }

    /// The inbox's rows after `cursor`, at most `limit`.
    static func inboxQuery(device c: DeviceCertificate, after cursor: Int, limit: Int) -> PostgresQuery {
        switch c.role {
        case .enumerator:
            return """
                SELECT b.log_position, b.hash, b.device_id, b.sequence, octet_length(b.archive) FROM bundle b
                WHERE b.state = 'applied' AND b.log_position > \(cursor) AND b.device_id <> \(c.deviceID) AND b.author_role = 'supervisor'
                  AND EXISTS (SELECT 1 FROM bundle_village v WHERE v.bundle_hash = b.hash AND v.village_code = ANY(\(c.scope)))
                ORDER BY b.log_position LIMIT \(limit)
                """
        case .supervisor, .hub:
            return """
                SELECT b.log_position, b.hash, b.device_id, b.sequence, octet_length(b.archive) FROM bundle b
                WHERE b.state = 'applied' AND b.log_position > \(cursor) AND b.device_id <> \(c.deviceID)
                  AND EXISTS (SELECT 1 FROM bundle_village v, unnest(\(prefixes(c.scope))::text[]) AS p (prefix)
                              WHERE v.bundle_hash = b.hash AND starts_with(v.village_code, p.prefix))
                ORDER BY b.log_position LIMIT \(limit)
                """
        }
    }

    /// A supervisor's scope as prefixes: an empty code covers nothing (as `DeviceCertificate.covers` has it).
    static func prefixes(_ scope: [String]) -> [String] { scope.filter { !$0.isEmpty } }

    /// The highest cursor each device has asked its inbox from (for the dashboard and the operator).
    public func inboxCursors() async throws -> [String: Int] {
        var cursors: [String: Int] = [:]
        for try await (device, position) in try await client.query("SELECT device_id, asked_after FROM inbox_cursor",
                                                                   logger: logger).decode((String, Int).self) {
            cursors[device] = position
        }
        return cursors
    }

    /// Records the villages bundle `hash` touches: each it sets on a household, and each household's village
    /// as the log had it before; then the villages it sets become the households' own. A sealed bundle
    /// (`households` nil) touches none the hub can read, and so reaches no inbox.
    static func recordVillages(of hash: String, households: BundleHouseholds?, _ connection: PostgresConnection, logger: Logger) async throws {
        guard let households, !households.households.isEmpty else { return }
        let ids = households.households.sorted()
        let set = households.villages.sorted { $0.key < $1.key }
        // One statement, one round trip (a commit that gives out a log position runs this under the log's
        // lock): its parts all read the households' villages as they were before it.
        try await connection.query("""
            WITH touched (village_code) AS (
                SELECT village_code FROM household_village WHERE household_id = ANY(\(ids))
                UNION SELECT unnest(\(set.map(\.value))::text[])
            ), logged AS (
                -- A household not yet placed in a village ("") is in nobody's scope.
                INSERT INTO bundle_village (bundle_hash, village_code)
                SELECT \(hash), village_code FROM touched WHERE village_code <> '' ON CONFLICT DO NOTHING
            )
            INSERT INTO household_village (household_id, village_code)
            SELECT * FROM unnest(\(set.map(\.key))::text[], \(set.map(\.value))::text[])
            ON CONFLICT (household_id) DO UPDATE SET village_code = excluded.village_code
            """, logger: logger)
    }

    /// The same for a bundle logged before the hub read villages (the v2 migration's backfill).
    static func recordVillages(of hash: String, file: Data, _ connection: PostgresConnection, logger: Logger) async throws {
        // Accepted when it was logged; changes that no longer read touch nothing.
        let households = try? EnrolledBundleCheck.households(in: file)
        try await recordVillages(of: hash, households: households ?? nil, connection, logger: logger)
    }

    /// Moves the next log position past the clock's microseconds when it is behind them, as `serve` does at
    /// start: a database restored from a dump would otherwise give out again positions that devices'
    /// cursors already passed, and those bundles would never reach them. Positions handed out before grow
    /// by one a bundle from the last start's clock, far slower than a microsecond each.
    public func advanceLogPositions() async throws {
        try await client.query("""
            SELECT setval('bundle_position', GREATEST((SELECT last_value FROM bundle_position),
                                                      (extract(epoch FROM clock_timestamp()) * 1000000)::bigint))
            """, logger: logger)
    }

    /// The newest revocation list the hub holds, with its number, as the county signed it.
    public func newestRevocations() async throws -> (number: Int, signed: CountySigned)? {
        for try await (number, text) in try await client.query("""
            SELECT number, signed FROM revocation_list ORDER BY number DESC LIMIT 1
            """, logger: logger).decode((Int, String).self) {
            guard let signed = CountySigned(file: Data(text.utf8)) else { return nil }
            return (number, signed)
        }
        return nil
    }
}
