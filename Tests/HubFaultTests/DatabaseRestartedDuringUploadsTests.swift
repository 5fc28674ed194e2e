import Foundation
import HubTestSupport
import Store
import Testing

extension HubFaultTests {
    /// The same hub process throughout: while PostgreSQL restarts it says 503 (try again) and acknowledges
    /// nothing; once the database is back it takes the uploads up where they were.
    @Test func postgresRestartedMidUploadTheHubAnswers503AndRecoversWithoutARestart() async throws {
        try await HubUnderFaults.run(limits: ["chunkBytes: 1024", "requestSeconds: 2"]) { rig in
            let laptops = try rig.laptops(3, bundles: 4, households: 3)
            let pid = rig.hub.pid
            let timings = RequestTimings()
            let progress = UploadProgress()
            let uploads = Task {
                try await withThrowingTaskGroup(of: [UploadResult].self) { group in
                    for (device, bundles) in laptops {
                        let client = rig.client(device, timings: timings)
                        group.addTask {
                            var results: [UploadResult] = []
                            for file in bundles {
                                results.append(try await client.upload(file))
                                progress.acknowledge()
                            }
                            return results
                        }
                    }
                    var all: [UploadResult] = []
                    for try await results in group { all += results }
                    return all
                }
            }
            // Mid-upload: some bundles acknowledged, most not.
            while progress.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
            try rig.cluster.stopServer()
            // An answer already on its way when the server stopped may still arrive; none after that.
            try await Task.sleep(for: .milliseconds(300))
            let acknowledgedBefore = progress.count
            try await Task.sleep(for: .seconds(2))
            let acknowledgedWhileDown = progress.count - acknowledgedBefore
            try rig.cluster.startAgain()
            let results = try await uploads.value
            print("PostgreSQL restarted after \(acknowledgedBefore) bundles; answers: \(timings.statuses.sorted { $0.key < $1.key })")

            #expect(timings.statuses[503, default: 0] > 0)
            #expect(acknowledgedWhileDown == 0)
            #expect(rig.hub.isRunning && rig.hub.pid == pid)
            let expected = laptops.flatMap(\.bundles).compactMap { $0.announcedBundle?.hash }.sorted()
            #expect(results.count == expected.count)
            #expect(try rig.loggedBundles() == expected)
            #expect(try rig.unverifiableReceipts().isEmpty)
        }
    }
}
