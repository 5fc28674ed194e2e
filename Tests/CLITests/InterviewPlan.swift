import Foundation
import Store
import Survey
@testable import TUI

/// The keys an enumerator presses to type a given household into a new interview, worked out by
/// running the application's own `update` on a copy (no store, no terminal): at each stop it looks at
/// which question is asked and types the source household's answer, or presses Enter to leave an
/// optional one empty. The end-to-end test then sends exactly these keys to the real binary.
///
/// `sparing` plans as a practised cadre keys: Enter on a pre-filled answer that is right, Tab past one
/// that does not apply, F12 where "none of these" gives exactly the zeros the household has, the
/// status fixed through the sign-off page, and the warnings explained on it.
struct InterviewPlan {
    enum Step: Equatable {
        case text(String)
        case key(String)        // a tmux key name
    }
    var steps: [Step] = []
    /// The interview as the plan leaves it: what the store must hold afterwards.
    var result: Interview!
    /// Text the screen shows before the step of that index is sent (the status entry of the sign-off page).
    var waits: [Int: String] = [:]
    /// The whole sign-off page (every row of it) as it stood when the household was completed.
    var completedPage = ""

    /// Keys a user presses: one per special key and one per character typed.
    var keystrokes: Int { steps.reduce(0) { $0 + (caseText($1)?.count ?? 1) } }
    var specialKeys: Int { steps.filter { caseText($0) == nil }.count }
    private func caseText(_ s: Step) -> String? { if case .text(let t) = s { return t } else { return nil } }

    /// Plans the keys from the household list of an empty store to "complete".
    static func make(copying source: Interview, today: Day, visit: Visit = Visit(), sparing: Bool = false,
                     returnReason: String = "", warningReason: String = "") throws -> InterviewPlan {
        var plan = InterviewPlan()
        var state = AppState(lang: .zh, width: 80, height: 24)
        state.list.loading = false
        var interview: Interview?         // the household as last stored

        func press(_ key: Key, _ name: String) {
            plan.steps.append(.key(name))
            var queue: [Message] = [.key(key)]
            while !queue.isEmpty {
                for effect in Update.apply(&state, queue.removeFirst()) {
                    switch effect {
                    case .create:
                        var iv = Interview(questionnaire: source.questionnaire, today: today)
                        iv.visit = visit                    // as the runtime gives it: the enumerator, the village
                        interview = iv
                        queue.append(.opened(InterviewBox(iv)))
                    case .commit:
                        interview = state.pending?.form.interview
                        queue.append(.committed)
                    case .setStatus(let id, let status): queue.append(.statusStored(household: id, status: status))
                    case .loadList(let q, _, _): queue.append(.listLoaded(ListPage(query: q, offset: 0, total: 0, households: [])))
                    default: break
                    }
                }
            }
        }
        func type(_ text: String) {
            plan.steps.append(.text(text))
            for c in text { _ = Update.apply(&state, .key(.char(c))) }
        }

        press(.function(7), "F7")
        let q = source.questionnaire
        var guardCount = 0
        while let form = state.form {
            guardCount += 1
            if guardCount > 5000 { throw PlanError.stuck("no end after 5000 stops") }
            // A refusal on a field is a plan gone wrong; on the sign-off page F9's refusal says what is left.
            if let problem = state.status, problem.kind == .error, form.mode == .fields { throw PlanError.stuck("refused: \(problem.text)") }
            if state.overlay == .confirmComplete {                 // completing asks once more
                press(.enter, "Enter")
                continue
            }
            if case .prompt? = state.overlay {                       // a warning explained on the sign-off page
                type(warningReason)
                press(.enter, "Enter")
                continue
            }
            switch form.mode {
            case .assessment(let page):
                // The page opens before the consent question, at it (Enter goes there), and after the last question.
                let iv = form.interview
                let entries = SignOffEntry.all(iv), problems = iv.problems
                let selected = entries.indices.contains(page.items.selected) ? entries[page.items.selected] : nil
                let blockers = SignOff.blockers(iv, lang: .zh)
                let onlyProblems = blockers.allSatisfy {
                    $0 == Phrase.warningSNeedReason.text(.zh, iv.unexplainedWarningCount) || $0 == Phrase.signOffStatusBlocker.text(.zh)
                }
                if blockers.isEmpty {
                    plan.completedPage = AssessmentView.canvas(iv, selected: 0, width: 80, lang: .zh).0.text
                    press(.function(9), "F9")
                } else if selected == .status {
                    plan.waits[plan.steps.count] = "评估为返贫"
                    press(.enter, "Enter")                                          // records 返贫, then asks why
                }
                else if case .problem(let i)? = selected, problems[i].severity == .warning, problems[i].overrideReason == nil, sparing {
                    press(.function(7), "F7")
                } else if onlyProblems, sparing { press(.function(9), "F9") }      // refused: it selects what is left
                else { press(.enter, "Enter") }
                continue
            case .fields: break
            default: throw PlanError.stuck("unexpected page \(form.mode)")
            }
            let iv = form.interview
            switch form.cursor {
            case .rosterEnd(let s):
                let r = q.sections[s].roster!
                if iv.rowIDs(of: r).count < source.rowIDs(of: r).count { press(.function(7), "F7") } else { press(.enter, "Enter") }
            case .field(let p):
                let question = q.questions[p.question]
                var sourceRow: RowID?
                if let r = question.roster, let row = p.row, let i = iv.rowIDs(of: r).firstIndex(of: row) { sourceRow = source.rowIDs(of: r)[i] }
                var want = source.value(of: p.question, row: sourceRow)
                if want == nil, question.id == SignOff.returnReason, !returnReason.isEmpty { want = .text(returnReason) }
                guard sparing else {
                    if let v = want { type(v.display) }                // display is how it is typed
                    press(.enter, "Enter")
                    continue
                }
                if let edit = form.edit, edit.offered {
                    if want == nil { press(.tab, "Tab"); continue }                 // an offer that does not apply
                    if case .success(let offered) = FieldInput.parse(edit.text, for: question, highlight: edit.highlight, lang: .zh),
                       offered == want {
                        press(.enter, "Enter")                                      // the offer is right: confirmed
                        continue
                    }
                }
                if want != nil, question.type == .integer || question.type == .decimal, noneGivesTheSource(state, source) {
                    press(.function(12), "F12")
                    continue
                }
                if let v = want { type(v.display) }
                press(.enter, "Enter")
            }
        }
        guard let status = state.status?.text, status.contains("已完成") else { throw PlanError.stuck("not completed: \(state.status?.text ?? "")") }
        plan.result = interview
        return plan
    }

    /// Whether "none of these" here answers exactly what the source household has: zeros it has, nothing else.
    static func noneGivesTheSource(_ state: AppState, _ source: Interview) -> Bool {
        var copy = state
        _ = Update.apply(&copy, .key(.function(12)))
        guard let before = state.form?.interview, let after = copy.pending?.form.interview else { return false }
        let q = source.questionnaire
        for (key, value) in after.answers where before.answers[key] != value {
            var row: RowID?
            if let r = q.questions[key.question].roster, let kr = key.row, let i = after.rowIDs(of: r).firstIndex(of: kr) {
                row = source.rowIDs(of: r)[i]
            }
            if source.value(of: key.question, row: row) != value { return false }
        }
        return true
    }

    enum PlanError: Error { case stuck(String) }
}
