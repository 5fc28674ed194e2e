import Foundation
import HubCore
import HubTestSupport
import Logging
import PostgresNIO
import ProjectFolders
import Store
import Survey
import Testing

/// The county tables against a laptop's store: the same bundles, in the same order, into a laptop store by
/// `bundle import` and into the hub's PostgreSQL through its upload path must leave the same households,
/// answers, statuses and conflicts — compared as the JSON interchange export of both, and the conflict queues.
@Suite(.postgres) struct CountyConformanceTests {
    @Test func bundlesInOrderFromTwoLaptops() async throws {
        try await CountyConformance.run { c in
            let e1 = try c.laptop("调查员1"), e2 = try c.laptop("调查员2")
            var one = try Interviewed.make(on: e1, no: "0001")
            _ = try Interviewed.make(on: e1, no: "0002", head: "刘桂英")
            try e1.store.setStatus(one.id, to: .complete, who: "李文华")
            _ = try Interviewed.make(on: e2, no: "0101", head: "张秀兰", village: HubTestCounty.villages[1])
            #expect(try await c.deliver(try c.export(e1), from: e1) == "applied")
            #expect(try await c.deliver(try c.export(e2), from: e2) == "applied")
            try one.answer("phone", "13911111111", on: e1)
            try one.answer("name", "王建国", row: true, on: e1)
            #expect(try await c.deliver(try c.export(e1), from: e1) == "applied")
            try await c.expectSame()
            let county = try await c.exports().county
            #expect(county.contains("13911111111") && county.contains("王建国") && county.contains("张秀兰"))
            #expect(try c.observer.exportJSON().households.count == 3)
        }
    }

    @Test func bundlesOutOfOrderAreHeldThenAppliedInChainOrder() async throws {
        try await CountyConformance.run { c in
            let e1 = try c.laptop("调查员1")
            var one = try Interviewed.make(on: e1, no: "0001")
            let first = try c.export(e1)
            try one.answer("phone", "13922222222", on: e1)
            let second = try c.export(e1)
            try e1.store.setStatus(one.id, to: .complete, who: "李文华")
            _ = try Interviewed.make(on: e1, no: "0002", head: "刘桂英")
            let third = try c.export(e1)
            #expect(try await c.deliver(third, from: e1) == "held")
            #expect(try await c.deliver(first, from: e1) == "applied")
            // The third waits for the second on both sides.
            try await c.expectSame("the held bundle is applied on neither side")
            #expect(!(try await c.exports().county.contains("刘桂英")))
            #expect(try await c.deliver(second, from: e1) == "applied")
            try await c.expectSame("released in chain order")
            let county = try await c.exports().county
            #expect(county.contains("刘桂英") && county.contains("13922222222") && county.contains("\"complete\""))
        }
    }

    @Test func theSameFieldChangedDifferentlyOnTwoLaptopsIsAConflictAndTheRestIsMerged() async throws {
        try await CountyConformance.run { c in
            let e1 = try c.laptop("调查员1"), e2 = try c.laptop("调查员2")
            var mine = try Interviewed.make(on: e1, no: "0001")
            let start = try c.export(e1)
            try c.carry(start, to: e2)
            #expect(try await c.deliver(start, from: e1) == "applied")
            var theirs = try Interviewed.load(mine.id, head: mine.head, on: e2)
            // Differently on both sides: a conflict. The same value on both sides: nothing. One side only: taken.
            try mine.answer("phone", "13911111111", on: e1)
            try theirs.answer("phone", "13922222222", on: e2, who: "赵敏")
            try mine.answer("name", "王建国", row: true, on: e1)
            try theirs.answer("name", "王建国", row: true, on: e2, who: "赵敏")
            let (row, added) = try theirs.interview.addRow("members")
            try e2.store.commit(added, of: theirs.interview, who: "赵敏")
            try e2.store.commit(try theirs.interview.answer("name", row: row, .text("王小明")), of: theirs.interview, who: "赵敏")
            #expect(try await c.deliver(try c.export(e1), from: e1) == "applied")
            #expect(try await c.deliver(try c.export(e2, who: "赵敏"), from: e2) == "applied")
            let open = try await c.expectSame()
            #expect(open.count == 1 && open.first?.field == "phone" && open.first?.kind == .answer)
            #expect(open.first?.mine == .answer(.text("13911111111")) && open.first?.theirs == .answer(.text("13922222222")))
            let county = try await c.exports().county
            // The answer stays the first laptop's (the second's stands in the queue and in the audit trail).
            #expect(county.contains("王小明") && county.contains("\"value\" : \"13911111111\"") && !county.contains("\"value\" : \"13922222222\""))
        }
    }

    @Test func aTravelledResolutionIsTakenWhenItsBundleIsReleased() async throws {
        try await CountyConformance.run { c in
            let e1 = try c.laptop("调查员1"), e2 = try c.laptop("调查员2")
            var mine = try Interviewed.make(on: e1, no: "0001")
            let start = try c.export(e1)
            try c.carry(start, to: e2)
            #expect(try await c.deliver(start, from: e1) == "applied")
            var theirs = try Interviewed.load(mine.id, head: mine.head, on: e2)
            try mine.answer("phone", "13911111111", on: e1)
            let fromOne = try c.export(e1)
            try theirs.answer("phone", "13922222222", on: e2, who: "赵敏")
            let fromTwo = try c.export(e2, who: "赵敏")
            // The second laptop sees the clash and settles it on a third number, which travels with a resolution.
            try c.carry(fromOne, to: e2)
            let clash = try #require(try e2.store.conflicts().first)
            try e2.store.resolveConflict(clash.id, take: .value("13933333333"), who: "赵敏", questionnaire: nil)
            let resolved = try c.export(e2, who: "赵敏")
            #expect(try await c.deliver(fromOne, from: e1) == "applied")
            #expect(try await c.deliver(resolved, from: e2) == "held")
            #expect(try await c.deliver(fromTwo, from: e2) == "applied")
            let open = try await c.expectSame()
            #expect(open.count == 1 && open.first?.field == "phone")
            let county = try await c.exports().county
            #expect(county.contains("\"value\" : \"13933333333\""))
        }
    }

    @Test func sendBackFixApproveAndChangeAfterApproval() async throws {
        try await CountyConformance.run { c in
            let e1 = try c.laptop("调查员1"), s = try c.laptop("审核员", role: .supervisor)
            var one = try Interviewed.make(on: e1, no: "0001")
            var two = try Interviewed.make(on: e1, no: "0002", head: "刘桂英")
            for h in [one, two] { try e1.store.setStatus(h.id, to: .complete, who: "李文华") }
            let work = try c.export(e1)
            try c.carry(work, to: s)
            #expect(try await c.deliver(work, from: e1) == "applied")
            try s.store.sendBack(one.id, reason: "身份证号与户口本不符", who: "乡镇审核员")
            _ = try s.store.addComment(one.id, row: one.head, question: "name", text: "请核对姓名", who: "乡镇审核员")
            try s.store.approve(two.id, who: "乡镇审核员")
            let decisions = try c.export(s, who: "乡镇审核员")
            // Meanwhile the enumerator works on the first household: the send-back still reaches it.
            try one.answer("phone", "13944444444", on: e1)
            let meanwhile = try c.export(e1)
            #expect(try await c.deliver(decisions, from: s) == "applied")
            #expect(try await c.deliver(meanwhile, from: e1) == "applied")
            try await c.expectSame("decisions and work done meanwhile")
            // The enumerator takes the decisions, fixes the field and completes again; the supervisor approves.
            try c.carry(decisions, to: e1)
            one = try Interviewed.load(one.id, head: one.head, on: e1)
            try one.answer("name", "王建国", row: true, on: e1)
            try e1.store.setStatus(one.id, to: .complete, who: "李文华")
            let fix = try c.export(e1)
            try c.carry(meanwhile, to: s)
            try c.carry(fix, to: s)
            #expect(try await c.deliver(fix, from: e1) == "applied")
            try s.store.approve(one.id, who: "乡镇审核员")
            #expect(try await c.deliver(try c.export(s, who: "乡镇审核员"), from: s) == "applied")
            try await c.expectSame("fixed and approved")
            // A change after approval sends the household round again.
            two = try Interviewed.load(two.id, head: two.head, on: e1)
            try two.answer("phone", "13955555555", on: e1)
            #expect(try await c.deliver(try c.export(e1), from: e1) == "applied")
            try await c.expectSame("changed after approval")
            let households = try c.observer.exportJSON().households
            #expect(households.first { $0.household.id == one.id.uuidString.lowercased() }?.household.status == .approved)
            #expect(households.first { $0.household.id == two.id.uuidString.lowercased() }?.household.status == .inProgress)
        }
    }

    @Test func twoSupervisorsDecidingDifferentlyIsAConflictOfStatusAndReview() async throws {
        try await CountyConformance.run { c in
            let e1 = try c.laptop("调查员1")
            let s1 = try c.laptop("审核员1", role: .supervisor), s2 = try c.laptop("审核员2", role: .supervisor)
            let one = try Interviewed.make(on: e1, no: "0001")
            try e1.store.setStatus(one.id, to: .complete, who: "李文华")
            let work = try c.export(e1)
            for s in [s1, s2] { try c.carry(work, to: s) }
            #expect(try await c.deliver(work, from: e1) == "applied")
            try s1.store.approve(one.id, who: "乡镇审核员甲")
            try s2.store.sendBack(one.id, reason: "收入偏低，请核实", who: "乡镇审核员乙")
            #expect(try await c.deliver(try c.export(s1, who: "乡镇审核员甲"), from: s1) == "applied")
            #expect(try await c.deliver(try c.export(s2, who: "乡镇审核员乙"), from: s2) == "applied")
            let open = try await c.expectSame()
            #expect(Set(open.map(\.kind)) == [.status, .review])
        }
    }

    @Test func bundlesLoggedBeforeTheCountyTablesAreAppliedByTheMigration() async throws {
        let cluster = try TestPostgres.current
        let client = cluster.client(database: try cluster.createDatabase())
        let county = try HubTestCounty()
        let e1 = try county.device("调查员1"), e2 = try county.device("调查员2")
        let observer = try county.device("观察者", role: .supervisor).store
        let folder = county.folder
        func export(_ d: TestDevice) throws -> Data {
            let made = try d.store.exportBundles(to: "\(folder)/usb-\(UUID().uuidString.prefix(6))", enumerator: "李文华")
            return try Data(contentsOf: URL(fileURLWithPath: made[0].path))
        }
        var mine = try Interviewed.make(on: e1, no: "0001")
        let start = try export(e1)
        try e2.store.importBundle(start, fileName: "carried.hfb", questionnaire: nil)
        var theirs = try Interviewed.load(mine.id, head: mine.head, on: e2)
        try mine.answer("phone", "13911111111", on: e1)
        try theirs.answer("phone", "13922222222", on: e2)
        let files = [(e1, start), (e1, try export(e1)), (e2, try export(e2))]
        let logger = Logger(label: "county-backfill-test")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await HubMigrations.migrate(client, logger: logger, through: 2)
            // What a hub before the county tables logged: three applied bundles, in log order.
            for (n, (device, file)) in files.enumerated() {
                let (hash, sequence) = file.bundleIdentity
                try await client.query("""
                    INSERT INTO bundle (hash, device_id, sequence, previous, bundle_id, state, changes, manifest, archive, author_role, log_position)
                    VALUES (\(hash), \(device.id), \(sequence), '', 'b', 'applied', 1, '{}', \(file), 'enumerator', \(n + 1))
                    """, logger: logger)
                _ = try observer.importBundle(file, fileName: "logged.hfb", questionnaire: nil)
            }
            #expect(try await HubMigrations.migrate(client, logger: logger) == ["v3 county tables", "v4 a device's chain by index", "v5 progress page logins", "v6 county tables follow the log",
                                                                                "v7 county rounds"])
            let reader = CountyHouseholdReader(client: client, logger: logger)
            let laptop = String(decoding: HouseholdStore.encode(try observer.exportJSON()), as: UTF8.self)
            let hub = try await CountyConformance.countyJSON(client, folder: folder)
            #expect(laptop == hub)
            #expect(try observer.exportJSON().households.count == 1)
            let conflicts = try await reader.conflicts()
            #expect(conflicts.count == 1 && conflicts.first?.mine == .answer(.text("13911111111")))
            #expect(try observer.conflicts().count == 1)
        }
    }

    @Test func aProcedureRecordedOnALaptopIsAppliedIntoTheCountyTablesWithItsSteps() async throws {
        try await CountyConformance.run { c in
            let e1 = try c.laptop("调查员1")
            let one = try Interviewed.make(on: e1, no: "0001")
            let periods = Project.questionnaire.standards.procedures
            func day(_ text: String) -> Day { Day(iso: text)! }
            try e1.store.propose(one.id, year: 2020, outcome: .exit, reason: "人均纯收入稳定超过标准", who: "李文华")
            _ = try e1.store.recordStep(one.id, year: 2020, step: ProcedureStep(.appraisal), start: day("2020-11-10"),
                                        result: .passed, periods: periods, who: "李文华")
            #expect(try await c.deliver(try c.export(e1), from: e1) == "applied")
            _ = try e1.store.recordStep(one.id, year: 2020, step: ProcedureStep(.notice), start: day("2020-11-11"), end: day("2020-11-17"),
                                        result: .passed, periods: periods, who: "李文华")
            #expect(try await c.deliver(try c.export(e1), from: e1) == "applied")
            try await c.hub.store.applyLogged()
            var steps: [String] = []
            for try await (kind, year, end) in try await c.hub.store.client.query("""
                SELECT s.kind, s.survey_year, coalesce(s.end_day, '') FROM county_procedure_step s
                JOIN county_procedure p USING (county, household_id, survey_year)
                WHERE p.outcome = 'exit' AND p.county = '622922' ORDER BY s.start_day
                """).decode((String, Int, String).self) { steps.append("\(kind) \(year) \(end)") }
            #expect(steps == ["appraisal 2020 ", "notice 2020 2020-11-17"])
            try await c.expectSame()
        }
    }

    @Test func aRoundStartedOnALaptopReachesTheCountyTablesWithItsCarriedRows() async throws {
        try await CountyConformance.run { c in
            let e1 = try c.laptop("调查员1")
            let one = try Interviewed.make(on: e1, no: "0001")
            #expect(try await c.deliver(try c.export(e1), from: e1) == "applied")
            let q = Project.questionnaire
            let started = try e1.store.startRound([one.id], year: 2021, referenceDay: Day(year: 2021, month: 11, day: 15)!, questionnaire: q,
                                                  who: "李文华")[0]
            var iv = try e1.store.interview(started.household, questionnaire: q)
            let head = try #require(iv.rowIDs(of: q.roster("members")!.index).first)
            try e1.store.commit(try iv.answer("name", row: head, .text("王建国")), of: iv, who: "李文华")
            #expect(try await c.deliver(try c.export(e1), from: e1) == "applied")
            try await c.hub.store.applyLogged()
            var rounds: [String] = []
            for try await (year, previous, carried) in try await c.hub.store.client.query("""
                SELECT r.survey_year, r.previous_round_id, (SELECT count(*) FROM county_carried_row w WHERE w.county = r.county AND w.household_id = r.household_id)
                FROM county_round r WHERE r.county = '622922'
                """).decode((Int, String, Int).self) { rounds.append("\(year) \(previous) \(carried)") }
            #expect(rounds == ["2021 \(one.id.uuidString.lowercased()) \(started.carriedRows)"])
            try await c.expectSame()
            let county = try await c.exports().county
            #expect(county.contains("\"registrationID\" : \"\(one.id.uuidString.lowercased())\"") && county.contains("王建国"))
        }
    }
}
