import HubCore
import Hummingbird

/// Answers 503 when a request takes longer than `limits.requestSeconds`: PostgreSQL's connection pool
/// waits for the database instead of failing, so this is how a hub whose database restarts says "try
/// again" instead of hanging. The request's work is cancelled (an open transaction rolls back; the
/// pool's wait for a connection ends on cancellation).
struct RequestDeadline: RouterMiddleware {
    typealias Context = HubRequestContext
    let seconds: Double

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withoutActuallyEscaping(next) { next in
            // The task group ends only after both children have: `next` never outlives this call.
            let work = Unchecked(next: next, request: request, context: context)
            return try await withThrowingTaskGroup(of: Response?.self) { group in
                group.addTask { try await work.next(work.request, work.context) }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else { return HubResponse.unavailable() }
                return response
            }
        }
    }

    /// The request's work handed to a child task of the group above, which it does not outlive.
    private struct Unchecked: @unchecked Sendable {
        let next: (Request, Context) async throws -> Response
        let request: Request
        let context: Context
    }
}
