// Prints the county hub's load figures: a throwaway PostgreSQL cluster, the real `hufang-hub serve` (a
// process of its own, on loopback), 100 devices enrolled in a test county, each uploading 10 bundles of 10
// sample-village households (stored in its laptop store and packed by the bundle export), over HTTP with
// signed requests, in two runs:
// - paced: the fleet offers 400 households/s (a bundle every 25 ms, device after device), and each upload's
//   latency counts from the moment it was due, so a hub that falls behind pays for the wait (no
//   coordinated omission);
// - at once: every device sends its next 10 bundles back to back, for the most the hub takes. Here the
//   latency says little: 100 devices always waiting make it 100 / bundles per second (Little's law).
// Households/s and bundles/s, p50/p99 latency per request kind and per whole upload, the hub's resident
// memory and CPU time, and how long the county tables take to catch up.
// Target (issue 16): ≥ 400 households/s with p99 upload latency ≤ 1 s: p99 of the paced run, throughput of both.
// Run: swift build -c release --product hufang-hub && swift run -c release HubBenchmark [screens-dir] [hufang-hub] [devices]
import AsyncHTTPClient
import Foundation
import HubHarness
import SampleData
import Store
import Survey
import Synchronization

// `HubBenchmark apply [screens-dir] [hufang-hub] [sizes…]` instead measures the apply of bundles to the county tables
// and the county's export (ApplyBenchmark.swift).
if CommandLine.arguments.dropFirst().first == "apply" {
    let rest = Array(CommandLine.arguments.dropFirst(2))
    let sizes = rest.dropFirst(2).compactMap { Int($0) }
    do {
        try await ApplyBenchmark.run(screens: rest.first ?? "screens", binary: rest.dropFirst().first ?? ".build/release/hufang-hub",
                                     sizes: sizes.isEmpty ? [10_000, 25_000, 50_000, 100_000] : sizes)
    } catch { print("apply benchmark: \(error)"); exit(1) }
    exit(0)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let screens = arguments.first ?? "screens"
let binary = arguments.dropFirst().first ?? ".build/release/hufang-hub"
let devices = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 100
let bundlesPerDevice = 10, householdsPerBundle = 10
/// The paced run's offered rate.
let pacedHouseholdsPerSecond = 400.0
let questionnaire: Questionnaire
do { questionnaire = try DefinitionLoader.load(directory: URL(fileURLWithPath: screens)) } catch { print("cannot load \(screens): \(error)"); exit(1) }
guard FileManager.default.isExecutableFile(atPath: binary) else { print("no hub binary at \(binary): swift build -c release --product hufang-hub"); exit(1) }

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
func ms(_ s: Double?) -> String { s.map { String(format: "%7.1f ms", $0 * 1000) } ?? "      –   " }
func mb(_ n: Int?) -> String { n.map { String(format: "%.1f MB", Double($0) / 1e6) } ?? "–" }

/// Seconds of CPU the process has used (user + system), from /proc/PID/stat.
func cpuSeconds(_ pid: Int32?) -> Double? {
    guard let pid, let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

let cluster = try TestPostgres.start()
let county = try SimulatedCounty()
defer {
    cluster.stop()
    try? FileManager.default.removeItem(atPath: county.folder)
}
let database = try cluster.createDatabase()
let hub = try HubProcess(binary: binary, county: county, database: cluster.url(database: database))
try hub.migrate()
let http = HubProtocolClient.makeHTTPClient(connections: devices + 8)
try await hub.start(http: http)
print("hub: \(binary) on \(hub.url), PostgreSQL 15 on port \(cluster.port) (fsync on)")

// Every laptop's households, stored and exported before the clock starts; two at a time, one per core. The
// paced run sends each laptop's first 10 bundles, the run at once its next 10.
let preparing = now()
let fleet = Mutex<[(SimulatedDevice, [Data])?]>(Array(repeating: nil, count: devices))
let failure = Mutex<String?>(nil)
DispatchQueue.concurrentPerform(iterations: devices) { d in
    do {
        let device = try county.enrol("调查员\(d + 1)")
        let households = SampleVillage.generate(questionnaire: questionnaire, seed: UInt64(1000 + d), households: 2 * bundlesPerDevice * householdsPerBundle)
        let files = try device.writeBundles(households, perBundle: householdsPerBundle)
        fleet.withLock { $0[d] = (device, files) }
    } catch {
        failure.withLock { $0 = "device \(d): \(error)" }
    }
}
if let failure = failure.withLock({ $0 }) { print(failure); exit(1) }
let prepared = fleet.withLock { $0.compactMap { $0 } }
let bundleBytes = prepared.flatMap(\.1).map(\.count)
guard prepared.count == devices, bundleBytes.count == 2 * devices * bundlesPerDevice else { print("expected \(2 * devices * bundlesPerDevice) bundles, made \(bundleBytes.count)"); exit(1) }
print(String(format: "prepared %d laptops × 2 × %d bundles of %d households in %.1f s (bundles %d–%d bytes, mean %d)", devices, bundlesPerDevice,
             householdsPerBundle, now() - preparing, bundleBytes.min()!, bundleBytes.max()!, bundleBytes.reduce(0, +) / bundleBytes.count))

let hubKey = try county.hubKey().publicKey
let rssBefore = hub.memory("VmRSS")
let peakRSS = Mutex(0)
let sampler = Task {
    while !Task.isCancelled {
        if let rss = hub.memory("VmRSS") { peakRSS.withLock { $0 = max($0, rss) } }
        try? await Task.sleep(for: .milliseconds(50))
    }
}

/// What one run measured.
struct Run {
    var households: Int
    var elapsed: Double
    var rate: Double { Double(households) / elapsed }
    /// Per whole upload, from the moment it was due (the paced run) or sent (the run at once).
    var p99: Double
}

/// Uploads `bundles(d)` of every device d, the k-th bundle of the fleet due `interval` seconds after the
/// one before (device after device; all at once for 0), and prints what it measured.
func run(_ title: String, interval: Double, bundles: (Int) -> ArraySlice<Data>) async throws -> Run {
    let timings = RequestTimings()
    let fromDue = RequestTimings()
    let clients = prepared.map { HubProtocolClient(http: http, base: hub.url, device: $0.0.identity, hubKey: hubKey, retry: .contract, timings: timings) }
    let cpuBefore = cpuSeconds(hub.pid)
    let activity = DatabaseActivity(cluster, database: database)
    let start = now()
    let outcomes = try await withThrowingTaskGroup(of: [HubReceipt.Outcome].self) { group in
        for (d, client) in clients.enumerated() {
            let files = bundles(d)
            group.addTask {
                var outcomes: [HubReceipt.Outcome] = []
                for (k, file) in files.enumerated() {
                    let due = start + Double(k * devices + d) * interval
                    if due > now() { try await Task.sleep(for: .seconds(due - now())) }
                    let sent = max(due, now())
                    outcomes.append(try await client.upload(file).receipt.outcome)
                    fromDue.record(.bundle, seconds: now() - (interval > 0 ? due : sent))
                }
                return outcomes
            }
        }
        var all: [HubReceipt.Outcome] = []
        for try await outcomes in group { all += outcomes }
        return all
    }
    let elapsed = now() - start
    activity.stop()
    let cpu: Double? = { if let after = cpuSeconds(hub.pid), let cpuBefore { after - cpuBefore } else { nil } }()
    let households = outcomes.count * householdsPerBundle
    let applied = outcomes.filter { $0 == .applied }.count
    print("")
    print(title)
    print(String(format: "uploaded %d bundles (%d households) from %d devices in %.2f s; %d applied, every receipt verified",
                 outcomes.count, households, devices, elapsed, applied))
    print(String(format: "throughput: %.0f households/s, %.1f bundles/s", Double(households) / elapsed, Double(outcomes.count) / elapsed))
    print("latency        p50         p99      requests")
    for kind in RequestKind.allCases where timings.count(kind) > 0 {
        print("  \(ms(timings.quantile(0.5, of: kind)))  \(ms(timings.quantile(0.99, of: kind)))  \(String(format: "%6d", timings.count(kind)))  \(kind.rawValue)")
    }
    if interval > 0 {
        print("  \(ms(fromDue.quantile(0.5, of: .bundle)))  \(ms(fromDue.quantile(0.99, of: .bundle)))  \(String(format: "%6d", fromDue.count(.bundle)))  whole upload from the moment it was due")
    }
    print("answers: " + timings.statuses.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")
          + (timings.failures > 0 ? ", \(timings.failures) without an answer" : ""))
    // Where the hub's database time went: its connections, by what they were doing, on average over the run.
    let (samples, states) = activity.averages
    print(String(format: "the hub's PostgreSQL connections on average (%d samples of pg_stat_activity, %.1f open):", samples,
                 states.reduce(0) { $0 + $1.connections }))
    for (label, connections) in states where connections >= 0.05 { print(String(format: "  %5.1f  ", connections) + label) }
    print(cpu.map { String(format: "hub CPU %.1f s (%.0f%% of one core)", $0, 100 * $0 / elapsed) } ?? "hub CPU: –")
    return Run(households: households, elapsed: elapsed, p99: fromDue.quantile(0.99, of: .bundle) ?? .infinity)
}

let paced = try await run(String(format: "paced: the fleet offers %.0f households/s", pacedHouseholdsPerSecond),
                          interval: Double(householdsPerBundle) / pacedHouseholdsPerSecond) { prepared[$0].1.prefix(bundlesPerDevice) }
let atOnce = try await run("at once: every device sends its next bundles back to back", interval: 0) { prepared[$0].1.dropFirst(bundlesPerDevice) }
sampler.cancel()

// The hub holds every device's whole chain.
var complete = 0
for (device, _) in prepared {
    let client = HubProtocolClient(http: http, base: hub.url, device: device.identity, hubKey: hubKey, retry: .contract)
    if try await client.status().contiguous == 2 * bundlesPerDevice { complete += 1 }
}
print("")
print("\(complete)/\(devices) chains complete at the hub")
print("hub RSS: \(mb(rssBefore)) idle, \(mb(peakRSS.withLock { $0 })) at the peak of both runs (VmRSS), \(mb(hub.memory("VmHWM"))) high-water mark (VmHWM)")
// The offered rate is met when the paced run kept up with it (its households within 5% of the schedule).
let keptUp = paced.rate >= 0.95 * pacedHouseholdsPerSecond
print("target ≥ 400 households/s with p99 upload ≤ 1 s: " + (keptUp && atOnce.rate >= 400 && paced.p99 <= 1 ? "met" : "NOT met")
      + String(format: " (paced: %.0f households/s offered, %.0f taken, p99 from due %.0f ms; at once: %.0f households/s)",
               pacedHouseholdsPerSecond, paced.rate, paced.p99 * 1000, atOnce.rate))
// The county tables, which give way to uploads, take the burst once it is over.
let catchingUp = now()
func countyBacklog() throws -> Int {
    Int(try cluster.query(database: database, """
        SELECT count(*) FROM bundle WHERE state = 'applied' AND log_position > (SELECT log_position FROM county_applied)
        """).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
}
let backlog = try countyBacklog()
let total = 2 * devices * bundlesPerDevice
var left = backlog
while left != 0, now() - catchingUp < 600 {
    try await Task.sleep(for: .milliseconds(100))
    left = try countyBacklog()
}
print(String(format: "county tables: %d of %d bundles still to apply at the last receipt, all applied %.1f s later", backlog, total,
             now() - catchingUp) + (left == 0 ? "" : " — NOT all: \(left) left after 10 minutes"))
hub.stop()
try await close(http)

/// Shuts the client down (in an async function, where its async `shutdown()` is the one chosen).
func close(_ http: HTTPClient) async throws { try await http.shutdown() }
