// Fuzz target: the expression language — lexer, parser, compiler (names and types against the real
// questionnaire in screens/, at household level and in every roster) and, for what compiles, the evaluator
// on a household with answers. The input is the expression's text (UTF-8; invalid bytes become U+FFFD).
import Foundation
import FuzzSupport
import Survey

/// The questionnaire and a household to evaluate on, made once per process.
final class Household: @unchecked Sendable {
    let questionnaire: Questionnaire
    let interview: Interview
    /// A row of each roster (nil when the roster could not get one).
    let rows: [String: RowID]

    init() {
        do { questionnaire = try DefinitionLoader.load(directory: Fuzz.root.appendingPathComponent("screens")) } catch {
            fatalError("ExpressionFuzz needs screens/: \(error)")
        }
        var interview = Interview(questionnaire: questionnaire, today: Day(year: 2026, month: 6, day: 1)!)
        var rows: [String: RowID] = [:]
        for roster in questionnaire.rosters {
            for _ in 0..<2 { if let (id, _) = try? interview.addRow(roster.id) { rows[roster.id] = id } }
        }
        self.rows = rows
        // Every typed question gets a plausible answer; the interview refuses what it refuses.
        for q in questionnaire.questions where q.isInput {
            let value: Value
            switch q.type {
            case .text: value = .text("张三")
            case .idNumber: value = .text("11010519491231002X")
            case .integer: value = .number(34)
            case .decimal: value = .number(12.5)
            case .code: value = .code(q.codeList?.items.first?.code ?? 1)
            case .codes: value = .codes(q.codeList?.items.prefix(2).map(\.code) ?? [1])
            case .yesno: value = .bool(true)
            case .date: value = .date(Day(year: 1980, month: 2, day: 29)!)
            }
            let row = q.roster.flatMap { [questionnaire] in rows[questionnaire.rosters[$0].id] }
            _ = try? interview.answer(q.index, row: row, value)
        }
        self.interview = interview
    }
}

let household = Household()

Fuzz.main { data in
    let source = String(decoding: data, as: UTF8.self)
    _ = try? ExpressionParser.parse(source)
    let q = household.questionnaire
    for roster in [nil] + q.rosters.map(\.id) {
        guard let compiled = try? q.compile(source, in: roster) else { continue }
        _ = household.interview.evaluate(compiled, row: roster.flatMap { household.rows[$0] }, roster: roster)
    }
}
