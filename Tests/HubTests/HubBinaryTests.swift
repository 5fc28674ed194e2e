import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HubCore
import HubTestSupport
import ProjectFolders
import Store
import Survey
import Testing

/// `hufang-hub migrate` and `hufang-hub serve` as an operator runs them: the built binary, a YAML
/// configuration, the suite's PostgreSQL, requests over loopback HTTP.
@Suite(.postgres) struct HubBinaryTests {
    static let binary = Project.root.appendingPathComponent(".build/debug/hufang-hub")

    /// Runs the binary to its end: exit status and everything it printed.
    func hub(_ arguments: String...) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A county, a hub key, a fresh database and a YAML configuration naming them (paths relative to it).
    func configured(port: Int) throws -> (config: String, county: HubTestCounty, key: DeviceKey) {
        let cluster = try TestPostgres.current
        let county = try HubTestCounty()
        let folder = county.folder
        let key = try county.hubKey(path: folder + "/hub.key")
        let yaml = """
            listen: 127.0.0.1:\(port)
            postgres: \(cluster.url(database: try cluster.createDatabase()))
            hubKey: hub.key
            county: county/county.json
            limits:
              chunkBytes: 65536
              bundleBytes: 1048576
              openUploadsPerDevice: 4
            """
        try yaml.write(toFile: folder + "/hub.yaml", atomically: true, encoding: .utf8)
        return (folder + "/hub.yaml", county, key)
    }

    @Test func keyMakesTheHubsKeyOnceAndAPublicKeyFileTheCountyEnrols() throws {
        let (config, county, _) = try configured(port: try TestPostgres.freePort())
        let folder = county.folder
        try FileManager.default.removeItem(atPath: folder + "/hub.key")
        let first = try hub("key", "--config", config)
        #expect(first.status == 0, "\(first.output)")
        let key = try DeviceKey.load(from: folder + "/hub.key")
        let text = try String(contentsOfFile: folder + "/hub.key.pub", encoding: .utf8)
        let pub = try #require(DevicePublicKey(text: text))
        #expect(pub.publicKey == key.publicKey)
        #expect(first.output.contains(key.fingerprint))
        // Again: the same key and device id.
        #expect(try hub("key", "--config", config).status == 0)
        #expect(try String(contentsOfFile: folder + "/hub.key.pub", encoding: .utf8) == text)
        #expect(try DeviceKey.load(from: folder + "/hub.key").publicKey == key.publicKey)
        // The county enrols it with role hub for the whole county.
        let (_, certificate, _) = try county.authority.enrol(pub, role: .hub, scope: [county.authority.identity.countyID], name: "县级中心",
                                                             validUntil: Day(year: 2099, month: 12, day: 31)!)
        #expect(certificate.role == .hub && certificate.keyFingerprint == key.fingerprint)
    }

    @Test func migrateRunsEachMigrationOnceAndServeAnswersSignedRequests() async throws {
        let port = try TestPostgres.freePort()
        let (config, county, key) = try configured(port: port)
        let refused = try hub("serve", "--config", config)
        #expect(refused.status != 0)
        #expect(refused.output.contains("hufang-hub migrate"), "\(refused.output)")
        let first = try hub("migrate", "--config", config)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("migrated: \(HubMigrations.all[0].name)"))
        let second = try hub("migrate", "--config", config)
        #expect(second.output.contains("schema up to date"), "\(second.output)")

        let server = Process()
        server.executableURL = Self.binary
        server.arguments = ["serve", "--config", config]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let base = URL(string: "http://127.0.0.1:\(port)")!
        var identity: [String: Any]?
        for _ in 0..<100 where identity == nil {
            if let (data, _) = try? await URLSession.shared.data(from: base.appendingPathComponent("v1/hub")) {
                identity = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            } else {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(identity?["fingerprint"] as? String == key.fingerprint)
        #expect(identity?["county"] as? String == county.authority.identity.countyID)

        // A device signs with URLSession, as `hufang sync` will: the hub takes its certificate and answers.
        let laptop = try county.device("调查员1")
        func status(signedBy signer: DeviceKey) async throws -> Int {
            var request = URLRequest(url: base.appendingPathComponent("v1/status"))
            let signature = try HubRequestSignature.sign(method: "GET", path: "/v1/status", body: Data(), device: laptop.id, key: signer)
            for (name, value) in signature.headers { request.setValue(value, forHTTPHeaderField: name) }
            request.setValue(laptop.signedCertificate.fileData.base64EncodedString(), forHTTPHeaderField: HubStore.certificateHeader)
            let (_, response) = try await URLSession.shared.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
        #expect(try await status(signedBy: laptop.key) == 200)
        #expect(try await status(signedBy: key) == 401)
    }
}
