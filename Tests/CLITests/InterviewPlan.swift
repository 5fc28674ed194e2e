import Foundation
import Store
import Survey
@testable import TUI

/// The keys an enumerator presses to type a given household into a new interview, worked out by
/// running the application's own `update` on a copy (no store, no terminal): at each stop it looks at
/// which question is asked and types the source household's answer, or presses Enter to leave an
/// optional one empty. The end-to-end test then sends exactly these keys to the real binary.
struct InterviewPlan {
    enum Step: Equatable {
        case text(String)
        case key(String)        // a tmux key name
    }
    var steps: [Step] = []
    /// The interview as the plan leaves it: what the store must hold afterwards.
    var result: Interview!

    /// Keys a user presses: one per special key and one per character typed.
    var keystrokes: Int { steps.reduce(0) { $0 + (caseText($1)?.count ?? 1) } }
    var specialKeys: Int { steps.filter { caseText($0) == nil }.count }
    private func caseText(_ s: Step) -> String? { if case .text(let t) = s { return t } else { return nil } }

    /// Plans the keys from the household list of an empty store to "complete".
    static func make(copying source: Interview, today: Day) throws -> InterviewPlan {
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
                        let iv = Interview(questionnaire: source.questionnaire, today: today)
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
            if let problem = state.status, problem.kind == .error { throw PlanError.stuck("refused: \(problem.text)") }
            if state.overlay == .confirmComplete {                 // completing asks once more
                press(.enter, "Enter")
                continue
            }
            switch form.mode {
            case .assessment:
                // The page opens before the consent question, at it (Enter goes there), and after the last question.
                if SignOff.blockers(form.interview, lang: .zh).isEmpty { press(.function(9), "F9") } else { press(.enter, "Enter") }
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
                if let v = source.value(of: p.question, row: sourceRow) { type(v.display) }   // display is how it is typed
                press(.enter, "Enter")
            }
        }
        guard let status = state.status?.text, status.contains("已完成") else { throw PlanError.stuck("not completed: \(state.status?.text ?? "")") }
        plan.result = interview
        return plan
    }

    enum PlanError: Error { case stuck(String) }
}
