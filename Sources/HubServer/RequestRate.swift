import Foundation
import Synchronization

/// Each device's request rate as a token bucket: `perMinute` requests a minute on average, and as many in
/// a burst after a quiet minute. A device over its rate is told how many seconds until its next request
/// would pass (429 with Retry-After); others are not held back by it. In memory: a restarted hub starts
/// everyone with a full bucket, which only ever lets a device through sooner.
final class RequestRate: Sendable {
    let perMinute: Int
    /// Seconds on a monotonic clock; tests pass one they move by hand.
    private let clock: @Sendable () -> Double
    private let buckets = Mutex<[String: Bucket]>([:])

    struct Bucket {
        var tokens: Double
        var at: Double
    }

    init(perMinute: Int, clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.perMinute = max(1, perMinute)
        self.clock = clock
    }

    /// nil when `device` may make a request now (and it is counted); else the whole seconds to wait.
    func wait(for device: String) -> Int? { wait(for: device, now: clock()) }

    /// The same at the instant `now`.
    func wait(for device: String, now: Double) -> Int? {
        let capacity = Double(perMinute)
        let perSecond = capacity / 60
        return buckets.withLock { buckets in
            var bucket = buckets[device] ?? Bucket(tokens: capacity, at: now)
            bucket.tokens = min(capacity, bucket.tokens + (now - bucket.at) * perSecond)
            bucket.at = now
            defer {
                buckets[device] = bucket
                // Idle devices' buckets are full again: forgetting them changes nothing.
                if buckets.count > 10_000 { buckets = buckets.filter { now - $0.value.at < 60 } }
            }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
