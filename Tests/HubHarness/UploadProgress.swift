import Synchronization

/// How many bundles many devices' tasks have had acknowledged so far, read by the task that injects faults.
public final class UploadProgress: Sendable {
    private let acknowledged = Mutex(0)

    public init() {}

    /// One more bundle holds its receipt.
    public func acknowledge() { acknowledged.withLock { $0 += 1 } }

    public var count: Int { acknowledged.withLock { $0 } }
}
