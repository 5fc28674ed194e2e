import Testing
@testable import TUI
import Survey

@Suite struct TextWidthTests {
    @Test func chineseTakesTwoColumns() {
        #expect(TextWidth.of("户主") == 4)
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("张三a") == 5)
    }
    @Test func fitNeverSplitsAWideCharacter() {
        #expect(TextWidth.fit("建档立卡", 5) == "建档 ")
        #expect(TextWidth.fit("ab", 4) == "ab  ")
        #expect(TextWidth.of(TextWidth.fit("建档立卡贫困户", 7)) == 7)
    }
}

@Suite struct TerminalTextTests {
    @Test func escapeSequencesAreShownNotSent() {
        #expect(TerminalText.escaped("王\u{1B}[31m红") == "王\\e[31m红")
        #expect(TerminalText.escaped("a\u{7}b\u{0}") == "a\\u{7}b\\u{0}")
        #expect(TerminalText.escaped("户主\n张三") == "户主\\n张三")
        #expect(TerminalText.escaped("普通文字 abc") == "普通文字 abc")
        #expect(!TerminalText.escaped("\u{1B}]0;title\u{7}").unicodeScalars.contains { $0.value < 0x20 })
    }
}
