import Foundation
import ProjectFolders
import Testing

/// `hufang --version`: the program's version and the questionnaire's, with the folder it was found in.
@Suite struct VersionCommandTests {
    @Test func theVersionNamesTheProgramAndTheQuestionnaireFound() throws {
        let changelog = try String(contentsOf: Project.root.appendingPathComponent("packaging/changelog"), encoding: .utf8)
        let version = try #require(changelog.split(separator: "\n").first.flatMap { $0.split(separator: "(").dropFirst().first?.split(separator: ")").first })
        let r = try HufangBinary.run(["--version", "--screens", HufangBinary.screens])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "hufang \(version)", "\(r.out)")
        #expect(lines.last == "问卷 hufang-household 2026.1（\(HufangBinary.screens)）", "\(r.out)")
        #expect(try HufangBinary.run(["version", "--lang", "en", "--screens", HufangBinary.screens]).out.contains("questionnaire hufang-household 2026.1"))
    }

    @Test func aMissingQuestionnaireSaysEveryPlaceLookedAndTheFix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-version-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("bin"), work = dir.appendingPathComponent("work")
        for d in [bin, work] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        try HufangBinary.copy(to: bin.appendingPathComponent("hufang"))
        let r = try HufangBinary.launchCopy(bin.appendingPathComponent("hufang"), ["--version"], in: work)
        #expect(r.status == 2, "\(r)")
        #expect(r.out.hasPrefix("hufang "), "\(r.out)")
        let places = [work.path + "/screens", dir.path + "/share/hufang/screens", dir.deletingLastPathComponent().path + "/screens",
                      "/usr/share/hufang/screens"]
        #expect(r.err.contains("找不到问卷定义目录 (questionnaire folder not found): " + places.joined(separator: ", ")), "\(r.err)")
        #expect(r.err.contains("HUFANG_SCREENS=") && r.err.contains("--screens") && r.err.contains("apt install --reinstall hufang"), "\(r.err)")
    }
}
