import Synchronization

/// When a device last sent the hub part of a bundle: while uploads are under way the county tables' applier
/// gives way to them (a receipt is what a device waits for; the county tables may follow a few seconds
/// later), so a township syncing at once is not slowed by the apply of what it just sent.
public final class UploadActivity: Sendable {
    private let last = Atomic<Int64>(Int64.min / 2)
    private static let clock = ContinuousClock()
    private static let origin = clock.now

    public init() {}

    /// Notes a request of an upload now.
    public func note() { last.store(Self.nanoseconds(Self.clock.now), ordering: .relaxed) }

    /// Whether an upload request came within `window` of now.
    public func recent(within window: Duration) -> Bool {
        let now = Self.nanoseconds(Self.clock.now)
        return now - last.load(ordering: .relaxed) < Self.nanoseconds(window)
    }

    private static func nanoseconds(_ instant: ContinuousClock.Instant) -> Int64 { nanoseconds(instant - origin) }
    private static func nanoseconds(_ d: Duration) -> Int64 {
        d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
    }
}
