import Survey

/// Turning typed text into an answer, and answers back into text, for each kind of question.
enum FieldInput {
    /// The choices a code or yes/no question offers, in list order.
    static func options(_ q: Question) -> [CodeItem] {
        if q.type == .yesno {
            return [CodeItem(code: 1, label: Localized(zh: "是", en: "yes")), CodeItem(code: 2, label: Localized(zh: "否", en: "no"))]
        }
        return q.codeList?.items ?? []
    }

    /// Whether the question is answered by picking from a list.
    static func picks(_ q: Question) -> Bool { q.type == .code || q.type == .yesno }

    /// The options that match what is typed: code digits by prefix, other text anywhere in the label.
    static func matches(_ q: Question, _ text: String) -> [CodeItem] {
        let all = options(q)
        let t = normalized(text).trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return all }
        if t.allSatisfy(\.isASCII), t.allSatisfy(\.isNumber) { return all.filter { String($0.code).hasPrefix(t) } }
        let lower = t.lowercased()
        return all.filter { $0.label.zh.contains(t) || $0.label.en.lowercased().contains(lower) }
    }

    /// Full-width digits and punctuation (what a Chinese input method often types) as ASCII.
    static func normalized(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s.value {
            case 0xFF10...0xFF19, 0xFF0D, 0xFF0E, 0xFF0F: out.unicodeScalars.append(Unicode.Scalar(s.value - 0xFEE0)!)
            case 0x3002: out += "."                       // 。 typed for a decimal point
            case 0x3000: out += " "
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// The answer typed text gives, nil for "clear the answer", or why the text is not an answer.
    static func parse(_ raw: String, for q: Question, highlight: Int, lang: Language) -> Result<Value?, InputProblem> {
        let text = normalized(raw).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .success(nil) }
        switch q.type {
        case .text:
            return .success(.text(raw.trimmingCharacters(in: .whitespaces)))
        case .idNumber:
            return .success(.text(text.uppercased()))
        case .integer:
            guard let n = Int(text) else { return .failure(.notInteger) }
            return .success(.number(Double(n)))
        case .decimal:
            guard let n = Double(text.replacingOccurrences(of: ",", with: "")), n.isFinite, !text.lowercased().contains("e"),
                  !text.lowercased().contains("n") else { return .failure(.notNumber) }
            return .success(.number(n))
        case .code, .yesno:
            let found = matches(q, text)
            let pick: CodeItem?
            if let n = Int(text), let exact = found.first(where: { $0.code == n }) { pick = exact }
            else if Int(text) == nil, found.indices.contains(highlight) { pick = found[highlight] }
            else { pick = nil }
            guard let pick else { return .failure(.noSuchOption(text)) }
            return .success(q.type == .yesno ? .bool(pick.code == 1) : .code(pick.code))
        case .codes:
            let parts = text.split(whereSeparator: { " ,，、;；".contains($0) })
            var codes: [Int] = []
            for p in parts {
                guard let n = Int(p), options(q).contains(where: { $0.code == n }) else { return .failure(.noSuchOption(String(p))) }
                codes.append(n)
            }
            return .success(.codes(codes))
        case .date:
            let digits = text.filter(\.isNumber)
            let parts = text.split(whereSeparator: { "-./年月日".contains($0) }).compactMap { Int($0) }
            var day: Day?
            if parts.count == 3 { day = Day(year: parts[0], month: parts[1], day: parts[2]) }
            else if digits.count == 8, let n = Int(digits) { day = Day(year: n / 10000, month: n / 100 % 100, day: n % 100) }
            guard let day else { return .failure(.notDate) }
            return .success(.date(day))
        }
    }

    /// An answer as the form shows it: code labels, 是/否, numbers with their unit.
    static func display(_ v: Value, _ q: Question, _ lang: Language) -> String {
        switch v {
        case .code(let c):
            return "\(c) " + (options(q).first { $0.code == c }?.label.text(lang) ?? "?")
        case .codes(let cs):
            return cs.map { c in "\(c) " + (options(q).first { $0.code == c }?.label.text(lang) ?? "?") }.joined(separator: lang == .zh ? "、" : ", ")
        case .bool(let b):
            return b ? (lang == .zh ? "是" : "yes") : (lang == .zh ? "否" : "no")
        case .number(let n):
            return Value.format(n) + (q.unit.map { " " + $0.text(lang) } ?? "")
        default:
            return v.display
        }
    }

    /// What a question expects, for the hint line.
    static func expects(_ q: Question, _ lang: Language) -> String {
        let zh = lang == .zh
        switch q.type {
        case .text: return zh ? "文字" : "text"
        case .idNumber: return zh ? "18位身份证号" : "18-character ID number"
        case .integer: return zh ? "整数" : "a whole number"
        case .decimal: return zh ? "数字" : "a number"
        case .code: return zh ? "输入代码或选项文字" : "type the code or part of the label"
        case .codes: return zh ? "可多选，代码用空格分开" : "several codes, separated by spaces"
        case .yesno: return zh ? "1 是 / 2 否" : "1 yes / 2 no"
        case .date: return zh ? "日期，如 2020-11-20" : "a date, e.g. 2020-11-20"
        }
    }
}

/// Why typed text is not an answer; the message is for the enumerator.
enum InputProblem: Error, Equatable {
    case notInteger, notNumber, notDate
    case noSuchOption(String)

    func message(_ lang: Language) -> String {
        let zh = lang == .zh
        switch self {
        case .notInteger: return zh ? "请输入整数（只能是数字）" : "Please type a whole number (digits only)"
        case .notNumber: return zh ? "请输入数字" : "Please type a number"
        case .notDate: return zh ? "日期格式不对，请按 2020-11-20 输入" : "Not a date: type it as 2020-11-20"
        case .noSuchOption(let t): return zh ? "没有与“\(t)”对应的选项" : "No option matches “\(t)”"
        }
    }
}
