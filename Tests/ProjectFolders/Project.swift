import Foundation
import Survey

/// The project's own folders, found from where this file is: the repository root, the shipped questionnaire
/// (`screens/`) and the sample data (`sample-data/`). Every test target looks here, and nowhere else.
public enum Project {
    /// The repository: two folders up from Tests/ProjectFolders.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    /// The questionnaire the binary ships.
    public static let screens = root.appendingPathComponent("screens")
    /// The data `hufang init --sample` loads (see Sources/SampleData/SampleVillageFile.swift).
    public static let sampleData = root.appendingPathComponent("sample-data")
    /// The sample village as an interchange file.
    public static let sampleVillage = sampleData.appendingPathComponent("sample-village.json")

    /// The questionnaire in `screens/`, loaded once; a test run cannot go on without it.
    public static let questionnaire: Questionnaire = {
        do { return try DefinitionLoader.load(directory: screens) } catch { fatalError("the shipped screens/ do not load:\n\(error)") }
    }()
}
