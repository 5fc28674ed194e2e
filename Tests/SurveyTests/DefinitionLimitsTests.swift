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
            $0.location.file == file && $0.location.line == line && $0.location.column == column && $0.message.contains(text)
        }
        let listing = problems.map { String($0.description.prefix(300)) }.joined(separator: "\n")
        #expect(found, "expected \(file):\(line):\(column): …\(text)…\nthe loader reported:\n\(listing)", sourceLocation: sourceLocation)
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
        #expect(problems.contains { $0.message.hasPrefix("dependency cycle: c0 → c4999 → c4998 → ") && $0.message.contains("c1 → c0") })
    }
}
