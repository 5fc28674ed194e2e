import Foundation

/// One answer's place: a question, and the roster row it belongs to (nil for household questions).
public struct FieldKey: Hashable, Sendable, Codable {
    public var question: Int
    public var row: RowID?
    public init(_ question: Int, _ row: RowID?) { self.question = question; self.row = row }
}

/// One check's instance: per row for roster checks, once for household checks.
public struct CheckKey: Hashable, Sendable {
    public var check: Int
    public var row: RowID?
    public init(_ check: Int, _ row: RowID?) { self.check = check; self.row = row }
}

/// Where the cursor is: a section, a row of its roster (if any), a question.
public struct Position: Hashable, Sendable, Codable {
    public var section: Int
    public var row: RowID?
    public var question: Int
    public init(section: Int, row: RowID?, question: Int) { self.section = section; self.row = row; self.question = question }
}

/// A failing check, as the checks panel lists it.
public struct Problem: Sendable, Equatable {
    public var check: Int
    public var row: RowID?
    public var severity: Severity
    /// The reason typed to accept a soft problem; nil while it still needs one.
    public var overrideReason: String?
    public var key: CheckKey { CheckKey(check, row) }
}

/// What changed, for the store to write in one transaction each.
public enum InterviewChange: Sendable, Equatable {
    case answer(question: String, row: RowID?, old: Value?, new: Value?)
    case rowAdded(roster: String, row: RowID, order: Int)
    case rowRemoved(roster: String, row: RowID, reason: String)
    case override(check: String, row: RowID?, reason: String?)
}

/// A roster row taken out of the household, kept with why.
public struct RemovedRow: Sendable, Equatable, Codable {
    public var row: RowID
    public var reason: String
    public init(row: RowID, reason: String) { self.row = row; self.reason = reason }
}

/// A question or roster as a message names it: its id, and its label in both languages.
public struct Labelled: Hashable, Sendable {
    public var id: String
    public var label: Localized
    public init(id: String, label: Localized) { self.id = id; self.label = label }
    public init(_ q: Question) { self.init(id: q.id, label: q.label) }
    public init(_ r: Roster) { self.init(id: r.id, label: r.label) }
}

/// Why an action on the interview was refused; `message` renders it for the enumerator.
public enum InterviewError: Error, Equatable, Sendable {
    case unknownQuestion(String)
    case calculated(Labelled)
    case notRelevant(Labelled)
    case wrongType(Labelled, expected: FieldType)
    case notInCodeList(Labelled, Int)
    case noSuchRow
    case rosterFull(Labelled, Int)
    case reasonRequired
    case hardCheckCannotBeOverridden
    case notFailing
    case hardErrorsRemain(Int)

    /// The message, in the user's language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .unknownQuestion(let q): return Phrase.noSuchQuestion.text(lang, q)
        case .calculated(let q): return Phrase.calculatedCannotBeTyped.text(lang, q.label)
        case .notRelevant(let q): return Phrase.doesNotApplyHere.text(lang, q.label)
        case .wrongType(let q, let t): return Phrase.questionNeeds.text(lang, q.label, t)
        case .notInCodeList(let q, let c): return Phrase.hasNoCode.text(lang, q.label, c)
        case .noSuchRow: return Phrase.noSuchRow.text(lang)
        case .rosterFull(let r, let n): return Phrase.rosterHoldsAtMost.text(lang, r.label, n)
        case .reasonRequired: return Phrase.pleaseTypeReason.text(lang)
        case .hardCheckCannotBeOverridden: return Phrase.errorMustBeCorrected.text(lang)
        case .notFailing: return Phrase.checkNotFailing.text(lang)
        case .hardErrorsRemain(let n): return Phrase.errorsRemain.text(lang, n)
        }
    }
}
