import Foundation
import ProjectFolders
import Testing
@testable import Survey

/// A corpus of broken questionnaire definitions. Each file in `Fixtures/broken/` replaces one file of the
/// valid `Fixtures/minimal/` folder and says, in its first two lines, where the loader must report the problem:
///
///     # replaces: B-members.yaml
///     # expect: B-members.yaml:24:27: unknown field 'relatoin'
///
/// Lines and columns are 1-based and count the replacement file as written, comment lines included.
@Suite struct BrokenDefinitionTests {
    static let fixtures: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)
    static var minimal: URL? { fixtures?.appendingPathComponent("minimal") }
    static var broken: URL? { fixtures?.appendingPathComponent("broken") }

    /// File names of every case in `Fixtures/broken/`, sorted.
    static let cases: [String] = {
        guard let broken, let names = try? FileManager.default.contentsOfDirectory(atPath: broken.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// What a case's header says.
    struct Header {
        var replaces: String
        var file: String
        var line: Int
        var column: Int
        var substring: String
    }

    /// Reads the two comment lines at the top of a case (ASCII, even when the rest of the file is not UTF-8).
    static func header(of data: Data) -> Header? {
        let bytes = [UInt8](data)
        var lines: [String] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            guard let text = String(bytes: bytes[start..<i], encoding: .utf8) else { return nil }
            lines.append(text.hasSuffix("\r") ? String(text.dropLast()) : text)
            start = i + 1
            if lines.count == 2 { break }
        }
        guard lines.count == 2, lines[0].hasPrefix("# replaces: "), lines[1].hasPrefix("# expect: ") else { return nil }
        let replaces = String(lines[0].dropFirst("# replaces: ".count)).trimmingCharacters(in: .whitespaces)
        // FILE:LINE:COL: SUBSTRING
        let expect = lines[1].dropFirst("# expect: ".count)
        let parts = expect.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let line = Int(parts[1]), let column = Int(parts[2]), parts[3].hasPrefix(" ") else { return nil }
        let substring = String(parts[3].dropFirst())
        guard !replaces.isEmpty, !parts[0].isEmpty, !substring.isEmpty, line >= 1, column >= 1 else { return nil }
        return Header(replaces: replaces, file: String(parts[0]), line: line, column: column, substring: substring)
    }

    /// A fresh copy of `Fixtures/minimal/` in a temporary folder.
    static func copyOfMinimal() throws -> URL {
        let minimal = try #require(Self.minimal)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-broken-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: minimal, to: dir)
        return dir
    }

    @Test("the minimal fixture loads without problems")
    func minimalLoads() throws {
        let dir = try Self.copyOfMinimal()
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let q = try DefinitionLoader.load(directory: dir)
            #expect(q.sections.count >= 2)
            #expect(q.roster("members") != nil)
            #expect(q.codeLists["sex"] != nil && q.codeLists["relation"] != nil)
            #expect(q.standards.guarantees.contains { $0.memberFails != nil })
            #expect(q.standards.guarantees.contains { $0.householdFails != nil })
            #expect(q.questions.contains { $0.calculate != nil })
            #expect(q.checks.contains { !$0.ownsValue }, "a section-level check with 'at'")
        } catch {
            Issue.record("Fixtures/minimal does not load:\n\(error)")
        }
    }

    @Test("the shipped screens/ folder loads without problems")
    func shippedScreensLoad() {
        let screens = Project.screens
        #expect(FileManager.default.fileExists(atPath: screens.appendingPathComponent("questionnaire.yaml").path))
        do {
            let q = try DefinitionLoader.load(directory: screens)
            #expect(!q.sections.isEmpty)
        } catch {
            Issue.record("screens/ does not load:\n\(error)")
        }
    }

    @Test("the broken corpus has enough cases, each with a valid header")
    func corpusIsLargeEnough() throws {
        #expect(Self.cases.count >= 15, "only \(Self.cases.count) cases in Fixtures/broken")
        let broken = try #require(Self.broken)
        let minimal = try #require(Self.minimal)
        for name in Self.cases {
            let data = try Data(contentsOf: broken.appendingPathComponent(name))
            guard let h = Self.header(of: data) else { Issue.record("\(name): missing or malformed header"); continue }
            #expect(FileManager.default.fileExists(atPath: minimal.appendingPathComponent(h.replaces).path),
                    "\(name) replaces \(h.replaces), which is not a file of Fixtures/minimal")
        }
    }

    @Test("a broken definition is refused, with the problem at the expected place", arguments: cases)
    func brokenCase(_ name: String) throws {
        let broken = try #require(Self.broken)
        let data = try Data(contentsOf: broken.appendingPathComponent(name))
        let h = try #require(Self.header(of: data), "\(name): the first two lines must be '# replaces: FILE' and '# expect: FILE:LINE:COL: TEXT'")
        let dir = try Self.copyOfMinimal()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent(h.replaces)
        #expect(FileManager.default.fileExists(atPath: target.path), "\(h.replaces) is not a file of Fixtures/minimal")
        try data.write(to: target)

        let problems: [DefinitionProblem]
        do {
            _ = try DefinitionLoader.load(directory: dir)
            Issue.record("\(name): the definition loaded, but it should have been refused")
            return
        } catch {
            problems = error.problems
        }
        let listing = problems.map(\.description).joined(separator: "\n")
        #expect(!problems.isEmpty, "\(name): loading failed without any problem")
        let expected = "\(h.file):\(h.line):\(h.column): …\(h.substring)…"
        let found = problems.contains {
            $0.location.file == h.file && $0.location.line == h.line && $0.location.column == h.column && $0.message(.en).contains(h.substring)
        }
        #expect(found, "\(name): expected \(expected)\nthe loader reported:\n\(listing)")
    }
}
