import Store
import Survey

/// A household status as every screen shows it — the enumerator's list, the supervisor's list and sheet,
/// the dashboard: one label and one style per status.
struct StatusBadge {
    let status: HouseholdStatus

    init(_ status: HouseholdStatus) { self.status = status }

    /// The status in words.
    func label(_ lang: Language) -> String { status.label(lang) }

    /// The label cut to fit a column of seven cells (the dashboard): Chinese labels fit as they are, English ones are abbreviated.
    func short(_ lang: Language) -> String {
        guard lang == .en else { return label(lang) }
        switch status {
        case .inProgress: return "ongoing"
        case .complete: return "done"
        case .approved: return "appr."
        case .sentBack: return "sent"
        }
    }

    /// Work still to do is plain; done and waiting for review, cyan; approved, green; sent back, yellow.
    var style: Style {
        switch status {
        case .inProgress: return .plain
        case .complete: return Style(color: .cyan)
        case .approved: return .done
        case .sentBack: return .warning
        }
    }
}
