import Foundation

/// Writes a definition folder of `questions` questions into a new temporary folder: household and
/// member sections of 50 questions each, every kind of type, code lists, and the relevant, calculate
/// and constraint expressions a real form has (each reading questions of its own section).
func writeGeneratedQuestionnaire(questions: Int) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-bench-\(questions)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    func write(_ name: String, _ text: String) throws { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }

    let perSection = 50
    let sectionCount = (questions + perSection - 1) / perSection
    let names = (0..<sectionCount).map { String(format: "S%05d.yaml", $0) }
    try write("questionnaire.yaml", """
        id: generated
        version: "1"
        title: {zh: 生成的问卷, en: Generated form}
        rosters:
          - id: members
            label: {zh: 家庭成员, en: Household members}
            row_label: name
            min: 1
            max: 200
        sections: [\(names.joined(separator: ", "))]

        """)

    var lists = "lists:\n"
    for l in 0..<20 {
        lists += "  list_\(l):\n"
        for c in 1...8 { lists += "    - {code: \(c), zh: 选项\(c), en: Option \(c)}\n" }
    }
    try write("codelists.yaml", lists)

    try write("standards.yaml", """
        income_lines:
          - {province: "*", year: 2020, line: 4000}
        labour_age:
          male: {min: 16, max: 60}
          female: {min: 16, max: 55}
        min_floor_area: 13
        guarantees:
          - id: medical
            label: {zh: 基本医疗有保障, en: Basic medical care guaranteed}
            member_fails: "q1_0 == 2"
            reason: {zh: "第{row}位成员{name}未参加医保", en: "member {row}, {name}, has no medical insurance"}
          - id: housing
            label: {zh: 住房安全有保障, en: Safe housing guaranteed}
            household_fails: "q0_0 == 3"
            reason: {zh: 住房为C级危房, en: the house is graded C}

        """)

    var made = 0
    for (s, name) in names.enumerated() {
        // Every fourth section is asked per member; the second holds the members' names.
        let roster = s % 4 == 1
        var text = "id: S\(s)\ntitle: {zh: 第\(s)部分, en: Part \(s)}\n"
        if roster { text += "roster: members\n" }
        text += "questions:\n"
        for i in 0..<min(perSection, questions - made) {
            let id = s == 1 && i == 49 ? "name" : "q\(s)_\(i)"
            text += "  - id: \(id)\n    label: {zh: 问题\(s)-\(i), en: Question \(s)-\(i)}\n"
            if s == 1 && i == 49 {
                text += "    type: text\n    max_length: 30\n"
            } else {
                switch i % 10 {
                case 0, 5: text += "    type: code\n    codes: list_\((s + i) % 20)\n"
                case 1: text += "    type: integer\n    min: 0\n    max: 100\n    relevant: q\(s)_\(i - 1) != 1\n"
                case 2: text += "    type: decimal\n    constraints:\n      - test: . <= q\(s)_\(i - 1) * 1000\n        severity: warning\n"
                    + "        message: {zh: 数值偏大, en: The value is large}\n"
                case 3: text += "    type: decimal\n    calculate: coalesce(q\(s)_\(i - 2), 0) + coalesce(q\(s)_\(i - 1), 0)\n"
                case 4: text += "    type: yesno\n    required: false\n"
                case 6: text += "    type: codes\n    codes: list_\(i % 20)\n    relevant: q\(s)_\(i - 1) in [1, 2, 3]\n"
                case 7: text += "    type: date\n"
                case 8: text += "    type: text\n    max_length: 40\n    hint: {zh: 简要说明, en: in a few words}\n"
                default: text += "    type: integer\n    required: false\n    unit: {zh: 元, en: yuan}\n"
                }
            }
            made += 1
        }
        try write(name, text)
    }
    return dir
}
