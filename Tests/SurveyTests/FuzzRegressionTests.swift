import Foundation
import Testing
@testable import Survey

/// Inputs of the fuzz targets (Fuzz/README.md) that crashed, each the smallest case. Numbers in expressions are
/// doubles without bounds; where one becomes a whole number (a code, a year, a length) `Int(_:)` trapped on
/// anything beyond ±9.2e18, on infinity and on NaN.
@Suite struct FuzzRegressionTests {
    static let big = "99999999999999999999"

    /// A household of the shipped form with one member, a text and a multi-code answer.
    static func household() throws -> (Interview, RowID) {
        var iv = Interview(questionnaire: Shipped.questionnaire, today: surveyDay)
        let (row, _) = try iv.addRow("members")
        try iv.answer("village_code", .text("622922100201"))
        try iv.answer("assistance_received", .codes([1, 7]))
        return (iv, row)
    }

    static func evaluate(_ source: String, in roster: String? = nil) throws -> Value? {
        let (iv, row) = try household()
        let compiled = try Shipped.questionnaire.compile(source, in: roster)
        return iv.evaluate(compiled, row: roster == nil ? nil : row, roster: roster)
    }

    @Test func aNumberTooBigForAWholeNumberDoesNotCrashTheEvaluator() throws {
        #expect(try Self.evaluate("left(village_code, \(Self.big))") == .text("622922100201"))
        #expect(try Self.evaluate("left(village_code, -\(Self.big))") == .text(""))
        #expect(try Self.evaluate("left(village_code, \(Self.big) * \(Self.big) * 1000000000000000000)") == .text("622922100201"))
        // A literal is refused by the compiler (not in the list); a computed one reaches the evaluator.
        #expect(try Self.evaluate("2 * \(Self.big) in assistance_received") == .bool(false))
        #expect(try Self.evaluate("7 in assistance_received") == .bool(true))
        #expect(try Self.evaluate("income_line(village_code, \(Self.big))") == nil)
        #expect(try Self.evaluate("is_labour_age(\(Self.big), 1)", in: "members") == nil)
        #expect(try Self.evaluate("is_labour_age(30, 1)", in: "members") == .bool(true))
    }

    @Test func aCodeLiteralTooBigForAWholeNumberIsNotInTheList() {
        #expect(throws: ExpressionError.self) { try Shipped.questionnaire.compile("household_type == \(Self.big)") }
        do { _ = try Shipped.questionnaire.compile("household_type == \(Self.big)") } catch {
            #expect(error.message(.en).contains("is not in the list"))
        }
    }

    @Test func aCodeQuestionRefusesANumberTooBigForAWholeNumber() throws {
        var (iv, _) = try Self.household()
        #expect(throws: InterviewError.self) { try iv.answer("household_type", .number(1e20)) }
        #expect(throws: InterviewError.self) { try iv.answer("household_type", .number(.infinity)) }
    }

    /// The minimal definition of Fixtures/minimal/ with `A-household.yaml` edited, in a temp folder.
    static func minimal(editing edit: (String) -> String) throws -> Questionnaire {
        let from = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("minimal")
        let to = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-fuzzreg-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: from, to: to)
        defer { try? FileManager.default.removeItem(at: to) }
        let file = to.appendingPathComponent("A-household.yaml")
        try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        return try DefinitionLoader.load(directory: to)
    }

    @Test func aCalculatedCodeOrHouseholdSizeTooBigForAWholeNumberIsUnknownNotACrash() throws {
        let q = try Self.minimal { yaml in
            yaml.replacingOccurrences(of: "calculate: count(members)", with: "calculate: \"floor_area * \(Self.big)\"")
                + """
                  - id: grade_guess
                    label: {zh: 估计等级, en: Guessed grade}
                    type: code
                    codes: house_grade
                    calculate: "floor_area * \(Self.big)"

                """
        }
        var iv = Interview(questionnaire: q, today: surveyDay)
        try iv.answer("floor_area", .number(12))
        #expect(iv.value("grade_guess") == nil)
        #expect(iv.value("household_size") == .number(12 * 1e20))
        #expect(Assessment(iv).householdSize == nil)
    }
}

/// The inputs the fuzz targets crashed on before the loader's limits (Fuzz/Crashes/): each is now refused
/// with a message, in well under a second.
@Suite struct FuzzCrashReplayTests {
    static let crashes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz/Crashes").standardizedFileURL

    static func inputs(_ prefix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: crashes, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(prefix) }.sorted { $0.path < $1.path }
    }

    @Test func everyExpressionThatCrashedIsRefusedWithAMessage() throws {
        let files = try Self.inputs("expression-")
        #expect(files.count == 3)
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            #expect(throws: (any Error).self, "\(file.lastPathComponent)") { try Shipped.questionnaire.compile(source, in: nil) }
        }
    }

    @Test func everyDefinitionThatCrashedIsRefusedWithItsPlace() throws {
        let files = try Self.inputs("definition-")
        #expect(files.count == 2)
        for file in files {
            let dir = try BrokenDefinitionTests.copyOfMinimal()
            defer { try? FileManager.default.removeItem(at: dir) }
            try FileManager.default.removeItem(at: dir.appendingPathComponent("B-members.yaml"))
            try FileManager.default.copyItem(at: file, to: dir.appendingPathComponent("B-members.yaml"))
            let error = #expect(throws: DefinitionErrors.self, "\(file.lastPathComponent)") { try DefinitionLoader.load(directory: dir) }
            #expect(error?.problems.contains { $0.location.file == "B-members.yaml" } == true, "\(file.lastPathComponent): \(String(describing: error))")
        }
    }
}
