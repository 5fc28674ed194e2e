import Foundation
import Testing
@testable import Store

/// One export per store at a time, whoever asks: another process, or another thread of this one.
@Suite struct ExportLockTests {
    @Test func aSecondLockOnTheSameStoreIsRefusedUntilTheFirstIsReleased() throws {
        let path = Fixture.tempPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let first = try ExportLock(store: path)
        do { _ = try ExportLock(store: path); Issue.record("two exports at once") } catch let refusal as ExportRefusal {
            #expect(refusal == .alreadyRunning(lockFile: path + ".export-lock"))
            #expect(refusal.message(.zh).contains("正在导出数据包") && refusal.message(.en).contains("already running"))
        }
        first.release()
        let again = try ExportLock(store: path)
        again.release()
    }

    @Test func anExportWithAnotherDevicesKeyFileChangesNothing() throws {
        let path = Fixture.tempPath(), other = Fixture.tempPath()
        let store = try HouseholdStore(path: path, create: true)
        _ = try HouseholdStore(path: other, create: true)
        _ = try Fixture.household(store, no: "0001", head: "王建军")
        let outbox = try store.outboxCount()
        try FileManager.default.removeItem(atPath: store.keyPath)
        try FileManager.default.copyItem(atPath: other + ".key", toPath: store.keyPath)
        let out = (path as NSString).deletingLastPathComponent + "/usb"
        #expect(throws: ExportRefusal.self) { try store.exportBundles(to: out, enumerator: "李文华") }
        #expect(try store.outboxCount() == outbox && store.exportedBundles().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
