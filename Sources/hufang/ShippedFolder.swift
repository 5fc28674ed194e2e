import ArgumentParser
import Foundation
import Survey

/// A folder hufang ships beside its binary — the questionnaire (`screens/`), the sample village
/// (`sample-data/`) — and the places it is looked for.
struct ShippedFolder {
    /// Its name in the project and under `share/hufang/`.
    let name: String
    /// The environment variable that may name it.
    let environment: String
    /// The catalogue entry saying it is not found; its one value is the places looked at.
    let notFound: Phrase

    static let screens = ShippedFolder(name: "screens", environment: "HUFANG_SCREENS", notFound: .screensNotFound)
    static let sampleData = ShippedFolder(name: "sample-data", environment: "HUFANG_SAMPLE_DATA", notFound: .sampleDataNotFound)

    /// Where to look, in order: the folder given on the command line, alone; else the environment variable,
    /// ./NAME, the installed share/hufang/NAME beside the binary, NAME/ of the project it was built in, and the
    /// Debian package's /usr/share/hufang/NAME (for a binary copied or linked elsewhere).
    func candidates(_ given: String?) -> [String] {
        if let given { return [given] }
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment[environment], !env.isEmpty { candidates.append(env) }
        candidates.append(FileManager.default.currentDirectoryPath + "/" + name)
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("../share/hufang/" + name).standardizedFileURL.path)
        candidates.append(exe.appendingPathComponent("../../" + name).standardizedFileURL.path)
        let packaged = "/usr/share/hufang/" + name
        if !candidates.contains(packaged) { candidates.append(packaged) }
        return candidates
    }

    /// The first candidate that is a folder; else a failure (exit status 2), in the user's language, listing
    /// every place looked at.
    func locate(_ given: String?, lang: Language) throws(CommandFailure) -> URL {
        let candidates = candidates(given)
        for c in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: c, isDirectory: &isDir), isDir.boolValue { return URL(fileURLWithPath: c).standardizedFileURL }
        }
        throw CommandFailure(notFound.console(lang, candidates.joined(separator: ", ")), exitCode: ExitCode(2))
    }
}
