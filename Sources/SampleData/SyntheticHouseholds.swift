import Foundation
import GRDB
import Store
import Survey

/// Many plain households written straight through SQL into the store's own schema, fast: for
/// benchmarks and load tests that need 10,000 or 50,000 households (the sample village is the
/// realistic one).
public enum SyntheticHouseholds {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高")
    static let given = Array("建国秀英志强桂兰明华玉兰文军红梅海燕丽娟春生永福金凤")

    /// The i-th synthetic person's name.
    public static func name(_ i: Int) -> String {
        String(surnames[i % surnames.count]) + String(given[(i / 7) % given.count]) + String(given[(i / 3) % given.count])
    }

    /// The i-th synthetic person's (valid) ID number.
    public static func idNumber(_ i: Int) -> String {
        ResidentID.compose(region: "622922", born: Day(year: 1940 + i % 60, month: 1, day: 1)!, sequence: i % 500, sex: 1 + i % 2)
    }

    /// A surname, for one-character searches.
    public static func surname(_ i: Int) -> String { String(surnames[i % surnames.count]) }

    /// Adds `n` households of 4 members (name, ID number, relation) spread over `villages` villages.
    public static func fill(_ store: HouseholdStore, households n: Int, villages: Int) throws {
        try store.pool.write { db in
            let ts = "2020-11-20T08:00:00.000Z"
            for h in 0..<n {
                let hid = UUID().uuidString.lowercased()
                let village = "6229221002" + String(format: "%02d", h % villages)
                // Statuses, problems and enumerators vary, so a supervisor's filters have something to find.
                try db.cachedStatement(sql: """
                    INSERT INTO household (id, villageCode, groupName, householdNo, headName, headIDNumber, questionnaireID, questionnaireVersion,
                    referenceDay, status, enumerator, answered, required, hardErrors, softOpen, createdAt, updatedAt)
                    VALUES (?, ?, '一组', ?, ?, ?, 'hufang-household', '2026.1', '2020-12-31', ?, ?, 40, 120, ?, ?, ?, ?)
                    """).execute(arguments: [hid, village, String(format: "%04d", h / villages + 1), name(h * 4), idNumber(h * 4),
                                             HouseholdStatus.allCases[h % 4], name(h % 7), h % 9 == 0 ? 1 : 0, h % 5 == 0 ? 1 : 0, ts, ts])
                for m in 0..<4 {
                    let rid = UUID().uuidString.lowercased()
                    try db.cachedStatement(sql: "INSERT INTO rosterRow (id, householdID, roster, ord, removed) VALUES (?, ?, 'members', ?, 0)")
                        .execute(arguments: [rid, hid, m])
                    for (q, t, v) in [("name", "text", name(h * 4 + m)), ("id_number", "text", idNumber(h * 4 + m)), ("relation", "code", m == 0 ? "1" : "3")] {
                        try db.cachedStatement(sql: "INSERT INTO answer VALUES (?, ?, ?, ?, ?, '李文华', ?, '0')").execute(arguments: [hid, rid, q, t, v, ts])
                    }
                }
            }
        }
    }
}
