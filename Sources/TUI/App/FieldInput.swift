import Survey

/// Turning typed text into an answer, and answers back into text, for each kind of question.
enum FieldInput {
    /// The choices a code or yes/no question offers, in list order.
    static func options(_ q: Question) -> [CodeItem] {
        if q.type == .yesno {
            return [CodeItem(code: 1, label: Phrase.yes.localized()), CodeItem(code: 2, label: Phrase.no.localized())]
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
            return cs.map { c in "\(c) " + (options(q).first { $0.code == c }?.label.text(lang) ?? "?") }.joined(separator: Phrase.listSeparator.text(lang))
        case .bool(let b):
            return b ? Phrase.yes.text(lang) : Phrase.no.text(lang)
        case .number(let n):
            return Value.format(n) + (q.unit.map { " " + $0.text(lang) } ?? "")
        default:
            return v.display
        }
    }

    /// What a question expects, for the hint line.
    static func expects(_ q: Question, _ lang: Language) -> String {
        switch q.type {
        case .text: return Phrase.typeText.text(lang)
        case .idNumber: return Phrase.expectsIDNumber.text(lang)
        case .integer: return Phrase.typeInteger.text(lang)
        case .decimal: return Phrase.typeDecimal.text(lang)
        case .code: return Phrase.expectsCode.text(lang)
        case .codes: return Phrase.expectsCodes.text(lang)
        case .yesno: return Phrase.expectsYesNo.text(lang)
        case .date: return Phrase.expectsDate.text(lang)
        }
    }
}

/// Why typed text is not an answer; the message is for the enumerator.
enum InputProblem: Error, Equatable {
    case notInteger, notNumber, notDate
    case noSuchOption(String)

    func message(_ lang: Language) -> String {
        switch self {
        case .notInteger: return Phrase.inputNotInteger.text(lang)
        case .notNumber: return Phrase.inputNotNumber.text(lang)
        case .notDate: return Phrase.inputNotDate.text(lang)
        case .noSuchOption(let t): return Phrase.noOptionMatches.text(lang, t)
        }
    }
}
