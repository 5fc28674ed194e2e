import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// Issue 18's key budgets: the yearly re-survey of a household that has not changed (at most 60 keys), and of one
/// with a birth, a death and two changed incomes (at most 120), from the household list to "complete", in the real
/// binary under tmux. The keys are worked out first by running the application
/// headless on a store made the same way (as a cadre keys: F11 on each page, last year's answer typed again
/// where a question is asked afresh each year, F9 on the sign-off page), then sent to the binary.
@Suite(.serialized) struct RoundEndToEndTests {
    static let village = "622922100201"
    /// Household 0075 of the sample village: poor and still poor, five members.
    static let number = "0075"

    /// The sample village with its 2021 round started, as a cadre's laptop has it.
    func storeWithRound() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-round-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("store.sqlite").path
        var r = try HufangBinary.run(["init", "--db", path, "--sample"])
        #expect(r.status == 0, "\(r.err)")
        r = try HufangBinary.run(["round", "start", "--db", path, "--village", Self.village, "--year", "2021", "--day", "2021-12-20", "--who", "测试员"])
        #expect(r.status == 0, "\(r.err)")
        return path
    }

    /// What changed in the household since last year, as the cadre keys it.
    struct Changes {
        /// A member added on the members' page (F7 at its end): what is typed at each of its questions.
        var added: [String: String] = [:]
        /// The member (by order) whose page records a death (`member_change` 5), the rest of it confirmed.
        var died: Int?
        /// Household questions typed over last year's answer.
        var typed: [String: String] = [:]
    }

    /// The keys, planned on `path`'s households (the plan's own store is changed by it).
    static func plan(_ path: String, _ changes: Changes = Changes()) throws -> (steps: [InterviewPlan.Step], keys: Int, round: UUID) {
        let store = try HouseholdStore(path: path)
        let questionnaire = InterviewEndToEndTests.questionnaire
        let app = AppRuntime(store: store, questionnaire: questionnaire, lang: .zh, width: 80, height: 24, who: "测试员",
                             today: { AppRuntime.today() })
        app.start()
        var steps: [InterviewPlan.Step] = []
        func press(_ key: Key, _ name: String) { steps.append(.key(name)); app.send(.key(key)) }
        func type(_ text: String) { steps.append(.text(text)); for c in text { app.send(.key(.char(c))) } }

        // The household found by its number, as a cadre goes down the village's list.
        type(number)
        press(.enter, "Enter")
        let round = try #require(app.state.form?.interview.householdID)
        let members = try #require(questionnaire.rosters.firstIndex { $0.id == "members" })
        let memberChange = try #require(questionnaire.question("member_change")?.index)
        let carried = app.state.form?.interview.rowIDs(of: members) ?? []
        var added: RowID?
        var refused = false
        for _ in 0..<200 {
            guard let form = app.state.form, try store.household(round).status != .complete else { break }
            if app.state.overlay == .confirmComplete { press(.enter, "Enter"); continue }
            switch (form.mode, form.cursor) {
            case (.assessment, _):
                // The sign-off page: F9 completes, or, refused, selects what is missing; Enter goes to it.
                if refused { press(.enter, "Enter") } else { press(.function(9), "F9") }
                refused.toggle()
                continue
            case (.fields, .rosterEnd(let section)):
                if !changes.added.isEmpty, added == nil, questionnaire.sections[section].roster == members {
                    press(.function(7), "F7")                           // the new member's row
                    added = app.state.form?.interview.rowIDs(of: members).last
                } else {
                    press(.enter, "Enter")
                }
            case (.fields, .field(let p)):
                let question = questionnaire.questions[p.question]
                let unanswered = form.interview.value(of: p.question, row: p.row) == nil
                if let row = p.row, row == added, unanswered {
                    // The new member: what is planned is typed, an offer (the head's ethnicity) confirmed, an optional question passed.
                    if let text = changes.added[question.id] { type(text); press(.enter, "Enter") }
                    else if form.edit?.offered == true { press(.enter, "Enter") }
                    else if !question.required { press(.tab, "Tab") }
                    else { Issue.record("nothing planned for \(question.id) of the new member"); return (steps, .max, round) }
                } else if let died = changes.died, let row = p.row, carried.firstIndex(of: row) == died,
                          form.interview.value(of: memberChange, row: row) == nil, question.section == questionnaire.questions[memberChange].section {
                    // The member who died: Tab down to the change, 5, and the page's other answers confirmed with F11.
                    if p.question == memberChange { type("5"); press(.enter, "Enter") } else { press(.tab, "Tab") }
                } else if unanswered, let text = changes.typed[question.id] {
                    type(text)                                       // over last year's answer, offered
                    press(.enter, "Enter")
                } else if unanswered, form.offer(at: p) == nil, let last = form.lastYear(p) {
                    // Asked afresh each year, answered as last year: the code, or 1 for yes.
                    switch last {
                    case .bool(let yes): type(yes ? "1" : "2")
                    case .code(let c): type(String(c))
                    default: type(last.display)
                    }
                    press(.enter, "Enter")
                } else if form.edit?.offered == true, form.edit?.fromLastYear == false {
                    press(.enter, "Enter")                           // the day of the visit, who visits: offered, confirmed
                } else {
                    press(.function(11), "F11")
                }
            default:
                press(.escape, "Escape")
            }
            refused = false
        }
        let keys = steps.reduce(0) { n, step in if case .text(let t) = step { return n + t.count } else { return n + 1 } }
        return (steps, keys, round)
    }

    /// Sends the planned keys to the real binary on `path` and waits for "complete".
    func replay(_ steps: [InterviewPlan.Step], on path: String) throws {
        let session = try TmuxSession(["--db", path, "--who", "测试员"])
        #expect(try session.waitFor("户名单"))
        for step in steps {
            switch step {
            case .text(let t):
                try session.type(t)
                // The search answers before Enter opens what it found.
                if t == Self.number {
                    let found = try session.waitFor("共 1 户"), screen = try session.screen()
                    #expect(found, "\(screen)")
                }
            case .key(let k): try session.press(k)
            }
            usleep(30_000)
        }
        let completed = try session.waitFor("本户已完成", timeout: 60)
        let finalScreen = try session.screen()
        #expect(completed, "screen:\n\(finalScreen)")
    }

    static func shown(_ steps: [InterviewPlan.Step]) -> String {
        steps.map { step in if case .text(let t) = step { return "“\(t)”" } else if case .key(let k) = step { return k } else { return "" } }
            .joined(separator: " ")
    }

    /// Plans the re-survey on one store, checks its keys against the budget, replays them in the binary on another,
    /// and hands back the binary's store (its household completed) and the plan's.
    func reSurvey(_ changes: Changes, _ what: String, budget: Int) throws -> (store: HouseholdStore, planned: HouseholdStore, round: UUID) {
        let planned = try storeWithRound(), path = try storeWithRound()
        let (steps, keys, round) = try Self.plan(planned, changes)
        let plannedStore = try HouseholdStore(path: planned)
        #expect(try plannedStore.household(round).status == .complete, "the plan did not complete the household")
        let fKeys = steps.filter { $0 == .key("F11") }.count
        print("e2e (round): household \(Self.number) (5 members) re-surveyed \(what) with \(keys) keys (\(fKeys) × F11), budget \(budget)")
        print("e2e (round): the keys: " + Self.shown(steps))
        #expect(keys <= budget)
        try replay(steps, on: path)
        let store = try HouseholdStore(path: path)
        #expect(try store.household(round).status == .complete)
        return (store, plannedStore, round)
    }

    @Test func anUnchangedFiveMemberHouseholdIsReSurveyedInAtMost60Keys() throws {
        let (store, plannedStore, round) = try reSurvey(Changes(), "unchanged", budget: 60)
        // The binary's store holds what the plan's does: every answer, the same audit kinds.
        let q = InterviewEndToEndTests.questionnaire
        let mine = try store.interview(round, questionnaire: q), theirs = try plannedStore.interview(round, questionnaire: q)
        #expect(mine.answers.count == theirs.answers.count && mine.answers.count > 100, "\(mine.answers.count) answers")
        let trail = try store.auditTrail(round)
        let confirmed = trail.filter { $0.kind == .confirmedUnchanged }.count, typed = trail.filter { $0.kind == .answer }.count
        print("e2e (round): \(confirmed) answers confirmed unchanged, \(typed) recorded as answers of the year")
        #expect(confirmed > 100)
        // Every answer of last year came back unchanged: the sign-off questions and the visit are this year's own,
        // and an answer that follows from others (the age) is worked out again.
        let previous = try #require(try store.previousRound(of: round))
        for (key, value) in previous.values {
            guard let qi = q.question(key.question)?.index, q.questions[qi].isInput, !q.questions[qi].eachRound, !q.questions[qi].skipWhenDefault else { continue }
            #expect(mine.value(of: qi, row: key.row) == value, "\(key.question)")
        }
    }

    @Test func aHouseholdWithABirthADeathAndTwoChangedIncomesIsReSurveyedInAtMost120Keys() throws {
        let baby = ResidentID.compose(region: "622922", born: Day(year: 2021, month: 6, day: 1)!, sequence: 7, sex: 2)
        // The baby: its page of members, then its health (not of working or school age: nothing else is asked).
        let changes = Changes(added: ["name": "杨禾", "relation": "7", "id_number": baby, "education": "7", "member_change": "2",
                                      "health": "1", "medical_insurance": "1", "commercial_insurance": "2", "family_doctor": "1",
                                      "medical_spending": "0"],
                              died: 4, typed: ["wage_income": "30000", "business_income": "3000"])
        let (store, _, round) = try reSurvey(changes, "with a birth, a death and two changed incomes", budget: 120)
        let q = InterviewEndToEndTests.questionnaire
        let iv = try store.interview(round, questionnaire: q)
        let rows = iv.rows("members")
        #expect(rows.count == 6)
        #expect(iv.value("id_number", row: rows[5]) == .text(baby) && iv.value("member_change", row: rows[5]) == .code(2))
        #expect(iv.value("age", row: rows[5]) == .number(0))
        #expect(iv.value("member_change", row: rows[4]) == .code(5) && iv.value("present", row: rows[4]) == .bool(false))
        #expect(iv.value("household_size") == .number(5), "four of last year's members and the new one")
        #expect(iv.value("wage_income") == .number(30000) && iv.value("business_income") == .number(3000))
        // What changed is an answer of the year in the trail; what did not, confirmed unchanged.
        let trail = try store.auditTrail(round)
        for question in ["wage_income", "business_income"] {
            #expect(trail.filter { $0.subject == question }.map(\.kind) == [.answer], "\(question)")
        }
        #expect(trail.contains { $0.subject == "member_change" && $0.rowID == rows[4] && $0.kind == .answer })
        #expect(trail.contains { $0.subject == "arable_mu" && $0.kind == .confirmedUnchanged })
    }
}
