import Foundation
import Survey

/// Why a sample household is meant to fall short of the exit standard.
enum SampleShortfall: String, Sendable, CaseIterable {
    case income, school, uninsured, house, water
}

/// A deliberate mistake or soft problem left in a sample household for a reviewer to find.
enum SamplePlant: String, Sendable, CaseIterable {
    /// Hard: a member's ID number with a wrong check character.
    case badCheckDigit
    /// Hard: a member's age that does not match the birth date in the ID number.
    case ageMismatch
    /// Hard: a grade C house recorded as safe.
    case gradeCSafe
    /// Soft: a child of compulsory-school age who dropped out.
    case dropout
    /// Soft: under 13 m² of floor area per person.
    case smallFloor
    /// Soft: a member on 低保 in a household typed 一般贫困户.
    case dibaoInOrdinary

    var isHard: Bool { self == .badCheckDigit || self == .ageMismatch || self == .gradeCSafe }
}

/// What the village plan asks of one household before it is drawn.
struct SamplePlan {
    var index: Int
    var group: Int
    var householdNo: String
    var interviewDate: Day
    var type: Int
    var status: Int
    /// Empty: meant to meet the exit standard.
    var shortfalls: Set<SampleShortfall>
    var plants: [SamplePlant] = []
    /// Soft problems of this household to accept with a reason.
    var overridePlants: Set<SamplePlant> = []
    var overrideUninsured = true
    /// Section index where the interview stops, and how far into it (0..<1); nil = complete.
    var stop: (section: Int, fraction: Double)?
}

/// People who visit and help: the collectors and the assigned helpers of the village.
struct SampleStaff {
    var collectors: [String]
    var helpers: [(name: String, unit: String, phone: String)]
}

/// One member as drawn, before it becomes answers.
struct SampleMember {
    var row: RowID
    var name: String
    var surname: String
    var sex: Int
    var birth: Day
    var relation: Int
    /// True age on the interview date.
    var age: Int
    /// The age written on the form (differs from `age` only when planted).
    var statedAge: Int
    var idNumber: String
    var ethnicity: Int
    var education = 1
    var change = 1
    var assistance = 1
    // C
    var capacity = 1
    var work = 7
    var months: Int?
    var wage: Double?
    var trained = false
    var wantsTraining = false
    var post = 1
    var postPay: Double?
    // F
    var stage: Int?
    var boarding: Bool?
    var dropoutReason: Int?
    var subsidyBoarding: Double?
    var grant: Double?
    var yulu: Double?
    // G
    var health = 1
    var disease: String?
    var disabilityType: Int?
    var disabilityGrade: Int?
    var disabilityCert: Bool?
    var insured = true
    var seriousInsurance = true
    var commercial = false
    var familyDoctor = true
    var spending = 0.0
    var reimbursed = 0.0

    var isWorking: Bool { [1, 2, 3, 4, 6].contains(work) }
    var wageTotal: Double { isWorking ? Double(months ?? 0) * (wage ?? 0) : 0 }
    var isStudent: Bool { stage.map { (1...7).contains($0) } ?? false }
}

/// Draws one household from its plan: members, labour, land, housing, schooling, health, income,
/// causes and signatures, consistent with each other and with the plan's outcome.
struct SampleHouseholdDraw {
    let questionnaire: Questionnaire
    let plan: SamplePlan
    let staff: SampleStaff
    var g: SplitMix64
    var usedIDs: Set<String>

    var members: [SampleMember] = []
    var household: [String: Value] = [:]
    /// Crop rows: crop code, area, output value.
    var cropRows: [(row: RowID, crop: Int, mu: Double, value: Double)] = []
    var crops: [(row: RowID, answers: [String: Value])] {
        cropRows.map { ($0.row, ["crop": .code($0.crop), "crop_mu": .number($0.mu), "crop_value": .number($0.value)]) }
    }
    /// Rows of deliberately wrong ID numbers and ages, for the reviewer (and the tests).
    var badIDRows: [RowID] = []
    var ageMismatchRows: [RowID] = []

    private var ethnicity = 1
    private var isPoorType: Bool { plan.type <= 3 }
    private var inRegister: Bool { plan.type <= 3 && [1, 3, 4].contains(plan.status) }
    private var date: Day { plan.interviewDate }

    init(questionnaire: Questionnaire, plan: SamplePlan, staff: SampleStaff, g: SplitMix64, usedIDs: Set<String>) {
        self.questionnaire = questionnaire
        self.plan = plan
        self.staff = staff
        self.g = g
        self.usedIDs = usedIDs
    }

    // MARK: Members

    private enum Shape { case single, brothers, elderlyCouple, nuclear, threeGenerations, withParents, big }

    private mutating func shape() -> Shape {
        if plan.plants.contains(.dropout) || plan.shortfalls.contains(.school) { return g.chance(0.6) ? .nuclear : .threeGenerations }
        switch plan.type {
        case 3, 5: return g.weighted([(.single, 75), (.brothers, 25)])
        case 2, 4: return g.weighted([(.single, 12), (.elderlyCouple, 22), (.nuclear, 36), (.threeGenerations, 20), (.withParents, 10)])
        case 1: return g.weighted([(.single, 5), (.elderlyCouple, 12), (.nuclear, 38), (.threeGenerations, 25), (.withParents, 14), (.big, 6)])
        default: return g.weighted([(.elderlyCouple, 10), (.nuclear, 44), (.threeGenerations, 30), (.withParents, 10), (.big, 6)])
        }
    }

    /// A birth date giving exactly `age` whole years on the interview date.
    private mutating func birth(age: Int) -> Day {
        let m = g.int(1...12)
        let d = g.int(1...Day.daysIn(month: m, year: 2001))
        var y = date.year - age
        if (m, d) > (date.month, date.day) { y -= 1 }
        return Day(year: y, month: m, day: d)!
    }

    private mutating func idNumber(born: Day, sex: Int) -> String {
        while true {
            let id = ResidentID.compose(region: "622922", born: born, sequence: g.int(1...499), sex: sex)
            if usedIDs.insert(id).inserted { return id }
        }
    }

    @discardableResult
    private mutating func add(_ relation: Int, sex: Int, age: Int, surname: String, generation: String? = nil,
                              ethnicity eth: Int? = nil) -> Int {
        let born = birth(age: age)
        var given = SampleNames.given(sex: sex, born: born.year, generation: generation, &g)
        if let generation, given.count == 2, given.hasSuffix(generation) {
            given = generation + SampleNames.pools(sex: sex, era: SampleNames.era(born: born.year)).second[0]
        }
        let m = SampleMember(row: g.uuid(), name: surname + given, surname: surname, sex: sex, birth: born, relation: relation,
                             age: age, statedAge: age, idNumber: idNumber(born: born, sex: sex), ethnicity: eth ?? ethnicity)
        members.append(m)
        return members.count - 1
    }

    private mutating func otherSurname(than s: String) -> String {
        var t = SampleNames.surname(ethnicity: ethnicity, &g)
        while t == s { t = SampleNames.surname(ethnicity: ethnicity, &g) }
        return t
    }

    /// Children of a mother aged `mother`: ages from the eldest down, none negative.
    private mutating func childAges(mother: Int, count: Int, eldestAtLeast: Int? = nil) -> [Int] {
        var ages: [Int] = []
        var next = mother - g.int(20...27)
        if let least = eldestAtLeast, next < least { next = min(least + g.int(0...2), mother - 20) }
        for _ in 0..<count {
            guard next >= 0 else { break }
            ages.append(next)
            next -= g.int(1...4)
        }
        return ages
    }

    private mutating func addChildren(ages: [Int], fatherSurname: String, motherSurname: String, relationSon: Int = 3,
                                      relationDaughter: Int = 4) {
        let sonGen: String? = g.chance(0.45) ? g.pick(SampleNames.pools(sex: 1, era: .young).first) : nil
        let daughterGen: String? = g.chance(0.3) ? g.pick(SampleNames.pools(sex: 2, era: .young).first) : nil
        let surname = g.chance(0.9) ? fatherSurname : motherSurname
        for a in ages {
            let sex = g.chance(0.52) ? 1 : 2
            let year = date.year - a
            let gen = sex == 1 ? (SampleNames.era(born: year) == .young ? sonGen : nil) : (SampleNames.era(born: year) == .young ? daughterGen : nil)
            let i = add(sex == 1 ? relationSon : relationDaughter, sex: sex, age: a, surname: surname, generation: gen)
            if a == 0 { members[i].change = 2 }
        }
    }

    mutating func drawMembers() {
        ethnicity = g.weighted([(1, 62), (3, 30), (26, 8)])
        let shape = shape()
        let needSchoolChild = plan.plants.contains(.dropout) || plan.shortfalls.contains(.school)
        switch shape {
        case .single, .brothers:
            let sex = (plan.type == 3 || plan.type == 5 || shape == .brothers) ? (g.chance(0.8) ? 1 : 2) : (g.chance(0.45) ? 1 : 2)
            let age = plan.type == 3 || plan.type == 5 ? g.int(60...80) : g.int(52...80)
            let s = SampleNames.surname(ethnicity: ethnicity, &g)
            add(1, sex: shape == .brothers ? 1 : sex, age: age, surname: s)
            if shape == .brothers {
                let other = max(50, min(88, age + (g.chance(0.5) ? 1 : -1) * g.int(2...8)))
                add(9, sex: 1, age: other, surname: s)
            }
        case .elderlyCouple:
            let headMale = g.chance(0.9)
            let ha = g.int(60...80)
            let s = SampleNames.surname(ethnicity: ethnicity, &g)
            add(1, sex: headMale ? 1 : 2, age: ha, surname: s)
            let sa = headMale ? max(55, ha - g.int(0...6)) : min(90, ha + g.int(0...5))
            let ss = otherSurname(than: s)
            add(2, sex: headMale ? 2 : 1, age: sa, surname: ss)
            if g.chance(0.25) {
                let mother = headMale ? sa : ha
                let a = max(26, min(mother - 22, g.int(26...45)))
                add(3, sex: 1, age: a, surname: headMale ? s : ss)
            }
        case .nuclear, .withParents:
            let headMale = shape == .withParents || needSchoolChild || g.chance(0.92)
            let ha = needSchoolChild ? g.int(35...48) : (shape == .withParents ? g.int(28...50) : g.int(25...55))
            let s = SampleNames.surname(ethnicity: ethnicity, &g)
            add(1, sex: headMale ? 1 : 2, age: ha, surname: s)
            var mother = ha
            var father = s, motherSurname = s
            if headMale {
                if needSchoolChild || g.chance(0.93) {
                    mother = max(20, ha - g.weighted([(0, 3), (1, 4), (2, 4), (3, 3), (4, 2), (5, 1), (-1, 1)]))
                    motherSurname = otherSurname(than: s)
                    add(2, sex: 2, age: mother, surname: motherSurname)
                } else {
                    mother = ha - 2
                    motherSurname = otherSurname(than: s)
                }
            } else {
                father = otherSurname(than: s)
            }
            let n = g.weighted([(1, 25), (2, 42), (3, 24), (4, 9)])
            var ages = childAges(mother: mother, count: n, eldestAtLeast: needSchoolChild ? 12 : nil)
            if needSchoolChild, !ages.contains(where: { (12...15).contains($0) }) { ages[0] = min(15, max(12, ages[0])) }
            ages = ages.filter { $0 < ha - 16 }
            addChildren(ages: ages, fatherSurname: father, motherSurname: motherSurname)
            if shape == .withParents {
                let fa = min(92, ha + g.int(22...32))
                let both = g.chance(0.4)
                if both || g.chance(0.4) { add(8, sex: 1, age: fa, surname: s) }
                if both || !members.contains(where: { $0.relation == 8 }) {
                    add(8, sex: 2, age: min(90, max(ha + 19, fa - g.int(0...5))), surname: otherSurname(than: s))
                }
            }
        case .threeGenerations, .big:
            let ha = needSchoolChild ? g.int(50...64) : g.int(48...72)
            let headMale = g.chance(0.9)
            let s = SampleNames.surname(ethnicity: ethnicity, &g)
            add(1, sex: headMale ? 1 : 2, age: ha, surname: s)
            var mother = ha
            if headMale {
                if g.chance(0.88) {
                    mother = max(40, ha - g.int(0...5))
                    add(2, sex: 2, age: mother, surname: otherSurname(than: s))
                } else {
                    mother = ha - 2
                }
            }
            let eldest = max(20, min(mother - 20, mother - g.int(20...27)))
            let sonInLaw = g.chance(0.15)
            let childSurname = headMale ? s : otherSurname(than: s)
            // The married child and spouse, then their children.
            let inLawAge = max(20, eldest + (sonInLaw ? g.int(0...4) : -g.int(0...4)))
            let inLawSurname = otherSurname(than: childSurname)
            if sonInLaw {
                add(4, sex: 2, age: eldest, surname: childSurname)
                let i = add(6, sex: 1, age: inLawAge, surname: inLawSurname)
                if g.chance(0.3) { members[i].change = 4 }
            } else {
                add(3, sex: 1, age: eldest, surname: childSurname)
                let i = add(5, sex: 2, age: inLawAge, surname: inLawSurname)
                if inLawAge <= 27, g.chance(0.35) { members[i].change = 3 }
            }
            let youngMother = sonInLaw ? eldest : inLawAge
            var n = g.weighted([(1, 35), (2, 45), (3, 20)])
            if shape == .big { n += 1 }
            var ages = childAges(mother: youngMother, count: n, eldestAtLeast: needSchoolChild ? 12 : nil)
            if needSchoolChild, !ages.isEmpty, !ages.contains(where: { (12...15).contains($0) }), youngMother >= 34 {
                ages[0] = 12
            }
            let grandSurname = sonInLaw ? (g.chance(0.5) ? childSurname : inLawSurname) : childSurname
            let gen: String? = g.chance(0.35) ? g.pick(SampleNames.pools(sex: 1, era: .young).first) : nil
            for a in ages {
                let sex = g.chance(0.52) ? 1 : 2
                let i = add(7, sex: sex, age: a, surname: grandSurname, generation: sex == 1 ? gen : nil)
                if a == 0 { members[i].change = 2 }
            }
            // Unmarried younger children of the head.
            let extra = g.weighted([(0, 50), (1, 35), (2, 15)])
            var a = eldest - g.int(2...6)
            for _ in 0..<extra where a >= 12 {
                let sex = g.chance(0.5) ? 1 : 2
                add(sex == 1 ? 3 : 4, sex: sex, age: a, surname: childSurname)
                a -= g.int(2...5)
            }
            if needSchoolChild, !members.contains(where: { (12...15).contains($0.age) && [3, 4, 7].contains($0.relation) }),
               mother - 20 >= 12 {
                add(g.chance(0.5) ? 3 : 4, sex: g.chance(0.5) ? 1 : 2, age: min(15, mother - 20), surname: childSurname)
            }
            if shape == .big {
                let pa = min(95, ha + g.int(20...28))
                add(8, sex: g.chance(0.7) ? 2 : 1, age: pa, surname: s)
            }
        }
        if needSchoolChild, !members.contains(where: { (12...15).contains($0.age) && [3, 4, 7].contains($0.relation) }) {
            // Fallback: a grandchild of compulsory age living with the grandparents (留守儿童).
            add(7, sex: g.chance(0.5) ? 1 : 2, age: g.int(12...15), surname: members[0].surname)
        }
    }

    // MARK: Education, assistance, health

    mutating func drawStatuses() {
        // 低保 / 五保 by household type.
        switch plan.type {
        case 2, 4:
            if g.chance(0.5) {
                for i in members.indices { members[i].assistance = 2 }
            } else {
                let order = members.indices.sorted { members[$0].age > members[$1].age }
                for i in order.prefix(g.int(1...min(2, members.count))) { members[i].assistance = 2 }
            }
        case 3, 5:
            for i in members.indices where members[i].relation == 1 || members[i].relation == 9 { members[i].assistance = 3 }
        default: break
        }
        let frail = plan.type >= 2 && plan.type <= 5
        for i in members.indices {
            let a = members[i].age
            let h: Int
            if a < 40 { h = g.weighted([(1, 95), (2, 2), (3, 1), (4, frail ? 4 : 2)]) }
            else if a < 60 { h = g.weighted([(1, frail ? 55 : 74), (2, frail ? 25 : 16), (3, 3), (4, frail ? 17 : 7)]) }
            else { h = g.weighted([(1, frail ? 30 : 45), (2, 42), (3, frail ? 10 : 5), (4, frail ? 18 : 8)]) }
            setHealth(i, h)
        }
        // A household that fell back below the line: usually an illness (因病返贫).
        if plan.shortfalls.contains(.income), plan.status == 2 || plan.status == 3, g.chance(0.6),
           !members.contains(where: { $0.health == 3 }) {
            let adults = members.indices.filter { members[$0].age >= 35 }
            if let i = adults.isEmpty ? members.indices.first : adults[g.int(0...(adults.count - 1))] { setHealth(i, 3) }
        }
        // Education: current stage for the young, by generation for adults.
        for i in members.indices {
            let m = members[i]
            let a = m.statedAge
            if a < 3 { members[i].education = 7; continue }
            if a <= 25 {
                let stage: Int
                switch a {
                case 3...5: stage = g.chance(0.75) ? 1 : 8
                case 6: stage = g.chance(0.7) ? 2 : 1
                case 7...11: stage = 2
                case 12: stage = g.chance(0.7) ? 2 : 3
                case 13, 14: stage = 3
                case 15: stage = g.chance(0.75) ? 3 : 4
                case 16...18: stage = g.chance(m.health == 1 ? 0.7 : 0.3) ? (g.chance(0.6) ? 4 : 5) : 8
                case 19...22: stage = g.chance(0.35) ? (g.chance(0.5) ? 6 : 7) : 8
                default: stage = g.chance(0.1) ? 7 : 8
                }
                members[i].stage = stage
            }
            switch members[i].stage {
            case 1?: members[i].education = 7
            case 2?: members[i].education = a < 7 ? 7 : 2
            case 3?: members[i].education = a >= 13 ? 3 : 2
            case 4?: members[i].education = 4
            case 5?: members[i].education = 5
            case 6?, 7?: members[i].education = 6
            default:
                if a < 7 { members[i].education = 7; break }
                let y = m.birth.year
                let female = m.sex == 2
                if y < 1950 { members[i].education = g.weighted([(1, female ? 80 : 55), (2, female ? 18 : 38), (3, 2)]) }
                else if y < 1965 { members[i].education = g.weighted([(1, female ? 50 : 25), (2, 40), (3, 22), (4, 4)]) }
                else if y < 1980 { members[i].education = g.weighted([(1, female ? 15 : 6), (2, 42), (3, 40), (4, 8), (5, 3)]) }
                else if y < 1995 { members[i].education = g.weighted([(1, 2), (2, 22), (3, 52), (4, 12), (5, 8), (6, 6)]) }
                else { members[i].education = g.weighted([(2, 6), (3, 50), (4, 18), (5, 14), (6, 12)]) }
            }
        }
        // Schooling details.
        let poor = plan.type <= 5
        for i in members.indices {
            guard let st = members[i].stage else { continue }
            let b: Bool? = (1...7).contains(st) ? g.chance([0, 0.0, 0.1, 0.5, 0.85, 0.85, 0.7, 0.7][st]) : nil
            members[i].boarding = b
            if b == true { members[i].subsidyBoarding = st == 2 ? 1000 : (st == 3 ? 1250 : 0) }
            if (4...7).contains(st) { members[i].grant = poor ? (st <= 5 ? 2000 : 3300) : 0 }
            if st == 5 || st == 6 { members[i].yulu = poor ? (g.chance(0.7) ? 3000 : 1500) : 0 }
        }
    }

    private mutating func setHealth(_ i: Int, _ h: Int) {
        members[i].health = h
        members[i].disease = nil
        members[i].disabilityType = nil; members[i].disabilityGrade = nil; members[i].disabilityCert = nil
        let poor = plan.type <= 5
        switch h {
        case 2 where members[i].age < 18:
            members[i].disease = g.pick(["哮喘", "癫痫", "慢性肾炎", "过敏性紫癜"])
            members[i].spending = round10(g.double(800...5000))
            members[i].reimbursed = round10(members[i].spending * g.double(0.45...0.75))
        case 3 where members[i].age < 18:
            members[i].disease = g.pick(["白血病", "先天性心脏病", "肾病综合征"])
            members[i].spending = round10(g.double(20000...90000))
            members[i].reimbursed = round10(members[i].spending * (poor ? g.double(0.8...0.92) : g.double(0.6...0.8)))
        case 2:
            members[i].disease = g.pick(["高血压", "糖尿病", "慢性支气管炎", "风湿性关节炎", "冠心病", "慢性胃炎", "腰椎间盘突出",
                                         "慢性阻塞性肺疾病", "类风湿性关节炎", "高血压、糖尿病"])
            members[i].spending = round10(g.double(1200...8000))
            members[i].reimbursed = round10(members[i].spending * g.double(0.45...0.75))
        case 3:
            members[i].disease = g.pick(["恶性肿瘤", "尿毒症", "脑梗塞", "重性精神病", "肝硬化", "先天性心脏病", "白血病", "耐多药肺结核"])
            members[i].spending = round10(g.double(18000...110000))
            members[i].reimbursed = round10(members[i].spending * (poor ? g.double(0.8...0.92) : g.double(0.55...0.75)))
        case 4:
            members[i].disabilityType = g.weighted([(4, 40), (1, 15), (2, 12), (3, 5), (5, 12), (6, 8), (7, 8)])
            members[i].disabilityGrade = g.weighted([(1, 15), (2, 30), (3, 30), (4, 25)])
            members[i].disabilityCert = g.chance(0.88)
            members[i].spending = g.chance(0.5) ? 0 : round10(g.double(200...3000))
            members[i].reimbursed = round10(members[i].spending * g.double(0.3...0.7))
        default:
            members[i].spending = g.chance(0.6) ? 0 : round10(g.double(80...1500))
            members[i].reimbursed = members[i].spending == 0 ? 0 : round10(members[i].spending * g.double(0...0.5))
        }
        members[i].insured = true
        // Serious-illness insurance comes with the basic insurance (the draw is kept so the village stays the same).
        _ = g.chance(0.97)
        members[i].seriousInsurance = true
        members[i].commercial = isPoorType ? g.chance(0.55) : g.chance(0.15)
        members[i].familyDoctor = isPoorType || plan.type <= 5 ? g.chance(0.93) : g.chance(0.35)
    }

    // MARK: Labour

    private func labourAge(_ m: SampleMember) -> Bool { questionnaire.standards.isLabourAge(age: m.statedAge, sex: m.sex) }

    mutating func drawLabour() {
        let youngChildren = members.contains { $0.age < 6 }
        for i in members.indices where labourAge(members[i]) {
            var m = members[i]
            m.trained = g.chance(0.3)
            m.wantsTraining = g.chance(0.5)
            if m.isStudent {
                m.capacity = 5; m.work = 7; m.wantsTraining = false; m.trained = false
            } else if m.health == 3 || (m.health == 4 && (m.disabilityGrade ?? 4) <= 2) {
                m.capacity = 4; m.work = 7
            } else if m.health == 4 || (m.health == 2 && g.chance(0.4)) {
                m.capacity = 3
                m.work = isPoorType && g.chance(0.25) ? 6 : g.weighted([(5, 70), (1, 15), (7, 15)])
            } else {
                m.capacity = g.chance(0.2) ? 2 : 1
                if m.capacity == 2 { m.trained = g.chance(0.8) }
                let caring = m.sex == 2 && youngChildren && (m.relation == 2 || m.relation == 5 || m.relation == 4)
                let older = m.statedAge >= 50
                m.work = g.weighted([(1, 12), (2, 12), (3, caring ? 4 : 15), (4, caring || older ? 4 : 20),
                                     (5, caring || older ? 50 : 28), (6, isPoorType ? 5 : 0), (7, 3)])
            }
            switch m.work {
            case 1: m.months = g.int(4...10); m.wage = round100(g.double(1800...2800))
            case 2: m.months = g.int(4...10); m.wage = round100(g.double(2200...3300))
            case 3: m.months = g.int(5...11); m.wage = round100(g.double(2800...4200))
            case 4: m.months = g.int(6...12); m.wage = round100(g.double(3500...6000))
            case 6:
                m.months = g.chance(0.8) ? 12 : g.int(8...11)
                m.wage = Double(g.pick([500, 500, 500, 600, 800]))
                m.post = g.weighted([(2, 40), (3, 25), (4, 15), (5, 15), (7, 5)])
                m.postPay = m.wage
            default: break
            }
            members[i] = m
        }
    }

    // MARK: Land and production

    private var arable = 0.0, irrigated = 0.0, forest = 0.0, grainForGreen = 0.0, orchard = 0.0, grassland = 0.0
    private var landOut = 0.0, landOutRent = 0.0, landIn = 0.0, landInRent = 0.0
    private var pigs = 0, cattle = 0, sheep = 0, poultry = 0
    private var coop = false, dividend = 0.0, courtyard = false, solar = 0.0
    private var cropValue: Double { cropRows.reduce(0) { $0 + $1.value } }
    private var livestockSales = 0.0, sideline = 0.0, houseRent = 0.0

    var size: Int { members.filter { ![5, 6, 7, 8].contains($0.change) }.count }

    mutating func drawLand() {
        let n = Double(max(1, size))
        let elderlyOnly = members.allSatisfy { !labourAge($0) }
        arable = round1(n * g.double(1.2...3.0) * (elderlyOnly ? 0.6 : 1))
        irrigated = g.chance(0.4) ? round1(arable * g.double(0.1...0.4)) : 0
        forest = g.chance(0.5) ? round1(g.double(1...10)) : 0
        grainForGreen = g.chance(0.45) ? round1(g.double(0.5...6)) : 0
        orchard = g.chance(0.2) ? round1(g.double(0.5...3)) : 0
        grassland = g.chance(0.1) ? round1(g.double(2...20)) : 0
        let away = members.filter { [3, 4].contains($0.work) }.count
        let farmers = members.filter { $0.work == 5 }.count
        if arable > 0, (elderlyOnly || (away > 0 && farmers == 0) ? g.chance(0.6) : g.chance(0.12)) {
            landOut = round1(arable * g.double(0.3...1.0))
            landOutRent = round10(landOut * g.double(300...500))
        }
        if farmers > 0, !elderlyOnly, g.chance(0.1) {
            landIn = round1(g.double(2...10))
            landInRent = round10(landIn * g.double(150...350))
        }
        let hui = ethnicity != 1
        pigs = !hui && g.chance(0.5) ? g.int(1...3) : 0
        cattle = g.chance(hui ? 0.5 : 0.3) ? g.int(1...(hui ? 5 : 3)) : 0
        sheep = g.chance(hui ? 0.45 : 0.2) ? g.int(3...(hui ? 40 : 20)) : 0
        poultry = g.chance(0.6) ? g.int(3...20) : 0
        if elderlyOnly { cattle = min(cattle, 1); sheep = min(sheep, 6) }
        coop = g.chance(isPoorType ? 0.45 : 0.2)
        dividend = coop ? round10(g.double(300...1500)) : 0
        courtyard = g.chance(0.3)
        sideline = courtyard ? round10(g.double(500...2500)) : 0
        solar = isPoorType && g.chance(0.25) ? round100(g.double(1000...3000)) : 0
        houseRent = g.chance(0.04) ? round100(g.double(1200...3600)) : 0
        livestockSales = round10(Double(pigs) * 1800 * 0.6 + Double(cattle) * 0.4 * 9000 + Double(sheep) * 0.5 * 900 + Double(poultry) * 30)

        // Crops on the land farmed: 0–3 rows.
        let farmed = max(0, arable - landOut) + landIn
        let rows = farmed < 0.5 ? 0 : g.weighted([(1, 30), (2, 45), (3, 25)])
        var chosen: [Int] = []
        while chosen.count < rows {
            let c = g.weighted([(3, 30), (4, 25), (2, 15), (6, 8), (8, 6), (12, 8), (14, 4), (5, 4)])
            if !chosen.contains(c) { chosen.append(c) }
        }
        var left = farmed
        var sown: [(Int, Double)] = []
        for (k, c) in chosen.enumerated() {
            let mu = k == chosen.count - 1 ? round1(left) : round1(left * g.double(0.3...0.7))
            guard mu > 0 else { continue }
            left -= mu
            sown.append((c, mu))
        }
        if orchard > 0, sown.count < 3 { sown.append((g.chance(0.5) ? 9 : 13, orchard)) }
        let perMu: [Int: ClosedRange<Double>] = [3: 800...1100, 4: 900...1400, 2: 500...800, 6: 600...900, 8: 2000...4000,
                                                 12: 2500...4000, 14: 3000...5000, 5: 500...700, 9: 1500...3000, 13: 1200...2500]
        for (c, mu) in sown {
            cropRows.append((g.uuid(), c, mu, round10(mu * g.double(perMu[c] ?? 600...1000))))
        }
    }

    // MARK: Housing and living conditions

    mutating func drawHousing() {
        let n = Double(max(1, size))
        let houseFails = plan.shortfalls.contains(.house) || plan.plants.contains(.gradeCSafe)
        var relocation = 1
        if houseFails { relocation = g.chance(0.3) ? 2 : 1 } else if isPoorType, g.chance(0.06) { relocation = 3 }
        let renovated = !houseFails && relocation == 1 && g.chance(isPoorType ? 0.3 : 0.05)
        var structure = g.weighted([(1, 20), (2, 30), (3, 45), (4, 5)])
        var grade: Int
        if houseFails {
            structure = g.chance(0.75) ? 1 : 2
            grade = plan.plants.contains(.gradeCSafe) ? 3 : (g.chance(0.6) ? 3 : 4)
        } else if renovated || relocation == 3 {
            structure = relocation == 3 ? 4 : 3
            grade = 1
        } else {
            grade = structure >= 3 ? (g.chance(0.7) ? 1 : 2) : (g.chance(0.15) ? 1 : 2)
        }
        var area = round1(n * g.double(18...40) + g.double(10...40))
        if plan.plants.contains(.smallFloor) { area = round1(n * g.double(7...11.5)) }
        household["floor_area"] = .number(area)
        household["structure"] = .code(structure)
        household["house_grade"] = .code(grade)
        household["house_safe"] = .bool(grade <= 2 || plan.plants.contains(.gradeCSafe))
        household["renovation_done"] = .bool(renovated)
        if renovated {
            household["renovation_year"] = .number(Double(g.weighted([(2016, 15), (2017, 25), (2018, 30), (2019, 20), (2020, 10)])))
            household["renovation_subsidy"] = .number(Double(g.int(15...35) * 1000))
        }
        household["relocation"] = .code(relocation)
        if relocation != 1 { household["relocation_mode"] = .code(relocation == 2 ? 1 : g.weighted([(1, 70), (2, 30)])) }
        if plan.shortfalls.contains(.water) {
            let (source, difficult, unsafe) = g.weighted([((3, true, false), 40), ((4, false, true), 30), ((5, true, true), 15), ((1, true, false), 15)])
            household["water_source"] = .code(source)
            household["water_difficult"] = .bool(difficult)
            household["water_unsafe"] = .bool(unsafe)
        } else {
            household["water_source"] = .code(g.weighted([(1, 82), (2, 12), (3, 6)]))
            household["water_difficult"] = .bool(false)
            household["water_unsafe"] = .bool(false)
        }
        household["electricity_home"] = .bool(true)
        household["electricity_production"] = .bool(g.chance(0.85))
        household["radio_tv"] = .bool(g.chance(0.96))
        let road = g.weighted([(3, 80), (2, 14), (1, 6)])
        household["road_type"] = .code(road)
        household["road_distance_km"] = .number(road == 3 ? round1(g.double(0...0.5)) : round1(g.double(0.3...3)))
        household["sanitary_toilet"] = .bool(g.chance(0.55))
        household["cooking_fuel"] = .code(g.weighted([(1, 40), (3, 25), (4, 10), (5, 20), (6, 5)]))
        household["food_secure"] = .bool(true)
        household["clothing_secure"] = .bool(true)
    }

    // MARK: Income

    private var dibaoMonthly = 0.0, wubaoYearly = 0.0, pension = 0.0, eco = 0.0, familyPlanning = 0.0, otherTransfer = 0.0
    private var wageFactor = 1.0

    private var dibao: Double { Double(members.filter { $0.assistance == 2 }.count) * dibaoMonthly * 12 }
    private var wubao: Double { Double(members.filter { $0.assistance == 3 }.count) * wubaoYearly }
    private var wageIncome: Double {
        let posts = members.filter { $0.work != 6 && $0.post != 1 }.reduce(0.0) { $0 + ($1.postPay ?? 0) * 12 }
        return round10(members.reduce(0.0) { $0 + $1.wageTotal } * wageFactor + posts)
    }
    private var business: Double { round10(cropValue + livestockSales + sideline) }
    private var costs: Double {
        round10(cropValue * 0.4 + livestockSales * 0.45 + sideline * 0.3 + landInRent)
    }
    private var property: Double { landOutRent + dividend + solar + houseRent }
    private var transfers: Double { dibao + wubao + pension + eco + familyPlanning + otherTransfer }
    private var perCapita: Double { (wageIncome + business + property + transfers - costs) / Double(max(1, size)) }

    mutating func drawIncome() {
        dibaoMonthly = Double(g.int(15...33) * 10)
        wubaoYearly = round100(g.double(5400...6600))
        let pensionMonthly = Double(g.int(103...130))
        pension = Double(members.filter { $0.statedAge >= 60 && ![5, 6, 7, 8].contains($0.change) }.count) * pensionMonthly * 12
        eco = round10(grainForGreen * g.double(160...240) + forest * g.double(10...15))
        let kids = members.filter { $0.relation == 3 || $0.relation == 4 }
        let oneChild = kids.count == 1 ? 1 : (kids.count == 2 && kids.allSatisfy { $0.sex == 2 } ? 2 : 3)
        household["one_child_family"] = .code(oneChild)
        if oneChild != 3 {
            familyPlanning = Double(members.filter { ($0.relation == 1 || $0.relation == 2) && $0.statedAge >= 60 }.count) * 960
        }
        otherTransfer = g.chance(plan.type >= 2 && plan.type <= 5 ? 0.5 : 0.25) ? round10(g.double(300...2000)) : 0
        wageFactor = g.double(0.93...1.07)

        let range: ClosedRange<Double>
        if plan.shortfalls.contains(.income) { range = 2300...3950 }
        else if inRegister { range = 4100...7600 }
        else if plan.status == 2 { range = 4200...11000 }
        else if plan.type == 6 { range = 5000...18000 }
        else { range = 4100...8500 }
        // Only a household outside the range is moved, to a point a little inside its nearer end.
        let margin = g.double(0.05...0.3) * (range.upperBound - range.lowerBound)
        let target = perCapita > range.upperBound ? range.upperBound - margin : range.lowerBound + margin
        for _ in 0..<6 { settle(toward: target, within: range) }
    }

    /// Moves the household's income toward the target per-capita figure by changing what a family
    /// can plausibly change: months and wages away, animals sold, side work, support from relatives.
    private mutating func settle(toward target: Double, within range: ClosedRange<Double>) {
        let n = Double(max(1, size))
        if range.contains(perCapita) { return }
        if perCapita > range.upperBound {
            var excess = (perCapita - target) * n
            let cut1 = min(excess, otherTransfer); otherTransfer = round10(otherTransfer - cut1); excess -= cut1
            let cut2 = min(excess, sideline); sideline = round10(sideline - cut2); excess -= cut2 * 0.7
            let cut3 = min(excess, livestockSales * 0.55); livestockSales = round10(livestockSales - cut3 / 0.55); excess -= cut3
            if excess > 0 {
                // Fewer months away, the best-paid first; a welfare post taken up later in the year last.
                let workers = members.indices.filter { members[$0].isWorking }.sorted {
                    (members[$0].work == 6 ? 0 : 1, members[$0].wageTotal) > (members[$1].work == 6 ? 0 : 1, members[$1].wageTotal)
                }
                // First everyone away a little less (fewer months in the same proportion), then one by one.
                let away = workers.filter { members[$0].work != 6 }
                let total = away.reduce(0.0) { $0 + members[$1].wageTotal * wageFactor }
                if total > 0 {
                    let keep = max(0.3, 1 - excess / total)
                    for i in away {
                        let before = members[i].months ?? 0
                        let after = max(2, Int((Double(before) * keep).rounded(.up)))
                        if after < before { members[i].months = after; excess -= Double(before - after) * (members[i].wage ?? 0) * wageFactor }
                    }
                }
                for i in workers where excess > 0 {
                    let w = (members[i].wage ?? 0) * wageFactor
                    guard w > 0 else { continue }
                    let can = (members[i].months ?? 0) - (members[i].work == 6 ? 3 : 2)
                    let drop = min(can, Int((excess / w).rounded(.up)))
                    if drop > 0 { members[i].months! -= drop; excess -= Double(drop) * w }
                }
            }
            if excess > 0 {
                // A worker who stayed home this year.
                for i in members.indices where excess > 0 && members[i].isWorking && members[i].work != 6 {
                    excess -= members[i].wageTotal * wageFactor
                    members[i].work = 5; members[i].months = nil; members[i].wage = nil
                }
            }
            if excess > 0, dibao > 0 {
                let before = dibao
                dibaoMonthly = max(100, round10(dibaoMonthly - excess / 12 / Double(max(1, members.filter { $0.assistance == 2 }.count))))
                excess -= before - dibao
            }
            if excess > 0, wubao > 0 {
                let before = wubao
                wubaoYearly = max(4800, round100(wubaoYearly - excess / Double(max(1, members.filter { $0.assistance == 3 }.count))))
                excess -= before - wubao
            }
            if excess > 0, cropValue > 0 {
                // A poor harvest (drought, hail): output down to no less than 40%.
                let net = cropValue * 0.6
                let keep = max(0.4, 1 - excess / net)
                for k in cropRows.indices { cropRows[k].value = round10(cropRows[k].value * keep) }
                excess -= net * (1 - keep)
            }
            if excess > 0, eco > 0 {
                // The first round of grain-for-green payments has ended for part of the land.
                let c = min(excess, eco * 0.5); eco = round10(eco - c); excess -= c
            }
            for lever in 0..<3 where excess > 0 {
                // Property income: house rent, solar share, dividends.
                switch lever {
                case 0: let c = min(excess, houseRent); houseRent = round100(houseRent - c); excess -= c
                case 1: let c = min(excess, solar); solar = round100(solar - c); excess -= c
                default: let c = min(excess, dividend); dividend = round10(dividend - c); excess -= c
                }
            }
        } else {
            var deficit = (target - perCapita) * n
            let workers = members.indices.filter { members[$0].isWorking && members[$0].work != 6 }
            for i in workers where deficit > 0 {
                let w = (members[i].wage ?? 0) * wageFactor
                let add = min(12 - (members[i].months ?? 0), Int((deficit / max(w, 1)).rounded(.up)))
                if add > 0 { members[i].months! += add; deficit -= Double(add) * w }
            }
            if deficit > 8000 {
                // A farmer of working age goes out to work.
                for i in members.indices where deficit > 8000 && members[i].work == 5 && members[i].capacity <= 2 {
                    members[i].work = g.chance(0.5) ? 1 : 2
                    members[i].wage = round100(members[i].work == 1 ? g.double(1800...2800) : g.double(2200...3300))
                    let w = members[i].wage! * wageFactor
                    members[i].months = max(2, min(12, Int((deficit / w).rounded(.down))))
                    deficit -= Double(members[i].months!) * w
                }
            }
            if deficit > 0 {
                let add = min(deficit / 0.7, 9000)
                if !courtyard { courtyard = true }
                sideline = round10(sideline + add)
                deficit -= add * 0.7
            }
            if deficit > 0 {
                otherTransfer = round10(otherTransfer + min(deficit, 6000))
            }
        }
    }

    func incomeAnswers() -> [String: Value] {
        [
            "wage_income": .number(wageIncome), "business_income": .number(business), "property_income": .number(property),
            "dibao_income": .number(dibao), "wubao_income": .number(wubao), "pension_income": .number(pension),
            "eco_compensation": .number(eco), "family_planning_award": .number(familyPlanning),
            "other_transfer": .number(otherTransfer), "business_costs": .number(costs),
        ]
    }

    // MARK: Shortfalls and plants that touch members

    mutating func applyMemberShortfalls() {
        if plan.shortfalls.contains(.school) || plan.plants.contains(.dropout) {
            let kids = members.indices.filter { (12...15).contains(members[$0].statedAge) && [3, 4, 7].contains(members[$0].relation) }
            if let i = kids.last ?? members.indices.first(where: { (6...15).contains(members[$0].statedAge) }) {
                members[i].stage = 9
                members[i].dropoutReason = g.weighted([(3, 40), (4, 25), (1, 15), (5, 10), (7, 10)])
                members[i].boarding = nil; members[i].subsidyBoarding = nil; members[i].grant = nil; members[i].yulu = nil
                members[i].education = members[i].statedAge >= 14 && g.chance(0.5) ? 3 : 2
            }
        }
        if plan.plants.contains(.dibaoInOrdinary) {
            let order = members.indices.sorted { (members[$0].health != 1 ? 1 : 0, members[$0].age) > (members[$1].health != 1 ? 1 : 0, members[$1].age) }
            members[order[0]].assistance = 2
        }
    }

    /// A member without basic medical insurance: a worker away who let the premium lapse, a baby not
    /// yet enrolled, or failing those someone who did not pay this year.
    mutating func applyUninsured() {
        guard plan.shortfalls.contains(.uninsured) else { return }
        var candidates = members.indices.filter { members[$0].age == 0 || [2, 3, 4].contains(members[$0].work) }
        if candidates.isEmpty { candidates = members.indices.filter { members[$0].statedAge >= 18 && members[$0].relation != 1 } }
        if candidates.isEmpty { candidates = Array(members.indices) }
        let i = candidates[g.int(0...(candidates.count - 1))]
        members[i].insured = false
        members[i].seriousInsurance = false
        members[i].commercial = false
        members[i].reimbursed = 0
    }

    /// Wrong IDs and ages, planted after income is settled (they change nothing else).
    mutating func applyRecordPlants() {
        if plan.plants.contains(.badCheckDigit) {
            let i = g.int(0...(members.count - 1))
            var chars = Array(members[i].idNumber)
            let right = chars[17]
            var wrong = right
            while wrong == right { wrong = g.pick(Array("0123456789X")) }
            chars[17] = wrong
            members[i].idNumber = String(chars)
            badIDRows.append(members[i].row)
        }
        if plan.plants.contains(.ageMismatch) {
            // An age written as the nominal age (虚岁), one more than the ID says; chosen where that
            // does not change which sections apply.
            let standards = questionnaire.standards
            let safe = members.indices.filter { i in
                let m = members[i]
                let a = m.age
                let same = standards.isLabourAge(age: a, sex: m.sex) == standards.isLabourAge(age: a + 1, sex: m.sex)
                return a >= 27 && same && (a < 59 || a >= 61) && m.relation != 1
            }
            let adults = members.indices.filter { members[$0].age >= 26 }
            let pool = !safe.isEmpty ? safe : (!adults.isEmpty ? adults : Array(members.indices))
            if let i = pool.isEmpty ? nil : pool[g.int(0...(pool.count - 1))] {
                members[i].statedAge = members[i].age + 1
                ageMismatchRows.append(members[i].row)
            }
        }
    }

    // MARK: Household, causes, help, signatures

    mutating func drawHousehold() {
        household["village_code"] = .text(SampleVillage.villageCode)
        household["group_name"] = .text(SampleVillage.groupNames[plan.group])
        household["household_no"] = .text(plan.householdNo)
        household["interview_date"] = .date(date)
        var cs = staff.collectors
        g.shuffle(&cs)
        household["collector_1"] = .text(cs[0])
        household["collector_2"] = .text(cs[1])
        if g.chance(0.2) { household["collector_3"] = .text(cs[2]) }
        if g.chance(0.75) { household["phone"] = .text(phone()) }
        household["household_type"] = .code(plan.type)
        household["identification_standard"] = .code(plan.type == 6 ? 1 : g.weighted([(1, 85), (2, 15)]))
        household["military_family"] = .bool(g.chance(0.02))
        household["poverty_status"] = .code(plan.status)
        if plan.status == 2 {
            household["exit_year"] = .number(Double(g.weighted([(2016, 10), (2017, 15), (2018, 25), (2019, 30), (2020, 20)])))
        }
        if plan.status == 3 {
            let reason: String
            if members.contains(where: { $0.health == 3 }) { reason = "家庭成员患大病，医疗支出大，收入下降" }
            else if members.contains(where: { $0.health == 4 }) { reason = "家庭主要劳动力因伤致残，务工收入减少" }
            else { reason = g.pick(["2020年暴洪灾害，农作物和房屋受损", "主要劳动力务工收入下降", "冰雹灾害，当年农业减收"]) }
            household["return_reason"] = .text(reason)
        }
    }

    private mutating func phone() -> String {
        var s = "1" + g.pick(["33", "38", "39", "51", "53", "58", "77", "80", "87", "89"])
        for _ in 0..<8 { s += String(g.int(0...9)) }
        return s
    }

    mutating func drawCausesAndHelp() {
        var causes: [(Int, Int)] = [(7, 20), (9, 25)]
        if members.contains(where: { $0.health == 2 || $0.health == 3 }) { causes.append((1, 40)) }
        if members.contains(where: { $0.health == 4 }) { causes.append((2, 35)) }
        if members.contains(where: { ($0.stage ?? 0) >= 4 && ($0.stage ?? 0) <= 7 }) { causes.append((3, 20)) }
        if !members.contains(where: { labourAge($0) && $0.capacity <= 2 }) { causes.append((8, 30)) }
        if arable < Double(max(1, size)) { causes.append((5, 8)) }
        if plan.shortfalls.contains(.water) { causes.append((6, 12)) }
        if household["road_type"] != .code(3) { causes.append((10, 8)) }
        if household["return_reason"]?.text?.contains("灾") == true { causes.append((4, 60)) }
        causes.append((11, 4))
        let main = g.weighted(causes)
        household["main_cause"] = .code(main)
        let rest = causes.map(\.0).filter { $0 != main }
        let k = g.weighted([(0, 35), (1, 40), (2, 25)])
        var others: [Int] = []
        for _ in 0..<k { let c = g.pick(rest); if !others.contains(c) { others.append(c) } }
        if !others.isEmpty { household["other_causes"] = .codes(others.sorted()) }

        var help: [Int] = []
        if plan.type <= 5 {
            if coop || cattle + sheep + pigs > 0 || courtyard { help.append(1) }
            if members.contains(where: { [1, 2, 3, 4].contains($0.work) }) && g.chance(0.6) { help.append(2) }
            if members.contains(where: { $0.isStudent && $0.statedAge >= 6 }) { help.append(3) }
            if members.contains(where: { $0.health != 1 }) { help.append(4) }
            if household["renovation_done"] == .bool(true) { help.append(5) }
            if household["relocation"] == .code(3) { help.append(6) }
            // Poverty microcredit goes to households with someone able to work and a business to start.
            if isPoorType && members.contains(where: { labourAge($0) && $0.capacity <= 2 }) && g.chance(0.3) { help.append(7) }
            if solar > 0 { help.append(8) }
            if members.contains(where: { $0.work == 6 }) { help.append(9) }
            if members.contains(where: { $0.assistance != 1 }) { help.append(10) }
        }
        if help.isEmpty && isPoorType { help = [members.contains(where: { [1, 2, 3, 4].contains($0.work) }) ? 2 : 1] }
        if !help.isEmpty { household["assistance_received"] = .codes(help.sorted()) }
        if help.contains(7) {
            household["microcredit_amount"] = .number(Double(g.weighted([(50000, 60), (30000, 15), (20000, 15), (10000, 10)])))
            household["microcredit_years"] = .number(Double(g.weighted([(3, 70), (2, 15), (1, 15)])))
        }
        let helper = staff.helpers[(plan.index * 7 + plan.group) % staff.helpers.count]
        household["helper_name"] = .text(helper.name)
        household["helper_unit"] = .text(helper.unit)
        household["helper_phone"] = .text(helper.phone)
        let visits = inRegister ? g.int(4...12) : (plan.status == 2 ? g.int(2...6) : g.int(0...2))
        household["visits_this_year"] = .number(Double(visits))
        // J. The household agrees (an exited household must); the head signs unless they cannot write.
        household["household_consent"] = .bool(plan.status == 2 || !inRegister || g.chance(0.95))
        let head = members[0]
        if head.education == 1 || head.statedAge >= 75 {
            household["signer"] = .code(2)
            let literate = members.filter { $0.relation != 1 && $0.statedAge >= 18 && $0.education >= 2 && $0.education != 7 }
            household["proxy_signer_name"] = .text(literate.first?.name ?? SampleNames.adult(&g))
        } else {
            household["signer"] = .code(1)
        }
        household["helper_signed"] = .bool(true)
    }

    mutating func landAnswers() {
        household["arable_mu"] = .number(arable)
        household["irrigated_mu"] = .number(irrigated)
        household["forest_mu"] = .number(forest)
        household["grain_for_green_mu"] = .number(grainForGreen)
        household["orchard_mu"] = .number(orchard)
        household["grassland_mu"] = .number(grassland)
        household["water_surface_mu"] = .number(0)
        household["land_out_mu"] = .number(landOut)
        if landOut > 0 { household["land_out_rent"] = .number(landOutRent) }
        household["land_in_mu"] = .number(landIn)
        if landIn > 0 { household["land_in_rent"] = .number(landInRent) }
        household["pigs"] = .number(Double(pigs))
        household["cattle"] = .number(Double(cattle))
        household["sheep"] = .number(Double(sheep))
        household["poultry"] = .number(Double(poultry))
        household["coop_member"] = .bool(coop)
        if coop { household["dividend"] = .number(dividend) }
        household["courtyard_economy"] = .bool(courtyard)
        household["solar_income"] = .number(solar)
    }

    /// The whole draw, in the order the parts depend on each other.
    mutating func draw() {
        drawMembers()
        drawStatuses()
        applyMemberShortfalls()
        drawLabour()
        applyUninsured()
        drawLand()
        drawHousehold()
        drawHousing()
        drawIncome()
        landAnswers()
        drawCausesAndHelp()
        for (k, v) in incomeAnswers() { household[k] = v }
        applyRecordPlants()
    }

    /// The answers of one member, by question id (only those that apply are asked).
    func answers(_ m: SampleMember) -> [String: Value] {
        var a: [String: Value] = [
            "name": .text(m.name), "relation": .code(m.relation), "id_number": .text(m.idNumber), "sex": .code(m.sex),
            "age": .number(Double(m.statedAge)), "ethnicity": .code(m.ethnicity), "education": .code(m.education),
            "member_change": .code(m.change), "assistance_status": .code(m.assistance),
            "labour_capacity": .code(m.capacity), "work_status": .code(m.work),
            "training_received": .bool(m.trained), "training_wanted": .bool(m.wantsTraining), "welfare_post": .code(m.post),
            "health": .code(m.health), "medical_insurance": .bool(m.insured), "serious_illness_insurance": .bool(m.seriousInsurance),
            "commercial_insurance": .bool(m.commercial), "family_doctor": .bool(m.familyDoctor),
            "medical_spending": .number(m.spending), "medical_reimbursed": .number(min(m.reimbursed, m.spending)),
        ]
        if let v = m.months { a["months_worked"] = .number(Double(v)) }
        if let v = m.wage { a["monthly_wage"] = .number(v) }
        if let v = m.postPay { a["welfare_post_pay"] = .number(v) }
        if let v = m.stage {
            a["school_stage"] = .code(v)
            if [2, 3].contains(v) { a["subsidy_two_free"] = .bool(true) }
        }
        if let v = m.boarding { a["boarding"] = .bool(v) }
        if let v = m.dropoutReason { a["dropout_reason"] = .code(v) }
        if let v = m.subsidyBoarding { a["subsidy_boarding"] = .number(v) }
        if let v = m.grant { a["subsidy_grant"] = .number(v) }
        if let v = m.yulu { a["subsidy_yulu"] = .number(v) }
        if let v = m.disease { a["disease_type"] = .text(v) }
        if let v = m.disabilityType { a["disability_type"] = .code(v) }
        if let v = m.disabilityGrade { a["disability_grade"] = .code(v) }
        if let v = m.disabilityCert { a["disability_cert"] = .bool(v) }
        return a
    }
}

private func round10(_ x: Double) -> Double { max(0, (x / 10).rounded() * 10) }
private func round100(_ x: Double) -> Double { max(0, (x / 100).rounded() * 100) }
private func round1(_ x: Double) -> Double { max(0, (x * 10).rounded() / 10) }
