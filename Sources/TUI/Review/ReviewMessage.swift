import Foundation
import Store
import Survey

/// Everything that can happen to the supervisor's application: keys, a resize, results of effects.
public enum ReviewMessage: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case listLoaded(query: ReviewQuery, offset: Int, total: Int, rows: [ReviewRow])
    case filtersLoaded(villages: [String], enumerators: [String], openConflicts: Int)
    /// A household was opened (or read again after a comment); the text goes on the message line.
    case opened(HouseholdSheet, note: String?)
    case historyLoaded(HistoryPanel)
    /// A decision was stored; back to the list with this message.
    case decided(String)
    case conflictsLoaded([ConflictItem], note: String?)
    case dashboardLoaded(DashboardPage)
    /// This device's own certificate (nil: not enrolled), read at start on the runtime's `today`.
    case certificateLoaded(DeviceCertificate?, today: Day)
    case failed(String)
}

/// Work the supervisor's `update` asks for; the runtime does it against the store.
public enum ReviewEffect: Sendable, Equatable {
    case loadList(ReviewQuery, offset: Int, limit: Int)
    /// The villages and enumerators the filters offer, and the count of open conflicts.
    case loadFilters
    case open(UUID, keeping: SheetLine.Kind?)
    case history(UUID, row: RowID?, question: String)
    case approve(UUID, household: String)
    case sendBack(UUID, reason: String, household: String)
    case comment(UUID, row: RowID?, question: String, text: String)
    case loadConflicts(note: String?)
    case resolve(conflict: String, ConflictChoice)
    case loadDashboard(village: String?)
    /// Reads this device's own certificate, for the list's notice.
    case loadCertificate
    case quit
}

/// The supervisor's keys: an F-key and a Ctrl- fallback each, as in the enumerator's application
/// (help, quit and next problem are the enumerator's `Action`s, on the same keys).
public enum ReviewAction: KeyBinding, CaseIterable, Sendable {
    case statusFilter, flagFilter, villageFilter, enumeratorFilter, sort, conflicts, dashboard
    case commentField, commentHousehold, sendBack, approve
    case takeMine, takeTheirs, typeValue

    public var keys: (function: Int?, ctrl: Character) {
        switch self {
        case .statusFilter: return (2, "t")
        case .flagFilter: return (3, "e")
        case .villageFilter: return (4, "w")
        case .enumeratorFilter: return (5, "y")
        case .sort: return (6, "s")
        case .conflicts: return (7, "k")
        case .dashboard: return (8, "d")
        case .commentField: return (3, "o")
        case .commentHousehold: return (4, "u")
        case .sendBack: return (8, "b")
        case .approve: return (9, "f")
        case .takeMine: return (5, "l")
        case .takeTheirs: return (6, "r")
        case .typeValue: return (7, "o")
        }
    }
}

extension Key {
    /// Whether this key triggers a supervisor's action.
    func `is`(_ action: ReviewAction) -> Bool { action.matches(self) }
}
