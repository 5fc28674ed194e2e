import Foundation

/// Why a bundle file was refused. Nothing in the store changed.
public enum BundleRejection: Error, Equatable, Sendable, Codable {
    case empty
    case truncated
    case damaged
    case unreadableManifest
    case unsupportedFormat(String)
    case untrustedDevice(device: String, keyID: String)
    case wrongKey(device: String)
    case badSignature
    case revoked(device: String, from: Int)
    case schemaMismatch(theirs: String, ours: String)
    case payloadDamaged
    case fork(sequence: Int)
    case noCountyKey
    case cannotDecrypt
    case changesDamaged(String)
    /// The file is larger than any bundle may be: not read at all.
    case fileTooLarge(size: Int, limit: Int)
    /// The payload declares more changes than any bundle may hold.
    case tooLarge(declared: Int, limit: Int)
    /// Inflates to another length than the signed manifest declares.
    case wrongLength(declared: Int)
    /// The manifest's change counts are not the payload's.
    case countsDiffer(declared: Int, actual: Int)
    /// The certificate is not signed by the county this store trusts (or it trusts none).
    case certificateNotFromCounty(device: String)
    /// The certificate names another device or another key than the one that signed.
    case certificateMismatch(device: String)
    case certificateExpired(device: String, on: String)
    /// A change the signer may not make; the whole bundle is refused.
    case refusedChange(RefusedChange)

    /// The message in the user's language.
    public func message(_ zh: Bool) -> String {
        switch self {
        case .empty: return zh ? "空文件" : "empty file"
        case .truncated: return zh ? "文件不完整（被截断）" : "truncated file"
        case .damaged: return zh ? "文件已损坏或不是户访数据包" : "damaged, or not a hufang bundle"
        case .unreadableManifest: return zh ? "清单无法读取" : "unreadable manifest"
        case .unsupportedFormat(let f): return zh ? "不支持的数据包格式 \(f)，请升级户访" : "unsupported bundle format \(f); upgrade hufang"
        case .untrustedDevice(let d, let k):
            return zh ? "设备 \(d)（指纹 \(k)）未被信任；核对指纹后用 hufang devices trust 信任它"
                      : "device \(d) (fingerprint \(k)) is not trusted; check its fingerprint and use hufang devices trust"
        case .wrongKey(let d): return zh ? "签名密钥与已信任的设备 \(d) 的密钥不符" : "signed with a key other than the one trusted for device \(d)"
        case .badSignature: return zh ? "签名无效：文件被改动过" : "bad signature: the file was altered"
        case .revoked(let d, let n): return zh ? "设备 \(d) 的密钥已从第 \(n) 号数据包起吊销" : "device \(d) is revoked from sequence \(n)"
        case .schemaMismatch(let t, let o):
            return zh ? "数据结构不一致（对方 \(t)，本库 \(o)）：双方须使用同一版本的户访" : "schema mismatch (theirs \(t), ours \(o)): both sides need the same hufang version"
        case .payloadDamaged: return zh ? "数据内容与清单不符（长度或校验值）" : "payload does not match the manifest (length or hash)"
        case .fork(let n): return zh ? "序号 \(n) 已有另一个内容不同的数据包（分叉）" : "fork: another bundle with sequence \(n) was already applied"
        case .noCountyKey: return zh ? "数据包已加密给县级密钥，本库没有该私钥" : "sealed to the county key, and this store does not hold its private key"
        case .cannotDecrypt: return zh ? "无法解密：县级私钥不对或内容被改动" : "cannot decrypt: wrong county key, or altered content"
        case .changesDamaged(let why): return zh ? "更改内容无法应用：\(why)" : "the changes cannot be applied: \(why)"
        case .fileTooLarge(let n, let limit):
            return zh ? "文件有 \(Self.size(n))，超过数据包上限 \(Self.size(limit))，未读取" : "the file is \(Self.size(n)), more than the \(Self.size(limit)) a bundle may be; not read"
        case .tooLarge(let n, let limit):
            return zh ? "声明的更改有 \(Self.size(n))，超过数据包上限 \(Self.size(limit))" : "declares \(Self.size(n)) of changes, more than the \(Self.size(limit)) a bundle may hold"
        case .wrongLength(let n):
            return zh ? "解压后的长度与清单声明的 \(n) 字节不符" : "does not inflate to the \(n) bytes its manifest declares"
        case .countsDiffer(let declared, let actual):
            return zh ? "清单说有 \(declared) 项更改，实际为 \(actual) 项" : "the manifest declares \(declared) changes, the payload holds \(actual)"
        case .certificateNotFromCounty(let d):
            return zh ? "设备 \(d) 的证书不是本库信任的县签发的" : "device \(d)'s certificate is not signed by the county this store trusts"
        case .certificateMismatch(let d):
            return zh ? "证书与签名不符：证书上的设备或密钥不是签名的设备 \(d)" : "the certificate does not match the signature: its device or key is not the signer \(d)"
        case .certificateExpired(let d, let day): return zh ? "设备 \(d) 的证书已于 \(day) 到期" : "device \(d)'s certificate expired on \(day)"
        case .refusedChange(let c): return c.message(zh)
        }
    }
}

extension BundleRejection {
    /// Bytes in MiB or GiB for a message.
    static func size(_ n: Int) -> String {
        n >= 1 << 30 ? String(format: "%.1f GiB", Double(n) / Double(1 << 30)) : String(format: "%.1f MiB", Double(n) / Double(1 << 20))
    }
}

/// What importing one file did.
public enum ImportOutcome: Equatable, Sendable {
    /// Applied, with how many changes and new conflicts; `released` are held bundles this one unblocked.
    case applied(changes: Int, conflicts: Int, released: [Released])
    case duplicate
    case held(waitingFor: Int)
    case rejected(BundleRejection)

    /// A held bundle taken up after the one it waited for arrived: applied, or refused after all (it leaves
    /// the held ones and is kept among the refused for the supervisor to see).
    public struct Released: Equatable, Sendable {
        public var sequence: Int
        public var changes: Int
        public var conflicts: Int
        public var rejection: BundleRejection?

        public init(sequence: Int, changes: Int, conflicts: Int, rejection: BundleRejection? = nil) {
            self.sequence = sequence; self.changes = changes; self.conflicts = conflicts; self.rejection = rejection
        }
    }

    /// The line printed for the file.
    public func line(_ zh: Bool) -> String {
        switch self {
        case .applied(let n, let c, let released):
            var s = zh ? "已应用 \(n) 项更改 (applied \(n) changes)" : "applied \(n) changes"
            if c > 0 { s += zh ? "，\(c) 处冲突待处理" : ", \(c) conflicts to resolve" }
            for r in released {
                if let rejection = r.rejection {
                    s += zh ? "；暂存的第 \(r.sequence) 号包被拒收 (held sequence \(r.sequence): rejected)：\(rejection.message(true))"
                            : "; held sequence \(r.sequence): rejected: \(rejection.message(false))"
                    continue
                }
                s += zh ? "；随后应用了暂存的第 \(r.sequence) 号包，\(r.changes) 项更改" : "; then held sequence \(r.sequence): applied \(r.changes) changes"
                if r.conflicts > 0 { s += zh ? "，\(r.conflicts) 处冲突" : ", \(r.conflicts) conflicts" }
            }
            return s
        case .duplicate: return zh ? "重复，已导入过 (duplicate)" : "duplicate"
        case .held(let k): return zh ? "暂存：等待第 \(k) 号包 (held: waiting for sequence \(k))" : "held: waiting for sequence \(k)"
        case .rejected(let r): return zh ? "拒收 (rejected)：\(r.message(true))" : "rejected: \(r.message(false))"
        }
    }
}
