import Foundation
import SampleData
@_spi(Benchmarks) import Store
import Survey

/// A county on disk for the hub's load benchmark and fault tests: its authority, the hub's key and
/// enrolled laptops whose bundles are the real thing — sample-village households stored in a laptop's
/// store and packed by `exportBundles`, exactly as `hufang bundle export` packs them.
public struct SimulatedCounty: Sendable {
    public let folder: String
    public let authority: CountyAuthority
    /// The hub's own key file (`hubKey` of its configuration).
    public let hubKeyPath: String
    /// The county's certificate of the hub's key (role hub, the whole county), as `/v1/hub` serves it.
    public let hubCertificatePath: String
    /// The villages every simulated enumerator is enrolled for (the sample village's first).
    public static let villages = [SampleVillage.villageCode, "622922100202"]

    /// A county in a new temporary folder, with a hub key.
    public init(in parent: String = FileManager.default.temporaryDirectory.path) throws {
        folder = parent + "/hufang-sim-county-\(UUID().uuidString.prefix(8))"
        authority = try CountyAuthority.create(in: folder + "/county", countyID: "622922", name: "测试县")
        hubKeyPath = folder + "/hub.key"
        let key = try DeviceKey.create(at: hubKeyPath)
        let hub = DevicePublicKey(deviceID: UUID().uuidString.lowercased(), name: "县级中心", publicKey: key.publicKey)
        let (_, _, certificate) = try authority.enrol(hub, role: .hub, scope: [authority.identity.countyID], name: "县级中心",
                                                      validUntil: Day(year: 2099, month: 12, day: 31)!)
        hubCertificatePath = certificate
    }

    /// The hub's key.
    public func hubKey() throws -> DeviceKey { try DeviceKey.load(from: hubKeyPath) }

    /// A new laptop store enrolled by this county as an enumerator of `villages`.
    public func enrol(_ name: String) throws -> SimulatedDevice {
        let path = "\(folder)/\(name)-\(UUID().uuidString.prefix(4)).sqlite"
        let store = try HouseholdStore(path: path, create: true)
        try store.trustCounty(authority.identity)
        let (signed, _, _) = try authority.enrol(try store.writePublicKeyFile(), role: .enumerator, scope: Self.villages, name: name,
                                                 validUntil: Day(year: 2099, month: 12, day: 31)!)
        try store.enrol(signed)
        return SimulatedDevice(storePath: path, identity: DeviceIdentity(id: store.deviceID, key: try DeviceKey.load(from: store.keyPath),
                                                                          certificate: signed))
    }
}

/// What a device signs requests with: its id, its enrolled key and the county's certificate of it.
public struct DeviceIdentity: Sendable {
    public let id: String
    public let key: DeviceKey
    public let certificate: CountySigned

    public init(id: String, key: DeviceKey, certificate: CountySigned) { self.id = id; self.key = key; self.certificate = certificate }
}

/// An enrolled laptop: the path of its store and what it signs with.
public struct SimulatedDevice: Sendable {
    public let storePath: String
    public let identity: DeviceIdentity

    /// Stores `households` whole and exports them as bundles of `perBundle` households each, in order: their
    /// files' bytes, the first bundle first (sequence 1, 2, …, continuing the store's chain).
    public func writeBundles(_ households: [Interview], perBundle: Int) throws -> [Data] {
        let store = try HouseholdStore(path: storePath)
        var files: [Data] = []
        var start = households.startIndex
        while start < households.endIndex {
            let end = min(start + perBundle, households.endIndex)
            try store.insertWhole(Array(households[start..<end]), enumerator: "李文华", who: "李文华") { _ in .complete }
            for made in try store.exportBundles(to: storePath + ".out", enumerator: "李文华") {
                files.append(try Data(contentsOf: URL(fileURLWithPath: made.path)))
            }
            start = end
        }
        return files
    }

    /// Bundles of `count` households shaped like `template` (whole households as a laptop exports them):
    /// household n is a copy of template n mod its count under new ids and household number n, stored as this
    /// device's own writes and exported `perBundle` at a time. A county's worth of households for the apply
    /// benchmark, without interviewing each one.
    public func writeCopies(of template: [HouseholdDocument], count: Int, perBundle: Int, numberedFrom first: Int = 0) throws -> [Data] {
        let store = try HouseholdStore(path: storePath)
        var files: [Data] = []
        var n = 0
        while n < count {
            let batch = (n..<min(count, n + perBundle)).map { template[$0 % template.count].copied(number: first + $0) }
            _ = try store.importDocuments(batch, restamped: true)
            for made in try store.exportBundles(to: storePath + ".out", enumerator: "李文华") {
                files.append(try Data(contentsOf: URL(fileURLWithPath: made.path)))
                try? FileManager.default.removeItem(atPath: made.path)
            }
            n += batch.count
        }
        return files
    }
}

extension HouseholdDocument {
    /// The same household under new ids (its own and its roster rows') with household number `number`.
    func copied(number: Int) -> HouseholdDocument {
        var d = self
        let id = UUID().uuidString.lowercased()
        var rowIDs: [RowID: RowID] = [:]
        for i in d.rows.indices {
            let new = UUID()
            if let old = UUID(uuidString: d.rows[i].id) { rowIDs[old] = new }
            d.rows[i].id = new.uuidString.lowercased()
            d.rows[i].householdID = id
        }
        func mapped(_ row: RowID?) -> RowID? { row.map { rowIDs[$0] ?? $0 } }
        d.household.id = id
        d.household.householdNo = String(format: "%06d", number)
        for i in d.answers.indices { d.answers[i].householdID = id; d.answers[i].rowID = mapped(d.answers[i].rowID) }
        for i in d.audit.indices { d.audit[i].householdID = id; d.audit[i].rowID = mapped(d.audit[i].rowID) }
        for i in d.overrides.indices { d.overrides[i].householdID = id; d.overrides[i].rowID = mapped(d.overrides[i].rowID) }
        d.review?.householdID = id
        for i in d.comments.indices { d.comments[i].householdID = id; d.comments[i].rowID = mapped(d.comments[i].rowID) }
        return d
    }
}

extension Data {
    /// A bundle file's hash (of its manifest bytes) and sequence, read without checks: what a device announces.
    public var announcedBundle: (hash: String, sequence: Int)? {
        BundleManifest.unverified(in: self).map { ($0.hash, $0.manifest.sequence) }
    }
}
