import Foundation
import Store
import Survey

/// The sample village as the file `sample-data/sample-village.json` holds: the JSON interchange format of
/// `hufang export json`, which `hufang init --sample` loads. The committed file is exactly what `data` makes;
/// regenerate it with `swift run sample-data` after changing the generator or `screens/`.
public enum SampleVillageFile {
    /// The file's name inside `sample-data/`.
    public static let name = "sample-village.json"
    /// Who the sample interviews were made by, as the store records them.
    public static let enumerator = "示例调查员", who = "sample"
    /// When the file says its records were written, and by which clock. Loading restamps both (`restamped:`),
    /// so a store's bundles carry the households as its own writes.
    public static let writtenAt = "2020-12-31T00:00:00.000Z"
    static let clockMillis: Int64 = 1_609_372_800_000, clockDevice = "00000000"

    /// The default sample village (seed 2020, 128 households) as interchange JSON, byte for byte the same on
    /// every run: ids come from the seed, the answers are taken in a fixed order.
    public static func data(questionnaire: Questionnaire) -> Data {
        HouseholdStore.encode(export(questionnaire: questionnaire))
    }

    /// The households as the interchange file lists them (the order `exportJSON` uses).
    public static func export(questionnaire q: Questionnaire, seed: UInt64 = 2020, households n: Int = 128) -> HouseholdExport {
        let ids = SplitMix64(seed: seed ^ 0x5A4D_504C_4546_494C)   // a stream of its own, apart from the households' draws
        let documents = SampleVillage.generate(questionnaire: q, seed: seed, households: n).enumerated().map { i, iv in
            var auditIDs = ids.stream(UInt64(i + 1))
            let clock = HybridLogicalClock(millis: clockMillis, counter: i, device: clockDevice).description
            var d = HouseholdDocument(whole: iv, enumerator: enumerator, who: who, status: status(of: iv), at: writtenAt, clock: clock,
                                      auditID: { auditIDs.uuid().uuidString.lowercased() })
            // Each list in the order `exportJSON` reads it in (clocks are equal within a household).
            d.rows.sort { ($0.roster, $0.ord, $0.id) < ($1.roster, $1.ord, $1.id) }
            d.answers.sort { ($0.rowID?.uuidString.lowercased() ?? "", $0.question) < ($1.rowID?.uuidString.lowercased() ?? "", $1.question) }
            d.audit.sort { $0.id < $1.id }
            return d
        }
        let sorted = documents.sorted { a, b in
            (a.household.villageCode, a.household.householdNo, a.household.id) < (b.household.villageCode, b.household.householdNo, b.household.id)
        }
        return HouseholdExport(questionnaire: q, households: sorted)
    }

    /// Complete only when every applicable question is answered and no check blocks it.
    static func status(of iv: Interview) -> HouseholdStatus {
        let c = iv.completeness
        return c.answered == c.required && (try? iv.checkCompletable()) != nil ? .complete : .inProgress
    }
}
