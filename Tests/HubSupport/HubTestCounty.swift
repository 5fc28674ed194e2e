import Foundation
import ProjectFolders
import Survey
@_spi(Benchmarks) @testable import Store

/// A county for the hub's tests: its authority, enrolled devices whose bundles are made the way
/// `hufang bundle export` makes them (a household interviewed into a store, then exported), and a hub key.
public struct HubTestCounty: Sendable {
    public let folder: String
    public let authority: CountyAuthority
    public static let villages = ["622922100201", "622922100202"]

    public init(id: String = "622922") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-hub-county-\(UUID().uuidString.prefix(8))").path
        authority = try CountyAuthority.create(in: folder + "/county", countyID: id, name: "测试县")
    }

    /// A new store enrolled by this county with `role` for `scope`.
    public func device(_ name: String, role: DeviceRole = .enumerator, scope: [String] = HubTestCounty.villages) throws -> TestDevice {
        let store = try HouseholdStore(path: "\(folder)/\(name)-\(UUID().uuidString.prefix(4)).sqlite", create: true)
        try store.trustCounty(authority.identity)
        let (signed, certificate, _) = try authority.enrol(try store.writePublicKeyFile(), role: role, scope: scope, name: name,
                                                           validUntil: Day(year: 2099, month: 12, day: 31)!)
        try store.enrol(signed)
        return TestDevice(store: store, key: try DeviceKey.load(from: store.keyPath), certificate: certificate, signedCertificate: signed,
                          folder: folder)
    }

    /// A new key for the hub (or any other signer), in the county's folder unless `path` says where.
    public func hubKey(path: String? = nil) throws -> DeviceKey {
        try DeviceKey.create(at: path ?? "\(folder)/hub-\(UUID().uuidString.prefix(4)).key")
    }
}

/// An enrolled device: its store, key and certificate.
public struct TestDevice: @unchecked Sendable {
    public let store: HouseholdStore
    public let key: DeviceKey
    public let certificate: DeviceCertificate
    public let signedCertificate: CountySigned
    let folder: String

    public var id: String { store.deviceID }

    /// Interviews household `no` (a head of household) and exports the changes as the next bundle: its file.
    public func nextBundle(no: String, village: String = HubTestCounty.villages[0]) throws -> Data {
        let day = Day(year: 2020, month: 12, day: 31)!
        let questionnaire = Project.questionnaire
        var iv = Interview(questionnaire: questionnaire, today: day)
        try store.create(iv, enumerator: "李文华", who: "李文华")
        try store.commit(try iv.answer("village_code", .text(village)), of: iv, who: "李文华")
        try store.commit(try iv.answer("household_no", .text(no)), of: iv, who: "李文华")
        let (row, added) = try iv.addRow("members")
        try store.commit(added, of: iv, who: "李文华")
        try store.commit(try iv.answer("name", row: row, .text("王建军")), of: iv, who: "李文华")
        let made = try store.exportBundles(to: "\(folder)/usb-\(UUID().uuidString.prefix(4))", enumerator: "李文华")
        guard made.count == 1 else { throw TestPostgres.Failure(description: "expected one bundle, made \(made.count)") }
        return try Data(contentsOf: URL(fileURLWithPath: made[0].path))
    }
}

extension Data {
    /// The bundle's hash (of its manifest bytes) and sequence, read without checks: what a device announces.
    public var bundleIdentity: (hash: String, sequence: Int) {
        let read = BundleManifest.unverified(in: self)
        return (read?.hash ?? "", read?.manifest.sequence ?? 0)
    }

    /// The device the bundle names as its author, read without checks.
    public var bundleAuthor: String { BundleManifest.unverified(in: self)?.manifest.deviceID ?? "" }
}
