import Foundation
import Store

/// What a sync did, as it happens: the command turns each into a line or the progress bar.
public enum HubSyncEvent: Sendable {
    /// The hub's county certificate checked: receipts are verified with this key.
    case hubVerified(url: String, fingerprint: String)
    /// Changes not yet in a bundle were sealed into bundle `sequence`.
    case sealed(sequence: Int)
    /// The hub holds less than its receipts said (restored from a backup): these go again.
    case hubLost(sequences: [Int])
    /// A bundle's verified receipt: what the hub did, when, and the bytes this sync sent for it.
    case uploaded(OutgoingBundle, HubReceipt, sent: Int, resent: Int)
    /// A newer county revocation list came from the hub and was installed.
    case revocationsInstalled(number: Int, entries: Int)
    /// An inbox bundle went through `bundle import`'s checks: what became of it.
    case imported(InboxEntry, ImportOutcome)
    case progress(SyncPhase, done: Int, total: Int)
}

/// What a finished sync amounts to.
public struct HubSyncSummary: Equatable, Sendable {
    public var uploaded = 0
    /// Bundles the hub refused, with a signed receipt saying why (they stay in `bundleOut`).
    public var refusedByHub = 0
    public var imported = 0
    /// Inbox bundles this store's checks refused.
    public var refusedHere = 0
    public var bytesSent = 0
    /// Bytes sent again because the hub held them already (a cut connection, a lost answer).
    public var bytesResent = 0
    /// Requests tried again after a 5xx, 429 or dropped connection.
    public var retries = 0
    /// Every bundle this store made holds a verified receipt now.
    public var allReceipted = false

    public init() {}
}

/// Why a sync could not start or go on (a hub problem says more).
public enum HubSyncFailure: Error, Equatable, Sendable {
    /// No hub URL given now or before.
    case noHub
    /// The store trusts no county, or holds no certificate of its own: the hub would not know it.
    case notEnrolled
    case hub(HubProblem)
}
