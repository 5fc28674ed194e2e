import Foundation
import ProjectFolders
@testable import Survey

/// The questionnaire shipped in screens/, loaded once for all tests.
enum Shipped {
    static let directory = Project.screens
    static let questionnaire = Project.questionnaire
}

let surveyDay = Day(year: 2020, month: 11, day: 20)!

/// A resident ID with a correct check character, for a fictional person.
func residentID(region: String = "622922", born: Day, sequence: Int = 1, sex: Int) -> String {
    ResidentID.compose(region: region, born: born, sequence: sequence, sex: sex)
}

/// A fictional member; everything not given gets a plausible default.
struct Person {
    var name: String
    var sex: Int
    var born: Day
    var relation: Int
    var answers: [String: Value] = [:]

    var age: Int { born.age(on: surveyDay) }
}

/// Builds households by answering every question that applies, as an enumerator would, in form order.
enum HouseholdBuilder {
    /// Household answers a plain, complete, non-problematic household would have.
    static let householdDefaults: [String: Value] = [
        "village_code": .text("622922100201"), "group_name": .text("一组"), "household_no": .text("0001"),
        "interview_date": .date(surveyDay), "collector_1": .text("李文华"), "collector_2": .text("马玉兰"),
        "household_type": .code(1), "identification_standard": .code(1), "military_family": .bool(false),
        "one_child_family": .code(1), "poverty_status": .code(1),
        "house_grade": .code(1), "house_safe": .bool(true), "renovation_done": .bool(false), "relocation": .code(1),
        "water_source": .code(1), "water_difficult": .bool(false), "water_unsafe": .bool(false),
        "electricity_home": .bool(true), "electricity_production": .bool(true), "radio_tv": .bool(true),
        "sanitary_toilet": .bool(true), "food_secure": .bool(true), "clothing_secure": .bool(true),
        "floor_area": .number(120), "coop_member": .bool(false), "courtyard_economy": .bool(false),
        "main_cause": .code(9), "helper_name": .text("周建国"), "helper_unit": .text("县农业农村局"),
        "helper_phone": .text("13900000000"), "visits_this_year": .number(6),
        "household_consent": .bool(true), "signer": .code(1), "helper_signed": .bool(true),
    ]

    /// Member answers that raise no problem; `age`, `sex`, `id_number` come from the person.
    static func memberDefaults(_ p: Person) -> [String: Value] {
        var d: [String: Value] = [
            "name": .text(p.name), "relation": .code(p.relation), "sex": .code(p.sex), "age": .number(Double(p.age)),
            "id_number": .text(residentID(born: p.born, sequence: p.name.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 400, sex: p.sex)),
            "ethnicity": .code(1), "education": .code(p.age >= 16 ? 3 : (p.age >= 7 ? 2 : 7)), "member_change": .code(1),
            "assistance_status": .code(1), "labour_capacity": .code(1), "work_status": .code(5), "welfare_post": .code(1),
            "training_received": .bool(false), "training_wanted": .bool(true),
            "school_stage": .code(p.age < 6 ? 1 : (p.age <= 11 ? 2 : (p.age <= 15 ? 3 : 4))),
            "health": .code(1), "medical_insurance": .bool(true), "serious_illness_insurance": .bool(true),
            "commercial_insurance": .bool(false), "family_doctor": .bool(true),
            "medical_spending": .number(0), "medical_reimbursed": .number(0), "boarding": .bool(false),
            "subsidy_two_free": .bool(true),
        ]
        for (k, v) in p.answers { d[k] = v }
        return d
    }

    /// A household interviewed to the end: every applicable question answered.
    static func make(_ members: [Person], _ answers: [String: Value] = [:], crops: [[String: Value]] = [],
                     questionnaire: Questionnaire = Shipped.questionnaire) -> Interview {
        var iv = Interview(questionnaire: questionnaire, today: surveyDay)
        var rowAnswers: [RowID: [String: Value]] = [:]
        for m in members {
            let (row, _) = try! iv.addRow("members")
            rowAnswers[row] = memberDefaults(m)
        }
        for c in crops {
            let (row, _) = try! iv.addRow("crops")
            rowAnswers[row] = c
        }
        var household = householdDefaults
        for (k, v) in answers { household[k] = v }
        // Answer in form order, re-walking because answers change what applies.
        iv.position = nil
        var guardCount = 0
        while iv.moveToNextUnanswered(), guardCount < 5000 {
            guardCount += 1
            let p = iv.position!
            let q = iv.questionnaire.questions[p.question]
            let given = p.row.flatMap { rowAnswers[$0]?[q.id] } ?? household[q.id]
            let value = given ?? fallback(q)
            try! iv.answer(p.question, row: p.row, value)
        }
        // Optional questions given explicitly.
        for (k, v) in household where iv.value(k) == nil {
            if let q = iv.questionnaire.question(k), q.roster == nil, q.isInput, iv.isRelevant(q.index, row: nil) { try! iv.answer(k, v) }
        }
        return iv
    }

    static func fallback(_ q: Question) -> Value {
        switch q.type {
        case .text, .idNumber: return .text("无")
        case .integer, .decimal: return .number(0)
        case .code: return .code(q.codeList!.items[0].code)
        case .codes: return .codes([q.codeList!.items[0].code])
        case .yesno: return .bool(false)
        case .date: return .date(surveyDay)
        }
    }
}

extension Interview {
    /// Open problems (not accepted with a reason) at a field, as (severity, message) pairs.
    func openProblems(at id: String, row: RowID? = nil) -> [Problem] {
        guard let q = questionnaire.questionIndex(of: id) else { return [] }
        return problems.filter { p in
            p.overrideReason == nil && questionnaire.checks[p.check].field == q && (row == nil || p.row == row || p.row == nil)
        }
    }

    func hasProblem(_ id: String, _ severity: Severity, row: RowID? = nil) -> Bool {
        openProblems(at: id, row: row).contains { $0.severity == severity }
    }
}
