import Foundation
import SampleData
import Store
import Survey
import Testing
@testable import TUI

/// The enumerator's application as a user meets it: the real binary in a terminal (tmux), driven by
/// keys alone, its store read back afterwards.
@Suite(.serialized) struct InterviewEndToEndTests {
    static let questionnaire: Questionnaire = try! DefinitionLoader.load(directory: URL(fileURLWithPath: HufangBinary.screens))

    func newStore(sample: Bool = false) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("store.sqlite").path
        let r = try HufangBinary.run(["init", "--db", path] + (sample ? ["--sample"] : []))
        #expect(r.status == 0, "\(r.err)")
        return path
    }

    func exported(_ path: String) throws -> [String: Any] {
        let r = try HufangBinary.run(["export", "json", "--db", path])
        #expect(r.status == 0, "\(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    }

    /// (a) A household of four, from the list of an empty store to "complete", by keys alone; then
    /// `hufang export json` holds every answer typed.
    @Test func aHouseholdOfFourIsInterviewedToCompleteFromTheKeyboard() throws {
        let village = SampleVillage.generate(questionnaire: Self.questionnaire)
        let source = try #require(village.first { iv in
            iv.rows("members").count == 4 && iv.problems.isEmpty && !iv.rows("crops").isEmpty
                && iv.completeness.answered == iv.completeness.required && !Assessment(iv).statusDisagrees
        })
        let today = AppRuntime.today()
        let plan = try InterviewPlan.make(copying: source, today: today)
        let path = try newStore()
        let session = try TmuxSession(["--db", path, "--who", "测试员"])
        #expect(try session.waitFor("户名单"))
        for (i, step) in plan.steps.enumerated() {
            switch step {
            case .text(let t): try session.type(t)
            case .key(let k): try session.press(k)
            }
            if i % 40 == 39 { usleep(20_000) }       // let the application read what is queued
        }
        let completed = try session.waitFor("本户已完成", timeout: 60)
        let finalScreen = try session.screen()
        #expect(completed, "screen:\n\(finalScreen)")
        print("e2e (a): household of 4 members and \(source.rows("crops").count) crops completed with \(plan.keystrokes) keystrokes "
              + "(\(plan.specialKeys) Enter/F-keys, \(plan.keystrokes - plan.specialKeys) characters typed)")

        let export = try exported(path)
        let households = export["households"] as! [[String: Any]]
        #expect(households.count == 1)
        let h = households[0]
        #expect((h["household"] as! [String: Any])["status"] as? String == "complete")
        var order: [String: (String, Int)] = [:]
        for row in h["rows"] as! [[String: Any]] { order[row["id"] as! String] = (row["roster"] as! String, row["ord"] as! Int) }
        var stored: [String: String] = [:]
        for a in h["answers"] as! [[String: Any]] {
            let rid = a["rowID"] as! String
            let place = rid.isEmpty ? "" : "\(order[rid]!.0)#\(order[rid]!.1)"
            stored["\(a["question"] as! String)@\(place)"] = "\(a["type"] as! String):\(a["value"] as! String)"
        }
        let iv = plan.result!
        var expected: [String: String] = [:]
        for (key, value) in iv.answers {
            let q = iv.questionnaire.questions[key.question]
            var place = ""
            if let r = q.roster, let row = key.row { place = "\(iv.questionnaire.rosters[r].id)#\(iv.rowIDs(of: r).firstIndex(of: row)!)" }
            let e = ValueCoding.encode(value)
            expected["\(q.id)@\(place)"] = "\(e.type):\(e.text)"
        }
        // A whole household (about 150 answers since derived ones are no longer asked), not a handful.
        #expect(expected.count >= 140)
        #expect(stored == expected)
        // Every answer of the source household that applies was typed.
        let sourceAnswers = source.answers.filter { source.isRelevant($0.key.question, row: $0.key.row) }.count
        #expect(expected.count == sourceAnswers)
    }

    /// (e) Issue 14's field test, by keys alone at 80×24 in a store of one village: the household of
    /// `FieldTestHousehold` from the list to "complete" in at most 400 keys, the answers derived, offered
    /// or zeroed where the questionnaire says so, the contradiction of its status fixed through the
    /// sign-off page (返贫 and why), and every reason of the assessment on that page.
    @Test func theFieldTestHouseholdIsCompletedInAtMost400Keys() throws {
        let today = AppRuntime.today()
        let source: Interview
        do { source = try FieldTestHousehold.make(Self.questionnaire, today: today) } catch let e as FieldTestHousehold.Unplanned {
            Issue.record("no answer planned for \(e.questions)")
            return
        }
        let shape = Assessment(source)
        #expect(shape.statusDisagrees && shape.status == .returnedToPoverty)
        #expect(shape.guarantees.filter { $0.met == false }.map(\.id).sorted() == ["education", "housing", "medical"])
        #expect(shape.perCapitaNetIncome == 9720)
        let plan = try InterviewPlan.make(copying: source, today: today, visit: Visit(enumerator: "测试员", village: FieldTestHousehold.village),
                                          sparing: true, returnReason: "因病因学", warningReason: "属实")
        let special = plan.specialKeys, typed = plan.keystrokes - plan.specialKeys
        print("e2e (e): the field-test household (5 members, \(source.questionnaire.questions.filter(\.isInput).count) questions on the form) "
              + "completed with \(plan.keystrokes) keys (\(special) Enter/F-keys, \(typed) characters typed); the field test took 593")
        #expect(plan.keystrokes <= 400)
        // Every reason of the assessment was on the sign-off page it was completed from.
        let done = Assessment(plan.result)
        #expect(!done.statusDisagrees && done.status == .doesNotMeet)
        func squashed(_ s: String) -> String { s.filter { !$0.isWhitespace } }
        let page = squashed(plan.completedPage)
        for g in done.guarantees where g.met == false {
            for r in g.reasons { #expect(page.contains(squashed(r.text(.zh))), "missing: \(r.zh)") }
        }
        for r in done.householdReasons { #expect(page.contains(squashed(r.text(.zh))), "missing: \(r.zh)") }
        #expect(plan.waits.count == 1)                                    // 返贫 was recorded through the status entry

        let path = try newStore(sample: true)
        let session = try TmuxSession(["--db", path, "--who", "测试员"])
        #expect(try session.waitFor("户名单"))
        for (i, step) in plan.steps.enumerated() {
            if let text = plan.waits[i] {
                let shown = try session.waitFor(text, timeout: 30)
                let screen = try session.screen()
                #expect(shown, "before step \(i): \(screen)")
            }
            switch step {
            case .text(let t): try session.type(t)
            case .key(let k): try session.press(k)
            }
            if i % 40 == 39 { usleep(20_000) }
        }
        let completed = try session.waitFor("本户已完成", timeout: 60)
        let finalScreen = try session.screen()
        #expect(completed, "screen:\n\(finalScreen)")

        let export = try exported(path)
        let households = export["households"] as! [[String: Any]]
        let h = try #require(households.first { h in
            (h["answers"] as! [[String: Any]]).contains { $0["question"] as? String == "household_no" && $0["value"] as? String == FieldTestHousehold.householdNo }
        })
        #expect((h["household"] as! [String: Any])["status"] as? String == "complete")
        var stored: [String: String] = [:]
        for a in h["answers"] as! [[String: Any]] where (a["rowID"] as! String).isEmpty { stored[a["question"] as! String] = a["value"] as? String }
        #expect(stored["poverty_status"] == "3")
        #expect(stored["return_reason"] == "因病因学")
        #expect(stored["collector_1"] == "测试员" && stored["village_code"] == FieldTestHousehold.village)
        #expect(stored["wage_income"].flatMap(Double.init) == 45000)
        #expect(stored["dibao_income"] == nil && stored["one_child_family"] == nil)   // not asked; worked out
        let answers = (h["answers"] as! [[String: Any]]).count
        #expect(answers == plan.result.answers.count, "stored \(answers), planned \(plan.result.answers.count)")
    }

    /// (b) SIGKILL in the middle of an interview; relaunched, the household opens at the same field with
    /// every confirmed answer.
    @Test func aKilledInterviewReopensAtTheSameFieldWithEveryConfirmedAnswer() throws {
        let path = try newStore()
        var session: TmuxSession? = try TmuxSession(["--db", path])
        #expect(try session!.waitFor("户名单"))
        try session!.press("F7")
        #expect(try session!.waitFor("村统计用区划代码"))
        for (text, _) in [("622922100201", 0), ("三组", 0), ("0107", 0), ("2020-11-20", 0), ("马文明", 0), ("韩秀英", 0)] {
            try session!.type(text)
            try session!.press("Enter")
        }
        try session!.press("NPage")                           // leave A unfinished; on to B (no members yet)
        #expect(try session!.waitFor("F7 添加第一行"))
        try session!.press("F7")
        try session!.type("马文明")
        try session!.press("Enter")
        try session!.type("1")
        try session!.press("Enter")
        try session!.type("6229221975")                        // typed but not confirmed when the power goes
        #expect(try session!.waitFor("6229221975_"))
        #expect(try session!.currentField() == "身份证号码")
        let pid = try session!.pid()
        #expect(kill(pid, SIGKILL) == 0)
        usleep(200_000)
        #expect(try session!.exited())
        session = nil

        let again = try TmuxSession(["--db", path])
        #expect(try again.waitFor("0107"))
        #expect(try again.screen().contains("马文明"))       // the head's name is in the list already
        try again.press("Enter")
        #expect(try again.waitFor("B 家庭成员 · 第1/1人 马文明"))
        #expect(try again.currentField() == "身份证号码")
        let screen = try again.screen()
        #expect(screen.contains("1 户主"))
        #expect(!screen.contains("6229221975"))               // never confirmed, so never saved
        try again.press("PgUp", "PgUp")
        #expect(try again.waitFor("韩秀英"))
        let a = try again.screen()
        for text in ["622922100201", "三组", "0107", "2020-11-20", "马文明"] { #expect(a.contains(text), "\(text) missing:\n\(a)") }
    }

    /// (c) Resized to 60×15 and back: no crash, the "enlarge" screen, then the form as it was.
    @Test func resizingToTooSmallAndBackKeepsTheForm() throws {
        let path = try newStore()
        let session = try TmuxSession(["--db", path])
        #expect(try session.waitFor("户名单"))
        try session.press("F7")
        try session.type("6229221002")                          // an edit in progress
        #expect(try session.waitFor("6229221002_"))
        try session.resize(width: 60, height: 15)
        let small = try session.waitFor("终端窗口太小（60×15）")
        let shown = try session.screen()
        let size = try session.tmux(["display-message", "-p", "-t", session.name, "#{window_width}x#{window_height}"])
        #expect(small, "screen:\n\(shown)\n\(size)")
        try session.type("99")                                  // typed blind: ignored
        try session.resize(width: 80, height: 24)
        #expect(try session.waitFor("村统计用区划代码"))
        #expect(try session.screen().contains("6229221002_"))
        #expect(try session.currentField() == "村统计用区划代码")
        #expect(try !session.exited())
        for (w, h) in [(79, 24), (120, 40), (80, 23), (80, 24)] { try session.resize(width: w, height: h); usleep(100_000) }
        #expect(try session.waitFor("村统计用区划代码"))
        try session.type("01")
        try session.press("Enter")
        #expect(try session.waitFor("622922100201"))
        #expect(try !session.exited())
    }

    /// (d) A text answer with an escape sequence in it is stored as typed and drawn escaped, never obeyed
    /// (a name refuses control characters; the village group takes any text).
    @Test func anEscapeSequenceInATextAnswerIsStoredAndShownEscaped() throws {
        let path = try newStore()
        let session = try TmuxSession(["--db", path])
        #expect(try session.waitFor("户名单"))
        try session.press("F7")
        #expect(try session.waitFor("村统计用区划代码"))
        try session.press("Tab")                               // past the village code, left empty, to the village group
        try session.type("王")
        try session.press("C-v", "Escape")                     // Ctrl-V: the next key goes in as it is
        // Esc as a person presses it, alone: bytes arriving with it would be read as one (unknown, dropped) sequence.
        usleep(150_000)
        try session.type("[2J[31m红")
        try session.press("Enter")
        #expect(try session.waitFor("王\\e[2J[31m红"))
        let raw = try session.screen(escapes: true)
        #expect(!raw.contains("\u{1B}[2J"))
        try session.press("F10")
        #expect(try session.waitFor("户名单"))
        let export = try HufangBinary.run(["export", "json", "--db", path])
        #expect(export.out.contains("王\\u001b[2J[31m红"))
    }
}
