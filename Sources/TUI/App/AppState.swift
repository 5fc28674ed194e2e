import Foundation
import Store
import Survey

/// The whole application's state: which screen, what it shows, what is being typed.
public struct AppState: Sendable {
    public var lang: Language
    public var width: Int
    public var height: Int
    public var list = ListState()
    /// The household being interviewed, as the store holds it; nil on the household list.
    public var form: FormState?
    /// A change sent to the store and not yet answered: the screen it leads to once stored.
    public var pending: PendingCommit?
    /// Help or a question to the user, drawn over the screen.
    public var overlay: Overlay?
    /// The message line: what just happened or why a key was refused.
    public var status: StatusLine?
    public var quitting = false
    /// The village new households belong to.
    public var village: String?
    /// This device's certificate, read at start; the start screen warns when it runs out soon.
    public var certificate: OwnCertificate?

    public init(lang: Language, width: Int, height: Int, village: String? = nil) {
        self.lang = lang; self.width = width; self.height = height; self.village = village
    }

    /// The design size; anything smaller shows the "enlarge the terminal" screen.
    public static let minWidth = 80, minHeight = 24
    public var tooSmall: Bool { width < Self.minWidth || height < Self.minHeight }

    /// Where everything goes on a screen of this size.
    public var layout: Layout { Layout(width: width, height: height) }
}

/// A line of feedback under the screen.
public struct StatusLine: Sendable, Equatable {
    public enum Kind: Sendable { case info, warning, error }
    public var text: String
    public var kind: Kind
    public init(_ text: String, _ kind: Kind = .info) { self.text = text; self.kind = kind }
}

/// The household list: search text, the page read from the store, the selection.
public struct ListState: Sendable {
    public var query = ""
    /// Index in the whole list of the first household in `page`.
    public var offset = 0
    public var page: [HouseholdRecord] = []
    /// The selected household and the first on screen, as indices in the whole list (`total` of them).
    public var selection = ListSelection()
    public var loading = true

    /// Households matching the search, in the store.
    public var total: Int { selection.count }
    /// Index in the whole list of the selected household.
    public var selected: Int { selection.selected }

    /// The selected household, when it is in the page read.
    public var selectedHousehold: HouseholdRecord? {
        let i = selection.selected - offset
        return page.indices.contains(i) ? page[i] : nil
    }
}

/// Where the cursor of the form is: a field, or the end of a roster section ("add another member?").
public enum FormCursor: Hashable, Sendable {
    case field(Position)
    case rosterEnd(section: Int)

    public var section: Int {
        switch self {
        case .field(let p): return p.section
        case .rosterEnd(let s): return s
        }
    }
}

/// Which page of the household is shown.
public enum FormMode: Sendable, Equatable {
    case fields
    case grid(GridState)
    case checks(ChecksState)
    case assessment(AssessmentState)
}

/// The roster grid: one line per row (member, crop), one column per section asked per row.
public struct GridState: Sendable, Equatable {
    public var roster: Int
    /// The selected row among the roster's rows.
    public var rows: ListSelection
    /// Index into the roster's sections (for members: B, C, F, G).
    public var column = 0
}

/// The list of every problem of the household.
public struct ChecksState: Sendable, Equatable {
    /// The selected problem among the household's problems.
    public var problems: ListSelection
    /// The sign-off page the checks were opened from, which Esc goes back to (nil: the form).
    public var openedFrom: AssessmentState? = nil
}

/// The assessment and sign-off page.
public struct AssessmentState: Sendable, Equatable {
    /// The entry under the cursor (`SignOffEntry.all`: the sign-off fields, then the problems).
    public var items: ListSelection
    /// The page's first row on screen: it scrolls when the assessment's reasons and the problems run long.
    public var top = 0
}

/// An answer being typed, before Enter confirms it.
public struct FieldEdit: Sendable, Equatable {
    public var text = ""
    /// Index among the code options that match the text (type-ahead).
    public var highlight = 0
    /// Ctrl-V was pressed: the next key goes in as a character, even a control one.
    public var literalNext = false
    /// Where the cursor is in `text`, in characters; nil is after the last one (where typing starts).
    public var caret: Int? = nil
    /// The text is the question's default, offered and not yet confirmed: a character typed replaces it,
    /// only Enter records it, and leaving the field any other way records nothing.
    public var offered = false
    /// What is offered is last year's answer (a round pre-filled from the one before), not the question's default.
    public var fromLastYear = false
}

/// One household on screen: the interview, the cursor, and what is being typed.
public struct FormState: Sendable {
    /// The household's answers as stored, and the cursor's field (`interview.position`, which the store
    /// saves for resuming): one cursor, not a copy kept in step with another.
    public var interview: Interview
    /// Set while the cursor stands at the end of a roster section ("add another?") rather than on a
    /// field; the interview's position stays on the last field, where the household reopens.
    var rosterEnd: Int?
    /// The cursor was sent from the sign-off page to answer one question (返贫原因 after recording 返贫):
    /// Enter, once it is answered, goes back to the page.
    var backToSignOff = false
    public var edit: FieldEdit?
    public var mode: FormMode = .fields
    /// The supervisor's comments, marked on their fields.
    public var comments: [FieldComment] = []
    /// Last year's answers, when this household is a round of the re-survey started from the one before.
    public var previous: PreviousRound?

    public init(interview: Interview, cursor: FormCursor) {
        self.interview = interview
        self.cursor = cursor
    }

    /// Where the cursor is.
    public var cursor: FormCursor {
        get {
            if let s = rosterEnd { return .rosterEnd(section: s) }
            if let p = interview.position { return .field(p) }
            return .rosterEnd(section: 0)
        }
        set {
            switch newValue {
            case .field(let p): interview.position = p; rosterEnd = nil
            case .rosterEnd(let s): rosterEnd = s
            }
        }
    }

    /// Completion per section: required answered, required, and hard errors. Read from the counts the
    /// interview keeps with every answer, so it costs the number of sections, not of answers.
    public var sectionProgress: [(answered: Int, required: Int, errors: Int)] {
        interview.questionnaire.sections.indices.map { s in
            let c = interview.completeness(section: s)
            return (c.answered, c.required, interview.errorCount(section: s))
        }
    }
}

/// A commit asked of the store: the form as it will be once the store says it is stored (the change
/// made, the cursor moved on), the message then, and whether the household is left after it.
public struct PendingCommit: Sendable {
    public var form: FormState
    public var status: StatusLine?
    public var thenLeave = false
}

/// Drawn over the screen; keys go to it first.
public enum Overlay: Sendable, Equatable {
    case help
    case prompt(Prompt)
    /// Completing asks once more, so a stray F9 completes nothing.
    case confirmComplete
}

/// A question that needs typed text: a reason for removing a row or accepting a soft problem.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case removeRow(roster: Int, row: RowID)
        case explain(CheckKey)
    }
    public var purpose: Purpose
    public var title: String
    public var detail: String
    public var text = ""
    public var error: String?
}

