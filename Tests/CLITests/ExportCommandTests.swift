import Foundation
import Testing

/// `hufang export csv` and `hufang export card` on the sample village, through the real binary.
@Suite struct ExportCommandTests {
    @Test func csvFilesAndARecordCard() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/village.sqlite"
        #expect(try HufangBinary.run(["init", "--db", db, "--sample", "--screens", HufangBinary.screens]).status == 0)
        for encoding in ["utf8-bom", "gb18030"] {
            let r = try HufangBinary.run(["export", "csv", "--db", db, "--screens", HufangBinary.screens, "--out", dir + "/" + encoding,
                                          "--encoding", encoding])
            #expect(r.status == 0, "\(r.err)")
            let lines = r.out.split(separator: "\n")
            #expect(lines.count == 11, "\(r.out)")
            #expect(lines.first?.hasSuffix("A-household.csv  128 行") == true, "\(r.out)")
        }
        let bad = try HufangBinary.run(["export", "csv", "--db", db, "--out", dir + "/x", "--encoding", "latin1"])
        #expect(bad.status != 0 && bad.err.contains("latin1"))
        let json = try HufangBinary.run(["export", "json", "--db", db])
        let export = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let households = try #require(export["households"] as? [[String: Any]])
        let id = try #require((households.first?["household"] as? [String: Any])?["id"] as? String)
        let card = try HufangBinary.run(["export", "card", "--db", db, "--screens", HufangBinary.screens, "--household", String(id.prefix(8))])
        #expect(card.status == 0 && card.out.hasPrefix("建档立卡贫困户信息采集表（一户一档）") && card.out.contains("评估建议"), "\(card)")
        let missing = try HufangBinary.run(["export", "card", "--db", db, "--screens", HufangBinary.screens, "--household", "nosuch"])
        #expect(missing.status == 1 && missing.err.contains("没有这一户"))
    }
}
