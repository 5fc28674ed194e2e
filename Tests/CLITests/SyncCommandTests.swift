import Foundation
import HubTestSupport
import Store
import Survey
import Testing

/// `hufang sync` as a user meets it without a hub: its arguments checked, no hub given, a hub that cannot
/// be reached (exit 75, every bundle kept), and `hufang bundle list` saying what the hub has not received.
@Suite struct SyncCommandTests {
    @Test func withoutAReachableHubSyncExits75AndEveryBundleStaysListedAsNotReceived() throws {
        let county = try EnrolmentCommandTests()
        defer { try? FileManager.default.removeItem(atPath: county.dir) }
        let laptop = try county.device("laptop", "李文华", role: "enumerator", scope: [county.village(1)])
        try EnrolmentCommandTests.household(laptop, no: 1, village: county.village(1))

        let none = try HufangBinary.run(["sync", "--db", laptop.db, "--lang", "en"])
        #expect(none.status == 1 && none.err.contains("no hub given: the first sync needs hufang sync --db \(laptop.db) --hub URL"), "\(none)")
        let bad = try HufangBinary.run(["sync", "--db", laptop.db, "--hub", "ftp://hub", "--lang", "en"])
        #expect(bad.status != 0 && bad.err.contains("cannot use the hub URL ftp://hub"), "\(bad)")
        let notPEM = try HufangBinary.run(["sync", "--db", laptop.db, "--hub", "https://127.0.0.1:1", "--tls-ca", laptop.db + ".pub", "--lang", "en"])
        #expect(notPEM.status != 0 && notPEM.err.contains("cannot read the TLS certificate file"), "\(notPEM)")

        let port = try TestPostgres.freePort()
        let start = Date()
        let down = try HufangBinary.run(["sync", "--db", laptop.db, "--hub", "http://127.0.0.1:\(port)", "--retries", "3", "--lang", "en"])
        #expect(down.status == 75, "\(down)")
        #expect(down.err.contains("cannot reach the hub http://127.0.0.1:\(port)") && down.err.contains("run hufang sync again"), "\(down)")
        // Two waits between three tries: 0.25–0.5 s, then 0.5–1 s.
        #expect(Date().timeIntervalSince(start) >= 0.7, "it waited between tries")
        // Nothing was sealed or lost before the hub proved itself; the URL is not remembered either.
        #expect(try laptop.store.hubLink() == nil)
        let zh = try HufangBinary.run(["sync", "--db", laptop.db, "--hub", "http://127.0.0.1:\(port)", "--retries", "1"])
        #expect(zh.status == 75 && zh.err.contains("连不上中心"), "\(zh)")

        // A bundle exported to a stick is listed, not yet received by the hub.
        let exported = try HufangBinary.run(["bundle", "export", "--db", laptop.db, "--out", county.dir + "/usb", "--who", laptop.name])
        #expect(exported.status == 0, "\(exported)")
        let listed = try HufangBinary.run(["bundle", "list", "--db", laptop.db, "--lang", "en"])
        #expect(listed.status == 0 && listed.out.contains("sequence 1  hufang-") && listed.out.contains("not yet received by the hub"), "\(listed)")
        let empty = try HufangBinary.run(["bundle", "list", "--db", county.device("other", "张秀英", role: "enumerator", scope: [county.village(2)]).db])
        #expect(empty.status == 0 && empty.out.contains("本机还没有打过数据包"), "\(empty)")
    }
}
