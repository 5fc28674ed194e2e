import Foundation
import HubTestSupport
import Store
import Testing

extension HubFaultTests {
    /// Unlike a whole submission sent again after every failure, a cut upload asks the hub how much it
    /// holds and goes on from there: at most the chunk that was on the wire travels twice.
    @Test func connectionCutAtTwentyPositionsTheResumedUploadResendsAtMostOneChunk() async throws {
        let chunk = 1024
        try await HubUnderFaults.run(limits: ["chunkBytes: \(chunk)"]) { rig in
            let proxy = try CuttingProxy(to: rig.hub.port)
            defer { proxy.stop() }
            let seed = SeededRandom.seed()
            var random = SeededRandom(seed: seed)
            let (device, bundles) = try rig.laptops(1, bundles: 20, households: 2)[0]
            let client = rig.client(device, base: "http://127.0.0.1:\(proxy.port)")
            print("connection cuts: seed \(seed), chunks of \(chunk) bytes")
            var resent = 0
            for (n, file) in bundles.enumerated() {
                // Within the first `file.count` bytes of the requests: always before the upload's end.
                let position = Int.random(in: 1...file.count, using: &random)
                proxy.cut(after: position)
                let result = try await client.upload(file)
                #expect(!proxy.isArmed, "bundle \(n + 1): the cut after \(position) bytes never came")
                print("bundle \(n + 1) (\(file.count) bytes): cut after \(position) bytes, \(result.bytesResent) bytes re-sent")
                #expect(result.bytesResent <= chunk, "bundle \(n + 1): \(result.bytesResent) bytes re-sent")
                #expect(result.receipt.outcome == .applied)
                resent += result.bytesResent
            }
            print("20 cuts: \(resent) bytes re-sent in all, of \(bundles.map(\.count).reduce(0, +))")
            #expect(proxy.cuts == 20)
            #expect(try rig.loggedBundles() == bundles.compactMap { $0.announcedBundle?.hash }.sorted())
            #expect(try rig.unverifiableReceipts().isEmpty)
        }
    }
}
