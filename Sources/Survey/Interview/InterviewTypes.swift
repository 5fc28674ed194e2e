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

/// Why an action on the interview was refused; the message is for the enumerator.
public enum InterviewError: Error, Equatable, Sendable {
    case unknownQuestion(String)
    case calculated(String)
    case notRelevant(String)
    case wrongType(String, expected: String)
    case notInCodeList(String, Int)
    case noSuchRow
    case rosterFull(String, Int)
    case reasonRequired
    case hardCheckCannotBeOverridden
    case notFailing
    case hardErrorsRemain(Int)

    /// The message, in the user's language.
    public func message(_ lang: Language) -> String {
        let zh = lang == .zh
        switch self {
        case .unknownQuestion(let q): return zh ? "没有这个问题：\(q)" : "No such question: \(q)"
        case .calculated(let q): return zh ? "\(q)是自动计算的，不能录入" : "\(q) is calculated and cannot be typed"
        case .notRelevant(let q): return zh ? "\(q)在当前情况下不需回答" : "\(q) does not apply here"
        case .wrongType(let q, let t): return zh ? "\(q)需要\(t)" : "\(q) needs \(t)"
        case .notInCodeList(let q, let c): return zh ? "\(q)没有代码\(c)" : "\(q) has no code \(c)"
        case .noSuchRow: return zh ? "没有这一行" : "No such row"
        case .rosterFull(let r, let n): return zh ? "\(r)最多\(n)行" : "\(r) holds at most \(n) rows"
        case .reasonRequired: return zh ? "请填写原因" : "Please type a reason"
        case .hardCheckCannotBeOverridden: return zh ? "错误必须改正，不能说明后通过" : "An error must be corrected; it cannot be accepted with a reason"
        case .notFailing: return zh ? "该检查没有问题，无需说明" : "This check is not failing"
        case .hardErrorsRemain(let n): return zh ? "还有\(n)个错误未改正，不能完成" : "\(n) error(s) remain: the household cannot be completed"
        }
    }
}
