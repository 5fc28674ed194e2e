import Foundation
import Logging
import PostgresNIO
import Store

extension CountyProgress {
    /// The county's progress from its tables and the hub's own (device, bundle, receipt), for the villages
    /// whose code starts with one of `scope` (the county's code: all of them). A handful of grouped queries
    /// over the household listing rows, read in one repeatable-read snapshot so every figure agrees.
    public static func load(_ client: PostgresClient, county: String, scope: [String], guarantees order: [String] = [],
                            listLimit: Int = 200, logger: Logger) async throws -> CountyProgress {
        let patterns = scope.map { $0.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%" }
        let limit = listLimit
        do {
            return try await client.withTransaction(logger: logger) { c in
                try await c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
                var villages: [String: [String: Int]] = [:]
                for try await (village, status, n) in try await c.query("""
                    SELECT village_code, status, count(*)::bigint FROM county_household
                    WHERE county = \(county) AND village_code LIKE ANY(\(patterns)) GROUP BY village_code, status
                    """, logger: logger).decode((String, String, Int64).self) {
                    villages[village, default: [:]][status] = Int(n)
                }
                var interviews: [Interviews] = []
                for try await (who, day, n) in try await c.query("""
                    SELECT enumerator, day, count(*)::bigint FROM (
                        SELECT enumerator, coalesce(interview_date, substr(created_at, 1, 10)) AS day FROM county_household
                        WHERE county = \(county) AND village_code LIKE ANY(\(patterns))) listed
                    GROUP BY enumerator, day ORDER BY day COLLATE "C", enumerator COLLATE "C"
                    """, logger: logger).decode((String, String, Int64).self) {
                    interviews.append(Interviews(enumerator: who, day: day, count: Int(n)))
                }
                var reviews: [Reviews] = []
                for try await (village, approved, sentBack) in try await c.query("""
                    SELECT h.village_code, count(*) FILTER (WHERE r.state = 'approved'), count(*) FILTER (WHERE r.state = 'sent_back')
                    FROM county_review r JOIN county_household h ON h.county = r.county AND h.id = r.household_id
                    WHERE r.county = \(county) AND h.village_code LIKE ANY(\(patterns))
                    GROUP BY h.village_code ORDER BY h.village_code COLLATE "C"
                    """, logger: logger).decode((String, Int64, Int64).self) {
                    reviews.append(Reviews(village: village, approved: Int(approved), sentBack: Int(sentBack)))
                }
                var sentBack: [SentBack] = []
                for try await (id, village, no, head, reason, who, at) in try await c.query("""
                    SELECT h.id, h.village_code, h.household_no, h.head_name, coalesce(r.reason, ''), r.who, r.at
                    FROM county_review r JOIN county_household h ON h.county = r.county AND h.id = r.household_id
                    WHERE r.county = \(county) AND r.state = 'sent_back' AND h.village_code LIKE ANY(\(patterns))
                    ORDER BY r.at COLLATE "C" DESC, h.id LIMIT \(limit)
                    """, logger: logger).decode((String, String, String, String, String, String, String).self) {
                    sentBack.append(SentBack(household: Named(id: id, villageCode: village, householdNo: no, headName: head),
                                             reason: reason, who: who, at: at))
                }
                var openConflictCount = 0
                for try await n in try await c.query("""
                    SELECT count(*)::bigint FROM county_conflict k JOIN county_household h ON h.county = k.county AND h.id = k.household_id
                    WHERE k.county = \(county) AND k.state = 'open' AND h.village_code LIKE ANY(\(patterns))
                    """, logger: logger).decode(Int64.self) { openConflictCount = Int(n) }
                var conflicts: [OpenConflict] = []
                for try await row in try await c.query("""
                    SELECT h.id, h.village_code, h.household_no, h.head_name, k.field, coalesce(k.mine_value, '') AS mine, k.mine_who,
                           coalesce(k.theirs_value, '') AS theirs, k.theirs_who, k.detected_at
                    FROM county_conflict k JOIN county_household h ON h.county = k.county AND h.id = k.household_id
                    WHERE k.county = \(county) AND k.state = 'open' AND h.village_code LIKE ANY(\(patterns))
                    ORDER BY k.detected_at COLLATE "C", k.id LIMIT \(limit)
                    """, logger: logger) {
                    let r = row.makeRandomAccess()
                    conflicts.append(OpenConflict(
                        household: Named(id: try r["id"].decode(String.self), villageCode: try r["village_code"].decode(String.self),
                                         householdNo: try r["household_no"].decode(String.self), headName: try r["head_name"].decode(String.self)),
                        field: try r["field"].decode(String.self), mine: try r["mine"].decode(String.self), mineWho: try r["mine_who"].decode(String.self),
                        theirs: try r["theirs"].decode(String.self), theirsWho: try r["theirs_who"].decode(String.self),
                        detectedAt: try r["detected_at"].decode(String.self)))
                }
                // A supervisor sees the devices working in their townships (an enumerator's scope is villages).
                var devices: [DeviceSync] = []
                for try await row in try await c.query("""
                    SELECT d.device_id, d.name, d.role, d.scope,
                           (SELECT count(*) FROM bundle b WHERE b.device_id = d.device_id AND b.state = 'applied') AS bundles,
                           (SELECT to_char(max(b.received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM bundle b WHERE b.device_id = d.device_id) AS last_bundle,
                           r.at AS last_receipt, r.outcome
                    FROM device d
                    LEFT JOIN LATERAL (SELECT to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at, outcome FROM receipt
                                       WHERE receipt.device_id = d.device_id ORDER BY issued_at DESC LIMIT 1) r ON true
                    WHERE EXISTS (SELECT 1 FROM unnest(d.scope) s, unnest(\(patterns)::text[]) p WHERE s LIKE p OR p LIKE s || '%')
                    ORDER BY last_bundle DESC NULLS LAST, d.name COLLATE "C", d.device_id
                    """, logger: logger) {
                    let r = row.makeRandomAccess()
                    devices.append(DeviceSync(deviceID: try r["device_id"].decode(String.self), name: try r["name"].decode(String.self),
                                              role: try r["role"].decode(String.self), scope: try r["scope"].decode([String].self),
                                              bundles: Int(try r["bundles"].decode(Int64.self)), lastBundleAt: try r["last_bundle"].decode(String?.self),
                                              lastReceiptAt: try r["last_receipt"].decode(String?.self), lastOutcome: try r["outcome"].decode(String?.self)))
                }
                var counts: [String: Int] = [:]
                for try await (g, n) in try await c.query("""
                    SELECT g, count(*)::bigint FROM county_household, unnest(string_to_array(unmet_guarantees, ' ')) AS g
                    WHERE county = \(county) AND village_code LIKE ANY(\(patterns)) AND g <> '' GROUP BY g
                    """, logger: logger).decode((String, Int64).self) { counts[g] = Int(n) }
                var named: [String: [Named]] = [:]
                for try await (g, id, village, no, head) in try await c.query("""
                    SELECT g, id, village_code, household_no, head_name FROM (
                        SELECT g, id, village_code, household_no, head_name,
                               row_number() OVER (PARTITION BY g ORDER BY village_code COLLATE "C", household_no COLLATE "C", id) AS n
                        FROM county_household, unnest(string_to_array(unmet_guarantees, ' ')) AS g
                        WHERE county = \(county) AND village_code LIKE ANY(\(patterns)) AND g <> '') listed
                    WHERE n <= \(limit) ORDER BY g, n
                    """, logger: logger).decode((String, String, String, String, String).self) {
                    named[g, default: []].append(Named(id: id, villageCode: village, householdNo: no, headName: head))
                }
                var unknown = 0
                for try await n in try await c.query("""
                    SELECT count(*)::bigint FROM county_household
                    WHERE county = \(county) AND village_code LIKE ANY(\(patterns)) AND unmet_guarantees IS NULL
                    """, logger: logger).decode(Int64.self) { unknown = Int(n) }
                let ids = order + counts.keys.filter { !order.contains($0) }.sorted()
                let village = villages.keys.sorted().map { Village(code: $0, byStatus: villages[$0]!) }
                return CountyProgress(
                    county: county, scope: scope, households: village.reduce(0) { $0 + $1.total }, villages: village, interviews: interviews,
                    reviews: reviews, sentBackCount: reviews.reduce(0) { $0 + $1.sentBack }, sentBack: sentBack,
                    openConflictCount: openConflictCount, openConflicts: conflicts, devices: devices,
                    failing: ids.map { Failing(guarantee: $0, count: counts[$0] ?? 0, households: named[$0] ?? []) }, guaranteesUnknown: unknown)
            }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }
}
