import Foundation
import Logging
import PostgresNIO
import Store

/// The county hub's state in PostgreSQL: the devices it has seen, the bundle log, uploads in progress,
/// receipts and nonces. It signs receipts with the hub's own enrolled key.
public struct HubStore: Sendable {
    public let client: PostgresClient
    public let county: CountyIdentity
    public let hubKey: DeviceKey
    public let limits: HubLimits
    public let logger: Logger
    /// Uploads under way, which the county tables' applier gives way to.
    public let uploads = UploadActivity()

    public init(client: PostgresClient, county: CountyIdentity, hubKey: DeviceKey, limits: HubLimits, logger: Logger) {
        self.client = client; self.county = county; self.hubKey = hubKey; self.limits = limits; self.logger = logger
    }

    /// The time as receipts and logs write it (UTC, milliseconds).
    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

extension HubStore {
    /// Runs a transaction; a refusal its body throws comes out as itself, after the rollback (postgres-nio
    /// wraps it in a `PostgresTransactionError`).
    func unwrapped<Result>(_ transaction: () async throws -> Result) async throws -> Result {
        do {
            return try await transaction()
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }
}
