import Synchronization

/// When a device last sent the hub part of a bundle: while uploads are under way the county tables' applier
/// gives way to them (a receipt is what a device waits for; the county tables may follow a few seconds
/// later), so a township syncing at once is not slowed by the apply of what it just sent.
public final class UploadActivity: Sendable {
    private let last = Mutex<ContinuousClock.Instant?>(nil)

    public init() {}

    /// Notes a request of an upload now.
    public func note() { last.withLock { $0 = .now } }

    /// Whether an upload request came within `window` of now.
    public func recent(within window: Duration) -> Bool { last.withLock { $0.map { .now - $0 < window } ?? false } }
}
