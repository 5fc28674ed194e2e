import Foundation
import Store
import Survey
import Testing
@testable import TUI

/// The screens at 80×24 in Chinese and English, against the recorded snapshots, and the alignment of
/// every row (Chinese characters take two columns; nothing may push a column out of place).
@Suite struct SnapshotTests {
    /// The sample household with an error among its members (a wrong ID check digit), opened at it.
    static func householdWithProblems(_ lang: Language) -> AppRuntime {
        let app = TUIFixture.app(TUIFixture.samplePath, lang: lang)
        let n = app.state.list.page.firstIndex { $0.hardErrors > 0 && $0.headName.count >= 2 }!
        app.openHousehold(n)
        app.press(.function(6))
        return app
    }

    static func assertAligned(_ frame: ScreenBuffer, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for y in 0..<frame.height {
            #expect(CellWidth.of(frame.line(y)) == frame.width, "row \(y) is \(CellWidth.of(frame.line(y))) columns", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Language.allCases) func householdList(_ lang: Language) {
        let app = TUIFixture.app(TUIFixture.samplePath, lang: lang)
        let frame = Render.frame(app.state)
        Self.assertAligned(frame)
        Snapshot.check(frame, "list-\(lang.rawValue)")
    }

    @Test(arguments: Language.allCases) func interviewPage(_ lang: Language) {
        let app = Self.householdWithProblems(lang)
        let frame = Render.frame(app.state)
        Self.assertAligned(frame)
        // The section list and the questions are separated on one column on every row.
        for y in 1..<(frame.height - 2) { #expect(frame[FormView.sectionWidth, y].character == "│") }
        Snapshot.check(frame, "interview-\(lang.rawValue)")
    }

    /// The pages reached from the interview by their F-key: the member grid, the checks, the assessment.
    @Test(arguments: Language.allCases, [(3, "members"), (2, "checks"), (4, "assessment")])
    func householdPage(_ lang: Language, _ page: (key: Int, name: String)) {
        let app = Self.householdWithProblems(lang)
        app.press(.function(page.key))
        let frame = Render.frame(app.state)
        Self.assertAligned(frame)
        Snapshot.check(frame, "\(page.name)-\(lang.rawValue)")
    }

    @Test(arguments: Language.allCases) func helpAndTooSmall(_ lang: Language) {
        let app = Self.householdWithProblems(lang)
        app.press(.function(1))
        Snapshot.check(Render.frame(app.state), "help-\(lang.rawValue)")
        app.press(.escape)
        app.send(.resize(width: 60, height: 15))
        Snapshot.check(Render.frame(app.state), "too-small-\(lang.rawValue)")
    }

    @Test func removePrompt() {
        let app = Self.householdWithProblems(.zh)
        app.press(.function(3), .function(8))
        app.type("迁出")
        Snapshot.check(Render.frame(app.state), "remove-prompt-zh")
    }
}

@Suite struct RenderTests {
    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var buf = ScreenBuffer(width: 5, height: 1)
        #expect(buf.put("户主abc", x: 0, y: 0) == 5)
        #expect(buf.line(0) == "户主a")
        var edge = ScreenBuffer(width: 4, height: 1)
        #expect(edge.put("a户主", x: 0, y: 0) == 3)      // 主 would need columns 4 and 5
        #expect(edge.line(0) == "a户 ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buf = ScreenBuffer(width: 6, height: 1)
        buf.put("户主户", x: 0, y: 0)
        buf.put("x", x: 1, y: 0)
        #expect(buf.line(0) == " x主户")
        buf.put("y", x: 2, y: 0)
        #expect(buf.line(0) == " xy 户")
    }

    @Test func controlCharactersAreDrawnEscaped() {
        var buf = ScreenBuffer(width: 20, height: 1)
        buf.put("王\u{1B}[2J\u{7}", x: 0, y: 0)
        #expect(buf.line(0).hasPrefix("王\\e[2J\\u{7}"))
        #expect(!buf.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func onlyChangedCellsAreSentToTheTerminal() {
        var a = ScreenBuffer(width: 10, height: 3)
        a.put("户主张三", x: 0, y: 1)
        var b = a
        b.put("李", x: 4, y: 1)
        let runs = b.changes(since: a)
        #expect(runs.count == 1)
        #expect(runs[0].x == 4 && runs[0].y == 1)
        #expect(runs[0].cells.first?.character == "李")
        #expect(a.changes(since: a).isEmpty)
        #expect(a.changes(since: nil).count == 3)                          // first frame: every row
        #expect(a.changes(since: ScreenBuffer(width: 9, height: 3)).count == 3)  // resized: every row again
    }

    @Test func cellWidthAgreesWithWcwidthForChineseAndASCII() {
        #expect(CellWidth.of("户") == 2)
        #expect(CellWidth.of("a") == 1)
        #expect(CellWidth.of("（") == 2)
        #expect(CellWidth.of("户主 张三") == 9)
    }

    @Test func errorsAreRedAndWarningsYellowUnderTheirField() {
        let app = TUIFixture.app(TUIFixture.emptyStore())
        app.press(.function(7))
        app.jump(to: "collector_1")
        app.type("甲")
        app.press(.enter)
        app.type("甲")
        app.press(.enter, .backTab)                 // back on collector_2, its error below it
        let frame = Render.frame(app.state)
        let y = (0..<frame.height).first { frame.line($0).contains("两名采集人不能是同一个人") }!
        let x = (0..<frame.width).first { frame[$0, y].character == "两" }!
        #expect(frame[x, y].style.color == .red)
        app.jump(to: "helper_signed")
        app.type("2")
        app.press(.enter, .escape, .backTab)       // the assessment opens at the end; Esc, then back
        app.jump(to: "helper_signed")
        let f2 = Render.frame(app.state)
        let y2 = (0..<f2.height).first { f2.line($0).contains("帮扶责任人还没有签字") }!
        let x2 = (0..<f2.width).first { f2[$0, y2].character == "帮" }!
        #expect(f2[x2, y2].style.color == .yellow)
    }
}
