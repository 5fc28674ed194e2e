import GRDB

/// Why the store refused; every message is for the person at the keyboard.
public enum StoreError: Error, Equatable, Sendable {
    case busy(String)
    case notAStore(String)
    /// The system's reason (its own words) why the file would not open.
    case cannotOpen(String, String)
    /// No store at the path, and the command does not make one.
    case noSuchFile(String)
    /// The device key beside the store would not do.
    case deviceKey(String, DeviceKey.Problem)
    case unknownHousehold(String)
    case damagedValue(household: String, question: String)
    case alreadyExists(String)
    case unknownComment(String)
    /// A procedure step or decision the rules refuse (a notice too short, an exit without consent…).
    case procedure(ProcedureProblem)
    /// This user may not write the store (or its folder): a command that changes it is refused.
    case readOnly(String)
    /// A store this user may only read, left with changes in its `-wal` but no `-shm` to read them by.
    case readOnlyUnfinished(String)
    /// A household whose answers cannot all migrate to the questionnaire's version (its number, the versions, why).
    case cannotMigrate(household: String, from: String, to: String, [AnswerMigration.Problem])
    /// A household of a version this questionnaire has no migration from.
    case noMigration(household: String, version: String, to: String, from: String?)
    /// A round of the yearly re-survey that cannot be started or written.
    case round(RoundProblem)

    /// The message in the user's language.
    public func message(_ lang: Survey.Language) -> String {
        switch self {
        case .busy(let p):
            return Phrase.storeBusy.text(lang, p)
        case .notAStore(let p):
            return Phrase.notHufangStore.text(lang, p)
        case .cannotOpen(let p, let why):
            return Phrase.cannotOpenStore.text(lang, p, why)
        case .noSuchFile(let p):
            return Phrase.cannotOpenStore.text(lang, p, Phrase.noSuchStoreFile.text(lang, p))
        case .deviceKey(let p, let k):
            return Phrase.cannotOpenStore.text(lang, p, k.message(lang))
        case .unknownHousehold(let id):
            return Phrase.noSuchHousehold.text(lang, id)
        case .damagedValue(let h, let q):
            return Phrase.damagedValue.text(lang, h, q)
        case .unknownComment(let id):
            return Phrase.noSuchComment.text(lang, id)
        case .procedure(let problem):
            return problem.message(lang)
        case .readOnly(let p):
            return Phrase.storeReadOnly.text(lang, p)
        case .readOnlyUnfinished(let p):
            return Phrase.storeNotClosedCleanly.text(lang, p)
        case .alreadyExists(let p):
            return Phrase.storeAlreadyExists.text(lang, p)
        case .cannotMigrate(let h, let from, let to, let problems):
            return Phrase.householdCannotMigrate.text(lang, h, from, to) + problems.map { "\n  " + $0.text(lang) }.joined()
        case .noMigration(let h, let version, let to, let from):
            return Phrase.householdNoMigration.text(lang, h, version, to, from ?? "—")
        case .round(let problem):
            return problem.message(lang)
        }
    }

    /// Maps SQLite's answers to messages people understand.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        if let k = error as? DeviceKey.Problem { return .deviceKey(path, k) }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path)
            case .SQLITE_NOTADB: return .notAStore(path)
            case .SQLITE_READONLY: return .readOnly(path)
            default: return .cannotOpen(path, db.message ?? "\(db.resultCode)")
            }
        }
        return .cannotOpen(path, "\(error)")
    }
}

import Survey
