import ArgumentParser
import Foundation
import HubClient
import Store
import Survey

/// `hufang sync`: this store's bundles up to the county hub, and its inbox down, when a network is there.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "与县级中心同步：上传未获回执的数据包，导入收件箱 (sync with the county hub: upload bundles without a receipt, import the inbox)")
    @OptionGroup var options: StoreOptions
    @Option(name: .long, help: "中心地址，如 https://hub.example:8443；给一次即记住 (the hub's URL; remembered once given)") var hub: String?
    @Option(name: .customLong("tls-ca"), help: "核验中心TLS证书用的县级证书（PEM）；给一次即记住 (the county's CA or hub certificate, PEM; remembered)")
    var tlsCA: String?
    @Flag(name: .long, help: "不逐包列出，不显示进度条 (no line per bundle, no progress bar)") var quiet = false
    @Option(name: .long, help: "调查员姓名 (enumerator name, on a bundle sealed now)") var who: String?
    @Option(name: .long, help: "每个请求最多尝试几次 (tries per request before giving up)") var retries = 8

    /// EX_TEMPFAIL: the hub could not be reached; nothing was lost, try again later.
    static let unreachable = ExitCode(75)

    func validate() throws {
        if let hub {
            let url = URLComponents(string: hub)
            guard let scheme = url?.scheme?.lowercased(), ["http", "https"].contains(scheme), url?.host?.isEmpty == false else {
                throw ValidationError(Phrase.syncBadURL.text(options.lang, TerminalText.escaped(hub)))
            }
        }
        if let tlsCA {
            guard let text = FileManager.default.contents(atPath: tlsCA).flatMap({ String(data: $0, encoding: .utf8) }),
                  text.contains("-----BEGIN CERTIFICATE-----") else {
                throw ValidationError(Phrase.syncTLSCAUnreadable.text(options.lang, TerminalText.escaped(tlsCA)))
            }
        }
        guard (1...50).contains(retries) else { throw ValidationError(Phrase.syncRetriesRange.text(options.lang)) }
    }

    mutating func run() throws {
        let lang = options.lang
        let questionnaire = try ScreensFolder.load(options.screens, lang: lang)
        let store = try options.open()
        let authority = tlsCA.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) }
        let bar = ProgressBar(lang: lang)
        let quiet = self.quiet
        let sync = HubSync(store: store, questionnaire: questionnaire, retry: RetryPolicy(attempts: retries)) { event in
            Self.show(event, lang: lang, quiet: quiet, bar: bar)
        }
        let summary: HubSyncSummary
        do {
            summary = try sync.run(hub: hub, tlsCA: authority, enumerator: currentUser(who))
            bar.finishLine()
        } catch {
            bar.finishLine()
            throw Self.failure(error, path: options.path, url: hub ?? (try? store.hubLink())?.url ?? "", lang: lang)
        }
        Console.out(Phrase.syncSummary.console(lang, summary.uploaded, summary.imported, summary.bytesResent, summary.retries))
        let refused = summary.refusedByHub + summary.refusedHere
        if refused > 0 { throw CommandFailure(Phrase.syncNotAllDone.console(lang, refused)) }
        let open = (try? store.conflicts().count) ?? 0
        if open > 0 { Console.out(Phrase.importOpenConflicts.console(lang, open, options.path)) }
    }

    /// One line per bundle (unless quiet), the bar on a terminal.
    static func show(_ event: HubSyncEvent, lang: Language, quiet: Bool, bar: ProgressBar) {
        switch event {
        case .progress(let phase, let done, let total):
            if !quiet { bar.update(phase, done, total) }
        case .hubVerified(let url, let fingerprint):
            if !quiet { line(Phrase.syncHubVerified.console(lang, url, fingerprint), bar) }
        case .sealed(let sequence):
            if !quiet { line(Phrase.syncSealed.console(lang, sequence), bar) }
        case .hubLost(let sequences):
            // Said even when quiet: the hub lost data, and someone should know.
            line(Phrase.syncHubLost.console(lang, sequences.count, sequences.map(String.init).joined(separator: ",")), bar)
        case .uploaded(let bundle, let receipt, let sent, let resent):
            guard !quiet else { return }
            let bytes = Phrase.syncBytesNote.console(lang, sent, resent)
            if receipt.outcome == .rejected {
                line(Phrase.syncUploadRejected.console(lang, bundle.fileName, receipt.reason ?? "", bytes), bar)
            } else {
                line(Phrase.syncUploadedLine.console(lang, bundle.fileName, receipt.outcome.rawValue, receipt.issuedAt, bytes), bar)
            }
        case .revocationsInstalled(let number, let entries):
            line(Phrase.syncRevocations.console(lang, number, entries), bar)
        case .imported(let entry, let outcome):
            var refused = false
            if case .rejected = outcome { refused = true }
            if !quiet || refused {
                line(Phrase.syncImportedLine.console(lang, entry.device, entry.sequence, outcome.line(lang)), bar)
            }
        }
    }

    private static func line(_ text: ConsoleText, _ bar: ProgressBar) {
        bar.finishLine()
        Console.out(text)
    }

    /// The failure's message, and 75 when the hub could not be reached.
    static func failure(_ error: any Error, path: String, url: String, lang: Language) -> CommandFailure {
        guard let failure = error as? HubSyncFailure else { return CommandFailure(error, lang) }
        switch failure {
        case .noHub: return CommandFailure(Phrase.syncNoHub.console(lang, path))
        case .notEnrolled: return CommandFailure(Phrase.syncNotEnrolled.console(lang))
        case .hub(let problem):
            switch problem {
            case .unreachable(let url, let detail): return CommandFailure(Phrase.syncUnreachable.console(lang, url, detail), exitCode: unreachable)
            case .tls(let url, let detail): return CommandFailure(Phrase.syncTLS.console(lang, url, detail))
            case .badURL(let url): return CommandFailure(Phrase.syncBadURL.console(lang, url))
            case .notCountyHub(let why): return CommandFailure(Phrase.syncNotCountyHub.console(lang, url, why))
            case .refused(let status, let code, let message): return CommandFailure(Phrase.syncRefused.console(lang, status, code, message))
            case .unexpected(let status, let detail): return CommandFailure(Phrase.syncUnexpected.console(lang, status, detail))
            case .forgedReceipt(let sequence): return CommandFailure(Phrase.syncForgedReceipt.console(lang, sequence))
            case .wrongBundle(let hash): return CommandFailure(Phrase.syncWrongBundle.console(lang, hash))
            }
        }
    }
}
