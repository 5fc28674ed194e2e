import Foundation
import Testing

/// Whether a text holds Chinese characters or full-width punctuation.
private func holdsCJK(_ s: String) -> Bool {
    s.unicodeScalars.contains { (0x3000...0x303F).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
}

/// Refusals the binary prints are the store's typed errors rendered at the edge: all English with `--lang en`.
@Suite struct CommandLanguageTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-lang-\(UUID().uuidString)")

    @Test func aMissingStoreIsExplainedInEnglishOnlyWithLangEn() throws {
        let db = dir.appendingPathComponent("none.db").path
        let en = try HufangBinary.run(["devices", "list", "--db", db, "--lang", "en"])
        #expect(en.status != 0)
        #expect(en.err.contains("Cannot open the store \(db): no such file; create it with `hufang init --db \(db)`"), "\(en.err)")
        #expect(!holdsCJK(en.err), "\(en.err)")
        let zh = try HufangBinary.run(["devices", "list", "--db", db])
        #expect(zh.err.contains("无法打开数据库\(db)：文件不存在"), "\(zh.err)")
    }

    @Test func aMissingQuestionnaireFolderIsExplainedInEnglishOnlyWithLangEn() throws {
        let r = try HufangBinary.run(["screens", "validate", "/nonexistent/screens", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.err.hasPrefix("questionnaire folder not found: /nonexistent/screens"), "\(r.err)")
        #expect(!holdsCJK(r.err), "\(r.err)")
    }

    @Test func anImportFileThatIsNotUTF8IsRefusedInEnglishOnlyWithLangEn() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("v.db").path, file = dir.appendingPathComponent("bad.json")
        #expect(try HufangBinary.run(["init", "--db", db]).status == 0)
        // A byte 0xFF (never valid UTF-8) on the file's second line.
        try (Data("{\"households\":\n [\"".utf8) + Data([0xFF]) + Data("\"]}".utf8)).write(to: file)
        let r = try HufangBinary.run(["import", "json", "--db", db, file.path, "--lang", "en"])
        #expect(r.status != 0)
        #expect(r.err.contains("Import refused, nothing changed. At (file): invalid UTF-8 at line 2"), "\(r.err)")
        #expect(!holdsCJK(r.err), "\(r.err)")
    }
}
