import Testing
@testable import Survey

@Suite struct AssessmentTests {
    static let head = ChecksTests.head
    static let wife = ChecksTests.wife
    static let son = ChecksTests.son

    func born(_ age: Int) -> Day { Day(year: surveyDay.year - age - 1, month: 12, day: 1)! }

    @Test func meetsTheExitStandard() {
        let iv = HouseholdBuilder.make([Self.head, Self.wife, Self.son], ["business_income": .number(15000), "business_costs": .number(1500)])
        let a = Assessment(iv)
        #expect(a.perCapitaNetIncome == 4500)           // (15,000 − 1,500) ÷ 3
        #expect(a.incomeLine == 4000)                     // 2020 national line
        #expect(a.status == .meetsExitStandard)
        #expect(a.guarantees.count == 6 && a.guarantees.allSatisfy { $0.met == true })
    }

    @Test func belowTheLineSaysByHowMuch() {
        let iv = HouseholdBuilder.make([Self.head, Self.wife], ["business_income": .number(6000), "pension_income": .number(1000)])
        let a = Assessment(iv)
        #expect(a.perCapitaNetIncome == 3500)
        #expect(a.status == .doesNotMeet)
        #expect(a.reasons.first?.zh == "人均纯收入3500元，低于标准4000元")
        #expect(a.reasons.first?.en == "per-capita net income 3500 yuan is below the line of 4000 yuan")
    }

    @Test func childOutOfSchoolIsNamedWithAge() {
        var dropout = Self.son
        dropout.answers = ["school_stage": .code(9), "dropout_reason": .code(1)]
        let iv = HouseholdBuilder.make([Self.head, Self.wife, dropout], ["business_income": .number(30000)])
        let a = Assessment(iv)
        let edu = a.guarantees.first { $0.id == "education" }!
        #expect(edu.met == false)
        #expect(edu.reasons.count == 1)
        #expect(edu.reasons[0].zh.contains("第3位成员王小明，12岁"))
        #expect(edu.reasons[0].en.contains("member 3") && edu.reasons[0].en.contains("age 12"))
        #expect(a.status == .doesNotMeet)
        #expect(a.reasons.contains { $0.zh.hasPrefix("义务教育有保障：第3位成员王小明") })
    }

    @Test func memberWithoutMedicalInsurance() {
        var uninsured = Self.wife
        uninsured.answers = ["medical_insurance": .bool(false)]
        let a = Assessment(HouseholdBuilder.make([Self.head, uninsured], ["business_income": .number(30000)]))
        let med = a.guarantees.first { $0.id == "medical" }!
        #expect(med.met == false)
        #expect(med.reasons.map(\.zh).joined().contains("刘秀英"))
        #expect(a.status == .doesNotMeet)
    }

    @Test func dangerousHouseFailsSafeHousing() {
        let a = Assessment(HouseholdBuilder.make([Self.head], ["business_income": .number(30000), "house_grade": .code(4), "house_safe": .bool(false)]))
        #expect(a.guarantees.first { $0.id == "housing" }?.met == false)
        #expect(a.status == .doesNotMeet)
    }

    @Test func unsafeWaterFailsDrinkingWater() {
        let a = Assessment(HouseholdBuilder.make([Self.head], ["business_income": .number(30000), "water_unsafe": .bool(true)]))
        #expect(a.guarantees.first { $0.id == "water" }?.met == false)
        #expect(a.guarantees.filter { $0.met == false }.count == 1)
    }

    @Test func foodAndClothing() {
        let a = Assessment(HouseholdBuilder.make([Self.head], ["business_income": .number(30000), "food_secure": .bool(false)]))
        #expect(a.guarantees.first { $0.id == "food" }?.met == false)
        #expect(a.guarantees.first { $0.id == "clothing" }?.met == true)
    }

    @Test func exitedHouseholdBelowTheLineHasReturnedToPoverty() {
        let iv = HouseholdBuilder.make([Self.head, Self.wife], ["poverty_status": .code(2), "exit_year": .number(2018),
                                                                  "business_income": .number(5000)])
        let a = Assessment(iv)
        #expect(a.perCapitaNetIncome == 2500)
        #expect(a.status == .returnedToPoverty)
    }

    @Test func exitedHouseholdAboveTheLineButUninsuredHasReturnedToPoverty() {
        var uninsured = Self.wife
        uninsured.answers = ["medical_insurance": .bool(false)]
        let a = Assessment(HouseholdBuilder.make([Self.head, uninsured], ["poverty_status": .code(2), "exit_year": .number(2018),
                                                                           "business_income": .number(30000)]))
        #expect(a.status == .returnedToPoverty)
    }

    @Test func missingIncomeIsIncompleteNotAVerdict() throws {
        var iv = HouseholdBuilder.make([Self.head], ["business_income": .number(30000)])
        try iv.answer("business_income", nil)
        let a = Assessment(iv)
        #expect(a.perCapitaNetIncome == nil)
        #expect(a.status == .incomplete)
    }

    @Test func meetingTheStandardWithoutConsentSaysConsentIsNeeded() {
        let a = Assessment(HouseholdBuilder.make([Self.head], ["business_income": .number(30000), "household_consent": .bool(false)]))
        #expect(a.status == .meetsExitStandard)
        #expect(a.reasons.contains { $0.zh.contains("本户认可") })
    }

    @Test func membersWhoLeftDoNotCountInPerCapitaIncome() {
        var died = Self.wife
        died.answers = ["member_change": .code(5)]
        let a = Assessment(HouseholdBuilder.make([Self.head, died], ["business_income": .number(6000)]))
        #expect(a.householdSize == 1)
        #expect(a.perCapitaNetIncome == 6000)
    }

    @Test func aMemberWhoLeftIsNotAskedAboutAndDoesNotBlockTheAssessment() {
        var gone = Self.son
        gone.born = Day(year: 1995, month: 5, day: 5)!   // of labour and school age
        gone.answers = ["member_change": .code(7)]        // moved out
        let iv = HouseholdBuilder.make([Self.head, Self.wife, gone], ["business_income": .number(30000)])
        let row = iv.rows("members")[2]
        let q = iv.questionnaire
        for section in ["C", "F", "G"] {
            let s = q.sections.firstIndex { $0.id == section }!
            #expect(!iv.slots(in: s).contains { $0.row == row }, "section \(section) asks about a member who left")
        }
        let a = Assessment(iv)
        #expect(a.householdSize == 2)
        #expect(a.guarantees.allSatisfy { $0.met == true })
        #expect(a.status == .meetsExitStandard)
    }

    @Test func nonPoorHouseholdsAreNotAskedCausesOfPoverty() {
        let iv = HouseholdBuilder.make([Self.head], ["household_type": .code(6), "poverty_status": .code(5), "business_income": .number(30000)])
        let i = iv.questionnaire.sections.firstIndex { $0.id == "I" }!
        #expect(iv.slots(in: i).isEmpty)
        #expect(iv.completeness.answered == iv.completeness.required)
    }

    /// The village of the seeds' 2019 plan (7 households, 31 people: 16 men, 15 women), in 2019 with the
    /// 2019 national line of 3,218 yuan. Land at 500 yuan/mu/year adds 29,250 yuan in all; sheep 1,500 yuan per
    /// household; courtyard economy 2,000 yuan for the 5 households that have one; public-welfare posts
    /// 500 yuan/month for 4 people in 3 households; 3,000 yuan education aid for one household.
    @Test func seedsVillage() throws {
        struct Home { var people: [Person]; var mu: Double; var courtyard: Bool; var posts: Int; var aid: Double }
        func m(_ n: String, _ sex: Int, _ age: Int, _ rel: Int) -> Person { Person(name: n, sex: sex, born: born(age), relation: rel) }
        let homes: [Home] = [
            Home(people: [m("阿不都", 1, 45, 1), m("古丽", 2, 42, 2), m("买买提", 1, 20, 3), m("阿依", 2, 17, 4), m("艾力", 1, 12, 3)], mu: 10, courtyard: true, posts: 2, aid: 0),
            Home(people: [m("吐尔逊", 1, 40, 1), m("帕提", 2, 38, 2), m("亚森", 1, 15, 3), m("努尔", 2, 10, 4)], mu: 8.5, courtyard: true, posts: 1, aid: 0),
            Home(people: [m("热合曼", 1, 48, 1), m("阿米", 2, 46, 2), m("再娜", 2, 70, 8), m("伊力", 1, 18, 3), m("米娜", 2, 14, 4), m("卡德", 1, 8, 3)], mu: 9, courtyard: true, posts: 1, aid: 0),
            Home(people: [m("库尔班", 1, 30, 1), m("阿娜", 2, 28, 2), m("小库", 1, 6, 3)], mu: 7, courtyard: true, posts: 0, aid: 0),
            Home(people: [m("司马义", 1, 50, 1), m("海丽", 2, 47, 2), m("艾山", 1, 19, 3), m("阿丽", 2, 13, 4), m("小丽", 2, 9, 4)], mu: 8, courtyard: true, posts: 0, aid: 3000),
            Home(people: [m("阿依古", 2, 50, 1), m("图尔", 1, 22, 3), m("莎车", 2, 16, 4), m("小图", 1, 11, 3)], mu: 6, courtyard: false, posts: 0, aid: 0),
            Home(people: [m("依明", 1, 60, 1), m("祖丽", 2, 58, 2), m("阿迪", 1, 30, 3), m("小祖", 2, 5, 7)], mu: 10, courtyard: false, posts: 0, aid: 0),
        ]
        #expect(homes.map(\.people.count).reduce(0, +) == 31)
        #expect(homes.flatMap(\.people).filter { $0.sex == 1 }.count == 16)
        #expect(homes.map { $0.mu * 500 }.reduce(0, +) == 29250)
        #expect(homes.filter(\.courtyard).count == 5)
        #expect(homes.map(\.posts).reduce(0, +) == 4)

        let line = 3218.0
        var villageNet = 0.0
        var statuses: [SuggestedStatus] = []
        for home in homes {
            var people = home.people
            for i in 0..<home.posts {  // head and spouse take the posts
                people[i].answers = ["work_status": .code(6), "months_worked": .number(12), "monthly_wage": .number(500),
                                     "welfare_post": .code(2), "welfare_post_pay": .number(500)]
            }
            let business = home.mu * 500 + 1500 + (home.courtyard ? 2000 : 0)
            let wage = Double(home.posts) * 500 * 12
            let iv = HouseholdBuilder.make(people, [
                "village_code": .text("653130200214"), "interview_date": .date(Day(year: 2019, month: 11, day: 20)!),
                "arable_mu": .number(home.mu), "sheep": .number(3), "courtyard_economy": .bool(home.courtyard),
                "business_income": .number(business), "wage_income": .number(wage), "other_transfer": .number(home.aid),
            ])
            let a = Assessment(iv)
            let expected = ((business + wage + home.aid) / Double(people.count) * 100).rounded() / 100
            #expect(a.perCapitaNetIncome == expected)
            #expect(a.incomeLine == line)
            villageNet += business + wage + home.aid
            statuses.append(a.status)
        }
        // Worked by hand: 20,500 / 5 = 4,100 and 13,750 / 4 = 3,437.50 (above 3,218); 14,000 / 6 = 2,333.33;
        // 7,000 / 3 = 2,333.33; 10,500 / 5 = 2,100; 4,500 / 4 = 1,125; 6,500 / 4 = 1,625.
        #expect(villageNet == 76750)
        #expect((villageNet / 31 * 100).rounded() / 100 == 2475.81)
        #expect(statuses == [.meetsExitStandard, .meetsExitStandard] + Array(repeating: .doesNotMeet, count: 5))
    }
}
