import Crypto
import Foundation
import HubCore
import HubHarness
import Logging
import PostgresNIO
import SampleData
import Store
import Survey

/// `HubBenchmark apply [screens-dir] [sizes…]`: sample-village households (about 317 changes each) stored in a
/// laptop's store and exported as bundles of 500, then taken by the hub's real path (announce, one chunk,
/// finish: the checks, the log and the apply to the county tables, one transaction per bundle) into a fresh
/// database per size; beside it, a plain `COPY` of the very rows the apply wrote into the same, emptied tables.
/// Prints changes/s of both, the apply's share of COPY's rate and the cost per household, and at each size the
/// county dashboard's query time. Targets (issue 17): apply ≥ 50% of COPY; cost per household flat within ±20%.
enum ApplyBenchmark {
    static let perBundle = 500

    static func run(screens: String, sizes: [Int]) async throws {
        let questionnaire = try DefinitionLoader.load(directory: URL(fileURLWithPath: screens))
        let cluster = try TestPostgres.start()
        let county = try SimulatedCounty()
        defer {
            cluster.stop()
            try? FileManager.default.removeItem(atPath: county.folder)
        }
        var logger = Logger(label: "apply-benchmark")
        logger.logLevel = .warning
        print("apply benchmark: PostgreSQL on port \(cluster.port) (fsync on), bundles of \(perBundle) households")
        print("   households   changes   apply s   changes/s    COPY s   changes/s   apply/COPY   µs/household   dashboard")
        var costs: [Double] = []
        var shares: [Double] = []
        for size in sizes {
            let device = try county.enrol("调查员-\(size)")
            var files: [Data] = []
            var made = 0
            while made < size {
                let n = min(perBundle, size - made)
                let households = SampleVillage.generate(questionnaire: questionnaire, seed: UInt64(size * 10 + made), households: n)
                files += try device.writeBundles(households, perBundle: n)
                made += n
            }
            let database = try cluster.createDatabase()
            let client = cluster.client(database: database)
            let running = Task { await client.run() }
            defer { running.cancel() }
            try await HubMigrations.migrate(client, logger: logger)
            let store = HubStore(client: client, county: county.authority.identity, hubKey: try county.hubKey(),
                                 limits: HubLimits(chunkBytes: 256 << 20, bundleBytes: 256 << 20, openUploadsPerDevice: 4, requestSeconds: 600),
                                 logger: logger)
            let known = try store.check(certificate: device.identity.certificate, for: device.identity.id)
            try await store.keep(known, signed: device.identity.certificate)
            var changes = 0
            let start = Date()
            for file in files {
                guard let (hash, _) = file.announcedBundle else { throw HubClientFailure("not a bundle") }
                let sha256 = SHA256.hash(data: file).map { String(format: "%02x", $0) }.joined()
                guard case .upload(let upload) = try await store.announce(device: device.identity.id, bundle: hash, sha256: sha256, length: file.count)
                else { throw HubClientFailure("announced twice") }
                _ = try await store.append(file, at: 0, to: upload.id, device: device.identity.id)
                let (receipt, _) = try await store.finish(upload.id, device: device.identity.id)
                guard receipt.outcome == .applied else { throw HubClientFailure("bundle \(receipt.sequence): \(receipt.outcome) \(receipt.reason ?? "")") }
                changes += EnrolledBundleCheck.manifest(of: file)?.changes ?? 0
            }
            let applySeconds = Date().timeIntervalSince(start)

            // The dashboard's figures: households by village and status.
            let dashboardStart = Date()
            _ = try cluster.query(database: database, "SELECT village_code, status, count(*) FROM county_household WHERE county = '622922' GROUP BY 1, 2")
            let dashboard = Date().timeIntervalSince(dashboardStart)

            // The same rows by COPY into the same tables, emptied.
            let tables = ["county_household", "county_roster_row", "county_answer", "county_audit", "county_override"]
            let folder = cluster.folder + "/copy-\(size)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for t in tables { _ = try cluster.query(database: database, "COPY \(t) TO '\(folder)/\(t).copy'") }
            var rows = 0
            for t in tables { rows += Int(try cluster.query(database: database, "SELECT count(*) FROM \(t)").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
            _ = try cluster.query(database: database, "TRUNCATE " + tables.joined(separator: ", "))
            let copyStart = Date()
            _ = try cluster.query(database: database, "BEGIN; " + tables.map { "COPY \($0) FROM '\(folder)/\($0).copy';" }.joined(separator: " ") + " COMMIT;")
            let copySeconds = Date().timeIntervalSince(copyStart)
            try? FileManager.default.removeItem(atPath: folder)

            let applyRate = Double(changes) / applySeconds, copyRate = Double(rows) / copySeconds
            let cost = applySeconds / Double(size) * 1e6
            costs.append(cost)
            shares.append(applyRate / copyRate)
            print(String(format: "   %10d  %8d  %8.2f  %10.0f  %8.2f  %10.0f  %10.0f%%  %13.1f  %7.1f ms", size, changes, applySeconds, applyRate,
                         copySeconds, copyRate, 100 * applyRate / copyRate, cost, dashboard * 1000))
        }
        if let low = costs.min(), let high = costs.max(), let first = costs.first {
            print(String(format: "cost per household from %.1f to %.1f µs (%.0f%%…%+.0f%% of the smallest size's); apply at %.0f%%–%.0f%% of COPY",
                         low, high, 100 * (low / first - 1), 100 * (high / first - 1), 100 * (shares.min() ?? 0), 100 * (shares.max() ?? 0)))
            let flat = high / first <= 1.2 && low / first >= 0.8
            print("targets: apply ≥ 50% of COPY " + ((shares.min() ?? 0) >= 0.5 ? "met" : "NOT met") + "; cost per household flat within ±20% "
                  + (flat ? "met" : "NOT met"))
        }
    }
}
