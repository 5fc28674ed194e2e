import Foundation
import Testing

/// `hufang init / export json / import json` through the real binary.
@Suite struct StoreCommandTests {

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func initCreatesAnEmptyStoreAndRefusesToOverwriteIt() throws {
        let db = try tempDir().appendingPathComponent("a.sqlite").path
        let r = try HufangBinary.run(["init", "--db", db])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("已建立数据库"))
        #expect(r.out.range(of: #"设备密钥 .*a\.sqlite\.key（仅本人可读），指纹 [0-9a-f]{4}( [0-9a-f]{4}){4}"#, options: .regularExpression) != nil, "\(r.out)")
        let again = try HufangBinary.run(["init", "--db", db])
        #expect(again.status == 1)
        #expect(again.err.contains("已存在：不会覆盖已有数据"))
        let export = try HufangBinary.run(["export", "json", "--db", db])
        #expect(export.status == 0)
        #expect(export.out.contains("\"households\" : [\n\n  ]") || export.out.contains("\"households\" : []"))
    }

    @Test func sampleVillageRoundTripsThroughJSON() throws {
        let dir = try tempDir()
        let db = dir.appendingPathComponent("village.sqlite").path
        let r = try HufangBinary.run(["init", "--db", db, "--sample"])
        #expect(r.status == 0, "\(r.err)")
        let count = r.out.firstMatch(of: /载入示例村 (\d+) 户/).flatMap { Int($0.1) } ?? 0
        #expect(count >= 120, "\(r.out)")
        let file = dir.appendingPathComponent("village.json").path
        #expect(try HufangBinary.run(["export", "json", "--db", db, "--out", file]).status == 0)
        let copy = dir.appendingPathComponent("copy.sqlite").path
        #expect(try HufangBinary.run(["init", "--db", copy]).status == 0)
        let imported = try HufangBinary.run(["import", "json", "--db", copy, file])
        #expect(imported.status == 0, "\(imported.err)")
        let again = dir.appendingPathComponent("again.json").path
        #expect(try HufangBinary.run(["export", "json", "--db", copy, "--out", again]).status == 0)
        let original = try #require(FileManager.default.contents(atPath: file))
        #expect(original == FileManager.default.contents(atPath: again))
        #expect(original.count > 100_000)   // the whole village, not an empty list
    }

    @Test func importOfABrokenFileSaysWhereAndChangesNothing() throws {
        let dir = try tempDir()
        let db = dir.appendingPathComponent("b.sqlite").path
        #expect(try HufangBinary.run(["init", "--db", db]).status == 0)
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"format":"hufang-households","formatVersion":1,"questionnaireID":"q","questionnaireVersion":"1","households":[{"household":{"id":"nope"}}]}"#.utf8).write(to: bad)
        let r = try HufangBinary.run(["import", "json", "--db", db, bad.path])
        #expect(r.status == 1)
        #expect(r.err.contains("导入失败，未做任何修改"), "\(r.err)")
        #expect(r.err.contains("households[0].household"), "\(r.err)")
        let export = try HufangBinary.run(["export", "json", "--db", db])
        #expect(!export.out.contains("nope"))
    }

    @Test func exportOfAnUnknownHouseholdIsAClearError() throws {
        let db = try tempDir().appendingPathComponent("c.sqlite").path
        #expect(try HufangBinary.run(["init", "--db", db]).status == 0)
        let r = try HufangBinary.run(["export", "json", "--db", db, "--household", UUID().uuidString])
        #expect(r.status == 1)
        #expect(r.err.contains("没有这一户"))
    }

    @Test func openingAMissingStoreSaysHowToCreateOne() throws {
        let r = try HufangBinary.run(["export", "json", "--db", "/nonexistent/x.sqlite"])
        #expect(r.status == 1)
        #expect(r.err.contains("hufang init --db"))
    }
}
