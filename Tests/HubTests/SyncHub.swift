import Foundation
import HTTPTypes
import HubClient
import HubCore
@testable import HubServer
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import ProjectFolders
import Store
import Survey
import Synchronization
import Testing

/// A live hub for `hufang sync`'s client over real HTTP and PostgreSQL: the upload and inbox routes of HubServer
/// and a `/v1/hub` that carries the hub's county certificate. Faults are switched on per test.
struct SyncHub: Sendable {
    let county: HubTestCounty
    let store: HubStore
    let hubKey: DeviceKey
    let url: String
    let faults: Faults
    /// The test's own signed requests, as `Client` in HubUnderTest makes them.
    let client: Client

    /// What the hub does wrong on purpose.
    final class Faults: Sendable {
        /// Signed requests answered 503 (Retry-After: 1) before any is let through.
        let unavailable = Mutex(0)
        /// Chunks answered 503 from this many taken on (a network gone mid-upload); nil for none.
        let chunksBeforeOutage = Mutex<Int?>(nil)
        let chunksTaken = Mutex(0)
        /// Receipts re-signed with this key instead of the hub's.
        let forgeWith = Mutex<DeviceKey?>(nil)
        /// Every request the hub saw, "METHOD path".
        let seen = Mutex<[String]>([])
        /// Bytes handed out for every bundle download instead of the listed bundle's (a hub that swaps bundles).
        let swappedDownload = Mutex<Data?>(nil)
    }

    static func run(_ test: @Sendable (SyncHub) async throws -> Void) async throws {
        let cluster = try TestPostgres.current
        let database = try cluster.createDatabase()
        let county = try HubTestCounty()
        let hubKey = try county.hubKey()
        let (certificate, _, _) = try county.authority.enrol(
            DevicePublicKey(deviceID: "hub-" + UUID().uuidString.prefix(8).lowercased(), name: "县级中心", publicKey: hubKey.publicKey),
            role: .hub, scope: [county.authority.identity.countyID], name: "县级中心", validUntil: Day(year: 2099, month: 12, day: 31)!)
        let logger = { var l = Logger(label: "sync-hub"); l.logLevel = .warning; return l }()
        let postgres = cluster.client(database: database)
        let store = HubStore(client: postgres, county: county.authority.identity, hubKey: hubKey, limits: HubUnderTest.limits, logger: logger)
        _ = EnrolledBundleCheck.currentSchema
        let faults = Faults()

        let router = Router(context: HubRequestContext.self)
        let identity = Identity(county: county.authority.identity.countyID, hubKey: hubKey.publicKey.base64EncodedString(),
                                fingerprint: hubKey.fingerprint, certificate: certificate)
        router.get("v1/hub") { _, _ in HubResponse.json(identity) }
        let signed = router.group("v1")
            .add(middleware: RequestDeadline(seconds: store.limits.requestSeconds))
            .add(middleware: DeviceAuthentication(store: store, rate: RequestRate(perMinute: store.limits.requestsPerMinute)))
            .add(middleware: FaultMiddleware(faults: faults, store: store))
        UploadRoutes(store: store).register(on: signed)
        InboxRoutes(store: store).register(on: signed)
        var app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        app.addServices(postgres)
        app.beforeServerStarts { try await HubMigrations.migrate(postgres, logger: logger) }
        try await app.test(.live) { http in
            let port = try #require(http.port)
            try await test(SyncHub(county: county, store: store, hubKey: hubKey, url: "http://127.0.0.1:\(port)", faults: faults,
                                   client: Client(http: http)))
        }
    }

    /// The hub's identity with the county's certificate for its key.
    struct Identity: Encodable {
        var county: String
        var hubKey: String
        var fingerprint: String
        var certificate: CountySigned
    }

    /// Runs `hufang sync`'s engine for `device` on a thread of its own (libcurl blocks; the hub answers
    /// on the same process's executors) and collects what it reported.
    func sync(_ device: TestDevice, url: String? = nil, remembered: Bool = false, tlsCA: String? = nil, attempts: Int = 8) async throws -> SyncRun {
        let collected = Collected()
        // Each wait is recorded and slept, cut short: a loaded machine's hub may answer 503 (its request
        // deadline) on its own, and then the next try should find it less busy.
        let retry = RetryPolicy(attempts: attempts, sleep: { seconds in
            collected.waits.withLock { $0.append(seconds) }
            usleep(useconds_t(min(seconds, 0.5) * 1_000_000))
        })
        let given = remembered ? nil : (url ?? self.url)
        let result: Result<HubSyncSummary, any Error> = await withCheckedContinuation { done in
            Thread {
                let sync = HubSync(store: device.store, questionnaire: Project.questionnaire, retry: retry) { event in
                    collected.events.withLock { $0.append(event) }
                }
                done.resume(returning: Result { try sync.run(hub: given, tlsCA: tlsCA, enumerator: "李文华") })
            }.start()
        }
        return SyncRun(result: result, events: collected.events.withLock { $0 }, waits: collected.waits.withLock { $0 })
    }

    /// What a run reported, gathered from the thread it ran on.
    final class Collected: Sendable {
        let events = Mutex<[HubSyncEvent]>([])
        let waits = Mutex<[Double]>([])
    }

    /// The inbox position the hub gave `file`'s bundle when it applied it.
    func position(of file: Data) async throws -> Int {
        let hash = file.bundleIdentity.hash
        for try await position in try await store.client.query("SELECT log_position FROM bundle WHERE hash = \(hash)").decode(Int.self) {
            return position
        }
        throw HubConfiguration.Problem(description: "the hub holds no bundle \(hash)")
    }

    /// What the hub's log holds of `device`: sequence → hash.
    func logged(_ device: TestDevice) async throws -> [Int: String] {
        var found: [Int: String] = [:]
        for try await (sequence, hash) in try await store.client.query("SELECT sequence, hash FROM bundle WHERE device_id = \(device.id)")
            .decode((Int, String).self) { found[sequence] = hash }
        return found
    }
}

/// One run of the sync engine.
struct SyncRun: @unchecked Sendable {
    var result: Result<HubSyncSummary, any Error>
    var events: [HubSyncEvent]
    /// The waits the retry policy asked for, in seconds.
    var waits: [Double]

    var summary: HubSyncSummary? { try? result.get() }
    var failure: HubSyncFailure? { if case .failure(let e) = result { e as? HubSyncFailure } else { nil } }

    /// Each uploaded bundle's receipt with the bytes sent and re-sent for it.
    var uploads: [(sequence: Int, receipt: HubReceipt, sent: Int, resent: Int)] {
        events.compactMap { if case .uploaded(let b, let r, let s, let rs) = $0 { (b.sequence, r, s, rs) } else { nil } }
    }

    var imports: [(HubClient.InboxEntry, ImportOutcome)] {
        events.compactMap { if case .imported(let e, let o) = $0 { (e, o) } else { nil } }
    }

    var lost: [Int]? {
        events.lazy.compactMap { if case .hubLost(let s) = $0 { s } else { nil } }.first
    }
}

/// Answers 503 while the test says so, and re-signs receipts with a wrong key when it says so: after
/// authentication, so the device is known and the refusals are the hub's.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let faults: SyncHub.Faults
    let store: HubStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        faults.seen.withLock { $0.append("\(request.method.rawValue) \(path)") }
        let refuse = faults.unavailable.withLock { n -> Bool in
            if n > 0 { n -= 1; return true }
            return false
        }
        if refuse { return HubResponse.problem(.serviceUnavailable, "unavailable", "the test says the hub is down", retryAfter: 1) }
        if request.method == .get, path.hasPrefix("/v1/bundles/"), let bytes = faults.swappedDownload.withLock({ $0 }) {
            var headers: HTTPFields = [:]
            headers[.contentType] = "application/octet-stream"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        if request.method == .patch, let limit = faults.chunksBeforeOutage.withLock({ $0 }), faults.chunksTaken.withLock({ $0 }) >= limit {
            return HubResponse.problem(.serviceUnavailable, "unavailable", "the test cut the network", retryAfter: 1)
        }
        if request.method == .post, path.hasSuffix("/finish"), let wrong = faults.forgeWith.withLock({ $0 }),
           let device = context.device, let id = path.split(separator: "/").dropLast().last.flatMap({ UUID(uuidString: String($0)) }) {
            // The hub commits the bundle; the answer's receipt is signed by another key.
            let (receipt, _) = try await store.finish(id, device: device.certificate.deviceID)
            return HubResponse.json(OutcomeAnswer(outcome: receipt.outcome.rawValue, reason: receipt.reason, receipt: try receipt.signed(with: wrong)))
        }
        let response = try await next(request, context)
        if request.method == .patch, response.status == .noContent { faults.chunksTaken.withLock { $0 += 1 } }
        return response
    }
}

extension HubResponse {
    /// A refusal with a Retry-After of the test's choosing.
    static func problem(_ status: HTTPResponse.Status, _ code: String, _ message: String, retryAfter: Int) -> Response {
        var response = problem(status, code, message)
        response.headers[.retryAfter] = String(retryAfter)
        return response
    }
}
