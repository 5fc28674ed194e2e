import Foundation
import Store
import Survey

/// The supervisor's application (`hufang review`): which screen, what it shows, what is being typed.
/// It shares the enumerator's terminal, buffer, keys and chrome; its screens are its own.
public struct ReviewState: Sendable {
    public var lang: Language
    public var width: Int
    public var height: Int
    public var screen: ReviewScreen = .list
    public var list = ReviewListState()
    /// The household under review, once opened.
    public var sheet: HouseholdSheet?
    /// Where Esc leaves the household for: the list, or the dashboard it was opened from.
    public var sheetOpenedFrom: ReviewScreen = .list
    public var conflicts = ConflictQueueState()
    public var dashboard: DashboardState?
    /// Help, a question or a panel drawn over the screen; keys go to it first.
    public var overlay: ReviewOverlay?
    public var status: StatusLine?
    /// This device's certificate, read at start; the list warns when it runs out soon.
    public var certificate: OwnCertificate?
    public var quitting = false

    public init(lang: Language, width: Int, height: Int) {
        self.lang = lang; self.width = width; self.height = height
    }

    public var tooSmall: Bool { width < AppState.minWidth || height < AppState.minHeight }
    /// Where everything goes on a screen of this size.
    public var layout: Layout { Layout(width: width, height: height) }
    /// Lines of the household sheet on screen at once.
    public var sheetRows: Int { sheetRows(for: sheet) }
    /// Lines on screen at once of this sheet: one fewer when its header says who sent it.
    func sheetRows(for sheet: HouseholdSheet?) -> Int { layout.sheet(withSender: sheet?.sender != nil).count }
}

/// The supervisor's screens.
public enum ReviewScreen: Sendable, Equatable {
    case list, household, conflicts, dashboard
}

/// The household list: the query (filters, sort, search), the page read, the selection.
public struct ReviewListState: Sendable {
    public var query = ReviewQuery()
    public var offset = 0
    public var rows: [ReviewRow] = []
    /// The selected household and the first on screen, as indices in the whole list (`total` of them).
    public var selection = ListSelection()
    public var loading = true
    /// What the filters cycle through, and the open conflicts of the whole store (shown in the title).
    public var villages: [String] = []
    public var enumerators: [String] = []
    public var openConflicts = 0

    /// Households matching the query, in the store.
    public var total: Int { selection.count }
    /// Index in the whole list of the selected household.
    public var selected: Int { selection.selected }

    /// The selected household, when it is in the page read.
    public var selectedRow: ReviewRow? {
        let i = selected - offset
        return rows.indices.contains(i) ? rows[i] : nil
    }
}

/// The conflict queue: each open conflict with what the screen shows of it.
public struct ConflictQueueState: Sendable {
    /// The open conflicts, in the order the store lists them; the selection follows their count.
    public var items: [ConflictItem] = [] {
        didSet { selection.count = items.count }
    }
    /// The conflict under the cursor; the view scrolls the queue to keep it in the middle.
    public var selection = ListSelection()
    public var loading = true

    public var current: ConflictItem? { items.indices.contains(selection.selected) ? items[selection.selected] : nil }
}

/// One conflict ready to show: the record, and the household and field in words.
public struct ConflictItem: Sendable, Equatable {
    public var record: ConflictRecord
    /// "0003 张三".
    public var household: String
    /// The question's label, with the member's name for a member's field.
    public var field: String
    /// Both values as a person reads them ("2 一般贫困户"); nil when the side cleared the field.
    public var mine: String?
    public var theirs: String?
    public init(record: ConflictRecord, household: String, field: String, mine: String?, theirs: String?) {
        self.record = record; self.household = household; self.field = field; self.mine = mine; self.theirs = theirs
    }
}

/// The village dashboard and where the cursor is on it.
public struct DashboardState: Sendable, Equatable {
    public var page: DashboardPage
    /// The guarantee under the cursor (Enter lists the households failing it).
    public var guarantees: ListSelection
    /// First line on screen, when the dashboard is taller than the screen (it scrolls as a whole,
    /// apart from the guarantee selected).
    public var top = 0

    /// `selected` is kept when it is among the page's guarantees.
    public init(page: DashboardPage, selected: Int = 0) {
        self.page = page
        guarantees = ListSelection(count: page.guarantees.count, selected: selected)
    }
}

/// Drawn over the supervisor's screen.
public enum ReviewOverlay: Sendable, Equatable {
    case help
    case prompt(ReviewPrompt)
    /// Approving asks once more, so a stray key approves nothing.
    case confirmApprove(UUID, household: String)
    case history(HistoryPanel)
    /// The households failing one guarantee, by name; Enter opens one.
    case failing(FailingList)
}

/// Text the supervisor types: a reason for sending back, a comment, a merged value.
public struct ReviewPrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case sendBack(UUID)
        case comment(UUID, row: RowID?, question: String)
        case merge(conflict: String)
    }
    public var purpose: Purpose
    public var title: String
    public var detail: String
    /// The word before the typed text: 原因 / 意见 / 值.
    public var label: String
    public var text = ""
    public var error: String?
}

/// Every value one field had: who, when, and the reasons and comments on it.
public struct HistoryPanel: Sendable, Equatable {
    public var title: String
    public var lines: [HistoryLine]
    public var top = 0
    public init(title: String, lines: [HistoryLine]) { self.title = title; self.lines = lines }
}

/// One event in a field's history, ready to draw.
public struct HistoryLine: Sendable, Equatable {
    public enum Kind: Sendable { case value, reason, comment }
    public var when: String
    public var who: String
    public var text: String
    public var kind: Kind
    public init(when: String, who: String, text: String, kind: Kind) { self.when = when; self.who = who; self.text = text; self.kind = kind }
}

/// The households failing one guarantee.
public struct FailingList: Sendable, Equatable {
    public var title: String
    public var households: [VillageDashboard.Named]
    /// The household under the cursor, scrolled within the box.
    public var selection: ListSelection
    /// The list, the first household selected.
    public init(title: String, households: [VillageDashboard.Named]) {
        self.title = title; self.households = households
        selection = ListSelection(count: households.count)
    }
}
