import GRDB
import Survey

/// The statuses a household moves through, as stored in `household.status`.
public enum HouseholdStatus: String, Codable, CaseIterable, Hashable, Sendable, DatabaseValueConvertible {
    case inProgress = "in_progress"
    case complete
    case approved
    case sentBack = "sent_back"

    /// The status in words, the same on every screen and in every export.
    public func label(_ lang: Language) -> String {
        switch self {
        case .inProgress: return Phrase.statusInProgress.text(lang)
        case .complete: return Phrase.statusComplete.text(lang)
        case .approved: return Phrase.statusApproved.text(lang)
        case .sentBack: return Phrase.statusSentBack.text(lang)
        }
    }

    /// Whether the household is signed off (completed by the enumerator or approved by the supervisor):
    /// a change to it sends it back to the interview.
    var isSignedOff: Bool { self == .complete || self == .approved }
}
