import ArgumentParser
import Foundation
import HubCore
import HubServer
import Logging
import PostgresNIO
import Store
import Survey

extension Language: ExpressibleByArgument {}
extension CSVEncoding: ExpressibleByArgument {}

/// What the county's commands take besides the configuration: the county and the questionnaire.
struct CountyOptions: ParsableArguments {
    @OptionGroup var config: ConfigOption
    @Option(name: .long, help: "县代码（6位），默认为本中心的县 (the county code; default: the hub's county)") var county: String?
    @Option(name: .long, help: "问卷目录 screens/；默认为配置中的 screens (the questionnaire folder; default: the configuration's)") var screens: String?
    @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

    func validate() throws {
        if let county, county.count != 6 || !county.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw ValidationError(lang == .zh ? "县代码须为6位数字：\(TerminalText.escaped(county))"
                                              : "a county code is 6 digits: \(TerminalText.escaped(county))")
        }
    }

    /// The county asked for, else the hub's own.
    func countyCode(_ configuration: HubConfiguration) throws -> String {
        if let county { return county }
        return try configuration.countyIdentity().countyID
    }

    /// The questionnaire households are read with; nil when none is named (`required`: say so instead).
    func questionnaire(_ configuration: HubConfiguration, required: Bool) throws -> Questionnaire? {
        guard let folder = screens ?? configuration.screens else {
            if required { throw HubFailure(description: lang == .zh ? "请用 --screens 或配置中的 screens: 指明问卷目录"
                                                                      : "name the questionnaire folder with --screens or screens: in the configuration") }
            return nil
        }
        do { return try DefinitionLoader.load(directory: URL(fileURLWithPath: folder)) } catch {
            throw HubFailure(description: "\(folder): \(error.problems.count) problem(s): " + error.problems.prefix(3).map { $0.text(lang) }.joined(separator: "; "))
        }
    }
}

/// `hufang-hub export`: the county's households from PostgreSQL, in the laptops' formats.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "导出全县的户 (export the county's households)",
                                                    subcommands: [ExportCSV.self, ExportJSON.self])

    struct ExportCSV: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "csv",
                                                        abstract: "每个部分导出一个CSV，与笔记本的格式相同 (one CSV per section, as the laptops write them)")
        @OptionGroup var options: CountyOptions
        @Option(name: .long, help: "只导出这个村（村代码）(one village, by code)") var village: String?
        @Option(name: .long, help: "utf8-bom（默认）或 gb18030 (text encoding)") var encoding: CSVEncoding = .utf8BOM
        @Option(name: .long, help: "输出目录 (folder)") var output: String

        func validate() throws {
            if let village, village.count != 12 || !village.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw ValidationError(options.lang == .zh ? "村代码须为12位数字：\(TerminalText.escaped(village))"
                                                          : "a village code is 12 digits: \(TerminalText.escaped(village))")
            }
        }

        func run() async throws {
            let configuration = try options.config.load()
            let county = try options.countyCode(configuration)
            if let village, !village.hasPrefix(county) {
                throw HubFailure(description: options.lang == .zh ? "村 \(village) 不在县 \(county)" : "village \(village) is not in county \(county)")
            }
            let questionnaire = try options.questionnaire(configuration, required: true)!
            let logger = Logger(label: "hufang-hub")
            let client = try configuration.makeClient(logger: logger)
            let (lang, output, encoding, village) = (options.lang, output, encoding, village)
            let written = try await withRunningClient(client) { () -> [SectionCSV.Written] in
                let reader = CountyHouseholdReader(client: client, logger: logger)
                let total = try await reader.count(county: county, village: village)
                let writer = try SectionCSV.Writer(directory: output, questionnaire: questionnaire, encoding: encoding, lang: lang)
                let bar = TerminalProgressBar(), label = lang == .zh ? "导出" : "exporting"
                var done = 0
                try await reader.forEachBatch(county: county, village: village, records: .interview, order: .list) { batch in
                    for doc in batch { try writer.append(doc.household, try doc.interview(questionnaire: questionnaire)) }
                    done += batch.count
                    bar.draw(label, done, total)
                }
                bar.finishLine()
                return try writer.finish()
            }
            for w in written {
                let path = TerminalText.escaped((output as NSString).appendingPathComponent(w.fileName))
                print(options.lang == .zh ? "\(path)：\(w.rows) 行" : "\(path): \(w.rows) rows")
            }
        }
    }

    struct ExportJSON: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "json", abstract: "导出为JSON，可无损导回笔记本 (JSON interchange, lossless)")
        @OptionGroup var options: CountyOptions
        @Option(name: .long, help: "只导出这个村（村代码）(one village, by code)") var village: String?
        @Option(name: .long, help: "写入文件；默认为标准输出 (a file; default: standard output)") var output: String?

        func run() async throws {
            let configuration = try options.config.load()
            let county = try options.countyCode(configuration)
            let logger = Logger(label: "hufang-hub")
            let client = try configuration.makeClient(logger: logger)
            let (lang, output, village) = (options.lang, output, village)
            let partial = output.map { $0 + ".partial" }
            if let partial { guard FileManager.default.createFile(atPath: partial, contents: nil) else { throw HubFailure(description: "cannot write \(partial)") } }
            let count = try await withRunningClient(client) { () -> Int in
                let handle = partial.flatMap { FileHandle(forWritingAtPath: $0) } ?? FileHandle.standardOutput
                let bar = TerminalProgressBar(), label = lang == .zh ? "导出" : "exporting"
                let n = try await CountyJSONExport.write(CountyHouseholdReader(client: client, logger: logger), county: county, village: village,
                                                         to: handle) { bar.draw(label, $0, $1) }
                bar.finishLine()
                if partial != nil { try handle.close() }
                return n
            }
            if let partial, let output {
                _ = try? FileManager.default.removeItem(atPath: output)
                try FileManager.default.moveItem(atPath: partial, toPath: output)
                FileHandle.standardError.write(Data((lang == .zh ? "已导出 \(count) 户到 \(TerminalText.escaped(output))\n"
                                                                 : "exported \(count) households to \(TerminalText.escaped(output))\n").utf8))
            }
        }
    }
}

/// `hufang-hub card HOUSEHOLD`: one household's record card (一户一档) from the county's tables.
struct Card: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "打印一户的一户一档 (print a household's record card)")
    @OptionGroup var options: CountyOptions
    @Argument(help: "户ID或其前缀 (household id or a prefix of it)") var household: String

    func run() async throws {
        let configuration = try options.config.load()
        let county = try options.countyCode(configuration)
        let questionnaire = try options.questionnaire(configuration, required: true)!
        let logger = Logger(label: "hufang-hub")
        let client = try configuration.makeClient(logger: logger)
        let household = household
        let found = try await withRunningClient(client) {
            try await CountyHouseholdReader(client: client, logger: logger).household(county: county, matching: household)
        }
        guard let found else {
            throw HubFailure(description: options.lang == .zh ? "县 \(county) 没有（唯一的）户 \(TerminalText.escaped(household))"
                                                              : "county \(county) holds no (single) household \(TerminalText.escaped(household))")
        }
        // The card is the store's text: every line escaped on its way to the terminal.
        let card = try HouseholdCard.text(found, questionnaire: questionnaire, lang: options.lang)
        print(card.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }.joined(separator: "\n"), terminator: "")
    }
}

/// `hufang-hub dashboard`: the figures of the progress pages as text, from the same query.
struct Dashboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "全县进度（与网页相同的数字）(the county's progress, the pages' figures as text)")
    @OptionGroup var options: CountyOptions
    @Option(name: .long, help: "只看这些乡镇或村（代码前缀，逗号分隔）(only these townships or villages, code prefixes)") var scope: String?

    func run() async throws {
        let configuration = try options.config.load()
        let county = try options.countyCode(configuration)
        let questionnaire = try options.questionnaire(configuration, required: false)
        let logger = Logger(label: "hufang-hub")
        let client = try configuration.makeClient(logger: logger)
        let prefixes = scope.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? [county]
        if let bad = prefixes.first(where: { !$0.hasPrefix(county) || !$0.allSatisfy({ $0.isASCII && $0.isNumber }) }) {
            throw HubFailure(description: options.lang == .zh ? "\(TerminalText.escaped(bad)) 不是县 \(county) 的乡镇或村代码"
                                                              : "\(TerminalText.escaped(bad)) is not a township or village code of county \(county)")
        }
        let guarantees = questionnaire?.standards.guarantees ?? []
        let progress = try await withRunningClient(client) {
            try await CountyProgress.load(client, county: county, scope: prefixes, guarantees: guarantees.map(\.id), logger: logger)
        }
        let lang = options.lang
        print(progress.text(lang) { id in guarantees.first { $0.id == id }?.label.text(lang) ?? id }, terminator: "")
    }
}

/// `hufang-hub pages`: who may read the progress pages in a browser.
struct Pages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "网页进度的登录链接 (login links for the progress pages)",
                                                    subcommands: [Link.self])

    /// Issues a one-time login link: for an enrolled supervisor's device (their townships), or the county office.
    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "签发一次性登录链接（15分钟内有效，只能用一次）(a one-time login link: 15 minutes, once)")
        @OptionGroup var options: ConfigOption
        @Option(name: .long, help: "审核员设备号（已同步过的）(a supervisor's device id, one that has synced)") var device: String?
        @Option(name: .customLong("county-office"), help: "县级办公室使用者姓名 (the county office's person)") var countyOffice: String?
        @Option(name: .customLong("base-url"), help: "浏览器访问中心的地址，如 https://hub.example.cn (the hub's address as browsers reach it)")
        var baseURL: String?

        func validate() throws {
            guard (device == nil) != (countyOffice == nil) else {
                throw ValidationError("给出 --device 或 --county-office 之一 (give one of --device, --county-office)")
            }
            if let countyOffice, countyOffice.trimmingCharacters(in: .whitespaces).isEmpty || countyOffice.count > 64 {
                throw ValidationError("--county-office: 1 到 64 个字 (1 to 64 characters)")
            }
        }

        func run() async throws {
            let configuration = try options.load()
            let county = try configuration.countyIdentity()
            let key = try configuration.loadHubKey()
            let logger = Logger(label: "hufang-hub")
            let client = try configuration.makeClient(logger: logger)
            let (device, office) = (device, countyOffice)
            let token: String
            do {
                token = try await withRunningClient(client) { () -> String in
                    let store = HubStore(client: client, county: county, hubKey: key, limits: HubLimits(), logger: logger)
                    let viewer: PageViewer
                    if let device { viewer = try await store.pageViewer(device: device) } else {
                        viewer = PageViewer(who: office ?? "", deviceID: nil, scope: [county.countyID])
                    }
                    return try await store.issuePageLink(for: viewer)
                }
            } catch let refusal as PageLinkRefusal {
                throw HubFailure(description: refusal.description)
            }
            let scheme = configuration.tls == nil ? "http" : "https"
            let base = baseURL ?? "\(scheme)://\(configuration.listen)"
            print("\(base.hasSuffix("/") ? String(base.dropLast()) : base)/county/login?token=\(token)")
            FileHandle.standardError.write(Data("一次性登录链接，\(HubStore.pageLinkSeconds / 60) 分钟内有效 (one-time login link, valid \(HubStore.pageLinkSeconds / 60) minutes)\n".utf8))
        }
    }
}
