import Testing
@testable import Survey

@Suite struct TerminalTextTests {
    @Test func escapeSequencesAreShownNotSent() {
        #expect(TerminalText.escaped("王\u{1B}[31m红") == "王\\e[31m红")
        #expect(TerminalText.escaped("a\u{7}b\u{0}") == "a\\u{7}b\\u{0}")
        #expect(TerminalText.escaped("户主\n张三") == "户主\\n张三")
        #expect(TerminalText.escaped("普通文字 abc") == "普通文字 abc")
        #expect(!TerminalText.escaped("\u{1B}]0;title\u{7}").unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func bidiOverridesIsolatesAndMarksAreShownEscaped() {
        #expect(TerminalText.escaped("张三\u{202E}gpj.exe") == "张三\\u{202e}gpj.exe")
        #expect(TerminalText.escaped("\u{2066}a\u{2069}\u{200E}\u{200F}\u{061C}\u{202A}")
                == "\\u{2066}a\\u{2069}\\u{200e}\\u{200f}\\u{61c}\\u{202a}")
        let every: [UInt32] = [0x061C, 0x200E, 0x200F] + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        for v in every {
            #expect(TerminalText.needsEscaping(String(Unicode.Scalar(v)!)), "U+\(String(v, radix: 16))")
        }
    }

    @Test func escapingTwiceChangesNothingMore() {
        let once = TerminalText.escaped("\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}")
        #expect(TerminalText.escaped(once) == once)
        #expect(!TerminalText.needsEscaping(once))
    }

    @Test func ordinaryChineseAndPunctuationPassUnchanged() {
        let text = "李文华 · 622922100201 ✓ ── 两不愁三保障（已说明）"
        #expect(!TerminalText.needsEscaping(text))
        #expect(TerminalText.escaped(text) == text)
    }
}
