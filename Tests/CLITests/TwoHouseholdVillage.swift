import Foundation
import ProjectFolders
import Store
import Survey

/// A store with two households of village 622922100201 (0001 王建军, 0002 刘桂英), each with its head in the
/// members roster, written as the app writes them on 2020-12-31: what the procedure and round commands start from.
enum TwoHouseholdVillage {
    static let village = "622922100201"

    static func make() throws -> (db: String, dir: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("village.sqlite").path
        let store = try HouseholdStore(path: db, create: true)
        for (no, head, id) in [("0001", "王建军", "62292219700304003X"), ("0002", "刘桂英", "622922197003040056")] {
            var iv = Interview(questionnaire: Project.questionnaire, today: Day(year: 2020, month: 12, day: 31)!)
            try store.create(iv, enumerator: "李文华", who: "李文华")
            try store.commit(try iv.answer("village_code", .text(village)), of: iv, who: "李文华")
            try store.commit(try iv.answer("household_no", .text(no)), of: iv, who: "李文华")
            let (row, added) = try iv.addRow("members")
            try store.commit(added, of: iv, who: "李文华")
            try store.commit(try iv.answer("name", row: row, .text(head)), of: iv, who: "李文华")
            try store.commit(try iv.answer("relation", row: row, .code(1)), of: iv, who: "李文华")
            try store.commit(try iv.answer("id_number", row: row, .text(id)), of: iv, who: "李文华")
        }
        return (db, dir)
    }
}
