import Foundation
import Logging
import PostgresNIO
import Store

extension HubMigrations {
    /// How far the county tables have taken the log. Until now each bundle was applied in the transaction that
    /// logged it, so they hold every applied bundle: the cursor starts at the log's end.
    static let countyAppliedCursor = Migration(name: "v6 county tables follow the log", statements: [
        """
        CREATE TABLE county_applied (
          only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
          log_position bigint NOT NULL)
        """,
        "INSERT INTO county_applied SELECT true, coalesce(max(log_position), 0) FROM bundle WHERE state = 'applied'",
    ])
}

extension HubStore {
    /// Applies the bundles the log holds beyond the county tables' cursor to them, in log order, each in one
    /// transaction with the cursor's move: a bundle is in the county tables whole or not at all, and once.
    /// The upload's own transaction only logs it, so a device's receipt never waits on the county tables
    /// (the apply under the log's lock had cut the hub from 937 to 58 households/s). One applier at a time,
    /// across hub processes too: the cursor's row is locked. Returns how many bundles it applied.
    @discardableResult
    public func applyLogged(atMost limit: Int = .max) async throws -> Int {
        var applied = 0
        while applied < limit {
            let took = try await unwrapped {
                try await client.withTransaction(logger: logger) { connection -> Bool in
                    var through: Int64 = 0
                    for try await p in try await connection.query("SELECT log_position FROM county_applied FOR UPDATE",
                                                                  logger: logger).decode(Int64.self) { through = p }
                    var next: (position: Int64, archive: Data)?
                    for try await row in try await connection.query("""
                        SELECT log_position, archive FROM bundle WHERE state = 'applied' AND log_position > \(through)
                        ORDER BY log_position LIMIT 1
                        """, logger: logger).decode((Int64, Data).self) { next = row }
                    guard let next else { return false }
                    // Checked when it was logged; one sealed to the county key has no rows the hub can read.
                    if let manifest = EnrolledBundleCheck.manifest(of: next.archive),
                       let changes = try EnrolledBundleCheck.rowChanges(in: next.archive) {
                        try await CountyApply.apply(changes, of: manifest, connection, logger: logger)
                    }
                    try await connection.query("UPDATE county_applied SET log_position = \(next.position)", logger: logger)
                    return true
                }
            }
            guard took else { break }
            applied += 1
        }
        return applied
    }

    /// Bundles the log holds that the county tables have not taken yet.
    public func countyBacklog() async throws -> Int {
        for try await n in try await client.query("""
            SELECT count(*)::bigint FROM bundle WHERE state = 'applied' AND log_position > (SELECT log_position FROM county_applied)
            """, logger: logger).decode(Int64.self) { return Int(n) }
        return 0
    }
}
