import Foundation

/// Why talking to the hub stopped.
public enum HubProblem: Error, Equatable, Sendable {
    /// No answer after every retry (or 5xx/429 each time): try again when the network is back.
    case unreachable(url: String, detail: String)
    /// The hub's TLS certificate did not verify against the county's (or the system's) authorities.
    case tls(url: String, detail: String)
    /// The URL cannot be used.
    case badURL(String)
    /// The hub is not this county's hub: its certificate is missing, not the county's, not role hub, or for another key.
    case notCountyHub(String)
    /// The hub refused the request: status and its own words.
    case refused(status: Int, code: String, message: String)
    /// An answer that is not what the API says.
    case unexpected(status: Int, detail: String)
    /// A receipt that does not verify with the hub's certified key, or is not for the bundle sent.
    case forgedReceipt(sequence: Int)
    /// A bundle the hub handed out is not the one its inbox named.
    case wrongBundle(hash: String)
}
