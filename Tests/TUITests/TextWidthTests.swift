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
