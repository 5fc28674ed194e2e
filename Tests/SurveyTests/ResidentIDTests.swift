import Testing
@testable import Survey

@Suite struct ResidentIDTests {
    let today = Day(year: 2026, month: 11, day: 23)!

    @Test func acceptsTheStandardsWorkedExample() throws {
        // GB 11643-1999 gives these two numbers as its worked examples.
        let a = try ResidentID("11010519491231002X", on: today)
        #expect(a.birthDate == Day(year: 1949, month: 12, day: 31))
        #expect(a.sex == 2)
        #expect(a.regionCode == "110105")
    }

    @Test func refusesBirthDatesBefore1900OrAfterTheInterview() {
        #expect(ResidentID.check("440524188001010014", on: today) == .birthDateOutOfRange(Day(year: 1880, month: 1, day: 1)!))
        let future = residentID(born: Day(year: 2027, month: 1, day: 1)!, sex: 1)
        #expect(ResidentID.check(future, on: today) == .birthDateOutOfRange(Day(year: 2027, month: 1, day: 1)!))
    }

    @Test func badCheckDigitNamesTheExpectedCharacter() {
        #expect(ResidentID.check("110105194912310021", on: today) == .badCheckDigit(expected: "X", found: "1"))
        let p = ResidentID.Problem.badCheckDigit(expected: "X", found: "1")
        #expect(p.message(.zh).contains("最后一位应为X"))
        #expect(p.message(.en).contains("should be X"))
    }

    @Test func impossibleDate() {
        var body = Array("62292219990230001")
        let id = ResidentID.withCheckCharacter(String(body))
        #expect(ResidentID.check(id, on: today) == .impossibleBirthDate("19990230"))
        body[12] = "2"; body[13] = "8"  // 1999-02-28 exists
        let ok = ResidentID.withCheckCharacter(String(body))
        #expect(ResidentID.check(ok, on: today) == nil)
    }

    @Test func leapDay() {
        #expect(ResidentID.check(residentID(born: Day(year: 2000, month: 2, day: 29)!, sex: 2), on: today) == nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2100, month: 2, day: 29) == nil)
    }

    @Test(arguments: ["", "11010519491231002", "11010519491231002XX", "110105 19491231002X"])
    func wrongLength(_ text: String) {
        #expect(ResidentID.check(text, on: today) == .wrongLength(text.count))
    }

    @Test func lowerCaseXIsTheSameNumber() throws {
        let id = try ResidentID("11010519491231002x", on: today)
        #expect(id.value == "11010519491231002X")
    }

    @Test func lettersAndFullWidthDigitsAreRefused() {
        #expect(ResidentID.check("1101051949123100X2", on: today) == .invalidCharacter(position: 17))
        #expect(ResidentID.check("１10105194912310021", on: today) == .invalidCharacter(position: 1))
    }

    @Test func composedNumbersAreValidAndCarryTheirBirthDateAndSex() throws {
        for sex in [1, 2] {
            for seq in [0, 1, 77, 499, 500, 1234] {
                let born = Day(year: 1990 + seq % 20, month: 1 + seq % 12, day: 1 + seq % 28)!
                let id = try ResidentID(ResidentID.compose(region: "653130", born: born, sequence: seq, sex: sex), on: today)
                #expect(id.sex == sex && id.birthDate == born && id.regionCode == "653130")
            }
        }
    }

    @Test func sexFromTheSeventeenthDigit() throws {
        let man = try ResidentID(residentID(born: Day(year: 1980, month: 5, day: 6)!, sequence: 7, sex: 1), on: today)
        let woman = try ResidentID(residentID(born: Day(year: 1980, month: 5, day: 6)!, sequence: 7, sex: 2), on: today)
        #expect(man.sex == 1)
        #expect(woman.sex == 2)
    }

    @Test func ageCountsWholeYears() {
        let born = Day(year: 2008, month: 11, day: 24)!
        #expect(born.age(on: Day(year: 2020, month: 11, day: 23)!) == 11)
        #expect(born.age(on: Day(year: 2020, month: 11, day: 24)!) == 12)
    }
}
