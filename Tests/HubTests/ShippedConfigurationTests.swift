import Foundation
import HubCore
import HubServer
import ProjectFolders
import Testing

/// The commented example the hufang-hub package installs as /etc/hufang/hub.yaml (packaging/hub.yaml).
@Suite struct ShippedConfigurationTests {
    @Test func theExampleConfigurationLoadsWithThePackagesPathsAndTheDefaultLimits() throws {
        let configuration = try HubConfiguration.load(Project.root.appendingPathComponent("packaging/hub.yaml").path)
        let address = try configuration.address()
        #expect(address.host == "127.0.0.1" && address.port == 8080)
        let database = try configuration.database()
        #expect([database.host, database.user, database.password, database.database] == ["127.0.0.1", "hufang_hub", "CHANGE-ME", "hufang_hub"])
        #expect(database.port == 5432)
        #expect(configuration.hubKey == "/var/lib/hufang-hub/hub.key")
        #expect(configuration.county == "/etc/hufang/county.json")
        #expect(configuration.revocations == nil && configuration.limits == nil)
    }

    @Test func theSystemdUnitMigratesBeforeItServesTheExampleConfiguration() throws {
        let unit = try String(contentsOf: Project.root.appendingPathComponent("packaging/hufang-hub.service"), encoding: .utf8)
        let lines = unit.split(separator: "\n").map(String.init)
        #expect(lines.contains("ExecStartPre=/usr/bin/hufang-hub migrate --config /etc/hufang/hub.yaml"))
        #expect(lines.contains("ExecStart=/usr/bin/hufang-hub serve --config /etc/hufang/hub.yaml"))
        #expect(lines.contains("User=hufang-hub"))
    }
}
