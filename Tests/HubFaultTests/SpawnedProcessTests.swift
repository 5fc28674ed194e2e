import Foundation
import HubTestSupport
import Testing

/// The harness's spawner: what a hub or PostgreSQL server started by a test may hold of the test process.
@Suite struct SpawnedProcessTests {
    /// A descriptor the test process holds open (not close-on-exec, as Foundation's `Process` leaves the socket
    /// through which it learns that its child ended) is not in the spawned child: else a long-lived server
    /// keeps another test's `waitUntilExit` waiting for as long as the server runs.
    @Test func aSpawnedChildHoldsOnlyItsStandardDescriptorsNotTheTestProcesssOthers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-spawn-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let held = folder + "/held"
        let fd = open(held, O_RDWR | O_CREAT, 0o644)  // inheritable, on purpose
        #expect(fd >= 0)
        defer { close(fd) }

        let child = try SpawnedProcess("/bin/sleep", ["30"], appendingTo: folder + "/out")
        defer { child.send(SIGKILL); child.wait() }
        // The dynamic loader holds the libraries it maps for a moment after the exec: until it let go of them,
        // or for two seconds. The test's descriptor, had it been inherited, would be there from the exec on.
        var listing: [String] = []
        let deadline = Date().addingTimeInterval(2)
        repeat {
            let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(child.pid)/fd")
            listing = descriptors.map { "\($0) → " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(child.pid)/fd/\($0)")) ?? "?") }
            #expect(!listing.contains { $0.hasSuffix(" → " + held) }, "the child holds the test's descriptor: \(listing)")
            if Set(descriptors.compactMap { Int($0) }) == [0, 1, 2] { return }
            usleep(10_000)
        } while Date() < deadline
        Issue.record("the child holds descriptors beyond its standard ones: \(listing)")
    }
}
