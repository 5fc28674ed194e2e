import ArgumentParser
import Foundation
import Store
import Survey

/// Options every store command shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "数据库文件 (store file); default $HUFANG_HOME/hufang.sqlite or ~/.local/share/hufang/hufang.sqlite")
    var db: String?

    @Option(name: .long, help: "问卷定义目录 (questionnaire folder)")
    var screens: String?

    @Option(name: .long, help: "zh 或 en")
    var lang: Language = .zh

    var path: String { db ?? StoreLocation.defaultPath() }

    /// Opens the store to change it; a read-only one is refused, with how to fix it.
    func open(create: Bool = false) throws(CommandFailure) -> HouseholdStore {
        do { return try HouseholdStore(path: path, create: create) } catch { throw CommandFailure(error, lang) }
    }

    /// Opens the store only to read it: works on a store this user cannot write, and leaves no file behind.
    func openForReading() throws(CommandFailure) -> HouseholdStore {
        do { return try HouseholdStore(path: path, readOnly: true) } catch { throw CommandFailure(error, lang) }
    }
}

/// `hufang init`: a new, empty store with this device's identity; `--sample` loads the sample village
/// from `sample-data/`, as this device's own households.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "新建数据库；--sample 载入示例村 (create a store; --sample loads the sample village)")
    @OptionGroup var options: StoreOptions
    @Flag(name: .long, help: "载入示例村 (load the sample village)") var sample = false
    @Option(name: .customLong("sample-data"), help: "示例数据目录 (sample data folder), default ./sample-data") var sampleData: String?

    /// The file of `sample-data/` that holds the village (written by `swift run sample-data`).
    static let sampleVillageFile = "sample-village.json"

    mutating func run() throws {
        for existing in [options.path, options.path + ".key"] where FileManager.default.fileExists(atPath: existing) {
            throw CommandFailure(StoreError.alreadyExists(existing), options.lang)
        }
        let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
        // Found and read before the store is made, so a missing sample leaves no empty store behind.
        let village = try sample ? Self.readSampleVillage(sampleData, options.lang) : nil
        let store = try options.open(create: true)
        var loaded = 0
        if let village {
            do { loaded = try store.importJSON(village, questionnaire: questionnaire, restamped: true) } catch { throw CommandFailure(error, options.lang) }
        }
        let fingerprint = (try? store.device().fingerprint) ?? ""
        let loadedSample: ConsoleText = sample ? Phrase.initLoadedSample.console(options.lang, loaded) : ""
        Console.out(Phrase.initCreated.console(options.lang, options.path, store.deviceID, loadedSample))
        Console.out(Phrase.initDeviceKey.console(options.lang, store.keyPath, fingerprint))
        // The public half beside it, for the county office to enrol (or another laptop to trust by hand).
        if (try? store.writePublicKeyFile()) != nil {
            Console.out(Phrase.initPublicKey.console(options.lang, store.publicKeyPath))
        }
    }

    static func readSampleVillage(_ given: String?, _ lang: Language) throws(CommandFailure) -> Data {
        let file = try ShippedFolder.sampleData.locate(given, lang: lang).appendingPathComponent(sampleVillageFile).path
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure(Phrase.cannotReadFile.console(lang, file)) }
        return data
    }
}

/// `hufang export json`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "导出 (export)", subcommands: [ExportJSON.self, ExportCSV.self, ExportCard.self])

    struct ExportCSV: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "csv",
                                                        abstract: "每个部分导出一个CSV，可用Excel、WPS打开 (one CSV per section, for Excel and WPS)")
        @OptionGroup var options: StoreOptions
        @Option(name: .long, help: "输出目录 (folder)") var out: String
        @Option(name: .long, help: "utf8-bom（默认）或 gb18030 (text encoding)") var encoding: CSVEncoding = .utf8BOM
        @Option(name: .long, help: "只导出这个村（村代码）(one village, by code)") var village: String?

        mutating func run() throws {
            let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
            let store = try options.openForReading()
            let bar = ProgressBar(lang: options.lang)
            do {
                let written = try SectionCSV.export(store, questionnaire: questionnaire, to: out, encoding: encoding, lang: options.lang,
                                                    village: village) { bar.update(.collect, $0, $1) }
                bar.finishLine()
                for w in written {
                    Console.out(Phrase.exportSectionRows.console(options.lang, (out as NSString).appendingPathComponent(w.fileName), w.rows))
                }
            } catch { bar.finishLine(); throw CommandFailure(error, options.lang) }
        }
    }

    struct ExportCard: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "card", abstract: "打印一户的一户一档 (print a household's record card)")
        @OptionGroup var options: StoreOptions
        @Option(name: .long, help: "户ID或其前缀 (household id or a prefix of it)") var household: String

        mutating func run() throws {
            let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
            let store = try options.openForReading()
            do {
                let id = try store.householdID(matching: household)
                // The card is the store's text: every line escaped on its way to the terminal.
                Console.out(ConsoleText(lines: try HouseholdCard.text(store, household: id, questionnaire: questionnaire, lang: options.lang)), terminator: "")
            } catch { throw CommandFailure(error, options.lang) }
        }
    }

    struct ExportJSON: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "json", abstract: "导出为JSON，可无损导回 (export households as JSON, lossless)")
        @OptionGroup var options: StoreOptions
        @Option(name: .long, help: "只导出这一户 (one household id)") var household: String?
        @Option(name: .long, help: "写入文件而非标准输出 (write to a file)") var out: String?

        /// `--household` names one household by its whole id.
        func validate() throws {
            if let household, UUID(uuidString: household) == nil {
                throw ValidationError(Phrase.householdNotWholeID.text(options.lang, TerminalText.escaped(household)))
            }
        }

        mutating func run() throws {
            let store = try options.openForReading()
            let ids = household.flatMap(UUID.init(uuidString:)).map { [$0] }
            let export: HouseholdExport
            do { export = try store.exportJSON(households: ids) } catch { throw CommandFailure(error, options.lang) }
            if let household, export.households.isEmpty { throw CommandFailure(StoreError.unknownHousehold(household), options.lang) }
            let data = HouseholdStore.encode(export)
            if let out {
                try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                Console.err(Phrase.exportedHouseholds.console(options.lang, export.households.count, out))
            } else {
                Console.json(data)
            }
        }
    }
}

/// `hufang import json`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "导入 (import)", subcommands: [ImportJSON.self])

    struct ImportJSON: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "json", abstract: "从JSON导入：全部成功或全不改动 (import households from JSON: all or nothing)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "JSON文件 (file)") var file: String

        mutating func run() throws {
            let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(Phrase.cannotReadFile.console(options.lang, file))
            }
            let store = try options.open()
            do {
                let n = try store.importJSON(data, questionnaire: questionnaire)
                Console.out(Phrase.importedHouseholds.console(options.lang, n))
            } catch {
                // The message quotes the file: escaped like everything else.
                throw CommandFailure(error, options.lang)
            }
        }
    }
}
