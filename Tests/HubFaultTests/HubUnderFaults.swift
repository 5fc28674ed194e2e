import AsyncHTTPClient
import Foundation
import HubTestSupport
import ProjectFolders
import SampleData
import Store
import Testing

/// The hub under faults, one suite and one PostgreSQL cluster for all: the tests run one after another
/// (one stops the cluster, another kills the hub, and their timing would suffer from each other).
@Suite(.postgres, .serialized) struct HubFaultTests {}

/// The real `hufang-hub serve` (the debug build `swift build --build-tests` makes) on a fresh database of the
/// suite's cluster, a county of simulated laptops, and an HTTP client for their protocol clients.
struct HubUnderFaults: Sendable {
    static let binary = Project.root.appendingPathComponent(".build/debug/hufang-hub").path
    let cluster: TestPostgres
    let database: String
    let county: SimulatedCounty
    let hub: HubProcess
    let http: HTTPClient
    let hubKey: Data

    /// Migrates and starts the hub with these limits (YAML lines), runs `body`, then stops the hub.
    static func run(limits: [String], _ body: (HubUnderFaults) async throws -> Void) async throws {
        let cluster = try TestPostgres.current
        let database = try cluster.createDatabase()
        let county = try SimulatedCounty()
        let hub = try HubProcess(binary: binary, county: county, database: cluster.url(database: database), limits: limits)
        try hub.migrate()
        let http = HubProtocolClient.makeHTTPClient(connections: 32)
        let rig = HubUnderFaults(cluster: cluster, database: database, county: county, hub: hub, http: http, hubKey: try county.hubKey().publicKey)
        do {
            try await hub.start(http: http)
            try await body(rig)
        } catch {
            hub.stop()
            try? await http.shutdown()
            throw error
        }
        hub.stop()
        try await http.shutdown()
        try? FileManager.default.removeItem(atPath: county.folder)
    }

    /// `count` enrolled laptops, each with `bundles` bundles of `households` sample households.
    func laptops(_ count: Int, bundles: Int, households: Int) throws -> [(device: SimulatedDevice, bundles: [Data])] {
        try (0..<count).map { n in
            let device = try county.enrol("调查员\(n + 1)")
            let village = SampleVillage.generate(questionnaire: Project.questionnaire, seed: UInt64(500 + n), households: bundles * households)
            return (device, try device.writeBundles(village, perBundle: households))
        }
    }

    /// A protocol client of `device`, to the hub or to `base` (a proxy in front of it).
    func client(_ device: SimulatedDevice, base: String? = nil, timings: RequestTimings? = nil) -> HubProtocolClient {
        HubProtocolClient(http: http, base: base ?? hub.url, device: device.identity, hubKey: hubKey, retry: .quick, timings: timings)
    }

    /// The hashes of the bundles the hub's log holds, with repeats if it held any twice.
    func loggedBundles() throws -> [String] {
        try cluster.query(database: database, "SELECT hash FROM bundle ORDER BY hash").split(separator: "\n").map(String.init)
    }

    /// Receipts the hub kept that do not verify against its key (each as its stored base64).
    func unverifiableReceipts() throws -> [String] {
        let rows = try cluster.query(database: database, "SELECT receipt || ' ' || signature FROM receipt").split(separator: "\n")
        return rows.compactMap { row in
            let parts = row.split(separator: " ")
            guard parts.count == 2 else { return String(row) }
            return SignedHubReceipt(receipt: String(parts[0]), signature: String(parts[1])).verified(hubKey: hubKey) == nil ? String(parts[0]) : nil
        }
    }
}
