import Foundation
import Survey

/// The household of the field test in issue 14, fictitious names: five members (the head, 54; his wife,
/// chronically ill; a son working outside the province 10 months at 4,500 yuan; a daughter of 13 who
/// dropped out; the head's mother, 80, disabled and not insured), a grade-C house, exited in 2019.
enum FieldTestHousehold {
    static let village = "622922100201"
    static let householdNo = "0130"

    /// A birth date that makes `age` on `today`, a few months from the birthday.
    static func born(_ age: Int, _ today: Day) -> Day {
        today.month > 6 ? Day(year: today.year - age, month: 3, day: 1)! : Day(year: today.year - age - 1, month: 9, day: 1)!
    }

    static func members(_ today: Day) -> [[String: Value]] {
        func person(_ name: String, relation: Int, sex: Int, age: Int, sequence: Int, education: Int) -> [String: Value] {
            let id = ResidentID.compose(region: "622922", born: born(age, today), sequence: sequence, sex: sex)
            return ["name": .text(name), "relation": .code(relation), "id_number": .text(id), "sex": .code(sex), "age": .number(Double(age)),
                    "ethnicity": .code(1), "education": .code(education), "member_change": .code(1), "assistance_status": .code(1),
                    "health": .code(1), "medical_insurance": .bool(true), "serious_illness_insurance": .bool(true),
                    "commercial_insurance": .bool(false), "family_doctor": .bool(true), "medical_spending": .number(0)]
        }
        var head = person("田顺", relation: 1, sex: 1, age: 54, sequence: 31, education: 2)
        head.merge(["labour_capacity": .code(1), "work_status": .code(5), "training_received": .bool(false),
                    "training_wanted": .bool(false)]) { $1 }
        var wife = person("吕芬", relation: 2, sex: 2, age: 50, sequence: 42, education: 1)
        wife.merge(["labour_capacity": .code(3), "work_status": .code(5), "training_received": .bool(false), "training_wanted": .bool(false),
                    "health": .code(2), "disease_type": .text("高血压"), "medical_spending": .number(3000),
                    "medical_reimbursed": .number(1800)]) { $1 }
        var son = person("田强", relation: 3, sex: 1, age: 26, sequence: 53, education: 3)
        son.merge(["labour_capacity": .code(1), "work_status": .code(4), "months_worked": .number(10), "monthly_wage": .number(4500),
                   "training_received": .bool(false), "training_wanted": .bool(true)]) { $1 }
        var daughter = person("田燕", relation: 4, sex: 2, age: 13, sequence: 64, education: 2)
        daughter.merge(["school_stage": .code(9), "dropout_reason": .code(3)]) { $1 }
        var mother = person("郑兰", relation: 8, sex: 2, age: 80, sequence: 75, education: 1)
        mother.merge(["health": .code(4), "disability_type": .code(4), "disability_grade": .code(2), "disability_cert": .bool(true),
                      "medical_insurance": .bool(false), "serious_illness_insurance": .bool(false)]) { $1 }
        return [head, wife, son, daughter, mother]
    }

    static func household(_ today: Day) -> [String: Value] {
        var a: [String: Value] = [
            "village_code": .text(village), "group_name": .text("三组"), "household_no": .text(householdNo), "interview_date": .date(today),
            "collector_1": .text("测试员"), "collector_2": .text("韩雪梅"), "household_type": .code(1), "identification_standard": .code(1),
            "military_family": .bool(false), "poverty_status": .code(2), "exit_year": .number(2019),
            "coop_member": .bool(false), "courtyard_economy": .bool(true), "solar_income": .number(0),
            "floor_area": .number(90), "structure": .code(1), "house_grade": .code(3), "house_safe": .bool(false),
            "renovation_done": .bool(false), "relocation": .code(1), "water_source": .code(1), "water_difficult": .bool(false),
            "water_unsafe": .bool(false), "electricity_home": .bool(true), "electricity_production": .bool(true), "radio_tv": .bool(true),
            "road_type": .code(3), "road_distance_km": .number(2), "sanitary_toilet": .bool(false), "cooking_fuel": .code(1),
            "food_secure": .bool(true), "clothing_secure": .bool(true),
            "wage_income": .number(45000), "business_income": .number(2040), "property_income": .number(0), "pension_income": .number(1560),
            "eco_compensation": .number(0), "family_planning_award": .number(0), "other_transfer": .number(0), "business_costs": .number(0),
            "main_cause": .code(1), "helper_name": .text("苏强"), "helper_unit": .text("乡政府"), "helper_phone": .text("13912345678"),
            "visits_this_year": .number(4),
            "household_consent": .bool(true), "signer": .code(1), "helper_signed": .bool(true),
        ]
        for id in ["arable_mu", "irrigated_mu", "forest_mu", "grain_for_green_mu", "orchard_mu", "grassland_mu", "water_surface_mu",
                   "land_out_mu", "land_in_mu", "pigs", "cattle", "sheep", "poultry"] { a[id] = .number(0) }
        return a
    }

    /// The household as its answers stand once it is typed in: every question that applies answered, in form order.
    static func make(_ questionnaire: Questionnaire, today: Day) throws -> Interview {
        var iv = Interview(questionnaire: questionnaire, today: today)
        var rowAnswers: [RowID: [String: Value]] = [:]
        for m in members(today) {
            let (row, _) = try iv.addRow("members")
            rowAnswers[row] = m
        }
        let household = household(today)
        var missing: [String] = []
        for section in questionnaire.sections {
            let rows: [RowID?] = section.roster.map { iv.rowIDs(of: $0).map { Optional($0) } } ?? [nil]
            for row in rows {
                for qi in section.questions {
                    let q = questionnaire.questions[qi]
                    guard q.isInput, iv.isRelevant(qi, row: row) else { continue }
                    let value = row.flatMap { rowAnswers[$0]?[q.id] } ?? (row == nil ? household[q.id] : nil)
                    if let value { try iv.answer(qi, row: row, value) } else if q.required { missing.append(q.id) }
                }
            }
        }
        if !missing.isEmpty { throw Unplanned(questions: missing) }
        return iv
    }

    struct Unplanned: Error { var questions: [String] }
}
