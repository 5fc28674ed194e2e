import Crypto
import Foundation
import HubCore
import HubHarness
import Logging
import PostgresNIO
import SampleData
import Store
import Survey
import Synchronization

/// `HubBenchmark apply [screens-dir] [hufang-hub] [sizes…]`: a county of sample-shaped households (about 317
/// changes each) taken by the hub's real path (announce, one chunk, finish: the checks and the log; then the
/// applier's transaction per bundle of 500 into the county tables) into a fresh database per size; beside it, a plain
/// `COPY` of the very rows the apply wrote into the same, emptied tables. Prints changes/s of both, the apply's
/// share of COPY's rate, the cost per household and the county dashboard's query time at each size; at the
/// largest size, `hufang-hub export csv` of the whole county with its time and peak memory.
/// Targets (issue 17): apply ≥ 50% of COPY; cost per household flat within ±20%; at 100,000 households the
/// dashboard ≤ 1 s and the CSV export ≤ 60 s with the hub's RSS ≤ 500 MB.
enum ApplyBenchmark {
    static let perBundle = 500
    /// Households per simulated laptop: a size is its first size/perDevice laptops, each chain whole.
    static let perDevice = 5_000
    /// Interviewed households the county's are copied from (the sample village's mix of types and sizes).
    static let templates = 500

    static func run(screens: String, binary: String, sizes: [Int]) async throws {
        let questionnaire = try DefinitionLoader.load(directory: URL(fileURLWithPath: screens))
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw HubClientFailure("no hub binary at \(binary)") }
        guard sizes.allSatisfy({ $0 > 0 && $0 % perDevice == 0 }) else { throw HubClientFailure("sizes are multiples of \(perDevice)") }
        let cluster = try TestPostgres.start()
        let county = try SimulatedCounty()
        defer {
            cluster.stop()
            try? FileManager.default.removeItem(atPath: county.folder)
        }
        var logger = Logger(label: "apply-benchmark")
        logger.logLevel = .warning

        // The households, made once: interviewed templates, then every laptop's copies of them, two laptops at once.
        var clock = Date()
        let scratch = try county.enrol("样本")
        _ = try scratch.writeBundles(SampleVillage.generate(questionnaire: questionnaire, seed: 17, households: templates), perBundle: templates)
        let template = try HouseholdStore(path: scratch.storePath).exportJSON().households
        let laptops = (sizes.max() ?? 0) / perDevice
        let made = Mutex<[(SimulatedDevice, [Data])?]>(Array(repeating: nil, count: laptops))
        let failure = Mutex<String?>(nil)
        DispatchQueue.concurrentPerform(iterations: laptops) { d in
            do {
                let device = try county.enrol("调查员\(d + 1)")
                let files = try device.writeCopies(of: template, count: perDevice, perBundle: perBundle, numberedFrom: d * perDevice)
                made.withLock { $0[d] = (device, files) }
            } catch { failure.withLock { $0 = "laptop \(d + 1): \(error)" } }
        }
        if let failure = failure.withLock({ $0 }) { throw HubClientFailure(failure) }
        let fleet = made.withLock { $0.compactMap { $0 } }
        let bytes = fleet.flatMap(\.1).map(\.count).reduce(0, +)
        say(String(format: "apply benchmark: %d laptops × %d households in bundles of %d (%.0f MB of bundles), made in %.0f s from %d interviewed ones;",
                     laptops, perDevice, perBundle, Double(bytes) / 1e6, Date().timeIntervalSince(clock), templates)
              + " PostgreSQL 15 on port \(cluster.port), fsync on")
        say("   households    changes   apply s   changes/s    COPY s     rows/s   apply/COPY   µs/household   dashboard")

        var costs: [Double] = [], shares: [Double] = [], dashboards: [Double] = []
        var largest: (database: String, households: Int)?
        for size in sizes.sorted() {
            let database = try cluster.createDatabase()
            let client = cluster.client(database: database)
            let running = Task { await client.run() }
            defer { running.cancel() }
            try await HubMigrations.migrate(client, logger: logger)
            let store = HubStore(client: client, county: county.authority.identity, hubKey: try county.hubKey(),
                                 limits: HubLimits(chunkBytes: 256 << 20, bundleBytes: 256 << 20, openUploadsPerDevice: 4, requestSeconds: 600),
                                 logger: logger)
            let used = fleet.prefix(size / perDevice)
            for (device, _) in used {
                try await store.keep(try store.check(certificate: device.identity.certificate, for: device.identity.id), signed: device.identity.certificate)
            }
            var changes = 0
            clock = Date()
            for (device, files) in used {
                for file in files { changes += try await apply(file, from: device, to: store) }
            }
            let logSeconds = Date().timeIntervalSince(clock)
            // The county tables take what the log holds, in log order (the hub's applier, here called directly).
            guard try await store.applyLogged() == size / perBundle else { throw HubClientFailure("the county tables did not take every bundle") }
            let applySeconds = Date().timeIntervalSince(clock)
            say(String(format: "   %d households: logged in %.1f s (%.0f households/s), then applied to the county tables in %.1f s", size, logSeconds,
                       Double(size) / logSeconds, applySeconds - logSeconds))

            // The county dashboard's figures (the pages' and `hufang-hub dashboard`'s query), warm.
            let guarantees = questionnaire.standards.guarantees.map(\.id)
            _ = try await CountyProgress.load(client, county: "622922", scope: ["622922"], guarantees: guarantees, logger: logger)
            clock = Date()
            let progress = try await CountyProgress.load(client, county: "622922", scope: ["622922"], guarantees: guarantees, logger: logger)
            let dashboard = Date().timeIntervalSince(clock)
            let counted = progress.villages.map(\.total).reduce(0, +)
            guard counted == size else { throw HubClientFailure("the dashboard counts \(counted) households of \(size)") }

            // The same rows by COPY into the same tables, emptied (their indexes kept, as the apply had them).
            let tables = ["county_household", "county_roster_row", "county_answer", "county_audit", "county_override"]
            let folder = cluster.folder + "/copy-\(size)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // The server writes and reads these files itself, as the postgres user when this runs as root.
            if getuid() == 0, let postgres = getpwnam("postgres") { chown(folder, postgres.pointee.pw_uid, postgres.pointee.pw_gid) }
            _ = try cluster.query(database: database, tables.map { "COPY (SELECT * FROM \($0)) TO '\(folder)/\($0).copy';" }.joined(separator: " "))
            let rows = try tables.map { Int(try cluster.query(database: database, "SELECT count(*) FROM \($0)").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
                .reduce(0, +)
            _ = try cluster.query(database: database, "CHECKPOINT")  // the COPY does not pay for writing out the apply's dirty pages
            _ = try cluster.query(database: database, "TRUNCATE " + tables.joined(separator: ", "))
            clock = Date()
            _ = try cluster.query(database: database, "BEGIN; " + tables.map { "COPY \($0) FROM '\(folder)/\($0).copy';" }.joined(separator: " ") + " COMMIT;")
            let copySeconds = Date().timeIntervalSince(clock)
            try? FileManager.default.removeItem(atPath: folder)

            let applyRate = Double(changes) / applySeconds, copyRate = Double(rows) / copySeconds
            let cost = applySeconds / Double(size) * 1e6
            costs.append(cost); shares.append(applyRate / copyRate); dashboards.append(dashboard)
            say(String(format: "   %10d  %9d  %8.1f  %10.0f  %8.1f  %9.0f  %10.0f%%  %13.1f  %7.1f ms", size, changes, applySeconds, applyRate,
                         copySeconds, copyRate, 100 * applyRate / copyRate, cost, dashboard * 1000))
            largest = (database, size)
        }

        if let low = costs.min(), let high = costs.max(), let first = costs.first {
            say(String(format: "cost per household from %.1f to %.1f µs (%+.0f%%…%+.0f%% of the smallest size's); apply at %.0f%%–%.0f%% of COPY",
                         low, high, 100 * (low / first - 1), 100 * (high / first - 1), 100 * (shares.min() ?? 0), 100 * (shares.max() ?? 0)))
            let flat = high / first <= 1.2 && low / first >= 0.8
            say("targets: apply ≥ 50% of COPY " + ((shares.min() ?? 0) >= 0.5 ? "met" : "NOT met") + "; cost per household flat within ±20% "
                  + (flat ? "met" : "NOT met") + String(format: "; dashboard ≤ 1 s %@ (%.0f ms at the largest size)",
                                                      (dashboards.last ?? .infinity) <= 1 ? "met" : "NOT met", 1000 * (dashboards.last ?? .infinity)))
        }

        // The whole county exported by the real binary from the largest size's tables, as an operator runs it.
        if let largest {
            let hub = try HubProcess(binary: binary, county: county, database: cluster.url(database: largest.database))
            let output = county.folder + "/export"
            let (code, seconds, peak) = try hub.run(["export", "csv", "--screens", screens, "--output", output], output: county.folder + "/export.log")
            guard code == 0 else { throw HubClientFailure("hufang-hub export csv ended with \(code): \(hub.tail())") }
            let files = try FileManager.default.contentsOfDirectory(atPath: output)
            let written = try files.map { try FileManager.default.attributesOfItem(atPath: output + "/" + $0)[.size] as? Int ?? 0 }.reduce(0, +)
            say(String(format: "hufang-hub export csv of %d households: %d files, %.0f MB in %.1f s, peak RSS %.0f MB (VmHWM); target ≤ 60 s and ≤ 500 MB %@",
                         largest.households, files.count, Double(written) / 1e6, seconds, Double(peak) / 1e6,
                         seconds <= 60 && peak <= 500_000_000 ? "met" : "NOT met"))
        }
    }

    /// Takes one bundle by the hub's upload path, as a device sends it in one chunk: the changes it applied.
    static func apply(_ file: Data, from device: SimulatedDevice, to store: HubStore) async throws -> Int {
        guard let (hash, _) = file.announcedBundle else { throw HubClientFailure("not a bundle") }
        let sha256 = SHA256.hash(data: file).map { String(format: "%02x", $0) }.joined()
        guard case .upload(let upload) = try await store.announce(device: device.identity.id, bundle: hash, sha256: sha256, length: file.count)
        else { throw HubClientFailure("announced twice") }
        _ = try await store.append(file, at: 0, to: upload.id, device: device.identity.id)
        let (receipt, _) = try await store.finish(upload.id, device: device.identity.id)
        guard receipt.outcome == .applied else { throw HubClientFailure("bundle \(receipt.sequence): \(receipt.outcome) \(receipt.reason ?? "")") }
        return EnrolledBundleCheck.manifest(of: file)?.changes ?? 0
    }

    /// A line of figures, out at once (a long run into a file shows each size as it is measured).
    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }
}
