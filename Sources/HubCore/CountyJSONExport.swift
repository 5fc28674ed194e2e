import Foundation
import Store

/// The JSON interchange file of a county's households, written as the cursor reads them: byte for byte the
/// file a laptop's `export json` writes of the same households (pretty, key-sorted), never all in memory.
public enum CountyJSONExport {
    /// Writes the county's (or one village's) households to `output`; returns how many. `progress` hears
    /// (written, total) after each batch.
    @discardableResult
    public static func write(_ reader: CountyHouseholdReader, county: String, village: String? = nil, to output: FileHandle,
                             progress: (Int, Int) -> Void = { _, _ in }) async throws -> Int {
        let total = try await reader.count(county: county, village: village)
        guard total > 0 else {
            try output.write(contentsOf: HouseholdStore.encode(HouseholdExport.make(format: HouseholdExport.formatName, formatVersion: 1,
                                                                               questionnaireID: "", questionnaireVersion: "", households: [])))
            return 0
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The keys in sorted order: the households come before the questionnaire their first one names.
        try output.write(contentsOf: Data("{\n  \"format\" : \(try text(HouseholdExport.formatName, encoder)),\n  \"formatVersion\" : 1,\n  \"households\" : [\n".utf8))
        var written = 0
        var first: HouseholdRecord?
        try await reader.forEachBatch(county: county, village: village, records: .whole) { batch in
            var chunk = Data()
            for doc in batch {
                if first == nil { first = doc.household } else { chunk.append(contentsOf: Array(",\n".utf8)) }
                // One level deeper than a document alone: inside the file's object and its array. The blank line
                // the encoder puts inside an empty array or object stays blank, as in the laptop's file.
                let lines = String(decoding: try encoder.encode(doc), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                chunk.append(Data(lines.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n").utf8))
            }
            try output.write(contentsOf: chunk)
            written += batch.count
            progress(written, total)
        }
        try output.write(contentsOf: Data("\n  ],\n  \"questionnaireID\" : \(try text(first?.questionnaireID ?? "", encoder)),\n  \"questionnaireVersion\" : \(try text(first?.questionnaireVersion ?? "", encoder))\n}".utf8))
        return written
    }

    static func text(_ s: String, _ encoder: JSONEncoder) throws -> String { String(decoding: try encoder.encode(s), as: UTF8.self) }
}
