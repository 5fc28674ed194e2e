import Foundation
import ProjectFolders
import Survey
@testable import Store

enum Fixture {
    static let questionnaire = Project.questionnaire
    static let day = Day(year: 2020, month: 12, day: 31)!

    /// A fresh store file in a temporary folder.
    static func tempPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-test-\(UUID().uuidString)")
        return dir.appendingPathComponent("store.sqlite").path
    }

    static func idNumber(_ born: Day, _ seq: Int, sex: Int) -> String {
        ResidentID.compose(region: "622922", born: born, sequence: seq, sex: sex)
    }

    /// A started household with a head: the store commits every step as the app would.
    static func household(_ store: HouseholdStore, no: String, head: String, village: String = "622922100201") throws -> Interview {
        var iv = Interview(questionnaire: questionnaire, today: day)
        try store.create(iv, enumerator: "李文华", who: "李文华")
        try store.commit(try iv.answer("village_code", .text(village)), of: iv, who: "李文华")
        try store.commit(try iv.answer("household_no", .text(no)), of: iv, who: "李文华")
        try store.commit(try iv.answer("interview_date", .date(Day(year: 2020, month: 11, day: 20)!)), of: iv, who: "李文华")
        let (row, added) = try iv.addRow("members")
        try store.commit(added, of: iv, who: "李文华")
        try store.commit(try iv.answer("name", row: row, .text(head)), of: iv, who: "李文华")
        try store.commit(try iv.answer("relation", row: row, .code(1)), of: iv, who: "李文华")
        try store.commit(try iv.answer("id_number", row: row, .text(idNumber(Day(year: 1970, month: 3, day: 4)!, Int(no) ?? 1, sex: 1))), of: iv, who: "李文华")
        return iv
    }
}
