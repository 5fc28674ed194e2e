import Foundation
import GRDB
import Survey

/// What a supervisor's household list shows: which households, in what order.
public struct ReviewQuery: Sendable, Equatable {
    public var village: String?
    public var enumerator: String?
    public var status: HouseholdStatus?
    public var flag: Flag?
    /// A name or ID-number prefix, as in the enumerator's list.
    public var search = ""
    public var sort: Sort = .number

    /// Households with something to look at.
    public enum Flag: String, CaseIterable, Sendable {
        case errors, unexplained, overrides, conflicts, comments
    }

    public enum Sort: String, CaseIterable, Sendable {
        case number, status, updated, problems
    }

    public init(village: String? = nil, enumerator: String? = nil, status: HouseholdStatus? = nil, flag: Flag? = nil, search: String = "",
                sort: Sort = .number) {
        self.village = village; self.enumerator = enumerator; self.status = status; self.flag = flag; self.search = search; self.sort = sort
    }
}

/// One line of the supervisor's list: the household and its counts of problems.
public struct ReviewRow: Sendable, Equatable {
    public var household: HouseholdRecord
    /// Warnings accepted with a reason.
    public var overrides: Int
    public var openConflicts: Int
    public var openComments: Int
    /// Who sent the household's latest changes here (the last bundle that touched it); nil when it was
    /// made on this store and no bundle has changed it.
    public var sender: Sender?

    /// The person and device of a bundle: the certificate's name, or the manifest's enumerator for a
    /// hand-trusted device (then there is no role).
    public struct Sender: Sendable, Equatable {
        public var person: String
        public var deviceID: String
        public var role: DeviceRole?
        public init(person: String, deviceID: String, role: DeviceRole? = nil) { self.person = person; self.deviceID = deviceID; self.role = role }
    }

    public init(household: HouseholdRecord, overrides: Int = 0, openConflicts: Int = 0, openComments: Int = 0, sender: Sender? = nil) {
        self.household = household; self.overrides = overrides; self.openConflicts = openConflicts; self.openComments = openComments
        self.sender = sender
    }
}

extension HouseholdStore {
    /// A page of the supervisor's list and how many households match in all. The page's ids come from
    /// one query (indexes for the filters, the sort and the limit); the counts are then read for those
    /// ids only, so the cost does not grow with the store.
    /// With `only`, the one household's line (the review screen's header). A search looks in the questions
    /// of `questionnaire`'s member roles.
    public func reviewList(_ query: ReviewQuery, questionnaire: Questionnaire, limit: Int = 100, offset: Int = 0,
                           only: UUID? = nil) throws(StoreError) -> (total: Int, rows: [ReviewRow]) {
        var conditions: [String] = [], arguments: [any DatabaseValueConvertible] = []
        if let only { conditions.append("id = ?"); arguments.append(only.uuidString.lowercased()) }
        else { conditions.append(Self.newestRound) }
        if let v = query.village { conditions.append("villageCode = ?"); arguments.append(v) }
        if let e = query.enumerator { conditions.append("enumerator = ?"); arguments.append(e) }
        if let s = query.status { conditions.append("status = ?"); arguments.append(s) }
        switch query.flag {
        case .errors?: conditions.append("hardErrors > 0")
        case .unexplained?: conditions.append("softOpen > 0")
        // Membership in a set built once from the (small) flagging table, not a lookup per household.
        case .overrides?: conditions.append("id IN (SELECT householdID FROM override)")
        case .conflicts?: conditions.append("id IN (SELECT householdID FROM conflict WHERE state = 'open')")
        case .comments?: conditions.append("id IN (SELECT householdID FROM comment WHERE resolved = 0)")
        case nil: break
        }
        let p = query.search.trimmingCharacters(in: .whitespaces).uppercased()
        if !p.isEmpty {
            // A form without the role finds nobody, as a search for a name nobody has.
            // A name answered last year finds the round started from it, where it is confirmed or changed.
            conditions.append("""
                (id IN (SELECT householdID FROM answer WHERE question = ? AND value >= ? AND value < ?) OR id IN (SELECT householdID FROM round
                WHERE previousRoundID IN (SELECT householdID FROM answer WHERE question = ? AND value >= ? AND value < ?)))
                """)
            let searched = [Self.searchedQuestion(p, questionnaire) ?? "", p, p + "\u{10FFFF}"]
            arguments += searched + searched
        }
        let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order: String
        switch query.sort {
        case .number: order = "villageCode, householdNo"
        case .status: order = "status, villageCode, householdNo"
        case .updated: order = "updatedAt DESC"
        case .problems: order = "hardErrors DESC, softOpen DESC, villageCode, householdNo"
        }
        return try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household \(whereSQL)", arguments: StatementArguments(arguments)) ?? 0
            // The sender comes with the page: one LEFT JOIN on householdSource's primary key, not a lookup per row.
            // (Every condition and sort key above is a household column; householdSource shares none of their names.)
            let hasSource = try db.tableExists("householdSource")
            let select = hasSource
                ? "SELECT household.*, householdSource.person AS senderPerson, householdSource.deviceID AS senderDevice, householdSource.role AS senderRole "
                  + "FROM household LEFT JOIN householdSource ON householdSource.householdID = household.id"
                : "SELECT household.* FROM household"
            let page = try Row.fetchAll(db, sql: "\(select) \(whereSQL) ORDER BY \(order) LIMIT ? OFFSET ?",
                                        arguments: StatementArguments(arguments + [limit, offset])).map { row -> (HouseholdRecord, ReviewRow.Sender?) in
                let sender: ReviewRow.Sender? = hasSource ? (row["senderDevice"] as String?).map {
                    ReviewRow.Sender(person: row["senderPerson"] ?? "", deviceID: $0, role: (row["senderRole"] as String?).flatMap(DeviceRole.init))
                } : nil
                return (try HouseholdRecord(row: row), sender)
            }
            let rows = try page.map { h, sender in
                ReviewRow(household: h,
                          overrides: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM override WHERE householdID = ?", arguments: [h.id]) ?? 0,
                          openConflicts: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM conflict WHERE householdID = ? AND state = 'open'",
                                                          arguments: [h.id]) ?? 0,
                          openComments: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM comment WHERE householdID = ? AND resolved = 0",
                                                         arguments: [h.id]) ?? 0,
                          sender: sender)
            }
            return (total, rows)
        }
    }

    /// The villages and enumerators in the store, for the list's filters.
    public func reviewFilters() throws(StoreError) -> (villages: [String], enumerators: [String]) {
        try read { db in
            (try String.fetchAll(db, sql: "SELECT DISTINCT villageCode FROM household ORDER BY villageCode"),
             try String.fetchAll(db, sql: "SELECT DISTINCT enumerator FROM household ORDER BY enumerator"))
        }
    }
}
