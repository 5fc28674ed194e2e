import Foundation
import Store

/// The signed HTTP API of the county hub (docs/hub-api.yaml), as one device uses it: every request signed
/// with the device's enrolled key (`HubRequestSignature`) and retried with backoff on 5xx, 429 and dropped
/// connections. One sync uses it on one thread (libcurl blocks), so its counters need no lock and it is not Sendable.
public final class HubConnection {
    public let base: String
    let transport: CurlTransport
    let device: String
    let key: DeviceKey
    let certificate: CountySigned?
    let retry: RetryPolicy
    /// The certificate goes with the first request only (the hub keeps it), and again after a 401.
    private var certificateSent = false
    /// Requests tried again after a 5xx, 429 or dropped connection, for the report.
    public private(set) var retries = 0
    /// Chunk bytes handed to the network, every try counted: what a resumed upload re-sent shows in it.
    public private(set) var bytesSent = 0

    public init(base: String, transport: CurlTransport, device: String, key: DeviceKey, certificate: CountySigned?, retry: RetryPolicy) throws(HubProblem) {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URLComponents(string: trimmed), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false,
              url.query == nil, url.fragment == nil else { throw .badURL(base) }
        self.base = trimmed
        self.transport = transport; self.device = device; self.key = key; self.certificate = certificate; self.retry = retry
    }

    // MARK: The API

    /// `GET /v1/hub`: who the hub says it is (unsigned; checked by the caller against the county).
    public func identity() throws(HubProblem) -> HubIdentity {
        let response = try send("GET", "/v1/hub", signed: false)
        guard response.status == 200, let object = Self.object(response.body),
              let county = object["county"] as? String, let text = object["hubKey"] as? String, let hubKey = Data(base64Encoded: text),
              let fingerprint = object["fingerprint"] as? String else {
            throw Self.problem(response, expected: "the hub's identity")
        }
        var certificate: CountySigned?
        if let value = object["certificate"], !(value is NSNull) {
            // The same JSON a certificate file holds.
            guard let data = try? JSONSerialization.data(withJSONObject: value), let signed = CountySigned(file: data) else {
                throw .notCountyHub("its certificate is not a county-signed certificate")
            }
            certificate = signed
        }
        return HubIdentity(county: county, hubKey: hubKey, fingerprint: fingerprint, certificate: certificate)
    }

    /// `GET /v1/status`: the highest contiguous sequence of this device's chain the hub holds, and held ones.
    public func status() throws(HubProblem) -> (contiguous: Int, held: [Int]) {
        let response = try send("GET", "/v1/status")
        guard response.status == 200, let object = Self.object(response.body), let contiguous = object["contiguous"] as? Int else {
            throw Self.problem(response, expected: "the device's status")
        }
        return (contiguous, (object["held"] as? [Int]) ?? [])
    }

    /// `POST /v1/uploads`: announces a bundle by its hash, the file's SHA-256 and length.
    public func announce(bundle: String, sha256: String, length: Int) throws(HubProblem) -> AnnounceAnswer {
        let body = (try? JSONSerialization.data(withJSONObject: ["bundle": bundle, "sha256": sha256, "length": length], options: [.sortedKeys])) ?? Data()
        let response = try send("POST", "/v1/uploads", body: body, contentType: "application/json")
        guard [200, 201].contains(response.status), let object = Self.object(response.body) else { throw Self.problem(response, expected: "an upload") }
        if let receipt = Self.receipt(object) { return .held(receipt) }
        guard let id = object["upload"] as? String, UUID(uuidString: id) != nil, let offset = object["offset"] as? Int else {
            throw Self.problem(response, expected: "an upload")
        }
        return .upload(OpenUpload(id: id.lowercased(), offset: offset, chunkBytes: max(1, (object["chunkBytes"] as? Int) ?? 1 << 20)))
    }

    /// `HEAD /v1/uploads/{id}`: how many bytes the hub holds, or nil when it has no such upload.
    public func held(upload: String) throws(HubProblem) -> Int? {
        let response = try send("HEAD", "/v1/uploads/\(upload)")
        if response.status == 404 { return nil }
        guard response.status == 200, let offset = response.header("Upload-Offset").flatMap({ Int($0) }) else {
            throw Self.problem(response, expected: "the upload's offset")
        }
        return offset
    }

    /// What sending a chunk led to.
    public enum ChunkAnswer: Sendable, Equatable {
        /// Taken: the hub now holds this many bytes.
        case taken(Int)
        /// Not at the hub's offset: it holds this many.
        case wrongOffset(Int)
        /// The hub has no such upload (finished or dropped): announce again.
        case noSuchUpload
    }

    /// `PATCH /v1/uploads/{id}`: a chunk that starts at `offset`.
    public func send(chunk: Data, at offset: Int, upload: String) throws(HubProblem) -> ChunkAnswer {
        let response = try send("PATCH", "/v1/uploads/\(upload)", body: chunk, contentType: "application/octet-stream",
                                extra: [("Upload-Offset", String(offset))])
        switch response.status {
        case 204:
            guard let end = response.header("Upload-Offset").flatMap({ Int($0) }) else { throw Self.problem(response, expected: "the new offset") }
            return .taken(end)
        case 409 where Self.object(response.body)?["error"] as? String == "wrong-offset":
            guard let held = response.header("Upload-Offset").flatMap({ Int($0) }) else { throw Self.problem(response, expected: "the hub's offset") }
            return .wrongOffset(held)
        case 404: return .noSuchUpload
        default: throw Self.problem(response, expected: "the chunk taken")
        }
    }

    /// What finishing an upload led to.
    public enum FinishAnswer: Sendable, Equatable {
        case receipt(SignedHubReceipt)
        /// The hub lacks bytes from this offset on.
        case incomplete(Int)
        /// The bytes were not the announced ones (the hub dropped the upload), or the upload is gone.
        case startAgain
    }

    /// `POST /v1/uploads/{id}/finish`.
    public func finish(upload: String) throws(HubProblem) -> FinishAnswer {
        let response = try send("POST", "/v1/uploads/\(upload)/finish")
        let object = Self.object(response.body)
        switch response.status {
        case 200:
            guard let object, let receipt = Self.receipt(object) else { throw Self.problem(response, expected: "a receipt") }
            return .receipt(receipt)
        case 409 where object?["error"] as? String == "incomplete":
            return .incomplete((object?["offset"] as? Int) ?? 0)
        case 404, 422: return .startAgain
        default: throw Self.problem(response, expected: "a receipt")
        }
    }

    /// `GET /v1/inbox?after=C&limit=L`.
    public func inbox(after cursor: Int, limit: Int = 100) throws(HubProblem) -> InboxPage {
        let response = try send("GET", "/v1/inbox?after=\(cursor)&limit=\(limit)")
        guard response.status == 200, let page = try? JSONDecoder().decode(InboxPage.self, from: response.body) else {
            throw Self.problem(response, expected: "the inbox")
        }
        return page
    }

    /// `GET /v1/bundles/{hash}`: the original signed bundle file.
    public func bundle(_ hash: String) throws(HubProblem) -> Data {
        let response = try send("GET", "/v1/bundles/\(hash)")
        guard response.status == 200 else { throw Self.problem(response, expected: "the bundle") }
        return response.body
    }

    /// `GET /v1/revocations`: the newest county-signed revocation list the hub holds, if any.
    public func revocations() throws(HubProblem) -> CountySigned? {
        let response = try send("GET", "/v1/revocations")
        if response.status == 204 { return nil }
        guard response.status == 200, let object = Self.object(response.body), let value = object["signed"],
              let data = try? JSONSerialization.data(withJSONObject: value), let signed = CountySigned(file: data) else {
            throw Self.problem(response, expected: "the revocation list")
        }
        return signed
    }

    // MARK: Sending

    /// Sends one request, signed afresh on each try, until it gets an answer that is not 5xx or 429.
    func send(_ method: String, _ path: String, body: Data = Data(), contentType: String? = nil,
              extra: [(String, String)] = [], signed: Bool = true) throws(HubProblem) -> HubHTTPResponse {
        var attempt = 0
        var resentCertificate = false
        while true {
            var headers: [(name: String, value: String)] = extra.map { (name: $0.0, value: $0.1) }
            if let contentType { headers.append((name: "Content-Type", value: contentType)) }
            let withCertificate = signed && !certificateSent && certificate != nil
            if signed {
                guard let signature = try? HubRequestSignature.sign(method: method, path: path, body: body, device: device, key: key) else {
                    throw .unexpected(status: 0, detail: "cannot sign with the device key")
                }
                headers += signature.headers
                if withCertificate, let certificate {
                    headers.append((name: HubConnection.certificateHeader, value: certificate.fileData.base64EncodedString()))
                }
            }
            let outcome: Result<HubHTTPResponse, TransportFailure>
            if method == "PATCH" { bytesSent += body.count }
            do { outcome = .success(try transport.send(HubHTTPRequest(method: method, url: base + path, headers: headers, body: body))) } catch {
                outcome = .failure(error)
            }
            var retryAfter: Double?
            var why: String
            switch outcome {
            case .success(let response) where response.status == 401 && signed && !withCertificate && !resentCertificate && certificate != nil:
                // The hub does not know this device (a new hub, a restored one): present the certificate.
                certificateSent = false
                resentCertificate = true
                continue
            case .success(let response) where response.status >= 500 || response.status == 429:
                retryAfter = response.header("Retry-After").flatMap(Double.init)
                why = "HTTP \(response.status)"
            case .success(let response):
                if withCertificate && response.status < 400 { certificateSent = true }
                return response
            case .failure(let failure):
                switch failure.kind {
                case .tls: throw .tls(url: base, detail: failure.detail)
                case .invalid: throw .badURL("\(base) (\(failure.detail))")
                case .unreachable: why = failure.detail
                }
            }
            attempt += 1
            guard attempt < retry.attempts else { throw .unreachable(url: base, detail: why) }
            retries += 1
            retry.sleep(retry.wait(after: attempt - 1, retryAfter: retryAfter))
        }
    }

    /// The header a device presents its certificate in (base64 of the certificate file).
    static let certificateHeader = "Hufang-Certificate"

    static func object(_ body: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    static func receipt(_ object: [String: Any]) -> SignedHubReceipt? {
        guard let r = object["receipt"] as? [String: Any], let receipt = r["receipt"] as? String, let signature = r["signature"] as? String else { return nil }
        return SignedHubReceipt(receipt: receipt, signature: signature)
    }

    /// A refusal in the hub's words, or an answer the API does not give.
    static func problem(_ response: HubHTTPResponse, expected: String) -> HubProblem {
        if let object = object(response.body), let code = object["error"] as? String {
            return .refused(status: response.status, code: code, message: (object["message"] as? String) ?? "")
        }
        if response.status >= 400 { return .refused(status: response.status, code: "", message: "") }
        return .unexpected(status: response.status, detail: "expected \(expected)")
    }
}
