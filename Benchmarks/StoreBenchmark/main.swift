// Prints the store's figures: one confirmed-field commit (answer + audit + captured changeset, synchronous=FULL) beside
// bare SQLite committing the same two rows, opening a store of 10,000 households and listing a village's first screen,
// and prefix search over 50,000.
// Run: swift run -c release StoreBenchmark [screens-dir]
import CSQLiteSession
import Foundation
import SampleData
import GRDB
import Store
import Survey
import TUI

let screens = CommandLine.arguments.dropFirst().first ?? "screens"
let questionnaire: Questionnaire
do { questionnaire = try DefinitionLoader.load(directory: URL(fileURLWithPath: screens)) } catch { print("cannot load \(screens): \(error)"); exit(1) }
let day = Day(year: 2020, month: 12, day: 31)!
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func percentile(_ xs: [UInt64], _ p: Double) -> Double { let s = xs.sorted(); return Double(s[min(s.count - 1, Int(Double(s.count) * p))]) / 1e6 }

func name(_ i: Int) -> String { SyntheticHouseholds.name(i) }
func idNumber(_ i: Int) -> String { SyntheticHouseholds.idNumber(i) }
func fill(_ store: HouseholdStore, households n: Int, villages: Int) throws { try SyntheticHouseholds.fill(store, households: n, villages: villages) }

/// The floor a commit stands on: SQLite itself, through prepared statements, committing one answer row and one
/// audit row in one transaction (WAL, synchronous=FULL), in tables of the same shape and indexes as the store's
/// `answer` and `audit`, in the same folder.
final class BareSQLite {
    private var db: OpaquePointer?
    private var statements: [OpaquePointer?] = []
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String) {
        guard sqlite3_open(path, &db) == SQLITE_OK else { fatalError("cannot open \(path)") }
        for sql in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", """
            CREATE TABLE answer (householdID TEXT NOT NULL, rowID TEXT NOT NULL, question TEXT NOT NULL, type TEXT NOT NULL,
                value TEXT NOT NULL, who TEXT NOT NULL, at TEXT NOT NULL, clock TEXT NOT NULL, PRIMARY KEY (householdID, rowID, question));
            CREATE INDEX answer_by_value ON answer(question, value, householdID);
            CREATE TABLE audit (id TEXT PRIMARY KEY NOT NULL, householdID TEXT NOT NULL, rowID TEXT NOT NULL, subject TEXT NOT NULL,
                kind TEXT NOT NULL, oldValue TEXT, newValue TEXT, reason TEXT, who TEXT NOT NULL, at TEXT NOT NULL, clock TEXT NOT NULL);
            CREATE INDEX audit_on_householdID ON audit(householdID);
            """] {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { fatalError(String(cString: sqlite3_errmsg(db))) }
        }
        for sql in ["BEGIN IMMEDIATE", "INSERT OR REPLACE INTO answer VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)", "COMMIT"] {
            var s: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &s, nil) == SQLITE_OK else { fatalError(String(cString: sqlite3_errmsg(db))) }
            statements.append(s)
        }
    }

    private func run(_ s: OpaquePointer?, _ texts: [String]) {
        for (i, t) in texts.enumerated() { sqlite3_bind_text(s, Int32(i + 1), t, -1, transient) }
        guard sqlite3_step(s) == SQLITE_DONE else { fatalError(String(cString: sqlite3_errmsg(db))) }
        sqlite3_reset(s)
    }

    /// One answer and its audit line, as the store writes them (the same ids, texts and time stamps).
    func commit(household: String, row: String, question: String, old: String, new: String, at: String, clock: String) {
        run(statements[0], [])
        run(statements[1], [household, row, question, "text", new, "李文华", at, clock])
        run(statements[2], [UUID().uuidString.lowercased(), household, row, question, "answer", "text:" + old, "text:" + new, "李文华", at, clock])
        run(statements[3], [])
    }
}

// 1. One confirmed field, committed with its audit line, synchronous=FULL, in households of 1, 12 and
// 200 members (each commit also writes the household's listing summary: progress and problem counts),
// beside bare SQLite committing the same two rows. The two alternate, commit by commit, so both see the
// same disk at the same moments.
for members in [1, 12, 200] {
    let store = try HouseholdStore(path: dir.appendingPathComponent("commit-\(members).sqlite").path, create: true)
    let bare = BareSQLite(path: dir.appendingPathComponent("bare-\(members).sqlite").path)
    var iv = Interview(questionnaire: questionnaire, today: day)
    try store.create(iv, enumerator: "李文华", who: "李文华")
    var rows: [RowID] = []
    for m in 0..<members {
        let (row, added) = try iv.addRow("members")
        try store.commit(added, of: iv, who: "李文华")
        try store.commit(try iv.answer("name", row: row, .text(name(m))), of: iv, who: "李文华")
        try store.commit(try iv.answer("age", row: row, .number(Double(20 + m % 50))), of: iv, who: "李文华")
        rows.append(row)
    }
    let hid = iv.householdID.uuidString.lowercased()
    var samples: [UInt64] = [], floor: [UInt64] = []
    for i in 0..<(members == 200 ? 1000 : 2000) {
        let changes = i % 2 == 0 ? try iv.answer("name", row: rows[i % rows.count], .text("成员\(i)")) : try iv.answer("business_income", .number(Double(i)))
        var t = now()
        try store.commit(changes, of: iv, who: "李文华")         // the request (summary, position) made and committed
        samples.append(now() - t)
        let row = i % 2 == 0 ? rows[i % rows.count].uuidString.lowercased() : ""
        t = now()
        bare.commit(household: hid, row: row, question: i % 2 == 0 ? "name" : "business_income", old: "成员\(i - 2)", new: "成员\(i)",
                    at: "2020-11-20T08:00:00.000Z", clock: "0001606032000000-0000-" + String(hid.prefix(8)))
        floor.append(now() - t)
    }
    let (p50, p99) = (percentile(samples, 0.5), percentile(samples, 0.99))
    let (b50, b99) = (percentile(floor, 0.5), percentile(floor, 0.99))
    print(String(format: "commit one confirmed field, %3d members: bare SQLite (answer + audit row, WAL, synchronous=FULL, prepared) p50 %.3f ms, p99 %.3f ms; hufang (answer + audit + summary + changeset into the outbox) p50 %.3f ms, p99 %.3f ms; ratio p50 %.2f×, p99 %.2f× (target ≤ 3×), n=%d",
                 members, b50, b99, p50, p99, p50 / b50, p99 / b99, samples.count))
}

// 2. Open a store of 10,000 households and list the first screen of a village.
do {
    let path = dir.appendingPathComponent("open.sqlite").path
    try fill(try HouseholdStore(path: path, create: true), households: 10_000, villages: 20)
    var samples: [UInt64] = []
    for _ in 0..<20 {
        let t = now()
        let store = try HouseholdStore(path: path)
        let firstScreen = try store.households(village: "622922100207", limit: 18)
        let total = try store.householdCount(village: "622922100207")
        samples.append(now() - t)
        precondition(firstScreen.count == 18 && total == 500)
    }
    print(String(format: "open a store of 10,000 households + list a village's first screen: p50 %.2f ms, max %.2f ms (target ≤ 150 ms)",
                 percentile(samples, 0.5), Double(samples.max()!) / 1e6))
}

// 3. Search by name or ID-number prefix over 50,000 households.
do {
    let path = dir.appendingPathComponent("search.sqlite").path
    let t0 = now()
    try fill(try HouseholdStore(path: path, create: true), households: 50_000, villages: 100)
    print(String(format: "  (filled 50,000 households, 200,000 members in %.1f s)", Double(now() - t0) / 1e9))
    let store = try HouseholdStore(path: path)
    var samples: [UInt64] = []
    var found = 0
    for i in 0..<400 {
        let prefix: String
        switch i % 4 {
        case 0: prefix = SyntheticHouseholds.surname(i)                 // one character: many matches
        case 1: prefix = String(name(i * 13).prefix(2))
        case 2: prefix = String(idNumber(i * 17).prefix(10))
        default: prefix = String(idNumber(i * 17).prefix(16))
        }
        let t = now()
        found += try store.search(prefix, questionnaire: questionnaire, limit: 50).count
        samples.append(now() - t)
    }
    print(String(format: "search by name or ID prefix over 50,000 households (first 50 hits): p50 %.2f ms, p99 %.2f ms (target p99 ≤ 30 ms), %d hits",
                 percentile(samples, 0.5), percentile(samples, 0.99), found))
}

// 4. The supervisor's list over the same 50,000 households: the first page, then filters and sorts.
do {
    let store = try HouseholdStore(path: dir.appendingPathComponent("search.sqlite").path)
    let queries: [(String, ReviewQuery)] = [
        ("open (all, by number)", ReviewQuery()),
        ("status", ReviewQuery(status: .complete)),
        ("flag: errors", ReviewQuery(flag: .errors)),
        ("flag: comments", ReviewQuery(flag: .comments)),
        ("enumerator + sort by problems", ReviewQuery(enumerator: name(3), sort: .problems)),
        ("village + status", ReviewQuery(village: "622922100207", status: .sentBack)),
        ("search + status", ReviewQuery(status: .approved, search: SyntheticHouseholds.surname(5))),
    ]
    var worst = 0.0
    for (label, query) in queries {
        var samples: [UInt64] = []
        for _ in 0..<30 {
            let t = now()
            let page = try store.reviewList(query, questionnaire: questionnaire, limit: 18)
            samples.append(now() - t)
            precondition(!page.rows.isEmpty || query.flag == .comments)
        }
        worst = max(worst, Double(samples.max()!) / 1e6)
        print(String(format: "  review list over 50,000 households, %@: p50 %.2f ms, max %.2f ms", label, percentile(samples, 0.5), Double(samples.max()!) / 1e6))
    }
    print(String(format: "review list open and filter over 50,000 households: max %.2f ms (target ≤ 100 ms)", worst))

    // The same on the supervisor's screen (`hufang review`): open to the first frame, then each filter key
    // to its frame — the queries, the counts for the filters, the update and the render.
    var screen: [(String, UInt64)] = []
    for _ in 0..<10 {
        var t = now()
        let app = ReviewRuntime(store: store, questionnaire: questionnaire, lang: .zh, width: 80, height: 24, who: "审核员")
        app.start()
        _ = ReviewRender.frame(app.state)
        screen.append(("open", now() - t))
        for (label, key) in [("F2 status", Key.function(2)), ("F3 flag", .function(3)), ("F4 village", .function(4)), ("F5 enumerator", .function(5)),
                             ("F6 sort", .function(6)), ("type a surname", .char(Character(SyntheticHouseholds.surname(7))))] {
            t = now()
            app.send(.key(key))
            _ = ReviewRender.frame(app.state)
            screen.append((label, now() - t))
        }
        precondition(app.state.list.query.status != nil && app.state.list.query.flag != nil)
    }
    let screenWorst = Double(screen.map(\.1).max()!) / 1e6
    let slowest = screen.max { $0.1 < $1.1 }!.0
    print(String(format: "review screen over 50,000 households, open and each filter key to its frame: p50 %.2f ms, max %.2f ms (%@) (target ≤ 100 ms)",
                 percentile(screen.map(\.1), 0.5), screenWorst, slowest))
}

// 5. The dashboard of a village of 1,000 households of the sample village's kind.
do {
    let store = try HouseholdStore(path: dir.appendingPathComponent("dashboard.sqlite").path, create: true)
    try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }   // setting up only
    let village = SampleVillage.generate(questionnaire: questionnaire, seed: 11, households: 1_000)
    try store.insertWhole(village, enumerator: "李文华", who: "李文华") { iv in iv.hardErrorCount == 0 ? .complete : .inProgress }
    let code = try store.reviewFilters().villages[0]
    var samples: [UInt64] = []
    for _ in 0..<30 {
        let t = now()
        let d = try store.dashboard(village: code)
        samples.append(now() - t)
        precondition(d.households == 1_000)
    }
    print(String(format: "dashboard of a village of 1,000 households: p50 %.2f ms, max %.2f ms (target ≤ 200 ms)",
                 percentile(samples, 0.5), Double(samples.max()!) / 1e6))
    // On the supervisor's screen: F8 to the dashboard's frame (query, code labels, layout).
    var screen: [UInt64] = []
    let app = ReviewRuntime(store: store, questionnaire: questionnaire, lang: .zh, width: 80, height: 24, who: "审核员")
    app.start()
    for _ in 0..<30 {
        let t = now()
        app.send(.key(.function(8)))
        _ = ReviewRender.frame(app.state)
        screen.append(now() - t)
        precondition(app.state.dashboard?.page.households == 1_000)
        app.send(.key(.escape))
    }
    print(String(format: "dashboard screen (F8 to its frame), 1,000 households: p50 %.2f ms, max %.2f ms (target ≤ 200 ms)",
                 percentile(screen, 0.5), Double(screen.max()!) / 1e6))
}
