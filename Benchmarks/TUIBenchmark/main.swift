// Prints the enumerator screen's figures: keystroke → new frame (update + render + diff against the
// previous frame; a confirmed answer's `.committed` included, the store's own time not) in households of
// 12 and 200 members, and launch → first frame of the real binary on a store of 10,000 households.
// Run: swift run -c release TUIBenchmark [screens-dir] [path-to-hufang]
// `--root DIR` after them: only the launch figure, of the binary installed in that Debian root
// (path-to-hufang and screens-dir are paths inside it), as scripts/package-test runs it.
import Foundation
import SampleData
import Store
import Survey
import TUI

let args = Array(CommandLine.arguments.dropFirst())
let screens = args.first ?? "screens"
let binary = args.count > 1 ? args[1] : ".build/release/hufang"
if let i = args.firstIndex(of: "--root"), i + 1 < args.count {
    exit(installedLaunch(root: args[i + 1], binary: binary, screens: screens))
}
let questionnaire: Questionnaire
do { questionnaire = try DefinitionLoader.load(directory: URL(fileURLWithPath: screens)) } catch { print("cannot load \(screens): \(error)"); exit(1) }
let day = Day(year: 2020, month: 12, day: 31)!

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func percentile(_ xs: [UInt64], _ p: Double) -> Double { let s = xs.sorted(); return Double(s[min(s.count - 1, Int(Double(s.count) * p))]) / 1e6 }

/// A household of `members` people with the member section answered, as the interview screen holds it.
func household(members: Int) throws -> Interview {
    var iv = Interview(questionnaire: questionnaire, today: day)
    try iv.answer("village_code", .text("622922100201"))
    try iv.answer("interview_date", .date(Day(year: 2020, month: 11, day: 20)!))
    try iv.answer("household_type", .code(1))
    for m in 0..<members {
        let (row, _) = try iv.addRow("members")
        let born = Day(year: 1950 + m % 60, month: 1 + m % 12, day: 1 + m % 28)!
        try iv.answer("name", row: row, .text(SyntheticHouseholds.name(m)))
        try iv.answer("relation", row: row, .code(m == 0 ? 1 : 3))
        try iv.answer("id_number", row: row, .text(ResidentID.compose(region: "622922", born: born, sequence: m % 500, sex: 1 + m % 2)))
        try iv.answer("sex", row: row, .code(1 + m % 2))
        try iv.answer("age", row: row, .number(Double(2020 - born.year - 1)))
        try iv.answer("ethnicity", row: row, .code(1))
        try iv.answer("education", row: row, .code(3))
        try iv.answer("member_change", row: row, .code(1))
    }
    return iv
}

/// Keystrokes an enumerator makes on a member's name: type, correct, confirm (which re-checks the
/// household and moves on), go back. Each is timed from the key to the cells to send.
func keystrokes(members: Int, rounds: Int) throws -> [UInt64] {
    let iv = try household(members: members)
    var state = AppState(lang: .zh, width: 80, height: 24)
    var form = FormState.open(iv)
    let rows = iv.rows("members")
    let nameQ = questionnaire.questionIndex(of: "name")!, section = questionnaire.question("name")!.section
    var previous = Render.frame(state)
    var samples: [UInt64] = []
    let keys: [Key] = [.char("王"), .char("小"), .backspace, .char("明"), .char("0"), .enter, .backTab]
    for round in 0..<rounds {
        // A member in the middle of the roster, a different one each round.
        form.cursor = .field(Position(section: section, row: rows[(round * 7 + rows.count / 2) % rows.count], question: nameQ))
        form.edit = nil
        state.form = form
        for (i, k) in keys.enumerated() {
            let key: Key = i == 4 ? .char(Character(String(round % 10))) : k
            let t = now()
            // A confirmed answer asks the store; the store's yes comes back as `.committed`, and the frame after it
            // shows the answer (the store's own time is StoreBenchmark's figure).
            for case .commit in Update.apply(&state, .key(key)) { _ = Update.apply(&state, .committed) }
            let frame = Render.frame(state)
            let runs = frame.changes(since: previous)
            samples.append(now() - t)
            precondition(!runs.isEmpty || key == .backTab || key == .enter)
            previous = frame
        }
        form = state.form!
    }
    return samples
}

// 1. Keystroke → frame, 12 and 200 members (warm-up round first, then interleaved measured rounds).
_ = try keystrokes(members: 12, rounds: 20)
_ = try keystrokes(members: 200, rounds: 5)
var small: [UInt64] = [], large: [UInt64] = []
for _ in 0..<4 {
    small += try keystrokes(members: 12, rounds: 150)
    large += try keystrokes(members: 200, rounds: 40)
}
for (members, samples) in [(12, small), (200, large)] {
    print(String(format: "keystroke → frame (update + render + diff), %3d members: p50 %.3f ms, p99 %.3f ms (target p99 ≤ 1 ms), n=%d",
                 members, percentile(samples, 0.5), percentile(samples, 0.99), samples.count))
}

// 2. Launch → first frame: the real binary on a pseudo-terminal, a store of 10,000 households; it
// draws its first frame and exits (HUFANG_EXIT_AFTER_FIRST_FRAME), and the whole run is timed.
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-tui-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }
let path = dir.appendingPathComponent("store.sqlite").path
try SyntheticHouseholds.fill(try HouseholdStore(path: path, create: true), households: 10_000, villages: 20)

var launches: [UInt64] = []
for _ in 0..<15 { if let t = launchToFirstFrame(binary: binary, store: path, screens: screens) { launches.append(t) } }
if launches.isEmpty {
    print("launch → first frame: could not run \(binary) on a pseudo-terminal")
} else {
    print(String(format: "launch → first frame of the real binary, store of 10,000 households: p50 %.1f ms, max %.1f ms (target < 300 ms), n=%d",
                 percentile(launches, 0.5), Double(launches.max()!) / 1e6, launches.count))
}

// In-process breakdown of the same start: questionnaire, store, first list page, first frame.
do {
    let t0 = now()
    let q = try DefinitionLoader.load(directory: URL(fileURLWithPath: screens))
    let t1 = now()
    let runtime = AppRuntime(store: try HouseholdStore(path: path), questionnaire: q, lang: .zh, width: 80, height: 24, who: "bench")
    runtime.start()
    let t2 = now()
    _ = Render.frame(runtime.state).changes(since: nil)
    let t3 = now()
    print(String(format: "  (in process: load questionnaire %.1f ms, open store + first list page %.1f ms, first frame %.2f ms)",
                 Double(t1 - t0) / 1e6, Double(t2 - t1) / 1e6, Double(t3 - t2) / 1e6))
}
