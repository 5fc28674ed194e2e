import Foundation
import Testing
@testable import Survey

/// Definitions that used to crash the loader or keep it busy for minutes (deep or long expressions,
/// YAML alias bombs), ids an expression could not tell from its own words, and `max_length`.
/// Every input is generated into a copy of `Fixtures/minimal/`.
@Suite struct DefinitionLimitsTests {
    /// The minimal household section with one more question whose extra lines are `lines`.
    static func household(adding lines: String) -> String {
        let minimal = try! String(contentsOf: BrokenDefinitionTests.minimal!.appendingPathComponent("A-household.yaml"), encoding: .utf8)
        return minimal + lines
    }

    /// Line (1-based) of the first line added by `household(adding:)`.
    static var firstAddedLine: Int {
        let minimal = try! String(contentsOf: BrokenDefinitionTests.minimal!.appendingPathComponent("A-household.yaml"), encoding: .utf8)
        return minimal.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    /// Loads the minimal fixture with `file` replaced by `text`: the problems, or [] when it loads.
    static func problems(replacing file: String, with text: String) throws -> [DefinitionProblem] {
        let dir = try BrokenDefinitionTests.copyOfMinimal()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(text.utf8).write(to: dir.appendingPathComponent(file))
        do {
            _ = try DefinitionLoader.load(directory: dir)
            return []
        } catch {
            return error.problems
        }
    }

    /// Loads the minimal fixture with `file` replaced by `text`, which must load.
    static func load(replacing file: String, with text: String) throws -> Questionnaire {
        let dir = try BrokenDefinitionTests.copyOfMinimal()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(text.utf8).write(to: dir.appendingPathComponent(file))
        return try DefinitionLoader.load(directory: dir)
    }

    static func expectProblem(_ problems: [DefinitionProblem], _ file: String, _ line: Int, _ column: Int, _ text: String,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = problems.contains {
            $0.location.file == file && $0.location.line == line && $0.location.column == column && $0.message(.en).contains(text)
        }
        let listing = problems.map { String($0.description.prefix(300)) }.joined(separator: "\n")
        #expect(found, "expected \(file):\(line):\(column): …\(text)…\nthe loader reported:\n\(listing)", sourceLocation: sourceLocation)
    }

    // MARK: Expressions

    @Test("an expression nested 10,000 brackets deep is refused at the bracket past the limit")
    func deepBracketsAreRefused() throws {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let text = Self.household(adding: "  - id: deep\n    label: {zh: 深, en: Deep}\n    type: integer\n    calculate: \"\(deep)\"\n")
        let problems = try Self.problems(replacing: "A-household.yaml", with: text)
        // `    calculate: "` is 16 characters; the bracket past the limit is the (limit + 1)th.
        Self.expectProblem(problems, "A-household.yaml", Self.firstAddedLine + 3, 17 + ExpressionLimits.maxDepth,
                           "expression nested too deeply (limit \(ExpressionLimits.maxDepth))")
        #expect(problems.allSatisfy { $0.description.count < 400 }, "a problem quotes the whole expression")
    }

    @Test("10,000 nested calls, 'not's, minus signs or lists are refused as nested too deeply",
          arguments: ["abs(", "not ", "- ", "[", "(-"])
    func deepPrefixesAreRefused(_ prefix: String) {
        let source = String(repeating: prefix, count: 10_000) + "1"
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(source) }
        do { _ = try ExpressionParser.parse(source) } catch {
            #expect(error.message(.en) == "expression nested too deeply (limit \(ExpressionLimits.maxDepth))")
            #expect(error.offset == prefix.count * ExpressionLimits.maxDepth || prefix == "(-")
        }
    }

    @Test("a flat sum of 2,000 terms is refused as too long, at the operator past the limit")
    func longSumIsRefused() throws {
        let sum = Array(repeating: "floor_area", count: 2_000).joined(separator: " + ")
        let text = Self.household(adding: "  - id: long_sum\n    label: {zh: 长, en: Long}\n    type: decimal\n    calculate: \(sum)\n")
        let problems = try Self.problems(replacing: "A-household.yaml", with: text)
        // The operator that would join term limit + 1.
        let plus = sum.indices.filter { sum[$0] == "+" }[ExpressionLimits.maxTerms - 1]
        Self.expectProblem(problems, "A-household.yaml", Self.firstAddedLine + 3, 16 + sum.distance(from: sum.startIndex, to: plus),
                           "expression too long (limit \(ExpressionLimits.maxTerms) terms)")
    }

    @Test("long chains of every operator are refused as too long, not a stack overflow",
          arguments: [" + ", " * ", " and ", " or ", " - ", " / "])
    func longChainsAreRefused(_ op: String) {
        let source = Array(repeating: "x", count: 2_000).joined(separator: op)
        do { _ = try ExpressionParser.parse(source); Issue.record("a chain of 2,000 terms was accepted") } catch {
            #expect(error.message(.en) == "expression too long (limit \(ExpressionLimits.maxTerms) terms)")
        }
    }

    @Test("a sum of 100,000 terms is refused by the length of its text")
    func hugeSumIsRefused() {
        let source = Array(repeating: "x", count: 100_000).joined(separator: " + ")
        do { _ = try ExpressionParser.parse(source); Issue.record("accepted") } catch {
            #expect(error.message(.en) == "expression too long (limit \(ExpressionLimits.maxLength) characters)")
            #expect(error.offset == 0)
        }
    }

    @Test("chains inside brackets that together grow the tree past the limit are refused as nested too deeply")
    func chainsInsideBracketsAreRefused() {
        // Each level is a chain of 90 terms whose first term is the level below: 2 levels are 180 deep.
        var source = "1"
        for _ in 0..<2 { source = "(" + source + String(repeating: " + 1", count: 89) + ")" }
        do { _ = try ExpressionParser.parse(source); Issue.record("accepted") } catch {
            #expect(error.message(.en) == "expression nested too deeply (limit \(ExpressionLimits.maxDepth))")
        }
    }

    @Test("expressions at the limits compile and evaluate")
    func expressionsAtTheLimitsWork() throws {
        let q = Shipped.questionnaire
        let iv = Interview(questionnaire: q, today: surveyDay)
        let sum = try q.compile(Array(repeating: "1", count: ExpressionLimits.maxTerms).joined(separator: " + "))
        #expect(iv.evaluate(sum) == .number(Double(ExpressionLimits.maxTerms)))
        let negated = try q.compile(String(repeating: "- ", count: ExpressionLimits.maxDepth - 1) + "1")
        #expect(iv.evaluate(negated) == .number(ExpressionLimits.maxDepth % 2 == 0 ? -1 : 1))
        let brackets = try q.compile(String(repeating: "(", count: ExpressionLimits.maxDepth) + "2" + String(repeating: ")", count: ExpressionLimits.maxDepth))
        #expect(iv.evaluate(brackets) == .number(2))
    }

    @Test("a dependency cycle through 5,000 calculated questions is reported, not a stack overflow")
    func longCycleIsReported() throws {
        var lines = ""
        let n = 5_000
        for i in 0..<n {
            lines += "  - id: c\(i)\n    label: {zh: 环\(i), en: Cycle \(i)}\n    type: integer\n    calculate: c\((i + 1) % n) + 1\n"
        }
        let problems = try Self.problems(replacing: "A-household.yaml", with: Self.household(adding: lines))
        // The cycle is named along what each value feeds: c0 feeds c4999, which feeds c4998, …
        #expect(problems.contains { $0.message(.en).hasPrefix("dependency cycle: c0 → c4999 → c4998 → ") && $0.message(.en).contains("c1 → c0") })
    }

    // MARK: YAML

    @Test("a YAML alias bomb is refused at the alias that passes the node limit, without expanding it")
    func aliasBombIsRefused() throws {
        // 12 levels of 10 aliases each stand for 10^12 nodes: expanding them would never finish.
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            text += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n"
        }
        let problems = try Self.problems(replacing: "A-household.yaml", with: text)
        let p = try #require(problems.first { $0.location.file == "A-household.yaml" })
        #expect(problems.filter { $0.location.file == "A-household.yaml" }.count == 1)
        #expect(p.message(.en).contains("too many YAML nodes once aliases are expanded (limit \(YAMLLimits.maxNodes) per file)"), "\(p)")
        // Levels 0–5 hold 1,234,566 nodes, and each level-6 alias stands for 1,111,111: the first passes 2,000,000.
        #expect(p.location.line == 7, "\(p)")
        #expect(p.location.column == "a6: &a6 [".count + 1, "\(p)")
    }

    @Test("an alias used as a mapping key, or inside one, is refused at the alias",
          arguments: [("*k : 1\n", 1), ("? [*k]\n: 1\n", 4), ("x: {*k : 1}\n", 5)])
    func aliasAsKeyIsRefused(_ key: String, _ column: Int) throws {
        let text = "id: &k A\n" + key
        let problems = try Self.problems(replacing: "A-household.yaml", with: text)
        Self.expectProblem(problems, "A-household.yaml", 2, column, "an alias (*k) cannot be a mapping key")
    }

    @Test("an alias bomb used as a mapping key is refused at the key")
    func aliasBombAsKeyIsRefused() throws {
        // Five levels stand for 1,111,111 nodes, under the node limit; hashing them as a key took minutes.
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...5 {
            text += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n"
        }
        text += "? *a5\n: 1\n"
        let problems = try Self.problems(replacing: "A-household.yaml", with: text)
        Self.expectProblem(problems, "A-household.yaml", 7, 3, "an alias (*a5) cannot be a mapping key or part of one; write the key out")
    }

    @Test("anchors and aliases used as values still load")
    func aliasesAsValuesLoad() throws {
        let text = Self.household(adding: """
              - id: note_a
                label: &note {zh: 备注, en: Note}
                type: text
              - id: note_b
                label: *note
                type: text

            """)
        let q = try Self.load(replacing: "A-household.yaml", with: text)
        #expect(q.question("note_b")?.label == Localized(zh: "备注", en: "Note"))
    }

    @Test("YAML mappings nested 1,000 levels deep are refused at the level past the limit")
    func deepBlockYAMLIsRefused() throws {
        // id: A, then k: / k: / … each indented one more space.
        let text = "id: A\n" + (0..<1_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        let problems = try Self.problems(replacing: "A-household.yaml", with: text)
        // The mapping of level L starts on line L + 1 at column L: the first one too many is level limit + 1.
        Self.expectProblem(problems, "A-household.yaml", YAMLLimits.maxDepth + 2, YAMLLimits.maxDepth + 1,
                           "YAML nested too deeply (limit \(YAMLLimits.maxDepth) levels of lists and mappings)")
    }

    @Test("YAML lists nested 10,000 brackets deep are refused as nested too deeply")
    func deepFlowYAMLIsRefused() throws {
        let text = "id: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let problems = try Self.problems(replacing: "A-household.yaml", with: text)
        #expect(problems.contains { $0.location.file == "A-household.yaml" && $0.location.line == 1
            && $0.message(.en) == "YAML nested too deeply (limit \(YAMLLimits.maxDepth) levels of lists and mappings)" },
                "\(problems.map(\.description).joined(separator: "\n").prefix(1000))")
    }

    // MARK: Ids

    @Test("a question id that is a function name, a keyword or a roster id is refused at the id",
          arguments: [("sum", "is the name of a function"), ("count", "is the name of a function"),
                      ("id_birthdate", "is the name of a function"), ("if", "is the name of a function"),
                      ("true", "is a reserved word"), ("and", "is a reserved word"), ("null", "is a reserved word"),
                      ("members", "is the id of a roster")])
    func reservedQuestionIDIsRefused(_ id: String, _ message: String) throws {
        let text = Self.household(adding: "  - id: \(id)\n    label: {zh: 名, en: Name}\n    type: integer\n")
        let problems = try Self.problems(replacing: "A-household.yaml", with: text)
        Self.expectProblem(problems, "A-household.yaml", Self.firstAddedLine, 9, "question id '\(id)' \(message)")
    }

    @Test("a roster id that is a function name is refused at the id")
    func reservedRosterIDIsRefused() throws {
        let text = """
            id: minimal
            version: "1"
            title: {zh: 最小问卷, en: Minimal form}
            rosters:
              - id: members
                label: {zh: 家庭成员, en: Household members}
                row_label: name
              - id: max
                label: {zh: 最多, en: Most}
            sections: [A-household.yaml, B-members.yaml]

            """
        let problems = try Self.problems(replacing: "questionnaire.yaml", with: text)
        Self.expectProblem(problems, "questionnaire.yaml", 8, 9, "roster id 'max' is the name of a function")
    }

    // MARK: max_length

    @Test("max_length is read from the definition, and defaults to 200 for text and 18 for an ID number")
    func maxLengthIsReadAndDefaulted() throws {
        let text = Self.household(adding: """
              - id: nickname
                label: {zh: 别名, en: Other name}
                type: text
                max_length: 30
              - id: head_id
                label: {zh: 户主身份证号, en: Head's ID number}
                type: id_number
              - id: rooms
                label: {zh: 房间数, en: Rooms}
                type: integer

            """)
        let q = try Self.load(replacing: "A-household.yaml", with: text)
        #expect(q.question("nickname")?.maxLength == 30)
        #expect(q.question("head_name")?.maxLength == Question.defaultTextMaxLength)
        #expect(Question.defaultTextMaxLength == 200)
        #expect(q.question("head_id")?.maxLength == 18)
        #expect(q.question("rooms")?.maxLength == Question.defaultTextMaxLength)
    }

    @Test("the shipped member name has a max_length that fits minority names with a middle dot")
    func shippedNameHasAMaxLength() throws {
        let name = try #require(Shipped.questionnaire.question("name"))
        #expect(name.maxLength >= "阿卜杜热合曼·买买提明".count && name.maxLength <= 50)
    }

    @Test("max_length is refused on other types, and when it is not a whole number in range",
          arguments: [("integer", "30", "'max_length' applies only to text and id_number questions, not integer"),
                      ("code\n    codes: sex", "30", "'max_length' applies only to text and id_number questions, not code"),
                      ("text", "0", "max_length must be between 1 and 10000, found 0"),
                      ("text", "20000", "max_length must be between 1 and 10000, found 20000"),
                      ("text", "abc", "expected max_length as a whole number"),
                      ("id_number", "10", "max_length must be between 18 and 10000 (a resident ID has 18 characters), found 10")])
    func wrongMaxLengthIsRefused(_ type: String, _ value: String, _ message: String) throws {
        let text = Self.household(adding: "  - id: extra\n    label: {zh: 额外, en: Extra}\n    type: \(type)\n    max_length: \(value)\n")
        let line = Self.firstAddedLine + 3 + type.filter { $0 == "\n" }.count
        let problems = try Self.problems(replacing: "A-household.yaml", with: text)
        Self.expectProblem(problems, "A-household.yaml", line, 17, message)
    }
}
