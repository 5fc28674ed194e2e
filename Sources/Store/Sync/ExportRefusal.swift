import Survey

/// Why `bundle export` refused before numbering or writing anything: the store is as it was.
public enum ExportRefusal: Error, Equatable, Sendable {
    /// The key file beside the store is not this device's key: a bundle signed with it would be
    /// rejected by every hub, and the chain blocked for good.
    case keyMismatch(keyFile: String, found: String, expected: String)
    /// Another export of this store is running (it holds `lockFile`).
    case alreadyRunning(lockFile: String)

    /// The message in the user's language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .keyMismatch(let file, let found, let expected):
            return Phrase.keyFileNotDevice.text(lang, file, found, expected)
        case .alreadyRunning(let lock):
            return Phrase.exportStoreAlreadyRunning.text(lang, lock)
        }
    }
}
