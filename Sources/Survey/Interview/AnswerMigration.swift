import Foundation

/// What migrating one household's stored answers from the previous questionnaire version does: every
/// answer that changes and how, or every reason it cannot. A household migrates whole or not at all.
public struct AnswerMigration: Sendable, Equatable {
    /// One stored answer as the previous version left it.
    public struct Answer: Sendable, Equatable, Codable {
        public var question: String
        public var row: RowID?
        public var value: Value
        public init(question: String, row: RowID?, value: Value) { self.question = question; self.row = row; self.value = value }
    }

    /// An answer that changes: its new question (nil when dropped) and value, and the steps that did it.
    public struct Change: Sendable, Equatable {
        public var old: Answer
        public var newQuestion: String?
        public var newValue: Value?
        /// The steps, technically (`wubao_income→tekun_income`, `round(.)`, `4→5 when disability_cert`).
        public var steps: [String]
    }

    /// Why an answer cannot migrate.
    public struct Problem: Sendable, Equatable, Codable {
        public var answer: Answer
        public var reason: Reason

        public enum Reason: Sendable, Equatable, Codable {
            /// The previous version had no such question (the store holds something neither version asks).
            case unknownQuestion(version: String)
            /// The conversion gave nothing (`expression`), or a value the new question cannot hold.
            case conversionFailed(expression: String)
            case conversionDoesNotFit(expression: String, result: Value, type: FieldType)
            /// A code the new list does not have and no step maps.
            case codeNotMapped(code: Int, list: String)
            /// A split code none of whose conditions held.
            case splitUndecided(code: Int, conditions: [String])
        }

        /// The reason, in the user's language.
        public func text(_ lang: Language) -> String {
            let where_ = answer.question
            switch reason {
            case .unknownQuestion(let version): return Phrase.migrationUnknownQuestion.text(lang, where_, version)
            case .conversionFailed(let e): return Phrase.migrationConversionFailed.text(lang, where_, answer.value.display, e)
            case .conversionDoesNotFit(let e, let result, let type):
                return Phrase.migrationConversionDoesNotFit.text(lang, where_, answer.value.display, e, result.display, type)
            case .codeNotMapped(let code, let list): return Phrase.migrationCodeNotMapped.text(lang, where_, code, list)
            case .splitUndecided(let code, let conditions):
                return Phrase.migrationSplitUndecided.text(lang, where_, code, conditions.joined(separator: Phrase.listSeparator.text(lang)))
            }
        }
    }

    public private(set) var changes: [Change] = []
    public private(set) var problems: [Problem] = []
    /// The versions migrated between.
    public let from: String, to: String

    /// Plans the migration of `answers` (all of a household's, or those a bundle of the previous version
    /// brought) into `questionnaire`, whose migration says how; the household's rows and reference day
    /// are what conditions and conversions read.
    public init(answers: [Answer], into questionnaire: Questionnaire, householdID: UUID, today: Day,
                rows: [String: [RowID]], removed: [String: [RemovedRow]] = [:]) {
        let q = questionnaire
        from = q.migration?.from ?? q.version
        to = q.version
        guard let migration = q.migration else { return }
        // Names first: conditions and conversions read the household under this version's names.
        var named: [(answer: Answer, question: String?, steps: [String])] = []
        for a in answers {
            var id: String? = a.question, steps: [String] = []
            for step in migration.steps {
                switch step {
                case .rename(let old, let new) where id == old: id = new; steps.append("\(old)→\(new)")
                case .remove(let gone) where id == gone: id = nil; steps.append("−\(gone)")
                default: continue
                }
            }
            named.append((a, id, steps))
        }
        let household = Interview(questionnaire: q, householdID: householdID, today: today, rows: rows, removed: removed,
                                  answers: named.compactMap { n in n.question.map { ($0, n.answer.row, n.answer.value) } })
        for (answer, id, renameSteps) in named {
            var steps = renameSteps
            guard let id else { changes.append(Change(old: answer, newQuestion: nil, newValue: nil, steps: steps)); continue }
            guard let question = q.question(id), question.isInput else {
                problems.append(Problem(answer: answer, reason: .unknownQuestion(version: from))); continue
            }
            var value = answer.value
            var failed = false
            for step in migration.steps where !failed {
                switch step {
                case .retype(let retyped, _, let convert) where retyped == id:
                    guard let converted = household.evaluate(convert, row: answer.row, roster: question.roster.map { q.rosters[$0].id }, current: value) else {
                        problems.append(Problem(answer: answer, reason: .conversionFailed(expression: convert.source))); failed = true; continue
                    }
                    steps.append(convert.source)
                    value = converted
                case .recode(let list, let map) where question.codeList?.id == list:
                    var undecided: Problem?
                    func recode(_ code: Int) -> Int? {
                        guard let choices = map[code] else { return code }
                        for choice in choices {
                            if let when = choice.when[id],
                               household.evaluate(when, row: answer.row, roster: question.roster.map { q.rosters[$0].id }) != .bool(true) { continue }
                            steps.append("\(code)→\(choice.code)" + (choice.source.map { " (\($0))" } ?? ""))
                            return choice.code
                        }
                        undecided = Problem(answer: answer, reason: .splitUndecided(code: code, conditions: choices.compactMap(\.source)))
                        return nil
                    }
                    switch value {
                    case .code(let c): if let new = recode(c) { value = .code(new) }
                    case .number(let n) where Int(exactly: n) != nil: if let new = recode(Int(n)) { value = .code(new) }
                    case .codes(let cs):
                        let news = cs.map(recode)
                        if !news.contains(nil) { value = .codes(Array(Set(news.compactMap { $0 })).sorted()) }
                    default: continue
                    }
                    if let undecided { problems.append(undecided); failed = true }
                default: continue
                }
            }
            if failed { continue }
            if let problem = Self.misfit(value, question, after: answer, steps: steps) { problems.append(problem); continue }
            if id != answer.question || value != answer.value {
                changes.append(Change(old: answer, newQuestion: id, newValue: value, steps: steps))
            }
        }
    }

    /// Whether the household can migrate: no answer has a problem.
    public var isPossible: Bool { problems.isEmpty }

    /// A value the new question cannot hold: a retyped one of the wrong type, or a code no list has.
    private static func misfit(_ value: Value, _ question: Question, after answer: Answer, steps: [String]) -> Problem? {
        let fits: Bool
        switch (question.type, value) {
        case (.text, .text), (.idNumber, .text), (.yesno, .bool), (.date, .date), (.decimal, .number): fits = true
        case (.integer, .number(let n)): fits = n == n.rounded()
        case (.code, .code(let c)):
            if let list = question.codeList, !list.contains(c) { return Problem(answer: answer, reason: .codeNotMapped(code: c, list: list.id)) }
            fits = true
        case (.code, .number(let n)):
            guard let c = Int(exactly: n) else { fits = false; break }
            if let list = question.codeList, !list.contains(c) { return Problem(answer: answer, reason: .codeNotMapped(code: c, list: list.id)) }
            fits = true
        case (.codes, .codes(let cs)):
            if let list = question.codeList, let bad = cs.first(where: { !list.contains($0) }) {
                return Problem(answer: answer, reason: .codeNotMapped(code: bad, list: list.id))
            }
            fits = true
        default: fits = false
        }
        guard !fits else { return nil }
        return Problem(answer: answer, reason: .conversionDoesNotFit(expression: steps.last ?? "", result: value, type: question.type))
    }
}
