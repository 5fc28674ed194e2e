import Foundation
import Store

/// The hub's identity as `GET /v1/hub` tells it.
public struct HubIdentity: Sendable, Equatable {
    public var county: String
    /// Raw Ed25519 public key that signs receipts.
    public var hubKey: Data
    public var fingerprint: String
    /// The county's certificate for the hub's key, when the hub sent one.
    public var certificate: CountySigned?
}

/// An upload the hub opened (or resumed) for a bundle.
public struct OpenUpload: Sendable, Equatable {
    public var id: String
    public var offset: Int
    public var chunkBytes: Int
}

/// What announcing a bundle led to: an upload to send to, or the hub's receipt when it holds the bundle already.
public enum AnnounceAnswer: Sendable, Equatable {
    case upload(OpenUpload)
    case held(SignedHubReceipt)
}

/// One entry of the device's inbox.
public struct InboxEntry: Sendable, Equatable, Decodable {
    public var position: Int
    public var hash: String
    public var device: String
    public var sequence: Int
    public var length: Int
}

/// A page of the inbox.
public struct InboxPage: Sendable, Equatable, Decodable {
    public var entries: [InboxEntry]
    public var next: Int
    public var more: Bool
}
