import Survey

/// One line of the sign-off list: a field that must be filled before the household is complete.
struct SignOffItem {
    /// The question's id.
    var id: String
    var label: String
    var value: String
    var ok: Bool
    var position: Position?
}

/// What completing a household needs: the collectors, the household's consent and signature, and no
/// open problem.
enum SignOff {
    static let fields = ["collector_1", "collector_2", "household_consent", "signer", "proxy_signer_name", "helper_signed"]

    static func items(_ iv: Interview, lang: Language = .zh) -> [SignOffItem] {
        let q = iv.questionnaire
        return fields.compactMap { id -> SignOffItem? in
            guard let qi = q.questionIndex(of: id), iv.isRelevant(qi, row: nil) else { return nil }
            let question = q.questions[qi]
            let v = iv.value(of: qi, row: nil)
            var ok = v != nil
            if id == "helper_signed" { ok = v == .bool(true) }
            return SignOffItem(id: id, label: question.label.text(lang), value: v.map { FieldInput.display($0, question, lang) } ?? "",
                               ok: ok, position: Position(section: question.section, row: nil, question: qi))
        }
    }

    /// Why the household cannot be completed yet; empty when it can.
    static func blockers(_ iv: Interview, lang: Language) -> [String] {
        var out: [String] = []
        let c = iv.completeness
        if c.answered < c.required { out.append(Phrase.requiredAnswerSMissing.text(lang, c.required - c.answered)) }
        if iv.hardErrorCount > 0 { out.append(Phrase.errorSRemain.text(lang, iv.hardErrorCount)) }
        if iv.unexplainedWarningCount > 0 {
            out.append(Phrase.warningSNeedReason.text(lang, iv.unexplainedWarningCount))
        }
        let collectors = Set(["collector_1", "collector_2", "collector_3"].compactMap { iv.value($0)?.text?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty })
        if collectors.count < 2 { out.append(Phrase.leastTwoCollectorsNeeded.text(lang)) }
        if iv.value("household_consent") == nil { out.append(Phrase.householdConsentNotRecorded.text(lang)) }
        if iv.value("signer") == nil { out.append(Phrase.whoSignedNotRecorded.text(lang)) }
        if iv.value("signer") == .code(2), (iv.value("proxy_signer_name")?.text ?? "").isEmpty {
            out.append(Phrase.proxySignerNameMissing.text(lang))
        }
        if Assessment(iv).statusDisagrees { out.append(Phrase.signOffStatusBlocker.text(lang)) }
        return out
    }
}

/// Where a problem is fixed: its check's field, in its row (a household check on a roster field: the first row).
enum ProblemPlace {
    static func of(_ p: Problem, in iv: Interview) -> Position {
        let check = iv.questionnaire.checks[p.check]
        let q = iv.questionnaire.questions[check.field]
        var row = q.roster == nil ? nil : p.row
        if row == nil, let r = q.roster { row = iv.rowIDs(of: r).first }
        return Position(section: q.section, row: row, question: check.field)
    }
}

/// How a roster row is named on screen: its label field (the member's name), else its number.
enum RowLabel {
    static func of(_ iv: Interview, roster: Int, row: RowID) -> String {
        guard let f = iv.questionnaire.rosters[roster].rowLabelField, let v = iv.value(of: f, row: row) else { return "" }
        return FieldInput.display(v, iv.questionnaire.questions[f], .zh)
    }
}

/// What the cursor of the sign-off page stops on: a sign-off field (an index of `SignOff.items`), or a
/// problem of the household (an index of `Interview.problems`), so a warning is explained on the page.
enum SignOffEntry: Equatable {
    /// The recorded status contradicts the assessment (exited, now failing): Enter records 返贫.
    case status
    case item(Int)
    case problem(Int)

    /// The page's entries: the status when it disagrees, the sign-off fields, then every problem.
    static func all(_ iv: Interview) -> [SignOffEntry] {
        (Assessment(iv).statusDisagrees ? [.status] : [])
            + SignOff.items(iv).indices.map(SignOffEntry.item) + iv.problems.indices.map(SignOffEntry.problem)
    }
}

extension SignOff {
    /// The status a household that fails the standard again is recorded with (返贫), and the question
    /// that then asks why.
    static let returnedCode = 3, statusQuestion = "poverty_status", returnReason = "return_reason"

    /// Records 返贫 for a household whose status disagrees with the assessment and puts the cursor on
    /// the reason, which the new status brings in; one commit.
    static func recordReturn(_ state: inout AppState, _ form: inout FormState) -> [Effect] {
        let q = form.interview.questionnaire
        guard let changes = try? form.interview.answer(statusQuestion, row: nil, .code(returnedCode)) else { return [] }
        if let qi = q.questionIndex(of: returnReason), form.interview.isRelevant(qi, row: nil) {
            form.cursor = .field(Position(section: q.questions[qi].section, row: nil, question: qi))
            form.mode = .fields
            form.edit = nil
            form.backToSignOff = true
        }
        return FormUpdate.propose(&state, form, changes, status: StatusLine(Phrase.recordedReturn.text(state.lang)))
    }
}

extension SignOff {
    /// The consent question: asked once the household has been shown the assessment it consents to.
    static let consent = "household_consent"

    /// Whether a move forward to `target` reaches the consent question from another section while it is
    /// unanswered: the sign-off page, which shows the assessment, opens first.
    static func showsAssessmentFirst(_ iv: Interview, from cursor: FormCursor, to target: FormCursor) -> Bool {
        guard case .field(let p) = target, let qi = iv.questionnaire.questionIndex(of: consent), p.question == qi,
              cursor.section != p.section else { return false }
        return iv.value(of: qi, row: nil) == nil
    }

    /// The sign-off page with the entry of `question`'s sign-off item selected (the first when it has none).
    static func page(_ iv: Interview, selecting question: String? = nil) -> AssessmentState {
        let entries = SignOffEntry.all(iv)
        let index = question.flatMap { id in SignOff.items(iv).firstIndex { $0.id == id } }.flatMap { entries.firstIndex(of: .item($0)) }
        return AssessmentState(items: ListSelection(count: entries.count, selected: index ?? 0))
    }
}
