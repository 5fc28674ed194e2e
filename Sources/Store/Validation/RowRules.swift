import Foundation
import GRDB
import Survey

/// The tables whose rows travel between stores (in bundles and JSON files). Everything else — outbox,
/// bundles, conflict queue, devices, settings, migrations — is a store's own and never arrives from outside.
enum TravellingTable: String, CaseIterable, Sendable {
    case household, rosterRow, answer, audit, override, review, comment, resolution, procedure, procedureStep, round, carriedRow
}

/// The one set of rules every row entering a store from outside must satisfy, shared by bundle import and
/// JSON import so the two cannot drift: storage types, UUIDs, bounded text, times and dates, the status
/// and kind vocabularies, and — with a questionnaire — known questions, rosters and checks, each value of
/// its question's type in the exact form hufang writes it, codes from the question's list.
struct RowRules: Sendable {
    let questionnaire: Questionnaire?
    /// Answers are of the version the questionnaire migrates from: checked against that version's questions,
    /// types and codes as its migration describes them.
    var previousVersion = false

    /// Bounds on text that no question defines: people's names, reasons and comments, stored copies of values.
    enum Limit {
        static let person = 100
        static let identifier = 200
        static let reason = 2_000
        /// A stored copy of an answer (audit lines, listing fields, resolutions): any answer fits.
        static let value = 10_016
        static let count: ClosedRange<Int64> = 0...1_000_000
        static let code: ClosedRange<Int64> = -1_000_000...1_000_000
    }

    static let statuses = HouseholdStatus.allCases.map(\.rawValue)
    static let reviewStates = ReviewDecision.allCases.map(\.rawValue)
    static let auditKinds = AuditKind.allCases.map(\.rawValue)
    static let resolutionKinds = ConflictKind.allCases.map(\.rawValue)
    static let valueTypes = ["number", "text", "bool", "code", "codes", "date"]
    static let outcomes = ProcedureOutcome.allCases.map(\.rawValue)
    static let procedureStates = ProcedureState.allCases.map(\.rawValue)
    static let stepKinds = ProcedureStepKind.allCases.map(\.rawValue)
    static let stepResults = ProcedureStepResult.allCases.map(\.rawValue)

    /// What a column may hold.
    enum Rule {
        case uuid, rowID, timestamp, optionalTimestamp, clock, bool
        case text(Int), optionalText(Int)
        case day, optionalDay
        case count, optionalCode, optionalNumber
        /// A survey year (2000–2100) and a step's number (1 or 2).
        case year, stepNumber
        case vocabulary([String])
        case roster, question, questionOrHousehold, check
        case supersedes
    }

    /// The columns of each travelling table and their rules (every column of the schema is listed).
    static let columns: [TravellingTable: [(String, Rule)]] = [
        .household: [("id", .uuid), ("villageCode", .text(Limit.value)), ("groupName", .text(Limit.value)), ("householdNo", .text(Limit.value)),
                     ("headName", .text(Limit.value)), ("headIDNumber", .text(Limit.value)), ("questionnaireID", .text(Limit.identifier)),
                     ("questionnaireVersion", .text(Limit.identifier)), ("referenceDay", .day), ("status", .vocabulary(statuses)),
                     ("enumerator", .text(Limit.person)), ("answered", .count), ("required", .count), ("hardErrors", .count),
                     ("softOpen", .count), ("position", .optionalText(Limit.identifier * 2)), ("createdAt", .timestamp),
                     ("updatedAt", .timestamp), ("householdType", .optionalCode), ("mainCause", .optionalCode),
                     ("interviewDate", .optionalDay), ("perCapitaIncome", .optionalNumber), ("incomeLine", .optionalNumber),
                     ("unmetGuarantees", .optionalText(Limit.identifier * 5))],
        .rosterRow: [("id", .uuid), ("householdID", .uuid), ("roster", .roster), ("ord", .count), ("removed", .bool),
                     ("removedBy", .optionalText(Limit.person)), ("removedAt", .optionalText(Limit.identifier)),
                     ("removedReason", .optionalText(Limit.reason))],
        .answer: [("householdID", .uuid), ("rowID", .rowID), ("question", .question), ("type", .vocabulary(valueTypes)),
                  ("value", .text(Limit.value)), ("who", .text(Limit.person)), ("at", .timestamp), ("clock", .clock)],
        .audit: [("id", .uuid), ("householdID", .uuid), ("rowID", .rowID), ("subject", .text(Limit.identifier)),
                 ("kind", .vocabulary(auditKinds)), ("oldValue", .optionalText(Limit.value)), ("newValue", .optionalText(Limit.value)),
                 ("reason", .optionalText(Limit.reason)), ("who", .text(Limit.person)), ("at", .timestamp), ("clock", .clock)],
        .override: [("householdID", .uuid), ("rowID", .rowID), ("checkID", .check), ("reason", .text(Limit.reason)),
                    ("who", .text(Limit.person)), ("at", .timestamp)],
        .review: [("householdID", .uuid), ("state", .vocabulary(reviewStates)), ("reason", .optionalText(Limit.reason)),
                  ("who", .text(Limit.person)), ("at", .timestamp)],
        .comment: [("id", .uuid), ("householdID", .uuid), ("rowID", .rowID), ("question", .questionOrHousehold),
                   ("text", .text(Limit.reason)), ("who", .text(Limit.person)), ("at", .timestamp), ("resolved", .bool)],
        .resolution: [("id", .uuid), ("householdID", .uuid), ("rowID", .rowID), ("kind", .vocabulary(resolutionKinds)),
                      ("field", .text(Limit.identifier)), ("value", .optionalText(Limit.value)), ("supersedes", .supersedes),
                      ("who", .text(Limit.person)), ("at", .timestamp), ("clock", .clock)],
        .procedure: [("householdID", .uuid), ("surveyYear", .year), ("outcome", .vocabulary(outcomes)),
                     ("category", .optionalText(Limit.identifier)), ("reason", .text(Limit.reason)),
                     ("state", .vocabulary(procedureStates)), ("proposedBy", .text(Limit.person)), ("proposedAt", .timestamp),
                     ("decidedBy", .optionalText(Limit.person)), ("decidedAt", .optionalTimestamp), ("clock", .clock)],
        .procedureStep: [("householdID", .uuid), ("surveyYear", .year), ("kind", .vocabulary(stepKinds)), ("number", .stepNumber),
                         ("startDay", .day), ("endDay", .optionalDay), ("result", .vocabulary(stepResults)),
                         ("note", .optionalText(Limit.reason)), ("who", .text(Limit.person)), ("at", .timestamp), ("clock", .clock)],
        .round: [("householdID", .uuid), ("registrationID", .uuid), ("surveyYear", .year), ("previousRoundID", .uuid),
                 ("startedBy", .text(Limit.person)), ("startedAt", .timestamp), ("clock", .clock)],
        .carriedRow: [("rowID", .uuid), ("householdID", .uuid), ("previousRowID", .uuid)],
    ]

    private static let rules: [TravellingTable: [String: Rule]] = columns.mapValues { Dictionary(uniqueKeysWithValues: $0) }

    /// Checks the values `row` carries (a whole row, or the columns an update changes plus the key), then
    /// what the columns say together (an answer's value against its question). The first problem found.
    func check(_ table: TravellingTable, _ row: [String: Cell]) -> RowProblem? {
        // In the schema's column order, so the first problem reported is always the same one.
        var seen = 0
        for (column, rule) in Self.columns[table]! {
            guard let cell = row[column] else { continue }
            seen += 1
            if let kind = check(cell, rule) { return RowProblem(column, kind) }
        }
        if seen < row.count, let unknown = row.keys.sorted().first(where: { Self.rules[table]![$0] == nil }) {
            return RowProblem(unknown, .unknownQuestion(unknown))
        }
        if table == .answer { return checkAnswer(row) }
        return nil
    }

    /// Checks that a whole row has every column.
    func checkComplete(_ table: TravellingTable, _ row: [String: Cell]) -> RowProblem? {
        for (column, _) in Self.columns[table]! where row[column] == nil { return RowProblem(column, .missing) }
        return check(table, row)
    }

    private func check(_ cell: Cell, _ rule: Rule) -> RowProblem.Kind? {
        switch rule {
        case .uuid: return text(cell) { Self.isUUID($0) ? nil : .notUUID($0) }
        case .rowID: return text(cell) { $0.isEmpty || Self.isUUID($0) ? nil : .notRowID($0) }
        case .timestamp: return text(cell) { Self.isTimestamp($0) ? nil : .notTimestamp($0) }
        case .optionalTimestamp: return cell == .null ? nil : check(cell, .timestamp)
        case .year: return integer(cell, in: 2000...2100)
        case .stepNumber: return integer(cell, in: 1...2)
        case .clock: return text(cell) { HybridLogicalClock($0)?.description == $0 ? nil : .notClock($0) }
        case .bool:
            guard case .integer(let i) = cell else { return .wrongStorage(expected: .boolean) }
            return i == 0 || i == 1 ? nil : .outOfRange(String(i), 0...1)
        case .text(let limit): return text(cell) { Self.bounded($0, limit) }
        case .optionalText(let limit): return cell == .null ? nil : check(cell, .text(limit))
        case .day: return text(cell) { Day(iso: $0)?.description == $0 ? nil : .notDay($0) }
        case .optionalDay: return cell == .null ? nil : check(cell, .day)
        case .count: return integer(cell, in: Limit.count)
        case .optionalCode: return cell == .null ? nil : integer(cell, in: Limit.code)
        case .optionalNumber:
            switch cell {
            case .null, .integer: return nil
            case .real(let d): return d.isFinite ? nil : .notFinite
            default: return .wrongStorage(expected: .number)
            }
        case .vocabulary(let words): return text(cell) { words.contains($0) ? nil : .notInVocabulary($0, allowed: words) }
        case .roster:
            return text(cell) { r in
                if let q = questionnaire { return q.roster(r) == nil ? .unknownRoster(r) : nil }
                return Self.bounded(r, Limit.identifier)
            }
        case .question:
            return text(cell) { id in
                guard let q = questionnaire else { return Self.bounded(id, Limit.identifier) }
                if previousVersion, let migration = q.migration { return migration.previous(id, in: q) == nil ? .unknownQuestion(id) : nil }
                guard let question = q.question(id) else { return .unknownQuestion(id) }
                return question.isInput ? nil : .calculatedQuestion(id)
            }
        case .questionOrHousehold:
            return text(cell) { id in id.isEmpty ? nil : check(cell, .question) }
        case .check:
            return text(cell) { id in
                // The previous version's checks are not known here: an accepted warning it names is kept or dropped on migration.
                if let q = questionnaire, !previousVersion { return q.checks.contains(where: { $0.id == id }) ? nil : .unknownCheck(id) }
                return Self.bounded(id, Limit.identifier)
            }
        case .supersedes:
            return text(cell) { json in
                guard json.utf8.count <= 2 * Limit.value + 16,
                      let list = try? JSONDecoder().decode([String?].self, from: Data(json.utf8)), list.count <= 2,
                      list.allSatisfy({ ($0?.count ?? 0) <= Limit.value }) else { return .notSupersedesList }
                return nil
            }
        }
    }

    /// An answer's value against its question: the type the question takes, the exact text hufang writes
    /// for it, a whole number where one is asked, a code from the list, and the question's length limit.
    private func checkAnswer(_ row: [String: Cell]) -> RowProblem? {
        guard let q = questionnaire, case .text(let id)? = row["question"] else { return nil }
        let question: Question, fieldType: FieldType, codes: Set<Int>?
        if previousVersion, let migration = q.migration {
            switch migration.previous(id, in: q) {
            case .kept(let index, let type, let listed)?: question = q.questions[index]; fieldType = type; codes = listed
            case .removed?: return checkRemovedAnswer(row)
            case nil: return nil
            }
        } else {
            guard let found = q.question(id) else { return nil }
            question = found; fieldType = found.type; codes = nil
        }
        if case .text(let rowID)? = row["rowID"], rowID.isEmpty != (question.roster == nil) {
            return RowProblem("rowID", .rosterMismatch(question: id, needsRow: question.roster != nil))
        }
        func listed(_ c: Int) -> Bool { codes.map { $0.contains(c) } ?? question.codeList?.contains(c) ?? true }
        let expected = ValueCoding.typeTag(of: fieldType)
        let type: String
        if case .text(let t)? = row["type"] {
            // Codes were once stored as numbers: still read, as the existing import allowed.
            guard t == expected || (expected == "code" && t == "number") else {
                return RowProblem("type", .typeMismatch(question: id, expected: expected, got: t))
            }
            type = t
        } else {
            type = expected
        }
        guard case .text(let text)? = row["value"] else { return nil }
        if let problem = Self.bounded(text, type == "text" ? question.maxLength : Limit.identifier) { return RowProblem("value", problem) }
        guard let value = ValueCoding.decode(type: type, text: text), ValueCoding.encode(value).text == text else {
            return RowProblem("value", .notAValue(type: type, value: text))
        }
        switch (fieldType, value) {
        case (.integer, .number(let n)) where n != n.rounded(): return RowProblem("value", .notAnInteger(text))
        case (.code, .code(let c)):
            if !listed(c) { return RowProblem("value", .codeNotInList(code: c, question: id)) }
        case (.code, .number(let n)):
            guard let c = Int(exactly: n) else { return RowProblem("value", .notAnInteger(text)) }
            if !listed(c) { return RowProblem("value", .codeNotInList(code: c, question: id)) }
        case (.codes, .codes(let cs)):
            if let bad = cs.first(where: { !listed($0) }) { return RowProblem("value", .codeNotInList(code: bad, question: id)) }
        default: break
        }
        return nil
    }

    /// An answer to a question the new version no longer asks: dropped on migration, so only its form is checked.
    private func checkRemovedAnswer(_ row: [String: Cell]) -> RowProblem? {
        guard case .text(let type)? = row["type"], case .text(let text)? = row["value"] else { return nil }
        guard let value = ValueCoding.decode(type: type, text: text), ValueCoding.encode(value).text == text else {
            return RowProblem("value", .notAValue(type: type, value: text))
        }
        return nil
    }

    private func text(_ cell: Cell, _ rule: (String) -> RowProblem.Kind?) -> RowProblem.Kind? {
        guard case .text(let s) = cell else { return .wrongStorage(expected: .text) }
        if s.utf8.contains(0) { return .containsNUL }
        return rule(s)
    }

    private func integer(_ cell: Cell, in range: ClosedRange<Int64>) -> RowProblem.Kind? {
        guard case .integer(let i) = cell else { return .wrongStorage(expected: .integer) }
        return range.contains(i) ? nil : .outOfRange(String(i), range)
    }

    /// Text of at most `limit` characters. Counting characters walks the text, so a huge one is refused by
    /// its byte length first: no character takes more than a few dozen bytes.
    static func bounded(_ s: String, _ limit: Int) -> RowProblem.Kind? {
        let bytes = s.utf8.count
        if bytes <= limit { return nil }
        if bytes > limit * 64 || s.count > limit { return .tooLong(limit: limit) }
        return nil
    }

    /// A UUID in the lower-case form the store writes (`8-4-4-4-12` hexadecimal digits), read without
    /// building a `UUID`: every row of a bundle has one or two.
    static func isUUID(_ s: String) -> Bool {
        var n = 0
        for b in s.utf8 {
            switch n {
            case 8, 13, 18, 23: guard b == UInt8(ascii: "-") else { return false }
            default: guard (48...57).contains(b) || (97...102).contains(b) else { return false }
            }
            n += 1
            if n > 36 { return false }
        }
        return n == 36
    }

    /// `2020-11-20T08:00:00.000Z`, as the store writes times (milliseconds optional).
    static func isTimestamp(_ s: String) -> Bool {
        var u: [UInt8] = []
        u.reserveCapacity(24)
        for b in s.utf8 { u.append(b); if u.count > 24 { return false } }
        guard u.count == 20 || u.count == 24, u.last == UInt8(ascii: "Z"), u[10] == UInt8(ascii: "T"),
              u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
        func digits(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r { guard (48...57).contains(u[i]) else { return nil }; n = n * 10 + Int(u[i] - 48) }
            return n
        }
        guard let y = digits(0..<4), let mo = digits(5..<7), let d = digits(8..<10), Day(year: y, month: mo, day: d) != nil else { return false }
        guard u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"), let h = digits(11..<13), let m = digits(14..<16), let sec = digits(17..<19),
              h < 24, m < 60, sec < 61 else { return false }
        if u.count == 24 { return u[19] == UInt8(ascii: ".") && digits(20..<23) != nil }
        return true
    }
}

extension Cell {
    /// A record's columns as cells, exactly as GRDB would store them.
    static func row(_ record: some EncodableRecord) throws -> [String: Cell] {
        try record.databaseDictionary.mapValues { value in
            switch value.storage {
            case .null: return .null
            case .int64(let i): return .integer(i)
            case .double(let d): return .real(d)
            case .string(let s): return .text(s)
            case .blob(let b): return .blob(b)
            }
        }
    }
}
