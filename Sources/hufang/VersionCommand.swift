import ArgumentParser
import Foundation
import Store
import Survey

/// `hufang version` (and `hufang --version`): the program's version and the questionnaire's it would use,
/// with the folder it found, so a support call can tell an old binary from an old questionnaire.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version",
                                                    abstract: "显示版本与问卷版本 (show the version and the questionnaire's); also hufang --version")
    @Option(name: .long, help: "问卷定义目录 (questionnaire folder)") var screens: String?
    @Option(name: .long, help: "zh 或 en") var lang: Language = .zh

    mutating func run() throws {
        Console.out("hufang \(ProgramVersion.current)")
        let folder = try ScreensFolder.locate(screens, lang: lang)
        let questionnaire = try ScreensFolder.load(folder.path, lang: lang)
        Console.out(Phrase.versionQuestionnaire.console(lang, questionnaire.id, questionnaire.version, folder.path))
    }

    /// `--version` first on the command line is this command: ArgumentParser's own flag could only print a
    /// fixed string, and the questionnaire's version is found at run time.
    static func arguments(_ given: [String]) -> [String] {
        given.first == "--version" ? ["version"] + given.dropFirst() : given
    }
}
