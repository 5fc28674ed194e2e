import Foundation
import Survey

/// The text encoding of CSV files: UTF-8 with a byte-order mark (Excel and WPS then read Chinese
/// correctly), or GB18030 for older Excel on Chinese Windows.
public enum CSVEncoding: String, CaseIterable, Sendable {
    case utf8BOM = "utf8-bom"
    case gb18030

    /// The file's bytes for `text`.
    public func encode(_ text: String) throws -> Data {
        switch self {
        case .utf8BOM: return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case .gb18030: return try Iconv.convert(Data(text.utf8), from: "UTF-8", to: "GB18030")
        }
    }
}

/// Conversion between encodings with the C library's iconv (glibc knows GB18030).
public enum Iconv {
    /// Why a conversion failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `data` in encoding `to`.
    public static func convert(_ data: Data, from: String, to: String) throws -> Data {
        let cd = iconv_open(to, from)
        guard cd != iconv_t(bitPattern: -1) else { throw Failure(description: "iconv cannot convert \(from) to \(to)") }
        defer { iconv_close(cd) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in input.withUnsafeMutableBytes { $0.copyMemory(from: raw) } }
        // GB18030 takes at most 4 bytes per character, UTF-8 at most 4: never more than 4× the input.
        var output = [CChar](repeating: 0, count: data.count * 4 + 16)
        let written: Int = try input.withUnsafeMutableBufferPointer { inBuf in
            try output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var inLeft = inBuf.count, outLeft = outBuf.count
                guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else {
                    throw Failure(description: "iconv: \(String(cString: strerror(errno))) after \(inBuf.count - inLeft) bytes")
                }
                return outBuf.count - outLeft
            }
        }
        return output.withUnsafeBytes { Data($0.prefix(written)) }
    }
}

/// One CSV per section of the questionnaire: household sections one row per household, member (and
/// crop) sections one row per member. Headers and code labels are Chinese (or English with `lang`),
/// so the file reads as the paper form does; answers that no longer apply are left out.
public enum SectionCSV {
    /// A file written: its name, and how many data rows it holds.
    public struct Written: Equatable, Sendable {
        public var fileName: String
        public var rows: Int
    }

    /// Writes the CSV files of every household in the store (of one village when given) into `directory`.
    public static func export(_ store: HouseholdStore, questionnaire q: Questionnaire, to directory: String, encoding: CSVEncoding,
                              lang: Language = .zh, village: String? = nil, progress: (Int, Int) -> Void = { _, _ in }) throws -> [Written] {
        let records = try store.households(village: village, limit: Int.max)
        let writer = try Writer(directory: directory, questionnaire: q, encoding: encoding, lang: lang)
        for (i, record) in records.enumerated() {
            guard let id = UUID(uuidString: record.id) else { continue }
            try writer.append(record, try store.interview(id, questionnaire: q))
            progress(i + 1, records.count)
        }
        return try writer.finish()
    }

    /// The section files written one household at a time, so an export of any size holds one household in
    /// memory: each file grows under a `.partial` name and takes its own name at `finish()`, never half-written.
    public final class Writer {
        let questionnaire: Questionnaire
        let encoding: CSVEncoding
        let lang: Language
        let directory: String
        /// Per section: its file name, the open file, and its data rows so far.
        var files: [(name: String, handle: FileHandle, rows: Int)] = []

        /// Creates `directory` and every section's file with its header line.
        public init(directory: String, questionnaire q: Questionnaire, encoding: CSVEncoding, lang: Language = .zh) throws {
            self.questionnaire = q; self.encoding = encoding; self.lang = lang; self.directory = directory
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for section in q.sections {
                let name = (section.file as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") + ".csv"
                let path = partialPath(name)
                guard FileManager.default.createFile(atPath: path, contents: try encoding.encode(SectionCSV.line(SectionCSV.header(section, q, lang)))),
                      let handle = FileHandle(forWritingAtPath: path) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                }
                try handle.seekToEnd()
                files.append((name, handle, 0))
            }
        }

        /// An export that stopped before `finish()` leaves no half-written file behind.
        deinit {
            for f in files {
                try? f.handle.close()
                try? FileManager.default.removeItem(atPath: partialPath(f.name))
            }
        }

        func partialPath(_ name: String) -> String { (directory as NSString).appendingPathComponent(name + ".partial") }

        /// Appends one household's lines to every section's file.
        public func append(_ record: HouseholdRecord, _ iv: Interview) throws {
            let q = questionnaire
            for section in q.sections {
                let rows: [RowID?] = section.roster.map { iv.rowIDs(of: $0).map(Optional.some) } ?? [nil]
                var text = ""
                for (n, row) in rows.enumerated() {
                    var cells = [record.id, record.villageCode, record.householdNo, record.headName, record.status.label(lang)]
                    if let roster = section.roster {
                        let nameField = q.rosters[roster].rowLabelField
                        cells += [String(n + 1), nameField.map { iv.display(q.questions[$0].id, row: row, lang) } ?? ""]
                    }
                    cells += section.questions.map { iv.display(q.questions[$0].id, row: row, lang) }
                    text += SectionCSV.line(cells)
                }
                guard !text.isEmpty else { continue }
                // The byte-order mark only heads the file, and GB18030 is stateless: each household's lines encode alone.
                let bytes = encoding == .utf8BOM ? Data(text.utf8) : try encoding.encode(text)
                try files[section.index].handle.write(contentsOf: bytes)
                files[section.index].rows += rows.count
            }
        }

        /// Closes every file and gives each its name; what was written.
        public func finish() throws -> [Written] {
            var written: [Written] = []
            for f in files {
                try f.handle.synchronize()
                try f.handle.close()
                let target = (directory as NSString).appendingPathComponent(f.name)
                _ = try? FileManager.default.removeItem(atPath: target)
                try FileManager.default.moveItem(atPath: partialPath(f.name), toPath: target)
                written.append(Written(fileName: f.name, rows: f.rows))
            }
            files = []
            return written
        }
    }

    static func header(_ section: Section, _ q: Questionnaire, _ lang: Language) -> [String] {
        var cells = [Phrase.csvHouseholdID, .csvVillageCode, .csvHouseholdNo, .csvHead, .csvStatus].map { $0.text(lang) }
        if section.roster != nil { cells += [Phrase.csvRowNo, .csvName].map { $0.text(lang) } }
        return cells + section.questions.map { i in
            let question = q.questions[i]
            return question.label.text(lang) + (question.unit.map { "（\($0.text(lang))）" } ?? "")
        }
    }

    /// One CSV line (RFC 4180, CRLF). A text cell that a spreadsheet would run as a formula gets a
    /// leading apostrophe, as Excel itself writes it.
    static func line(_ cells: [String]) -> String {
        cells.map { cell in
            var c = cell
            if let first = c.first, "=+@\t\r".contains(first) || (first == "-" && Double(c) == nil) { c = "'" + c }
            return c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
        }.joined(separator: ",") + "\r\n"
    }
}
