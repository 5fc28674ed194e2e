import Foundation
import HubCore
import HubServer
import Testing

/// The configuration file, YAML or JSON, as an operator writes it.
@Suite struct HubConfigurationTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-hub-config-\(UUID().uuidString.prefix(8))").path

    func write(_ text: String, as name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
        return "\(folder)/\(name)"
    }

    @Test func yamlAndJSONSayTheSameAndPathsAreReadFromTheFilesFolder() throws {
        let yaml = try HubConfiguration.load(try write("""
            listen: 0.0.0.0:8443
            postgres: postgres://hub:secret@db.county.local:5433/hufang_hub
            hubKey: keys/hub.key
            county: /etc/hufang/county.json
            limits:
              chunkBytes: 65536
            """, as: "hub.yaml"))
        let json = try HubConfiguration.load(try write("""
            {"listen": "0.0.0.0:8443", "postgres": "postgres://hub:secret@db.county.local:5433/hufang_hub",
             "hubKey": "keys/hub.key", "county": "/etc/hufang/county.json", "limits": {"chunkBytes": 65536}}
            """, as: "hub.json"))
        #expect(yaml == json)
        #expect(yaml.hubKey == "\(folder)/keys/hub.key")
        #expect(yaml.county == "/etc/hufang/county.json")
        let (host, port) = try yaml.address()
        #expect(host == "0.0.0.0" && port == 8443)
        let db = try yaml.database()
        #expect(db.host == "db.county.local" && db.port == 5433 && db.user == "hub" && db.password == "secret" && db.database == "hufang_hub")
        // Limits not named keep their defaults.
        #expect(yaml.limits == HubLimits(chunkBytes: 65536))
    }

    @Test func aConfigurationThatCannotBeUsedNamesTheSettingAtFault() throws {
        let badListen = try write("listen: 8443\npostgres: postgres://hub@127.0.0.1/hub\nhubKey: k\ncounty: c\n", as: "a.yaml")
        #expect(throws: HubConfiguration.Problem.self) { try HubConfiguration.load(badListen) }
        do { _ = try HubConfiguration.load(badListen) } catch { #expect(error.description.contains("listen")) }
        let badURL = try write("listen: 127.0.0.1:8080\npostgres: mysql://hub@127.0.0.1/hub\nhubKey: k\ncounty: c\n", as: "b.yaml")
        do { _ = try HubConfiguration.load(badURL) } catch { #expect(error.description.contains("postgres")) }
        let missing = try write("listen: 127.0.0.1:8080\n", as: "c.yaml")
        #expect(throws: HubConfiguration.Problem.self) { try HubConfiguration.load(missing) }
    }
}
