import Foundation
import Testing
@testable import Survey

/// Derive, don't ask (issue 14): what screens/ offers (`default`), passes (`skip_when_default`), leaves
/// out (`relevant`) and works out from the roster (`calculate`), and the status the assessment checks.
@Suite struct DerivedAnswerTests {
    static let head = ChecksTests.head, wife = ChecksTests.wife, son = ChecksTests.son
    let q = Shipped.questionnaire

    func row(_ iv: Interview, _ i: Int) -> RowID { iv.rows("members")[i] }
    func offered(_ iv: Interview, _ id: String, row: RowID? = nil) -> Value? { iv.defaultValue(of: q.questionIndex(of: id)!, row: row) }

    @Test func aValidIDNumberOffersTheSexAndTheAgeAndNothingElseDoes() throws {
        var iv = Interview(questionnaire: q, today: surveyDay)
        try iv.answer("interview_date", .date(surveyDay))
        let (r, _) = try iv.addRow("members")
        #expect(offered(iv, "sex", row: r) == nil && offered(iv, "age", row: r) == nil)     // no ID yet: asked
        let valid = residentID(born: Day(year: 1966, month: 5, day: 2)!, sex: 2)
        try iv.answer("id_number", row: r, .text(valid))
        #expect(offered(iv, "sex", row: r) == .code(2))
        #expect(offered(iv, "age", row: r) == .number(54))
        #expect(q.question("sex")!.skipWhenDefault && q.question("age")!.skipWhenDefault)
        // A wrong check character: nothing offered, so both are asked and stay editable.
        try iv.answer("id_number", row: r, .text(valid.dropLast() + (valid.last == "0" ? "1" : "0")))
        #expect(offered(iv, "sex", row: r) == nil && offered(iv, "age", row: r) == nil)
        // An offer is not an answer until it is confirmed.
        #expect(iv.value("sex", row: r) == nil)
    }

    @Test func theVisitOffersTheEnumeratorTheVillageAndTheDay() throws {
        var iv = Interview(questionnaire: q, today: surveyDay)
        #expect(offered(iv, "collector_1") == nil && offered(iv, "village_code") == nil)
        iv.visit = Visit(enumerator: "赵文静", village: "622922100201")
        #expect(offered(iv, "collector_1") == .text("赵文静"))
        #expect(offered(iv, "village_code") == .text("622922100201"))
        #expect(offered(iv, "interview_date") == .date(surveyDay))
        #expect(!q.question("collector_1")!.skipWhenDefault)             // offered, confirmed with Enter
        // A name the question refuses is not offered.
        iv.visit.enumerator = ""
        #expect(offered(iv, "collector_1") == nil)
    }

    @Test func wageIncomeIsOfferedAsTheLabourSectionsEstimate() {
        var worker = Self.son
        worker.born = Day(year: 1996, month: 2, day: 3)!
        worker.answers = ["work_status": .code(4), "months_worked": .number(10), "monthly_wage": .number(4500), "school_stage": .code(8)]
        let iv = HouseholdBuilder.make([Self.head, Self.wife, worker])
        #expect(iv.value("wage_estimate") == .number(45000))
        #expect(offered(iv, "wage_income") == .number(45000))
    }

    @Test func aGradeCOrDHouseIsRecordedUnsafeWithoutAsking() {
        let c = HouseholdBuilder.make([Self.head], ["house_grade": .code(3)])
        #expect(offered(c, "house_safe") == .bool(false))
        #expect(q.question("house_safe")!.skipWhenDefault)
        let a = HouseholdBuilder.make([Self.head], ["house_grade": .code(1)])
        #expect(offered(a, "house_safe") == nil)                        // asked
    }

    @Test func dibaoAndWubaoAreAskedOnlyWithAMemberReceivingThem() {
        let none = HouseholdBuilder.make([Self.head, Self.wife], ["business_income": .number(9000), "pension_income": .number(600)])
        for id in ["dibao_income", "wubao_income"] { #expect(!none.isRelevant(q.questionIndex(of: id)!, row: nil), "\(id)") }
        #expect(none.value("transfer_income") == .number(600))          // still added up without them
        var onDibao = Self.wife
        onDibao.answers = ["assistance_status": .code(2)]
        let dibao = HouseholdBuilder.make([Self.head, onDibao], ["household_type": .code(2), "dibao_income": .number(3600)])
        #expect(dibao.isRelevant(q.questionIndex(of: "dibao_income")!, row: nil))
        #expect(!dibao.isRelevant(q.questionIndex(of: "wubao_income")!, row: nil))
        #expect(dibao.value("transfer_income") == .number(3600))
    }

    @Test func reimbursementIsAskedOnlyAfterSpending() {
        var spent = Self.wife
        spent.answers = ["medical_spending": .number(3000), "medical_reimbursed": .number(1800)]
        let iv = HouseholdBuilder.make([Self.head, spent])
        let reimbursed = q.questionIndex(of: "medical_reimbursed")!
        #expect(!iv.isRelevant(reimbursed, row: row(iv, 0)))
        #expect(iv.isRelevant(reimbursed, row: row(iv, 1)))
        #expect(iv.value("medical_reimbursed", row: row(iv, 1)) == .number(1800))
    }

    @Test func theWelfarePostIsAskedOnlyOfAMemberWorkingInOne() {
        var post = Self.wife
        post.answers = ["work_status": .code(6), "months_worked": .number(12), "monthly_wage": .number(500),
                        "welfare_post": .code(2), "welfare_post_pay": .number(500)]
        let iv = HouseholdBuilder.make([Self.head, post])
        for id in ["welfare_post", "welfare_post_pay"] {
            let qi = q.questionIndex(of: id)!
            #expect(!iv.isRelevant(qi, row: row(iv, 0)), "\(id) asked of a farmer")
            #expect(iv.isRelevant(qi, row: row(iv, 1)), "\(id) not asked of a welfare-post worker")
        }
    }

    @Test func theOneChildFamilyFollowsFromTheRoster() {
        let daughter = Person(name: "王小红", sex: 2, born: Day(year: 2010, month: 4, day: 1)!, relation: 4)
        let second = Person(name: "王小燕", sex: 2, born: Day(year: 2012, month: 6, day: 1)!, relation: 4)
        #expect(!q.question("one_child_family")!.isInput)
        #expect(HouseholdBuilder.make([Self.head, Self.wife, Self.son]).value("one_child_family") == .code(1))
        #expect(HouseholdBuilder.make([Self.head, Self.wife, daughter, second]).value("one_child_family") == .code(2))
        #expect(HouseholdBuilder.make([Self.head, Self.wife, Self.son, daughter]).value("one_child_family") == .code(3))
        #expect(HouseholdBuilder.make([Self.head, Self.wife]).value("one_child_family") == .code(3))
    }

    @Test func landAndLivestockAreOneBlockOfThirteen() {
        let block = q.questions.filter { $0.block == "land_and_livestock" }
        #expect(block.count == 13)
        #expect(block.allSatisfy { $0.type == .integer || $0.type == .decimal })
        #expect(Set(block.map(\.section)).count == 1)
    }

    @Test func aBlockLiesWithinOneSection() throws {
        let dir = try BrokenDefinitionTests.copyOfMinimal()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (file, after) in [("A-household.yaml", "    min: 0\n"), ("B-members.yaml", "    max: 120\n")] {
            let url = dir.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let at = try #require(text.range(of: after))
            try text.replacingCharacters(in: at, with: after + "    block: land\n").write(to: url, atomically: true, encoding: .utf8)
        }
        do {
            _ = try DefinitionLoader.load(directory: dir)
            Issue.record("a block in two sections was accepted")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.location.file == "B-members.yaml")
            #expect(error.problems.first?.text(.en).contains("block 'land' is already used in another section (A-household.yaml:") == true)
        }
    }

    @Test func anExitedHouseholdFailingNowIsAContradictionUntilRecordedAsReturned() throws {
        var iv = HouseholdBuilder.make([Self.head, Self.wife], ["poverty_status": .code(2), "exit_year": .number(2019),
                                                               "house_grade": .code(3), "house_safe": .bool(false),
                                                               "business_income": .number(15000)])
        var a = Assessment(iv)
        #expect(a.status == .returnedToPoverty)
        #expect(a.statusDisagrees)
        #expect(a.householdReasons.contains(Phrase.statusDisagrees.localized()))
        #expect(a.reasons.contains { $0.zh.contains("应记为返贫") })
        try iv.answer("poverty_status", .code(3))
        #expect(iv.isRelevant(q.questionIndex(of: "return_reason")!, row: nil))   // then 返贫原因 is asked
        a = Assessment(iv)
        #expect(!a.statusDisagrees && a.status == .doesNotMeet)
        // A household meeting the standard with its exit recorded agrees.
        let fine = HouseholdBuilder.make([Self.head, Self.wife], ["poverty_status": .code(2), "exit_year": .number(2019),
                                                                 "business_income": .number(15000)])
        #expect(!Assessment(fine).statusDisagrees && Assessment(fine).status == .meetsExitStandard)
    }
}
