import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// County enrolment on screen: who sent each household's latest changes (the supervisor's list and
/// sheet), and the notice on a device's start screen when its own certificate runs out soon or has.
@Suite struct EnrolmentScreenTests {
    /// The day the tests' runtime says it is.
    static let today = Day(year: 2026, month: 12, day: 24)!

    /// A certificate as the county would sign it (the type has no public initialiser: made from its JSON).
    static func certificate(validUntil: String, role: DeviceRole = .enumerator) -> DeviceCertificate {
        let fields: [String: Any] = ["format": DeviceCertificate.formatName, "serial": "s1", "countyID": "622922",
                                     "deviceID": "3f2a1b2c9d8e7f60a1b2c3d4e5f60718", "publicKey": "", "keyFingerprint": "", "role": role.rawValue,
                                     "scope": ["622922100201"], "name": "李文华", "issuedAt": "2026-01-05", "validUntil": validUntil]
        return try! JSONDecoder().decode(DeviceCertificate.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    /// Last valid days 40, 12, 0 and −3 days from `today`.
    static let cases: [(left: Int, validUntil: String)] = [(40, "2027-02-02"), (12, "2027-01-05"), (0, "2026-12-24"), (-3, "2026-12-21")]

    static func statusRow(_ frame: ScreenBuffer) -> String { frame.line(frame.height - 2) }

    /// A day `days` from now, as the clock of this machine has it (the store refuses an expired certificate).
    static func fromNow(_ days: Int) -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date().addingTimeInterval(Double(days) * 86_400))
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    // MARK: the notice, pure

    @Test(arguments: Language.allCases) func noticeAtFortyTwelveZeroAndMinusThreeDays(_ lang: Language) throws {
        let zh = lang == .zh
        for (left, until) in Self.cases {
            let c = Self.certificate(validUntil: until)
            #expect(c.daysLeft(on: Self.today) == left)
            var state = AppState(lang: lang, width: 80, height: 24)
            state.list.loading = false
            #expect(state.certificate == nil)
            #expect(Update.apply(&state, .certificateLoaded(c, today: Self.today)).isEmpty)
            #expect(state.certificate == OwnCertificate(c, today: Self.today))
            let notice = state.certificate?.notice(lang)
            let row = Self.statusRow(Render.frame(state))
            switch left {
            case 40:
                #expect(notice == nil)
                #expect(row.contains(zh ? Phrase.listHint.text(.zh) : "Type the start of a name"), "the hint, as without a certificate")
            case 12:
                let text = zh ? "本机证书将于 2027-01-05 到期（还有 12 天），请联系县里重新登记"
                              : "Device certificate expires 2027-01-05 (12 days): ask the county to enrol again"
                #expect(notice == StatusLine(text, .warning))
                #expect(row == " " + TextWidth.fit(text, 79))
            case 0:
                let text = zh ? "本机证书今天（2026-12-24）到期，请联系县里重新登记" : "Device certificate expires today (2026-12-24): ask the county to enrol again"
                #expect(notice == StatusLine(text, .warning))
                #expect(row.contains(text))
            default:
                let text = zh ? "本机证书已于 2026-12-21 到期：县里将拒收本机的新数据包，请重新登记"
                              : "Certificate expired 2026-12-21: the county refuses new bundles; enrol again"
                #expect(notice == StatusLine(text, .error))
                #expect(row == " " + TextWidth.fit("✗ " + text, 79), "the whole notice fits on the line")
            }
            // The supervisor's list says the same, from its own state.
            var review = ReviewState(lang: lang, width: 80, height: 24)
            review.list.loading = false
            #expect(ReviewUpdate.apply(&review, .certificateLoaded(c, today: Self.today)).isEmpty)
            #expect(review.certificate == state.certificate)
            let reviewRow = Self.statusRow(ReviewRender.frame(review))
            if let notice { #expect(reviewRow.contains(notice.text)) } else { #expect(!reviewRow.contains(zh ? "证书" : "ertificate")) }
        }
    }

    @Test func noCertificateNoNoticeAndAMessageGoesFirst() {
        var state = AppState(lang: .zh, width: 80, height: 24)
        state.list.loading = false
        _ = Update.apply(&state, .certificateLoaded(nil, today: Self.today))
        #expect(state.certificate == nil)
        #expect(!Self.statusRow(Render.frame(state)).contains("证书"))

        _ = Update.apply(&state, .certificateLoaded(Self.certificate(validUntil: "2027-01-05"), today: Self.today))
        state.status = StatusLine("已保存")
        #expect(Self.statusRow(Render.frame(state)).contains("已保存") && !Self.statusRow(Render.frame(state)).contains("证书"))
        _ = Update.apply(&state, .key(.down))                           // the message goes with the next key; the notice stays
        #expect(Self.statusRow(Render.frame(state)).contains("本机证书将于 2027-01-05 到期"))
    }

    /// The runtimes read the store's own certificate at start, on their `today`.
    @Test func theRuntimesReadTheCertificateAtStart() throws {
        let path = TUIFixture.emptyStore()
        #expect(TUIFixture.app(path).state.certificate == nil)
        let store = try HouseholdStore(path: path)
        let county = try CountyAuthority.create(in: (path as NSString).deletingLastPathComponent + "/county", countyID: "622922", name: "积石山县")
        try store.trustCounty(county.identity)
        let until = Self.fromNow(40)
        let (signed, certificate, _) = try county.enrol(try store.writePublicKeyFile(), role: .supervisor, scope: ["622922100"], name: "马秀兰",
                                                        validUntil: until)
        try store.enrol(signed)
        let twelveBefore = Self.fromNow(28)
        #expect(certificate.daysLeft(on: twelveBefore) == 12)

        let app = AppRuntime(store: store, questionnaire: TUIFixture.questionnaire, lang: .zh, width: 80, height: 24, who: "测试员",
                             today: { twelveBefore })
        app.start()
        #expect(app.state.certificate == OwnCertificate(certificate, today: twelveBefore))
        #expect(app.screen.contains("本机证书将于 \(certificate.validUntil) 到期（还有 12 天），请联系县里重新登记"))

        let review = ReviewRuntime(store: store, questionnaire: TUIFixture.questionnaire, lang: .en, width: 80, height: 24, who: "马秀兰",
                                   today: { Self.fromNow(0) })
        review.start()
        #expect(review.state.certificate?.certificate == certificate)
        #expect(review.state.certificate?.notice(.en) == nil, "40 days left: nothing to say")
    }

    // MARK: who sent it, through a real bundle

    /// A started household with a head, committed as the app would.
    static func household(_ store: HouseholdStore, no: String, head: String, who: String) throws -> Interview {
        var iv = Interview(questionnaire: TUIFixture.questionnaire, today: TUIFixture.day)
        try store.create(iv, enumerator: who, who: who)
        try store.commit(try iv.answer("village_code", .text("622922100201")), of: iv, who: who)
        try store.commit(try iv.answer("household_no", .text(no)), of: iv, who: who)
        let (row, added) = try iv.addRow("members")
        try store.commit(added, of: iv, who: who)
        try store.commit(try iv.answer("name", row: row, .text(head)), of: iv, who: who)
        try store.commit(try iv.answer("relation", row: row, .code(1)), of: iv, who: who)
        return iv
    }

    @Test func theSenderOfABundleIsOnTheListAndTheSheet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-tui-enrol-\(UUID().uuidString)").path
        let laptop = try HouseholdStore(path: folder + "/laptop.sqlite", create: true)
        let supervisor = try HouseholdStore(path: folder + "/supervisor.sqlite", create: true)
        #expect(try supervisor.trust(try laptop.writePublicKeyFile()))
        let sent = try Self.household(laptop, no: "0001", head: "王建军", who: "李文华")
        let made = try Self.household(supervisor, no: "0002", head: "刘桂英", who: "乡镇审核员")
        let bundles = try laptop.exportBundles(to: folder + "/out", enumerator: "李文华")
        let bundle = try #require(bundles.first)
        guard case .applied = try supervisor.importBundle(try Data(contentsOf: URL(fileURLWithPath: bundle.path)), fileName: bundle.path,
                                                         questionnaire: TUIFixture.questionnaire) else { Issue.record("not applied"); return }

        // The store's list carries the sender (a hand-trusted laptop: the manifest's enumerator, no role).
        let rows = try supervisor.reviewList(ReviewQuery(), questionnaire: TUIFixture.questionnaire).rows
        let id = sent.householdID.uuidString.lowercased()
        #expect(rows.first { $0.household.id == id }?.sender == ReviewRow.Sender(person: "李文华", deviceID: laptop.deviceID, role: nil))
        #expect(rows.first { $0.household.id == made.householdID.uuidString.lowercased() }?.sender == nil, "made on this store")
        // Filters and the one-household read still work with the join.
        #expect(try supervisor.reviewList(ReviewQuery(search: "王"), questionnaire: TUIFixture.questionnaire).rows.map(\.household.id) == [id])
        #expect(try supervisor.reviewList(ReviewQuery(), questionnaire: TUIFixture.questionnaire, only: sent.householdID).rows.first?.sender?.deviceID == laptop.deviceID)

        let app = ReviewRuntime(store: supervisor, questionnaire: TUIFixture.questionnaire, lang: .zh, width: 80, height: 24, who: "乡镇审核员",
                                today: { Self.today })
        app.start()
        #expect(app.state.certificate == nil)
        let short = String(laptop.deviceID.prefix(4))
        let frame = ReviewRender.frame(app.state)
        SnapshotTests.assertAligned(frame)
        let first = frame.line(4), second = frame.line(5)
        #expect(first.contains("王建军") && first.hasSuffix("李文华·\(short)  "), "\(first)")
        #expect(second.contains("刘桂英") && !second.contains("·"), "\(second)")
        // The sender sits in the last column, under its header.
        func column(_ line: String, _ text: String) -> Int? { line.range(of: text).map { CellWidth.of(String(line[..<$0.lowerBound])) } }
        #expect(column(frame.line(3), "来自") != nil && column(frame.line(3), "来自") == column(first, "李文华·"))

        app.press(.enter)
        let sheet = try #require(app.state.sheet)
        #expect(sheet.sender?.person == "李文华")
        #expect(sheet.senderLine(.zh) == "来自 李文华（设备 \(laptop.deviceID.prefix(8))）")
        #expect(app.screen.contains("来自 李文华（设备 \(laptop.deviceID.prefix(8))）"))
        #expect(app.state.sheetRows == 24 - 6, "one line fewer for the sheet")
        SnapshotTests.assertAligned(ReviewRender.frame(app.state))
        app.press(.escape, .down, .enter)
        #expect(app.state.sheet?.sender == nil && !app.screen.contains("来自 "))
        #expect(app.state.sheetRows == 24 - 5)
    }

    @Test func theSenderLineNamesTheRoleWhenACertificateSaidIt() {
        var sheet = HouseholdSheet(id: UUID(), record: ReviewSenderSnapshots.record(), reviewState: nil, reviewReason: nil, overrides: 0, openConflicts: 0,
                                   sender: ReviewRow.Sender(person: "李文华", deviceID: "3f2a1b2c9d8e7f60", role: .enumerator), lines: [], selected: 0)
        #expect(sheet.senderLine(.zh) == "来自 李文华（设备 3f2a1b2c，调查员）")
        #expect(sheet.senderLine(.en) == "From 李文华 (device 3f2a1b2c, enumerator)")
        #expect(ReviewListView.sender(sheet.sender) == "李文华·3f2a")
        #expect(ReviewListView.sender(ReviewRow.Sender(person: "阿卜杜热合曼", deviceID: "3f2a1b2c")) == "阿卜杜·3f2a", "the name is cut, the device kept")
        sheet.sender = nil
        #expect(sheet.senderLine(.zh) == nil)
    }
}

/// The snapshots: the supervisor's list with senders (and an expired certificate), a sheet's header,
/// and the enumerator's start screen with the notice. Device ids are fixed so the frames are too.
@Suite struct ReviewSenderSnapshots {
    /// A household of the sample, for a sheet built by hand.
    static func record() -> HouseholdRecord {
        try! HouseholdStore(path: TUIFixture.samplePath).reviewList(ReviewQuery(), questionnaire: TUIFixture.questionnaire, limit: 1).rows[0].household
    }

    static let senders = [ReviewRow.Sender(person: "李文华", deviceID: "3f2a1b2c9d8e7f60a1b2c3d4e5f60718", role: .enumerator),
                          ReviewRow.Sender(person: "马海军", deviceID: "b07c44e1aa00000000000000000000ff", role: .enumerator),
                          ReviewRow.Sender(person: "示例调查员", deviceID: "7e57de71ce00000000000000000000aa", role: nil)]

    /// The sample's list with a sender on most rows (every fourth made on this store).
    static func app(_ lang: Language, certificate validUntil: String) -> ReviewRuntime {
        let app = ReviewRuntime(store: try! HouseholdStore(path: TUIFixture.samplePath), questionnaire: TUIFixture.questionnaire, lang: lang,
                                width: 80, height: 24, who: "乡镇审核员", today: { EnrolmentScreenTests.today })
        app.start()
        app.setState { state in
            for i in state.list.rows.indices where i % 4 != 3 { state.list.rows[i].sender = senders[i % 3] }
        }
        app.send(.certificateLoaded(EnrolmentScreenTests.certificate(validUntil: validUntil, role: .supervisor), today: EnrolmentScreenTests.today))
        return app
    }

    @Test(arguments: Language.allCases) func reviewListWithSenders(_ lang: Language) {
        let app = Self.app(lang, certificate: "2026-12-21")                 // expired three days ago
        app.press(.down, .down)
        let frame = ReviewRender.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "review-list-sender-\(lang.rawValue)")
    }

    @Test(arguments: Language.allCases) func sheetHeaderNamesTheSender(_ lang: Language) {
        let app = Self.app(lang, certificate: "2027-06-30")                 // far off: no notice
        app.press(.enter)
        // The sample's households were made on its store: the sender is put in place as the store would give it.
        app.setState { state in
            state.sheet!.sender = Self.senders[0]
            SheetUpdate.keepVisible(&state.sheet!, rows: state.sheetRows, width: state.width)
        }
        let frame = ReviewRender.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "review-sheet-sender-\(lang.rawValue)")
    }

    @Test(arguments: Language.allCases) func startScreenWithTheNotice(_ lang: Language) {
        let app = TUIFixture.app(TUIFixture.samplePath, lang: lang)
        app.send(.certificateLoaded(EnrolmentScreenTests.certificate(validUntil: "2027-01-05"), today: EnrolmentScreenTests.today))
        let frame = Render.frame(app.state)
        SnapshotTests.assertAligned(frame)
        Snapshot.check(frame, "start-notice-\(lang.rawValue)")
    }
}
