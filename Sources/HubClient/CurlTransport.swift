import CCurl
import Foundation

/// One HTTP request to the hub, as bytes.
public struct HubHTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
    }
}

/// The hub's answer: status, headers (names in lower case) and body.
public struct HubHTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) { self.status = status; self.headers = headers; self.body = body }

    /// A header by its name, whatever its case.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no answer at all.
public struct TransportFailure: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The hub could not be reached, or the connection dropped or timed out: worth trying again.
        case unreachable
        /// The hub's TLS certificate is not the county's (or the CA file is unusable): never retried.
        case tls
        /// The URL or the request itself is wrong: never retried.
        case invalid
    }
    public var kind: Kind
    /// libcurl's own words.
    public var detail: String
}

/// Sends requests with libcurl, verifying TLS against the county's certificate authority when one is given
/// (only it: a certificate some public root signed is not the county's hub), else the system's roots.
public final class CurlTransport: Sendable {
    /// PEM of the certificate authority (or the hub's own certificate) to verify the hub with.
    public let certificateAuthority: Data?
    /// Seconds to connect, and seconds a request may take in all.
    public let connectSeconds: Int
    public let requestSeconds: Int

    // CURL_GLOBAL_ALL (SSL | WIN32): a macro of macros, spelled out.
    private static let initialised: Bool = { curl_global_init(3) == CURLE_OK }()

    public init(certificateAuthority: Data?, connectSeconds: Int = 10, requestSeconds: Int = 120) {
        self.certificateAuthority = certificateAuthority
        self.connectSeconds = connectSeconds
        self.requestSeconds = requestSeconds
        _ = Self.initialised
    }

    /// Sends `request` and waits for the whole answer.
    public func send(_ request: HubHTTPRequest) throws(TransportFailure) -> HubHTTPResponse {
        guard let curl = curl_easy_init() else { throw TransportFailure(kind: .invalid, detail: "curl_easy_init failed") }
        defer { curl_easy_cleanup(curl) }
        let received = Received()
        let context = Unmanaged.passUnretained(received).toOpaque()
        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        // No "Expect: 100-continue" round trip before a chunk.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] { list = curl_slist_append(list, line) }
        var code = hufang_curl_set_string(curl, CURLOPT_URL, request.url)
        func set(_ option: CURLoption, _ value: Int) { if code == CURLE_OK { code = hufang_curl_set_long(curl, option, value) } }
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_CONNECTTIMEOUT, connectSeconds)
        set(CURLOPT_TIMEOUT, requestSeconds)
        set(CURLOPT_FOLLOWLOCATION, 0)
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        // Only http and https, whatever a URL says.
        if code == CURLE_OK { code = hufang_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https") }
        if code == CURLE_OK, let ca = certificateAuthority {
            code = ca.withUnsafeBytes { hufang_curl_set_ca_blob(curl, $0.baseAddress, $0.count) }
        }
        if code == CURLE_OK { code = hufang_curl_set_pointer(curl, CURLOPT_HTTPHEADER, list) }
        switch request.method {
        case "GET": break
        case "HEAD": set(CURLOPT_NOBODY, 1)
        default:
            if code == CURLE_OK { code = hufang_curl_set_string(curl, CURLOPT_CUSTOMREQUEST, request.method) }
            if code == CURLE_OK { code = hufang_curl_set_size(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)) }
            // COPYPOSTFIELDS copies the bytes: nothing of ours need outlive this call.
            if code == CURLE_OK {
                code = request.body.isEmpty ? hufang_curl_set_string(curl, CURLOPT_COPYPOSTFIELDS, "")
                    : request.body.withUnsafeBytes { hufang_curl_set_pointer(curl, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
            }
        }
        if code == CURLE_OK { code = hufang_curl_set_callback(curl, CURLOPT_WRITEFUNCTION, { data, size, count, context in
            let n = size * count
            if let data, let context { Unmanaged<Received>.fromOpaque(context).takeUnretainedValue().body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: n) }
            return n
        }) }
        if code == CURLE_OK { code = hufang_curl_set_pointer(curl, CURLOPT_WRITEDATA, context) }
        if code == CURLE_OK { code = hufang_curl_set_callback(curl, CURLOPT_HEADERFUNCTION, { data, size, count, context in
            let n = size * count
            if let data, let context {
                let line = String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self)
                Unmanaged<Received>.fromOpaque(context).takeUnretainedValue().header(line)
            }
            return n
        }) }
        if code == CURLE_OK { code = hufang_curl_set_pointer(curl, CURLOPT_HEADERDATA, context) }
        guard code == CURLE_OK else { throw TransportFailure(kind: .invalid, detail: String(cString: curl_easy_strerror(code))) }
        let performed = curl_easy_perform(curl)
        guard performed == CURLE_OK else { throw Self.failure(performed) }
        return HubHTTPResponse(status: hufang_curl_response_code(curl), headers: received.headers, body: received.body)
    }

    private static func failure(_ code: CURLcode) -> TransportFailure {
        let detail = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM, CURLE_SSL_ISSUER_ERROR:
            return TransportFailure(kind: .tls, detail: detail)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT:
            return TransportFailure(kind: .invalid, detail: detail)
        default:
            return TransportFailure(kind: .unreachable, detail: detail)
        }
    }

    /// What one transfer received; reached from libcurl's callbacks through their context pointer.
    private final class Received {
        var body = Data()
        var headers: [String: String] = [:]

        func header(_ line: String) {
            // A new status line (after a redirect or an interim answer) starts the headers again.
            if line.hasPrefix("HTTP/") { headers = [:]; return }
            guard let colon = line.firstIndex(of: ":") else { return }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
