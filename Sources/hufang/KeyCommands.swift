import ArgumentParser
import Foundation
import Store
import Survey

/// `hufang keys`: this device's signing key, and the county key bundles are sealed to.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "密钥 (keys)", subcommands: [Show.self, County.self, MakeCounty.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示本机设备号、指纹和要交给对方的公钥文件 (show this device's id, fingerprint and public key file)")
        @OptionGroup var options: StoreOptions

        mutating func run() throws {
            // Only the .pub file beside it is written, never the store.
            let store = try options.openForReading()
            do {
                let key = try store.writePublicKeyFile()
                Console.out(Phrase.keysDeviceLine.console(options.lang, key.deviceID))
                Console.out(Phrase.keysNameLine.console(options.lang, key.name))
                Console.out(Phrase.keysFingerprintLine.console(options.lang, key.fingerprint))
                Console.out(Phrase.keysFileLine.console(options.lang, store.publicKeyPath))
            } catch { throw CommandFailure(error, options.lang) }
        }
    }

    struct County: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "设置县级密钥：公钥则此后导出的数据包加密给县里；私钥（县级汇总机）则可解密 (set the county key: a public key seals later exports to it; the private key, on the hub, opens them)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "县级公钥或私钥文件 (county .pub or .key file)") var file: String

        mutating func run() throws {
            guard let key = CountyKey.read(file) else { throw CommandFailure(Phrase.notCountyKeyFile.console(options.lang, file)) }
            let store = try options.open()
            do {
                let fingerprint = try store.setCountyKey(key)
                if case .publicKey = key {
                    Console.out(Phrase.sealingKeyInstalled.console(options.lang, fingerprint))
                } else {
                    Console.out(Phrase.countyPrivateKeyInstalled.console(options.lang, fingerprint, store.countyPrivateKeyPath))
                }
            } catch { throw CommandFailure(error, options.lang) }
        }
    }

    struct MakeCounty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "make-county",
                                                        abstract: "生成县级密钥对 PREFIX.key 与 PREFIX.pub (make a county key pair)")
        @Option(name: .long, help: "文件名前缀 (file prefix)") var out: String
        @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

        mutating func run() throws {
            do {
                let made = try CountyKey.create(prefix: out)
                Console.out(Phrase.hubKeysMade.console(lang, made.privatePath, made.publicPath, made.fingerprint))
            } catch { throw CommandFailure(error, lang) }
        }
    }
}

/// `hufang devices`: whose bundles this store accepts.
struct Devices: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "信任的设备 (trusted devices)", subcommands: [List.self, Trust.self, Revoke.self],
                                                    defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出设备 (list devices)")
        @OptionGroup var options: StoreOptions

        mutating func run() throws {
            let store = try options.openForReading()
            do {
                for (d, last) in try store.devices() {
                    let state = d.isSelf ? Phrase.devicesThisDevice.text(options.lang)
                        : d.revokedFrom.map { Phrase.devicesRevoked.text(options.lang, $0) } ?? Phrase.devicesTrusted.text(options.lang)
                    let received: ConsoleText = d.isSelf ? "" : Phrase.devicesLastSequence.console(options.lang, last)
                    Console.out("\(d.id)  \(d.fingerprint)  \(state)  \(received)\(d.name)")
                }
                if let county = try store.county() {
                    Console.out("")
                    Console.out(Phrase.certificatesTitle.console(options.lang, county.countyID, county.name))
                    let known = try store.knownCertificates()
                    if known.isEmpty { Console.out(Phrase.noCertificatesYet.console(options.lang)) }
                    for k in known {
                        let c = k.certificate
                        let state: ConsoleText
                        switch k.state {
                        case .valid: state = Phrase.certificateValid.console(options.lang)
                        case .expired: state = Phrase.certificateExpiredState.console(options.lang)
                        case .revoked(let from, let reason): state = Phrase.certificateRevoked.console(options.lang, from, reason)
                        }
                        let own: ConsoleText = k.isOwn ? Phrase.certificateThisDevice.console(options.lang)
                            : Phrase.certificateLastSequence.console(options.lang, k.lastSequence)
                        Console.out(Phrase.certificateLine.console(options.lang, c.name, c.deviceID.prefix(8), c.role.label(options.lang), c.scope.joined(separator: ","), c.validUntil, state, own))
                    }
                }
            } catch { throw CommandFailure(error, options.lang) }
        }
    }

    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "信任一台设备的公钥文件 (trust a device's public key file)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "对方 hufang keys show 给出的公钥文件 (the .pub file)") var file: String

        mutating func run() throws {
            guard let text = FileManager.default.contents(atPath: file).flatMap({ String(data: $0, encoding: .utf8) }),
                  let key = DevicePublicKey(text: text) else { throw CommandFailure(TrustProblem.notAKeyFile(file), options.lang) }
            let store = try options.open()
            do {
                let added = try store.trust(key)
                Console.out(added ? Phrase.deviceTrusted.console(options.lang, key.deviceID, key.name)
                            : Phrase.deviceAlreadyTrusted.console(options.lang, key.deviceID))
                Console.out(Phrase.deviceTrustedFingerprint.console(options.lang, key.fingerprint))
            } catch { throw CommandFailure(error, options.lang) }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "吊销设备（如电脑丢失）(revoke a device, e.g. a lost laptop)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "设备号、其前缀或指纹 (device id, prefix or fingerprint)") var device: String
        @Option(name: .customLong("from-sequence"), help: "从这个序号起拒收；默认为下一个未收到的 (refuse from this sequence; default: the next not yet received)")
        var fromSequence: Int?

        mutating func run() throws {
            let store = try options.open()
            do {
                let (d, from) = try store.revoke(device, fromSequence: fromSequence)
                Console.out(Phrase.deviceRevoked.console(options.lang, d.id, d.name, from))
            } catch { throw CommandFailure(error, options.lang) }
        }
    }
}
