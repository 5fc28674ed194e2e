import Foundation
import HubCore
import HubTestSupport
import ProjectFolders
import Store
import Survey
import Testing

/// `hufang-hub serve` with `tls:` in its configuration serves HTTPS itself: a client that trusts the
/// county's CA (curl --cacert, as `hufang sync --tls-ca` will) gets the hub's identity and answers to
/// signed requests; a client that trusts only the system's roots, or speaks plain HTTP, gets nothing.
@Suite(.postgres) struct HubTLSTests {
    static let binary = Project.root.appendingPathComponent(".build/debug/hufang-hub").path

    /// Runs a tool to its end: exit status and everything it printed.
    @discardableResult
    func run(_ tool: String, _ arguments: [String], in folder: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A county CA and a certificate it issued for the hub at 127.0.0.1 and localhost, as README "County set-up" makes them.
    func certificates(in folder: String) throws {
        let openssl = "/usr/bin/openssl"
        try "subjectAltName = IP:127.0.0.1, DNS:localhost\nextendedKeyUsage = serverAuth\n".write(toFile: folder + "/hub-tls.ext", atomically: true, encoding: .utf8)
        for arguments in [
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "county-ca.key",
             "-out", "county-ca.pem", "-days", "30", "-subj", "/CN=622922 county hub CA"],
            ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "hub-tls.key", "-out", "hub-tls.csr",
             "-subj", "/CN=localhost"],
            ["x509", "-req", "-in", "hub-tls.csr", "-CA", "county-ca.pem", "-CAkey", "county-ca.key", "-CAcreateserial", "-out", "hub-tls.pem",
             "-days", "30", "-extfile", "hub-tls.ext"],
        ] {
            let made = try run(openssl, arguments, in: folder)
            guard made.status == 0 else { throw TestPostgres.Failure(description: "openssl \(arguments[0]): \(made.output)") }
        }
    }

    @Test func theHubServesTLSItselfToAClientThatTrustsTheCountysCA() async throws {
        let cluster = try TestPostgres.current
        let county = try HubTestCounty()
        let folder = county.folder
        let key = try county.hubKey(path: folder + "/hub.key")
        let (hubCertificate, _, _) = try county.authority.enrol(DevicePublicKey(deviceID: UUID().uuidString.lowercased(), name: "县级中心",
                                                                                publicKey: key.publicKey),
                                                                role: .hub, scope: [county.authority.identity.countyID], name: "县级中心",
                                                                validUntil: Day(year: 2099, month: 12, day: 31)!)
        try hubCertificate.fileData.write(to: URL(fileURLWithPath: folder + "/hub.cert"))
        try certificates(in: folder)
        let port = try TestPostgres.freePort()
        try """
            listen: 127.0.0.1:\(port)
            postgres: \(cluster.url(database: try cluster.createDatabase()))
            hubKey: hub.key
            county: county/county.json
            certificate: hub.cert
            tls:
              certificate: hub-tls.pem
              key: hub-tls.key
            """.write(toFile: folder + "/hub.yaml", atomically: true, encoding: .utf8)
        let migrated = try run(Self.binary, ["migrate", "--config", folder + "/hub.yaml"])
        #expect(migrated.status == 0, "\(migrated.output)")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.binary)
        server.arguments = ["serve", "--config", folder + "/hub.yaml"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }

        let base = "https://127.0.0.1:\(port)"
        func curl(_ arguments: [String]) throws -> (status: Int32, output: String) {
            try run("/usr/bin/curl", ["-sS", "--max-time", "10"] + arguments)
        }
        var identity = try curl(["--cacert", folder + "/county-ca.pem", base + "/v1/hub"])
        for _ in 0..<100 where identity.status != 0 {
            try await Task.sleep(for: .milliseconds(100))
            identity = try curl(["--cacert", folder + "/county-ca.pem", base + "/v1/hub"])
        }
        #expect(identity.status == 0, "\(identity.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(identity.output.utf8)) as? [String: Any])
        #expect(object["fingerprint"] as? String == key.fingerprint)
        let served = try JSONDecoder().decode(CountySigned.self, from: try JSONSerialization.data(withJSONObject: object["certificate"]!))
        #expect(served.certificate(county: county.authority.identity)?.keyFingerprint == key.fingerprint)

        // A signed request over the same TLS connection kind.
        let laptop = try county.device("调查员1")
        let signature = try HubRequestSignature.sign(method: "GET", path: "/v1/status", body: Data(), device: laptop.id, key: laptop.key)
        var headers: [String] = signature.headers.flatMap { ["-H", "\($0.name): \($0.value)"] }
        headers += ["-H", "\(HubStore.certificateHeader): \(laptop.signedCertificate.fileData.base64EncodedString())"]
        let status = try curl(["--cacert", folder + "/county-ca.pem", "-w", "\n%{http_code}"] + headers + [base + "/v1/status"])
        #expect(status.output.hasSuffix("\n200"), "\(status.output)")
        #expect(status.output.contains(laptop.id))

        // Without the county's CA the certificate does not verify (curl exit 60); plain HTTP gets no answer.
        let untrusted = try curl([base + "/v1/hub"])
        #expect(untrusted.status == 60, "\(untrusted.output)")
        let plain = try curl(["http://127.0.0.1:\(port)/v1/hub"])
        #expect(plain.status != 0, "\(plain.output)")
        #expect(!plain.output.contains(key.fingerprint))
    }
}
