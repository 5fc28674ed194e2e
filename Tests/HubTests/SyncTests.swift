import Crypto
import Foundation
import HubClient
import HubCore
import HubTestSupport
import ProjectFolders
import Store
import Survey
import Testing

/// `hufang sync`'s engine against a live hub over real HTTP (libcurl) and a real PostgreSQL: uploads
/// with receipts verified and stored, resumption, duplicates, forged receipts, recovery after the hub lost
/// bundles, retries on 503, and the inbox (the test's minimal one until hubinbox's is merged).
@Suite(.postgres) struct SyncTests {
    /// Interviews household `no` on `device` without exporting it: the sync seals it.
    static func interview(_ device: TestDevice, no: String, village: String = HubTestCounty.villages[0]) throws {
        var iv = Interview(questionnaire: Project.questionnaire, today: Day(year: 2020, month: 12, day: 31)!)
        try device.store.create(iv, enumerator: "李文华", who: "李文华")
        try device.store.commit(try iv.answer("village_code", .text(village)), of: iv, who: "李文华")
        try device.store.commit(try iv.answer("household_no", .text(no)), of: iv, who: "李文华")
    }

    @Test func everyBundleIsSealedUploadedInChainOrderAndItsVerifiedReceiptKept() async throws {
        try await SyncHub.run { hub in
            let laptop = try hub.county.device("调查员1")
            _ = try laptop.nextBundle(no: "0001")            // written to a stick before: still goes up
            try Self.interview(laptop, no: "0002")
            let run = try await hub.sync(laptop)
            let summary = try run.result.get()
            // A chunk is sent again only after a retry (a loaded machine's hub may answer 503 after taking it).
            #expect(summary.uploaded == 2 && summary.allReceipted && (summary.bytesResent == 0 || summary.retries > 0), "\(summary)")
            #expect(run.uploads.map(\.sequence) == [1, 2])
            // Applied, or a duplicate when a retry finished what an unanswered request had committed.
            #expect(run.uploads.allSatisfy { [.applied, .duplicate].contains($0.receipt.outcome) && $0.receipt.hubKey == hub.hubKey.fingerprint })
            // The store holds each receipt, verifiable again with the hub's key, "received by the hub at" its time.
            let bundles = try laptop.store.outgoingBundles()
            #expect(bundles.count == 2)
            for b in bundles {
                let r = try #require(b.receipt)
                let again = try #require(SignedHubReceipt(receipt: r.receipt, signature: r.signature).verified(hubKey: hub.hubKey.publicKey))
                #expect(again.bundle == b.hash && again.sequence == b.sequence && again.issuedAt == r.issuedAt)
            }
            #expect(try await hub.logged(laptop) == Dictionary(uniqueKeysWithValues: bundles.map { ($0.sequence, $0.hash) }))
            #expect(try laptop.store.hubLink()?.hubFingerprint == hub.hubKey.fingerprint)
            // Nothing new: a second sync uploads nothing and the URL is remembered.
            let second = try await hub.sync(laptop, remembered: true)
            #expect(try second.result.get().uploaded == 0 && second.uploads.isEmpty)
            #expect(try laptop.store.outgoingBundles().count == 2, "no bundle is ever dropped")
        }
    }

    @Test func anUploadCutPartWayResumesAtTheHubsOffsetAndReSendsNothing() async throws {
        try await SyncHub.run { hub in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            #expect(file.count > 4 * HubUnderTest.limits.chunkBytes)
            // The network goes after three chunks: the sync gives up, saying the hub cannot be reached.
            hub.faults.chunksBeforeOutage.withLock { $0 = 3 }
            let cut = try await hub.sync(laptop, attempts: 5)
            guard case .hub(.unreachable)? = cut.failure else { Issue.record("expected unreachable: \(cut.result)"); return }
            #expect(cut.waits.count >= 2 && cut.waits.allSatisfy { $0 >= 1 }, "Retry-After honoured: \(cut.waits)")
            let recorded = try #require(try laptop.store.hubUpload(1))
            #expect(recorded.offset == 3 * HubUnderTest.limits.chunkBytes)
            #expect(try laptop.store.outgoingBundles()[0].receipt == nil)
            // Back: HEAD says what the hub holds; the rest goes, and not one byte twice.
            hub.faults.chunksBeforeOutage.withLock { $0 = nil }
            let resumed = try await hub.sync(laptop)
            #expect(try resumed.result.get().uploaded == 1)
            let upload = try #require(resumed.uploads.first)
            print("sync resume: \(upload.sent) of \(file.count) bytes sent after the cut, \(upload.resent) re-sent")
            #expect(upload.sent == file.count - recorded.offset && upload.resent == 0)
            #expect(hub.faults.seen.withLock { $0 }.contains("HEAD /v1/uploads/\(recorded.uploadID)"))
            #expect(try await hub.logged(laptop)[1] == file.bundleIdentity.hash)
            #expect(try laptop.store.hubUpload(1) == nil)
        }
    }

    @Test func aBundleTheHubHoldsAlreadyGetsADuplicateReceiptWithoutSendingItsBytes() async throws {
        try await SyncHub.run { hub in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            // Sent before by other means (an earlier sync whose answer was lost).
            let id = try #require(try await hub.client.announce(file, as: laptop).1["upload"]?.string)
            try await hub.client.sendChunks(file, upload: id, from: 0, as: laptop)
            #expect(try await hub.client.finish(id, as: laptop).1["outcome"]?.string == "applied")
            let run = try await hub.sync(laptop)
            let upload = try #require(run.uploads.first)
            #expect(upload.receipt.outcome == .duplicate && upload.sent < 200, "only the announcement: \(upload.sent) bytes")
            #expect(try laptop.store.outgoingBundles()[0].receipt?.outcome == .duplicate)
            #expect(try await hub.logged(laptop).count == 1)
        }
    }

    @Test func aReceiptSignedWithAnotherKeyIsRefusedAndNotKept() async throws {
        try await SyncHub.run { hub in
            let laptop = try hub.county.device("调查员1")
            try Self.interview(laptop, no: "0001")
            hub.faults.forgeWith.withLock { $0 = laptop.key }
            let run = try await hub.sync(laptop)
            #expect(run.failure == .hub(.forgedReceipt(sequence: 1)), "\(run.result)")
            #expect(try laptop.store.outgoingBundles().map(\.receipt) == [nil])
            // With the hub's own key again, the bundle (which the hub did commit) gets a receipt that verifies.
            hub.faults.forgeWith.withLock { $0 = nil }
            let again = try await hub.sync(laptop)
            #expect(again.uploads.first?.receipt.outcome == .duplicate, "\(again.result)")
            #expect(try laptop.store.outgoingBundles()[0].receipt != nil)
        }
    }

    @Test func aHubThatLostBundlesGetsExactlyThoseAgainAndTheSyncSaysSo() async throws {
        try await SyncHub.run { hub in
            let laptop = try hub.county.device("调查员1")
            for no in 1...4 {
                try Self.interview(laptop, no: String(format: "%04d", no))
                #expect(try await hub.sync(laptop).summary?.uploaded == 1)
            }
            // Restored from a backup taken before the last two arrived.
            try await hub.store.client.query("DELETE FROM bundle WHERE device_id = \(laptop.id) AND sequence > 2")
            let run = try await hub.sync(laptop)
            #expect(run.lost == [3, 4], "\(run.events)")
            #expect(run.uploads.map(\.sequence) == [3, 4] && run.uploads.allSatisfy { [.applied, .duplicate].contains($0.receipt.outcome) })
            #expect(try await hub.logged(laptop).count == 4)
            #expect(try laptop.store.outgoingBundles().allSatisfy { [.applied, .duplicate].contains($0.receipt?.outcome) })
        }
    }

    @Test func a503IsTriedAgainAfterTheHubsRetryAfterAndTheSyncSucceeds() async throws {
        try await SyncHub.run { hub in
            let laptop = try hub.county.device("调查员1")
            try Self.interview(laptop, no: "0001")
            hub.faults.unavailable.withLock { $0 = 3 }
            let run = try await hub.sync(laptop, attempts: 8)
            let summary = try run.result.get()
            // Three 503s of the test's (a loaded machine may add its own, with Retry-After 5).
            #expect(summary.uploaded == 1 && summary.retries >= 3)
            #expect(run.waits.count == summary.retries && run.waits.allSatisfy { $0 >= 1 }, "\(run.waits)")
            // More 503s than tries: unreachable, nothing lost.
            try Self.interview(laptop, no: "0002")
            hub.faults.unavailable.withLock { $0 = 100 }
            let down = try await hub.sync(laptop, attempts: 3)
            guard case .hub(.unreachable)? = down.failure else { Issue.record("\(down.result)"); return }
            #expect(try laptop.store.outgoingBundles().map { $0.receipt != nil } == [true, false])
        }
    }

    @Test func aHubWithoutTheCountysCertificateIsNotBelieved() async throws {
        try await SyncHub.run { hub in
            // A device of another county (same code, other keys) finds the hub's certificate is not its county's.
            let stranger = try HubTestCounty().device("外人")
            let run = try await hub.sync(stranger)
            guard case .hub(.notCountyHub)? = run.failure else { Issue.record("\(run.result)"); return }
            #expect(try stranger.store.hubLink() == nil, "nothing is remembered of a hub that did not prove itself")
            #expect(try stranger.store.outgoingBundles().allSatisfy { $0.receipt == nil })
        }
    }

    @Test func theInboxIsImportedThroughTheImportChecksAndTheCursorMovesOnlyPastWhatWasImported() async throws {
        try await SyncHub.run { hub in
            let laptop = try hub.county.device("调查员1")
            let supervisor = try hub.county.device("审核员", role: .supervisor, scope: ["622922100"])
            try Self.interview(laptop, no: "0001")
            #expect(try await hub.sync(laptop).summary?.uploaded == 1)
            let file = try #require(try laptop.store.outgoingArchive(1))
            let position = try await hub.position(of: file)
            let taken = try await hub.sync(supervisor)
            #expect(taken.imports.count == 1, "\(taken.result)")
            if case .applied? = taken.imports.first?.1 {} else { Issue.record("\(taken.imports)") }
            #expect(try supervisor.store.households().count == 1)
            #expect(try supervisor.store.hubLink()?.inboxCursor == position)
            // Nothing new: nothing imported again.
            #expect(try await hub.sync(supervisor).imports.isEmpty)

            // The supervisor sends the household back; the laptop gets the decision from its inbox.
            let household = try #require(try supervisor.store.households().first)
            try supervisor.store.sendBack(UUID(uuidString: household.id)!, reason: "户主身份证号请核对", who: "审核员")
            #expect(try await hub.sync(supervisor).summary?.uploaded == 1)
            // A newer revocation list from the hub is installed on the way.
            let (signed, _) = try hub.county.authority.revoke(device: "ffffffff", key: nil, fromSequence: 1, reason: "测试")
            #expect(try await hub.store.install(revocations: signed))
            let back = try await hub.sync(laptop)
            #expect(back.imports.count == 1, "\(back.result)")
            #expect(try laptop.store.household(UUID(uuidString: household.id)!).status == .sentBack)
            #expect(try laptop.store.revocationList()?.number == 1)
        }
    }

    @Test func aBundleTheHubHandsOutUnderAnotherHashIsNotImportedAndTheCursorStays() async throws {
        try await SyncHub.run { hub in
            let laptop = try hub.county.device("调查员1")
            let supervisor = try hub.county.device("审核员", role: .supervisor, scope: ["622922100"])
            try Self.interview(laptop, no: "0001")
            #expect(try await hub.sync(laptop).summary?.uploaded == 1)
            try Self.interview(laptop, no: "0002")
            #expect(try await hub.sync(laptop).summary?.uploaded == 1)
            let one = try #require(try laptop.store.outgoingArchive(1)), two = try #require(try laptop.store.outgoingArchive(2))
            // The inbox lists bundle 1's hash but the hub hands out bundle 2's bytes.
            hub.faults.swappedDownload.withLock { $0 = two }
            let run = try await hub.sync(supervisor)
            #expect(run.failure == .hub(.wrongBundle(hash: one.bundleIdentity.hash)), "\(run.result)")
            #expect(try supervisor.store.households().isEmpty)
            #expect(try supervisor.store.hubLink()?.inboxCursor == 0)
        }
    }

    @Test func aHubUnreachableAfterEveryRetryEndsAsUnreachableWithTheWaitsDoubling() async throws {
        try await SyncHub.run { hub in
            let laptop = try hub.county.device("调查员1")
            let port = try TestPostgres.freePort()
            let run = try await hub.sync(laptop, url: "http://127.0.0.1:\(port)", attempts: 4)
            guard case .hub(.unreachable)? = run.failure else { Issue.record("\(run.result)"); return }
            #expect(run.waits.count == 3)
            // 0.5 s doubling, each drawn between half and all of it.
            for (i, wait) in run.waits.enumerated() {
                let ceiling = 0.5 * pow(2, Double(i))
                #expect(wait >= ceiling / 2 && wait <= ceiling, "wait \(i): \(wait)")
            }
        }
    }
}

/// TLS: the hub's certificate is verified against the authority the county gave (`--tls-ca`), not taken
/// on trust. A TLS server (`openssl s_server`) with a certificate of its own stands in for a hub.
@Suite struct SyncTLSTests {
    /// A self-signed certificate for 127.0.0.1 and its key, in `folder`: the PEM paths.
    static func certificate(_ folder: String, _ name: String) throws -> (certificate: String, key: String) {
        let (cert, key) = (folder + "/\(name).pem", folder + "/\(name).key")
        let made = try Self.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                                     "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                                                     "-addext", "subjectAltName=IP:127.0.0.1"])
        #expect(made == 0)
        return (cert, key)
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    @Test func theHubsCertificateMustChainToTheCountysAuthorityNotJustAnyone() async throws {
        let county = try HubTestCounty()
        let laptop = try county.device("调查员1")
        let (cert, key) = try Self.certificate(county.folder, "hub-tls")
        let (other, _) = try Self.certificate(county.folder, "other-tls")
        let port = try TestPostgres.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        server.arguments = ["s_server", "-accept", String(port), "-cert", cert, "-key", key, "-www", "-quiet"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // s_server does not end on SIGTERM.
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        for _ in 0..<50 {
            if try Self.run("/usr/bin/curl", ["-sk", "-o", "/dev/null", "https://127.0.0.1:\(port)/"]) == 0 { break }
            usleep(100_000)
        }

        func sync(_ authority: String?) -> HubSyncFailure? {
            let pem = authority.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            let sync = HubSync(store: laptop.store, questionnaire: nil, retry: RetryPolicy(attempts: 1))
            do { _ = try sync.run(hub: "https://127.0.0.1:\(port)", tlsCA: pem, enumerator: "李文华"); return nil } catch { return error as? HubSyncFailure }
        }
        // Another authority, or the system's roots: the connection is refused before any request is sent.
        guard case .hub(.tls)? = sync(other) else { Issue.record("another CA: \(String(describing: sync(other)))"); return }
        guard case .hub(.tls)? = sync(nil) else { Issue.record("system roots: \(String(describing: sync(nil)))"); return }
        // The right one: TLS holds, and then the server is seen not to be a hub at all (it answers HTML).
        guard case .hub(.unexpected(status: 200, _))? = sync(cert) else { Issue.record("right CA: \(String(describing: sync(cert)))"); return }
        #expect(try laptop.store.hubLink() == nil, "nothing is remembered of a server that is not the county's hub")
    }
}
