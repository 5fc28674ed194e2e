import Testing
@testable import Survey

/// Every consistency check of SURVEY-TABLE.md §4, on the shipped questionnaire.
@Suite struct ChecksTests {
    static let head = Person(name: "王建军", sex: 1, born: Day(year: 1970, month: 3, day: 4)!, relation: 1)
    static let wife = Person(name: "刘秀英", sex: 2, born: Day(year: 1972, month: 8, day: 9)!, relation: 2)
    static let son = Person(name: "王小明", sex: 1, born: Day(year: 2008, month: 1, day: 15)!, relation: 3)

    @Test func aPlainHouseholdHasNoProblems() {
        let iv = HouseholdBuilder.make([Self.head, Self.wife, Self.son])
        #expect(iv.problems.isEmpty, "\(iv.problems.map { iv.questionnaire.checks[$0.check].message.zh })")
        #expect(iv.completeness.answered == iv.completeness.required)
        #expect(throws: Never.self) { try iv.checkCompletable() }
    }

    @Test func idCheckDigitIsHard() throws {
        var iv = HouseholdBuilder.make([Self.head, Self.wife])
        let row = iv.rows("members")[0]
        var id = Array(iv.value("id_number", row: row)!.text!)
        id[17] = id[17] == "1" ? "2" : "1"
        try iv.answer("id_number", row: row, .text(String(id)))
        #expect(iv.hasProblem("id_number", .error, row: row))
        #expect(throws: InterviewError.self) { try iv.checkCompletable() }
    }

    @Test func birthDateAndSexInTheIDMustAgreeWithAgeAndSex() throws {
        var iv = HouseholdBuilder.make([Self.head, Self.wife])
        let row = iv.rows("members")[1]
        try iv.answer("age", row: row, .number(47))  // the ID says 48
        #expect(iv.hasProblem("age", .error, row: row))
        try iv.answer("age", row: row, .number(48))
        #expect(!iv.hasProblem("age", .error, row: row))
        try iv.answer("sex", row: row, .code(1))
        #expect(iv.hasProblem("sex", .error, row: row))
    }

    @Test func exactlyOneHead() throws {
        var iv = HouseholdBuilder.make([Self.head, Self.wife])
        try iv.answer("relation", row: iv.rows("members")[0], .code(3))
        #expect(iv.hasProblem("relation", .error))
        try iv.answer("relation", row: iv.rows("members")[0], .code(1))
        try iv.answer("relation", row: iv.rows("members")[1], .code(1))
        #expect(iv.hasProblem("relation", .error))
    }

    @Test func spouseOfTheSameSexAsTheHeadIsSoft() {
        var husband = Self.wife
        husband.sex = 1; husband.name = "刘志强"
        let iv = HouseholdBuilder.make([Self.head, husband])
        #expect(iv.hasProblem("relation", .warning, row: iv.rows("members")[1]))
        #expect(!iv.hasProblem("relation", .error))
    }

    @Test func childOlderThanTheHeadAndHeadUnder16AreSoft() {
        var oldSon = Self.son
        oldSon.born = Day(year: 1960, month: 1, day: 1)!
        let iv = HouseholdBuilder.make([Self.head, oldSon])
        #expect(iv.hasProblem("age", .warning, row: iv.rows("members")[1]))

        var youngHead = Self.son
        youngHead.relation = 1
        let iv2 = HouseholdBuilder.make([youngHead])
        #expect(iv2.hasProblem("age", .warning, row: iv2.rows("members")[0]))
    }

    @Test func compulsorySchoolAgeOutOfSchoolIsSoftAndFailsEducation() {
        var dropout = Self.son
        dropout.answers = ["school_stage": .code(9), "dropout_reason": .code(1)]
        let iv = HouseholdBuilder.make([Self.head, Self.wife, dropout])
        #expect(iv.hasProblem("school_stage", .warning, row: iv.rows("members")[2]))
        #expect(Assessment(iv).guarantees.first { $0.id == "education" }?.met == false)
    }

    @Test func monthsWorkedAndMoneyAreHardChecked() throws {
        var worker = Self.head
        worker.answers = ["work_status": .code(4), "months_worked": .number(10), "monthly_wage": .number(2000)]
        var iv = HouseholdBuilder.make([worker, Self.wife], ["wage_income": .number(20000)])
        let row = iv.rows("members")[0]
        try iv.answer("months_worked", row: row, .number(13))
        #expect(iv.hasProblem("months_worked", .error, row: row))
        try iv.answer("months_worked", row: row, .number(12))
        #expect(!iv.hasProblem("months_worked", .error, row: row))
        try iv.answer("business_costs", .number(-5))
        #expect(iv.hasProblem("business_costs", .error))
    }

    @Test func incomeFarFromTheLineForTheHouseholdTypeIsSoft() throws {
        let rich = HouseholdBuilder.make([Self.head], ["business_income": .number(20000)])   // 20,000 > 2 × 4,000 (2020)
        #expect(rich.hasProblem("wage_income", .warning))
        let poorNonPoor = HouseholdBuilder.make([Self.head], ["household_type": .code(6), "poverty_status": .code(5), "business_income": .number(1000)])
        #expect(poorNonPoor.hasProblem("wage_income", .warning))
    }

    @Test func smallFloorAreaIsSoftAndDangerousHouseTickedSafeIsHard() throws {
        var iv = HouseholdBuilder.make([Self.head, Self.wife, Self.son], ["floor_area": .number(30)])  // 10 m² per person
        #expect(iv.hasProblem("floor_area", .warning))
        try iv.answer("house_grade", .code(3))
        #expect(iv.hasProblem("house_safe", .error))
        try iv.answer("house_safe", .bool(false))
        #expect(!iv.hasProblem("house_safe", .error))
    }

    @Test func dibaoMemberInAnOrdinaryPoorHouseholdIsSoft() {
        var dibao = Self.wife
        dibao.answers = ["assistance_status": .code(2)]
        let iv = HouseholdBuilder.make([Self.head, dibao], ["dibao_income": .number(1200)])
        #expect(iv.hasProblem("assistance_status", .warning, row: iv.rows("members")[1]))
    }

    @Test func invalidIDIsStoredNotLost() throws {
        var iv = HouseholdBuilder.make([Self.head])
        let row = iv.rows("members")[0]
        try iv.answer("id_number", row: row, .text("62292219700304123"))
        #expect(iv.value("id_number", row: row) == .text("62292219700304123"))
        #expect(iv.hasProblem("id_number", .error, row: row))
    }
}
