import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// PostgreSQL restarted under a running hub: while it is down the hub answers 503 and acknowledges
/// nothing; once it is back the same hub process resumes the upload without a restart, and its county
/// tables take what was logged. A suite (and a
/// cluster) of its own, since it stops the server.
@Suite(.postgres) struct DatabaseRestartTests {
    @Test func whileItsDatabaseIsDownTheHubAnswers503AndTheUploadResumesAfterward() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            let upload = try #require(try await client.announce(file, as: laptop).1["upload"]?.string)
            try await client.sendChunks(file, upload: upload, from: 0, to: 1024, as: laptop)
            try TestPostgres.current.stopServer()
            var headers: HTTPFields = [:]
            headers[Client.uploadOffset] = "1024"
            let down = try await client.send(.patch, "/v1/uploads/\(upload)", body: file.subdata(in: 1024..<1536), as: laptop, headers: headers)
            #expect(down.status == .serviceUnavailable)
            #expect(down.headers[.retryAfter] != nil)
            #expect(down.json["error"]?.string == "unavailable")
            try TestPostgres.current.startAgain()
            // The pool reconnects on its own; the device asks what the hub holds and goes on from there.
            var head = try await client.send(.head, "/v1/uploads/\(upload)", as: laptop)
            for _ in 0..<50 where head.status == .serviceUnavailable {
                try await Task.sleep(for: .milliseconds(100))
                head = try await client.send(.head, "/v1/uploads/\(upload)", as: laptop)
            }
            #expect(head.status == .ok)
            #expect(head.headers[Client.uploadOffset] == "1024")
            try await client.sendChunks(file, upload: upload, from: 1024, as: laptop)
            #expect(try await client.finish(upload, as: laptop).1["outcome"]?.string == "applied")
            #expect(try await hub.archive(file.bundleIdentity.hash) == file)
            // And the county tables, which follow the log, take it: the applier got through the restart too (a
            // transaction of its cut off by the stop is given up after a minute at most).
            var backlog = try await hub.store.countyBacklog()
            for _ in 0..<900 where backlog > 0 {
                try await Task.sleep(for: .milliseconds(100))
                backlog = try await hub.store.countyBacklog()
            }
            #expect(backlog == 0, "the county tables did not take the bundle within 90 s of the restart")
        }
    }
}
