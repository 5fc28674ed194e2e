import Survey

/// What is wrong with one value of a row that was about to enter the store, in words for both
/// languages. The caller says where the row was (a JSON path, or a bundle's table and household).
public struct RowProblem: Error, Equatable, Sendable, Codable {
    /// The column (JSON field) holding the value.
    public var column: String
    public var kind: Kind

    public enum Kind: Equatable, Sendable, Codable {
        /// SQLite holds any value in any column: an integer where text belongs, say.
        case wrongStorage(expected: Storage)
        case missing
        case notUUID(String)
        case notRowID(String)
        case tooLong(limit: Int)
        case containsNUL
        case notTimestamp(String)
        case notDay(String)
        case notClock(String)
        case notInVocabulary(String, allowed: [String])
        case outOfRange(String, ClosedRange<Int64>)
        case notFinite
        case unknownQuestion(String)
        case calculatedQuestion(String)
        case rosterMismatch(question: String, needsRow: Bool)
        case unknownRoster(String)
        case unknownCheck(String)
        case typeMismatch(question: String, expected: String, got: String)
        /// Not the one way hufang writes a value of this type: `十二`, `0x10`, `+5`, `-0`, `1e3` for a number.
        case notAValue(type: String, value: String)
        case notAnInteger(String)
        case codeNotInList(code: Int, question: String)
        case notSupersedesList
        case signedByAnother(clock: String)
    }

    /// The kind of SQLite value a column holds.
    public enum Storage: String, Equatable, Sendable, Codable { case text, integer, number, boolean }

    public init(_ column: String, _ kind: Kind) { self.column = column; self.kind = kind }

    /// The problem in the user's language (without the place).
    public func message(_ lang: Language) -> String {
        let zh = lang == .zh
        switch kind {
        case .wrongStorage(let s):
            let zhName = ["text": "文字", "integer": "整数", "number": "数字", "boolean": "是否值"][s.rawValue]!
            return zh ? "应为\(zhName)" : "expected \(s.rawValue)"
        case .missing: return zh ? "缺少此项" : "missing"
        case .notUUID(let v): return zh ? "\(Self.shown(v)) 不是UUID" : "\(Self.shown(v)) is not a UUID"
        case .notRowID(let v): return zh ? "\(Self.shown(v)) 不是行号（UUID，户级问题为空）" : "\(Self.shown(v)) is not a row id (a UUID, or empty for the household)"
        case .tooLong(let n): return zh ? "太长（最多 \(n) 个字）" : "too long (at most \(n) characters)"
        case .containsNUL: return zh ? "含有空字符（NUL）" : "contains a NUL character"
        case .notTimestamp(let v): return zh ? "\(Self.shown(v)) 不是时间（应为 2020-11-20T08:00:00.000Z）" : "\(Self.shown(v)) is not a time (expected 2020-11-20T08:00:00.000Z)"
        case .notDay(let v): return zh ? "\(Self.shown(v)) 不是日期（应为 YYYY-MM-DD）" : "\(Self.shown(v)) is not a date (expected YYYY-MM-DD)"
        case .notClock(let v): return zh ? "\(Self.shown(v)) 不是逻辑时钟" : "\(Self.shown(v)) is not a logical clock"
        case .notInVocabulary(let v, let allowed):
            return zh ? "\(Self.shown(v)) 不是可用的值（\(allowed.joined(separator: "、"))）" : "\(Self.shown(v)) is not one of \(allowed.joined(separator: ", "))"
        case .outOfRange(let v, let r): return zh ? "\(Self.shown(v)) 超出范围 \(r.lowerBound)…\(r.upperBound)" : "\(Self.shown(v)) is outside \(r.lowerBound)…\(r.upperBound)"
        case .notFinite: return zh ? "不是有限的数" : "not a finite number"
        case .unknownQuestion(let q): return zh ? "问卷中没有问题 \(Self.shown(q))" : "no question \(Self.shown(q)) in the questionnaire"
        case .calculatedQuestion(let q): return zh ? "\(Self.shown(q)) 是计算项，不能写入" : "\(Self.shown(q)) is calculated and cannot be written"
        case .rosterMismatch(let q, let needsRow):
            return needsRow ? (zh ? "\(Self.shown(q)) 是名册问题，须有行号" : "\(Self.shown(q)) is asked per row and needs a row id")
                            : (zh ? "\(Self.shown(q)) 是户级问题，不能有行号" : "\(Self.shown(q)) is asked once per household and takes no row id")
        case .unknownRoster(let r): return zh ? "问卷中没有名册 \(Self.shown(r))" : "no roster \(Self.shown(r)) in the questionnaire"
        case .unknownCheck(let c): return zh ? "问卷中没有检查 \(Self.shown(c))" : "no check \(Self.shown(c)) in the questionnaire"
        case .typeMismatch(let q, let e, let g): return zh ? "\(Self.shown(q)) 应为 \(e)，实为 \(Self.shown(g))" : "\(Self.shown(q)) takes \(e), not \(Self.shown(g))"
        case .notAValue(let t, let v): return zh ? "\(Self.shown(v)) 不是有效的 \(t) 值" : "\(Self.shown(v)) is not a valid \(t) value"
        case .notAnInteger(let v): return zh ? "\(Self.shown(v)) 不是整数" : "\(Self.shown(v)) is not a whole number"
        case .codeNotInList(let c, let q): return zh ? "代码 \(c) 不在 \(Self.shown(q)) 的代码表中" : "code \(c) is not in the code list of \(Self.shown(q))"
        case .notSupersedesList: return zh ? "应为最多两项的列表" : "expected a list of at most two values"
        case .signedByAnother(let c): return zh ? "时钟 \(Self.shown(c)) 属于另一台设备，不是签名者" : "clock \(Self.shown(c)) belongs to another device, not the signer"
        }
    }

    /// A value quoted in a message: cut short, and safe to print on a terminal.
    static func shown(_ value: String) -> String {
        let cut = value.count > 40 ? String(value.prefix(40)) + "…" : value
        return "“" + TerminalText.escaped(cut) + "”"
    }
}
