import Foundation
import HubTestSupport
import Store
import Testing

extension HubFaultTests {
    /// The same hub process throughout: while PostgreSQL restarts it says 503 (try again) and acknowledges
    /// nothing; once the database is back the laptops' `hufang sync`, still running, take their uploads up
    /// where they were.
    @Test func postgresRestartedMidUploadTheHubAnswers503AndRecoversWithoutARestart() async throws {
        try await HubUnderFaults.run(limits: ["chunkBytes: 1024", "requestSeconds: 2"]) { rig in
            let laptops = try rig.laptops(3, bundles: 8, households: 3).map { $0.device }
            let total = 3 * 8
            let pid = rig.hub.pid
            let syncs = try laptops.map { try LaptopSync.start($0, hub: rig.hub.url) }
            // Mid-upload: some bundles acknowledged, most not.
            while try rig.receipted(laptops) < 2 { try await Task.sleep(for: .milliseconds(10)) }
            try rig.cluster.stopServer()
            // An answer already on its way when the server stopped may still arrive; none after that.
            try await Task.sleep(for: .milliseconds(300))
            let acknowledgedBefore = try rig.receipted(laptops)
            let down = Date()
            // What the laptops are told meanwhile: 503 with a Retry-After, within the request limit of 2 s.
            let probe = try await rig.client(laptops[0]).send(.GET, "/v1/status", kind: .status)
            try await Task.sleep(for: .seconds(max(0, 2 - Date().timeIntervalSince(down))))
            let acknowledgedWhileDown = try rig.receipted(laptops) - acknowledgedBefore
            try rig.cluster.startAgain()
            var retries = 0
            for (n, sync) in syncs.enumerated() {
                let result = try await sync.finished()
                #expect(result.status == 0, "laptop \(n + 1)'s hufang sync across the restart: \(result)")
                retries += result.retries ?? 0
            }
            print("PostgreSQL stopped after \(acknowledgedBefore) of \(total) bundles were acknowledged; a request meanwhile: \(probe.status) "
                  + "(Retry-After \(probe.headers.first(name: "Retry-After") ?? "none")); the laptops' syncs tried \(retries) requests again")

            #expect(acknowledgedBefore < total)
            #expect(probe.status == 503 && probe.headers.first(name: "Retry-After") != nil)
            #expect(retries > 0, "the syncs met the restart")
            #expect(acknowledgedWhileDown == 0)
            #expect(rig.hub.isRunning && rig.hub.pid == pid)
            try await rig.expectEveryLaptopSyncs(laptops, uploaded: 0)
            try rig.expectEveryBundleOnceAndReceipted(laptops)
        }
    }
}
