import Foundation
import GRDB
import Survey

/// Reads a bundle's whole changeset before any row of it is written, and refuses the bundle at the first
/// change its signer may not make: a table that is not travelling, an operation or a column the format
/// does not allow to change, a row that breaks `RowRules`, a clock of another device, a household outside
/// the signer's scope. A bundle is applied whole or not at all.
struct ChangesetCheck {
    let rules: RowRules
    let signer: BundleSigner
    /// This store's columns (in changeset order) and primary-key flags per travelling table.
    let schema: [TravellingTable: (names: [String], primaryKey: [Bool])]

    /// The operations the format allows per table: audit lines and resolutions are append-only, a
    /// household or a roster row is never deleted (a row's removal is a flag), a comment only ever goes
    /// from open to dealt with.
    static let operations: [TravellingTable: Set<ChangeOperation>] = [
        .household: [.insert, .update], .rosterRow: [.insert, .update], .answer: [.insert, .update, .delete],
        .audit: [.insert], .override: [.insert, .update, .delete], .review: [.insert, .update, .delete],
        .comment: [.insert, .update], .resolution: [.insert],
        .procedure: [.insert, .update], .procedureStep: [.insert, .update],
        // A round, once started, is what it was started from: never changed, never undone.
        .round: [.insert], .carriedRow: [.insert],
    ]

    /// The columns an update may change. A row never moves to another household.
    static let updatable: [TravellingTable: Set<String>] = [
        .household: Set(RowRules.columns[.household]!.map(\.0)).subtracting(["id", "createdAt"]),
        .rosterRow: ["ord", "removed", "removedBy", "removedAt", "removedReason"],
        .answer: ["type", "value", "who", "at", "clock"],
        .override: ["reason", "who", "at"],
        .review: ["state", "reason", "who", "at"],
        .comment: ["resolved"],
        .procedure: ["outcome", "category", "reason", "state", "proposedBy", "proposedAt", "decidedBy", "decidedAt", "clock"],
        .procedureStep: ["startDay", "endDay", "result", "note", "who", "at", "clock"],
        .round: [], .carriedRow: [],
    ]

    /// Tables whose rows carry a hybrid logical clock, which names the device that wrote them.
    static let clocked: Set<TravellingTable> = [.answer, .audit, .resolution, .procedure, .procedureStep, .round]

    /// This store's schema of the travelling tables.
    static func schema(_ db: Database) throws -> [TravellingTable: (names: [String], primaryKey: [Bool])] {
        var result: [TravellingTable: (names: [String], primaryKey: [Bool])] = [:]
        for table in TravellingTable.allCases {
            let columns = try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table.rawValue])
            result[table] = (columns.map { $0["name"] }, columns.map { ($0["pk"] as Int) > 0 })
        }
        return result
    }

    /// What a changeset that passed holds.
    struct Passed {
        var counts: [String: ChangeCount] = [:]
        /// Every household a row of it names.
        var households: Set<String> = []
        /// The answers it writes, when they are of the previous questionnaire version: those to migrate once applied.
        var previousVersionAnswers: Set<AnswerKey> = []
    }

    /// Checks every change, then that every household it touches is in the signer's scope (its village as
    /// this store has it, and as the bundle sets it). `villageHere` gives a household's village code in this
    /// store (nil when the store does not have it: its rows will be dropped).
    func run(_ input: ChangesetInput, villageHere: (String) throws -> String?) throws -> Passed {
        var passed = Passed()
        var villages: [String: Set<String>] = [:]
        var firstChange: [String: (index: Int, table: String)] = [:]
        var index = 0
        do {
            try Changeset.walk(input) { change in
                index += 1
                guard let (row, table) = try checked(change, index: index) else { return }
                passed.counts[change.table, default: ChangeCount()].add(change.operation)
                guard let hid = household(table, row) else { return }
                passed.households.insert(hid)
                if rules.previousVersion, table == .answer, change.operation != .delete, case .text(let rid)? = row["rowID"],
                   case .text(let question)? = row["question"] {
                    passed.previousVersionAnswers.insert(AnswerKey(householdID: hid, rowID: rid, question: question))
                }
                if firstChange[hid] == nil { firstChange[hid] = (index, change.table) }
                if table == .household, case .text(let village)? = row["villageCode"] { villages[hid, default: []].insert(village) }
            }
            // Only a certificate limits villages: a device trusted by hand may write any household.
            let scoped: Bool
            if case .certified = signer.scope { scoped = true } else { scoped = false }
            for hid in passed.households.sorted() where scoped {
                var codes = villages[hid] ?? []
                if let here = try villageHere(hid) { codes.insert(here) }
                for village in codes.sorted() {
                    if let reason = signer.refusal(village: village) {
                        let first = firstChange[hid]!
                        throw RefusedChange(index: first.index, table: first.table, household: hid, reason: reason)
                    }
                }
            }
        } catch let refused as RefusedChange {
            throw BundleRejection.refusedChange(refused)
        } catch let unreadable as Changeset.Unreadable {
            let column = unreadable.column.flatMap { i in TravellingTable(rawValue: unreadable.table).flatMap { schema[$0]?.names[safe: i] } }
            throw BundleRejection.refusedChange(RefusedChange(index: index + 1, table: unreadable.table, reason: .unreadable(column: column)))
        }
        return passed
    }

    /// The change's row (a whole row, or an update's key and changed columns) when it passes, numbered
    /// `index` in any refusal.
    private func checked(_ change: ChangeRecord, index: Int) throws -> ([String: Cell], TravellingTable)? {
        var row: [String: Cell] = [:]
        if var refused = firstRefusal(change, row: &row) { refused.index = index; throw refused }
        return TravellingTable(rawValue: change.table).map { (row, $0) }
    }

    private func firstRefusal(_ change: ChangeRecord, row: inout [String: Cell]) -> RefusedChange? {
        func refuse(_ reason: RefusedChange.Reason, household: String? = nil, key: String? = nil) -> RefusedChange {
            RefusedChange(index: 0, table: change.table, household: household, key: key, reason: reason)
        }
        guard let table = TravellingTable(rawValue: change.table) else { return refuse(.localTable) }
        let (names, primaryKey) = schema[table]!
        guard change.primaryKey == primaryKey else { return refuse(.schema) }
        guard Self.operations[table]!.contains(change.operation) else { return refuse(.operation(change.operation.word)) }
        switch change.operation {
        case .insert:
            for (i, cell) in change.new.enumerated() { guard let cell else { return refuse(.schema) }; row[names[i]] = cell }
        case .delete:
            for (i, cell) in change.old.enumerated() { guard let cell else { return refuse(.schema) }; row[names[i]] = cell }
        case .update:
            for i in names.indices where primaryKey[i] {
                guard let cell = change.old[i] else { return refuse(.schema) }
                row[names[i]] = cell
            }
            for (i, cell) in change.new.enumerated() {
                guard let cell else { continue }
                guard Self.updatable[table]!.contains(names[i]) else { return refuse(.column(names[i]), household: household(table, row)) }
                row[names[i]] = cell
            }
        }
        let hid = household(table, row)
        let key = self.key(table, row)
        let problem = change.operation == .update ? rules.check(table, row) : rules.checkComplete(table, row)
        if let problem { return refuse(.row(problem), household: hid, key: key) }
        if table == .comment, change.operation == .update {
            // Dealt with, never reopened: old 0, new 1.
            let oldResolved = names.firstIndex(of: "resolved").flatMap { change.old[$0] }
            guard oldResolved == .integer(0), row["resolved"] == .integer(1) else { return refuse(.column("resolved"), household: hid, key: key) }
        }
        if Self.clocked.contains(table), change.operation != .delete {
            // An update of an answer must say when and by whom it changed: the signer's new clock.
            guard case .text(let clock)? = row["clock"] else { return refuse(.row(RowProblem("clock", .missing)), household: hid, key: key) }
            if HybridLogicalClock(clock)?.device != signer.clockDevice { return refuse(.notSigner(clock: clock), household: hid, key: key) }
        }
        if let reason = signer.refusal(table, change.operation, row) { return refuse(reason, household: hid, key: key) }
        return nil
    }

    private func household(_ table: TravellingTable, _ row: [String: Cell]) -> String? {
        (table == .household ? row["id"] : row["householdID"])?.text
    }

    /// What names the row within its household in a message: the question, check or row id.
    private func key(_ table: TravellingTable, _ row: [String: Cell]) -> String? {
        switch table {
        case .answer, .comment: return row["question"]?.text
        case .override: return row["checkID"]?.text
        case .resolution: return row["field"]?.text
        case .rosterRow, .audit: return row["id"]?.text
        case .procedure:
            guard case .integer(let year)? = row["surveyYear"] else { return nil }
            return String(year)
        case .procedureStep: return row["kind"]?.text
        case .carriedRow: return row["rowID"]?.text
        case .round:
            guard case .integer(let year)? = row["surveyYear"] else { return nil }
            return String(year)
        case .household, .review: return nil
        }
    }
}

/// A change a bundle may not carry, and where it is: the whole bundle is refused.
public struct RefusedChange: Error, Equatable, Sendable, Codable {
    /// 1 for the changeset's first change.
    public var index: Int
    public var table: String
    public var household: String?
    /// The question, check or row the change is about.
    public var key: String?
    public var reason: Reason

    public enum Reason: Equatable, Sendable, Codable {
        /// A table that never travels (devices, settings, migrations, the outbox…).
        case localTable
        case operation(String)
        case column(String)
        /// Columns or key unlike this store's.
        case schema
        case unreadable(column: String?)
        case row(RowProblem)
        case notSigner(clock: String)
        /// The signer's role may not make this change (an enumerator's review, say).
        case role(String)
        /// The household's village is outside the signer's certificate.
        case outOfScope(village: String)
    }

    init(index: Int, table: String, household: String? = nil, key: String? = nil, reason: Reason) {
        self.index = index; self.table = table; self.household = household; self.key = key; self.reason = reason
    }

    /// The refusal in the user's language: which change, table, household and field, and why.
    public func message(_ lang: Language) -> String {
        var place = Phrase.changeTable.text(lang, index, RowProblem.shown(table))
        if let household { place += Phrase.changeHousehold.text(lang, RowProblem.shown(household)) }
        if let key { place += Phrase.changeKey.text(lang, RowProblem.shown(key)) }
        place += Phrase.closeParenColon.text(lang)
        switch reason {
        case .localTable: return place + Phrase.localTable.text(lang)
        case .operation(let op): return place + Phrase.operationNotAllowed.text(lang, ChangeOperation(word: op).map { $0.phrase.text(lang) } ?? op)
        case .column(let c): return place + Phrase.columnMayNotChange.text(lang, c)
        case .schema: return place + Phrase.schemaMismatch.text(lang)
        case .unreadable(let c): return place + (c.map { Phrase.columnUnreadable.text(lang, $0) } ?? Phrase.unreadable.text(lang))
        case .row(let p): return place + p.column + Phrase.colon.text(lang) + p.message(lang)
        case .notSigner(let clock): return place + RowProblem("clock", .signedByAnother(clock: clock)).message(lang)
        case .role(let role):
            let label = DeviceRole(rawValue: role)?.label(lang) ?? role
            return place + Phrase.roleMayNotCarry.text(lang, label)
        case .outOfScope(let village):
            return place + Phrase.villageOutOfScope.text(lang, RowProblem.shown(village))
        }
    }
}

extension ChangeOperation {
    var word: String {
        switch self { case .insert: return "insert"; case .update: return "update"; case .delete: return "delete" }
    }

    init?(word: String) {
        switch word { case "insert": self = .insert; case "update": self = .update; case "delete": self = .delete; default: return nil }
    }

    /// The operation as a refusal names it.
    var phrase: Phrase {
        switch self { case .insert: return .operationInsert; case .update: return .operationUpdate; case .delete: return .operationDelete }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
