import Foundation
import Logging
import PostgresNIO
import Store
import Synchronization

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
    /// across hub processes too: the cursor's row is locked. Returns how many bundles it applied. A transaction
    /// that gets no connection within `leaseWithin`, or does not end within `turnWithin`, is given up
    /// (`CountyApplyStalled`), to be tried again.
    @discardableResult
    public func applyLogged(atMost limit: Int = .max, leaseWithin: Duration = .seconds(15), turnWithin: Duration = .seconds(60)) async throws -> Int {
        var applied = 0
        while applied < limit {
            let took = try await leased(within: leaseWithin, turnWithin: turnWithin) { connection -> Bool in
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
            guard took else { break }
            applied += 1
        }
        return applied
    }

    /// Runs `body` in a transaction, giving up when no connection was leased for it within `within`, or when it
    /// has not ended within `turnWithin`. After PostgreSQL restarted under a running hub, the applier was seen
    /// waiting for good — on a lease while other requests got connections, or on a query sent as the server went
    /// down — deaf to cancellation: the county tables stopped following the log until the hub restarted. Here
    /// the wait is left behind instead. A lease that comes through after all does not run its body; a body still
    /// running holds the cursor's row, so the next turn waits for it and cannot apply a bundle twice.
    func leased<Result: Sendable>(within: Duration, turnWithin: Duration, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let lease = LeaseStarted()
        let work = Task {
            try await unwrapped {
                try await client.withTransaction(logger: logger) { connection in
                    guard lease.start() else { throw CancellationError() }
                    return try await body(connection)
                }
            }
        }
        let answer = ResumedOnce<Result>()
        let watchdog = Task {
            try await Task.sleep(for: within)
            if lease.giveUp() {
                work.cancel()
                answer.resume(with: .failure(CountyApplyStalled(what: "no database connection", seconds: within)))
                return
            }
            try await Task.sleep(for: turnWithin - within)
            answer.resume(with: .failure(CountyApplyStalled(what: "no answer from the database", seconds: turnWithin)))
        }
        Task {
            let result = await work.result
            watchdog.cancel()
            answer.resume(with: result)
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in answer.set(continuation) }
        } onCancel: {
            // Waited for, not left behind: the hub's pool closes its connections once the applier has ended, and
            // postgres-nio has trapped closing a connection still in the middle of a statement (a COPY, in CI).
            work.cancel()
        }
    }

    /// Bundles the log holds that the county tables have not taken yet.
    public func countyBacklog() async throws -> Int {
        for try await n in try await client.query("""
            SELECT count(*)::bigint FROM bundle WHERE state = 'applied' AND log_position > (SELECT log_position FROM county_applied)
            """, logger: logger).decode(Int64.self) { return Int(n) }
        return 0
    }
}

/// The county apply got no connection, or no answer, within its deadline; the applier tries again.
public struct CountyApplyStalled: Error, CustomStringConvertible {
    public var what: String
    public var seconds: Duration
    public var description: String { "\(what) for the county tables within \(seconds.components.seconds) s" }
}

/// Whether a transaction got its connection, or was given up first (whichever comes first wins).
private final class LeaseStarted: Sendable {
    private enum State { case waiting, started, gaveUp }
    private let state = Mutex(State.waiting)

    /// Starts the body unless it was given up; whether it may run.
    func start() -> Bool { state.withLock { if $0 == .waiting { $0 = .started }; return $0 == .started } }
    /// Gives up unless it started; whether it did give up.
    func giveUp() -> Bool { state.withLock { if $0 == .waiting { $0 = .gaveUp; return true }; return false } }
}

/// A continuation resumed by the first of two answers (the work's, the deadline's).
private final class ResumedOnce<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var early: Result<Value, any Error>?
        var done = false
    }
    private let state = Mutex(State())

    func set(_ continuation: CheckedContinuation<Value, any Error>) {
        let early: Result<Value, any Error>? = state.withLock { s in
            if let e = s.early { s.early = nil; return e }
            s.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func resume(with result: Result<Value, any Error>) {
        let continuation: CheckedContinuation<Value, any Error>? = state.withLock { s in
            guard !s.done else { return nil }
            s.done = true
            guard let c = s.continuation else { s.early = result; return nil }
            s.continuation = nil
            return c
        }
        continuation?.resume(with: result)
    }
}
