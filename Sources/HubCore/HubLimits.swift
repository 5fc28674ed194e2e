/// Bounds on what one device may make the hub hold or read (documented in docs/hub-api.yaml).
public struct HubLimits: Codable, Equatable, Sendable {
    /// The largest chunk one request may carry.
    public var chunkBytes: Int = 1 << 20
    /// The largest bundle that may be announced (a bundle file is at most `BundleLimit.fileLength`).
    public var bundleBytes: Int = 64 << 20
    /// Uploads one device may have open at once.
    public var openUploadsPerDevice: Int = 16

    public init(chunkBytes: Int = 1 << 20, bundleBytes: Int = 64 << 20, openUploadsPerDevice: Int = 16) {
        self.chunkBytes = chunkBytes; self.bundleBytes = bundleBytes; self.openUploadsPerDevice = openUploadsPerDevice
    }
}
