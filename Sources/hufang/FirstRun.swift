import Foundation
import Store
import Survey

/// `hufang` on a laptop without a store, at a terminal: says how to start, and does on the spot what it
/// can — asks the enumerator's and this device's names, makes the store and the device key, writes the
/// public key file for the county — then says what only the county can do (enrolment) and opens the app.
struct FirstRun {
    let path: String
    let lang: Language

    /// What a line typed at a prompt means: the typed text, trimmed, or the default when it is blank
    /// (or standard input has ended).
    static func answer(_ typed: String?, default fallback: String) -> String {
        let trimmed = (typed ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? fallback : trimmed
    }

    /// Runs the steps; returns the store made and the enumerator's name for this session.
    func run(who given: String?) throws(CommandFailure) -> (HouseholdStore, String) {
        let env = ProcessInfo.processInfo.environment
        Console.out(Phrase.firstRunWelcome.console(lang, path))
        let who = given ?? Self.answer(ask(.firstRunAskEnumerator, env["HUFANG_USER"] ?? env["USER"] ?? ""),
                                       default: env["HUFANG_USER"] ?? env["USER"] ?? Phrase.enumerator.text(lang))
        let deviceName = Self.answer(ask(.firstRunAskDevice, ProcessInfo.processInfo.hostName), default: ProcessInfo.processInfo.hostName)

        do { try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true) } catch {
            throw CommandFailure(Phrase.cannotReadFile.console(lang, (path as NSString).deletingLastPathComponent))
        }
        let store: HouseholdStore
        do {
            store = try HouseholdStore(path: path, create: true)
            try store.nameDevice(deviceName)
            let key = try store.writePublicKeyFile()
            Console.out(Phrase.firstRunStoreMade.console(lang, path, key.name, key.fingerprint, store.publicKeyPath))
        } catch { throw CommandFailure(error, lang) }
        Console.out(Phrase.firstRunEnrolment.console(lang, store.publicKeyPath, path))
        Console.out(Phrase.firstRunWhoLater.console(lang, who))
        Console.out(Phrase.firstRunOpen.console(lang), terminator: "")
        _ = readLine()
        return (store, who)
    }

    /// Prints a question with its default and reads one line.
    private func ask(_ question: Phrase, _ fallback: String) -> String? {
        Console.out(question.console(lang, fallback), terminator: "")
        return readLine()
    }
}
