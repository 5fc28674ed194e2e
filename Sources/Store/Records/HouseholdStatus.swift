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
        let zh = lang == .zh
        switch self {
        case .inProgress: return zh ? "调查中" : "ongoing"
        case .complete: return zh ? "已完成" : "complete"
        case .approved: return zh ? "已审核" : "approved"
        case .sentBack: return zh ? "已退回" : "sent back"
        }
    }

    /// Whether the household is signed off (completed by the enumerator or approved by the supervisor):
    /// a change to it sends it back to the interview.
    var isSignedOff: Bool { self == .complete || self == .approved }
}
