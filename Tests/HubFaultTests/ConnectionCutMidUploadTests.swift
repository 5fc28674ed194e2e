import Foundation
import HubTestSupport
import Store
import Testing

extension HubFaultTests {
    /// Unlike a whole submission sent again after every failure, a cut upload asks the hub how much it
    /// holds and goes on from there: at most the chunk that was on the wire travels twice. Each of 20
    /// bundles goes up with the laptop's own `hufang sync` through a proxy that cuts the connection once,
    /// somewhere in that bundle's upload (counted from its announcement).
    @Test func connectionCutAtTwentyPositionsTheResumedUploadResendsAtMostOneChunk() async throws {
        let chunk = 1024
        try await HubUnderFaults.run(limits: ["chunkBytes: \(chunk)"]) { rig in
            let proxy = try CuttingProxy(to: rig.hub.port)
            defer { proxy.stop() }
            let seed = SeededRandom.seed()
            var random = SeededRandom(seed: seed)
            let laptop = try rig.enrolled(1)[0]
            let households = rig.households(ofLaptop: 0, 40)
            print("connection cuts: seed \(seed) (HUFANG_FAULT_SEED=\(seed) replays the positions), chunks of \(chunk) bytes")
            var resent = 0, sent = 0
            for n in 0..<20 {
                let file = try #require(laptop.writeBundles(Array(households[(2 * n)..<(2 * n + 2)]), perBundle: 2).first)
                // Within the first `file.count` bytes of the upload's requests: always before its end.
                let position = Int.random(in: 1...file.count, using: &random)
                proxy.cut(after: position, countingFrom: "POST /v1/uploads ")
                let result = try await LaptopSync.run(laptop, hub: "http://127.0.0.1:\(proxy.port)")
                #expect(result.status == 0, "bundle \(n + 1): \(result)")
                #expect(!proxy.isArmed, "bundle \(n + 1): the cut after \(position) bytes never came")
                let line = result.uploadLines.first ?? "no upload line"
                let again = try #require(result.resentPerBundle.first, "bundle \(n + 1): \(result)")
                print("bundle \(n + 1) (\(file.count) bytes): cut after \(position) bytes, \(again) bytes re-sent — \(line)")
                #expect(result.uploadLines.count == 1 && (line.contains("received applied") || line.contains("received duplicate")), "\(result)")
                #expect(again <= chunk, "bundle \(n + 1): \(again) bytes re-sent")
                resent += again
                sent += file.count
            }
            print("20 cuts: \(resent) bytes re-sent in all, of \(sent)")
            #expect(proxy.cuts == 20)
            try await rig.expectEveryLaptopSyncs([laptop], uploaded: 0)
            try rig.expectEveryBundleOnceAndReceipted([laptop])
        }
    }
}
