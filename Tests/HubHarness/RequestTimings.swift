import Foundation
import Synchronization

/// The requests a device makes of the hub, by what they do.
public enum RequestKind: String, CaseIterable, Sendable {
    case announce = "POST /v1/uploads"
    case head = "HEAD /v1/uploads/{id}"
    case chunk = "PATCH /v1/uploads/{id}"
    case finish = "POST /v1/uploads/{id}/finish"
    case status = "GET /v1/status"
    /// A whole bundle, from its announcement to its verified receipt (retries included).
    case bundle = "whole upload (announce … receipt)"
}

/// Latencies and answers of many devices' requests, gathered from all their tasks at once.
public final class RequestTimings: Sendable {
    private let state = Mutex<(seconds: [RequestKind: [Double]], statuses: [Int: Int], failures: Int)>(([:], [:], 0))

    public init() {}

    /// One request that got an answer.
    public func record(_ kind: RequestKind, seconds: Double, status: Int? = nil) {
        state.withLock {
            $0.seconds[kind, default: []].append(seconds)
            if let status { $0.statuses[status, default: 0] += 1 }
        }
    }

    /// A request that got no answer (the connection failed or was cut).
    public func recordFailure() { state.withLock { $0.failures += 1 } }

    /// How many answers had each status code.
    public var statuses: [Int: Int] { state.withLock { $0.statuses } }
    /// How many requests got no answer.
    public var failures: Int { state.withLock { $0.failures } }

    /// The `q` quantile (0…1) of one kind's latencies in seconds, nearest rank; nil when none was recorded.
    public func quantile(_ q: Double, of kind: RequestKind) -> Double? {
        let sorted = state.withLock { $0.seconds[kind] ?? [] }.sorted()
        guard !sorted.isEmpty else { return nil }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// How many requests of one kind were answered.
    public func count(_ kind: RequestKind) -> Int { state.withLock { $0.seconds[kind]?.count ?? 0 } }
}
