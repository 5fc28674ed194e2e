import Foundation
import HubCore
import Hummingbird
import Logging
import Store

/// The hub's HTTP application: `/v1/hub` for anyone, everything else only for signed requests.
public enum HubApplication {
    /// The application serving `store` at `host:port` (port 0: any free port, as tests use).
    public static func make(store: HubStore, host: String, port: Int, logger: Logger) -> Application<RouterResponder<HubRequestContext>> {
        let router = Router(context: HubRequestContext.self)
        let identity = HubAnswer(county: store.county.countyID, hubKey: store.hubKey.publicKey.base64EncodedString(),
                                 fingerprint: store.hubKey.fingerprint)
        router.get("v1/hub") { _, _ in HubResponse.json(identity) }
        let signed = router.group("v1")
            .add(middleware: RequestDeadline(seconds: store.limits.requestSeconds))
            .add(middleware: DeviceAuthentication(store: store))
        UploadRoutes(store: store).register(on: signed)
        var app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "hufang-hub"),
                              logger: logger)
        app.addServices(store.client, NoncePruning(store: store))
        return app
    }
}
