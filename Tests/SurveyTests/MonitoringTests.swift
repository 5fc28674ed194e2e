import Foundation
import Testing
@testable import Survey

/// 防返贫监测 as `screens/standards.yaml` declares it and the assessment applies it.
@Suite struct MonitoringTests {
    static let head = ChecksTests.head
    static let wife = ChecksTests.wife

    /// The shipped questionnaire with a 2020 monitoring line of 5,000 yuan (a test figure, unconfirmed), added to a
    /// copy of screens/ the way a county adds one.
    static let withTestLine: Questionnaire = try! DefinitionLoader.load(directory: screensWithLine(2020, 5000))

    static func screensWithLine(_ year: Int, _ line: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-monitoring-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Shipped.directory, to: dir)
        let file = dir.appendingPathComponent("standards.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "monitoring:\n  lines:\n", with: """
            monitoring:
              lines:
                - {province: "*", year: \(year), line: \(line), confirmed: false, source: "test figure"}

            """)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return dir
    }

    @Test func theShippedStandardsDeclareTheLinesAsSampleFiguresTheThreeCategoriesAndThePeriods() {
        let s = Shipped.questionnaire.standards
        #expect(s.procedures == ProcedurePeriods(noticeDays: 7, announcementDays: 5))
        #expect(s.monitoring.categories.map(\.id) == ["unstable_exited", "edge", "sudden_hardship"])
        #expect(s.monitoring.categories.map(\.label.zh) == ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"])
        #expect(!s.monitoring.lines.isEmpty && s.monitoring.lines.allSatisfy { !$0.confirmed })
        #expect(s.monitoring.line(province: "62", year: 2021)?.line == 6000)
        #expect(s.monitoring.line(province: "62", year: 2025)?.year == 2023)   // the latest earlier figure
        #expect(s.monitoring.line(province: "62", year: 2020) == nil)          // no monitoring before its first line
    }

    @Test func anExitedHouseholdBelowTheMonitoringLineIsAnUnstableExitedHousehold() throws {
        let iv = HouseholdBuilder.make([Self.head, Self.wife], ["poverty_status": .code(2), "exit_year": .number(2019),
                                                               "business_income": .number(9000)], questionnaire: Self.withTestLine)
        let a = Assessment(iv)
        #expect(a.perCapitaNetIncome == 4500)
        let flag = try #require(a.suggestedMonitoring)
        #expect(flag.category == "unstable_exited")
        #expect(flag.reasons.map(\.zh) == ["人均纯收入4500元，低于2020年监测线5000元（样例数字，待县里确认）"])
        #expect(flag.reasons.map(\.en) == ["per-capita net income 4500 yuan is below the 2020 monitoring line of 5000 yuan (a sample figure, to be confirmed by the county)"])
        // Shown with the assessment's household reasons, so every page that shows those shows it.
        #expect(a.householdReasons.contains { $0.zh == "防返贫监测：建议纳入脱贫不稳定户——人均纯收入4500元，低于2020年监测线5000元（样例数字，待县里确认）" })
    }

    @Test func aNonRegisteredHouseholdBelowTheLineIsAnEdgeHouseholdAndOneAboveItIsNotFlagged() {
        let below = Assessment(HouseholdBuilder.make([Self.head, Self.wife], ["household_type": .code(6), "poverty_status": .code(5),
                                                                             "business_income": .number(9600)], questionnaire: Self.withTestLine))
        #expect(below.monitoring.map(\.category) == ["edge"])
        let above = Assessment(HouseholdBuilder.make([Self.head, Self.wife], ["household_type": .code(6), "poverty_status": .code(5),
                                                                             "business_income": .number(10_400)], questionnaire: Self.withTestLine))
        #expect(above.monitoring.isEmpty)
        // A registered poor household is neither: it is judged against the poverty line.
        let registered = Assessment(HouseholdBuilder.make([Self.head], ["business_income": .number(3000)], questionnaire: Self.withTestLine))
        #expect(registered.monitoring.isEmpty)
    }

    @Test func aSuddenMedicalExpenseAboveHalfTheNetIncomeIsASuddenSevereHardship() throws {
        var ill = Self.wife
        ill.answers = ["health": .code(3), "medical_spending": .number(30_000), "medical_reimbursed": .number(12_000)]
        // Above the line, so only the expense counts: 18,000 out of pocket against 24,000 net income.
        let iv = HouseholdBuilder.make([Self.head, ill], ["household_type": .code(6), "poverty_status": .code(5),
                                                          "business_income": .number(24_000)], questionnaire: Self.withTestLine)
        let a = Assessment(iv)
        let flag = try #require(a.suggestedMonitoring)
        #expect(flag.category == "sudden_hardship")
        #expect(flag.reasons.map(\.zh) == ["自付医疗费用18000元，超过家庭纯收入24000元的50%"])
        #expect(flag.reasons.map(\.en) == ["out-of-pocket medical spending of 18000 yuan is more than 50% of the household's net income of 24000 yuan"])
        // Reimbursed spending is not a burden: the same bill fully reimbursed flags nothing.
        ill.answers["medical_reimbursed"] = .number(30_000)
        #expect(Assessment(HouseholdBuilder.make([Self.head, ill], ["household_type": .code(6), "poverty_status": .code(5),
                                                                   "business_income": .number(24_000)], questionnaire: Self.withTestLine)).monitoring.isEmpty)
    }

    @Test func aHouseholdMeetingTwoCategoriesIsSuggestedTheFirstAndTheOtherListed() {
        var ill = Self.wife
        ill.answers = ["medical_spending": .number(8000)]
        let a = Assessment(HouseholdBuilder.make([Self.head, ill], ["poverty_status": .code(2), "exit_year": .number(2019),
                                                                   "business_income": .number(9000)], questionnaire: Self.withTestLine))
        #expect(a.monitoring.map(\.category) == ["unstable_exited", "sudden_hardship"])
        #expect(a.householdReasons.contains { $0.zh.hasPrefix("防返贫监测：也符合突发严重困难户——自付医疗费用8000元") })
    }

    @Test func aMonitoringRuleTheAssessmentDoesNotKnowIsRefusedAtItsPlace() throws {
        let dir = try copyOfShippedScreens()
        let file = dir.appendingPathComponent("standards.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "rule: income_below_line\n    - id: edge", with: "rule: income_above_line\n    - id: edge")
        text = text.replacingOccurrences(of: "notice_days: 7", with: "notice_days: 0")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: DefinitionErrors.self) { try DefinitionLoader.load(directory: dir) }
        let messages = error.problems.map { $0.text(.en) }
        #expect(messages.contains { $0.hasPrefix("standards.yaml:") && $0.contains("unknown monitoring rule 'income_above_line'") })
        #expect(messages.contains { $0.hasPrefix("standards.yaml:") && $0.contains("notice_days must be positive") })
        #expect(error.problems.map { $0.text(.zh) }.contains { $0.contains("没有监测规则“income_above_line”") })
    }

    func copyOfShippedScreens() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-monitoring-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Shipped.directory, to: dir)
        return dir
    }
}
