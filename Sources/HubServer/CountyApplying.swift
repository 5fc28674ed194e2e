import HubCore
import Logging
import ServiceLifecycle

/// Keeps the county tables following the bundle log while the hub serves: whatever was logged since the last
/// turn is applied, in log order; idle, it looks again every `interval`. It starts once the server is running
/// (`started`), so a hub that refuses to start (a schema to migrate) never has an apply under way. While
/// devices upload it gives way to them (`UploadActivity`).
struct CountyApplying: Service {
    let store: HubStore
    let started: ServerStarted
    var interval: Duration = .milliseconds(100)
    /// Uploads within this long make the hub busy.
    var busyWindow: Duration = .milliseconds(500)

    func run() async {
        await cancelWhenGracefulShutdown {
            guard await started.wait() else { return }
            while !Task.isCancelled {
                do {
                    // While devices are uploading, one bundle a second: their receipts first, the county tables
                    // catch up once the burst is over (its backlog is what the progress pages lag by).
                    if store.uploads.recent(within: busyWindow) {
                        try await store.applyLogged(atMost: 1)
                        try? await Task.sleep(for: .seconds(1))
                        continue
                    }
                    // A few at a time, so a stop is not held up by a long backlog.
                    if try await store.applyLogged(atMost: 20) > 0 { continue }
                } catch is CancellationError {
                    return
                } catch {
                    // A database away, or a bundle the apply cannot take: said, and tried again a second later.
                    store.logger.error("county tables: \(error)")
                    try? await Task.sleep(for: .seconds(1))
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}

/// Opened once when the HTTP server is running; `wait()` returns true then, or false when cancelled first.
final class ServerStarted: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream(of: Void.self) }

    func open() { continuation.yield(); continuation.finish() }

    func wait() async -> Bool {
        for await _ in stream { return true }
        return false
    }
}
