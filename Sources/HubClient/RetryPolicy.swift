import Foundation

/// How `hufang sync` waits before trying a request again after a 5xx, a 429 or a dropped connection:
/// 0.5 s doubling to 30 s, each wait drawn between half and all of it (so many laptops do not come back at
/// once), never shorter than the hub's Retry-After, for at most `attempts` tries in all.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var firstWait: Double
    public var longestWait: Double
    /// Waits `seconds`; tests that count the waits replace it.
    public var sleep: @Sendable (Double) -> Void

    public init(attempts: Int = 8, firstWait: Double = 0.5, longestWait: Double = 30,
                sleep: @escaping @Sendable (Double) -> Void = { usleep(useconds_t(max(0, $0) * 1_000_000)) }) {
        self.attempts = attempts; self.firstWait = firstWait; self.longestWait = longestWait; self.sleep = sleep
    }

    /// The wait before try `attempt + 1` (`attempt` counts from 0), at least `retryAfter` when the hub said so.
    public func wait(after attempt: Int, retryAfter: Double?) -> Double {
        let ceiling = min(longestWait, firstWait * pow(2, Double(min(attempt, 30))))
        let drawn = Double.random(in: (ceiling / 2)...ceiling)
        return max(drawn, min(retryAfter ?? 0, longestWait))
    }
}
