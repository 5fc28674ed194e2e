import Foundation
import Store
import Survey

/// Runs the application: feeds messages to `update`, does the effects it asks for against the store,
/// and feeds the results back. The terminal loop and the tests drive it the same way.
public final class AppRuntime {
    public private(set) var state: AppState
    let store: HouseholdStore
    let questionnaire: Questionnaire
    let who: String
    let today: () -> Day

    public init(store: HouseholdStore, questionnaire: Questionnaire, lang: Language, width: Int, height: Int,
                who: String, village: String? = nil, today: @escaping () -> Day = AppRuntime.today) {
        self.store = store; self.questionnaire = questionnaire; self.who = who; self.today = today
        state = AppState(lang: lang, width: width, height: height, village: village)
    }

    /// The calendar day on this machine (the day a new household is interviewed).
    public static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// Reads this device's certificate and the first page of the household list.
    public func start() {
        if let m = perform(.loadCertificate) { send(m) }
        state.list.loading = true
        if let m = perform(.loadList(query: "", offset: 0, limit: Update.pageLimit(state))) { send(m) }
    }

    /// Handles a message and everything it leads to.
    public func send(_ message: Message) {
        var queue = [message]
        while !queue.isEmpty {
            let m = queue.removeFirst()
            for effect in Update.apply(&state, m) {
                if let reply = perform(effect) { queue.append(reply) }
            }
        }
    }

    /// Replaces the household on screen (tests set up a cursor this way).
    func setForm(_ form: FormState) {
        state.form = form
    }

    func perform(_ effect: Effect) -> Message? {
        let lang = state.lang
        do {
            switch effect {
            case .loadList(let query, let offset, let limit):
                if query.trimmingCharacters(in: .whitespaces).isEmpty {
                    let total = try store.householdCount(village: state.village)
                    return .listLoaded(ListPage(query: query, offset: offset, total: total,
                                                households: try store.households(village: state.village, limit: limit, offset: offset)))
                }
                let found = try store.search(query, limit: 500).filter { state.village == nil || $0.villageCode == state.village }
                return .listLoaded(ListPage(query: query, offset: min(offset, found.count), total: found.count,
                                            households: Array(found.dropFirst(offset).prefix(limit))))
            case .open(let id):
                let comments = try store.comments(id).map {
                    FieldComment(row: $0.rowID.isEmpty ? nil : UUID(uuidString: $0.rowID), question: $0.question, text: $0.text, who: $0.who)
                }
                let review = try store.review(id)
                return .opened(InterviewBox(try store.interview(id, questionnaire: questionnaire), comments: comments,
                                            sentBack: review?.state == "sent_back" ? review?.reason ?? "" : nil))
            case .create:
                var iv = Interview(questionnaire: questionnaire, today: today())
                try store.create(iv, enumerator: who, who: who)
                // A new household starts in the village being worked.
                let village = try state.village ?? store.households(limit: 1).first(where: { !$0.villageCode.isEmpty })?.villageCode
                if let village, let changes = try? iv.answer("village_code", .text(village)) { try store.commit(changes, of: iv, who: who) }
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
            case .quit:
                break
            }
        } catch let e as StoreError {
            return .failed((lang == .zh ? "保存失败：" : "Not saved: ") + e.message(lang))
        } catch {
            return .failed("\(error)")
        }
        return nil
    }
}
