import Foundation
import Store
import Survey

/// Who is at the keyboard: `--who`, else $HUFANG_USER, else the login name.
func currentUser(_ who: String?) -> String {
    let env = ProcessInfo.processInfo.environment
    return who ?? env["HUFANG_USER"] ?? env["USER"] ?? "hufang"
}

/// A message for any error these commands meet, in the user's language, ready for the terminal: the
/// paths, names and file contents it quotes are escaped.
func describe(_ error: any Error, _ lang: Language) -> ConsoleText {
    ConsoleText(lines: message(error, lang))
}

private func message(_ error: any Error, _ lang: Language) -> String {
    switch error {
    case let e as StoreError: return e.message(lang)
    case let e as TrustProblem: return e.message(lang)
    case let e as ConflictProblem: return e.message(lang)
    case let e as DeviceKey.Problem: return e.message(lang)
    case let e as EnrolmentProblem: return e.message(lang)
    case let e as BundleRejection: return e.message(lang)
    case let e as BundleWriteFailure: return e.message(lang)
    case let e as ExportRefusal: return e.message(lang)
    case let e as ImportError: return e.message(lang)
    default: return "\(error)"
    }
}
