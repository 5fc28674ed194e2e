import Foundation
import Store
import Survey

extension Program where State == ReviewState, Message == ReviewMessage, Effect == ReviewEffect {
    /// The supervisor's application: the household list, a household's sheet, the conflicts, the dashboard.
    public static var review: Self {
        Program(start: { state in
                    [.loadCertificate, .loadFilters, .loadList(state.list.query, offset: 0, limit: ListWindow.limit(rows: state.layout.reviewList.count))]
                },
                update: ReviewUpdate.apply, view: ReviewRender.frame, isFinished: \.quitting)
    }
}

extension ReviewMessage: TerminalInput {}

/// The supervisor's application on a store: `Program.review` run by the shared loop, with its
/// effects done against the store. The terminal loop and the tests drive it the same way.
public final class ReviewRuntime: ProgramHost {
    /// The loop running `Program.review`.
    public let loop: Runtime<ReviewState, ReviewMessage, ReviewEffect>
    let store: HouseholdStore
    let questionnaire: Questionnaire
    let who: String
    /// The calendar day, for how long this device's certificate has left (tests fix it).
    let today: () -> Day

    /// `village` starts the list filtered on one village (F4 changes it).
    public init(store: HouseholdStore, questionnaire: Questionnaire, lang: Language, width: Int, height: Int, who: String, village: String? = nil,
                today: @escaping () -> Day = AppRuntime.today) {
        self.store = store; self.questionnaire = questionnaire; self.who = who; self.today = today
        var state = ReviewState(lang: lang, width: width, height: height)
        state.list.query.village = village
        loop = Runtime(.review, state: state)
    }

    /// Changes the state directly (tests put a cursor or a panel in place this way).
    func setState(_ change: (inout ReviewState) -> Void) { loop.change(change) }

    public func perform(_ effect: ReviewEffect) -> ReviewMessage? {
        let lang = state.lang
        do {
            switch effect {
            case .loadList(let query, let offset, let limit):
                let (total, rows) = try store.reviewList(query, questionnaire: questionnaire, limit: limit, offset: offset)
                return .listLoaded(query: query, offset: offset, total: total, rows: rows)
            case .loadFilters:
                let (villages, enumerators) = try store.reviewFilters()
                return .filtersLoaded(villages: villages, enumerators: enumerators, openConflicts: try store.conflicts().count)
            case .open(let id, let keeping):
                return .opened(try sheet(id, keeping: keeping), note: nil)
            case .history(let id, let row, let question):
                let audit = try store.history(id, row: row, question: question, questionnaire: questionnaire)
                let q = questionnaire.question(question)
                var title = q?.label.text(lang) ?? question
                if let row, let sheet = state.sheet, let r = q?.roster,
                   let name = try? RowLabel.of(store.interview(sheet.id, questionnaire: questionnaire), roster: r, row: row) {
                    title = name + " · " + title
                }
                return .historyLoaded(HistoryPanel.make(title, audit, question: q, lang: lang))
            case .approve(let id, let name):
                try store.approve(id, who: who)
                return .decided(Phrase.reviewApproved.text(lang, name))
            case .sendBack(let id, let reason, let name):
                try store.sendBack(id, reason: reason, who: who)
                return .decided(Phrase.reviewSentBackWithReason.text(lang, name, reason))
            case .comment(let id, let row, let question, let text):
                try store.addComment(id, row: row, question: question, text: text, who: who)
                return .opened(try sheet(id, keeping: state.sheet?.field?.kind), note: Phrase.reviewCommentSaved.text(lang))
            case .loadConflicts(let note):
                return .conflictsLoaded(try conflictItems(), note: note)
            case .resolve(let id, let choice):
                let c = try store.resolveConflict(id, take: choice, who: who, questionnaire: questionnaire)
                let value = c.resolved?.text(lang) ?? Phrase.emptyValue.text(lang)
                return .conflictsLoaded(try conflictItems(), note: Phrase.reviewResolved.text(lang, value))
            case .loadDashboard(let village):
                guard let code = try village ?? store.reviewFilters().villages.first else {
                    return .failed(Phrase.reviewNoHouseholds.text(lang))
                }
                return .dashboardLoaded(DashboardPage(try store.dashboard(village: code), questionnaire: questionnaire, lang: lang))
            case .loadCertificate:
                // A store that cannot say is treated as not enrolled: the notice is a reminder, not a gate.
                return .certificateLoaded((try? store.ownCertificate()) ?? nil, today: today())
            case .quit:
                return nil
            }
        } catch let e as StoreError {
            return .failed(Phrase.reviewFailed.text(lang) + e.message(lang))
        } catch let e as ConflictProblem {
            return .failed(e.message(lang))
        } catch {
            return .failed("\(error)")
        }
    }

    /// The household's sheet as the store holds it now.
    func sheet(_ id: UUID, keeping: SheetLine.Kind?) throws -> HouseholdSheet {
        try store.migrateIfOlder(id, into: questionnaire, who: who)
        let iv = try store.interview(id, questionnaire: questionnaire)
        let (_, rows) = try store.reviewList(ReviewQuery(), questionnaire: questionnaire, limit: 1, offset: 0, only: id)
        guard let row = rows.first else { throw StoreError.unknownHousehold(id.uuidString.lowercased()) }
        return HouseholdSheet.make(iv, record: row.household, comments: try store.comments(id), review: try store.review(id),
                                   overrides: row.overrides, openConflicts: row.openConflicts, sender: row.sender,
                                   previous: try store.previousRound(of: id), lang: state.lang, selecting: keeping)
    }

    /// The open conflicts, with their household and field in words.
    func conflictItems() throws -> [ConflictItem] {
        let lang = state.lang
        var interviews: [String: Interview] = [:]
        return try store.conflicts().map { c in
            let id = UUID(uuidString: c.householdID)!
            if interviews[c.householdID] == nil { interviews[c.householdID] = try? store.interview(id, questionnaire: questionnaire) }
            let iv = interviews[c.householdID]
            let record = try? store.household(id)
            let household = record.map { $0.householdNo + " " + $0.headName } ?? String(c.householdID.prefix(8))
            let question = questionnaire.question(c.field)
            var field: String
            switch c.kind {
            case .answer: field = question?.label.text(lang) ?? c.field
            case .override: field = Phrase.reviewReasonLabel.text(lang) + (questionnaire.checks.first { $0.id == c.field }?.message.text(lang) ?? c.field)
            case .review: field = Phrase.reviewDecision.text(lang)
            case .status: field = Phrase.status.text(lang)
            }
            if let iv, let r = question?.roster, let row = c.rowID {
                field = RowLabel.of(iv, roster: r, row: row) + " · " + field
            }
            func shown(_ side: ConflictSide) -> String? {
                switch side {
                case .answer(let v?): return question.map { FieldInput.display(v, $0, lang) } ?? v.display
                case .status(let s?): return StatusBadge(s).label(lang)
                default: return side.text(lang)
                }
            }
            return ConflictItem(record: c, household: household, field: field, mine: shown(c.mine), theirs: shown(c.theirs))
        }
    }
}
