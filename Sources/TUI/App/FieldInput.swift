import Survey

/// Turning typed text into an answer, and answers back into text, for each kind of question.
public enum FieldInput {
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
        return all.filter { item in
            item.label.zh.contains(t) || item.label.en.lowercased().contains(lower)
                || item.aliases.contains { $0.contains(t) || $0.lowercased().contains(lower) }
        }
    }

    /// Why a character typed into `text` is refused, if it is: past the question's `max_length`, or
    /// not part of a name. Numbers and codes take anything (what is typed is checked at Enter).
    static func refusal(typing c: Character, into text: String, for q: Question) -> InputProblem? {
        guard q.type == .text || q.type == .idNumber else { return nil }
        if text.count >= q.maxLength { return .tooLong(q.maxLength) }
        if let format = q.format, !format.accepts(c) { return .notInName(c) }
        return nil
    }

    /// Why a typed number is outside the question's `min`/`max`, if it is (the message its check would show).
    static func outOfRange(_ n: Double, _ q: Question, lang: Language) -> String? {
        if let least = q.minimum, n < least { return Phrase.cannotBeLessThan.text(lang, q.label, Value.format(least)) }
        if let most = q.maximum, n > most { return Phrase.cannotBeMoreThan.text(lang, q.label, Value.format(most)) }
        return nil
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
            // Text that did not come key by key (an answer edited from an older, longer one) is held to the same rules.
            let answer = raw.trimmingCharacters(in: .whitespaces)
            if answer.count > q.maxLength { return .failure(.tooLong(q.maxLength)) }
            guard let format = q.format else { return .success(.text(answer)) }
            if let c = format.refused(in: answer) { return .failure(.notInName(c)) }
            return .success(.text(format.normalized(answer)))
        case .idNumber:
            if text.count > q.maxLength { return .failure(.tooLong(q.maxLength)) }
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
    public static func display(_ v: Value, _ q: Question, _ lang: Language) -> String {
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
        case .integer: return q.unit.map { Phrase.expectsNumberIn.text(lang, Phrase.typeInteger, $0) } ?? Phrase.typeInteger.text(lang)
        case .decimal: return q.unit.map { Phrase.expectsNumberIn.text(lang, Phrase.typeDecimal, $0) } ?? Phrase.typeDecimal.text(lang)
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
    /// Text longer than the question's `max_length`.
    case tooLong(Int)
    /// A character a name cannot hold.
    case notInName(Character)

    func message(_ lang: Language) -> String {
        switch self {
        case .tooLong(let n): return Phrase.inputTooLong.text(lang, n)
        case .notInName(let c): return Phrase.inputNotInName.text(lang, TerminalText.escaped(String(c)))
        case .notInteger: return Phrase.inputNotInteger.text(lang)
        case .notNumber: return Phrase.inputNotNumber.text(lang)
        case .notDate: return Phrase.inputNotDate.text(lang)
        case .noSuchOption(let t): return Phrase.noOptionMatches.text(lang, t)
        }
    }
}
