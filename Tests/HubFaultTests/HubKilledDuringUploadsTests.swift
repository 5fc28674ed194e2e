import Foundation
import HubTestSupport
import Store
import Testing

extension HubFaultTests {
    /// SIGKILL leaves no time to finish a request or flush anything: what the hub answered before must be
    /// in PostgreSQL, and what it never answered must be sent again by the laptop without a bundle twice.
    /// The uploads are ten laptops' own `hufang sync` processes; one that gives up while the hub is down
    /// (exit 75) is run again, as its user would.
    @Test func killedAtTwentyMomentsDuringTenUploadsTheHubEndsWithEveryBundleOnceAndEveryReceiptVerifying() async throws {
        try await HubUnderFaults.run(limits: ["chunkBytes: 1024"]) { rig in
            let seed = SeededRandom.seed()
            print("hub kills: seed \(seed) (HUFANG_FAULT_SEED=\(seed) replays the moments)")
            var random = SeededRandom(seed: seed)
            let laptops = try rig.laptops(10, bundles: 6, households: 3).map { $0.device }
            var syncs = try laptops.map { try LaptopSync.start($0, hub: rig.hub.url) }
            var done = Array(repeating: false, count: laptops.count)
            var endings: [Int32: Int] = [:]
            var retries = 0
            /// Notes the syncs that ended: done when they exited 0, started again otherwise.
            func reap() throws {
                for n in syncs.indices where !done[n] && !syncs[n].isRunning {
                    let result = syncs[n].result
                    endings[result.status, default: 0] += 1
                    retries += result.retries ?? 0
                    #expect(result.status == 0 || result.status == 75, "laptop \(n + 1) during the kills: \(result)")
                    if result.status == 0 { done[n] = true } else { syncs[n] = try LaptopSync.start(laptops[n], hub: rig.hub.url) }
                }
            }
            var moments: [Int] = []
            while moments.count < 20 {
                let moment = Int.random(in: 20...250, using: &random)
                try await Task.sleep(for: .milliseconds(moment))
                try reap()
                guard done.contains(false) else { break }
                rig.hub.kill()
                moments.append(moment)
                try await rig.hub.start(http: rig.http)
            }
            print("hub killed \(moments.count) times, each that many ms after it answered again: \(moments)")
            while done.contains(false) {
                try await Task.sleep(for: .milliseconds(20))
                try reap()
            }
            print("hufang sync runs during the kills, by exit status: \(endings.sorted { $0.key < $1.key }); \(retries) requests tried again")
            #expect(moments.count == 20, "the uploads ended after \(moments.count) kills")

            // Afterwards every laptop's sync succeeds with nothing left to send.
            try await rig.expectEveryLaptopSyncs(laptops, uploaded: 0)
            try rig.expectEveryBundleOnceAndReceipted(laptops)
            for laptop in laptops {
                #expect(try await rig.client(laptop).status().contiguous == 6)
            }
        }
    }
}
