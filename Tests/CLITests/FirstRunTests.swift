import Foundation
import Testing

/// `hufang` at a terminal on a laptop without a store: the steps to start, in Chinese, done on the spot.
@Suite struct FirstRunTests {
    @Test func theFirstRunAsksTheNamesMakesTheStoreAndSaysHowToEnrolBeforeTheListOpens() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-first-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("new/store.sqlite").path
        let session = try TmuxSession(["--db", path], width: 220, height: 30, env: ["USER": "cadre"])
        #expect(try session.waitFor("这台电脑上还没有数据库"))
        #expect(try session.waitFor("调查员姓名（直接回车用 cadre）"))
        try session.type("马小花")
        try session.press("Enter")
        #expect(try session.waitFor("本机名称"))
        try session.type("一组笔记本")
        try session.press("Enter")
        #expect(try session.waitFor("按回车键打开户访"))
        let guide = try session.screen()
        #expect(guide.contains("已建立数据库 " + path + "，本机名称 一组笔记本"), "\(guide)")
        #expect(guide.contains("公钥文件 " + path + ".pub"), "\(guide)")
        #expect(guide.contains("hufang enrol --db " + path + " --county county.json"), "\(guide)")
        #expect(guide.contains("本次以“马小花”记录每条修改"), "\(guide)")
        try session.press("Enter")
        #expect(try session.waitFor("户名单"))

        let shown = try HufangBinary.run(["keys", "show", "--db", path])
        #expect(shown.status == 0, "\(shown.err)")
        #expect(shown.out.contains("一组笔记本"), "\(shown.out)")
    }
}
