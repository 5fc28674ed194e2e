import HubCore
import Hummingbird

/// A request's context: the device that signed it, once `DeviceAuthentication` has proven it.
public struct HubRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var device: KnownDevice?

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
