import AsyncHTTPClient
import Foundation
import HubTestSupport
import ProjectFolders
import SampleData
import Store
import Survey
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

    /// `count` enrolled laptops with empty stores.
    func enrolled(_ count: Int) throws -> [SimulatedDevice] {
        try (0..<count).map { n in try county.enrol("调查员\(n + 1)") }
    }

    /// The `n`-th laptop's sample households (the same for the same `n`), to store and export in pieces.
    func households(ofLaptop n: Int, _ count: Int) -> [Interview] {
        SampleVillage.generate(questionnaire: Project.questionnaire, seed: UInt64(500 + n), households: count)
    }

    /// How many of these laptops' bundles hold a hub receipt in their stores (read as another process writes them).
    func receipted(_ laptops: [SimulatedDevice]) throws -> Int {
        try laptops.reduce(0) { sum, laptop in
            sum + (try HouseholdStore(path: laptop.storePath, readOnly: true).outgoingBundles().filter { $0.receipt != nil }.count)
        }
    }

    /// What must hold once every laptop's `hufang sync` ended well: every bundle each store wrote holds a
    /// receipt in it that verifies with the hub's key and names that bundle, device and sequence, applied
    /// or duplicate; the hub's log holds each of those bundles exactly once, and nothing else; and every
    /// receipt the hub kept verifies.
    func expectEveryBundleOnceAndReceipted(_ laptops: [SimulatedDevice], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var written: [String] = []
        for (n, laptop) in laptops.enumerated() {
            for bundle in try HouseholdStore(path: laptop.storePath, readOnly: true).outgoingBundles() {
                written.append(bundle.hash)
                guard let kept = bundle.receipt else {
                    Issue.record("laptop \(n + 1), bundle \(bundle.sequence): no receipt", sourceLocation: sourceLocation)
                    continue
                }
                let receipt = SignedHubReceipt(receipt: kept.receipt, signature: kept.signature).verified(hubKey: hubKey)
                #expect(receipt?.bundle == bundle.hash && receipt?.device == laptop.identity.id && receipt?.sequence == bundle.sequence
                        && (receipt?.outcome == .applied || receipt?.outcome == .duplicate),
                        "laptop \(n + 1), bundle \(bundle.sequence): its receipt does not verify as this bundle's", sourceLocation: sourceLocation)
            }
        }
        let logged = try loggedBundles()
        print("the hub's log: \(logged.count) bundles, \(Set(logged).count) distinct; the laptops wrote \(written.count)")
        #expect(logged == written.sorted(), "the hub's log holds each written bundle once", sourceLocation: sourceLocation)
        #expect(try unverifiableReceipts().isEmpty, sourceLocation: sourceLocation)
    }

    /// `hufang sync` on every laptop at once, to its end: each must exit 0 having nothing left to upload
    /// (`uploaded`: how many bundles each should have sent, when known).
    @discardableResult
    func expectEveryLaptopSyncs(_ laptops: [SimulatedDevice], uploaded: Int? = nil,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> [LaptopSync.Result] {
        let syncs = try laptops.map { try LaptopSync.start($0, hub: hub.url) }
        var results: [LaptopSync.Result] = []
        for (n, sync) in syncs.enumerated() {
            let result = try await sync.finished()
            #expect(result.status == 0, "laptop \(n + 1)'s hufang sync: \(result)", sourceLocation: sourceLocation)
            if let uploaded { #expect(result.uploaded == uploaded, "laptop \(n + 1): \(result)", sourceLocation: sourceLocation) }
            results.append(result)
        }
        return results
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
