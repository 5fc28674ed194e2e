// Fuzz target: the definition loader (Sources/Survey/Definition: YAMLReader, DefinitionLoader, and the
// expressions it compiles). Each input is one file of a small valid definition folder — a copy of
// Tests/SurveyTests/Fixtures/minimal/ in a per-process temp folder — and the folder is loaded.
//
// Which file the input replaces is named by its first line, `# replaces: NAME` (a YAML comment, so seeds stay
// real YAML files, as in Tests/SurveyTests/Fixtures/broken/), e.g. `# replaces: questionnaire.yaml`; without it
// the input is B-members.yaml (a roster section with questions, constraints and checks). The file is put back after each input.
import Foundation
import FuzzSupport
import Survey

final class Folder: @unchecked Sendable {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-deffuzz-\(getpid())")
    /// The minimal definition's files, by name.
    let originals: [String: Data]

    init() {
        let minimal = Fuzz.root.appendingPathComponent("Tests/SurveyTests/Fixtures/minimal")
        let fm = FileManager.default
        var originals: [String: Data] = [:]
        for name in (try? fm.contentsOfDirectory(atPath: minimal.path)) ?? [] {
            originals[name] = fm.contents(atPath: minimal.appendingPathComponent(name).path)
        }
        guard originals["questionnaire.yaml"] != nil else { fatalError("DefinitionFuzz needs \(minimal.path)") }
        self.originals = originals
        try? fm.removeItem(at: url)
        do {
            try fm.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, data) in originals { try data.write(to: url.appendingPathComponent(name)) }
            _ = try DefinitionLoader.load(directory: url)
        } catch { fatalError("DefinitionFuzz: the minimal definition does not load: \(error)") }
        atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("hufang-deffuzz-\(getpid())")) }
    }

    /// The file an input stands for.
    func name(of data: Data) -> String {
        let prefix = Array("# replaces: ".utf8)
        guard data.starts(with: prefix) else { return "B-members.yaml" }
        let line = data.dropFirst(prefix.count).prefix { $0 != UInt8(ascii: "\n") }
        let name = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return originals[name] != nil ? name : "B-members.yaml"
    }

    func write(_ data: Data, as name: String) {
        do { try data.write(to: url.appendingPathComponent(name)) } catch { fatalError("DefinitionFuzz cannot write \(name): \(error)") }
    }
}

let folder = Folder()

Fuzz.main { data in
    let name = folder.name(of: data)
    folder.write(data, as: name)
    _ = try? DefinitionLoader.load(directory: folder.url)
    folder.write(folder.originals[name]!, as: name)
}
