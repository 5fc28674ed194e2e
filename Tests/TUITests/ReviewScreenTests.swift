import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// The supervisor's screens (`hufang review`) on the sample village: the list with its filters and
/// search, one household's review with history, comments and the decision, the conflict queue and the
/// dashboard; then their snapshots in both languages.
@Suite struct ReviewScreenTests {
    static let who = "乡镇审核员"

    static func app(_ path: String, lang: Language = .zh) -> ReviewRuntime {
        let app = ReviewRuntime(store: try! HouseholdStore(path: path), questionnaire: TUIFixture.questionnaire, lang: lang, width: 80, height: 24,
                                who: who)
        app.start()
        return app
    }

    /// A conflict on the household numbered `householdNo`: one field changed here and on a laptop.
    static func conflict(_ path: String, householdNo: String = "0002", id: String = "c0ffee00-0000-4000-8000-000000000001", field: String = "phone",
                         mine: String = "text:13800001111", theirs: String = "text:13900002222") throws -> (HouseholdRecord, ConflictRecord) {
        let store = try HouseholdStore(path: path)
        let h = try store.reviewList(ReviewQuery(), questionnaire: TUIFixture.questionnaire, limit: 200).rows.map(\.household).first { $0.householdNo == householdNo }!
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO conflict (id, householdID, rowID, kind, field, mineValue, mineWho, mineAt, theirsValue, theirsWho, theirsAt,
                                      theirsDevice, bundleID, sequence, detectedAt, state)
                VALUES (?, ?, '', 'answer', ?, ?, '县录入员', '2026-11-20T09:15:00.000Z', ?, '驻村队员', '2026-11-21T16:40:00.000Z',
                        '7e57de71ce00000000000000000000aa', 'b1', 3, '2026-11-22T08:00:00.000Z', 'open')
                """, arguments: [id, h.id, field, mine, theirs])
        }
        let c = try store.conflicts().first { $0.id == id }!
        return (h, c)
    }

    // MARK: the list

    @Test func filtersCycleAndSearchNarrowsTheList() throws {
        let app = Self.app(TUIFixture.samplePath)
        let store = try HouseholdStore(path: TUIFixture.samplePath)
        #expect(app.state.list.total == 128)
        #expect(app.state.list.villages == ["622922100201"])
        app.press(.function(2))                                        // status: in progress
        #expect(app.state.list.query.status == .inProgress)
        #expect(app.state.list.total == (try store.reviewList(ReviewQuery(status: .inProgress), questionnaire: TUIFixture.questionnaire).total))
        #expect(app.state.list.rows.allSatisfy { $0.household.status == .inProgress })
        app.press(.function(3))                                        // and with errors
        #expect(app.state.list.query.flag == .errors)
        #expect(app.state.list.rows.allSatisfy { $0.household.hardErrors > 0 })
        #expect(app.screen.contains("F3 标记：有错误"))
        app.type("马")
        let expected = try store.reviewList(ReviewQuery(status: .inProgress, flag: .errors, search: "马"), questionnaire: TUIFixture.questionnaire).total
        #expect(app.state.list.total == expected)
        // Every row found has a member whose name starts with what was typed (not only the head).
        #expect(expected > 0 && !app.state.list.rows.isEmpty)
        for row in app.state.list.rows {
            let iv = try store.interview(try #require(UUID(uuidString: row.household.id)), questionnaire: TUIFixture.questionnaire)
            let members = iv.rowIDs(of: try #require(TUIFixture.questionnaire.roster("members")).index)
            #expect(members.contains { iv.value("name", row: $0)?.text?.hasPrefix("马") == true }, "\(row.household.householdNo)")
        }
        app.press(.escape)                                             // the search first
        #expect(app.state.list.query.search.isEmpty && app.state.list.query.flag == .errors)
        app.press(.escape)                                             // then every filter
        #expect(app.state.list.query == ReviewQuery() && app.state.list.total == 128)
        app.press(.ctrl("s"))                                          // sort by status (Ctrl fallback)
        #expect(app.state.list.query.sort == .status)
        let statuses = app.state.list.rows.map(\.household.status.rawValue)   // the store sorts by the stored text
        #expect(statuses == statuses.sorted())
        // A filter cycles back to "all" after its last choice.
        for _ in 0...DashboardPage.statuses.count { app.press(.function(2)) }
        #expect(app.state.list.query.status == nil)
    }

    // MARK: one household

    @Test func historyCommentAndSendBack() throws {
        let path = TUIFixture.freshSample()
        let app = Self.app(path)
        let store = try HouseholdStore(path: path)
        app.press(.enter)                                              // the first household
        let sheet = try #require(app.state.sheet)
        #expect(app.state.screen == .household)
        #expect(app.screen.contains("A 户基本情况"))
        // Move to the phone number and read its history.
        let phone = try #require(sheet.lines.firstIndex { $0.kind == .field(row: nil, question: "phone") })
        while app.state.sheet!.selected < phone { app.press(.down) }
        #expect(app.state.sheet!.selected == phone)
        app.press(.enter)
        guard case .history(let panel)? = app.state.overlay else { Issue.record("no history"); return }
        #expect(panel.title == "联系电话")
        #expect(panel.lines.count == 1 && panel.lines[0].who == "sample" && panel.lines[0].text == sheet.lines[phone].value)
        app.press(.escape)
        #expect(app.state.overlay == nil)

        // A comment on the field: typed, stored, shown under it.
        app.press(.function(3))
        app.type("号码少一位，请核对")
        app.press(.enter)
        let id = sheet.id
        #expect(try store.comments(id).map(\.text) == ["号码少一位，请核对"])
        #expect(try store.comments(id).first?.question == "phone")
        #expect(app.state.sheet!.lines[phone + 1].label == "※ 审核意见：号码少一位，请核对（乡镇审核员）")
        #expect(app.state.sheet!.selected == phone, "the cursor stays on the field")
        app.press(.enter)
        guard case .history(let after)? = app.state.overlay else { Issue.record("no history"); return }
        #expect(after.lines.last?.text == "审核意见：号码少一位，请核对" && after.lines.last?.kind == .comment)
        app.press(.escape)

        // Send back: an empty reason is refused, a reason is stored and the list says so.
        app.press(.function(8))
        app.press(.enter)
        guard case .prompt(let p)? = app.state.overlay else { Issue.record("no prompt"); return }
        #expect(p.error == "不能为空")
        app.type("电话号码有误")
        app.press(.enter)
        #expect(try store.review(id)?.state == .sentBack)
        #expect(try store.review(id)?.reason == "电话号码有误")
        #expect(app.state.screen == .list)
        #expect(app.state.status?.text == "已退回：\(sheet.name)（电话号码有误）")
        #expect(app.state.list.rows.first { $0.household.id == sheet.record.id }?.household.status == .sentBack)
        #expect(app.screen.contains("已退回"))
    }

    @Test func approvalAsksOnceMoreAndIsRefusedWhileWorkIsOpen() throws {
        let path = TUIFixture.freshSample()
        let app = Self.app(path)
        let store = try HouseholdStore(path: path)
        // A household still in progress cannot be approved.
        app.press(.function(2))                                        // in progress
        app.press(.enter)
        let open = try #require(app.state.sheet)
        app.press(.function(9))
        #expect(app.state.overlay == nil)
        #expect(app.state.status?.text.hasPrefix("只能通过已完成的户") == true)
        #expect(try store.review(open.id) == nil)
        app.press(.escape)

        // A complete one: F9 asks, Esc leaves it, F9 Enter approves.
        app.press(.function(2))                                        // complete
        #expect(app.state.list.query.status == .complete)
        app.press(.enter)
        let done = try #require(app.state.sheet)
        app.press(.function(9))
        #expect(app.state.overlay == .confirmApprove(done.id, household: done.name))
        #expect(app.screen.contains("确认通过 \(done.name)？"))
        app.press(.escape)
        #expect(try store.review(done.id) == nil)
        app.press(.ctrl("f"), .enter)                                  // the Ctrl fallback
        #expect(try store.review(done.id)?.state == .approved)
        #expect(try store.household(done.id).status == .approved)
        #expect(app.state.status?.text == "已审核通过：\(done.name)")
        // The list still filters on complete: the approved household has left it.
        #expect(!app.state.list.rows.contains { $0.household.id == done.record.id })
    }

    @Test func nextProblemFindsTheErrorAndTheDecisionHeadsTheSheet() throws {
        let path = TUIFixture.freshSample()
        let app = Self.app(path)
        app.press(.down, .down, .down, .enter)                        // 0004: one error
        let sheet = try #require(app.state.sheet)
        #expect(sheet.record.hardErrors == 1)
        let errorLine = try #require(sheet.lines.firstIndex { $0.kind == .error })
        app.press(.function(6))
        let at = app.state.sheet!.selected
        #expect(at < errorLine && sheet.lines[(at + 1)...errorLine].allSatisfy { !$0.isField }, "the cursor is on the field the error is under")
        #expect(app.state.status == nil)
        app.press(.ctrl("p"))                                          // the only one: round to it again
        #expect(app.state.sheet!.selected == at)
        // A household with nothing to look at says so.
        app.press(.escape, .up, .up, .up, .enter)
        #expect(app.state.sheet!.record.householdNo == "0001")
        app.press(.function(6))
        #expect(app.state.status?.text == "本户没有错误、提示或意见")

        // The decision heads the sheet once there is one.
        try HouseholdStore(path: path).sendBack(app.state.sheet!.id, reason: "人口数不符", who: "县审核员")
        app.press(.escape, .enter)
        #expect(app.state.sheet!.lines.first?.label.hasPrefix("审核：已退回 — 人口数不符（县审核员 ") == true)
        #expect(app.state.status?.text == "已退回：人口数不符")
    }

    // MARK: conflicts

    @Test func conflictsSideBySideTakeOneOrTypeAValue() throws {
        let path = TUIFixture.freshSample()
        let (h, c) = try Self.conflict(path)
        let store = try HouseholdStore(path: path)
        let app = Self.app(path)
        #expect(app.screen.contains("冲突 1"))
        app.press(.function(7))
        #expect(app.state.screen == .conflicts)
        let item = try #require(app.state.conflicts.current)
        #expect(item.household == "\(h.householdNo) \(h.headName)")
        #expect(item.field == "联系电话")
        #expect(item.mine == "13800001111" && item.theirs == "13900002222")
        let screen = app.screen
        for text in ["本机（F5）", "对方（F6）", "13800001111", "13900002222", "县录入员", "驻村队员", "2026-11-21 16:40", "7e57de71", "hufang-7e57de71-000003.zip", "2026-11-22 08:00"] {
            #expect(screen.contains(text), "\(text)\n\(screen)")
        }
        // A typed merged value: it must fit the field, then it is the answer and the queue is empty.
        app.press(.function(7))
        guard case .prompt(let p)? = app.state.overlay else { Issue.record("no prompt"); return }
        #expect(p.text == "13900002222", "the prompt starts from the other side's value")
        app.press(.ctrl("u"))
        app.type("13900003333")
        app.press(.enter)
        #expect(app.state.conflicts.items.isEmpty)
        #expect(app.state.status?.text == "冲突已处理，取值：13900003333")
        let iv = try store.interview(UUID(uuidString: h.id)!, questionnaire: TUIFixture.questionnaire)
        #expect(iv.value("phone") == .text("13900003333"))
        #expect(try store.conflicts(all: true).first { $0.id == c.id }?.state == .resolved)
        #expect(app.screen.contains("没有待处理的冲突"))
        app.press(.escape)
        #expect(app.state.screen == .list && !app.screen.contains("冲突 1"))
    }

    @Test func takingTheOtherSidesValue() throws {
        let path = TUIFixture.freshSample()
        let (h, _) = try Self.conflict(path)
        let app = Self.app(path)
        app.press(.function(7), .function(6))
        let iv = try HouseholdStore(path: path).interview(UUID(uuidString: h.id)!, questionnaire: TUIFixture.questionnaire)
        #expect(iv.value("phone") == .text("13900002222"))
        #expect(app.state.conflicts.items.isEmpty)
    }

    // MARK: dashboard

    @Test func dashboardListsTheHouseholdsFailingAGuaranteeAndOpensOne() throws {
        let app = Self.app(TUIFixture.samplePath)
        let store = try HouseholdStore(path: TUIFixture.samplePath)
        let d = try store.dashboard(village: "622922100201")
        app.press(.function(8))
        #expect(app.state.screen == .dashboard)
        let page = try #require(app.state.dashboard?.page)
        #expect(page.households == 128)
        #expect(page.types.map { $0.counts.reduce(0, +) }.reduce(0, +) == 128)
        #expect(page.causes.map(\.count).reduce(0, +) == 128)
        let housing = try #require(page.guarantees.firstIndex { $0.label == "住房安全有保障" })
        for _ in 0..<housing { app.press(.down) }
        app.press(.enter)
        guard case .failing(let list)? = app.state.overlay else { Issue.record("no list"); return }
        let failing = try #require(d.failing[page.guarantees[housing].id])
        #expect(list.households == failing)
        #expect(!failing.isEmpty)
        #expect(app.screen.contains("\(failing[0].householdNo)  \(failing[0].headName)"))
        app.press(.down, .enter)
        #expect(app.state.screen == .household)
        #expect(app.state.sheet?.record.id == failing[1].id)
        // Its sheet says why housing fails; Esc goes back to the dashboard, where the cursor was.
        #expect(app.state.sheet!.lines.contains { $0.kind == .assessment && $0.label == "✗ 住房安全有保障" })
        app.press(.escape)
        #expect(app.state.screen == .dashboard && app.state.dashboard?.guarantees.selected == housing)
    }

    @Test func startingOnOneVillage() {
        let app = ReviewRuntime(store: try! HouseholdStore(path: TUIFixture.samplePath), questionnaire: TUIFixture.questionnaire, lang: .zh,
                                width: 80, height: 24, who: Self.who, village: "622922100299")
        app.start()
        #expect(app.state.list.total == 0 && app.screen.contains("F4 村：622922100299"))
        #expect(app.screen.contains("没有符合条件的户。按 Esc 清除搜索和筛选。"))
        app.press(.escape)
        #expect(app.state.list.total == 128)
    }

    @Test func tooSmallThenBackWithNothingLost() {
        let app = Self.app(TUIFixture.samplePath)
        app.type("马")
        app.send(.resize(width: 60, height: 20))
        #expect(app.screen.contains("终端窗口太小（60×20）"))
        app.press(.char("x"))
        app.send(.resize(width: 80, height: 24))
        #expect(app.state.list.query.search == "马")
    }

    // MARK: snapshots (80×24, both languages)

    @Test(arguments: Language.allCases) func listSnapshot(_ lang: Language) {
        let app = Self.app(TUIFixture.samplePath, lang: lang)
        app.press(.down, .down, .down)
        let frame = ReviewRender.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "review-list-\(lang.rawValue)")
    }

    @Test(arguments: Language.allCases) func householdWithHistorySnapshot(_ lang: Language) throws {
        let app = Self.app(TUIFixture.samplePath, lang: lang)
        app.press(.down, .down, .down, .enter)                        // 0004, which has an error
        let sheet = try #require(app.state.sheet)
        let field = try #require(sheet.lines.firstIndex { $0.kind == .field(row: nil, question: "phone") })
        let q = TUIFixture.questionnaire.question("phone")
        // Fixed times, so the snapshot does not depend on when the sample was made.
        func audit(_ kind: AuditKind, _ old: String?, _ new: String?, _ reason: String?, _ who: String, _ at: String) -> AuditRecord {
            AuditRecord(id: UUID().uuidString, householdID: sheet.record.id, rowID: nil, subject: "phone", kind: kind, oldValue: old, newValue: new,
                        reason: reason, who: who, at: at, clock: at)
        }
        let panel = HistoryPanel.make(q!.label.text(lang), [
            audit(.answer, nil, "text:1899702645", nil, "驻村队员", "2026-11-19T10:02:11.000Z"),
            audit(.comment, nil, nil, "号码少一位，请核对", "乡镇审核员", "2026-11-20T15:30:00.000Z"),
            audit(.answer, "text:1899702645", "text:18997026458", nil, "驻村队员", "2026-11-21T09:12:40.000Z"),
            audit(.commentResolved, nil, nil, "号码少一位，请核对", "驻村队员", "2026-11-21T09:12:41.000Z")], question: q, lang: lang)
        app.setState { state in
            state.sheet!.selected = field
            SheetUpdate.keepVisible(&state.sheet!, rows: state.sheetRows, width: state.width)
            state.overlay = .history(panel)
        }
        let frame = ReviewRender.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "review-history-\(lang.rawValue)")
    }

    @Test(arguments: Language.allCases) func conflictSnapshot(_ lang: Language) throws {
        let path = TUIFixture.freshSample()
        _ = try Self.conflict(path)
        _ = try Self.conflict(path, householdNo: "0005", id: "c0ffee00-0000-4000-8000-000000000002", field: "household_type", mine: "code:1", theirs: "code:2")
        let app = Self.app(path, lang: lang)
        app.press(.function(7), .down)                                 // the code-list field: values shown with their labels
        let frame = ReviewRender.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "review-conflicts-\(lang.rawValue)")
    }

    @Test(arguments: Language.allCases) func dashboardSnapshot(_ lang: Language) {
        let app = Self.app(TUIFixture.samplePath, lang: lang)
        app.press(.function(8), .down, .down, .down, .down)
        let frame = ReviewRender.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "review-dashboard-\(lang.rawValue)")
    }
}

extension ReviewRuntime {
    func press(_ keys: Key...) { for k in keys { send(.key(k)) } }
    func type(_ text: String) { for c in text { send(.key(.char(c))) } }
    var screen: String { ReviewRender.frame(state).text }
}
