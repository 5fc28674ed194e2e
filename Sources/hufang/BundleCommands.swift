import ArgumentParser
import Foundation
import Store
import Survey

/// `hufang bundle export|import`.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bundle", abstract: "数据包：导出与导入 (signed change bundles)", subcommands: [ExportBundle.self, ImportBundle.self, HeldBundles.self, ListBundles.self])

    struct ExportBundle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "把尚未导出的更改打成一个签名数据包 (pack unexported changes into one signed bundle)")
        @OptionGroup var options: StoreOptions
        @Option(name: .long, help: "输出目录，如U盘 (folder to write to, e.g. a USB stick)") var out: String
        @Option(name: .long, help: "调查员姓名 (enumerator name)") var who: String?

        mutating func run() throws {
            // The bundle names the questionnaire its answers were given on, so a store of a later version migrates them.
            let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
            let store = try options.open()
            let bar = ProgressBar(lang: options.lang)
            do {
                let written = try store.exportBundles(to: out, enumerator: currentUser(who), questionnaire: questionnaire) { bar.update($0, $1, $2) }
                bar.finishLine()
                guard !written.isEmpty else {
                    Console.out(Phrase.exportNothing.console(options.lang))
                    return
                }
                for b in written {
                    let sealed: ConsoleText = b.encrypted ? Phrase.exportSealed.console(options.lang) : ""
                    Console.err(Phrase.exportWritten.console(options.lang, b.sequence, b.changes, sealed))
                    Console.out("\(b.path)")
                }
            } catch { bar.finishLine(); throw CommandFailure(error, options.lang) }
        }
    }

    struct ImportBundle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "校验并导入数据包 (verify and import bundles)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "数据包文件 (bundle files)") var files: [String]

        mutating func run() throws {
            let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
            let store = try options.open()
            let bar = ProgressBar(lang: options.lang)
            var rejected = 0
            for file in files {
                // A file larger than any bundle may be is refused unread.
                if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > BundleLimit.fileLength {
                    Console.out("\(file): \(ImportOutcome.rejected(.fileTooLarge(size: size, limit: BundleLimit.fileLength)).line(options.lang))")
                    rejected += 1
                    continue
                }
                guard let data = FileManager.default.contents(atPath: file) else {
                    Console.out(Phrase.importUnreadable.console(options.lang, file))
                    rejected += 1
                    continue
                }
                let outcome: ImportOutcome
                do {
                    outcome = try store.importBundle(data, fileName: (file as NSString).lastPathComponent, questionnaire: questionnaire) { bar.update($0, $1, $2) }
                } catch { bar.finishLine(); throw CommandFailure(error, options.lang) }
                bar.finishLine()
                if case .rejected = outcome { rejected += 1 }
                // The line quotes the manifest (device ids, format names): escaped.
                Console.out("\(file): \(outcome.line(options.lang))")
            }
            let open = (try? store.conflicts().count) ?? 0
            if open > 0 {
                Console.out(Phrase.importOpenConflicts.console(options.lang, open, options.path))
            }
            if rejected > 0 { throw ExitCode(1) }
        }
    }

    struct HeldBundles: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "held", abstract: "暂存待补的数据包，以及后来被拒收的暂存包 (held bundles, and held ones refused later)")
        @OptionGroup var options: StoreOptions

        mutating func run() throws {
            let store = try options.openForReading()
            let held = try store.heldBundles(), refused = try store.refusedBundles()
            if held.isEmpty && refused.isEmpty { Console.out(Phrase.heldNone.console(options.lang)) }
            for h in held {
                Console.out(Phrase.heldLine.console(options.lang, h.device, h.sequence, h.fileName))
            }
            for r in refused {
                Console.out(Phrase.refusedLine.console(options.lang, r.deviceID, r.sequence, r.fileName, r.refusedAt, r.rejection.message(options.lang)))
            }
        }
    }

    struct ListBundles: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "本机打过的数据包，以及县级中心是否已收到 (the bundles this store made, and whether the hub received them)")
        @OptionGroup var options: StoreOptions

        mutating func run() throws {
            let store = try options.openForReading()
            let bundles: [OutgoingBundle]
            do { bundles = try store.outgoingBundles() } catch { throw CommandFailure(error, options.lang) }
            if bundles.isEmpty { Console.out(Phrase.bundleListNone.console(options.lang)) }
            for b in bundles {
                let state: ConsoleText
                switch b.receipt {
                case .some(let r) where r.outcome == .rejected: state = Phrase.bundleHubRefused.console(options.lang, r.issuedAt, r.reason ?? "")
                case .some(let r): state = Phrase.bundleReceived.console(options.lang, r.issuedAt, r.outcome.rawValue)
                case .none: state = Phrase.bundleNotReceived.console(options.lang)
                }
                Console.out(Phrase.bundleListLine.console(options.lang, b.sequence, b.fileName, b.changes, state))
            }
        }
    }
}
