/// A resident identity number (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date,
/// 3-digit sequence (odd = male), and a MOD 11-2 check character (0–9 or X).
public struct ResidentID: Hashable, Sendable {
    /// The 18 characters, with a lower-case x made upper-case.
    public let value: String
    public let birthDate: Day
    /// 1 male, 2 female — the codes of the `sex` list.
    public let sex: Int
    public let regionCode: String

    /// Why an ID number is refused.
    public enum Problem: Error, Equatable, Sendable {
        case wrongLength(Int)
        case invalidCharacter(position: Int)
        case impossibleBirthDate(String)
        case birthDateOutOfRange(Day)
        case badCheckDigit(expected: Character, found: Character)

        /// The message for the enumerator, in their language.
        public func message(_ lang: Language) -> String {
            switch self {
            case .wrongLength(let n):
                return Phrase.idNumberWrongLength.text(lang, n)
            case .invalidCharacter(let p):
                return Phrase.idNumberNotDigit.text(lang, p)
            case .impossibleBirthDate(let s):
                return Phrase.idBirthDateImpossible.text(lang, s)
            case .birthDateOutOfRange(let d):
                return Phrase.idBirthDateImplausible.text(lang, d)
            case .badCheckDigit(let e, let f):
                return Phrase.idCheckCharacterWrong.text(lang, e, f)
            }
        }
    }

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Parses and checks an ID number; `on` is the latest plausible birth date.
    public init(_ text: String, on reference: Day) throws(Problem) {
        let chars = Array(text.uppercased())
        guard chars.count == 18 else { throw .wrongLength(text.count) }
        var digits: [Int] = []
        for (i, c) in chars.prefix(17).enumerated() {
            guard let d = c.wholeNumberValue, c.isASCII else { throw .invalidCharacter(position: i + 1) }
            digits.append(d)
        }
        guard chars[17] == "X" || (chars[17].isASCII && chars[17].isNumber) else { throw .invalidCharacter(position: 18) }
        let y = digits[6] * 1000 + digits[7] * 100 + digits[8] * 10 + digits[9]
        let m = digits[10] * 10 + digits[11]
        let d = digits[12] * 10 + digits[13]
        guard let birth = Day(year: y, month: m, day: d) else {
            throw .impossibleBirthDate(String(chars[6..<14]))
        }
        guard birth.year >= 1900, birth <= reference else { throw .birthDateOutOfRange(birth) }
        let expected = Self.checkCharacter(digits)
        guard expected == chars[17] else { throw .badCheckDigit(expected: expected, found: chars[17]) }
        value = String(chars)
        birthDate = birth
        sex = digits[16] % 2 == 1 ? 1 : 2
        regionCode = String(chars[0..<6])
    }

    /// A complete ID number for a region, birth date and 3-digit sequence, with the sequence's last
    /// digit made odd for men (sex 1) and even for women, and the right check character.
    public static func compose(region: String, born: Day, sequence: Int, sex: Int) -> String {
        var seq = (sequence % 500) * 2
        if sex == 1 { seq += 1 }
        let digits = String(seq)
        let body = region + born.description.replacingOccurrences(of: "-", with: "") + String(repeating: "0", count: 3 - digits.count) + digits
        return body + String(checkCharacter(body.compactMap(\.wholeNumberValue)))
    }

    /// The ID number with its check character recomputed for its first 17 characters.
    public static func withCheckCharacter(_ first17: String) -> String {
        first17 + String(checkCharacter(first17.compactMap(\.wholeNumberValue)))
    }

    /// The MOD 11-2 check character for the first 17 digits.
    public static func checkCharacter(_ digits: [Int]) -> Character {
        var sum = 0
        for (d, w) in zip(digits, weights) { sum += d * w }
        return checkCharacters[sum % 11]
    }

    /// The problem with an ID number, or nil when it is valid.
    public static func check(_ text: String, on reference: Day) -> Problem? {
        do { _ = try ResidentID(text, on: reference); return nil } catch { return error }
    }
}
