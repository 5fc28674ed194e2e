import Foundation
import HubTestSupport
import Store
import Testing

extension HubFaultTests {
    /// A hub restored from last night's backup has forgotten what came after it; the devices still hold
    /// those bundles and their receipts, so the next sync sees the hub's chain end short of its receipts and
    /// sends exactly the missing ones again.
    @Test func restoredFromADumpTakenBeforeTheLastThreeBundlesTheNextSyncResendsExactlyThose() async throws {
        try await HubUnderFaults.run(limits: ["chunkBytes: 4096"]) { rig in
            // The first laptop sends 5 bundles before the backup and 3 after it; the second, all 5 before.
            let laptops = try rig.laptops(2, bundles: 8, households: 2).enumerated().map { n, laptop in
                (device: laptop.device, bundles: n == 0 ? laptop.bundles : Array(laptop.bundles.prefix(5)))
            }
            var ledgers = Array(repeating: ReceiptLedger(), count: laptops.count)
            for (n, laptop) in laptops.enumerated() {
                #expect(try await ledgers[n].sync(Array(laptop.bundles.prefix(5)), with: rig.client(laptop.device)).uploaded == [1, 2, 3, 4, 5])
            }
            let dump = rig.county.folder + "/hub-backup.sql"
            try rig.cluster.dump(database: rig.database, to: dump)
            #expect(try await ledgers[0].sync(laptops[0].bundles, with: rig.client(laptops[0].device)).uploaded == [6, 7, 8])
            #expect(try rig.loggedBundles().count == 13)

            rig.hub.stop()
            try rig.cluster.restore(database: rig.database, from: dump)
            try await rig.hub.start(http: rig.http)
            #expect(try rig.loggedBundles().count == 10)

            var resent: [[Int]] = []
            for (n, laptop) in laptops.enumerated() {
                let report = try await ledgers[n].sync(laptop.bundles, with: rig.client(laptop.device))
                print("laptop \(n + 1) after the restore: re-sent \(report.resent)")
                #expect(report.uploaded == report.resent)
                #expect(report.results.allSatisfy { $0.receipt.outcome == .applied })
                #expect(try await rig.client(laptop.device).status().contiguous == laptop.bundles.count)
                resent.append(report.resent)
            }
            #expect(resent == [[6, 7, 8], []])
            #expect(try rig.loggedBundles() == laptops.flatMap(\.bundles).compactMap { $0.announcedBundle?.hash }.sorted())
            #expect(try rig.unverifiableReceipts().isEmpty)
            // A sync with nothing missing sends nothing.
            for (n, laptop) in laptops.enumerated() {
                #expect(try await ledgers[n].sync(laptop.bundles, with: rig.client(laptop.device)).uploaded.isEmpty)
            }
        }
    }
}
