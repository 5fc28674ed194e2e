import Foundation
import ProjectFolders
import Store

/// The sample village in a store, loaded from sample-data/ as `hufang init --sample` loads it.
public enum SampleStore {
    /// Loads the committed sample village into `store`; returns how many households it holds.
    @discardableResult
    public static func load(into store: HouseholdStore) throws -> Int {
        try store.importJSON(try Data(contentsOf: Project.sampleVillage), questionnaire: Project.questionnaire, restamped: true)
    }
}
