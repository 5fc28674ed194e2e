import Foundation
import ProjectFolders
import SampleData
import Store
import Survey
import TestSupport
import Testing

/// sample-data/sample-village.json, which `hufang init --sample` loads, is the generator's village.
@Suite struct SampleDataFileTests {
    @Test func theCommittedSampleVillageIsByteForByteWhatTheGeneratorMakes() throws {
        let committed = try Data(contentsOf: Project.sampleVillage)
        let made = SampleVillageFile.data(questionnaire: Project.questionnaire)
        #expect(committed == made, """
            sample-data/\(SampleVillageFile.name) (\(committed.count) bytes) is not what the generator makes (\(made.count) bytes): \
            regenerate it with `swift run sample-data` and commit it
            """)
    }

    /// Loaded as `init --sample` loads it, the file gives the store the generator's households, rows, answers,
    /// reasons, statuses and audit trail — only the times, clocks and audit ids are the loading store's own.
    @Test func loadingTheFileStoresWhatInsertingTheGeneratedVillageStores() throws {
        let q = Project.questionnaire
        let loaded = try HouseholdStore(path: Fixture.tempPath(), create: true)
        #expect(try SampleStore.load(into: loaded) == 128)
        let inserted = try HouseholdStore(path: Fixture.tempPath(), create: true)
        try inserted.insertWhole(SampleVillage.generate(questionnaire: q), enumerator: SampleVillageFile.enumerator, who: SampleVillageFile.who) { iv in
            let c = iv.completeness
            return c.answered == c.required && (try? iv.checkCompletable()) != nil ? .complete : .inProgress
        }
        let a = Self.withoutStamps(try loaded.exportJSON()), b = Self.withoutStamps(try inserted.exportJSON())
        #expect(a.households.count == 128)
        #expect(a.households.map(\.household.status).filter { $0 == .complete }.count > 60)
        for (x, y) in zip(a.households, b.households) { #expect(x == y, "household \(x.household.householdNo) \(x.household.id)") }
        #expect(a == b)
        // The loading store's own clock: a bundle of it is signed by the device whose clock it carries.
        let clocks = Set(try loaded.exportJSON().households.flatMap { $0.answers.map(\.clock) }.compactMap { HybridLogicalClock($0)?.device })
        #expect(clocks == [String(loaded.deviceID.prefix(8))])
    }

    static func withoutStamps(_ export: HouseholdExport) -> HouseholdExport {
        var e = export
        for i in e.households.indices {
            e.households[i].household.createdAt = ""
            e.households[i].household.updatedAt = ""
            for j in e.households[i].answers.indices { e.households[i].answers[j].at = ""; e.households[i].answers[j].clock = "" }
            for j in e.households[i].audit.indices {
                e.households[i].audit[j].id = ""; e.households[i].audit[j].at = ""; e.households[i].audit[j].clock = ""
            }
            e.households[i].audit.sort { ($0.rowID?.uuidString ?? "", $0.subject) < ($1.rowID?.uuidString ?? "", $1.subject) }
            for j in e.households[i].overrides.indices { e.households[i].overrides[j].at = "" }
        }
        return e
    }
}
