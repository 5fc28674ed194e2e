// Prints the bundle figures: exporting 1,000 full households from a laptop (each household its own
// transactions, so the outbox holds one changeset per transaction, as in the field), importing that bundle
// into a fresh hub, and — in the same run, on the same disk — the raw rate of inserting the same rows
// into an empty store of the same schema with prepared statements in one transaction.
// Run: swift run -c release BundleBenchmark [screens-dir]
import Foundation
import GRDB
import Store
import Survey

let screens = CommandLine.arguments.dropFirst().first ?? "screens"
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
let typedHousehold = Interview(questionnaire: questionnaire, today: Day(year: 2020, month: 12, day: 31)!)
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
let importing = try seconds {
    outcome = try hub.importBundle(file, fileName: bundle.path, questionnaire: questionnaire) { phase, done, total in
        let t = Double(DispatchTime.now().uptimeNanoseconds - importStart) / 1e9
        if importMarks["\(phase.rawValue) start"] == nil { importMarks["\(phase.rawValue) start"] = t }
        if done == total { importMarks["\(phase.rawValue) end"] = t }
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
print(String(format: "raw insert of the same %d rows, one transaction, prepared statements: %.2f s, %.0f rows/s", rowCount, rawTime, rawRate))
print(String(format: "import / raw insert: %.0f%% (target ≥ 25%%)", importRate / rawRate * 100))
let same = try hub.exportJSON() == laptop.exportJSON()
print("hub equals laptop after import: \(same ? "yes" : "NO")")
if !same { exit(1) }
