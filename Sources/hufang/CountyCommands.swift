import ArgumentParser
import Foundation
import Store
import Survey

/// `hufang county`: the county office's offline authority (init, enrol, revoke), and what a store
/// installs from it (trust, revocations).
struct CountyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "county", abstract: "县级登记：县级密钥、设备证书、吊销名单 (county enrolment: the county's keys, device certificates, revocation lists)",
        subcommands: [InitCounty.self, EnrolDevice.self, RevokeDevice.self, TrustCounty.self, InstallRevocations.self])

    struct InitCounty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: "新建县级密钥目录（离线保管）(make the county authority; keep it offline)")
        @Option(name: .long, help: "县级密钥目录 (the county folder to create)") var out: String
        @Option(name: .long, help: "县代码，如 622922 (county code)") var id: String
        @Option(name: .long, help: "县名 (county name)") var name: String
        @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

        func validate() throws {
            guard !id.isEmpty, id.count <= 12, id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ValidationError(Phrase.countyCodeNotDigits.text(lang, TerminalText.escaped(id)))
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError(Phrase.countyNameEmpty.text(lang)) }
        }

        mutating func run() throws {
            do {
                let county = try CountyAuthority.create(in: out, countyID: id, name: name)
                let i = county.identity
                Console.out(Phrase.countyMade.console(lang, i.name, i.countyID))
                Console.out(Phrase.countyFileLine.console(lang, county.identityPath))
                Console.out(Phrase.countyFingerprintLine.console(lang, i.fingerprint))
                Console.out(Phrase.countyKeepOffline.console(lang, out))
            } catch { throw CommandFailure(error, lang) }
        }
    }

    struct EnrolDevice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enrol", abstract: "为一台设备签发证书：角色、范围、有效期 (certify a device: role, scope, validity)")
        @Option(name: .long, help: "县级密钥目录 (the county folder)") var county: String
        @Option(name: .long, help: "设备的公钥文件（hufang init 写在数据库旁的 .pub）(the device's .pub file)") var device: String
        @Option(name: .long, help: "enumerator（调查员）、supervisor（乡镇审核员）或 hub（县级中心）") var role: String
        @Option(name: .long, help: "范围，逗号分隔：调查员为村代码，审核员为乡镇代码前缀，中心为县代码 (comma-separated codes)") var scope: String
        @Option(name: .long, help: "使用者姓名；默认为公钥文件上的名称 (the person; default: the key file's name)") var name: String?
        @Option(name: .customLong("valid-until"), help: "有效期至 YYYY-MM-DD；默认一年 (last valid day; default one year from today)") var validUntil: String?
        @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

        var codes: [String] {
            scope.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        func validate() throws {
            guard DeviceRole(rawValue: role) != nil else {
                throw ValidationError(Phrase.badRole.text(lang, TerminalText.escaped(role)))
            }
            guard !codes.isEmpty else { throw ValidationError(Phrase.scopeEmpty.text(lang)) }
            if let bad = codes.first(where: { $0.count > 12 || !$0.allSatisfy { $0.isASCII && $0.isNumber } }) {
                throw ValidationError(Phrase.scopeNotNumeric.text(lang, TerminalText.escaped(bad)))
            }
            if let validUntil, Day(iso: validUntil) == nil {
                throw ValidationError(Phrase.dateNotDay.text(lang, TerminalText.escaped(validUntil)))
            }
        }

        mutating func run() throws {
            guard let text = FileManager.default.contents(atPath: device).flatMap({ String(data: $0, encoding: .utf8) }),
                  let key = DevicePublicKey(text: text) else { throw CommandFailure(TrustProblem.notAKeyFile(device), lang) }
            let until = validUntil.flatMap(Day.init(iso:)) ?? Day.today.nextYear
            do {
                let authority = try CountyAuthority.open(county)
                let made = try authority.enrol(key, role: DeviceRole(rawValue: role)!, scope: codes, name: name ?? key.name, validUntil: until)
                let c = made.1
                Console.out(Phrase.certificateFileLine.console(lang, made.path, authority.identityPath))
                Console.out(Phrase.certificatePersonLine.console(lang, c.name, c.deviceID))
                Console.out(Phrase.certificateRoleLine.console(lang, c.role.label(lang), c.scope.joined(separator: ",")))
                Console.out(Phrase.certificateValidLine.console(lang, c.validUntil))
                Console.out(Phrase.certificateKeyLine.console(lang, c.keyFingerprint))
            } catch { throw CommandFailure(error, lang) }
        }
    }

    struct RevokeDevice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "吊销设备：写出下一号吊销名单 (revoke a device: write the next revocation list)")
        @Option(name: .long, help: "县级密钥目录 (the county folder)") var county: String
        @Argument(help: "设备号或其前缀（须是本县发过证书的）(device id or a prefix of one this county certified)") var device: String
        @Option(name: .long, help: "只吊销这把密钥（指纹）；默认吊销该设备的所有密钥 (only this key; default: every key of the device)") var key: String?
        @Option(name: .customLong("from-sequence"), help: "从这个数据包序号起拒收：第一个没有收到的序号 (refuse from this sequence: the first one not received)")
        var fromSequence: Int
        @Option(name: .long, help: "原因，如“电脑丢失” (why)") var reason: String
        @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

        func validate() throws {
            guard fromSequence >= 1 else { throw ValidationError(Phrase.fromSequenceTooSmall.text(lang)) }
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError(Phrase.reasonMissing.text(lang)) }
        }

        mutating func run() throws {
            do {
                let authority = try CountyAuthority.open(county)
                let issued = IssuedCertificates.read(authority)
                let (id, fingerprint) = try IssuedCertificates.resolve(device, key: key, in: issued)
                let (_, list) = try authority.revoke(device: id, key: fingerprint, fromSequence: fromSequence, reason: reason)
                let whose = issued.first { $0.deviceID == id }?.name ?? ""
                let which: ConsoleText = fingerprint.map { Phrase.revokedKey.console(lang, $0) } ?? Phrase.revokedEveryKey.console(lang)
                Console.out(Phrase.revokedDevice.console(lang, id, whose, which, fromSequence))
                Console.out(Phrase.revocationListLine.console(lang, list.number, list.entries.count, authority.revocationsPath))
                Console.out(Phrase.revocationSpreads.console(lang, authority.revocationsPath))
            } catch { throw CommandFailure(error, lang) }
        }
    }

    struct TrustCounty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "trust", abstract: "信任本县（county.json）：其证书为设备担保 (trust the county: its certificates vouch for devices)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "县级文件 county.json (the county file)") var file: String

        mutating func run() throws {
            let identity = try readCountyFile(file, options.lang)
            let store = try options.open()
            do {
                try store.trustCounty(identity)
                Console.out(countyLine(identity, options.lang))
            } catch { throw CommandFailure(error, options.lang) }
        }
    }

    struct InstallRevocations: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revocations", abstract: "装入县里的吊销名单 (install the county's revocation list)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "吊销名单 revocations.json (the list)") var file: String

        mutating func run() throws {
            guard let signed = FileManager.default.contents(atPath: file).flatMap(CountySigned.init(file:)) else {
                throw CommandFailure(EnrolmentProblem.notAFile(file), options.lang)
            }
            let store = try options.open()
            do {
                let list = try store.installRevocations(signed)
                Console.out(Phrase.revocationsInstalled.console(options.lang, list.number, list.entries.count))
                for e in list.entries {
                    Console.out(Phrase.revocationEntryLine.console(options.lang, e.deviceID, e.fromSequence, e.reason))
                }
            } catch EnrolmentProblem.olderRevocations(let have, let got) where have == got && (try? store.revocationList()) == Self.unverified(signed) {
                // The very list this store holds: nothing to do.
                Console.out(Phrase.revocationsAlreadyHeld.console(options.lang, have))
            } catch { throw CommandFailure(error, options.lang) }
        }

        /// The list inside, unchecked: only to compare with the (checked) one the store holds.
        static func unverified(_ signed: CountySigned) -> RevocationList? {
            Data(base64Encoded: signed.payload).flatMap { try? JSONDecoder().decode(RevocationList.self, from: $0) }
        }
    }
}

/// `hufang enrol`: installs this device's certificate (trusting the county first with `--county`).
struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "装入本机的证书；--county 同时信任本县 (install this device's certificate; --county trusts the county first)")
    @OptionGroup var options: StoreOptions
    @Argument(help: "县里签发的证书 .cert (the certificate)") var file: String
    @Option(name: .long, help: "县级文件 county.json：先信任本县 (the county file: trust it first)") var county: String?

    mutating func run() throws {
        let identity = try county.map { try readCountyFile($0, options.lang) }
        guard let signed = FileManager.default.contents(atPath: file).flatMap(CountySigned.init(file:)) else {
            throw CommandFailure(EnrolmentProblem.notAFile(file), options.lang)
        }
        let store = try options.open()
        do {
            if let identity {
                try store.trustCounty(identity)
                Console.out(countyLine(identity, options.lang))
            }
            let c = try store.enrol(signed)
            Console.out(Phrase.enrolled.console(options.lang, c.name, c.role.label(options.lang), c.scope.joined(separator: ","), c.validUntil))
            Console.out(Phrase.enrolledBundlesCarry.console(options.lang))
        } catch { throw CommandFailure(error, options.lang) }
    }
}

/// Reads a `county.json`, or fails saying it is not one.
private func readCountyFile(_ path: String, _ lang: Language) throws(CommandFailure) -> CountyIdentity {
    guard let identity = FileManager.default.contents(atPath: path).flatMap(CountyIdentity.init(file:)) else {
        throw CommandFailure(EnrolmentProblem.notAFile(path), lang)
    }
    return identity
}

private func countyLine(_ i: CountyIdentity, _ lang: Language) -> ConsoleText {
    return Phrase.countyTrusted.console(lang, i.countyID, i.name, i.fingerprint)
}

/// The certificates a county folder holds (`certificates/*.cert`), to find the device a revocation names.
enum IssuedCertificates {
    static func read(_ authority: CountyAuthority) -> [DeviceCertificate] {
        let folder = authority.folder + "/certificates"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".cert") }.sorted()
        return files.compactMap { f in
            FileManager.default.contents(atPath: folder + "/" + f).flatMap(CountySigned.init(file:))
                .flatMap { Data(base64Encoded: $0.payload) }.flatMap { try? JSONDecoder().decode(DeviceCertificate.self, from: $0) }
        }
    }

    /// The device id (a whole id, or a prefix of exactly one certified device) and the key fingerprint
    /// (spaces optional), as the certificates spell them.
    static func resolve(_ text: String, key: String?, in issued: [DeviceCertificate]) throws -> (String, String?) {
        let ids = Set(issued.map(\.deviceID))
        let id: String
        if ids.contains(text) { id = text } else {
            let matches = ids.filter { !text.isEmpty && $0.hasPrefix(text.lowercased()) }
            guard !matches.isEmpty else { throw TrustProblem.unknownDevice(text) }
            guard matches.count == 1 else { throw TrustProblem.ambiguousDevice(text) }
            id = matches.first!
        }
        guard let key else { return (id, nil) }
        let bare = key.replacingOccurrences(of: " ", with: "").lowercased()
        guard let known = issued.first(where: { $0.deviceID == id && $0.keyFingerprint.replacingOccurrences(of: " ", with: "") == bare }) else {
            throw TrustProblem.unknownDevice(key)
        }
        return (id, known.keyFingerprint)
    }
}

extension Day {
    /// The same day a year later (29 February: the 28th).
    var nextYear: Day { Day(year: year + 1, month: month, day: day) ?? Day(year: year + 1, month: month, day: day - 1)! }
}
