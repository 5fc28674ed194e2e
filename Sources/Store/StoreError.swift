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
    /// This user may not write the store (or its folder): a command that changes it is refused.
    case readOnly(String)
    /// A store this user may only read, left with changes in its `-wal` but no `-shm` to read them by.
    case readOnlyUnfinished(String)

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
        case .readOnly(let p):
            return zh ? "数据库\(p)是只读的（你对这个文件或它所在的文件夹没有写权限），什么也没改动。要修改它：请文件的主人开放写权限（chmod u+w 文件及文件夹），或把它复制到你自己的文件夹，再用 --db 指向副本。只读的命令（导出、设备列表、概览、冲突列表）照常可用"
                      : "The store \(p) is read-only (you may not write this file or its folder); nothing was changed. To change it, have its owner allow writing (chmod u+w on the file and its folder), or copy it into a folder of your own and point --db at the copy. Reading commands (export, devices, dashboard, conflicts) work as they are"
        case .readOnlyUnfinished(let p):
            return zh ? "数据库\(p)上次没有正常关闭，还有未并入的更改（\(p)-wal），只读时无法读取：请文件的主人用户访打开一次，或把 \(p) 和 \(p)-wal 一起复制到你自己的文件夹"
                      : "The store \(p) was not closed cleanly and holds changes not yet merged (\(p)-wal) that cannot be read without write access: have its owner open it once with hufang, or copy \(p) together with \(p)-wal into a folder of your own"
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
            case .SQLITE_READONLY: return .readOnly(path)
            default: return .cannotOpen(path, db.message ?? "\(db.resultCode)")
            }
        }
        return .cannotOpen(path, "\(error)")
    }
}

import Survey
