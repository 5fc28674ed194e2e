import Foundation
import HubCore
import HTTPTypes
import Hummingbird
import NIOCore
import PostgresNIO

/// Lets a request through only when an enrolled, unrevoked device signed it (`HubRequestSignature`). The
/// body is read first, bounded by the chunk limit, because the signature covers its hash. A proven device
/// over its request rate is answered 429 with Retry-After.
struct DeviceAuthentication: RouterMiddleware {
    typealias Context = HubRequestContext
    let store: HubStore
    let rate: RequestRate

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: store.limits.chunkBytes)
        } catch is NIOTooManyBytesError {
            return HubResponse.refused(UploadRefusal.tooLarge(limit: store.limits.chunkBytes))
        }
        let path = request.head.path ?? "/"
        let headers = request.headers
        var context = context
        do {
            context.device = try await store.authenticate(method: request.method.rawValue, path: path,
                                                          header: { name in HTTPField.Name(name).flatMap { headers[$0] } },
                                                          body: Data(buffer: body))
        } catch let refusal as AuthRefusal {
            return HubResponse.refused(refusal)
        } catch is PSQLError {
            return HubResponse.unavailable()
        }
        if let device = context.device, let seconds = rate.wait(for: device.certificate.deviceID) {
            return HubResponse.tooManyRequests(retryAfter: seconds, perMinute: rate.perMinute)
        }
        return try await next(request, context)
    }
}
