/// A typed answer or expression result. Unanswered is represented by `nil` (`Value?`), never a sentinel.
public enum Value: Hashable, Sendable, Codable {
    case number(Double)
    case text(String)
    case bool(Bool)
    case code(Int)
    case codes([Int])
    case date(Day)

    /// The value as a number, when it is one (codes count as numbers in arithmetic and comparisons).
    public var number: Double? {
        switch self {
        case .number(let n): return n
        case .code(let c): return Double(c)
        default: return nil
        }
    }

    /// The value as text, when it is text.
    public var text: String? {
        if case .text(let s) = self { return s }
        return nil
    }

    /// The value as a Boolean, when it is one.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The value as a day, when it is one.
    public var day: Day? {
        if case .date(let d) = self { return d }
        return nil
    }

    /// Plain text for messages and exports; numbers without a needless ".0".
    public var display: String {
        switch self {
        case .number(let n): return Value.format(n)
        case .text(let s): return s
        case .bool(let b): return b ? "1" : "2"
        case .code(let c): return String(c)
        case .codes(let cs): return cs.map(String.init).joined(separator: " ")
        case .date(let d): return d.description
        }
    }

    /// A number as people write it: no needless ".0", at most two decimals.
    public static func format(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        var s = String(format: "%.2f", n)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}

/// A calendar day with no time zone: interview dates and birth dates are days, not instants.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Makes a day, or nil when no such day exists (Feb 30, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whole years from `self` (a birth date) to `on`; a 29 February birthday counts on 1 March.
    public func age(on: Day) -> Int {
        var years = on.year - year
        if (on.month, on.day) < (month, day) { years -= 1 }
        return years
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }
}

/// A label in both languages of the product; Chinese is the default.
public struct Localized: Hashable, Sendable, Codable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) { self.zh = zh; self.en = en }
    /// The text in the given language.
    public func text(_ lang: Language) -> String { lang == .en ? en : zh }
}

/// The languages the product speaks.
public enum Language: String, Sendable, Codable, CaseIterable { case zh, en }
