import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Store
import Synchronization

/// How long to wait between attempts: exponential from `base`, doubling to `ceiling`, with jitter,
/// honouring the hub's Retry-After (up to `ceiling`); giving up once `giveUp` seconds have passed
/// without a step getting through.
public struct RetryPolicy: Sendable {
    public var base: Double
    public var ceiling: Double
    public var giveUp: Double

    /// The contract's policy: 0.5 s doubling to 30 s.
    public static let contract = RetryPolicy(base: 0.5, ceiling: 30, giveUp: 300)
    /// For tests on loopback, where a hub comes back within a second.
    public static let quick = RetryPolicy(base: 0.05, ceiling: 1, giveUp: 120)

    public init(base: Double, ceiling: Double, giveUp: Double) { self.base = base; self.ceiling = ceiling; self.giveUp = giveUp }

    /// The pause before attempt `n` (1 for the first retry).
    func delay(attempt n: Int, retryAfter: Double?) -> Double {
        let exponential = min(ceiling, base * pow(2, Double(min(n - 1, 30))))
        let jittered = exponential * Double.random(in: 0.5...1)
        return min(ceiling, max(jittered, retryAfter ?? 0))
    }
}

/// What became of one bundle's upload.
public struct UploadResult: Sendable {
    /// The receipt, verified against the hub's key, for this bundle of this device.
    public var receipt: HubReceipt
    /// The bundle's bytes sent in PATCH bodies, counting those sent again after a failure.
    public var bytesSent: Int
    /// The bundle file's length: `bytesSent - length` were sent twice.
    public var length: Int
    public var bytesResent: Int { bytesSent - length }
}

/// Why an upload could not be completed.
public struct HubClientFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A device speaking the hub's upload protocol (docs/hub-api.yaml) over HTTP, each request signed with
/// `HubRequestSignature`: announce, chunks at offsets, HEAD to resume after a failure, finish, and the
/// receipt checked against the hub's key. 5xx, 429 and dropped connections are retried with backoff.
public struct HubProtocolClient: Sendable {
    public let http: HTTPClient
    public let base: String
    public let device: DeviceIdentity
    /// The hub's raw Ed25519 public key, which every receipt must verify against.
    public let hubKey: Data
    public var retry: RetryPolicy
    public let timings: RequestTimings?
    /// Whether the hub has the device's certificate: until then (and after a 401) every request presents it.
    private let certified = CertificateState()

    public init(http: HTTPClient, base: String, device: DeviceIdentity, hubKey: Data, retry: RetryPolicy = .contract, timings: RequestTimings? = nil) {
        self.http = http; self.base = base; self.device = device; self.hubKey = hubKey; self.retry = retry; self.timings = timings
    }

    /// An HTTP client for many devices at once on loopback: one keep-alive connection per concurrent request.
    public static func makeHTTPClient(connections: Int = 128) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        configuration.timeout = .init(connect: .seconds(2), read: .seconds(60))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// An answer from the hub.
    public struct Answer: Sendable {
        public var status: Int
        public var headers: HTTPHeaders
        public var body: Data
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    /// One signed request, once: the answer, or a thrown error when no answer came.
    public func send(_ method: HTTPMethod, _ path: String, body: Data = Data(), headers extra: [(String, String)] = [],
                     kind: RequestKind) async throws -> Answer {
        let signature = try HubRequestSignature.sign(method: method.rawValue, path: path, body: body, device: device.id, key: device.key)
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        for (name, value) in signature.headers + extra { request.headers.add(name: name, value: value) }
        if !certified.isKnown {
            request.headers.add(name: "Hufang-Certificate", value: device.certificate.fileData.base64EncodedString())
        }
        if !body.isEmpty { request.body = .bytes(ByteBuffer(data: body)) }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let response = try await http.execute(request, timeout: .seconds(60))
            let bytes = try await response.body.collect(upTo: 64 << 20)
            let answer = Answer(status: Int(response.status.code), headers: response.headers, body: Data(buffer: bytes))
            timings?.record(kind, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, status: answer.status)
            if (200..<300).contains(answer.status) { certified.isKnown = true }
            if answer.status == 401 { certified.isKnown = false }
            return answer
        } catch {
            timings?.recordFailure()
            throw error
        }
    }

    /// What the hub holds of this device's chain: (highest contiguous sequence, held sequences).
    public func status() async throws -> (contiguous: Int, held: [Int]) {
        let answer = try await retrying { try await send(.GET, "/v1/status", kind: .status) }
        guard answer.status == 200, let json = answer.json, let contiguous = json["contiguous"] as? Int else {
            throw HubClientFailure("status: \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
        }
        return (contiguous, (json["held"] as? [Int]) ?? [])
    }

    /// Uploads one bundle file to its verified receipt, resuming where the hub's bytes end after any failure.
    public func upload(_ file: Data) async throws -> UploadResult {
        guard let (bundle, sequence) = file.announcedBundle else { throw HubClientFailure("not a bundle file") }
        let started = DispatchTime.now().uptimeNanoseconds
        let sha256 = SHA256.hash(data: file).map { String(format: "%02x", $0) }.joined()
        let announcement = try JSONSerialization.data(withJSONObject: ["bundle": bundle, "sha256": sha256, "length": file.count] as [String: Any],
                                                      options: [.sortedKeys])
        var sent = 0
        // The upload being sent and the offset the next chunk starts at; nil until announced (again).
        var current: (id: String, offset: Int, chunk: Int)?
        var attempt = 0
        var lastProgress = Date()
        while true {
            do {
                if current == nil {
                    let answer = try await send(.POST, "/v1/uploads", body: announcement, headers: [("Content-Type", "application/json")], kind: .announce)
                    switch answer.status {
                    case 200 where answer.json?["receipt"] != nil:
                        return try result(answer, bundle: bundle, sequence: sequence, sent: sent, length: file.count, started: started)
                    case 200, 201:
                        guard let json = answer.json, let id = json["upload"] as? String, let offset = json["offset"] as? Int,
                              let chunk = json["chunkBytes"] as? Int, chunk > 0 else { throw HubClientFailure("announce: \(answer.status) \(answer.text)") }
                        current = (id, offset, chunk)
                        lastProgress = Date()
                    default:
                        try transientOrFail(answer, "announce")
                    }
                }
                guard var upload = current else { continue }
                while upload.offset < file.count {
                    let piece = file.subdata(in: upload.offset..<min(file.count, upload.offset + upload.chunk))
                    sent += piece.count
                    let answer = try await send(.PATCH, "/v1/uploads/\(upload.id)", body: piece,
                                                headers: [("Upload-Offset", String(upload.offset)), ("Content-Type", "application/offset+octet-stream")],
                                                kind: .chunk)
                    switch answer.status {
                    case 204:
                        guard let end = answer.headers.first(name: "Upload-Offset").flatMap({ Int($0) }) else { throw HubClientFailure("no Upload-Offset") }
                        upload.offset = end
                        current = upload
                        attempt = 0
                        lastProgress = Date()
                    case 404:
                        current = nil
                    case 409:
                        // Another offset than ours: the hub took a chunk whose answer was lost. Go on from its end.
                        guard let held = answer.headers.first(name: "Upload-Offset").flatMap({ Int($0) }) else { throw HubClientFailure("409 without an offset") }
                        upload.offset = held
                        current = upload
                    default:
                        try transientOrFail(answer, "chunk at \(upload.offset)")
                    }
                    if current == nil { break }
                }
                guard current != nil else { continue }
                let answer = try await send(.POST, "/v1/uploads/\(upload.id)/finish", kind: .finish)
                switch answer.status {
                case 200:
                    return try result(answer, bundle: bundle, sequence: sequence, sent: sent, length: file.count, started: started)
                case 404:
                    // Finished before, its answer lost: announcing again brings the hub's "duplicate" receipt.
                    current = nil
                case 409:
                    current = nil
                case 422:
                    // The bytes did not hash to the announcement: the hub dropped them; send the bundle again whole.
                    current = nil
                default:
                    try transientOrFail(answer, "finish")
                }
            } catch let transient as TransientAnswer {
                attempt += 1
                guard Date().timeIntervalSince(lastProgress) < retry.giveUp else { throw HubClientFailure("gave up: \(transient.description)") }
                try await Task.sleep(for: .seconds(retry.delay(attempt: attempt, retryAfter: transient.retryAfter)))
                try await resume(&current)
            } catch let failure as HubClientFailure {
                throw failure
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // No answer: the connection failed or was cut. Ask the hub what it holds and go on from there.
                attempt += 1
                guard Date().timeIntervalSince(lastProgress) < retry.giveUp else { throw HubClientFailure("gave up: \(error)") }
                try await Task.sleep(for: .seconds(retry.delay(attempt: attempt, retryAfter: nil)))
                try await resume(&current)
            }
        }
    }

    /// After a failure: the offset the hub holds for the upload (HEAD), or a new announcement when it has
    /// none. A failure of the HEAD itself leaves the upload as it was, for the loop's next turn to try again.
    private func resume(_ current: inout (id: String, offset: Int, chunk: Int)?) async throws {
        guard let upload = current else { return }
        guard let answer = try? await send(.HEAD, "/v1/uploads/\(upload.id)", kind: .head) else { return }
        switch answer.status {
        case 200:
            if let held = answer.headers.first(name: "Upload-Offset").flatMap({ Int($0) }) { current?.offset = held }
        case 404:
            current = nil
        default:
            break
        }
    }

    /// The verified receipt in an outcome answer.
    private func result(_ answer: Answer, bundle: String, sequence: Int, sent: Int, length: Int, started: UInt64) throws -> UploadResult {
        guard let json = answer.json, let signed = json["receipt"] as? [String: Any], let receipt = signed["receipt"] as? String,
              let signature = signed["signature"] as? String else { throw HubClientFailure("no receipt: \(answer.text)") }
        guard let verified = SignedHubReceipt(receipt: receipt, signature: signature).verified(hubKey: hubKey) else {
            throw HubClientFailure("the receipt does not verify against the hub's key")
        }
        guard verified.bundle == bundle, verified.device == device.id, verified.sequence == sequence else {
            throw HubClientFailure("the receipt is for another bundle (\(verified.bundle) of \(verified.device), \(verified.sequence))")
        }
        guard verified.outcome != .rejected else { throw HubClientFailure("rejected: \(verified.reason ?? "")") }
        timings?.record(.bundle, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        return UploadResult(receipt: verified, bytesSent: sent, length: length)
    }

    /// A 5xx or 429 is tried again; anything else is a failure of the protocol.
    private func transientOrFail(_ answer: Answer, _ step: String) throws {
        if answer.status >= 500 || answer.status == 429 || answer.status == 401 {
            // 401 once: the hub forgot the certificate (a restored database); the next attempt presents it.
            throw TransientAnswer(status: answer.status, retryAfter: answer.headers.first(name: "Retry-After").flatMap { Double($0) },
                                  description: "\(step): \(answer.status) \(answer.text)")
        }
        throw HubClientFailure("\(step): \(answer.status) \(answer.text)")
    }

    /// Runs a single request until it is answered other than 5xx/429.
    private func retrying(_ request: () async throws -> Answer) async throws -> Answer {
        var attempt = 0
        let started = Date()
        while true {
            let answer: Answer
            do {
                answer = try await request()
            } catch let cancelled as CancellationError {
                throw cancelled
            } catch {
                attempt += 1
                guard Date().timeIntervalSince(started) < retry.giveUp else { throw HubClientFailure("gave up: \(error)") }
                try await Task.sleep(for: .seconds(retry.delay(attempt: attempt, retryAfter: nil)))
                continue
            }
            guard answer.status >= 500 || answer.status == 429 else { return answer }
            attempt += 1
            guard Date().timeIntervalSince(started) < retry.giveUp else { throw HubClientFailure("gave up: \(answer.status)") }
            try await Task.sleep(for: .seconds(retry.delay(attempt: attempt, retryAfter: answer.headers.first(name: "Retry-After").flatMap { Double($0) })))
        }
    }
}

/// An answer that says "try again later".
struct TransientAnswer: Error {
    var status: Int
    var retryAfter: Double?
    var description: String
}

/// Whether the hub is known to hold the device's certificate, shared by the copies of one client.
final class CertificateState: Sendable {
    private let known = Mutex(false)
    var isKnown: Bool {
        get { known.withLock { $0 } }
        set { known.withLock { $0 = newValue } }
    }
}

extension HubProtocolClient.Answer {
    var text: String { String(decoding: body.prefix(500), as: UTF8.self) }
}
