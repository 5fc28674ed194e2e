import Foundation
import HubTestSupport
import Store
import Testing

extension HubFaultTests {
    /// SIGKILL leaves no time to finish a request or flush anything: what the hub answered before must be
    /// in PostgreSQL, and what it never answered must be sent again by the device without a bundle twice.
    @Test func killedAtTwentyMomentsDuringTenUploadsTheHubEndsWithEveryBundleOnceAndEveryReceiptVerifying() async throws {
        try await HubUnderFaults.run(limits: ["chunkBytes: 1024"]) { rig in
            let seed = SeededRandom.seed()
            print("hub kills: seed \(seed) (HUFANG_FAULT_SEED=\(seed) replays the moments)")
            var random = SeededRandom(seed: seed)
            let laptops = try rig.laptops(10, bundles: 6, households: 3)
            let total = laptops.reduce(0) { $0 + $1.bundles.count }
            let progress = UploadProgress()
            let uploads = Task {
                try await withThrowingTaskGroup(of: [UploadResult].self) { group in
                    for (device, bundles) in laptops {
                        let client = rig.client(device)
                        group.addTask {
                            var results: [UploadResult] = []
                            for file in bundles {
                                results.append(try await client.upload(file))
                                progress.acknowledge()
                            }
                            return results
                        }
                    }
                    var all: [UploadResult] = []
                    for try await results in group { all += results }
                    return all
                }
            }
            var moments: [Int] = []
            while moments.count < 20, progress.count < total {
                let moment = Int.random(in: 20...250, using: &random)
                try await Task.sleep(for: .milliseconds(moment))
                guard progress.count < total else { break }
                rig.hub.kill()
                moments.append(moment)
                try await rig.hub.start(http: rig.http)
            }
            print("hub killed \(moments.count) times, each that many ms after it answered again: \(moments)")
            let results = try await uploads.value
            #expect(moments.count == 20, "the uploads ended after \(moments.count) kills")

            let expected = laptops.flatMap(\.bundles).compactMap { $0.announcedBundle?.hash }.sorted()
            #expect(results.count == expected.count)
            #expect(results.allSatisfy { $0.receipt.outcome == .applied || $0.receipt.outcome == .duplicate })
            #expect(try rig.loggedBundles() == expected)
            #expect(try rig.unverifiableReceipts().isEmpty)
            for (device, bundles) in laptops {
                #expect(try await rig.client(device).status().contiguous == bundles.count)
            }
        }
    }
}
