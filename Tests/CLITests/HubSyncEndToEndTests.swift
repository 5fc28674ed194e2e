import Foundation
import HubTestSupport
import SampleData
import Store
import Survey
import Testing

/// The review loop with the county hub in place of the USB stick, through the real binaries and a real
/// PostgreSQL: a county of 3 laptops and 1 supervisor enrolled as EnrolmentCommandTests enrols them, the
/// built `hufang-hub` (migrate, serve), and `hufang sync` on every device. Households are typed in with the
/// store's API and decisions made with it, as EnrolmentCommandTests does; the tmux loop is ReviewEndToEndTests'.
/// Needs hubinbox's server side (`/v1/hub`'s certificate, the inbox) merged.
@Suite(.postgres, .serialized) struct HubSyncEndToEndTests {
    static let hubBinary = HufangBinary.root.appendingPathComponent(".build/debug/hufang-hub")

    /// The hub as an operator sets it up: its key, the county's certificate for it, the schema, the server.
    struct RunningHub {
        var url: String
        var database: String
        var server: Process

        func stop() { server.terminate(); server.waitUntilExit() }
    }

    static func startHub(in dir: String, office: String) throws -> RunningHub {
        let cluster = try TestPostgres.current
        let database = try cluster.createDatabase()
        let port = try TestPostgres.freePort()
        let yaml = """
            listen: 127.0.0.1:\(port)
            postgres: \(cluster.url(database: database))
            hubKey: hub.key
            county: \(office)/county.json
            certificate: hub.cert
            """
        try yaml.write(toFile: dir + "/hub.yaml", atomically: true, encoding: .utf8)
        let key = try HufangBinary.launch(hubBinary, ["key", "--config", dir + "/hub.yaml"])
        #expect(key.status == 0, "\(key)")
        let enrolled = try HufangBinary.run(["county", "enrol", "--county", office, "--device", dir + "/hub.key.pub", "--role", "hub",
                                             "--scope", EnrolmentCommandTests.countyCode, "--name", "县级中心", "--lang", "en"])
        let cert = try #require(enrolled.out.firstMatch(of: /certificate  (\S+\.cert)/).map { String($0.1) }, "\(enrolled)")
        try FileManager.default.copyItem(atPath: cert, toPath: dir + "/hub.cert")
        let migrated = try HufangBinary.launch(hubBinary, ["migrate", "--config", dir + "/hub.yaml"])
        #expect(migrated.status == 0, "\(migrated)")
        let server = Process()
        server.executableURL = hubBinary
        server.arguments = ["serve", "--config", dir + "/hub.yaml"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let url = "http://127.0.0.1:\(port)"
        for _ in 0..<100 {
            if (try? HufangBinary.launch(URL(fileURLWithPath: "/usr/bin/curl"), ["-sf", url + "/v1/hub"]))?.status == 0 { break }
            usleep(100_000)
        }
        return RunningHub(url: url, database: database, server: server)
    }

    /// `hufang sync` on a device: its output, having expected exit 0.
    @discardableResult
    static func sync(_ device: EnrolmentCommandTests.Device, hub: String? = nil) throws -> String {
        let r = try HufangBinary.run(["sync", "--db", device.db, "--screens", HufangBinary.screens, "--lang", "en", "--who", device.name]
                                     + (hub.map { ["--hub", $0] } ?? []))
        #expect(r.status == 0, "hufang sync --db \(device.db): \(r.err)\n\(r.out)")
        return r.out
    }

    @Test func threeLaptopsAndASupervisorSendBackFixAndApproveThroughTheHub() throws {
        let county = try EnrolmentCommandTests()
        defer { try? FileManager.default.removeItem(atPath: county.dir) }
        let hub = try Self.startHub(in: county.dir, office: county.office)
        defer { hub.stop() }
        var laptops: [EnrolmentCommandTests.Device] = []
        for i in 0..<3 {
            laptops.append(try county.device("laptop\(i + 1)", ["李文华", "张秀英", "马建国"][i], role: "enumerator",
                                             scope: [county.village(2 * i + 1), county.village(2 * i + 2)]))
        }
        let supervisor = try county.device("supervisor", "王审核", role: "supervisor", scope: [EnrolmentCommandTests.township])

        // Interviews on the laptops; each syncs (the URL given once): sealed, uploaded, received.
        var ids: [UUID] = []
        for (i, laptop) in laptops.enumerated() {
            ids.append(try EnrolmentCommandTests.household(laptop, no: i + 1, village: county.village(2 * i + 1)).householdID)
            let out = try Self.sync(laptop, hub: hub.url)
            #expect(out.contains("received applied (by the hub at "), "\(out)")
        }
        // The supervisor's inbox: the three laptops' bundles, each through the checks of `bundle import`.
        let taken = try Self.sync(supervisor, hub: hub.url)
        #expect(taken.components(separatedBy: "… applied").count == 4, "\(taken)")
        #expect(try supervisor.store.households().count == 3)

        // The supervisor sends the first back and approves the second; the URL is remembered from now on.
        try supervisor.store.sendBack(ids[0], reason: "户主身份证号请核对", who: supervisor.name)
        try supervisor.store.approve(ids[1], who: supervisor.name)
        #expect(try Self.sync(supervisor).contains("received applied"))
        for laptop in laptops { try Self.sync(laptop) }
        #expect(try laptops[0].store.household(ids[0]).status == .sentBack)
        #expect(try laptops[1].store.household(ids[1]).status == .approved)

        // The first laptop fixes the household and completes it again; the supervisor takes it and approves.
        let store = try laptops[0].store
        var iv = try store.interview(ids[0], questionnaire: BundleCommandTests.questionnaire)
        let row = try #require(iv.rows("members").first)
        try store.commit(try iv.answer("id_number", row: row, .text(SyntheticHouseholds.idNumber(41))), of: iv, who: laptops[0].name)
        try store.setStatus(ids[0], to: .complete, who: laptops[0].name)
        try Self.sync(laptops[0])
        try Self.sync(supervisor)
        #expect(try supervisor.store.household(ids[0]).status == .complete)
        try supervisor.store.approve(ids[0], who: supervisor.name)
        try Self.sync(supervisor)
        try Self.sync(laptops[0])
        #expect(try laptops[0].store.household(ids[0]).status == .approved)
        #expect(try supervisor.store.conflicts().isEmpty && laptops[0].store.conflicts().isEmpty)

        // Where a user looks: every bundle "received by the hub at …".
        for device in laptops + [supervisor] {
            let listed = try HufangBinary.run(["bundle", "list", "--db", device.db, "--lang", "en"])
            #expect(listed.status == 0 && !listed.out.contains("not yet received") && listed.out.contains("received by the hub at"), "\(listed)")
        }
        // The hub holds every bundle exactly once.
        let made = try (laptops + [supervisor]).reduce(0) { $0 + (try $1.store.outgoingBundles().count) }
        let counted = try HufangBinary.launch(URL(fileURLWithPath: "/usr/bin/psql"), [
            "-h", "127.0.0.1", "-p", String(try TestPostgres.current.port), "-U", TestPostgres.user, "-d", hub.database, "-tAc",
            "SELECT count(*) || ' ' || count(DISTINCT hash) FROM bundle"])
        #expect(counted.out.trimmingCharacters(in: .whitespacesAndNewlines) == "\(made) \(made)", "\(counted)")
    }
}
