import Foundation
import HubCore
import HTTPTypes
import Hummingbird
import NIOCore
import PostgresNIO
import Store

/// What comes down to a device: its inbox of relayed bundles, each bundle's original signed file, and the
/// county's newest revocation list.
struct InboxRoutes {
    let store: HubStore

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("inbox") { request, context in try await answer { try await inbox(request, context) } }
        group.get("bundles/:hash") { _, context in try await answer { try await bundle(context) } }
        group.get("revocations") { _, _ in try await answer { try await revocations() } }
    }

    /// Runs a step, an unreachable database answering 503.
    private func answer(_ step: () async throws -> Response) async throws -> Response {
        do {
            return try await step()
        } catch is PSQLError {
            return HubResponse.unavailable()
        }
    }

    private func device(_ context: HubRequestContext) throws -> KnownDevice {
        guard let device = context.device else { throw HTTPError(.unauthorized) }
        return device
    }

    private func inbox(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let device = try device(context)
        let query = request.uri.queryParameters
        // Only digits: a cursor or limit like "+5" or "1e3" is a client's mistake worth saying. nil: not a number in range.
        func number(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int? {
            guard let text = query[name[...]] else { return value }
            guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ (48...57).contains($0) }), let n = Int(text), range.contains(n)
            else { return nil }
            return n
        }
        guard let after = number("after", default: 0, range: 0...Int.max) else {
            return HubResponse.problem(.badRequest, "bad-cursor", "after: a log position, 0 or more")
        }
        guard let limit = number("limit", default: HubStore.inboxDefaultLimit, range: 1...HubStore.inboxMaxLimit) else {
            return HubResponse.problem(.badRequest, "bad-limit", "limit: 1 to \(HubStore.inboxMaxLimit)", limit: HubStore.inboxMaxLimit)
        }
        let page = try await store.inbox(for: device, after: after, limit: limit)
        var headers: HTTPFields = [:]
        headers[.cacheControl] = "no-store"
        return HubResponse.json(InboxAnswer(entries: page.entries, next: page.next, more: page.more), headers: headers)
    }

    private func bundle(_ context: HubRequestContext) async throws -> Response {
        let device = try device(context)
        // Out of scope, unknown or malformed: the same 404, so a device learns nothing of others' bundles.
        guard let hash = context.parameters.get("hash"), let file = try await store.bundleFile(hash, for: device) else {
            return HubResponse.problem(.notFound, "no-such-bundle", "no such bundle for this device")
        }
        var headers: HTTPFields = [:]
        headers[.contentType] = "application/octet-stream"
        headers[.contentLength] = String(file.count)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file)))
    }

    private func revocations() async throws -> Response {
        guard let (number, signed) = try await store.newestRevocations() else {
            var headers: HTTPFields = [:]
            headers[.cacheControl] = "no-store"
            return Response(status: .noContent, headers: headers)
        }
        return HubResponse.json(RevocationsAnswer(number: number, signed: signed))
    }
}

/// A page of the inbox.
struct InboxAnswer: Encodable {
    var entries: [InboxEntry]
    var next: Int
    var more: Bool
}

/// The county's newest revocation list as it signed it.
struct RevocationsAnswer: Encodable {
    var number: Int
    var signed: CountySigned
}
