import Foundation
import Testing

/// `hufang round start` through the real binary: a village's round starts once per household, and what the
/// command refuses changes nothing.
@Suite struct RoundCommandTests {
    func hufang(_ db: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try HufangBinary.run(args + ["--db", db, "--screens", HufangBinary.screens])
    }

    func exported(_ db: String) throws -> [[String: Any]] {
        let json = try hufang(db, ["export", "json"]).out
        let file = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(file["households"] as? [[String: Any]])
    }

    @Test func aVillagesRoundStartsEachHouseholdOnceCarryingItsMembersAndTheDashboardStillCountsTwo() throws {
        let (db, _) = try TwoHouseholdVillage.make()
        let village = TwoHouseholdVillage.village
        var r = try hufang(db, ["round", "start", "--village", village, "--year", "2021", "--day", "2021-11-15", "--who", "李文华"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == """
            第 0001 户：已开始 2021 年度的调查，带入 1 行（成员等）
            第 0002 户：已开始 2021 年度的调查，带入 1 行（成员等）
            \(village) 村：2 户开始了 2021 年度的调查，0 户原已开始或更新

            """)
        r = try hufang(db, ["round", "start", "--village", village, "--year", "2021", "--day", "2021-11-15"])
        #expect(r.status == 0 && r.out == "\(village) 村：0 户开始了 2021 年度的调查，2 户原已开始或更新\n", "\(r.out)\(r.err)")
        r = try hufang(db, ["round", "start", "--household", "0001", "--year", "2021", "--day", "2021-11-15"])
        #expect(r.status == 1 && r.err == "第 0001 户已经开始了 2021 年度的调查\n", "\(r.err)")

        let households = try exported(db)
        #expect(households.count == 4)
        let rounds = households.compactMap { $0["round"] as? [String: Any] }
        #expect(rounds.map { $0["surveyYear"] as? Int } == [2021, 2021])
        let firsts = Set(households.filter { $0["round"] == nil }.compactMap { ($0["household"] as? [String: Any])?["id"] as? String })
        #expect(Set(rounds.compactMap { $0["previousRoundID"] as? String }) == firsts)
        #expect(households.filter { $0["round"] != nil }.allSatisfy { ($0["carriedRows"] as? [Any])?.count == 1 })
        // The dashboard counts registrations, not rounds.
        r = try hufang(db, ["dashboard", "--village", village])
        #expect(r.status == 0 && r.out.hasPrefix("村 \(village)：2 户\n"), "\(r.out)")
    }

    @Test func aRoundTheCommandRefusesChangesNothingAndSaysWhyInTheUsersLanguage() throws {
        let (db, _) = try TwoHouseholdVillage.make()
        let before = try hufang(db, ["export", "json"]).out
        let refused: [([String], String)] = [
            (["--village", TwoHouseholdVillage.village, "--year", "1999"], "年度 1999 不对：应在 2000 到 2100 之间"),
            (["--village", TwoHouseholdVillage.village, "--household", "0001", "--year", "2021"], "请给出 --village（全村各户）或 --household（一户），二者选一"),
            (["--household", "0001", "--year", "2021", "--day", "2020-11-15"], "调查基准日 2020-11-15 不在 2021 年度内：请用 --day 给出该年度的日期"),
            (["--household", "0001", "--year", "2020", "--day", "2020-11-15"], "第 0001 户不能开始 2020 年度的调查：它最新的记录是 2020 年度的，新年度必须在它之后"),
            (["--household", "0009", "--year", "2021", "--day", "2021-11-15"], "0009"),
        ]
        for (args, message) in refused {
            let r = try hufang(db, ["round", "start"] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.err.contains(message), "\(args): \(r.err)")
            #expect(r.out.isEmpty, "\(args): \(r.out)")
        }
        let english = try hufang(db, ["round", "start", "--household", "0001", "--year", "2021", "--day", "2020-11-15", "--lang", "en"])
        #expect(english.err == "The reference day 2020-11-15 is not in 2021: give a day of that year with --day\n", "\(english.err)")
        #expect(try hufang(db, ["export", "json"]).out == before)
    }
}
