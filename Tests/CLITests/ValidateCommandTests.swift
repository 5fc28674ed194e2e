import Foundation
import ProjectFolders
import Testing

/// Runs the real `hufang` binary, as a county officer would.
@Suite struct ValidateCommandTests {
    func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) { try HufangBinary.run(args) }

    @Test func shippedQuestionnaireIsValid() throws {
        let r = try run(["screens", "validate", "screens"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("有效"))
    }

    @Test func brokenFolderPrintsEveryProblemWithFileAndLineAndExitsNonZero() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-broken-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Project.screens, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("B-members.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "relation != 1 or . >= 16", with: "relation != 1 or agee >= 16")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let codes = dir.appendingPathComponent("codelists.yaml")
        try (try String(contentsOf: codes, encoding: .utf8) + "\n  broken: [\n").write(to: codes, atomically: true, encoding: .utf8)

        let r = try run(["screens", "validate", "--lang", "en", dir.path])
        #expect(r.status == 1)
        #expect(r.err.contains("The questionnaire definition has "), "\(r.err)")
        #expect(r.err.range(of: #"B-members\.yaml:\d+:\d+: in 'relation != 1 or agee >= 16': unknown field 'agee'"#, options: .regularExpression) != nil, "\(r.err)")
        #expect(r.err.range(of: #"codelists\.yaml:\d+:\d+: malformed YAML"#, options: .regularExpression) != nil, "\(r.err)")

        // Chinese by default: the same places, the problems said in Chinese, the ids and the expression as written.
        let zh = try run(["screens", "validate", dir.path])
        #expect(zh.status == 1)
        #expect(zh.err.contains("问卷定义有 "), "\(zh.err)")
        #expect(zh.err.range(of: #"B-members\.yaml:\d+:\d+: 表达式“relation != 1 or agee >= 16”有误：没有名为“agee”的问题"#, options: .regularExpression) != nil, "\(zh.err)")
        #expect(zh.err.range(of: #"codelists\.yaml:\d+:\d+: YAML 格式错误"#, options: .regularExpression) != nil, "\(zh.err)")
        #expect(!zh.err.contains("unknown field"), "\(zh.err)")
    }

    @Test func renamingTheHeadsRelationQuestionFailsValidationNamingTheRolesPlace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-roles-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: HufangBinary.root.appendingPathComponent("screens"), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.range(of: #"^[A-Z]\d?-"#, options: .regularExpression) != nil {
            let file = dir.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: #"(?<!codes: )\brelation\b"#, with: "kinship", options: .regularExpression)
                .write(to: file, atomically: true, encoding: .utf8)
        }
        let r = try run(["screens", "validate", "--lang", "en", dir.path])
        #expect(r.status == 1)
        #expect(r.err.range(of: #"questionnaire\.yaml:\d+:\d+: role 'head\.relation' names no question 'relation'"#, options: .regularExpression) != nil, "\(r.err)")
        let zh = try run(["screens", "validate", dir.path])
        #expect(zh.err.range(of: #"questionnaire\.yaml:\d+:\d+: 角色 head\.relation 指定的问题“relation”不存在"#, options: .regularExpression) != nil, "\(zh.err)")
    }

    @Test func englishMessagesWithLangEn() throws {
        let r = try run(["screens", "summary", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.out.contains("Poverty registration household form"))
        #expect(r.out.contains("No worry about food"))
    }

    @Test func missingFolderSaysSoClearly() throws {
        let r = try run(["screens", "validate", "/nonexistent/screens"])
        #expect(r.status == 2)
        #expect(r.err.contains("找不到问卷定义目录"))
    }
}
