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
            let zh = options.lang == .zh
            do {
                let key = try store.writePublicKeyFile()
                Console.out(zh ? "设备号  \(key.deviceID)" : "device       \(key.deviceID)")
                Console.out(zh ? "名称    \(key.name)" : "name         \(key.name)")
                Console.out(zh ? "指纹    \(key.fingerprint)" : "fingerprint  \(key.fingerprint)")
                Console.out(zh ? "公钥文件 \(store.publicKeyPath)（交给审核人，对方用 hufang devices trust 导入，并当面核对指纹）"
                         : "key file     \(store.publicKeyPath) (hand it to the supervisor: hufang devices trust, then compare fingerprints)")
            } catch { options.fail(describe(error, options.lang)) }
        }
    }

    struct County: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "设置县级密钥：公钥则此后导出的数据包加密给县里；私钥（县级汇总机）则可解密 (set the county key: a public key seals later exports to it; the private key, on the hub, opens them)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "县级公钥或私钥文件 (county .pub or .key file)") var file: String

        mutating func run() throws {
            let zh = options.lang == .zh
            guard let key = CountyKey.read(file) else { options.fail(zh ? "\(file) 不是县级密钥文件" : "\(file) is not a county key file") }
            let store = try options.open()
            do {
                let fingerprint = try store.setCountyKey(key)
                if case .publicKey = key {
                    Console.out(zh ? "此后导出的数据包将加密给县级密钥（指纹 \(fingerprint)）" : "Later exports are sealed to the county key (fingerprint \(fingerprint))")
                } else {
                    Console.out(zh ? "已装入县级私钥（指纹 \(fingerprint)）：\(store.countyPrivateKeyPath)，仅本人可读"
                             : "Installed the county private key (fingerprint \(fingerprint)) at \(store.countyPrivateKeyPath), readable by you only")
                }
            } catch { options.fail(describe(error, options.lang)) }
        }
    }

    struct MakeCounty: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "make-county",
                                                        abstract: "生成县级密钥对 PREFIX.key 与 PREFIX.pub (make a county key pair)")
        @Option(name: .long, help: "文件名前缀 (file prefix)") var out: String
        @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

        mutating func run() throws {
            let zh = lang == .zh
            do {
                let made = try CountyKey.create(prefix: out)
                Console.out(zh ? "私钥 \(made.privatePath)（仅本人可读，只放在县级汇总机上）\n公钥 \(made.publicPath)（发给各调查电脑）\n指纹 \(made.fingerprint)"
                         : "private \(made.privatePath) (readable by you only; keep it on the county hub)\npublic  \(made.publicPath) (give it to every laptop)\nfingerprint \(made.fingerprint)")
            } catch {
                Console.err(describe(error, lang))
                throw ExitCode(1)
            }
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
            let zh = options.lang == .zh
            do {
                for (d, last) in try store.devices() {
                    let state = d.isSelf ? (zh ? "本机" : "this device")
                        : d.revokedFrom.map { zh ? "自第 \($0) 号起吊销" : "revoked from \($0)" } ?? (zh ? "已信任" : "trusted")
                    let received: ConsoleText = d.isSelf ? "" : (zh ? "已收到第 \(last) 号  " : "last sequence \(last)  ")
                    Console.out("\(d.id)  \(d.fingerprint)  \(state)  \(received)\(d.name)")
                }
                if let county = try store.county() {
                    Console.out("")
                    Console.out(zh ? "县 \(county.countyID)（\(county.name)）登记的设备：" : "Devices enrolled by county \(county.countyID) (\(county.name)):")
                    let known = try store.knownCertificates()
                    if known.isEmpty { Console.out(zh ? "  （尚无证书）" : "  (no certificates yet)") }
                    for k in known {
                        let c = k.certificate
                        let state: ConsoleText
                        switch k.state {
                        case .valid: state = zh ? "有效" : "valid"
                        case .expired: state = zh ? "已过期" : "expired"
                        case .revoked(let from, let reason): state = zh ? "已吊销（自第 \(from) 号起，\(reason)）" : "revoked from sequence \(from) (\(reason))"
                        }
                        let own: ConsoleText = k.isOwn ? (zh ? "  ← 本机" : "  ← this device")
                            : (zh ? "  已收到第 \(k.lastSequence) 号" : "  last sequence \(k.lastSequence)")
                        Console.out(zh ? "  \(c.name)  \(c.deviceID.prefix(8))  \(c.role.label(.zh))  \(c.scope.joined(separator: ","))  有效期至 \(c.validUntil)  \(state)\(own)"
                                       : "  \(c.name)  \(c.deviceID.prefix(8))  \(c.role.label(.en))  \(c.scope.joined(separator: ","))  valid until \(c.validUntil)  \(state)\(own)")
                    }
                }
            } catch { options.fail(describe(error, options.lang)) }
        }
    }

    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "信任一台设备的公钥文件 (trust a device's public key file)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "对方 hufang keys show 给出的公钥文件 (the .pub file)") var file: String

        mutating func run() throws {
            let zh = options.lang == .zh
            guard let text = FileManager.default.contents(atPath: file).flatMap({ String(data: $0, encoding: .utf8) }),
                  let key = DevicePublicKey(text: text) else { options.fail(describe(TrustProblem.notAKeyFile(file), options.lang)) }
            let store = try options.open()
            do {
                let added = try store.trust(key)
                Console.out(added ? (zh ? "已信任设备 \(key.deviceID)（\(key.name)）" : "Trusted device \(key.deviceID) (\(key.name))")
                            : (zh ? "设备 \(key.deviceID) 早已信任" : "Device \(key.deviceID) was already trusted"))
                Console.out(zh ? "指纹 \(key.fingerprint) —— 请与对方电脑上 hufang keys show 显示的指纹逐字核对"
                         : "fingerprint \(key.fingerprint): compare it, character by character, with hufang keys show on that laptop")
            } catch { options.fail(describe(error, options.lang)) }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "吊销设备（如电脑丢失）(revoke a device, e.g. a lost laptop)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "设备号、其前缀或指纹 (device id, prefix or fingerprint)") var device: String
        @Option(name: .customLong("from-sequence"), help: "从这个序号起拒收；默认为下一个未收到的 (refuse from this sequence; default: the next not yet received)")
        var fromSequence: Int?

        mutating func run() throws {
            let zh = options.lang == .zh
            let store = try options.open()
            do {
                let (d, from) = try store.revoke(device, fromSequence: fromSequence)
                Console.out(zh ? "已吊销设备 \(d.id)（\(d.name)）：第 \(from) 号及以后的数据包将被拒收" : "Revoked \(d.id) (\(d.name)): bundles from sequence \(from) on are refused")
            } catch { options.fail(describe(error, options.lang)) }
        }
    }
}
