import Foundation
import Testing
@testable import Survey

/// `format: name`, `min`/`max` kept on the question, `expected:` on a constraint and `aliases:` on a
/// code list entry: read from the definition, refused where they do not belong.
@Suite struct TextFormatTests {
    let name = TextFormat.name

    @Test func aNameTakesEveryCJKCharacterTheMiddleDotAndLettersOfOtherScripts() {
        for text in ["王秀英", "阿卜杜拉·艾力", "𠀀𪚥𰻞", "々", "〇", "Ahmad ibn-Ali O'Neil", "ئەخمەت", "Zoë"] {
            #expect(name.refused(in: text) == nil, "\(text)")
        }
    }

    @Test func aNameRefusesEmojiDigitsSymbolsAndControlCharacters() {
        for (text, bad) in [("王😀", "😀"), ("李1", "1"), ("张\u{1B}", "\u{1B}"), ("赵#", "#"), ("刘❤️", "❤️"), ("陈\u{200B}", "\u{200B}"),
                            ("孙👨‍👩‍👧", "👨‍👩‍👧"), ("周\t", "\t")] {
            #expect(name.refused(in: text) == Character(bad), "\(text)")
        }
    }

    @Test func theMiddleDotsInputMethodsTypeAreStoredAsOne() {
        #expect(name.normalized("阿卜杜拉・艾力") == "阿卜杜拉·艾力")
        #expect(name.normalized("阿卜杜拉•艾力") == "阿卜杜拉·艾力")
        #expect(name.normalized("阿卜杜拉·艾力") == "阿卜杜拉·艾力")
    }

    @Test func theShippedDefinitionGivesNamesTheirFormatAndKeepsMinMaxOnTheQuestion() throws {
        let q = Shipped.questionnaire
        for id in ["name", "collector_1", "collector_2", "collector_3"] { #expect(q.question(id)?.format == .name, "\(id)") }
        #expect(q.question("group_name")?.format == nil)
        let months = try #require(q.question("months_worked"))
        #expect(months.minimum == 0 && months.maximum == 12)
        #expect(q.question("monthly_wage")?.maximum == nil)
        let potato = try #require(q.question("crop")?.codeList?.items.first { $0.code == 4 })
        #expect(potato.aliases.contains("土豆") && potato.aliases.contains("洋芋"))
        let age = try #require(q.checks.first { $0.field == q.questionIndex(of: "age") && $0.expected != nil })
        #expect(age.expected?.source == "age_on(id_birthdate(id_number), interview_date)")
    }

    /// A copy of the minimal definition with one section file replaced.
    static func load(replacing file: String, with text: String) throws -> [DefinitionProblem] {
        let dir = try BrokenDefinitionTests.copyOfMinimal()
        defer { try? FileManager.default.removeItem(at: dir) }
        try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        do { _ = try DefinitionLoader.load(directory: dir); return [] } catch { return error.problems }
    }

    @Test func formatIsRefusedOnAnythingButTextAndAnUnknownFormatIsNamed() throws {
        let broken = try #require(BrokenDefinitionTests.broken)
        let text = try String(contentsOf: broken.appendingPathComponent("47-unknown-text-format.yaml"), encoding: .utf8)
        let problems = try Self.load(replacing: "A-household.yaml", with: text)
        let messages = problems.map { $0.message(.en) }
        #expect(messages.contains("unknown format 'nmae' (expected one of: name)"))
        #expect(messages.contains("'format' applies only to text questions, not integer"))
        #expect(problems.map { $0.message(.zh) }.contains("没有格式“nmae”（可用的格式：name）"))
    }
}
