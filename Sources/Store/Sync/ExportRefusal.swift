/// Why `bundle export` refused before numbering or writing anything: the store is as it was.
public enum ExportRefusal: Error, Equatable, Sendable {
    /// The key file beside the store is not this device's key: a bundle signed with it would be
    /// rejected by every hub, and the chain blocked for good.
    case keyMismatch(keyFile: String, found: String, expected: String)
    /// Another export of this store is running (it holds `lockFile`).
    case alreadyRunning(lockFile: String)

    /// The message in the user's language.
    public func message(_ zh: Bool) -> String {
        switch self {
        case .keyMismatch(let file, let found, let expected):
            return zh ? "密钥文件\(file)不是本机的密钥（其指纹 \(found)，本库记录的本机指纹 \(expected)）：未导出，未编号，什么也没写。请放回本机原来的密钥文件再导出"
                      : "The key file \(file) is not this device's key (its fingerprint \(found); this store's device has \(expected)): nothing was exported, numbered or written. Put this device's own key file back, then export"
        case .alreadyRunning(let lock):
            return zh ? "这个数据库正在导出数据包（另一个 hufang bundle export 持有\(lock)）：请等它完成后再试，什么也没改动"
                      : "An export of this store is already running (another hufang bundle export holds \(lock)): wait for it to finish and try again; nothing was changed"
        }
    }
}
