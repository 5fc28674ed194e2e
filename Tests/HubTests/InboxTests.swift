import Crypto
import Foundation
import HTTPTypes
import HubCore
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import ProjectFolders
import Store
import Survey
import Testing

/// What comes down from the hub, over real HTTP against a real PostgreSQL: each device's inbox of relayed
/// bundles by scope, each bundle's original file only for those it concerns, revocation lists for everyone.
@Suite(.postgres) struct InboxTests {
    static let township = "622922100"
    static let otherTownship = "622922200"
    static let otherVillage = "622922200101"

    /// Two enumerators of one township (a village each), one of another township, a supervisor of each.
    struct County {
        let a, b, c, supervisor, otherSupervisor: TestDevice

        init(_ hub: HubUnderTest) throws {
            a = try hub.county.device("调查员1", scope: [HubTestCounty.villages[0]])
            b = try hub.county.device("调查员2", scope: [HubTestCounty.villages[1]])
            c = try hub.county.device("调查员3", scope: [InboxTests.otherVillage])
            supervisor = try hub.county.device("乡镇审核员", role: .supervisor, scope: [InboxTests.township])
            otherSupervisor = try hub.county.device("另一乡镇审核员", role: .supervisor, scope: [InboxTests.otherTownship])
        }
    }

    @Test func anEnumeratorReceivesTheSupervisorsDecisionForItsVillageAndNothingOfAnotherVillage() async throws {
        try await HubUnderTest.run { hub, client in
            let county = try County(hub)
            let fromA = try county.a.nextBundle(no: "0001", village: HubTestCounty.villages[0])
            let fromB = try county.b.nextBundle(no: "0002", village: HubTestCounty.villages[1])
            let fromC = try county.c.nextBundle(no: "0003", village: Self.otherVillage)
            for (file, device) in [(fromA, county.a), (fromB, county.b), (fromC, county.c)] {
                #expect(try await client.upload(file, as: device) == "applied")
            }
            // The supervisor takes its township's bundles from its inbox, as `hufang sync` will, and imports them.
            let theirs = try await client.inbox(as: county.supervisor)
            #expect(Set(theirs.map(\.hash)) == [fromA.bundleIdentity.hash, fromB.bundleIdentity.hash])
            for entry in theirs {
                let file = try await client.download(entry.hash, as: county.supervisor)
                #expect(file.count == entry.length)
                let outcome = try county.supervisor.store.importBundle(file, fileName: "\(entry.hash).zip", questionnaire: Project.questionnaire)
                guard case .applied = outcome else { Issue.record("not applied: \(outcome)"); return }
            }
            let household = try #require(try EnrolledBundleCheck.households(in: fromA)?.households.first.flatMap(UUID.init(uuidString:)))
            try county.supervisor.store.sendBack(household, reason: "收入有误", who: "乡镇审核员")
            let decision = try county.supervisor.exportNext()
            #expect(try await client.upload(decision, as: county.supervisor) == "applied")

            // Laptop A gets the decision, and only it: never B's bundle nor its own.
            let forA = try await client.inbox(as: county.a)
            #expect(forA.map(\.hash) == [decision.bundleIdentity.hash])
            #expect(forA.first?.device == county.supervisor.id && forA.first?.sequence == 1)
            let relayed = try await client.download(decision.bundleIdentity.hash, as: county.a)
            #expect(relayed == decision, "the original signed bytes")
            let outcome = try county.a.store.importBundle(relayed, fileName: "decision.zip", questionnaire: Project.questionnaire)
            guard case .applied = outcome else { Issue.record("not applied: \(outcome)"); return }
            #expect(try county.a.store.household(household).status == .sentBack)
            // B's village is the same supervisor's, but the decision touches no household of it.
            #expect(try await client.inbox(as: county.b).isEmpty)
            // C, of another township, sees nothing; and the supervisor does not get its own decision back.
            #expect(try await client.inbox(as: county.c).isEmpty)
            #expect(Set(try await client.inbox(as: county.supervisor).map(\.hash)) == [fromA.bundleIdentity.hash, fromB.bundleIdentity.hash])
            #expect(try await client.inbox(as: county.otherSupervisor).map(\.hash) == [fromC.bundleIdentity.hash])
        }
    }

    @Test func aBundleOutsideADevicesInboxIsNotFoundAsIfItDidNotExist() async throws {
        try await HubUnderTest.run { hub, client in
            let county = try County(hub)
            let fromA = try county.a.nextBundle(no: "0001", village: HubTestCounty.villages[0])
            let fromC = try county.c.nextBundle(no: "0003", village: Self.otherVillage)
            #expect(try await client.upload(fromA, as: county.a) == "applied")
            #expect(try await client.upload(fromC, as: county.c) == "applied")
            let unknown = String(repeating: "ab", count: 32)
            // Another enumerator's bundle, another township's, its own, an unknown one, a malformed one: all the same 404.
            var answers: [TestResponse] = []
            for (hash, device) in [(fromA.bundleIdentity.hash, county.b), (fromA.bundleIdentity.hash, county.otherSupervisor),
                                   (fromA.bundleIdentity.hash, county.a), (unknown, county.a), ("not-a-hash", county.a)] {
                answers.append(try await client.send(.get, "/v1/bundles/\(hash)", as: device))
            }
            #expect(answers.allSatisfy { $0.status == .notFound })
            #expect(Set(answers.map { String(buffer: $0.body) }).count == 1, "nothing tells them apart")
            #expect(try await client.send(.get, "/v1/bundles/\(fromA.bundleIdentity.hash)", as: county.supervisor).status == .ok)
            // An unsigned request learns nothing, not even that the bundle exists.
            #expect(try await client.send(.get, "/v1/bundles/\(fromA.bundleIdentity.hash)", as: county.supervisor, signing: .none).status
                    == .unauthorized)
        }
    }

    @Test func nobodyReadsAnotherDevicesInbox() async throws {
        try await HubUnderTest.run { hub, client in
            let county = try County(hub)
            #expect(try await client.upload(try county.a.nextBundle(no: "0001"), as: county.a) == "applied")
            #expect(try await client.inbox(as: county.supervisor).count == 1)
            // C signs a request naming the supervisor's device: refused, and the answer says nothing of the inbox.
            let impostor = try await client.send(.get, "/v1/inbox", as: county.supervisor, signing: .otherKey(county.c.key),
                                                 certificate: county.supervisor.signedCertificate)
            #expect(impostor.status == .unauthorized)
            #expect(impostor.json["entries"] == nil)
            // Whatever it adds to the query, a device reads its own inbox.
            let asked = try await client.send(.get, "/v1/inbox?after=0&device=\(county.supervisor.id)", as: county.c)
            #expect(asked.status == .ok)
            #expect(asked.json["entries"] == .array([]))
        }
    }

    @Test func theInboxComesInLogOrderAPageAtATimeAndTheHubRemembersEachDevicesCursor() async throws {
        try await HubUnderTest.run { hub, client in
            let county = try County(hub)
            let first = try county.a.nextBundle(no: "0001")
            let second = try county.a.nextBundle(no: "0002")
            let third = try county.b.nextBundle(no: "0003", village: HubTestCounty.villages[1])
            // The second arrives first and is held: it enters the log (and the inbox) only after the first.
            #expect(try await client.upload(second, as: county.a) == "held")
            #expect(try await client.inbox(as: county.supervisor).isEmpty)
            #expect(try await client.upload(third, as: county.b) == "applied")
            #expect(try await client.upload(first, as: county.a) == "applied")
            var hashes: [String] = []
            var after = 0
            var pages = 0
            while true {
                let page = try await client.send(.get, "/v1/inbox?after=\(after)&limit=1", as: county.supervisor).json
                let entries = try #require(page["entries"].flatMap { if case .array(let a) = $0 { a } else { nil } })
                #expect(entries.count <= 1)
                hashes += entries.compactMap { $0["hash"]?.string }
                let next = try #require(page["next"]?.int)
                #expect(next >= after)
                after = next
                pages += 1
                guard page["more"] == .number(1) else { break }
            }
            #expect(hashes == [third, first, second].map(\.bundleIdentity.hash))
            #expect(pages == 3)
            // Asked from the end: nothing more, and the cursor stays put.
            let end = try await client.send(.get, "/v1/inbox?after=\(after)", as: county.supervisor).json
            #expect(end["entries"] == .array([]) && end["next"]?.int == after && end["more"] == .number(0))
            #expect(try await hub.store.inboxCursors()[county.supervisor.id] == after, "the highest cursor asked from")
            // Asking from an earlier cursor again (a device restored from its own backup) does not move it back.
            _ = try await client.send(.get, "/v1/inbox?after=0", as: county.supervisor)
            #expect(try await hub.store.inboxCursors()[county.supervisor.id] == after)
            // A cursor or limit that is not a number in range is refused.
            for query in ["after=-1", "after=x", "limit=0", "limit=501", "limit=1e2"] {
                #expect(try await client.send(.get, "/v1/inbox?\(query)", as: county.supervisor).status == .badRequest, "\(query)")
            }
        }
    }

    @Test func afterARestoreFromAnOlderDumpBundlesLoggedAgainComeAfterEveryCursorHandedOut() async throws {
        try await HubUnderTest.run { hub, client in
            let county = try County(hub)
            let first = try county.a.nextBundle(no: "0001")
            let second = try county.a.nextBundle(no: "0002")
            #expect(try await client.upload(first, as: county.a) == "applied")
            let dumped = try #require(try await client.inbox(as: county.supervisor).last?.position)
            #expect(try await client.upload(second, as: county.a) == "applied")
            let cursor = try #require(try await client.inbox(as: county.supervisor).last?.position)
            // The database goes back to the dump taken after the first bundle: the second and the sequence's
            // advance are gone; the hub starts again (as `serve` does, it advances the positions).
            try await hub.store.client.query("DELETE FROM bundle WHERE hash = \(second.bundleIdentity.hash)")
            try await hub.store.client.query("SELECT setval('bundle_position', \(dumped))")
            try await hub.store.advanceLogPositions()
            // The laptop re-sends what the hub no longer holds; the supervisor, asking from its cursor, gets it.
            #expect(try await client.upload(second, as: county.a) == "applied")
            let page = try await client.send(.get, "/v1/inbox?after=\(cursor)", as: county.supervisor).json
            guard case .array(let entries)? = page["entries"] else { Issue.record("no entries: \(page)"); return }
            #expect(entries.compactMap { $0["hash"]?.string } == [second.bundleIdentity.hash])
        }
    }

    @Test func theHubReadsTheVillagesABundleTouchesButRelaysASealedOneToNobody() async throws {
        try await HubUnderTest.run { hub, client in
            let county = try County(hub)
            let plain = try county.b.nextBundle(no: "0002", village: HubTestCounty.villages[1])
            let read = try #require(try EnrolledBundleCheck.households(in: plain))
            #expect(read.households.count == 1)
            #expect(Array(read.villages.values) == [HubTestCounty.villages[1]])
            // Sealed to the county key: the hub cannot read its changes, keeps and receipts it, and relays it to nobody.
            _ = try county.a.store.setCountyKey(.publicKey(Curve25519.KeyAgreement.PrivateKey().publicKey.rawRepresentation))
            let sealed = try county.a.nextBundle(no: "0001")
            #expect(try EnrolledBundleCheck.households(in: sealed) == nil)
            #expect(try await client.upload(sealed, as: county.a) == "applied")
            #expect(try await client.upload(plain, as: county.b) == "applied")
            #expect(try await client.inbox(as: county.supervisor).map(\.hash) == [plain.bundleIdentity.hash])
        }
    }

    @Test func theCountysNewestRevocationListReachesEveryDevice() async throws {
        try await HubUnderTest.run { hub, client in
            let county = try County(hub)
            #expect(try await client.send(.get, "/v1/revocations", as: county.a).status == .noContent)
            let lost = try hub.county.device("丢失的电脑")
            let (first, _) = try hub.county.authority.revoke(device: lost.id, key: nil, fromSequence: 3, reason: "电脑丢失")
            #expect(try await hub.store.install(revocations: first))
            let (second, _) = try hub.county.authority.revoke(device: county.c.id, key: nil, fromSequence: 1, reason: "换新密钥")
            #expect(try await hub.store.install(revocations: second))
            #expect(try await hub.store.install(revocations: first) == false, "an older list is not installed over a newer one")
            for device in [county.a, county.b, county.supervisor, county.otherSupervisor] {
                let response = try await client.send(.get, "/v1/revocations", as: device)
                #expect(response.status == .ok)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(object["number"] as? Int == 2)
                let signed = try JSONDecoder().decode(CountySigned.self, from: try JSONSerialization.data(withJSONObject: object["signed"]!))
                let list = try #require(signed.revocations(county: hub.county.authority.identity), "verifies with the county's key")
                #expect(list.number == 2 && list.entries.map(\.deviceID) == [lost.id, county.c.id])
            }
            // The revoked device itself is refused.
            #expect(try await client.send(.get, "/v1/revocations", as: county.c).status == .forbidden)
        }
    }

    @Test func theHubPublishesTheCountysCertificateOfItsKey() async throws {
        try await HubUnderTest.run { hub, client in
            let response = try await client.send(.get, "/v1/hub", as: nil)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let signed = try JSONDecoder().decode(CountySigned.self, from: try JSONSerialization.data(withJSONObject: object["certificate"]!))
            let certificate = try #require(signed.certificate(county: hub.county.authority.identity))
            #expect(certificate.role == .hub)
            #expect(certificate.scope == [hub.county.authority.identity.countyID])
            #expect(certificate.keyFingerprint == hub.hubKey.fingerprint)
            #expect(certificate.publicKey == object["hubKey"] as? String)
            // Another county's key would not verify it: a laptop checks the hub against its own county.
            let other = try HubTestCounty(id: "622923")
            #expect(signed.certificate(county: other.authority.identity) == nil)
        }
    }
}

extension Client {
    /// Announces, sends and finishes `file` as `device`: the outcome.
    func upload(_ file: Data, as device: TestDevice) async throws -> String? {
        let (announced, answer) = try await announce(file, as: device)
        let id = try #require(answer["upload"]?.string, "\(announced.status) \(String(buffer: announced.body))")
        try await sendChunks(file, upload: id, from: 0, as: device)
        return try await finish(id, as: device).1["outcome"]?.string
    }

    /// The whole inbox of `device`, page by page.
    func inbox(as device: TestDevice) async throws -> [InboxEntry] {
        var entries: [InboxEntry] = []
        var after = 0
        while true {
            let response = try await send(.get, "/v1/inbox?after=\(after)", as: device)
            guard response.status == .ok else { throw TestPostgres.Failure(description: "inbox: \(response.status)") }
            struct Page: Decodable { var entries: [InboxEntry]; var next: Int; var more: Bool }
            let page = try JSONDecoder().decode(Page.self, from: Data(buffer: response.body))
            entries += page.entries
            after = page.next
            if !page.more { return entries }
        }
    }

    /// A bundle's file from the hub, which must answer 200.
    func download(_ hash: String, as device: TestDevice) async throws -> Data {
        let response = try await send(.get, "/v1/bundles/\(hash)", as: device)
        guard response.status == .ok else { throw TestPostgres.Failure(description: "download \(hash): \(response.status)") }
        #expect(response.headers[.contentType] == "application/octet-stream")
        return Data(buffer: response.body)
    }
}

extension TestDevice {
    /// Exports what the store wrote since its last bundle (a supervisor's decisions): the file.
    func exportNext() throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-hub-out-\(UUID().uuidString.prefix(8))").path
        let made = try store.exportBundles(to: folder, enumerator: "乡镇审核员")
        guard made.count == 1 else { throw TestPostgres.Failure(description: "expected one bundle, made \(made.count)") }
        return try Data(contentsOf: URL(fileURLWithPath: made[0].path))
    }
}
