import Foundation

/// Runs blocking work (decoding the sample village, a laptop store's export) on a thread of its own and
/// awaits it. The hubs under test serve from Swift's cooperative pool — two threads on two cores — so seconds
/// of synchronous work on one of them held up every hub in the test process past its request deadline.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
