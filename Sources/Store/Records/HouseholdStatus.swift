import Survey

/// The statuses a household moves through, as stored in `household.status`.
public enum HouseholdStatus {
    public static let all = ["in_progress", "complete", "approved", "sent_back"]

    /// A status in words.
    public static func label(_ status: String, _ lang: Language) -> String {
        let zh = lang == .zh
        switch status {
        case "in_progress": return zh ? "调查中" : "ongoing"
        case "complete": return zh ? "已完成" : "complete"
        case "approved": return zh ? "已审核" : "approved"
        case "sent_back": return zh ? "已退回" : "sent back"
        default: return status
        }
    }
}
