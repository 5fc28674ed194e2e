import Foundation
import HubCore
import HTTPTypes
import Hummingbird
import PostgresNIO
import Store

/// The hub's JSON answers and its refusals, as HTTP.
enum HubResponse {
    static let uploadOffset = HTTPField.Name("Upload-Offset")!
    static let uploadLength = HTTPField.Name("Upload-Length")!

    /// `value` as JSON with `status`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers[.contentType] = "application/json"
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A refusal: `{"error": CODE, "message": TEXT}` and any extra fields.
    static func problem(_ status: HTTPResponse.Status, _ code: String, _ message: String, offset: Int? = nil, limit: Int? = nil) -> Response {
        var headers: HTTPFields = [:]
        if let offset { headers[uploadOffset] = String(offset) }
        if status == .serviceUnavailable { headers[.retryAfter] = "5" }
        return json(Problem(error: code, message: message, offset: offset, limit: limit), status: status, headers: headers)
    }

    struct Problem: Encodable {
        var error: String
        var message: String
        var offset: Int?
        var limit: Int?
    }

    /// The answer to a refused upload step.
    static func refused(_ refusal: UploadRefusal) -> Response {
        switch refusal {
        case .badAnnouncement(let why): return problem(.badRequest, "bad-announcement", why)
        case .tooLarge(let limit): return problem(.contentTooLarge, "too-large", "more than \(limit) bytes", limit: limit)
        case .tooManyOpen(let limit): return problem(.tooManyRequests, "too-many-uploads", "at most \(limit) uploads open", limit: limit)
        case .announcedOtherwise: return problem(.conflict, "announced-otherwise", "this bundle was announced with another hash or length")
        case .noSuchUpload: return problem(.notFound, "no-such-upload", "no such upload")
        case .wrongOffset(let current): return problem(.conflict, "wrong-offset", "the hub holds \(current) bytes", offset: current)
        case .pastEnd(let length): return problem(.contentTooLarge, "past-end", "the chunk goes past the announced \(length) bytes", limit: length)
        case .emptyChunk: return problem(.badRequest, "empty-chunk", "a chunk holds at least one byte")
        case .incomplete(let current): return problem(.conflict, "incomplete", "the hub holds \(current) bytes", offset: current)
        case .hashMismatch:
            return problem(.unprocessableContent, "hash-mismatch", "the bytes are not the announced bundle; announce it again")
        }
    }

    /// The answer to a request that is not let through: nothing about the data, only whether to sign again.
    static func refused(_ refusal: AuthRefusal) -> Response {
        refusal.status == 401
            ? problem(.unauthorized, "unauthenticated", "sign the request with an enrolled key")
            : problem(.forbidden, "forbidden", "this device may not use the hub")
    }

    /// The device is over its request rate: the seconds until its next request would pass.
    static func tooManyRequests(retryAfter seconds: Int, perMinute: Int) -> Response {
        var response = problem(.tooManyRequests, "rate-limited", "more than \(perMinute) requests a minute; try again in \(seconds) s",
                               limit: perMinute)
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    /// PostgreSQL is unreachable: try again later; nothing was acknowledged.
    static func unavailable() -> Response {
        problem(.serviceUnavailable, "unavailable", "the hub's database is unavailable; try again")
    }
}

/// An announcement's body.
struct AnnounceRequest: Decodable {
    var bundle: String
    var sha256: String
    var length: Int
}

/// An upload the device may send to.
struct UploadAnswer: Encodable {
    var upload: String
    var offset: Int
    var length: Int
    var chunkBytes: Int
}

/// What became of a bundle, with the hub's signed receipt.
struct OutcomeAnswer: Encodable {
    var outcome: String
    var reason: String?
    var receipt: SignedHubReceipt
}

/// The hub's identity, so a device can check receipts: with the county's certificate of the hub's key
/// (role hub), which a device checks against the county it trusts before believing any receipt.
struct HubAnswer: Encodable {
    var county: String
    var hubKey: String
    var fingerprint: String
    var certificate: CountySigned?
}

/// What the hub holds of the asking device's chain.
struct StatusAnswer: Encodable {
    var device: String
    var contiguous: Int
    var held: [Int]
}
