import Foundation
import Store
import Survey

extension Program where State == AppState, Message == TUI.Message, Effect == TUI.Effect {
    /// The enumerator's application: the household list, then one household's interview.
    public static var enumerator: Self {
        Program(start: { state in [.loadCertificate, .loadList(query: "", offset: 0, limit: Update.pageLimit(state)), .findUnfinished] },
                update: Update.apply, view: Render.frame, isFinished: \.quitting)
    }
}

extension Message: TerminalInput {}

/// The enumerator's application on a store: `Program.enumerator` run by the shared loop, with its
/// effects done against the store. The terminal loop and the tests drive it the same way.
public final class AppRuntime: ProgramHost {
    /// The loop running `Program.enumerator`.
    public let loop: Runtime<AppState, Message, Effect>
    let store: HouseholdStore
    let questionnaire: Questionnaire
    let who: String
    let today: () -> Day

    public init(store: HouseholdStore, questionnaire: Questionnaire, lang: Language, width: Int, height: Int,
                who: String, village: String? = nil, today: @escaping () -> Day = AppRuntime.today) {
        self.store = store; self.questionnaire = questionnaire; self.who = who; self.today = today
        loop = Runtime(.enumerator, state: AppState(lang: lang, width: width, height: height, village: village))
    }

    /// The calendar day on this machine (the day a new household is interviewed).
    public static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// Replaces the household on screen (tests set up a cursor this way).
    func setForm(_ form: FormState) {
        loop.change { $0.form = form }
    }

    public func perform(_ effect: Effect) -> Message? {
        let lang = state.lang
        do {
            switch effect {
            case .loadList(let query, let offset, let limit):
                if query.trimmingCharacters(in: .whitespaces).isEmpty {
                    let total = try store.householdCount(village: state.village)
                    return .listLoaded(ListPage(query: query, offset: offset, total: total,
                                                households: try store.households(village: state.village, limit: limit, offset: offset)))
                }
                let found = try store.search(query, questionnaire: questionnaire, limit: 500).filter { state.village == nil || $0.villageCode == state.village }
                return .listLoaded(ListPage(query: query, offset: min(offset, found.count), total: found.count,
                                            households: Array(found.dropFirst(offset).prefix(limit))))
            case .open(let id):
                let comments = try store.comments(id).map {
                    FieldComment(row: $0.rowID, question: $0.question, text: $0.text, who: $0.who)
                }
                let review = try store.review(id)
                try store.migrateIfOlder(id, into: questionnaire, who: who)
                var iv = try store.interview(id, questionnaire: questionnaire)
                iv.visit = Visit(enumerator: who, village: try state.village ?? store.lastVillage())
                return .opened(InterviewBox(iv, comments: comments,
                                            sentBack: review?.state == .sentBack ? review?.reason ?? "" : nil,
                                            previous: try store.previousRound(of: id)))
            case .create:
                var iv = Interview(questionnaire: questionnaire, today: today())
                try store.create(iv, enumerator: who, who: who)
                // What the questionnaire's defaults may offer: the enumerator, the village being worked.
                iv.visit = Visit(enumerator: who, village: try state.village ?? store.lastVillage())
                return .opened(InterviewBox(iv))
            case .commit(let request):
                // Only the store's answer moves the screen on: a refusal (a busy or read-only store) keeps it as stored.
                do { try store.commit(request, who: who) } catch { return .commitFailed(error.message(lang)) }
                return .committed
            case .savePosition(let household, let position):
                try store.savePosition(position, of: household, questionnaire: questionnaire)
            case .setStatus(let id, let status):
                try store.setStatus(id, to: status, who: who)
                return .statusStored(household: id, status: status)
            case .loadCertificate:
                // A store that cannot say is treated as not enrolled: the notice is a reminder, not a gate.
                return .certificateLoaded((try? store.ownCertificate()) ?? nil, today: today())
            case .findUnfinished:
                return .unfinishedFound(try store.unfinishedHousehold(of: who, village: state.village))
            case .quit:
                break
            }
        } catch let e as StoreError {
            return .failed(Phrase.notSaved.text(lang) + e.message(lang))
        } catch {
            return .failed("\(error)")
        }
        return nil
    }
}
