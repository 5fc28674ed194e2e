import Foundation
import SampleData
import Testing
import Survey
@testable import Store

/// Reads CSV as Excel does (RFC 4180: quoted cells, doubled quotes, CRLF), to check what was written.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
    var chars = Array(text).makeIterator()
    var pending: Character? = nil
    while let c = pending ?? chars.next() {
        pending = nil
        if quoted {
            if c == "\"" {
                if let n = chars.next() { if n == "\"" { cell.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
            } else { cell.append(c) }
        } else if c == "\"" { quoted = true
        } else if c == "," { row.append(cell); cell = ""
        } else if c == "\r\n" || c == "\n" { row.append(cell); rows.append(row); row = []; cell = ""
        } else { cell.append(c) }
    }
    if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
    return rows
}

@Suite struct SectionCSVTests {
    /// The sample village in a new store, every household complete.
    static func sampleStore() throws -> (HouseholdStore, [Interview]) {
        let village = SampleVillage.generate(questionnaire: Fixture.questionnaire)
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        try store.insertWhole(village, enumerator: "示例调查员", who: "sample") { _ in .complete }
        return (store, village)
    }

    @Test func gb18030DecodesToTheSameTextAsUTF8AndEveryMemberAppearsOnce() throws {
        let (store, village) = try Self.sampleStore()
        let q = Fixture.questionnaire
        let dir = (store.path as NSString).deletingLastPathComponent
        let utf8 = try SectionCSV.export(store, questionnaire: q, to: dir + "/utf8", encoding: .utf8BOM)
        let gb = try SectionCSV.export(store, questionnaire: q, to: dir + "/gb", encoding: .gb18030)
        #expect(utf8 == gb)
        #expect(utf8.count == q.sections.count)
        for file in utf8.map(\.fileName) {
            let u = try Data(contentsOf: URL(fileURLWithPath: dir + "/utf8/" + file))
            let g = try Data(contentsOf: URL(fileURLWithPath: dir + "/gb/" + file))
            #expect(u.starts(with: [0xEF, 0xBB, 0xBF]), "\(file) has no byte-order mark")
            #expect(!g.starts(with: [0xEF, 0xBB, 0xBF]) && g != u.dropFirst(3), "\(file) is not GB18030")
            let decoded = try Iconv.convert(g, from: "GB18030", to: "UTF-8")
            #expect(decoded == u.dropFirst(3), "\(file): GB18030 does not decode to the UTF-8 text")
        }
        // The member section: one row per member of the sample village, each member once.
        let members = try #require(q.sections.first { $0.roster == q.roster("members")?.index })
        let name = (members.file as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: ".csv")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/utf8/" + name)).dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let rows = parseCSV(text)
        let header = try #require(rows.first)
        #expect(Array(header.prefix(7)) == ["户ID", "村代码", "户编号", "户主姓名", "状态", "序号", "姓名"])
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let idColumn = try #require(header.firstIndex(of: "身份证号码"))
        let expected = village.flatMap { iv in
            iv.rows("members").map { "\(iv.householdID.uuidString.lowercased())|\(iv.value("id_number", row: $0)?.text ?? "")" }
        }
        let found = rows.dropFirst().map { "\($0[0])|\($0[idColumn])" }
        #expect(found.count == expected.count && Set(found).count == found.count)
        #expect(Set(found) == Set(expected))
        // Code labels in Chinese, not numbers.
        let relation = try #require(header.firstIndex(of: "与户主关系"))
        #expect(rows.dropFirst().contains { $0[relation] == "户主" })
        #expect(rows.dropFirst().allSatisfy { Int($0[relation]) == nil })
    }

    @Test func cellsAreQuotedAndFormulasDisarmed() {
        #expect(SectionCSV.line(["a,b", "say \"hi\"", "two\nlines", "=1+1", "-5", "-x", "@SUM", "王"]) ==
                "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+1,-5,'-x,'@SUM,王\r\n")
        #expect(parseCSV(SectionCSV.line(["a,b", "say \"hi\"", "two\nlines"])) == [["a,b", "say \"hi\"", "two\nlines"]])
    }

    @Test func theRecordCardHoldsEverySectionTheMembersAndTheAssessment() throws {
        let (store, village) = try Self.sampleStore()
        let iv = village[0]
        let card = try HouseholdCard.text(store, household: iv.householdID, questionnaire: Fixture.questionnaire)
        #expect(card.hasPrefix("建档立卡贫困户信息采集表（一户一档）"))
        for section in Fixture.questionnaire.sections { #expect(card.contains(section.title.zh), "\(section.title.zh)") }
        for row in iv.rows("members") { #expect(card.contains(iv.display("name", row: row, .zh))) }
        #expect(card.contains("人均纯收入") && card.contains("评估建议"))
        #expect(card.contains("状态：已完成"))
        let english = try HouseholdCard.text(store, household: iv.householdID, questionnaire: Fixture.questionnaire, lang: .en)
        #expect(english.contains("Per-capita net income") && english.contains("Status: complete"))
        #expect(try store.householdID(matching: String(iv.householdID.uuidString.lowercased().prefix(8))) == iv.householdID)
        #expect(throws: StoreError.unknownHousehold("zzz")) { try store.householdID(matching: "zzz") }
    }
}
