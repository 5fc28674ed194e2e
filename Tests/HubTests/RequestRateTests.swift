import Foundation
import HTTPTypes
import HubCore
@testable import HubServer
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// Each device's request rate: over it, 429 with the seconds to wait; other devices go on.
@Suite(.postgres) struct RequestRateTests {
    @Test func aDeviceOverItsRateIsToldWhenToComeBackAndOthersAreNotHeldBack() async throws {
        // The hub counts on a clock the test moves: on two loaded cores six requests may take longer than
        // the 12 s in which one request comes back, and the sixth would then rightly pass.
        let clock = HandMovedClock()
        var limits = HubUnderTest.limits
        limits.requestsPerMinute = 5
        try await HubUnderTest.run(limits: limits, rate: RequestRate(perMinute: 5, clock: { clock.now })) { hub, client in
            let laptop = try hub.county.device("调查员1")
            for n in 1...5 { #expect(try await client.send(.get, "/v1/status", as: laptop).status == .ok, "request \(n)") }
            let refused = try await client.send(.get, "/v1/status", as: laptop)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.json["error"]?.string == "rate-limited")
            #expect(refused.json["limit"]?.int == 5)
            // One request every 12 s on average: with no time gone by, the next passes in 12 s.
            #expect(refused.headers[.retryAfter].flatMap { Int($0) } == 12, "Retry-After: \(refused.headers[.retryAfter] ?? "none")")
            #expect(try await client.send(.get, "/v1/inbox", as: laptop).status == .tooManyRequests, "every signed endpoint counts")
            let other = try hub.county.device("调查员2")
            #expect(try await client.send(.get, "/v1/status", as: other).status == .ok)
            // The identity is for anyone and never limited.
            #expect(try await client.send(.get, "/v1/hub", as: nil).status == .ok)
            clock.advance(by: 11)
            #expect(try await client.send(.get, "/v1/status", as: laptop).status == .tooManyRequests, "11 s on: not yet")
            clock.advance(by: 2)
            #expect(try await client.send(.get, "/v1/status", as: laptop).status == .ok, "13 s on: one more request")
            #expect(try await client.send(.get, "/v1/status", as: laptop).status == .tooManyRequests, "and only one")
        }
    }

    @Test func aBucketRefillsAtTheRateAndNeverHoldsMoreThanAMinutesWorth() {
        let rate = RequestRate(perMinute: 60)
        for _ in 0..<60 { #expect(rate.wait(for: "d", now: 100) == nil) }
        #expect(rate.wait(for: "d", now: 100) == 1)
        #expect(rate.wait(for: "d", now: 100.5) == 1)
        #expect(rate.wait(for: "d", now: 101) == nil, "one a second comes back")
        #expect(rate.wait(for: "d", now: 101) == 1)
        // An hour's quiet gives a burst of sixty, not of 3,600.
        for _ in 0..<60 { #expect(rate.wait(for: "d", now: 3700) == nil) }
        #expect(rate.wait(for: "d", now: 3700) != nil)
    }
}

/// Seconds that pass only when the test says so.
final class HandMovedClock: Sendable {
    private let seconds = Mutex<Double>(1000)
    var now: Double { seconds.withLock { $0 } }
    func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}
