import Foundation
import HubCore
import HubTestSupport
import Logging
import PostgresNIO
import ProjectFolders
import Store
import Survey
import Testing

/// One county's laptops, a hub on PostgreSQL and an observing laptop store that receives every bundle the hub
/// receives, in the same order: the conformance suite's fixture. Bundles reach the hub through its real upload
/// path (announce, chunks, finish) and the observer through `bundle import`.
struct CountyConformance {
    let hub: HubUnderTest
    let client: Client
    let observer: HouseholdStore
    let folder: String
    static let limits = HubLimits(chunkBytes: 64 << 10, bundleBytes: 8 << 20, openUploadsPerDevice: 4, requestSeconds: 20)

    static func run(_ test: @Sendable (CountyConformance) async throws -> Void) async throws {
        try await HubUnderTest.run(limits: limits) { hub, client in
            let observer = try hub.county.device("观察者", role: .supervisor).store
            try await test(CountyConformance(hub: hub, client: client, observer: observer, folder: hub.county.folder))
        }
    }

    /// A laptop of the county.
    func laptop(_ name: String, role: DeviceRole = .enumerator) throws -> TestDevice { try hub.county.device(name, role: role) }

    /// The laptop's changes since its last bundle, as its next bundle file.
    func export(_ device: TestDevice, who: String = "李文华") throws -> Data {
        let made = try device.store.exportBundles(to: "\(folder)/usb-\(UUID().uuidString.prefix(6))", enumerator: who)
        guard made.count == 1 else { throw TestPostgres.Failure(description: "expected one bundle, made \(made.count)") }
        return try Data(contentsOf: URL(fileURLWithPath: made[0].path))
    }

    /// Hands `file` from one laptop to another directly (a USB stick).
    @discardableResult
    func carry(_ file: Data, to device: TestDevice) throws -> ImportOutcome {
        try device.store.importBundle(file, fileName: "carried.hfb", questionnaire: nil)
    }

    /// Sends `file` to the hub as its author and imports it into the observer: the hub's outcome.
    @discardableResult
    func deliver(_ file: Data, from device: TestDevice) async throws -> String {
        let upload = try #require(try await client.announce(file, as: device).1["upload"]?.string)
        try await client.sendChunks(file, upload: upload, from: 0, chunk: Self.limits.chunkBytes, as: device)
        let outcome = try await client.finish(upload, as: device).1["outcome"]?.string ?? "none"
        _ = try observer.importBundle(file, fileName: "delivered.hfb", questionnaire: nil)
        return outcome
    }

    /// The observer's interchange export and the county's, as JSON text.
    func exports() async throws -> (laptop: String, county: String) {
        // The county tables follow the log: what the hub has logged, applied before they are read.
        try await hub.store.applyLogged()
        return (String(decoding: HouseholdStore.encode(try observer.exportJSON()), as: UTF8.self), try await Self.countyJSON(hub.store.client, folder: folder))
    }

    /// The test county's interchange file as `export json`'s streamed writer makes it, in batches of two so a
    /// sequence spans several.
    static func countyJSON(_ client: PostgresClient, folder: String) async throws -> String {
        let path = folder + "/county-\(UUID().uuidString).json"
        FileManager.default.createFile(atPath: path, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let reader = CountyHouseholdReader(client: client, logger: Logger(label: "conformance"), batchSize: 2)
        try await CountyJSONExport.write(reader, county: String(HubTestCounty.villages[0].prefix(6)), to: output)
        try output.close()
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// Both conflict queues (open and resolved) without what differs by nature between two stores: the entry's
    /// id and when it was detected.
    func conflicts() async throws -> (laptop: [String], county: [String]) {
        try await hub.store.applyLogged()
        let reader = CountyHouseholdReader(client: hub.store.client, logger: Logger(label: "conformance"))
        func line(_ c: ConflictRecord) -> String {
            [c.householdID, c.rowID?.uuidString ?? "", c.kind.rawValue, c.field, "\(c.mine)", c.mineWho, c.mineAt, "\(c.theirs)", c.theirsWho,
             c.theirsAt, c.theirsDevice, c.bundleID, "\(c.sequence)", c.state.rawValue].joined(separator: " | ")
        }
        return (try observer.conflicts(all: true).map(line).sorted(), try await reader.conflicts(all: true).map(line).sorted())
    }

    /// Requires the same households, answers, statuses and conflicts on both sides; returns the open conflicts.
    @discardableResult
    func expectSame(_ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> [ConflictRecord] {
        let (laptop, county) = try await exports()
        #expect(!laptop.isEmpty && laptop.contains("\"households\""))
        #expect(laptop == county, comment, sourceLocation: sourceLocation)
        if laptop != county { print(Self.firstDifference(laptop, county)) }
        let (a, b) = try await conflicts()
        #expect(a == b, comment, sourceLocation: sourceLocation)
        return try observer.conflicts()
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
            return "line \(i + 1): laptop \(i < x.count ? String(x[i]) : "<end>") | county \(i < y.count ? String(y[i]) : "<end>")"
        }
        return "same"
    }
}

/// A household interviewed on a laptop: the interview, to change it further.
struct Interviewed {
    var interview: Interview
    var id: UUID { interview.householdID }
    var head: UUID

    /// Interviews household `no` with a head of household and a phone number, on `device`.
    static func make(on device: TestDevice, no: String, head: String = "王建军", phone: String = "13900000000",
                     village: String = HubTestCounty.villages[0]) throws -> Interviewed {
        var iv = Interview(questionnaire: Project.questionnaire, today: Day(year: 2020, month: 12, day: 31)!)
        try device.store.create(iv, enumerator: "李文华", who: "李文华")
        try device.store.commit(try iv.answer("village_code", .text(village)), of: iv, who: "李文华")
        try device.store.commit(try iv.answer("household_no", .text(no)), of: iv, who: "李文华")
        try device.store.commit(try iv.answer("phone", .text(phone)), of: iv, who: "李文华")
        let (row, added) = try iv.addRow("members")
        try device.store.commit(added, of: iv, who: "李文华")
        try device.store.commit(try iv.answer("name", row: row, .text(head)), of: iv, who: "李文华")
        return Interviewed(interview: iv, head: row)
    }

    /// The same household as `device`'s store holds it now.
    static func load(_ id: UUID, head: UUID, on device: TestDevice) throws -> Interviewed {
        Interviewed(interview: try device.store.interview(id, questionnaire: Project.questionnaire), head: head)
    }

    /// Answers `question` (of the head's row when `row`) on `device`, as `who`.
    mutating func answer(_ question: String, _ text: String, row: Bool = false, on device: TestDevice, who: String = "李文华") throws {
        try device.store.commit(try interview.answer(question, row: row ? head : nil, .text(text)), of: interview, who: who)
    }
}
