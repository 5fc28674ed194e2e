import Foundation
import HubTestSupport
import ProjectFolders
import SampleData
import Store
import Testing

extension HubFaultTests {
    /// SIGKILL while the hub applies a bundle to the county tables (after the upload logged it): PostgreSQL holds
    /// the bundle in them whole or not at all, and once the hub is back it applies it once; the device's retry of
    /// an upload the kill cut off is a duplicate or applied, never twice.
    @Test
    func killedWhileApplyingTenBundlesTheCountyTablesHoldEachWholeOrNotAtAllAndTheRetryAppliesItOnce() async throws {
        try await HubUnderFaults.run(limits: ["chunkBytes: 1048576"]) { rig in
            let seed = SeededRandom.seed()
            print("hub kills while applying: seed \(seed) (HUFANG_FAULT_SEED=\(seed) replays the moments)")
            var random = SeededRandom(seed: seed)
            let laptop = try rig.laptops(1, bundles: 12, households: 40)[0]
            let observer = try HouseholdStore(path: try rig.county.enrol("观察者").storePath)
            let client = rig.client(laptop.device)

            // Two bundles unharmed: how long the second one's apply takes here, from the applier's first lock on a
            // county table to the cursor past it (the bundles are alike: 40 new households each; the first one's
            // apply also makes the county's partitions, and takes longer).
            var applySeconds = 0.0
            for n in 0..<2 {
                #expect(try await client.upload(laptop.bundles[n]).receipt.outcome == .applied)
                applySeconds = try await applyWindow(rig, through: n + 1)
                _ = try observer.importBundle(laptop.bundles[n], fileName: "\(n).hfb", questionnaire: nil)
            }
            print(String(format: "an apply takes %.0f ms here", applySeconds * 1000))
            try expectCountyTables(rig, hold: Array(laptop.bundles.prefix(2)))

            var midApply = 0
            for (n, file) in laptop.bundles.enumerated().dropFirst(2) {
                let upload = Task { try await client.upload(file) }
                // The apply has begun once the applier holds a lock on a county table; then a random moment into it.
                let deadline = Date().addingTimeInterval(60)
                while try !applying(rig), try appliedThrough(rig) < n + 1, Date() < deadline { try await Task.sleep(for: .milliseconds(2)) }
                let moment = Double.random(in: 0...(applySeconds * 0.75), using: &random)
                try await Task.sleep(for: .milliseconds(Int(moment * 1000)))
                rig.hub.kill()
                let through = try appliedThrough(rig)
                if through < n + 1 { midApply += 1 }
                print("bundle \(n + 1): killed \(Int(moment * 1000)) ms into its apply, " + (through < n + 1 ? "before" : "after") + " its commit")
                // Whole or not at all: the county tables hold exactly the bundles up to their cursor.
                try expectCountyTables(rig, hold: Array(laptop.bundles.prefix(through)))
                try await rig.hub.start(http: rig.http)
                let result = try await upload.value
                #expect(result.receipt.outcome == .applied || result.receipt.outcome == .duplicate)
                _ = try observer.importBundle(file, fileName: "\(n).hfb", questionnaire: nil)
                // Back, the hub applied it once: every row of every bundle so far, none twice. An apply redone from its
                // start is timed too: the next kill's moment falls within the shortest apply seen, so that a machine
                // busy with other tests (the rest of the suite runs beside this one) still kills inside the apply.
                let window = try await applyWindow(rig, through: n + 1)
                if through < n + 1, window > 0.05 { applySeconds = min(applySeconds, window) }
                try expectCountyTables(rig, hold: Array(laptop.bundles.prefix(n + 1)))
            }
            print("killed \(midApply) of 10 times before the apply's commit, \(10 - midApply) times after it")
            #expect(midApply >= 8, "the kills land inside the apply")
            #expect(try rig.loggedBundles().count == laptop.bundles.count)
            // And what the county tables hold is what a laptop holds after the same bundles.
            let county = try rig.cluster.query(database: rig.database, "SELECT count(*) FROM county_household")
            #expect(Int(county.trimmingCharacters(in: .whitespacesAndNewlines)) == (try observer.exportJSON()).households.count)
        }
    }

    /// How many bundles of the log the county tables have taken: one laptop's, in its chain's order, so its first ones.
    private func appliedThrough(_ rig: HubUnderFaults) throws -> Int {
        Int(try rig.cluster.query(database: rig.database, """
            SELECT count(*) FROM bundle WHERE state = 'applied' AND log_position <= (SELECT log_position FROM county_applied)
            """).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Waits until the county tables have taken `position`: the seconds from the applier's first lock on a county
    /// table (or from when it was seen, when later) to then — the window a kill must fall in.
    private func applyWindow(_ rig: HubUnderFaults, through position: Int) async throws -> Double {
        let deadline = Date().addingTimeInterval(60)
        while try !applying(rig), try appliedThrough(rig) < position, Date() < deadline { try await Task.sleep(for: .milliseconds(2)) }
        let started = Date()
        while try appliedThrough(rig) < position, Date() < deadline { try await Task.sleep(for: .milliseconds(2)) }
        #expect(try appliedThrough(rig) >= position, "the county tables did not take bundle \(position) within a minute")
        return Date().timeIntervalSince(started)
    }

    /// Whether a hub transaction holds a lock on a county table (an apply in progress).
    private func applying(_ rig: HubUnderFaults) throws -> Bool {
        let n = try rig.cluster.query(database: rig.database, """
            SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname LIKE 'county\\_%' AND l.pid <> pg_backend_pid()
            """)
        return (Int(n.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0
    }

    /// Requires the county tables to hold exactly the rows `bundles` insert (each a batch of new households).
    private func expectCountyTables(_ rig: HubUnderFaults, hold bundles: [Data], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var expected: [String: Int] = [:]
        for file in bundles {
            let manifest = try #require(EnrolledBundleCheck.manifest(of: file))
            for (table, count) in manifest.counts { expected[table, default: 0] += count.insert }
        }
        let tables = ["household": "county_household", "rosterRow": "county_roster_row", "answer": "county_answer", "audit": "county_audit",
                      "override": "county_override"]
        let sql = "SELECT " + tables.sorted(by: { $0.key < $1.key }).map { "(SELECT count(*) FROM \($0.value))" }.joined(separator: " || ' ' || ")
        let counts = try rig.cluster.query(database: rig.database, sql).split(separator: " ").map {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
        let want = tables.keys.sorted().map { expected[$0] ?? 0 }
        #expect(counts == want, "county tables \(tables.keys.sorted()) hold \(counts), the logged bundles \(want)", sourceLocation: sourceLocation)
    }
}
