import Foundation
import Survey

/// Version 2027.1 of the form, made from `screens/` as a county would revise it: 五保 folded into 特困人员供养
/// (`wubao_income` renamed `tekun_income`), 退耕还林 renamed, the radio-and-TV question dropped, the floor area
/// asked in whole square metres, and 残疾 split by whether the member holds a certificate.
public enum RevisedQuestionnaire {
    public static let version = "2027.1"

    /// The steps, as `migration.yaml` writes them.
    public static let migration = """
        # 2026.1 → 2027.1
        from: "2026.1"
        steps:
          - rename: {from: wubao_income, to: tekun_income}
          - rename: {from: grain_for_green_mu, to: returned_farmland_mu}
          - remove: radio_tv
          - retype: {question: floor_area, from: decimal, convert: "round(., 0)"}
          - recode:
              codes: health
              map:
                - {from: 4, to: 4, when: "disability_cert"}
                - {from: 4, to: 5, when: "not disability_cert"}
        """

    /// Writes the revised folder into `folder` (made when missing) and returns it loaded.
    @discardableResult
    public static func write(to folder: URL) throws -> Questionnaire {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Project.screens.path) where name.hasSuffix(".yaml") {
            var text = try String(contentsOf: Project.screens.appendingPathComponent(name), encoding: .utf8)
            for (old, new) in edits[name] ?? [] {
                guard text.contains(old) else { throw Unmatched(file: name, text: old) }
                text = text.replacingOccurrences(of: old, with: new)
            }
            for (old, new) in [("wubao_income", "tekun_income"), ("grain_for_green_mu", "returned_farmland_mu")] {
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try migration.write(to: folder.appendingPathComponent("migration.yaml"), atomically: true, encoding: .utf8)
        return try DefinitionLoader.load(directory: folder)
    }

    /// An edit whose text `screens/` no longer has: the revision would silently be another one.
    public struct Unmatched: Error, CustomStringConvertible {
        public var file: String, text: String
        public var description: String { "screens/\(file) no longer holds: \(text)" }
    }

    static let edits: [String: [(String, String)]] = [
        "questionnaire.yaml": [("version: \"2026.1\"", "version: \"\(version)\"")],
        "E-housing.yaml": [
            ("  - id: radio_tv\n    label:\n      zh: 是否通广播电视\n      en: Radio and TV reception\n    type: yesno\n\n", ""),
            ("  - id: floor_area\n    label:\n      zh: 住房面积\n      en: Floor area of the home\n    type: decimal\n",
             "  - id: floor_area\n    label:\n      zh: 住房面积\n      en: Floor area of the home\n    type: integer\n"),
        ],
        "G-health.yaml": [("relevant: \"health == 4\"", "relevant: \"health in [4, 5]\"")],
        "I-causes.yaml": [("count(members, health == 4)", "count(members, health in [4, 5])")],
        "codelists.yaml": [("""
                  zh: 残疾
                  en: "Disabled"
            """, """
                  zh: 残疾（持残疾人证）
                  en: "Disabled, with a certificate"
                - code: 5
                  zh: 残疾（无残疾人证）
                  en: "Disabled, without a certificate"
            """)],
    ]
}
