import Foundation
import ProjectFolders
import Store
import Survey
import Testing

/// `hufang procedure propose|step|decide|show` and `hufang notice` through the real binary.
@Suite struct ProcedureCommandTests {
    func store() throws -> (db: String, dir: URL) { try TwoHouseholdVillage.make() }

    func hufang(_ db: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try HufangBinary.run(args + ["--db", db, "--screens", HufangBinary.screens])
    }

    func household(_ no: String) -> [String] { ["--village", "622922100201", "--household", no, "--year", "2020"] }

    @Test func anExitIsDrivenEndToEndAndTheShortNoticeRefusedWithItsReason() throws {
        let (db, _) = try store()
        var r = try hufang(db, ["procedure", "propose"] + household("0001") + ["--outcome", "exit", "--reason", "人均纯收入稳定超过标准"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "已记录：2020年 户 0001 拟脱贫（人均纯收入稳定超过标准）\n")
        for step in [["appraisal", "--from", "2020-11-10"], ["consent", "--from", "2020-11-10"],
                     ["notice", "--from", "2020-11-11", "--to", "2020-11-16"], ["announcement", "--from", "2020-11-25", "--to", "2020-11-29"],
                     ["notification", "--from", "2020-11-30"]] {
            r = try hufang(db, ["procedure", "step"] + household("0001") + step)
            #expect(r.status == 0, "\(step): \(r.err)")
        }
        r = try hufang(db, ["procedure", "decide"] + household("0001"))
        #expect(r.status == 1)
        #expect(r.err == "“公示”只有6天，标准要求不少于7天\n")
        r = try hufang(db, ["procedure", "decide", "--lang", "en"] + household("0001"))
        #expect(r.err == "the public notice ran 6 days; the standards require at least 7\n")
        r = try hufang(db, ["procedure", "step"] + household("0001") + ["notice", "--from", "2020-11-11", "--to", "2020-11-17"])
        #expect(r.status == 0 && r.out == "已记录：公示 2020-11-11—2020-11-17 无异议\n", "\(r.out)\(r.err)")
        r = try hufang(db, ["procedure", "decide"] + household("0001"))
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "已确定：2020年 户 0001 脱贫\n")
        r = try hufang(db, ["procedure", "show"] + household("0001"))
        #expect(r.out.hasPrefix("2020年 户 0001：脱贫（已确定），理由：人均纯收入稳定超过标准\n  ✓ 民主评议  2020-11-10  无异议"), "\(r.out)")
    }

    @Test func aNewHouseholdWithoutTheComparisonIsRefusedAndBadInputChangesNothing() throws {
        let (db, _) = try store()
        #expect(try hufang(db, ["procedure", "propose"] + household("0002") + ["--outcome", "new", "--reason", "因病致贫"]).status == 0)
        for step in [["application", "--from", "2020-11-05"], ["appraisal", "--from", "2020-11-10"],
                     ["notice", "--from", "2020-11-11", "--to", "2020-11-17"], ["notice", "--number", "2", "--from", "2020-11-18", "--to", "2020-11-24"],
                     ["appraisal", "--number", "2", "--from", "2020-11-25"], ["announcement", "--from", "2020-11-25", "--to", "2020-11-29"],
                     ["notification", "--from", "2020-11-30"]] {
            #expect(try hufang(db, ["procedure", "step"] + household("0002") + step).status == 0)
        }
        var r = try hufang(db, ["procedure", "decide"] + household("0002"))
        #expect(r.status == 1 && r.err == "程序不完整：还没有记录“信息比对”\n", "\(r.err)")
        r = try hufang(db, ["procedure", "step"] + household("0002") + ["comparison", "--from", "2020-11-31"])
        #expect(r.status == 1 && r.err == "日期“2020-11-31”不对，应为 2020-11-11 这样的格式\n", "\(r.err)")
        r = try hufang(db, ["procedure", "propose"] + household("0002") + ["--outcome", "leave", "--reason", "x"])
        #expect(r.status == 1 && r.err.hasPrefix("没有调整类型“leave”"), "\(r.err)")
        #expect(try hufang(db, ["procedure", "show"] + household("0002")).out.contains("  · 信息比对  （未记录）"))
    }

    @Test func theNoticeListIsPrintedWithMaskedIDNumbersAndWrittenToAPrintableFile() throws {
        let (db, dir) = try store()
        #expect(try hufang(db, ["procedure", "propose"] + household("0002") + ["--outcome", "new", "--reason", "因病致贫，本户手写申请"]).status == 0)
        #expect(try hufang(db, ["procedure", "propose"] + household("0001") + ["--outcome", "exit", "--reason", "人均纯收入稳定超过标准，两不愁三保障有保障"]).status == 0)
        let r = try hufang(db, ["notice", "--village", "622922100201", "--year", "2020"])
        #expect(r.status == 0, "\(r.err)")
        let expected = """
            622922100201村 2020年 贫困户动态调整公示名单

            序号  户号  户主姓名  身份证号码          拟调整类型  理由
            1     0001  王建军    6229**********003X  脱贫        人均纯收入稳定超过标准，两不愁三保障有保障
            2     0002  刘桂英    6229**********0056  新纳入      因病致贫，本户手写申请

            公示期不少于7天。对名单有异议的，请在公示期内向村委会或驻村工作队反映。
            村民委员会（盖章）            年    月    日

            """
        #expect(r.out == expected)
        #expect(!r.out.contains("62292219700304003X") && !r.out.contains("622922197003040056"))
        let only = try hufang(db, ["notice", "--village", "622922100201", "--year", "2020", "--outcome", "new", "--lang", "en"])
        let lines = only.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Village 622922100201: households proposed for adjustment in 2020")
        #expect(lines.contains("1    0002       刘桂英  6229**********0056  newly included  因病致贫，本户手写申请"), "\(only.out)")
        #expect(!only.out.contains("王建军"))
        let file = dir.appendingPathComponent("notice.txt").path
        let written = try hufang(db, ["notice", "--village", "622922100201", "--year", "2020", "--out", file])
        #expect(written.out == "公示名单已写入 \(file)（2 户）\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == expected)
    }
}
