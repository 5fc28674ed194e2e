import Testing
@testable import Store

@Suite struct StoreLocationTests {
    @Test func hufangHomeWins() {
        #expect(StoreLocation.defaultPath(environment: ["HUFANG_HOME": "/data/hf", "HOME": "/root"]) == "/data/hf/hufang.sqlite")
    }
    @Test func fallsBackToXDGStyleFolderUnderHome() {
        #expect(StoreLocation.defaultPath(environment: ["HOME": "/home/cadre"]) == "/home/cadre/.local/share/hufang/hufang.sqlite")
    }
}
