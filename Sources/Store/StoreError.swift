import GRDB

/// Why the store refused; every message is for the person at the keyboard.
public enum StoreError: Error, Equatable, Sendable {
    case busy(String)
    case notAStore(String)
    case cannotOpen(String, String)
    case unknownHousehold(String)
    case damagedValue(household: String, question: String)
    case alreadyExists(String)
    case unknownComment(String)

    /// The message in the user's language.
    public func message(_ lang: Survey.Language) -> String {
        let zh = lang == .zh
        switch self {
        case .busy(let p):
            return zh ? "数据库\(p)正被另一个户访程序写入，请等它完成后再试（已录入的数据不受影响）"
                      : "The store \(p) is being written by another hufang; try again when it has finished (nothing entered is lost)"
        case .notAStore(let p):
            return zh ? "\(p)不是户访数据库" : "\(p) is not a hufang store"
        case .cannotOpen(let p, let why):
            return zh ? "无法打开数据库\(p)：\(why)" : "Cannot open the store \(p): \(why)"
        case .unknownHousehold(let id):
            return zh ? "没有这一户：\(id)" : "No such household: \(id)"
        case .damagedValue(let h, let q):
            return zh ? "户\(h)的\(q)数据已损坏" : "The value of \(q) in household \(h) is damaged"
        case .unknownComment(let id):
            return zh ? "没有这条审核意见：\(id)" : "No such comment: \(id)"
        case .alreadyExists(let p):
            return zh ? "\(p)已存在：不会覆盖已有数据" : "\(p) already exists: existing data is never overwritten"
        }
    }

    /// Maps SQLite's answers to messages people understand.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        if let k = error as? DeviceKey.Problem { return .cannotOpen(path, k.message(true)) }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path)
            case .SQLITE_NOTADB: return .notAStore(path)
            default: return .cannotOpen(path, db.message ?? "\(db.resultCode)")
            }
        }
        return .cannotOpen(path, "\(error)")
    }
}

import Survey
