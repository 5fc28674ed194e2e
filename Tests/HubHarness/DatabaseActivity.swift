import Foundation
import PostgresNIO
import Synchronization

/// What the hub's PostgreSQL connections do while a load runs, sampled from `pg_stat_activity`: how many
/// are open, and on average how many run, wait for a lock, for the WAL, or sit in a transaction waiting for
/// the hub. Where a request's time goes on the database side, without touching the hub.
public final class DatabaseActivity: Sendable {
    private let tally: Tally
    private let sampler: Task<Void, Never>

    /// The samples so far, shared with the sampling task.
    private final class Tally: Sendable {
        let counts = Mutex<(samples: Int, states: [String: Int])>((0, [:]))
    }

    /// Samples the connections to `database` of `cluster` every `interval` until `stop()`.
    public init(_ cluster: TestPostgres, database: String, every interval: Duration = .milliseconds(50)) {
        let client = cluster.client()
        let tally = Tally()
        self.tally = tally
        sampler = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                while !Task.isCancelled {
                    var seen: [String: Int] = [:]
                    do {
                        let rows = try await client.query("""
                            SELECT coalesce(state, ''), coalesce(wait_event_type, ''), coalesce(wait_event, '') FROM pg_stat_activity
                            WHERE datname = \(database) AND pid <> pg_backend_pid()
                            """)
                        for try await (state, type, event) in rows.decode((String, String, String).self) {
                            seen[Self.label(state: state, type: type, event: event), default: 0] += 1
                        }
                        tally.counts.withLock {
                            $0.samples += 1
                            for (label, n) in seen { $0.states[label, default: 0] += n }
                        }
                    } catch {}
                    try? await Task.sleep(for: interval)
                }
                group.cancelAll()
            }
        }
    }

    /// What a connection is doing, in words.
    static func label(state: String, type: String, event: String) -> String {
        switch (state, type) {
        case ("active", ""): return "running"
        case ("active", "Lock") where event == "advisory": return "waiting for an advisory lock"
        case ("active", "Lock"): return "waiting for a row or table lock (\(event))"
        case ("active", "LWLock") where event.hasPrefix("WAL"): return "waiting to write the WAL (\(event))"
        case ("active", "IO") where event.hasPrefix("WAL"): return "writing or syncing the WAL (\(event))"
        case ("active", _): return "waiting (\(type) \(event))"
        case ("idle in transaction", _): return "in a transaction, waiting for the hub"
        case ("idle", _): return "idle in the hub's pool"
        default: return state.isEmpty ? "starting" : state
        }
    }

    /// Stops sampling.
    public func stop() { sampler.cancel() }

    /// Per state, the connections in it on average over the samples, most first; and the samples taken.
    public var averages: (samples: Int, states: [(label: String, connections: Double)]) {
        tally.counts.withLock { t in
            (t.samples, t.states.map { ($0.key, Double($0.value) / Double(max(1, t.samples))) }.sorted { $0.1 > $1.1 })
        }
    }
}
