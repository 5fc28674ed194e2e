import Testing
@testable import Survey

@Suite struct InterviewTests {
    let q = Shipped.questionnaire
    static let head = ChecksTests.head
    static let wife = ChecksTests.wife
    static let son = ChecksTests.son

    func section(_ id: String) -> Int { q.sections.firstIndex { $0.id == id }! }

    @Test func startsAtTheFirstQuestionAndWalksForwardAndBack() throws {
        var iv = Interview(questionnaire: q, today: surveyDay)
        #expect(iv.position?.question == q.questionIndex(of: "village_code"))
        #expect(iv.moveNext() == true)
        #expect(iv.position?.question == q.questionIndex(of: "group_name"))
        #expect(iv.movePrevious() == true)
        #expect(iv.position?.question == q.questionIndex(of: "village_code"))
        #expect(iv.movePrevious() == false)
    }

    @Test func nextSkipsQuestionsThatDoNotApplyAndCalculatedOnes() throws {
        var iv = Interview(questionnaire: q, today: surveyDay)
        #expect(iv.moveTo(question: q.questionIndex(of: "poverty_status")!, row: nil) == true)
        try iv.answer("poverty_status", .code(1))
        iv.moveNext()
        // exit_year applies only to exited households, return_reason only to returned ones, province and
        // survey_year are calculated, and with no members yet B, C, F and G have nothing to ask: land is next.
        #expect(q.questions[iv.position!.question].id == "arable_mu")
        try iv.answer("poverty_status", .code(2))
        #expect(iv.moveTo(question: q.questionIndex(of: "poverty_status")!, row: nil) == true)
        iv.moveNext()
        #expect(q.questions[iv.position!.question].id == "exit_year")
    }

    @Test func rosterSectionsWalkRowByRow() throws {
        var iv = Interview(questionnaire: q, today: surveyDay)
        let (a, _) = try iv.addRow("members")
        let (b, _) = try iv.addRow("members")
        #expect(iv.moveTo(section: section("B")) == true)
        #expect(iv.position?.row == a)
        let perRow = iv.slots(in: section("B")).filter { $0.row == a }.count
        for _ in 0..<perRow { iv.moveNext() }
        #expect(iv.position?.row == b)
        #expect(q.questions[iv.position!.question].id == "name")
    }

    @Test func perMemberSectionsAskOnlyThoseTheyApplyTo() {
        let grandma = Person(name: "张桂花", sex: 2, born: Day(year: 1940, month: 1, day: 1)!, relation: 8)
        let iv = HouseholdBuilder.make([Self.head, grandma, Self.son])
        let rows = iv.rows("members")
        let labourRows = Set(iv.slots(in: section("C")).map(\.row))
        #expect(labourRows == [rows[0]])        // only the head is of labour age
        let schoolRows = Set(iv.slots(in: section("F")).map(\.row))
        #expect(schoolRows == [rows[2]])         // only the son is 3–25
    }

    @Test func nextUnansweredWrapsAndStopsWhenComplete() throws {
        var iv = HouseholdBuilder.make([Self.head])
        #expect(iv.moveToNextUnanswered() == false)
        let row = iv.rows("members")[0]
        try iv.answer("name", row: row, nil)
        iv.moveTo(section: section("J"))
        #expect(iv.moveToNextUnanswered() == true)
        #expect(iv.position == Position(section: section("B"), row: row, question: q.questionIndex(of: "name")!))
    }

    @Test func nextProblemVisitsEachFailingField() throws {
        var iv = HouseholdBuilder.make([Self.head, Self.wife])
        #expect(iv.moveToNextProblem() == false)
        try iv.answer("floor_area", .number(10))
        try iv.answer("business_costs", .number(-1))
        iv.moveTo(section: 0)
        #expect(iv.moveToNextProblem() == true)
        #expect(q.questions[iv.position!.question].id == "floor_area")
        #expect(iv.moveToNextProblem() == true)
        #expect(q.questions[iv.position!.question].id == "business_costs")
        #expect(iv.moveToNextProblem() == true)
        #expect(q.questions[iv.position!.question].id == "floor_area")  // wraps
        // Errors are listed before warnings.
        #expect(iv.problems.first.map { q.checks[$0.check].severity } == .error)
    }

    @Test func answersHiddenByRelevanceAreKeptAsStale() throws {
        var iv = HouseholdBuilder.make([Self.head], ["poverty_status": .code(2), "exit_year": .number(2019)])
        #expect(iv.value("exit_year") == .number(2019))
        try iv.answer("poverty_status", .code(1))
        let exitYear = q.questionIndex(of: "exit_year")!
        #expect(iv.value("exit_year") == nil)
        #expect(iv.answers[FieldKey(exitYear, nil)] == .number(2019))
        #expect(iv.staleAnswers.contains(FieldKey(exitYear, nil)))
        #expect(throws: InterviewError.notRelevant(Labelled(q.question("exit_year")!))) { try iv.answer("exit_year", .number(2018)) }
        try iv.answer("poverty_status", .code(2))
        #expect(iv.value("exit_year") == .number(2019))
        #expect(iv.staleAnswers.isEmpty)
    }

    @Test func removingARowNeedsAReasonAndIsRecorded() throws {
        var iv = HouseholdBuilder.make([Self.head, Self.wife, Self.son])
        let son = iv.rows("members")[2]
        #expect(iv.value("household_size") == .number(3))
        #expect(throws: InterviewError.reasonRequired) { try iv.removeRow("members", row: son, reason: "  ") }
        let changes = try iv.removeRow("members", row: son, reason: "迁出：外出落户")
        #expect(changes == [.rowRemoved(roster: "members", row: son, reason: "迁出：外出落户")])
        #expect(iv.rows("members").count == 2)
        #expect(iv.value("household_size") == .number(2))
        #expect(iv.removedRows[0] == [RemovedRow(row: son, reason: "迁出：外出落户")])
        #expect(iv.answers[FieldKey(q.questionIndex(of: "name")!, son)] == .text("王小明"))
    }

    @Test func softProblemsNeedAReasonHardOnesCannotBeAccepted() throws {
        var iv = HouseholdBuilder.make([Self.head, Self.wife], ["floor_area": .number(10)])
        let soft = iv.problems.first { q.checks[$0.check].severity == .warning }!
        #expect(throws: InterviewError.reasonRequired) { try iv.override(soft.key, reason: "") }
        #expect(throws: InterviewError.self) { try iv.checkCompletable() }
        try iv.override(soft.key, reason: "老人住在女儿家，房屋仅作储物")
        #expect(iv.unexplainedWarningCount == 0)
        #expect(throws: Never.self) { try iv.checkCompletable() }
        // A new value needs a new reason.
        try iv.answer("floor_area", .number(11))
        #expect(iv.unexplainedWarningCount == 1)

        try iv.answer("business_costs", .number(-1))
        let hard = iv.problems.first { q.checks[$0.check].severity == .error }!
        #expect(throws: InterviewError.hardCheckCannotBeOverridden) { try iv.override(hard.key, reason: "就是这样") }
    }

    @Test func checkIDsAreUniqueAndDoNotDependOnPosition() {
        let ids = q.checks.map(\.id)
        #expect(Set(ids).count == ids.count)
        // An unnamed constraint is named by its question and a hash of its test text.
        let ageChecks = q.checks.filter { q.questions[$0.field].id == "age" && $0.ownsValue }.map(\.id)
        #expect(ageChecks.contains("age.max"))
        #expect(ageChecks.contains { $0.hasPrefix("age.") && $0.count == 12 })
    }

    @Test func typesAreEnforcedAtEntry() {
        var iv = Interview(questionnaire: q, today: surveyDay)
        #expect(throws: InterviewError.self) { try iv.answer("interview_date", .text("昨天")) }
        #expect(throws: InterviewError.notInCodeList(Labelled(q.question("household_type")!), 9)) { try iv.answer("household_type", .code(9)) }
        #expect(throws: InterviewError.calculated(Labelled(q.question("province")!))) { try iv.answer("province", .text("62")) }
        #expect(throws: InterviewError.self) { try iv.answer("exit_year", .number(2019.5)) }
    }

    @Test func restoringFromStoredAnswersGivesTheSameInterview() throws {
        var iv = HouseholdBuilder.make([Self.head, Self.wife, Self.son], ["floor_area": .number(20)])
        let soft = iv.problems.first!
        try iv.override(soft.key, reason: "测试原因")
        let stored = iv.answers.map { (question: q.questions[$0.key.question].id, row: $0.key.row, value: $0.value) }
        let again = Interview(questionnaire: q, householdID: iv.householdID, today: surveyDay, rows: ["members": iv.rows("members")],
                              answers: stored, overrides: [(q.checks[soft.check].id, soft.row, "测试原因")], position: iv.position)
        #expect(again.problems == iv.problems)
        #expect(again.value("per_capita_net_income") == iv.value("per_capita_net_income"))
        #expect(again.position == iv.position)
    }

    @Test func changingOneAnswerTouchesOnlyWhatDependsOnIt() {
        let g = q.graph
        func plan(_ id: String) -> Set<String> { Set(g.valuePlan[q.questionIndex(of: id)!].map { q.questions[$0.target].id }) }
        #expect(plan("phone").isEmpty)
        #expect(plan("helper_name").isEmpty)
        #expect(plan("business_costs") == ["net_income", "per_capita_net_income"])
        #expect(plan("wage_income").isSuperset(of: ["total_income", "net_income", "per_capita_net_income"]))
        #expect(!plan("wage_income").contains("name"))
        // A member's wage reaches household totals, not the other members' rows.
        let wage = g.valuePlan[q.questionIndex(of: "monthly_wage")!]
        #expect(wage.allSatisfy { q.questions[$0.target].roster == nil })
    }

    /// Incremental re-evaluation must give exactly what a full evaluation from scratch gives.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func incrementalEqualsFullEvaluation(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var iv = HouseholdBuilder.make([Self.head, Self.wife, Self.son])
        let inputs = q.questions.filter(\.isInput)
        for _ in 0..<300 {
            let question = inputs[Int(rng.next() % UInt64(inputs.count))]
            let row = question.roster.flatMap { iv.rowIDs(of: $0).randomElement(using: &rng) }
            guard iv.isRelevant(question.index, row: row) else { continue }
            _ = try? iv.answer(question.index, row: row, Self.randomValue(question, &rng))
        }
        let stored = iv.answers.map { (question: q.questions[$0.key.question].id, row: $0.key.row, value: $0.value) }
        let fresh = Interview(questionnaire: q, householdID: iv.householdID, today: surveyDay, rows: ["members": iv.rows("members")], answers: stored)
        #expect(Set(fresh.problems.map(\.key)) == Set(iv.problems.map(\.key)))
        for question in q.questions {
            for row in question.roster.map({ iv.rowIDs(of: $0).map(Optional.init) }) ?? [nil] {
                #expect(fresh.value(of: question.index, row: row) == iv.value(of: question.index, row: row), "\(question.id)")
                #expect(fresh.isRelevant(question.index, row: row) == iv.isRelevant(question.index, row: row), "\(question.id)")
            }
        }
    }

    static func randomValue(_ q: Question, _ rng: inout SplitMix64) -> Value? {
        if rng.next() % 10 == 0 { return nil }
        switch q.type {
        case .text, .idNumber: return .text(["甲", "乙", "62292219700304123X"][Int(rng.next() % 3)])
        case .integer: return .number(Double(rng.next() % 90))
        case .decimal: return .number(Double(rng.next() % 20000) - 10)
        case .code: return .code(q.codeList!.items[Int(rng.next() % UInt64(q.codeList!.items.count))].code)
        case .codes: return .codes([q.codeList!.items[Int(rng.next() % UInt64(q.codeList!.items.count))].code])
        case .yesno: return .bool(rng.next() % 2 == 0)
        case .date: return .date(Day(year: 2015 + Int(rng.next() % 6), month: 6, day: 1)!)
        }
    }
}
