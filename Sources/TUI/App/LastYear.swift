import Store
import Survey

/// What an unanswered field offers before anything is typed. In a round of the re-survey, last year's answer
/// comes first: the household's answer stands until it changes. A question asked afresh (`each_round`: the
/// visit's date, who visits, the signatures) or one whose answer follows from this year's others
/// (`skip_when_default`: the age from the ID number and the visit's day) offers its `default` instead.
struct Offer: Equatable {
    var value: Value
    var fromLastYear: Bool
}

extension FormState {
    /// Last year's answer to a field, when this household is a round started from last year's.
    func lastYear(_ p: Position) -> Value? {
        guard let previous else { return nil }
        let q = interview.questionnaire.questions[p.question]
        return previous.value(q.id, row: q.roster == nil ? nil : p.row)
    }

    /// What the field at `p` offers while it is unanswered, if anything.
    func offer(at p: Position) -> Offer? {
        guard interview.value(of: p.question, row: p.row) == nil else { return nil }
        let q = interview.questionnaire.questions[p.question]
        if !q.eachRound, !q.skipWhenDefault, let v = lastYear(p) { return Offer(value: v, fromLastYear: true) }
        return interview.defaultValue(of: p.question, row: p.row).map { Offer(value: $0, fromLastYear: false) }
    }
}

extension FormUpdate {
    /// "Same as last year" (F11, Ctrl-Y): every unanswered field of the page on screen (the section, in the
    /// cursor's row) that offers an answer records it, in form order, so an answer can bring in the next
    /// question and its offer. Each is a change like an Enter on it; the store audits the ones equal to last
    /// year's as confirmed unchanged. The cursor stops at the first required question still unanswered (an
    /// `each_round` one), else goes on to the next page: on a page with nothing left to confirm, the key is "on".
    static func sameAsLastYear(_ state: inout AppState, _ form: inout FormState) -> [Effect] {
        let lang = state.lang
        guard form.previous != nil else {
            state.status = StatusLine(Phrase.sameAsLastYearNotARound.text(lang), .warning)
            return []
        }
        // Something typed is confirmed first; an offer left unconfirmed is recorded below with the rest.
        guard var changes = confirm(&state, &form) else { return [] }
        guard case .field(let p) = form.cursor else {
            // At a roster's end ("add another?"): nothing to confirm, on to the next page.
            return move(&state, form, to: FormNavigation(interview: form.interview).next(form.cursor), changes: changes, atEnd: true)
        }
        let q = form.interview.questionnaire
        var confirmed = 0
        for qi in q.sections[p.section].questions where q.questions[qi].isInput && form.interview.isRelevant(qi, row: p.row) {
            let question = q.questions[qi]
            guard let offer = form.offer(at: Position(section: p.section, row: p.row, question: qi)) else { continue }
            // An offer the field would refuse, or that fails a hard check, stays for the enumerator to see.
            if case .number(let n) = offer.value, FieldInput.outOfRange(n, question, lang: lang) != nil { continue }
            var iv = form.interview
            guard let made = try? iv.answer(qi, row: p.row, offer.value),
                  !iv.problems(at: qi, row: p.row).contains(where: { $0.severity == .error }) else { continue }
            form.interview = iv
            changes += made
            confirmed += 1
        }
        form.edit = nil
        // A required question still unanswered (one asked afresh each year) is where the cursor stops; else on.
        let iv = form.interview
        if let rest = q.sections[p.section].questions.first(where: { qi in
            q.questions[qi].isInput && q.questions[qi].required && iv.isRelevant(qi, row: p.row) && iv.value(of: qi, row: p.row) == nil
        }) {
            form.cursor = .field(Position(section: p.section, row: p.row, question: rest))
            let said = confirmed > 0 ? Phrase.sameAsLastYearAskRest.text(lang, confirmed) : Phrase.sameAsLastYearNothing.text(lang)
            return propose(&state, form, changes, status: StatusLine(said, .info))
        }
        let nav = FormNavigation(interview: iv)
        let next = nav.first(in: p.section, row: p.row, last: true).flatMap { nav.next(.field($0)) }
        return move(&state, form, to: next, changes: changes, atEnd: true,
                    status: confirmed > 0 ? StatusLine(Phrase.sameAsLastYearDone.text(lang, confirmed)) : nil)
    }
}
