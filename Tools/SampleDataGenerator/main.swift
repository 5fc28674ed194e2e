import Foundation
import SampleData
import Survey

// `swift run sample-data [FOLDER]`: writes the sample village, as `hufang init --sample` loads it, to
// FOLDER/sample-village.json (default: this project's sample-data/), from the questionnaire in screens/.
// SampleDataFileTests fails until the committed file is what this writes.
let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
let folder = CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) } ?? project.appendingPathComponent("sample-data")
do {
    let questionnaire = try DefinitionLoader.load(directory: project.appendingPathComponent("screens"))
    let data = SampleVillageFile.data(questionnaire: questionnaire)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(SampleVillageFile.name)
    try data.write(to: file, options: .atomic)
    FileHandle.standardError.write(Data("wrote \(file.path) (\(data.count) bytes)\n".utf8))
} catch {
    FileHandle.standardError.write(Data("sample-data: \(error)\n".utf8))
    exit(1)
}
