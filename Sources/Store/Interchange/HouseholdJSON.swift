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
}

/// Why an import file was refused: which record and which field. Nothing was changed.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A path such as `households[3].answers[12].value`.
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }

    /// The message in the user's language.
    public func message(_ lang: Language) -> String {
        lang == .zh ? "导入失败，未做任何修改。位置 \(path)：\(problem)" : "Import refused, nothing changed. At \(path): \(problem)"
    }
}

extension HouseholdStore {
    /// Everything about the given households (all when nil), in a stable order.
    public func exportJSON(households ids: [UUID]? = nil) throws(StoreError) -> HouseholdExport {
        let docs: [HouseholdDocument] = try read { db in
            var req = HouseholdRecord.all().order(Column("villageCode"), Column("householdNo"), Column("id"))
            if let ids { req = req.filter(ids.map { $0.uuidString.lowercased() }.contains(Column("id"))) }
            return try req.fetchAll(db).map { h in
                let byHousehold = Column("householdID") == h.id
                return HouseholdDocument(
                    household: h,
                    rows: try RosterRowRecord.filter(byHousehold).order(Column("roster"), Column("ord"), Column("id")).fetchAll(db),
                    answers: try AnswerRecord.filter(byHousehold).order(Column("rowID"), Column("question")).fetchAll(db),
                    audit: try AuditRecord.filter(byHousehold).order(Column("clock"), Column("id")).fetchAll(db),
                    overrides: try OverrideRecord.filter(byHousehold).order(Column("rowID"), Column("checkID")).fetchAll(db),
                    review: try ReviewRecord.fetchOne(db, key: h.id),
                    comments: try CommentRecord.filter(byHousehold).order(Column("at"), Column("id")).fetchAll(db))
            }
        }
        let first = docs.first?.household
        return HouseholdExport(format: HouseholdExport.formatName, formatVersion: 1, questionnaireID: first?.questionnaireID ?? "",
                               questionnaireVersion: first?.questionnaireVersion ?? "", households: docs)
    }

    /// The export as pretty, key-sorted UTF-8 JSON (stable for diffs).
    public static func encode(_ export: HouseholdExport) -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(export)) ?? Data()
    }

    /// Reads an interchange file, checking every record before anything is written.
    public static func decodeExport(_ data: Data, questionnaire: Questionnaire?) throws(ImportError) -> HouseholdExport {
        let export: HouseholdExport
        do { export = try JSONDecoder().decode(HouseholdExport.self, from: data) } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw ImportError(path: "(file)", problem: "不是有效的JSON (not valid JSON): \(error.localizedDescription)")
        }
        guard export.format == HouseholdExport.formatName else {
            throw ImportError(path: "format", problem: "应为 \(HouseholdExport.formatName)，实为 \(export.format) (not a hufang household file)")
        }
        guard export.formatVersion == 1 else { throw ImportError(path: "formatVersion", problem: "不支持的版本 \(export.formatVersion) (unsupported version)") }
        var seen: Set<String> = []
        for (i, doc) in export.households.enumerated() {
            let at = "households[\(i)]"
            let hid = doc.household.id
            guard UUID(uuidString: hid) != nil else { throw ImportError(path: "\(at).household.id", problem: "不是UUID (not a UUID): \(hid)") }
            guard seen.insert(hid).inserted else { throw ImportError(path: "\(at).household.id", problem: "同一户出现两次 (household appears twice): \(hid)") }
            guard Day(iso: doc.household.referenceDay) != nil else {
                throw ImportError(path: "\(at).household.referenceDay", problem: "日期格式应为YYYY-MM-DD (expected YYYY-MM-DD)")
            }
            var rowIDs: Set<String> = [""]
            for (j, r) in doc.rows.enumerated() {
                guard r.householdID == hid else { throw ImportError(path: "\(at).rows[\(j)].householdID", problem: "与所属户不符 (does not match its household)") }
                guard UUID(uuidString: r.id) != nil else { throw ImportError(path: "\(at).rows[\(j)].id", problem: "不是UUID (not a UUID)") }
                if let q = questionnaire, q.roster(r.roster) == nil {
                    throw ImportError(path: "\(at).rows[\(j)].roster", problem: "问卷中没有名册 \(r.roster) (no such roster)")
                }
                rowIDs.insert(r.id)
            }
            for (j, a) in doc.answers.enumerated() {
                let ap = "\(at).answers[\(j)]"
                guard a.householdID == hid else { throw ImportError(path: "\(ap).householdID", problem: "与所属户不符 (does not match its household)") }
                guard rowIDs.contains(a.rowID) else { throw ImportError(path: "\(ap).rowID", problem: "该户没有这一行 (no such row in this household): \(a.rowID)") }
                guard let value = ValueCoding.decode(type: a.type, text: a.value) else {
                    throw ImportError(path: "\(ap).value", problem: "“\(a.value)”不是有效的\(a.type)值 (not a valid \(a.type) value)")
                }
                if let q = questionnaire {
                    guard let question = q.question(a.question) else {
                        throw ImportError(path: "\(ap).question", problem: "问卷中没有问题 \(a.question) (no such question)")
                    }
                    guard question.isInput else { throw ImportError(path: "\(ap).question", problem: "\(a.question)是计算项，不能导入 (calculated)") }
                    let expected = ValueCoding.typeTag(of: question.type)
                    guard a.type == expected || (expected == "code" && a.type == "number" && value.number != nil) else {
                        throw ImportError(path: "\(ap).type", problem: "\(a.question)应为\(expected)，实为\(a.type) (expected \(expected))")
                    }
                }
            }
            for (j, x) in doc.audit.enumerated() where x.householdID != hid {
                throw ImportError(path: "\(at).audit[\(j)].householdID", problem: "与所属户不符 (does not match its household)")
            }
            for (j, o) in doc.overrides.enumerated() where o.householdID != hid || !rowIDs.contains(o.rowID) {
                throw ImportError(path: "\(at).overrides[\(j)]", problem: "不属于该户 (does not belong to this household)")
            }
        }
        return export
    }

    /// Imports an interchange file in one transaction: every household or none. A household already in
    /// the store is refused (sync between stores goes through bundles).
    public func importJSON(_ data: Data, questionnaire: Questionnaire?) throws -> Int {
        let export = try Self.decodeExport(data, questionnaire: questionnaire)
        do {
            try capturedWrite { db in
                for (i, doc) in export.households.enumerated() {
                    if try HouseholdRecord.exists(db, key: doc.household.id) {
                        throw ImportError(path: "households[\(i)].household.id", problem: "本库已有这一户 (already in this store): \(doc.household.id)")
                    }
                    try doc.household.insert(db)
                    for r in doc.rows { try r.insert(db) }
                    for a in doc.answers { try a.insert(db) }
                    for x in doc.audit { try x.insert(db) }
                    for o in doc.overrides { try o.insert(db) }
                    try doc.review?.insert(db)
                    for c in doc.comments { try c.insert(db) }
                }
            }
        } catch let e as ImportError { throw e } catch { throw StoreError.from(error, path: path) }
        return export.households.count
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
            return ImportError(path: p.isEmpty ? key.stringValue : p + "." + key.stringValue, problem: "缺少此项 (missing)")
        case .typeMismatch(let type, let ctx):
            return ImportError(path: path(ctx.codingPath), problem: "类型不对，应为\(type) (wrong type, expected \(type))")
        case .valueNotFound(let type, let ctx):
            return ImportError(path: path(ctx.codingPath), problem: "值为空，应为\(type) (null, expected \(type))")
        case .dataCorrupted(let ctx):
            return ImportError(path: path(ctx.codingPath).isEmpty ? "(file)" : path(ctx.codingPath),
                               problem: "文件损坏或不是JSON (damaged or not JSON): \(ctx.debugDescription)")
        @unknown default:
            return ImportError(path: "(file)", problem: "\(error)")
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
