import HubCore
import ServiceLifecycle

/// Forgets request nonces too old to matter (a request that old is refused for its time), once a minute
/// while the hub runs, so the table stays the size of ten minutes' traffic.
struct NoncePruning: Service {
    let store: HubStore
    var interval: Duration = .seconds(60)

    func run() async {
        // A stop ends the wait and the loop (not an error: `systemctl stop` is no failure).
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { return }
                // A database away now is tried again at the next turn; requests meanwhile answer 503 themselves.
                try? await store.pruneNonces()
                try? await store.prunePageLogins()
            }
        }
    }
}
