import ArgumentParser
import Foundation
import Store
import Survey

/// Who is at the keyboard: `--who`, else $HUFANG_USER, else the login name.
func currentUser(_ who: String?) -> String {
    let env = ProcessInfo.processInfo.environment
    return who ?? env["HUFANG_USER"] ?? env["USER"] ?? "hufang"
}

/// `hufang keys`: this device's signing key, and the county key bundles are sealed to.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "密钥 (keys)", subcommands: [Show.self, County.self, MakeCounty.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示本机设备号、指纹和要交给对方的公钥文件 (show this device's id, fingerprint and public key file)")
        @OptionGroup var options: StoreOptions

        mutating func run() throws {
            let store = try options.open()
            let zh = options.lang == .zh
            do {
                let key = try store.writePublicKeyFile()
                print(zh ? "设备号  \(key.deviceID)" : "device       \(key.deviceID)")
                print(zh ? "名称    \(key.name)" : "name         \(key.name)")
                print(zh ? "指纹    \(key.fingerprint)" : "fingerprint  \(key.fingerprint)")
                print(zh ? "公钥文件 \(store.publicKeyPath)（交给审核人，对方用 hufang devices trust 导入，并当面核对指纹）"
                         : "key file     \(store.publicKeyPath) (hand it to the supervisor: hufang devices trust, then compare fingerprints)")
            } catch { options.fail(describe(error, zh)) }
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
                    print(zh ? "此后导出的数据包将加密给县级密钥（指纹 \(fingerprint)）" : "Later exports are sealed to the county key (fingerprint \(fingerprint))")
                } else {
                    print(zh ? "已装入县级私钥（指纹 \(fingerprint)）：\(store.countyPrivateKeyPath)，仅本人可读"
                             : "Installed the county private key (fingerprint \(fingerprint)) at \(store.countyPrivateKeyPath), readable by you only")
                }
            } catch { options.fail(describe(error, zh)) }
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
                print(zh ? "私钥 \(made.privatePath)（仅本人可读，只放在县级汇总机上）\n公钥 \(made.publicPath)（发给各调查电脑）\n指纹 \(made.fingerprint)"
                         : "private \(made.privatePath) (readable by you only; keep it on the county hub)\npublic  \(made.publicPath) (give it to every laptop)\nfingerprint \(made.fingerprint)")
            } catch {
                FileHandle.standardError.write(Data((describe(error, zh) + "\n").utf8))
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
            let store = try options.open()
            let zh = options.lang == .zh
            do {
                for (d, last) in try store.devices() {
                    let state = d.isSelf ? (zh ? "本机" : "this device")
                        : d.revokedFrom.map { zh ? "自第 \($0) 号起吊销" : "revoked from \($0)" } ?? (zh ? "已信任" : "trusted")
                    print("\(d.id)  \(d.fingerprint)  \(state)  " + (d.isSelf ? "" : (zh ? "已收到第 \(last) 号  " : "last sequence \(last)  ")) + d.name)
                }
            } catch { options.fail(describe(error, zh)) }
        }
    }

    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "信任一台设备的公钥文件 (trust a device's public key file)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "对方 hufang keys show 给出的公钥文件 (the .pub file)") var file: String

        mutating func run() throws {
            let zh = options.lang == .zh
            guard let text = FileManager.default.contents(atPath: file).flatMap({ String(data: $0, encoding: .utf8) }),
                  let key = DevicePublicKey(text: text) else { options.fail(TrustProblem.notAKeyFile(file).message(zh)) }
            let store = try options.open()
            do {
                let added = try store.trust(key)
                print(added ? (zh ? "已信任设备 \(key.deviceID)（\(key.name)）" : "Trusted device \(key.deviceID) (\(key.name))")
                            : (zh ? "设备 \(key.deviceID) 早已信任" : "Device \(key.deviceID) was already trusted"))
                print(zh ? "指纹 \(key.fingerprint) —— 请与对方电脑上 hufang keys show 显示的指纹逐字核对"
                         : "fingerprint \(key.fingerprint): compare it, character by character, with hufang keys show on that laptop")
            } catch { options.fail(describe(error, zh)) }
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
                print(zh ? "已吊销设备 \(d.id)（\(d.name)）：第 \(from) 号及以后的数据包将被拒收" : "Revoked \(d.id) (\(d.name)): bundles from sequence \(from) on are refused")
            } catch { options.fail(describe(error, zh)) }
        }
    }
}

/// `hufang bundle export|import`.
struct Bundle: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "数据包：导出与导入 (signed change bundles)", subcommands: [ExportBundle.self, ImportBundle.self])

    struct ExportBundle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "把尚未导出的更改打成一个签名数据包 (pack unexported changes into one signed bundle)")
        @OptionGroup var options: StoreOptions
        @Option(name: .long, help: "输出目录，如U盘 (folder to write to, e.g. a USB stick)") var out: String
        @Option(name: .long, help: "调查员姓名 (enumerator name)") var who: String?

        mutating func run() throws {
            let zh = options.lang == .zh
            let store = try options.open()
            let bar = ProgressBar(zh: zh)
            do {
                let written = try store.exportBundles(to: out, enumerator: currentUser(who)) { bar.update($0, $1, $2) }
                bar.finishLine()
                guard !written.isEmpty else {
                    print(zh ? "没有新的更改需要导出，未写入文件" : "Nothing to export: no file written")
                    return
                }
                for b in written {
                    FileHandle.standardError.write(Data(((zh ? "第 \(b.sequence) 号，\(b.changes) 项更改" + (b.encrypted ? "，已加密给县级密钥" : "")
                                                              : "sequence \(b.sequence), \(b.changes) changes" + (b.encrypted ? ", sealed to the county key" : "")) + "\n").utf8))
                    print(b.path)
                }
            } catch { bar.finishLine(); options.fail(describe(error, zh)) }
        }
    }

    struct ImportBundle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "校验并导入数据包 (verify and import bundles)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "数据包文件 (bundle files)") var files: [String]

        mutating func run() throws {
            let zh = options.lang == .zh
            let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
            let store = try options.open()
            let bar = ProgressBar(zh: zh)
            var rejected = 0
            for file in files {
                let outcome: ImportOutcome
                if let data = FileManager.default.contents(atPath: file) {
                    do {
                        outcome = try store.importBundle(data, fileName: (file as NSString).lastPathComponent, questionnaire: questionnaire) { bar.update($0, $1, $2) }
                    } catch { bar.finishLine(); options.fail(error.message(options.lang)) }
                } else {
                    outcome = .rejected(.empty)
                    bar.finishLine()
                    print("\(file): " + (zh ? "拒收 (rejected)：无法读取文件" : "rejected: cannot read the file"))
                    rejected += 1
                    continue
                }
                bar.finishLine()
                if case .rejected = outcome { rejected += 1 }
                print("\(file): \(outcome.line(zh))")
            }
            let open = (try? store.conflicts().count) ?? 0
            if open > 0 {
                print(zh ? "共有 \(open) 处冲突待处理：hufang conflicts --db \(options.path)" : "\(open) open conflicts: hufang conflicts --db \(options.path)")
            }
            if rejected > 0 { throw ExitCode(1) }
        }
    }
}

/// `hufang conflicts [resolve]`.
struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "冲突：同一字段两边改得不同 (conflicts: one field changed differently on two sides)",
                                                    subcommands: [List.self, Resolve.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出待处理的冲突 (list open conflicts)")
        @OptionGroup var options: StoreOptions
        @Flag(name: .long, help: "包括已处理的 (include resolved ones)") var all = false

        mutating func run() throws {
            let zh = options.lang == .zh
            let questionnaire = try? ScreensFolder.load(options.screens, lang: options.lang)
            let store = try options.open()
            let list: [ConflictRecord]
            do { list = try store.conflicts(all: all) } catch { options.fail(error.message(options.lang)) }
            guard !list.isEmpty else { print(zh ? "没有待处理的冲突" : "No open conflicts"); return }
            let households = Dictionary(((try? store.households(limit: 1_000_000)) ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for c in list {
                let h = households[c.householdID]
                let label = questionnaire?.questionIndex(of: c.field).map { questionnaire!.questions[$0].label.text(options.lang) } ?? c.field
                let empty = zh ? "（空）" : "(empty)"
                print("\(c.id.prefix(8))  " + (h.map { "\($0.householdNo) \($0.headName)" } ?? c.householdID) + (c.rowID.isEmpty ? "" : " · \(c.rowID.prefix(8))")
                      + "  \(label)" + (c.state == "open" ? "" : (zh ? "  已处理" : "  resolved")))
                print("    " + (zh ? "本库" : "mine  ") + "  \(ConflictRecord.display(c.mineValue, kind: c.kind) ?? empty)  — \(c.mineWho) \(c.mineAt)")
                print("    " + (zh ? "对方" : "theirs") + "  \(ConflictRecord.display(c.theirsValue, kind: c.kind) ?? empty)  — \(c.theirsWho) \(c.theirsAt)"
                      + (zh ? "（数据包 \(c.bundleID.prefix(8))，第 \(c.sequence) 号）" : " (bundle \(c.bundleID.prefix(8)), sequence \(c.sequence))"))
            }
            print(zh ? "处理：hufang conflicts resolve --db \(options.path) 编号 --take mine|theirs|值" : "Resolve: hufang conflicts resolve --db \(options.path) ID --take mine|theirs|VALUE")
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "处理一条冲突，结果作为新的更改发回 (resolve one; the result travels back as a new change)")
        @OptionGroup var options: StoreOptions
        @Argument(help: "冲突编号或其前缀 (conflict id or prefix)") var id: String
        @Option(name: .long, help: "mine（本库的）、theirs（对方的）或直接写新值 (mine, theirs, or a value)") var take: String
        @Option(name: .long, help: "处理人 (who resolves)") var who: String?

        mutating func run() throws {
            let zh = options.lang == .zh
            let questionnaire = try ScreensFolder.load(options.screens, lang: options.lang)
            let store = try options.open()
            let choice: ConflictChoice = take == "mine" ? .mine : (take == "theirs" ? .theirs : .value(take))
            do {
                let c = try store.resolveConflict(id, take: choice, who: currentUser(who), questionnaire: questionnaire)
                let value = ConflictRecord.display(c.resolvedValue, kind: c.kind) ?? (zh ? "（空）" : "(empty)")
                print(zh ? "冲突 \(c.id.prefix(8)) 已处理：\(c.field) = \(value)，将随下一个数据包发回" : "Resolved \(c.id.prefix(8)): \(c.field) = \(value); it travels in the next bundle")
            } catch { options.fail(describe(error, zh)) }
        }
    }
}

/// A message for any error these commands meet, in the user's language.
func describe(_ error: any Error, _ zh: Bool) -> String {
    switch error {
    case let e as StoreError: return e.message(zh ? .zh : .en)
    case let e as TrustProblem: return e.message(zh)
    case let e as ConflictProblem: return e.message(zh)
    case let e as DeviceKey.Problem: return e.message(zh)
    case let e as BundleRejection: return e.message(zh)
    default: return "\(error)"
    }
}
