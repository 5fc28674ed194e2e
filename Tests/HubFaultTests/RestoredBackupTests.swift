import Foundation
import HubTestSupport
import Store
import Testing

extension HubFaultTests {
    /// A hub restored from last night's backup has forgotten what came after it; the laptops still hold
    /// those bundles and their receipts, so their next `hufang sync` sees the hub's chain end short of its
    /// receipts, says so, and sends exactly the missing ones again.
    @Test func restoredFromADumpTakenBeforeTheLastThreeBundlesTheNextSyncResendsExactlyThose() async throws {
        try await HubUnderFaults.run(limits: ["chunkBytes: 4096"]) { rig in
            // The first laptop sends 5 bundles before the backup and 3 after it; the second, 5 before.
            let laptops = try rig.enrolled(2)
            let households = rig.households(ofLaptop: 0, 16)
            _ = try laptops[0].writeBundles(Array(households.prefix(10)), perBundle: 2)
            _ = try laptops[1].writeBundles(rig.households(ofLaptop: 1, 10), perBundle: 2)
            try await rig.expectEveryLaptopSyncs(laptops, uploaded: 5)
            let dump = rig.county.folder + "/hub-backup.sql"
            try rig.cluster.dump(database: rig.database, to: dump)
            _ = try laptops[0].writeBundles(Array(households.suffix(6)), perBundle: 2)
            try await rig.expectEveryLaptopSyncs([laptops[0]], uploaded: 3)
            #expect(try rig.loggedBundles().count == 13)
            let first = try HouseholdStore(path: laptops[0].storePath, readOnly: true).outgoingBundles()
            let receiptsBefore = first.compactMap(\.receipt)

            rig.hub.stop()
            try rig.cluster.restore(database: rig.database, from: dump)
            try await rig.hub.start(http: rig.http)
            #expect(try rig.loggedBundles().count == 10)

            let after = try await rig.expectEveryLaptopSyncs(laptops)
            for (n, result) in after.enumerated() {
                print("laptop \(n + 1) after the restore:\n\(result.out)")
            }
            // The first laptop says the hub lost 6, 7 and 8, and uploads exactly those; the second, nothing.
            #expect(after[0].out.contains("the hub lacks 3 bundles it had acknowledged (sequence 6,7,8;"), "\(after[0])")
            #expect(after[0].uploadLines.map { $0.split(separator: " ")[1] } == first.suffix(3).map { Substring($0.fileName) }, "\(after[0])")
            #expect(after[0].uploadLines.allSatisfy { $0.contains("received applied") }, "\(after[0])")
            #expect(after[0].uploaded == 3)
            #expect(!after[1].out.contains("the hub lacks") && after[1].uploaded == 0, "\(after[1])")
            // Its store holds new receipts for those three, and the first five as they were.
            let receiptsAfter = try HouseholdStore(path: laptops[0].storePath, readOnly: true).outgoingBundles().compactMap(\.receipt)
            #expect(Array(receiptsAfter.prefix(5)) == Array(receiptsBefore.prefix(5)))
            #expect(zip(receiptsAfter.suffix(3), receiptsBefore.suffix(3)).allSatisfy { $0.issuedAt > $1.issuedAt })
            try rig.expectEveryBundleOnceAndReceipted(laptops)
            // A sync with nothing missing sends nothing.
            try await rig.expectEveryLaptopSyncs(laptops, uploaded: 0)
        }
    }
}
