import Foundation
import GRDB
import Survey

/// The JSON interchange file: whole households with their rows, answers, audit trail, reasons,
/// review and comments, exactly as stored. Format documented in `docs/json-format.md`.
public struct HouseholdExport: Codable, Equatable, Sendable {
    public var format: String
    public var formatVersion: Int
    public var questionnaireID: String
    public var questionnaireVersion: String
    public var households: [HouseholdDocument]

    public static let formatName = "hufang-households"

    /// An interchange file as `exportJSON` makes it: format version 1, the questionnaire of its first household.
    public init(households: [HouseholdDocument]) {
        self.init(format: Self.formatName, formatVersion: 1, questionnaireID: households.first?.household.questionnaireID ?? "",
                  questionnaireVersion: households.first?.household.questionnaireVersion ?? "", households: households)
    }

    init(format: String, formatVersion: Int, questionnaireID: String, questionnaireVersion: String, households: [HouseholdDocument]) {
        self.format = format; self.formatVersion = formatVersion; self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion; self.households = households
    }
}

/// One household and everything stored about it.
public struct HouseholdDocument: Codable, Equatable, Sendable {
    public var household: HouseholdRecord
    public var rows: [RosterRowRecord]
    public var answers: [AnswerRecord]
    public var audit: [AuditRecord]
    public var overrides: [OverrideRecord]
    public var review: ReviewRecord?
    public var comments: [CommentRecord]
    /// A later year's round: the round it was started from, and the rows it carried over. Both absent for a first
    /// round, so a file without rounds reads and writes as before.
    public var round: RoundRecord?
    public var carriedRows: [CarriedRowRecord]?

    /// A household and its records, each list in the order `exportJSON` gives it.
    public init(household: HouseholdRecord, rows: [RosterRowRecord], answers: [AnswerRecord], audit: [AuditRecord],
                overrides: [OverrideRecord], review: ReviewRecord?, comments: [CommentRecord], round: RoundRecord? = nil,
                carriedRows: [CarriedRowRecord]? = nil) {
        self.household = household; self.rows = rows; self.answers = answers; self.audit = audit; self.overrides = overrides
        self.review = review; self.comments = comments; self.round = round; self.carriedRows = carriedRows
    }
}

/// Why an import file was refused: which record and which field. Nothing was changed.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A path such as `households[3].answers[12].value`.
    public var path: String
    public var problem: Problem
    public var description: String { "\(path): \(problem.text(.en))" }

    /// What is wrong at the path, with the values that show it.
    public enum Problem: Equatable, Sendable, PhraseValue {
        case invalidUTF8(line: Int, column: Int, offset: Int)
        case notJSON(String)
        case notHouseholdFile(found: String)
        case unsupportedVersion(Int)
        case householdTwice(String)
        case notItsHousehold(String)
        case noSuchRow(String)
        case appearsTwice(String)
        case householdInStore(String)
        case recordInStore
        case missing
        case wrongType(expected: String)
        case null(expected: String)
        case damaged(String)
        case row(RowProblem)
        /// A record the store's own coding could not read (the coder's words).
        case unreadable(String)
        /// A household of a questionnaire version the store cannot migrate from, or whose answers cannot all migrate.
        case questionnaireVersion(theirs: String, ours: String, migratesFrom: String?)
        case cannotMigrate(StoreError)

        public func text(_ lang: Language) -> String {
            switch self {
            case .invalidUTF8(let l, let c, let o): return Phrase.importInvalidUTF8.text(lang, l, c, o)
            case .notJSON(let why): return Phrase.importNotJSON.text(lang, why)
            case .notHouseholdFile(let found): return Phrase.importNotHouseholdFile.text(lang, HouseholdExport.formatName, RowProblem.shown(found))
            case .unsupportedVersion(let v): return Phrase.importUnsupportedVersion.text(lang, v)
            case .householdTwice(let h): return Phrase.importHouseholdTwice.text(lang, h)
            case .notItsHousehold(let h): return Phrase.importNotItsHousehold.text(lang, RowProblem.shown(h))
            case .noSuchRow(let r): return Phrase.importNoSuchRow.text(lang, RowProblem.shown(r))
            case .appearsTwice(let k): return Phrase.importAppearsTwice.text(lang, RowProblem.shown(k))
            case .householdInStore(let h): return Phrase.importHouseholdInStore.text(lang, h)
            case .questionnaireVersion(let theirs, let ours, let from): return Phrase.bundleQuestionnaireVersion.text(lang, theirs, ours, from ?? "—")
            case .cannotMigrate(let why): return why.message(lang)
            case .recordInStore: return Phrase.importRecordInStore.text(lang)
            case .missing: return Phrase.importMissing.text(lang)
            case .wrongType(let t): return Phrase.importWrongType.text(lang, t)
            case .null(let t): return Phrase.importNull.text(lang, t)
            case .damaged(let why): return Phrase.importDamaged.text(lang, why)
            case .row(let p): return Phrase.importRowProblem.text(lang, p.message(.zh), p.message(.en))
            case .unreadable(let why): return why
            }
        }
    }

    /// The message in the user's language.
    public func message(_ lang: Language) -> String {
        Phrase.importRefusedNothingChanged.text(lang, path, problem)
    }
}

extension HouseholdStore {
    /// Everything about the given households (all when nil), in a stable order.
    public func exportJSON(households ids: [UUID]? = nil) throws(StoreError) -> HouseholdExport {
        let docs: [HouseholdDocument] = try read { db in
            var req = HouseholdRecord.all().order(HouseholdRecord.Columns.villageCode, HouseholdRecord.Columns.householdNo, HouseholdRecord.Columns.id)
            if let ids { req = req.filter(ids.map { $0.uuidString.lowercased() }.contains(HouseholdRecord.Columns.id)) }
            return try req.fetchAll(db).map { h in
                return HouseholdDocument(
                    household: h,
                    rows: try RosterRowRecord.filter(RosterRowRecord.Columns.householdID == h.id).order(RosterRowRecord.Columns.roster, RosterRowRecord.Columns.ord, RosterRowRecord.Columns.id).fetchAll(db),
                    answers: try AnswerRecord.filter(AnswerRecord.Columns.householdID == h.id).order(AnswerRecord.Columns.rowID, AnswerRecord.Columns.question).fetchAll(db),
                    audit: try AuditRecord.filter(AuditRecord.Columns.householdID == h.id).order(AuditRecord.Columns.clock, AuditRecord.Columns.id).fetchAll(db),
                    overrides: try OverrideRecord.filter(OverrideRecord.Columns.householdID == h.id).order(OverrideRecord.Columns.rowID, OverrideRecord.Columns.checkID).fetchAll(db),
                    review: try ReviewRecord.fetchOne(db, key: h.id),
                    comments: try CommentRecord.filter(CommentRecord.Columns.householdID == h.id).order(CommentRecord.Columns.at, CommentRecord.Columns.id).fetchAll(db),
                    round: try RoundRecord.fetchOne(db, key: h.id),
                    carriedRows: try Self.carriedRows(of: h.id, db))
            }
        }
        let first = docs.first?.household
        return HouseholdExport(format: HouseholdExport.formatName, formatVersion: 1, questionnaireID: first?.questionnaireID ?? "",
                               questionnaireVersion: first?.questionnaireVersion ?? "", households: docs)
    }

    /// The rows a round carried over, in row-id order; nil for a household that carried none (a file without rounds stays as it was).
    static func carriedRows(of hid: String, _ db: Database) throws -> [CarriedRowRecord]? {
        let rows = try CarriedRowRecord.filter(CarriedRowRecord.Columns.householdID == hid).order(CarriedRowRecord.Columns.rowID).fetchAll(db)
        return rows.isEmpty ? nil : rows
    }

    /// The export as pretty, key-sorted UTF-8 JSON (stable for diffs).
    public static func encode(_ export: HouseholdExport) -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(export)) ?? Data()
    }

    /// Reads an interchange file, checking every record before anything is written: the same `RowRules` as
    /// a bundle's rows, and that every record names the household it is filed under.
    public static func decodeExport(_ data: Data, questionnaire: Questionnaire?) throws(ImportError) -> HouseholdExport {
        if let bad = Self.firstInvalidUTF8(data) {
            throw ImportError(path: "(file)", problem: .invalidUTF8(line: bad.line, column: bad.column, offset: bad.offset))
        }
        let export: HouseholdExport
        do { export = try JSONDecoder().decode(HouseholdExport.self, from: data) } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw ImportError(path: "(file)", problem: .notJSON(error.localizedDescription))
        }
        guard export.format == HouseholdExport.formatName else {
            throw ImportError(path: "format", problem: .notHouseholdFile(found: export.format))
        }
        guard export.formatVersion == 1 else { throw ImportError(path: "formatVersion", problem: .unsupportedVersion(export.formatVersion)) }
        let rules = RowRules(questionnaire: questionnaire), previousRules = RowRules(questionnaire: questionnaire, previousVersion: true)
        var households: Set<String> = [], rowIDs: Set<String> = [], auditIDs: Set<String> = [], commentIDs: Set<String> = []
        for (i, doc) in export.households.enumerated() {
            let at = "households[\(i)]"
            let rules = try Self.rules(for: doc.household, questionnaire, current: rules, previous: previousRules, at: at)
            try Self.check(rules, .household, doc.household, at: "\(at).household")
            let hid = doc.household.id
            guard households.insert(hid).inserted else { throw ImportError(path: "\(at).household.id", problem: .householdTwice(hid)) }
            var householdRows: Set<String> = []
            /// A record filed under this household must name it, and a row of it where it names one.
            func owned(_ path: String, _ householdID: String, rowID: RowID? = nil) throws(ImportError) {
                guard householdID == hid else {
                    throw ImportError(path: "\(path).householdID", problem: .notItsHousehold(householdID))
                }
                if let rowID, !householdRows.contains(RowID.stored(rowID)) {
                    throw ImportError(path: "\(path).rowID", problem: .noSuchRow(RowID.stored(rowID)))
                }
            }
            func once(_ path: String, _ key: String, in seen: inout Set<String>) throws(ImportError) {
                guard seen.insert(key).inserted else { throw ImportError(path: path, problem: .appearsTwice(key)) }
            }
            for (j, r) in doc.rows.enumerated() {
                try owned("\(at).rows[\(j)]", r.householdID)
                try Self.check(rules, .rosterRow, r, at: "\(at).rows[\(j)]")
                try once("\(at).rows[\(j)].id", r.id, in: &rowIDs)
                householdRows.insert(r.id)
            }
            var answerKeys: Set<String> = []
            for (j, a) in doc.answers.enumerated() {
                try owned("\(at).answers[\(j)]", a.householdID, rowID: a.rowID)
                try Self.check(rules, .answer, a, at: "\(at).answers[\(j)]")
                try once("\(at).answers[\(j)]", RowID.stored(a.rowID) + "/" + a.question, in: &answerKeys)
            }
            for (j, x) in doc.audit.enumerated() {
                try owned("\(at).audit[\(j)]", x.householdID, rowID: x.rowID)
                try Self.check(rules, .audit, x, at: "\(at).audit[\(j)]")
                try once("\(at).audit[\(j)].id", x.id, in: &auditIDs)
            }
            var overrideKeys: Set<String> = []
            for (j, o) in doc.overrides.enumerated() {
                try owned("\(at).overrides[\(j)]", o.householdID, rowID: o.rowID)
                try Self.check(rules, .override, o, at: "\(at).overrides[\(j)]")
                try once("\(at).overrides[\(j)]", RowID.stored(o.rowID) + "/" + o.checkID, in: &overrideKeys)
            }
            if let review = doc.review {
                try owned("\(at).review", review.householdID)
                try Self.check(rules, .review, review, at: "\(at).review")
            }
            for (j, c) in doc.comments.enumerated() {
                try owned("\(at).comments[\(j)]", c.householdID, rowID: c.rowID)
                try Self.check(rules, .comment, c, at: "\(at).comments[\(j)]")
                try once("\(at).comments[\(j)].id", c.id, in: &commentIDs)
            }
            if let round = doc.round {
                try owned("\(at).round", round.householdID)
                try Self.check(rules, .round, round, at: "\(at).round")
            }
            var carried: Set<String> = []
            for (j, c) in (doc.carriedRows ?? []).enumerated() {
                try owned("\(at).carriedRows[\(j)]", c.householdID, rowID: UUID(uuidString: c.rowID))
                try Self.check(rules, .carriedRow, c, at: "\(at).carriedRows[\(j)]")
                try once("\(at).carriedRows[\(j)].rowID", c.rowID, in: &carried)
            }
        }
        return export
    }

    /// `rules` on one record, the problem placed at `path.column`.
    private static func check(_ rules: RowRules, _ table: TravellingTable, _ record: some EncodableRecord, at path: String) throws(ImportError) {
        let row: [String: Cell]
        do { row = try Cell.row(record) } catch { throw ImportError(path: path, problem: .unreadable("\(error)")) }
        if let p = rules.checkComplete(table, row) {
            throw ImportError(path: "\(path).\(p.column)", problem: .row(p))
        }
    }

    /// Where the first byte that is not UTF-8 is: its offset and its line and column (1-based).
    static func firstInvalidUTF8(_ data: Data) -> (offset: Int, line: Int, column: Int)? {
        data.withUnsafeBytes { raw -> (Int, Int, Int)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var offset = 0, line = 1, column = 1
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded):
                    offset += encoded.count
                    if encoded.count == 1 && encoded.first == 0x0A { line += 1; column = 1 } else { column += 1 }
                case .emptyInput: return nil
                case .error(let length):
                    _ = length
                    return (offset, line, column)
                }
            }
        }
    }

    /// Imports an interchange file in one transaction: every household or none. A household already in
    /// the store is refused (sync between stores goes through bundles), and so is a record whose id another
    /// household of the store already has. `restamped`: stored as this device's own new writes — every time
    /// now, every clock this store's, every audit line a new id — so its bundles carry them (the sample village).
    public func importJSON(_ data: Data, questionnaire: Questionnaire?, restamped: Bool = false) throws -> Int {
        try importDocuments(try Self.decodeExport(data, questionnaire: questionnaire).households, restamped: restamped, migratingInto: questionnaire)
    }

    /// The rules a household's records are checked by: its questionnaire version's, when this store can migrate from it.
    static func rules(for h: HouseholdRecord, _ q: Questionnaire?, current: RowRules, previous: RowRules, at: String) throws(ImportError) -> RowRules {
        guard let q, h.questionnaireVersion != q.version else { return current }
        if h.questionnaireVersion == q.migration?.from { return previous }
        throw ImportError(path: "\(at).household.questionnaireVersion",
                          problem: .questionnaireVersion(theirs: h.questionnaireVersion, ours: q.version, migratesFrom: q.migration?.from))
    }

    /// Imports households already decoded (and checked) from an interchange file, as `importJSON` does: in one
    /// transaction, every household or none.
    ///
    /// Households of the version `migratingInto` migrates from are migrated in the same transaction.
    public func importDocuments(_ households: [HouseholdDocument], restamped: Bool = false, migratingInto: Questionnaire? = nil) throws -> Int {
        do {
            try capturedWrite { db in
                for (i, file) in households.enumerated() {
                    let doc = restamped ? file.restamped(at: Self.timestamp(), clock: try tick(db)) : file
                    let at = "households[\(i)]"
                    if try HouseholdRecord.exists(db, key: doc.household.id) {
                        throw ImportError(path: "\(at).household.id", problem: .householdInStore(doc.household.id))
                    }
                    /// An insert whose key the store already holds names its record instead of failing the store.
                    func insert(_ record: some PersistableRecord, _ path: String) throws {
                        do { try record.insert(db) } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                            throw ImportError(path: path, problem: .recordInStore)
                        }
                    }
                    try insert(doc.household, "\(at).household")
                    for (j, r) in doc.rows.enumerated() { try insert(r, "\(at).rows[\(j)]") }
                    for (j, a) in doc.answers.enumerated() { try insert(a, "\(at).answers[\(j)]") }
                    for (j, x) in doc.audit.enumerated() { try insert(x, "\(at).audit[\(j)]") }
                    for (j, o) in doc.overrides.enumerated() { try insert(o, "\(at).overrides[\(j)]") }
                    if let review = doc.review { try insert(review, "\(at).review") }
                    for (j, c) in doc.comments.enumerated() { try insert(c, "\(at).comments[\(j)]") }
                    if let round = doc.round { try insert(round, "\(at).round") }
                    for (j, c) in (doc.carriedRows ?? []).enumerated() { try insert(c, "\(at).carriedRows[\(j)]") }
                    if let q = migratingInto, doc.household.questionnaireVersion != q.version {
                        let me = try String.fetchOne(db, sql: "SELECT name FROM device WHERE isSelf") ?? ""
                        do { try migrate(doc.household.id, only: nil, q, who: me, keepsClocks: false, db) } catch let e as StoreError {
                            throw ImportError(path: "\(at).answers", problem: .cannotMigrate(e))
                        }
                    }
                }
            }
        } catch let e as ImportError { throw e } catch { throw StoreError.from(error, path: path) }
        return households.count
    }

    static func describe(_ error: DecodingError) -> ImportError {
        func path(_ c: [any CodingKey]) -> String {
            c.reduce("") { acc, k in
                if let i = k.intValue { return acc + "[\(i)]" }
                return acc.isEmpty ? k.stringValue : acc + "." + k.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let p = path(ctx.codingPath)
            return ImportError(path: p.isEmpty ? key.stringValue : p + "." + key.stringValue, problem: .missing)
        case .typeMismatch(let type, let ctx):
            return ImportError(path: path(ctx.codingPath), problem: .wrongType(expected: "\(type)"))
        case .valueNotFound(let type, let ctx):
            return ImportError(path: path(ctx.codingPath), problem: .null(expected: "\(type)"))
        case .dataCorrupted(let ctx):
            return ImportError(path: path(ctx.codingPath).isEmpty ? "(file)" : path(ctx.codingPath),
                               problem: .damaged(ctx.debugDescription))
        @unknown default:
            return ImportError(path: "(file)", problem: .unreadable("\(error)"))
        }
    }
}

extension ValueCoding {
    /// The type tag answers of a question are stored with.
    public static func typeTag(of type: FieldType) -> String {
        switch type {
        case .text, .idNumber: return "text"
        case .integer, .decimal: return "number"
        case .code: return "code"
        case .codes: return "codes"
        case .yesno: return "bool"
        case .date: return "date"
        }
    }
}
