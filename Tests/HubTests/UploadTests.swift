import Crypto
import Foundation
import HTTPTypes
import HubCore
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Store
import ProjectFolders
import TestSupport
import Testing

/// The upload path over real HTTP against a real PostgreSQL: announce, chunks at offsets, HEAD, finish
/// through the checks of `bundle import`, and a receipt signed by the hub that the device can verify.
@Suite(.postgres) struct UploadTests {
    @Test func aBundleSentInChunksIsCommittedAndItsReceiptVerifiesWithTheHubsKey() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            #expect(file.count > 2 * HubUnderTest.limits.chunkBytes, "the bundle travels in several chunks")
            let (announced, answer) = try await client.announce(file, as: laptop)
            #expect(announced.status == .created)
            #expect(answer["offset"]?.int == 0)
            let upload = try #require(answer["upload"]?.string)
            try await client.sendChunks(file, upload: upload, from: 0, as: laptop)
            let (finished, outcome) = try await client.finish(upload, as: laptop)
            #expect(finished.status == .ok)
            #expect(outcome["outcome"]?.string == "applied")

            // The device checks the receipt with the hub's key as the hub publishes it.
            let identity = try await client.send(.get, "/v1/hub", as: nil).json
            let hubKey = try #require(identity["hubKey"]?.string.flatMap { Data(base64Encoded: $0) })
            #expect(hubKey == hub.hubKey.publicKey)
            let signed = SignedHubReceipt(receipt: try #require(outcome["receipt"]?["receipt"]?.string),
                                          signature: try #require(outcome["receipt"]?["signature"]?.string))
            let receipt = try #require(signed.verified(hubKey: hubKey))
            #expect(receipt.bundle == file.bundleIdentity.hash)
            #expect(receipt.device == laptop.id)
            #expect(receipt.sequence == 1)
            #expect(receipt.outcome == .applied)
            #expect(receipt.hubKey == hub.hubKey.fingerprint)
            // Another key, or a receipt altered by one byte, does not verify.
            #expect(signed.verified(hubKey: laptop.key.publicKey) == nil)
            var altered = Data(base64Encoded: signed.receipt)!
            altered[altered.count / 2] ^= 1
            #expect(SignedHubReceipt(receipt: altered.base64EncodedString(), signature: signed.signature).verified(hubKey: hubKey) == nil)

            // Committed: the log holds the exact bytes, the upload is gone, the chain stands at 1.
            #expect(try await hub.archive(receipt.bundle) == file)
            let rows = try await hub.rows()
            #expect(rows["bundle"] == 1 && rows["upload"] == 0 && rows["upload_chunk"] == 0 && rows["receipt"] == 1)
            let status = try await client.send(.get, "/v1/status", as: laptop).json
            #expect(status["contiguous"]?.int == 1)
        }
    }

    @Test func aResumedUploadSendsOnlyTheBytesTheHubDoesNotHold() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            let upload = try #require(try await client.announce(file, as: laptop).1["upload"]?.string)
            let cut = 2 * HubUnderTest.limits.chunkBytes
            let before = try await client.sendChunks(file, upload: upload, from: 0, to: cut, as: laptop)
            // The connection dropped; the device asks what the hub holds.
            let head = try await client.send(.head, "/v1/uploads/\(upload)", as: laptop)
            #expect(head.status == .ok)
            #expect(head.headers[Client.uploadOffset] == String(cut))
            #expect(head.headers[HTTPField.Name("Upload-Length")!] == String(file.count))
            // A device that lost the upload's id announces the bundle again and is told the same upload and offset.
            let (again, answer) = try await client.announce(file, as: laptop)
            #expect(again.status == .ok)
            #expect(answer["upload"]?.string == upload)
            #expect(answer["offset"]?.int == cut)
            let after = try await client.sendChunks(file, upload: upload, from: cut, as: laptop)
            print("resumed upload: \(before) + \(after) bytes sent for a \(file.count)-byte bundle, 0 re-sent")
            #expect(before + after == file.count)
            #expect(try await client.finish(upload, as: laptop).1["outcome"]?.string == "applied")
            #expect(try await hub.archive(file.bundleIdentity.hash) == file)
        }
    }

    @Test func aChunkAtAWrongOffsetIsRefusedWithTheOffsetTheHubHolds() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            let upload = try #require(try await client.announce(file, as: laptop).1["upload"]?.string)
            try await client.sendChunks(file, upload: upload, from: 0, to: 512, as: laptop)
            let before = try await hub.rows()
            for wrong in [0, 100, 1024] {
                var headers: HTTPFields = [:]
                headers[Client.uploadOffset] = String(wrong)
                let response = try await client.send(.patch, "/v1/uploads/\(upload)", body: file.subdata(in: wrong..<(wrong + 100)),
                                                     as: laptop, headers: headers)
                #expect(response.status == .conflict, "offset \(wrong)")
                #expect(response.headers[Client.uploadOffset] == "512")
                #expect(response.json["offset"]?.int == 512)
            }
            #expect(try await hub.rows() == before)
        }
    }

    @Test func anOversizedChunkIsRefusedAndNothingIsStored() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            let upload = try #require(try await client.announce(file, as: laptop).1["upload"]?.string)
            let before = try await hub.rows()
            var headers: HTTPFields = [:]
            headers[Client.uploadOffset] = "0"
            let response = try await client.send(.patch, "/v1/uploads/\(upload)", body: file.prefix(HubUnderTest.limits.chunkBytes + 1),
                                                 as: laptop, headers: headers)
            #expect(response.status == .contentTooLarge)
            #expect(response.json["limit"]?.int == HubUnderTest.limits.chunkBytes)
            // A bundle announced larger than the hub takes is refused before any byte is sent.
            let (announced, _) = try await client.announce(file, as: laptop, length: HubUnderTest.limits.bundleBytes + 1)
            #expect(announced.status == .contentTooLarge)
            #expect(try await hub.rows() == before)
            let head = try await client.send(.head, "/v1/uploads/\(upload)", as: laptop)
            #expect(head.headers[Client.uploadOffset] == "0")
        }
    }

    @Test func bytesThatDifferFromTheAnnouncedHashAreRefusedAndDropped() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            #expect(try await client.send(.get, "/v1/status", as: laptop).status == .ok)
            let before = try await hub.rows()
            let upload = try #require(try await client.announce(file, as: laptop).1["upload"]?.string)
            var damaged = file
            damaged[damaged.count / 2] ^= 0x20
            try await client.sendChunks(damaged, upload: upload, from: 0, as: laptop)
            let (finished, answer) = try await client.finish(upload, as: laptop)
            #expect(finished.status == .unprocessableContent)
            #expect(answer["error"]?.string == "hash-mismatch")
            // Nothing stays: no bundle, no receipt, the upload and its chunks dropped; the whole bundle goes again.
            #expect(try await hub.rows() == before)
            let (again, answer2) = try await client.announce(file, as: laptop)
            #expect(again.status == .created && answer2["offset"]?.int == 0)
        }
    }

    @Test func aBundleThatArrivesBeforeItsPredecessorIsHeldThenAppliedAndAKnownOneIsADuplicate() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let first = try laptop.nextBundle(no: "0001")
            let second = try laptop.nextBundle(no: "0002")
            #expect(second.bundleIdentity.sequence == 2)
            func upload(_ file: Data) async throws -> [String: JSONValue] {
                let id = try #require(try await client.announce(file, as: laptop).1["upload"]?.string)
                try await client.sendChunks(file, upload: id, from: 0, as: laptop)
                return try await client.finish(id, as: laptop).1
            }
            #expect(try await upload(second)["outcome"]?.string == "held")
            var status = try await client.send(.get, "/v1/status", as: laptop).json
            #expect(status["contiguous"]?.int == 0)
            #expect(status["held"] == .array([.number(2)]))
            #expect(try await upload(first)["outcome"]?.string == "applied")
            status = try await client.send(.get, "/v1/status", as: laptop).json
            #expect(status["contiguous"]?.int == 2)
            #expect(status["held"] == .array([]))
            // Announcing a bundle the hub holds answers with a duplicate receipt and no upload.
            let (again, answer) = try await client.announce(first, as: laptop)
            #expect(again.status == .ok)
            #expect(answer["outcome"]?.string == "duplicate")
            #expect(answer["upload"] == nil)
            let signed = SignedHubReceipt(receipt: try #require(answer["receipt"]?["receipt"]?.string),
                                          signature: try #require(answer["receipt"]?["signature"]?.string))
            #expect(signed.verified(hubKey: hub.hubKey.publicKey)?.outcome == .duplicate)
            #expect(try await hub.rows()["bundle"] == 2)
        }
    }

    @Test func anotherDevicesBundleIsRejectedWithASignedReceiptAndNotLogged() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let other = try hub.county.device("调查员2")
            let file = try laptop.nextBundle(no: "0001")
            let id = try #require(try await client.announce(file, as: other).1["upload"]?.string)
            try await client.sendChunks(file, upload: id, from: 0, as: other)
            let (finished, answer) = try await client.finish(id, as: other)
            #expect(finished.status == .ok)
            #expect(answer["outcome"]?.string == "rejected")
            let signed = SignedHubReceipt(receipt: try #require(answer["receipt"]?["receipt"]?.string),
                                          signature: try #require(answer["receipt"]?["signature"]?.string))
            let receipt = try #require(signed.verified(hubKey: hub.hubKey.publicKey))
            #expect(receipt.outcome == .rejected)
            #expect(receipt.reason?.contains(laptop.id) == true)
            let rows = try await hub.rows()
            #expect(rows["bundle"] == 0 && rows["upload"] == 0 && rows["upload_chunk"] == 0)
        }
    }
}

/// What `bundle import` refuses, the hub refuses at finish with a signed "rejected" receipt, keeping nothing
/// (on the suite's cluster: one per suite).
extension UploadTests {
    @Test func aBundleForAnotherSchemaOrWithADamagedPayloadIsRejectedWithItsReason() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            _ = try laptop.nextBundle(no: "0001")
            // Correctly signed with the laptop's enrolled key, carrying its certificate: only what they declare is wrong.
            let forge = BundleForge(signer: laptop.store, receiver: laptop.store, questionnaire: Project.questionnaire)
            let changes = try forge.changeset("UPDATE household SET householdNo = '0009'")
            let cases: [(Data, String)] = [
                (try forge.bundle(changes) { $0.certificate = laptop.signedCertificate; $0.schema = String(repeating: "ab", count: 16) },
                 BundleRejection.schemaMismatch(theirs: String(repeating: "ab", count: 16), ours: EnrolledBundleCheck.currentSchema).message(.en)),
                (try forge.bundle(changes) { $0.certificate = laptop.signedCertificate; $0.payload.sha256 = String(repeating: "0", count: 64) },
                 BundleRejection.payloadDamaged.message(.en)),
            ]
            for (file, reason) in cases {
                let id = try #require(try await client.announce(file, as: laptop).1["upload"]?.string)
                try await client.sendChunks(file, upload: id, from: 0, as: laptop)
                let answer = try await client.finish(id, as: laptop).1
                #expect(answer["outcome"]?.string == "rejected")
                #expect(answer["reason"]?.string == reason)
                let signed = SignedHubReceipt(receipt: try #require(answer["receipt"]?["receipt"]?.string),
                                              signature: try #require(answer["receipt"]?["signature"]?.string))
                #expect(signed.verified(hubKey: hub.hubKey.publicKey)?.reason == reason)
            }
            let rows = try await hub.rows()
            #expect(rows["bundle"] == 0 && rows["upload"] == 0 && rows["upload_chunk"] == 0 && rows["receipt"] == 2)
        }
    }
}

extension UploadTests {
    @Test func fourBundlesOfOneDeviceUploadedAtOnceEndInTheLogOnceEachAndInOrder() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            var files: [Data] = []
            // As many as one device may have open (HubUnderTest.limits.openUploadsPerDevice).
            for no in 1...4 { files.append(try laptop.nextBundle(no: String(format: "%04d", no))) }
            // Each its own upload, all at once, finishing in whatever order they happen to: the per-device
            // lock keeps the chain's end still under each check, and the held ones are released as it grows.
            let outcomes = try await withThrowingTaskGroup(of: String?.self) { group in
                for file in files.shuffled() {
                    group.addTask {
                        let (announced, answer) = try await client.announce(file, as: laptop)
                        let id = try #require(answer["upload"]?.string, "\(announced.status) \(String(buffer: announced.body))")
                        try await client.sendChunks(file, upload: id, from: 0, as: laptop)
                        return try await client.finish(id, as: laptop).1["outcome"]?.string
                    }
                }
                var all: [String?] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.allSatisfy { $0 == "applied" || $0 == "held" }, "\(outcomes)")
            let status = try await client.send(.get, "/v1/status", as: laptop).json
            #expect(status["contiguous"]?.int == 4)
            #expect(status["held"] == .array([]))
            for file in files { #expect(try await hub.archive(file.bundleIdentity.hash) == file) }
            let rows = try await hub.rows()
            #expect(rows["bundle"] == 4 && rows["upload"] == 0 && rows["receipt"] == 4)
        }
    }
}

extension UploadTests {
    @Test func aDeviceMayHaveOnlySoManyUploadsOpenAtOnce() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            func announce(_ n: Int) async throws -> TestResponse {
                let hash = String(repeating: String(format: "%02x", n), count: 32)
                let body = try JSONSerialization.data(withJSONObject: ["bundle": hash, "sha256": hash, "length": 100])
                return try await client.send(.post, "/v1/uploads", body: body, as: laptop)
            }
            for n in 1...HubUnderTest.limits.openUploadsPerDevice { #expect(try await announce(n).status == .created) }
            let before = try await hub.rows()
            let refused = try await announce(99)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.json["limit"]?.int == HubUnderTest.limits.openUploadsPerDevice)
            #expect(try await hub.rows() == before)
            // Another device is not held back by this one's uploads.
            let other = try hub.county.device("调查员2")
            let hash = String(repeating: "ee", count: 32)
            let body = try JSONSerialization.data(withJSONObject: ["bundle": hash, "sha256": hash, "length": 100])
            #expect(try await client.send(.post, "/v1/uploads", body: body, as: other).status == .created)
        }
    }
}
