import Crypto
import Foundation
import HTTPTypes
import HubCore
@testable import HubServer
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import Store
import Survey

/// A hub on a fresh database of the suite's cluster, served over loopback HTTP for one test.
struct HubUnderTest {
    let county: HubTestCounty
    let store: HubStore
    let hubKey: DeviceKey
    /// The county's certificate of the hub's key, which `/v1/hub` serves.
    let certificate: CountySigned

    /// Small chunks, so even a one-household bundle travels in several. The deadline is generous: every hub
    /// suite runs at once, each test of a suite in parallel, on two shared cores; below the test client's 15 s read timeout.
    static let limits = HubLimits(chunkBytes: 512, bundleBytes: 1 << 20, openUploadsPerDevice: 4, requestSeconds: 10)

    /// Makes the database and the county, migrates, serves, and runs `test` with a client of the live server.
    /// `rate`: the request rate the hub counts with (one on a hand-moved clock); by default the limits' rate on the real clock.
    static func run(limits: HubLimits = limits, rate: RequestRate? = nil,
                    _ test: @Sendable (HubUnderTest, Client) async throws -> Void) async throws {
        let cluster = try TestPostgres.current
        let database = try cluster.createDatabase()
        let county = try HubTestCounty()
        let hubKey = try county.hubKey()
        let (certificate, _, _) = try county.authority.enrol(DevicePublicKey(deviceID: UUID().uuidString.lowercased(), name: "县级中心",
                                                                             publicKey: hubKey.publicKey),
                                                             role: .hub, scope: [county.authority.identity.countyID], name: "县级中心",
                                                             validUntil: Day(year: 2099, month: 12, day: 31)!)
        let logger = { var l = Logger(label: "hub-test"); l.logLevel = .warning; return l }()
        let client = cluster.client(database: database)
        let store = HubStore(client: client, county: county.authority.identity, hubKey: hubKey, limits: limits, logger: logger)
        var app = HubApplication.make(store: store, host: "127.0.0.1", port: 0, logger: logger, certificate: certificate,
                                      rate: rate ?? RequestRate(perMinute: limits.requestsPerMinute))
        app.beforeServerStarts { try await HubMigrations.migrate(client, logger: logger) }
        let hub = HubUnderTest(county: county, store: store, hubKey: hubKey, certificate: certificate)
        try await app.test(.live) { http in try await test(hub, Client(http: http)) }
    }

    /// Rows in each of the hub's tables: what a refused request must leave as it was.
    func rows() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["device", "bundle", "upload", "upload_chunk", "receipt", "revocation_list", "bundle_village", "inbox_cursor"] {
            for try await n in try await store.client.query(PostgresQuery(unsafeSQL: "SELECT count(*)::integer FROM \(table)")).decode(Int.self) {
                counts[table] = n
            }
        }
        return counts
    }

    /// The bytes the log holds for `bundle`.
    func archive(_ bundle: String) async throws -> Data? {
        for try await data in try await store.client.query("SELECT archive FROM bundle WHERE hash = \(bundle)").decode(Data.self) { return data }
        return nil
    }
}

/// Requests to the live hub, signed as a device signs them.
struct Client: Sendable {
    let http: any TestClientProtocol

    /// How to spoil a request's signature, for the refusals.
    enum Signing: Sendable {
        case proper
        case none
        case otherKey(DeviceKey)
        case time(Int)
        case nonce(String)
        /// Signed over other bytes than the body sent.
        case otherBody(Data)
    }

    static let uploadOffset = HTTPField.Name("Upload-Offset")!

    func send(_ method: HTTPRequest.Method, _ path: String, body: Data = Data(), as device: TestDevice?, signing: Signing = .proper,
              certificate: CountySigned? = nil, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if let device {
            var key = device.key
            var time = Int(Date().timeIntervalSince1970)
            var nonce: String?
            var signedBody = body
            switch signing {
            case .proper, .none: break
            case .otherKey(let other): key = other
            case .time(let t): time = t
            case .nonce(let n): nonce = n
            case .otherBody(let b): signedBody = b
            }
            if case .none = signing {} else {
                let signature = try HubRequestSignature.sign(method: method.rawValue, path: path, body: signedBody, device: device.id, key: key,
                                                             time: time, nonce: nonce)
                for (name, value) in signature.headers { headers[HTTPField.Name(name)!] = value }
            }
            let presented = certificate ?? device.signedCertificate
            headers[HTTPField.Name(HubStore.certificateHeader)!] = presented.fileData.base64EncodedString()
        }
        return try await http.execute(uri: path, method: method, headers: headers, body: body.isEmpty ? nil : ByteBuffer(bytes: body))
    }

    /// Announces `file` as `device`'s: the decoded answer and the response.
    func announce(_ file: Data, as device: TestDevice, length: Int? = nil, sha256: String? = nil) async throws -> (TestResponse, [String: JSONValue]) {
        let body = try JSONSerialization.data(withJSONObject: [
            "bundle": file.bundleIdentity.hash, "sha256": sha256 ?? SHA256.hash(data: file).map { String(format: "%02x", $0) }.joined(),
            "length": length ?? file.count,
        ] as [String: Any])
        let response = try await send(.post, "/v1/uploads", body: body, as: device)
        return (response, response.json)
    }

    /// Sends `file[from..<to]` in chunks of at most `chunk` bytes; the bytes sent.
    @discardableResult
    func sendChunks(_ file: Data, upload: String, from: Int, to: Int? = nil, chunk: Int = HubUnderTest.limits.chunkBytes,
                    as device: TestDevice) async throws -> Int {
        var offset = from
        let end = to ?? file.count
        var sent = 0
        while offset < end {
            let piece = file.subdata(in: offset..<min(end, offset + chunk))
            var headers: HTTPFields = [:]
            headers[Self.uploadOffset] = String(offset)
            let response = try await send(.patch, "/v1/uploads/\(upload)", body: piece, as: device, headers: headers)
            guard response.status == .noContent, response.headers[Self.uploadOffset] == String(offset + piece.count) else {
                throw TestPostgres.Failure(description: "chunk at \(offset): \(response.status) \(String(buffer: response.body))")
            }
            offset += piece.count
            sent += piece.count
        }
        return sent
    }

    /// Finishes an upload: the decoded answer and the response.
    func finish(_ upload: String, as device: TestDevice) async throws -> (TestResponse, [String: JSONValue]) {
        let response = try await send(.post, "/v1/uploads/\(upload)/finish", as: device)
        return (response, response.json)
    }
}

/// A JSON value read back from a response, enough to assert on.
enum JSONValue: Equatable, Sendable {
    case string(String)
    case number(Double)
    case object([String: JSONValue])
    case array([JSONValue])
    case null

    init(_ any: Any) {
        switch any {
        case let s as String: self = .string(s)
        case let n as NSNumber: self = .number(n.doubleValue)
        case let o as [String: Any]: self = .object(o.mapValues(JSONValue.init))
        case let a as [Any]: self = .array(a.map(JSONValue.init))
        default: self = .null
        }
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int? { if case .number(let n) = self { Int(n) } else { nil } }
    subscript(key: String) -> JSONValue? { if case .object(let o) = self { o[key] } else { nil } }
}

extension TestResponse {
    /// The body as a JSON object (empty when it is not one).
    var json: [String: JSONValue] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else { return [:] }
        return object.mapValues(JSONValue.init)
    }
}
