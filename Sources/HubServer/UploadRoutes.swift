import Foundation
import HubCore
import Hummingbird
import PostgresNIO
import Store

/// The upload API: announce, send chunks at offsets, ask how much the hub holds, finish.
struct UploadRoutes {
    let store: HubStore

    func register(on group: RouterGroup<HubRequestContext>) {
        group.post("uploads") { request, context in try await answer { try await announce(request, context) } }
        group.head("uploads/:id") { _, context in try await answer { try await held(context) } }
        group.patch("uploads/:id") { request, context in try await answer { try await append(request, context) } }
        group.post("uploads/:id/finish") { _, context in try await answer { try await finish(context) } }
        group.get("status") { _, context in try await answer { try await status(context) } }
    }

    /// Runs a step, turning its refusals into their HTTP answers and an unreachable database into 503.
    private func answer(_ step: () async throws -> Response) async throws -> Response {
        do {
            return try await step()
        } catch let refusal as UploadRefusal {
            return HubResponse.refused(refusal)
        } catch is PSQLError {
            return HubResponse.unavailable()
        }
    }

    private func device(_ context: HubRequestContext) throws -> String {
        guard let device = context.device else { throw HTTPError(.unauthorized) }
        return device.certificate.deviceID
    }

    private func uploadID(_ context: HubRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw UploadRefusal.noSuchUpload }
        return id
    }

    private func announce(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let device = try device(context)
        let body = try await request.body.collect(upTo: store.limits.chunkBytes)
        guard let announced = try? JSONDecoder().decode(AnnounceRequest.self, from: Data(buffer: body)) else {
            throw UploadRefusal.badAnnouncement("expected {\"bundle\", \"sha256\", \"length\"}")
        }
        switch try await store.announce(device: device, bundle: announced.bundle, sha256: announced.sha256, length: announced.length) {
        case .held(let receipt):
            return HubResponse.json(OutcomeAnswer(outcome: HubReceipt.Outcome.duplicate.rawValue, reason: nil, receipt: receipt))
        case .upload(let state):
            var headers: HTTPFields = [:]
            headers[.location] = "/v1/uploads/\(state.id.uuidString.lowercased())"
            headers[HubResponse.uploadOffset] = String(state.received)
            return HubResponse.json(UploadAnswer(upload: state.id.uuidString.lowercased(), offset: state.received, length: state.length,
                                                 chunkBytes: store.limits.chunkBytes),
                                    status: state.received == 0 ? .created : .ok, headers: headers)
        }
    }

    private func held(_ context: HubRequestContext) async throws -> Response {
        guard let state = try await store.upload(try uploadID(context), device: try device(context)) else { throw UploadRefusal.noSuchUpload }
        var headers: HTTPFields = [:]
        headers[HubResponse.uploadOffset] = String(state.received)
        headers[HubResponse.uploadLength] = String(state.length)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers)
    }

    private func append(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let (device, id) = (try device(context), try uploadID(context))
        guard let offset = request.headers[HubResponse.uploadOffset].flatMap({ Int($0) }), offset >= 0 else {
            return HubResponse.problem(.badRequest, "no-offset", "Upload-Offset: the offset this chunk starts at")
        }
        let chunk = try await request.body.collect(upTo: store.limits.chunkBytes)
        let end = try await store.append(Data(buffer: chunk), at: offset, to: id, device: device)
        var headers: HTTPFields = [:]
        headers[HubResponse.uploadOffset] = String(end)
        return Response(status: .noContent, headers: headers)
    }

    private func finish(_ context: HubRequestContext) async throws -> Response {
        let (receipt, signed) = try await store.finish(try uploadID(context), device: try device(context))
        return HubResponse.json(OutcomeAnswer(outcome: receipt.outcome.rawValue, reason: receipt.reason, receipt: signed))
    }

    private func status(_ context: HubRequestContext) async throws -> Response {
        let device = try device(context)
        let chain = try await store.status(of: device)
        return HubResponse.json(StatusAnswer(device: device, contiguous: chain.contiguous, held: chain.held))
    }
}
