import Foundation
import Store
import Survey

/// Everything that can happen to the application: keys, a resized terminal, and the results of effects.
public enum Message: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A page of the household list was read.
    case listLoaded(ListPage)
    /// A household was opened (or created) and is ready to interview.
    case opened(InterviewBox)
    /// Something outside failed (the store); the text is for the user.
    case failed(String)
    /// The store committed the change asked for (`Effect.commit`): the screen moves on.
    case committed
    /// The store could not commit it; the text says why. The screen keeps the stored values.
    case commitFailed(String)
    /// A household's status was stored.
    case statusStored(household: UUID, status: HouseholdStatus)
    /// This device's own certificate (nil: not enrolled), read at start on the runtime's `today`.
    case certificateLoaded(DeviceCertificate?, today: Day)
    /// The household this enumerator left unfinished, read at start (nil: none).
    case unfinishedFound(UnfinishedHousehold?)
}

/// One page of the household list, for a search text.
public struct ListPage: Sendable {
    public var query: String
    public var offset: Int
    public var total: Int
    public var households: [HouseholdRecord]
    public init(query: String, offset: Int, total: Int, households: [HouseholdRecord]) {
        self.query = query; self.offset = offset; self.total = total; self.households = households
    }
}

/// A household as the store handed it over: the interview (a value), and what the supervisor said.
public struct InterviewBox: Sendable {
    public let interview: Interview
    /// The supervisor's open comments on this household.
    public var comments: [FieldComment] = []
    /// Why the household was sent back, when it was.
    public var sentBack: String?
    /// Last year's answers, when the household is a round of the re-survey.
    public var previous: PreviousRound?
    public init(_ interview: Interview, comments: [FieldComment] = [], sentBack: String? = nil, previous: PreviousRound? = nil) {
        self.interview = interview; self.comments = comments; self.sentBack = sentBack; self.previous = previous
    }
}

/// A supervisor's comment on a field (`question` in `row`), or on the household (question "").
public struct FieldComment: Sendable, Equatable {
    public var row: RowID?
    public var question: String
    public var text: String
    public var who: String
    public init(row: RowID?, question: String, text: String, who: String) { self.row = row; self.question = question; self.text = text; self.who = who }

    /// Whether one of the changes answers the field the comment is on.
    func isAbout(_ changes: [InterviewChange]) -> Bool {
        changes.contains { change in
            if case .answer(let q, let r, _, _) = change { return q == question && r == row }
            return false
        }
    }
}

/// Work `update` asks for and the runtime does: reading and writing the store, leaving.
public enum Effect: Sendable {
    case loadList(query: String, offset: Int, limit: Int)
    case open(UUID)
    case create
    /// Writes one confirmed action (answer, row, reason) in one transaction; answered by `.committed`
    /// or `.commitFailed`.
    case commit(CommitRequest)
    /// Remembers where a household's cursor stands (when the household is left).
    case savePosition(household: UUID, position: Position?)
    case setStatus(UUID, HouseholdStatus)
    /// Reads this device's own certificate, for the start screen's notice.
    case loadCertificate
    /// Looks for the household this enumerator left unfinished, to offer it first.
    case findUnfinished
    case quit
}
