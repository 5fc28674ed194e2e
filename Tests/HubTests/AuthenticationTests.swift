import Foundation
import HTTPTypes
import HubCore
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Store
import Testing

/// Every request under /v1 is signed by the device's enrolled key; what is not gets 401 (or 403 for a
/// proven device the county shut out), a body that says nothing about the data, and changes nothing.
@Suite(.postgres) struct AuthenticationTests {
    /// Announces `file` with `signing` and expects `status`, nothing stored, and only a generic error body.
    func refused(_ hub: HubUnderTest, _ client: Client, _ file: Data, as device: TestDevice, signing: Client.Signing = .proper,
                 certificate: CountySigned? = nil, status: HTTPResponse.Status,
                 sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let before = try await hub.rows()
        let body = try JSONSerialization.data(withJSONObject: ["bundle": file.bundleIdentity.hash, "sha256": String(repeating: "a", count: 64),
                                                               "length": file.count])
        let response = try await client.send(.post, "/v1/uploads", body: body, as: device, signing: signing, certificate: certificate)
        #expect(response.status == status, sourceLocation: sourceLocation)
        let text = String(buffer: response.body)
        #expect(response.json["error"]?.string == (status == .unauthorized ? "unauthenticated" : "forbidden"), sourceLocation: sourceLocation)
        #expect(!text.contains(device.id) && !text.contains("upload\""), "the answer names nothing: \(text)", sourceLocation: sourceLocation)
        #expect(try await hub.rows() == before, "nothing stored", sourceLocation: sourceLocation)
    }

    @Test func unsignedAndWronglySignedRequestsAreRefusedWith401() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            try await refused(hub, client, file, as: laptop, signing: .none, status: .unauthorized)
            try await refused(hub, client, file, as: laptop, signing: .otherKey(try hub.county.hubKey()), status: .unauthorized)
            try await refused(hub, client, file, as: laptop, signing: .otherBody(Data("{}".utf8)), status: .unauthorized)
            // Just outside the ±300 s window. Ahead of the clock, a request checked a few seconds after it was
            // signed (a loaded machine) falls back inside the window, so that side is a minute out.
            try await refused(hub, client, file, as: laptop, signing: .time(Int(Date().timeIntervalSince1970) - 301), status: .unauthorized)
            try await refused(hub, client, file, as: laptop, signing: .time(Int(Date().timeIntervalSince1970) + 360), status: .unauthorized)
            // An unsigned request that only names a device and sends no headers at all.
            let bare = try await client.send(.get, "/v1/status", as: nil)
            #expect(bare.status == .unauthorized)
        }
    }

    @Test func aReplayedRequestIsRefused() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let nonce = String(repeating: "5a", count: 16)
            let first = try await client.send(.get, "/v1/status", as: laptop, signing: .nonce(nonce))
            #expect(first.status == .ok)
            let replay = try await client.send(.get, "/v1/status", as: laptop, signing: .nonce(nonce))
            #expect(replay.status == .unauthorized)
            #expect(replay.json["error"]?.string == "unauthenticated")
        }
    }

    @Test func aDeviceOfAnotherCountyOrWithoutACertificateIsUnknown() async throws {
        try await HubUnderTest.run { hub, client in
            let stranger = try HubTestCounty(id: "622923").device("外县调查员", scope: ["622923100201"])
            try await refused(hub, client, try stranger.nextBundle(no: "0001", village: "622923100201"), as: stranger, status: .unauthorized)
            // A device of this county that presents another device's certificate.
            let laptop = try hub.county.device("调查员1")
            let other = try hub.county.device("调查员2")
            try await refused(hub, client, try laptop.nextBundle(no: "0001"), as: laptop, certificate: other.signedCertificate,
                              status: .unauthorized)
        }
    }

    @Test func aRevokedDeviceIsForbiddenOnceItsSignatureIsProven() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            let file = try laptop.nextBundle(no: "0001")
            #expect(try await client.send(.get, "/v1/status", as: laptop).status == .ok)
            let (signed, _) = try hub.county.authority.revoke(device: laptop.id, key: nil, fromSequence: 2, reason: "丢失")
            #expect(try await hub.store.install(revocations: signed))
            try await refused(hub, client, file, as: laptop, status: .forbidden)
            // A stranger naming the revoked device, with a wrong signature, learns only "unauthenticated".
            try await refused(hub, client, file, as: laptop, signing: .otherKey(try hub.county.hubKey()), status: .unauthorized)
        }
    }
}

extension AuthenticationTests {
    @Test func noncesOlderThanTwiceTheClockSkewAreForgottenAndNewerOnesKept() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            for _ in 0..<3 { #expect(try await client.send(.get, "/v1/status", as: laptop).status == .ok) }
            try await hub.store.client.query("""
                UPDATE request_nonce SET seen_at = now() - interval '11 minutes'
                WHERE nonce IN (SELECT nonce FROM request_nonce ORDER BY nonce LIMIT 2)
                """)
            try await hub.store.pruneNonces()
            var left = 0
            for try await n in try await hub.store.client.query("SELECT count(*)::integer FROM request_nonce").decode(Int.self) { left = n }
            #expect(left == 1)
        }
    }
}

extension AuthenticationTests {
    @Test func aDeviceWhoseCertificateRanOutIsForbiddenOnlyOnceItsSignatureIsProven() async throws {
        try await HubUnderTest.run { hub, client in
            let laptop = try hub.county.device("调查员1")
            // The hub's clock on the day after the certificate's last (2099-12-31); the device signs at that time.
            let later = try #require(Calendar(identifier: .gregorian).date(from: DateComponents(
                timeZone: TimeZone(identifier: "UTC"), year: 2100, month: 1, day: 2, hour: 12)))
            func authenticate(signedBy key: DeviceKey) async throws -> AuthRefusal? {
                let signature = try HubRequestSignature.sign(method: "GET", path: "/v1/status", body: Data(), device: laptop.id, key: key,
                                                             time: Int(later.timeIntervalSince1970))
                var headers = Dictionary(uniqueKeysWithValues: signature.headers.map { ($0.name, $0.value) })
                headers[HubStore.certificateHeader] = laptop.signedCertificate.fileData.base64EncodedString()
                do {
                    _ = try await hub.store.authenticate(method: "GET", path: "/v1/status", header: { headers[$0] }, body: Data(), now: later)
                    return nil
                } catch let refusal as AuthRefusal {
                    return refusal
                }
            }
            #expect(try await authenticate(signedBy: laptop.key) == .expired)
            #expect(AuthRefusal.expired.status == 403)
            #expect(try await authenticate(signedBy: try hub.county.hubKey()) == .badSignature)
            #expect(try await hub.rows()["device"] == 0)
        }
    }
}
