/// Bounds on what one device may make the hub hold or read (documented in docs/hub-api.yaml).
public struct HubLimits: Codable, Equatable, Sendable {
    /// The largest chunk one request may carry.
    public var chunkBytes: Int = 1 << 20
    /// The largest bundle that may be announced (a bundle file is at most `BundleLimit.fileLength`).
    public var bundleBytes: Int = 64 << 20
    /// Uploads one device may have open at once.
    public var openUploadsPerDevice: Int = 16
    /// Seconds a request may take before the hub answers 503: the connection pool waits for PostgreSQL
    /// rather than failing, so without it a request would hang while the database restarts.
    public var requestSeconds: Double = 30
    /// Signed requests one device may make a minute on average (and at once after a quiet minute); more
    /// are answered 429 with Retry-After. A sync of 1,000 bundles takes about 4 requests each.
    public var requestsPerMinute: Int = 6000

    public init(chunkBytes: Int = 1 << 20, bundleBytes: Int = 64 << 20, openUploadsPerDevice: Int = 16, requestSeconds: Double = 30,
                requestsPerMinute: Int = 6000) {
        self.chunkBytes = chunkBytes; self.bundleBytes = bundleBytes; self.openUploadsPerDevice = openUploadsPerDevice
        self.requestSeconds = requestSeconds; self.requestsPerMinute = requestsPerMinute
    }

    enum CodingKeys: String, CodingKey { case chunkBytes, bundleBytes, openUploadsPerDevice, requestSeconds, requestsPerMinute }

    /// Reads the limits a configuration names; the others keep their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HubLimits()
        chunkBytes = try c.decodeIfPresent(Int.self, forKey: .chunkBytes) ?? d.chunkBytes
        bundleBytes = try c.decodeIfPresent(Int.self, forKey: .bundleBytes) ?? d.bundleBytes
        openUploadsPerDevice = try c.decodeIfPresent(Int.self, forKey: .openUploadsPerDevice) ?? d.openUploadsPerDevice
        requestSeconds = try c.decodeIfPresent(Double.self, forKey: .requestSeconds) ?? d.requestSeconds
        requestsPerMinute = try c.decodeIfPresent(Int.self, forKey: .requestsPerMinute) ?? d.requestsPerMinute
    }
}
