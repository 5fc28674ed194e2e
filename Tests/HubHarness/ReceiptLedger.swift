import Foundation
import Store

/// A device's side of a sync with its own protocol client: which of its bundles hold a verified receipt,
/// and a sync that uploads every bundle without one and every bundle the hub no longer has though a
/// receipt says it had (a hub restored from a backup), as `hufang sync` does (issue 16, "Recovery").
public struct ReceiptLedger: Sendable {
    /// Receipts by bundle sequence.
    public private(set) var receipts: [Int: HubReceipt] = [:]

    public init() {}

    /// What one sync did: the sequences uploaded, and among them those uploaded again because the hub had lost them.
    public struct SyncReport: Sendable {
        public var uploaded: [Int]
        public var resent: [Int]
        public var results: [UploadResult]
    }

    /// Uploads, in order, every bundle in `bundles` (its sequence 1, 2, …) that needs it.
    public mutating func sync(_ bundles: [Data], with client: HubProtocolClient) async throws -> SyncReport {
        let hub = try await client.status()
        var report = SyncReport(uploaded: [], resent: [], results: [])
        for file in bundles {
            guard let (_, sequence) = file.announcedBundle else { throw HubClientFailure("not a bundle file") }
            let hubHasIt = sequence <= hub.contiguous || hub.held.contains(sequence)
            if receipts[sequence] != nil && hubHasIt { continue }
            if receipts[sequence] != nil { report.resent.append(sequence) }
            let result = try await client.upload(file)
            receipts[sequence] = result.receipt
            report.uploaded.append(sequence)
            report.results.append(result)
        }
        return report
    }
}
