// Prints the store's figures: one confirmed-field commit (answer + audit + captured changeset, synchronous=FULL), opening a
// store of 10,000 households and listing a village's first screen, and prefix search over 50,000.
// Run: swift run -c release StoreBenchmark [screens-dir]
import Foundation
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

// 1. One confirmed field, committed with its audit line, synchronous=FULL, in households of 1, 12 and
// 200 members (each commit also refreshes the household's listing summary: progress and problem counts).
for members in [1, 12, 200] {
    let store = try HouseholdStore(path: dir.appendingPathComponent("commit-\(members).sqlite").path, create: true)
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
    var samples: [UInt64] = []
    for i in 0..<(members == 200 ? 500 : 2000) {
        let changes = i % 2 == 0 ? try iv.answer("name", row: rows[i % rows.count], .text("成员\(i)")) : try iv.answer("business_income", .number(Double(i)))
        let t = now()
        try store.commit(changes, of: iv, who: "李文华")
        samples.append(now() - t)
    }
    print(String(format: "commit one confirmed field (answer + audit + changeset into the outbox, synchronous=FULL), %3d members: p50 %.2f ms, p99 %.2f ms (target p99 ≤ 5 ms), n=%d",
                 members, percentile(samples, 0.5), percentile(samples, 0.99), samples.count))
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
        found += try store.search(prefix, limit: 50).count
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
        ("status", ReviewQuery(status: "complete")),
        ("flag: errors", ReviewQuery(flag: .errors)),
        ("flag: comments", ReviewQuery(flag: .comments)),
        ("enumerator + sort by problems", ReviewQuery(enumerator: name(3), sort: .problems)),
        ("village + status", ReviewQuery(village: "622922100207", status: "sent_back")),
        ("search + status", ReviewQuery(status: "approved", search: SyntheticHouseholds.surname(5))),
    ]
    var worst = 0.0
    for (label, query) in queries {
        var samples: [UInt64] = []
        for _ in 0..<30 {
            let t = now()
            let page = try store.reviewList(query, limit: 18)
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
    try store.insertWhole(village, enumerator: "李文华", who: "李文华") { iv in iv.hardErrorCount == 0 ? "complete" : "in_progress" }
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
