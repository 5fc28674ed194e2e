import Foundation
import Testing
@testable import Survey

/// Problems in a questionnaire definition are said in the user's language: in Chinese no English sentence
/// words are left (the ids, keys and expressions quoted from the files aside), in English no Chinese.
@Suite struct DefinitionProblemLanguageTests {
    /// The words a Chinese message may keep in Latin letters: the definition format's own keys, type names,
    /// file names and the expression language, which an author writes as they are.
    static let formatWords: Set<String> = Set(FieldType.allCases.map(\.rawValue)).union(ReservedWords.keywords).union(ReservedWords.functions)
        .union(["id", "version", "title", "rosters", "sections", "codelists", "standards", "roles", "label", "row_label",
                "roster", "relevant", "questions", "checks", "hint", "type", "unit", "codes", "required", "calculate",
                "constraints", "max_length", "test", "at", "severity", "message", "lists", "code", "zh", "en",
                "income_lines", "labour_age", "min_floor_area", "guarantees", "member_fails", "household_fails", "reason",
                "default", "skip_when_default", "block",
                "head", "relation", "members", "error", "warning", "questionnaire", "yaml", "YAML", "UTF", "GBK",
                // The field of the example aggregate, `sum(members, age)`.
                "age"])

    /// Every text a problem carries as data (ids, keys, expression text, the YAML library's own words).
    static func data(in value: Any) -> [String] {
        if let s = value as? String { return [s] }
        if let c = value as? Character { return [String(c)] }
        if let list = value as? [String] { return list }
        return Mirror(reflecting: value).children.flatMap { data(in: $0.value) }
    }

    /// The message with the data it quotes taken out: what is left is the catalogue's own words.
    static func ownWords(_ message: String, quoting value: Any) -> String {
        var text = message
        for d in data(in: value).filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: d, with: " ")
        }
        return text
    }

    /// Latin words in a Chinese message that are not the format's own.
    static func englishWords(_ message: String, quoting value: Any) -> [String] {
        let text = ownWords(message, quoting: value)
        return text.split { !($0.isASCII && ($0.isLetter || $0 == "_")) }.map(String.init)
            .filter { $0.contains(where: \.isLetter) && !formatWords.contains($0) }
    }

    static func expectOneLanguage(_ kind: DefinitionProblem.Kind, _ comment: String = "") {
        let zh = kind.message(.zh), en = kind.message(.en)
        #expect(holdsCJK(zh), "\(comment) \(zh)")
        #expect(englishWords(zh, quoting: kind).isEmpty, "\(comment) English words \(englishWords(zh, quoting: kind)) in: \(zh)")
        #expect(!holdsCJK(ownWords(en, quoting: kind)), "\(comment) Chinese in: \(en)")
    }

    @Test func everyBrokenDefinitionsProblemsAreSaidInChineseWithoutEnglishWordsAndInEnglishWithoutChinese() throws {
        #expect(BrokenDefinitionTests.cases.count >= 40)
        var seen = 0
        for name in BrokenDefinitionTests.cases {
            let dir = try BrokenDefinitionTests.copyOfMinimal()
            defer { try? FileManager.default.removeItem(at: dir) }
            let source = try #require(BrokenDefinitionTests.broken).appendingPathComponent(name)
            let data = try Data(contentsOf: source)
            let header = try #require(BrokenDefinitionTests.header(of: data), "\(name)")
            try data.write(to: dir.appendingPathComponent(header.replaces))
            do { _ = try DefinitionLoader.load(directory: dir) } catch {
                for p in error.problems {
                    Self.expectOneLanguage(p.kind, name)
                    #expect(p.text(.zh).hasPrefix("\(p.location): "), "\(name): the place is written the same in Chinese")
                    seen += 1
                }
            }
        }
        #expect(seen >= 40)
    }

    @Test func aProblemKeepsItsPlaceAndItsIdsInBothLanguages() {
        let p = DefinitionProblem(SourceLocation(file: "B-members.yaml", line: 24, column: 27),
                                  .expression(". >= 16 or relatoin != 1", .unknownField("relatoin")))
        #expect(p.text(.en) == "B-members.yaml:24:27: in '. >= 16 or relatoin != 1': unknown field 'relatoin'")
        #expect(p.text(.zh) == "B-members.yaml:24:27: 表达式“. >= 16 or relatoin != 1”有误：没有名为“relatoin”的问题")
        #expect(p.description == p.text(.en))
    }

    @Test func everyKindOfDefinitionProblemIsSaidInOneLanguage() {
        let here = SourceLocation(file: "A-household.yaml", line: 4, column: 9)
        let kinds: [DefinitionProblem.Kind] = [
            .cannotRead, .notUTF8, .emptyFile, .malformedYAML("did not find expected key", unclosed: false),
            .malformedYAML("did not find expected ',' or ']'", unclosed: true), .duplicateYAMLKeys(["type", "label"]),
            .yamlTooDeep(limit: 64), .aliasAsKey(anchor: "head"), .tooManyNodesExpanded(limit: 2_000_000), .tooManyNodes(limit: 2_000_000),
            .notMapping(.question), .notMapping(.key("title")), .keyNotText, .unknownKey("lable", in: .question, allowed: ["id", "label"]),
            .keyTwice("id", in: .roster), .missingKey("label", in: .key("title")), .notList(.codesOf(list: "sex")), .notText(.questionOfRole("head.relation")),
            .notWholeNumber(.headCode), .notNumber(.key("line")), .notTrueOrFalse(.key("required")),
            .duplicateRosterID("members"), .reservedRosterID("sum", .function), .duplicateSectionID("A", first: here),
            .unknownRoster("member"), .duplicateQuestionID("name", first: here), .questionIDNotSnakeCase("Name"),
            .reservedQuestionID("and", .keyword), .questionIDIsRoster("members"), .unknownType("number", known: FieldType.allCases.map(\.rawValue)),
            .unknownCodeList("relations"), .codesNeeded(question: "sex", type: .code), .codesNotApplicable,
            .keyNotForType("min", allowed: [.integer, .decimal], found: .text), .maxLengthOutOfRange(least: 1, most: 500, found: 0, idNumber: false),
            .maxLengthOutOfRange(least: 18, most: 500, found: 12, idNumber: true), .unknownTextFormat("nmae", known: ["name"]), .noSections, .rowLabelNotInRoster("name", roster: "members"),
            .unknownSeverity("fatal"), .unknownFieldInAt("relatoin"), .duplicateCheckID("one_head", first: here),
            .dependencyCycle(["household_size", "area_per_person"]), .expression("age >= ", .expectedValue(found: .end)),
            .codeListsShape, .duplicateCode(2, list: "relation"), .emptyCodeList("sex"), .roleNamesNoQuestion(role: "village_code", name: "village"),
            .roleWrongType(role: "household_no", needs: .text, question: "interview_date", found: .date),
            .headCodeNotInList(code: 99, list: "relation", question: "relation"), .roleNeedsMemberQuestion(role: "member_name", question: "group_name"),
            .roleNeedsHouseholdQuestion(role: "group_name", question: "name", roster: "members"),
            .roleInOtherRoster(role: "member_name", headRoster: "members", found: "crops"), .incomeLineNotPositive,
            .labourAgeReversed("male", min: 60, max: 16), .guaranteeNeedsOneTest("medical"), .memberFailsNeedsMembers,
            .unknownReasonField("nmae", guarantee: "medical"), .defaultOnCalculated, .skipNeedsDefault,
            .blockInTwoSections("land", first: here),
        ]
        for k in kinds { Self.expectOneLanguage(k) }
        let parts: [DefinitionProblem.Part] = [.questionnaire, .roster, .section, .question, .check, .constraint, .codeLists, .code, .roles,
                                              .headRole, .standards, .incomeLine, .guarantee, .rosterID, .sectionFileName, .sectionID,
                                              .questionID, .checkID, .listID, .expression, .headCode]
        for part in parts { Self.expectOneLanguage(.notText(part), "\(part)") }
    }

    @Test func everyKindOfExpressionProblemIsSaidInOneLanguage() {
        let problems: [ExpressionProblem] = [
            .unterminatedText(quote: "'"), .singleEquals, .unexpectedCharacter("#"), .tooLong(limit: 50_000), .tooManyTerms(limit: 100),
            .tooDeep(limit: 100), .empty, .expectedOperatorOrEnd(found: .number(3)), .comparisonsDoNotChain, .keywordAsValue("and"),
            .expectedValue(found: .text("无")), .expectedSymbol([",", ")"], found: .symbol("]")), .resultType(expected: .bool, found: .number),
            .nestedList, .listMixes(.number, .text), .currentOutsideQuestion, .rosterAsValue("members"), .unknownField("agee"),
            .rowFieldOutsideRoster("age"), .needs(.operator("not"), expected: .bool, found: .date), .needs(.function("year"), expected: .date, found: .null),
            .needs(.countFilter, expected: .bool, found: .code("sex")), .needs(.filter, expected: .bool, found: .codes("aid")),
            .cannotCompare(.text, .list(.number)), .orderingNeedsNumbersOrDates(op: ">=", .text, .codes(nil)),
            .inListMismatch(.code(nil), element: .text), .inCodesNeedsCode(found: .text), .inNeedsList(found: .number),
            .arithmeticNeedsNumbers(op: "+", found: .bool), .unknownFunction("is_labor_age", known: ["count", "sum"]),
            .aggregateNeedsRoster(function: "count"), .aggregateNeedsRoster(function: "sum"), .aggregateArity(function: "count", found: 3),
            .aggregateArity(function: "max", found: 1), .aggregateNeedsNumbers(function: "sum", found: .text),
            .arity(function: "round", takes: 2, found: 1), .branchesMix(function: "if", .text, .number), .codeNotInList(11, list: "relation"),
            .visitOnlyInDefault(function: "enumerator"),
        ]
        for p in problems { Self.expectOneLanguage(.expression(". >= 0", p), "\(p)") }
    }

    @Test func theEnglishOfAnExpressionProblemIsWhatItAlwaysWas() throws {
        let q = Shipped.questionnaire
        func message(_ source: String, in roster: String? = nil) -> (en: String, zh: String)? {
            do { _ = try q.compile(source, in: roster); return nil } catch { return (error.message(.en), error.message(.zh)) }
        }
        let agg = try #require(message("count(members, relation == 1, sex == 2)"))
        #expect(agg.en == "expected count(roster) or count(roster, filter), found 3 argument(s)")
        #expect(agg.zh == "应写成 count(名册) 或 count(名册, 条件)，这里却有 3 个参数")
        let type = try #require(message("household_type == 'x'"))
        #expect(type.en == "cannot compare a code of 'household_type' with text")
        #expect(type.zh == "代码表“household_type”中的代码不能与文字比较")
        let closing = try #require(message("round(1, 2"))
        #expect(closing.en == "expected ',' or ')', found the end of the expression")
        #expect(closing.zh == "这里应是“,”或“)”，却是表达式结尾")
    }
}
