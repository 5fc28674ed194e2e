import Foundation
import HubCore
import HubTestSupport
import ProjectFolders
import Store
import Testing

/// `hufang-hub revocations install|show`, as the county office runs them after `hufang county revoke`.
@Suite(.postgres) struct RevocationCommandTests {
    static let binary = Project.root.appendingPathComponent(".build/debug/hufang-hub").path

    func hub(_ arguments: String...) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theOfficeInstallsANewerListAndAnOlderOneIsRefused() throws {
        let cluster = try TestPostgres.current
        let county = try HubTestCounty()
        let folder = county.folder
        _ = try county.hubKey(path: folder + "/hub.key")
        try """
            listen: 127.0.0.1:0
            postgres: \(cluster.url(database: try cluster.createDatabase()))
            hubKey: hub.key
            county: county/county.json
            """.write(toFile: folder + "/hub.yaml", atomically: true, encoding: .utf8)
        let config = folder + "/hub.yaml"
        #expect(try hub("migrate", "--config", config).status == 0)
        #expect(try hub("revocations", "show", "--config", config).output.contains("no revocation list"))

        let lost = try county.device("丢失的电脑")
        let (first, _) = try county.authority.revoke(device: lost.id, key: nil, fromSequence: 2, reason: "电脑丢失")
        try first.fileData.write(to: URL(fileURLWithPath: folder + "/revocations-1.json"))
        let (second, _) = try county.authority.revoke(device: lost.id, key: nil, fromSequence: 1, reason: "电脑丢失")
        try second.fileData.write(to: URL(fileURLWithPath: folder + "/revocations-2.json"))

        let installed = try hub("revocations", "install", "--config", config, folder + "/revocations-2.json")
        #expect(installed.status == 0, "\(installed.output)")
        #expect(installed.output.contains("installed revocation list 2 (2 entries)"))
        let older = try hub("revocations", "install", "--config", config, folder + "/revocations-1.json")
        #expect(older.status != 0)
        #expect(older.output.contains("not newer than the hub's 2"), "\(older.output)")
        #expect(try hub("revocations", "show", "--config", config).output.contains("revocation list 2 (2 entries)"))

        // A list another county signed is not taken.
        let other = try HubTestCounty(id: "622923")
        let (foreign, _) = try other.authority.revoke(device: lost.id, key: nil, fromSequence: 1, reason: "x")
        try foreign.fileData.write(to: URL(fileURLWithPath: folder + "/foreign.json"))
        let refused = try hub("revocations", "install", "--config", config, folder + "/foreign.json")
        #expect(refused.status != 0)
        #expect(refused.output.contains("not a revocation list signed by county 622922"), "\(refused.output)")
    }
}
