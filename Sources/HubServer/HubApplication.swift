import Foundation
import HubCore
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import Store
import Survey

/// The hub's HTTP application: `/v1/hub` for anyone, everything else only for signed requests.
public enum HubApplication {
    /// The application serving `store` at `host:port` (port 0: any free port, as tests use) over plain HTTP
    /// (on loopback behind nginx, or in tests). `certificate` is the county's certificate of the hub's key.
    /// `guarantees`: the questionnaire's words for 两不愁三保障 on the progress pages (ids alone when empty).
    public static func make(store: HubStore, host: String, port: Int, logger: Logger, certificate: CountySigned? = nil,
                            guarantees: [(id: String, label: Localized)] = []) -> Application<RouterResponder<HubRequestContext>> {
        make(store: store, host: host, port: port, logger: logger, certificate: certificate, server: .http1(),
             pages: ProgressRoutes(store: store, guarantees: guarantees, secure: false))
    }

    /// The same application serving TLS itself (swift-nio-ssl) with `tls`'s certificate chain and key.
    public static func make(store: HubStore, host: String, port: Int, logger: Logger, certificate: CountySigned? = nil,
                            tls: TLSConfiguration, guarantees: [(id: String, label: Localized)] = []) throws -> Application<RouterResponder<HubRequestContext>> {
        make(store: store, host: host, port: port, logger: logger, certificate: certificate,
             server: try .tls(.http1(), tlsConfiguration: tls), pages: ProgressRoutes(store: store, guarantees: guarantees, secure: true))
    }

    /// The application a configuration describes: its address, and TLS when it names a certificate and key.
    public static func make(store: HubStore, configuration: HubConfiguration, certificate: CountySigned?, logger: Logger,
                            guarantees: [(id: String, label: Localized)] = []) throws(HubConfiguration.Problem) -> Application<RouterResponder<HubRequestContext>> {
        let (host, port) = try configuration.address()
        guard let tls = try configuration.tlsConfiguration() else {
            return make(store: store, host: host, port: port, logger: logger, certificate: certificate, guarantees: guarantees)
        }
        do {
            return try make(store: store, host: host, port: port, logger: logger, certificate: certificate, tls: tls, guarantees: guarantees)
        } catch {
            throw HubConfiguration.Problem(description: "tls: \(error)")
        }
    }

    /// The plain-HTTP application with `rate` counting the devices' requests (tests pass one on a clock they move).
    static func make(store: HubStore, host: String, port: Int, logger: Logger, certificate: CountySigned?,
                     rate: RequestRate) -> Application<RouterResponder<HubRequestContext>> {
        make(store: store, host: host, port: port, logger: logger, certificate: certificate, server: .http1(),
             pages: ProgressRoutes(store: store, guarantees: [], secure: false), rate: rate)
    }

    private static func make(store: HubStore, host: String, port: Int, logger: Logger, certificate: CountySigned?,
                             server: HTTPServerBuilder, pages: ProgressRoutes,
                             rate: RequestRate? = nil) -> Application<RouterResponder<HubRequestContext>> {
        // Migrates an in-memory store once (the schema every bundle is checked against): now, not inside the
        // first upload's deadline.
        _ = EnrolledBundleCheck.currentSchema
        let router = Router(context: HubRequestContext.self)
        let identity = HubAnswer(county: store.county.countyID, hubKey: store.hubKey.publicKey.base64EncodedString(),
                                 fingerprint: store.hubKey.fingerprint, certificate: certificate)
        router.get("v1/hub") { _, _ in HubResponse.json(identity) }
        // The browser pages sign in with their own session cookie, not a device's signature.
        pages.register(on: router)
        let signed = router.group("v1")
            .add(middleware: RequestDeadline(seconds: store.limits.requestSeconds))
            .add(middleware: DeviceAuthentication(store: store, rate: rate ?? RequestRate(perMinute: store.limits.requestsPerMinute)))
        UploadRoutes(store: store).register(on: signed)
        InboxRoutes(store: store).register(on: signed)
        let started = ServerStarted()
        var app = Application(router: router, server: server,
                              configuration: .init(address: .hostname(host, port: port), serverName: "hufang-hub"),
                              onServerRunning: { _ in started.open() }, logger: logger)
        app.addServices(store.client, NoncePruning(store: store), CountyApplying(store: store, started: started))
        return app
    }

    /// Why the hub's certificate cannot be served.
    public struct CertificateProblem: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The hub's certificate file, when it is the county's, for role hub, for the hub's own key, and valid
    /// today: a device would refuse any other, so the hub refuses to start with it.
    public static func hubCertificate(file: Data, county: CountyIdentity, hubKey: DeviceKey,
                                      on day: Day = .today) throws(CertificateProblem) -> CountySigned {
        guard let signed = CountySigned(file: file), let certificate = signed.certificate(county: county) else {
            throw CertificateProblem(description: "not a certificate signed by county \(county.countyID)")
        }
        guard certificate.role == .hub else { throw CertificateProblem(description: "the certificate is for role \(certificate.role.rawValue), not hub") }
        guard certificate.keyFingerprint == hubKey.fingerprint else {
            throw CertificateProblem(description: "the certificate is for key \(certificate.keyFingerprint), not the hub's \(hubKey.fingerprint)")
        }
        guard !certificate.isExpired(on: day) else { throw CertificateProblem(description: "the certificate ran out on \(certificate.validUntil)") }
        return signed
    }
}
