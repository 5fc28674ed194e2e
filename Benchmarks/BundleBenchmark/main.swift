// Prints the bundle figures: exporting 1,000 full households from a laptop (each household its own
// transactions, so the outbox holds one changeset per transaction, as in the field), importing that bundle
// into a fresh hub, and — in the same run, on the same disk — the raw rate of inserting the same rows
// into an empty store of the same schema with prepared statements in one transaction. Then the import's
// peak memory (Linux: the high-water mark reset before each phase), and a 1 GiB deflate bomb the trusted
// laptop signs as its next bundle, declaring its true length and then a small one: each must be refused.
// Run: swift run -c release BundleBenchmark [screens-dir]
import CZlib
import Foundation
import GRDB
import SampleData
@_spi(Benchmarks) import Store
import Survey

let screens = CommandLine.arguments.dropFirst().first ?? "screens"
/// The release `hufang` binary, when given: the bombs are then also imported by it, a process of its own,
/// whose whole peak memory is measured.
let binary = CommandLine.arguments.dropFirst(2).first
let questionnaire: Questionnaire
do { questionnaire = try DefinitionLoader.load(directory: URL(fileURLWithPath: screens)) } catch { print("cannot load \(screens): \(error)"); exit(1) }
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-bundle-bench-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: dir) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A field of /proc/self/status in bytes ("VmRSS" now, "VmHWM" the peak since the last reset); nil off Linux.
func status(_ field: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
    }
    return nil
}

/// The process's memory around `body`: its resident size just before (freed heap handed back first) and
/// its peak during, from the high-water mark reset by writing 5 to /proc/self/clear_refs. Nil off Linux.
struct Memory {
    var baseline: Int
    var peak: Int
    var growth: Int { peak - baseline }

    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Memory?) {
        // glibc's malloc_trim, looked up: Swift's Glibc module does not carry malloc.h.
        if let trim = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") {
            _ = unsafeBitCast(trim, to: (@convention(c) (Int) -> Int32).self)(0)
        }
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        let reset = fd >= 0 && write(fd, "5", 1) == 1
        if fd >= 0 { close(fd) }
        let baseline = status("VmRSS")
        let result = try body()
        guard reset, let baseline, let peak = status("VmHWM") else { return (result, nil) }
        return (result, Memory(baseline: baseline, peak: peak))
    }

    static func mb(_ n: Int) -> String { String(format: "%.1f MB", Double(n) / 1e6) }
    var line: String { "peak RSS \(Self.mb(peak)) (VmHWM), \(Self.mb(baseline)) before it (VmRSS): +\(Self.mb(growth))" }
}

/// A zlib stream of `pattern` repeated to exactly `length` bytes, made without ever holding them: a chunk
/// of whole patterns is deflated once by a fresh raw deflater (so it refers only to itself) up to a sync
/// flush, its bytes are repeated, the remainder is deflated and finished, and the Adler-32 of the whole
/// is combined from the parts.
func deflateBomb(repeating pattern: Data, length: Int) -> Data {
    func raw(_ data: Data, _ flush: Int32) -> Data {
        var z = z_stream()
        precondition(deflateInit2_(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&z) }
        var out = Data(count: Int(deflateBound(&z, uLong(data.count))) + 64)
        let code = data.withUnsafeBytes { i in
            out.withUnsafeMutableBytes { o -> Int32 in
                z.next_in = UnsafeMutablePointer(mutating: i.bindMemory(to: Bytef.self).baseAddress)
                z.avail_in = uInt(data.count)
                z.next_out = o.bindMemory(to: Bytef.self).baseAddress
                z.avail_out = uInt(o.count)
                return deflate(&z, flush)
            }
        }
        precondition(code == (flush == Z_FINISH ? Z_STREAM_END : Z_OK) && z.avail_in == 0 && z.avail_out > 0, "deflate \(code)")
        out.count = Int(z.total_out)
        return out
    }
    func adler(_ data: Data) -> uLong { data.withUnsafeBytes { adler32(1, $0.bindMemory(to: Bytef.self).baseAddress, uInt(data.count)) } }
    var chunk = Data()
    while chunk.count + pattern.count <= 1 << 20 || chunk.isEmpty { chunk.append(pattern) }
    let copies = length / chunk.count, tail = chunk.prefix(length - copies * chunk.count)
    let body = raw(chunk, Z_SYNC_FLUSH), end = raw(Data(tail), Z_FINISH)
    var out = Data([0x78, 0xDA])
    out.reserveCapacity(2 + copies * body.count + end.count + 4)
    var sum: uLong = 1
    let chunkSum = adler(chunk)
    for _ in 0..<copies {
        out.append(body)
        sum = adler32_combine(sum, chunkSum, off_t(chunk.count))
    }
    out.append(end)
    sum = adler32_combine(sum, adler(Data(tail)), off_t(tail.count))
    out.append(contentsOf: [UInt8(sum >> 24 & 0xff), UInt8(sum >> 16 & 0xff), UInt8(sum >> 8 & 0xff), UInt8(sum & 0xff)])
    return out
}

/// How many bytes a zlib stream inflates to, a chunk at a time; nil unless it ends exactly, checksum and all.
func inflatedLength(_ data: Data) -> Int? {
    var z = z_stream()
    guard inflateInit_(&z, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    defer { inflateEnd(&z) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    return data.withUnsafeBytes { i -> Int? in
        z.next_in = UnsafeMutablePointer(mutating: i.bindMemory(to: Bytef.self).baseAddress)
        z.avail_in = uInt(data.count)
        while true {
            let code = buffer.withUnsafeMutableBufferPointer { o -> Int32 in
                z.next_out = o.baseAddress
                z.avail_out = uInt(o.count)
                return inflate(&z, Z_NO_FLUSH)
            }
            if code == Z_STREAM_END { return z.avail_in == 0 ? Int(z.total_out) : nil }
            if code != Z_OK { return nil }
        }
    }
}

// A laptop with 1,000 households of the sample village's kind (members, crops, income, every section).
let households = 1_000
let laptop = try HouseholdStore(path: dir + "/laptop.sqlite", create: true)
let village = SampleVillage.generate(questionnaire: questionnaire, seed: 7, households: households)
// Setting up only: the filler commits without waiting for the disk; the export below runs with FULL again.
try laptop.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
let filling = try seconds {
    for iv in village { try laptop.insertWhole(iv, enumerator: "李文华", who: "李文华") }
}
try laptop.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
print(String(format: "laptop: %d households stored in %.1f s (%d captured transactions in the outbox)", households, filling, try laptop.outboxCount()))

var bundle: ExportedBundle?
var marks: [String: Double] = [:]
let exportStart = DispatchTime.now().uptimeNanoseconds
let export = try seconds {
    bundle = try laptop.exportBundles(to: dir + "/usb", enumerator: "李文华") { phase, done, total in
        let t = Double(DispatchTime.now().uptimeNanoseconds - exportStart) / 1e9
        if marks["\(phase.rawValue) start"] == nil { marks["\(phase.rawValue) start"] = t }
        if done == total { marks["\(phase.rawValue) end"] = t }
    }.first
}
guard let bundle else { print("no bundle"); exit(1) }
let file = try Data(contentsOf: URL(fileURLWithPath: bundle.path))
print(String(format: "export: %.2f s for %d households, %d changes, %.1f MB (target ≤ 3 s)", export, households, bundle.changes,
             Double(file.count) / 1e6))
print(String(format: "  merging the outbox %.2f s, sealing (count, sign, archive, store) %.2f s, writing the file %.2f s",
             marks["collect end", default: 0], marks["write start", default: 0] - marks["collect end", default: 0],
             export - marks["write start", default: 0]))

// The outbox as typing fills it: one small changeset per confirmed answer (the merge's cost is per changeset).
let typed = try HouseholdStore(path: dir + "/typed.sqlite", create: true)
try typed.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
var typedHousehold = Interview(questionnaire: questionnaire, today: Day(year: 2020, month: 12, day: 31)!)
try typed.create(typedHousehold, enumerator: "李文华", who: "李文华")
let typedRow = try typedHousehold.addRow("members")
try typed.commit(typedRow.1, of: typedHousehold, who: "李文华")
for i in 0..<20_000 {
    try typed.commit(i % 2 == 0 ? try typedHousehold.answer("group_name", .text("组\(i)")) : try typedHousehold.answer("name", row: typedRow.0, .text("成员\(i)")),
                     of: typedHousehold, who: "李文华")
}
try typed.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
let typedTransactions = try typed.outboxCount()
let typedExport = try seconds { _ = try typed.exportBundles(to: dir + "/usb-typed", enumerator: "李文华") }
print(String(format: "export of an outbox of %d one-answer transactions: %.2f s", typedTransactions, typedExport))

let hub = try HouseholdStore(path: dir + "/hub.sqlite", create: true)
try hub.trust(try laptop.writePublicKeyFile())
var outcome: ImportOutcome?
var importMarks: [String: Double] = [:]
let importStart = DispatchTime.now().uptimeNanoseconds
let (importing, importMemory) = try Memory.measure {
    try seconds {
        outcome = try hub.importBundle(file, fileName: bundle.path, questionnaire: questionnaire) { phase, done, total in
            let t = Double(DispatchTime.now().uptimeNanoseconds - importStart) / 1e9
            if importMarks["\(phase.rawValue) start"] == nil { importMarks["\(phase.rawValue) start"] = t }
            if done == total { importMarks["\(phase.rawValue) end"] = t }
        }
    }
}
guard case .applied(let changes, _, _)? = outcome else { print("import failed: \(String(describing: outcome))"); exit(1) }
let importRate = Double(changes) / importing

// The same rows, inserted raw into an empty store of the same schema.
let tables = ["household", "rosterRow", "answer", "audit", "override"]
// Values are read and converted before the clock starts: only binding, stepping and committing are timed.
let rows: [(sql: String, values: [StatementArguments])] = try laptop.pool.read { db in
    try tables.map { table in
        let list = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
        let columns: [String] = list.first.map { Array($0.columnNames) } ?? []
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        return (sql, list.map { row in StatementArguments(row.databaseValues) })
    }
}
let rowCount = rows.reduce(0) { $0 + $1.values.count }
let raw = try HouseholdStore(path: dir + "/raw.sqlite", create: true)
let rawTime = try seconds {
    try raw.pool.write { db in
        for (sql, list) in rows where !list.isEmpty {
            let statement = try db.makeStatement(sql: sql)
            for arguments in list { try statement.execute(arguments: arguments) }
        }
    }
}
let rawRate = Double(rowCount) / rawTime
print(String(format: "import: %.2f s for %d changes: %.0f changes/s (target ≥ 50,000)", importing, changes, importRate))
print(String(format: "  verifying %.2f s, opening and inflating %.2f s, applying %.2f s, settling conflicts and committing %.2f s",
             importMarks["verify end", default: 0], importMarks["apply start", default: 0] - importMarks["verify end", default: 0],
             importMarks["apply end", default: 0] - importMarks["apply start", default: 0], importing - importMarks["apply end", default: 0]))
guard let own = BundleManifest.unverified(in: file) else { print("cannot read the bundle's own manifest"); exit(1) }
let (first, firstHash) = own
let plain = first.payload.plainLength
if let m = importMemory {
    print("  \(m.line) for a \(Memory.mb(plain)) plain payload: " + String(format: "%.2f×", Double(m.growth) / Double(plain))
          + " it (target ≤ 2× its plain payload)")
} else {
    print("  peak memory: not measured (no /proc/self/clear_refs)")
}
print(String(format: "raw insert of the same %d rows, one transaction, prepared statements: %.2f s, %.0f rows/s", rowCount, rawTime, rawRate))
print(String(format: "import / raw insert: %.0f%% (target ≥ 25%%)", importRate / rawRate * 100))
let same = try hub.exportJSON() == laptop.exportJSON()
print("hub equals laptop after import: \(same ? "yes" : "NO")")
if !same { exit(1) }

// A deflate bomb signed by the trusted laptop as its next bundle: 1 GiB of one real change of the laptop's
// repeated (an answer it changes, which passes every rule, so only the length can stop it), in a few MB.
// Once declaring its true length (refused before inflating), once a small plausible one (refused as the
// stream passes it). Either must be refused in under 1 s at under 100 MB of memory, and change nothing.
let bombLength = 1 << 30
var sample = village[0]
try laptop.commit(try sample.answer("group_name", .text("炸弹组")), of: sample, who: "李文华")
let pattern = try laptop.pool.read { db in try Data.fetchAll(db, sql: "SELECT changeset FROM outbox ORDER BY id").reduce(Data(), +) }
var bombPayload = Data()
let making = seconds { bombPayload = deflateBomb(repeating: pattern, length: bombLength) }
guard inflatedLength(bombPayload) == bombLength else { print("the deflate bomb does not inflate to 1 GiB"); exit(1) }
print("deflate bomb: 1 GiB of a \(pattern.count)-byte changeset repeated, \(Memory.mb(bombPayload.count)) deflated"
      + String(format: " (%.0f:1, made in %.2f s)", Double(bombLength) / Double(bombPayload.count), making)
      + ", signed by the laptop as its bundle \(first.sequence + 1)")
let key = try DeviceKey.load(from: laptop.keyPath)
var bombFailed = false
for (declared, expected) in [(bombLength, BundleRejection.tooLarge(declared: bombLength, limit: BundleLimit.plainLength)),
                             (1 << 20, BundleRejection.wrongLength(declared: 1 << 20))] {
    var manifest = first
    manifest.bundleID = UUID().uuidString.lowercased()
    manifest.sequence = first.sequence + 1
    manifest.previous = firstHash
    manifest.changes = Int(Double(first.changes) * Double(declared) / Double(plain))
    manifest.counts = [:]
    manifest.payload.plainLength = declared
    let bomb = try manifest.signedFile(payload: bombPayload, key: key)
    var result: ImportOutcome?
    let (time, memory) = try Memory.measure {
        try seconds { result = try hub.importBundle(bomb, fileName: "bomb.zip", questionnaire: questionnaire) }
    }
    print("  declaring \(declared == bombLength ? "its true 1 GiB" : "1 MiB"): refused in " + String(format: "%.0f ms", time * 1000)
          + ", \(memory?.line ?? "memory not measured") (target: refused in under 1 s at under 100 MB RSS above the baseline)")
    print("    \(result?.line(.en) ?? "no outcome")")
    if result != .rejected(expected) { print("    NOT refused as expected: \(expected.message(.en))"); bombFailed = true }
    if let binary {
        // The same file through `hufang bundle import`: the process's own peak, not the benchmark's.
        let file = dir + "/bomb-\(declared).zip"
        try bomb.write(to: URL(fileURLWithPath: file))
        // Measured by a small parent of its own: a child forked from this benchmark would inherit its
        // high-water mark (Linux keeps it across exec), and so report this process's memory, not its own.
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        run.arguments = ["python3", "-c", """
            import resource, subprocess, sys
            r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
            print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.stdout.replace(chr(10), " "))
            """, binary, "bundle", "import", "--db", hub.path, "--screens", screens, "--lang", "en", file]
        let out = Pipe()
        run.standardOutput = out
        run.standardError = FileHandle.nullDevice
        var text = ""
        let wall = try seconds {
            try run.run()
            text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            run.waitUntilExit()
        }
        let fields = text.split(separator: " ", maxSplits: 2)
        let status = fields.first.flatMap { Int($0) } ?? -1, peakKB = fields.dropFirst().first.flatMap { Int($0) } ?? 0
        print("    hufang bundle import of it: exit \(status) in " + String(format: "%.0f ms", wall * 1000)
              + ", that process's peak RSS \(Memory.mb(peakKB * 1024)) (target: under 1 s, under 100 MB)")
        if status != 1 || !text.contains("rejected") { print("    NOT refused by the binary: \(text)"); bombFailed = true }
    }
}
let applied = try hub.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bundleIn") ?? 0 }
let heldNow = try hub.heldBundles()
if applied != 1 || !heldNow.isEmpty { print("a refused bomb changed the hub"); bombFailed = true }
if bombFailed { exit(1) }
