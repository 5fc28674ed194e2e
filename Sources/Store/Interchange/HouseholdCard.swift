import Foundation
import GRDB
import Survey

/// A household's record card (一户一档) as plain text for printing: the household, every section with
/// its answers, each member as a block, the assessment against the income line and 两不愁三保障, and
/// the review decision. Lines are "label：value", so no column has to line up in a proportional font.
public enum HouseholdCard {
    /// The card of one household.
    public static func text(_ store: HouseholdStore, household id: UUID, questionnaire q: Questionnaire, lang: Language = .zh) throws -> String {
        text(try store.household(id), try store.interview(id, questionnaire: q), review: try store.review(id), lang: lang)
    }

    /// The card of a whole household, wherever its records were read from.
    public static func text(_ household: HouseholdDocument, questionnaire q: Questionnaire, lang: Language = .zh) throws -> String {
        text(household.household, try household.interview(questionnaire: q), review: household.review, lang: lang)
    }

    /// The card of a household's listing record, its interview and the review decision.
    static func text(_ record: HouseholdRecord, _ iv: Interview, review: ReviewRecord?, lang: Language) -> String {
        let q = iv.questionnaire
        let colon = Phrase.colon.text(lang)
        var out: [String] = []
        let rule = String(repeating: "─", count: 40)
        out.append(Phrase.povertyRegistrationHouseholdRecord.text(lang))
        out.append(rule)
        out.append(Phrase.village.text(lang) + colon + record.villageCode + "    " + Phrase.householdNo.text(lang) + colon + record.householdNo)
        out.append(Phrase.head.text(lang) + colon + record.headName + "    " + Phrase.status.text(lang) + colon + record.status.label(lang))
        out.append(Phrase.cardEnumerator.text(lang) + colon + record.enumerator + "    " + Phrase.householdId.text(lang) + colon + record.id)
        for section in q.sections {
            var body: [String] = []
            if let roster = section.roster {
                // A member the section does not apply to gets no heading; the row's own name is its heading,
                // not a line under it.
                let labelField = q.rosters[roster].rowLabelField
                for (n, row) in iv.rowIDs(of: roster).enumerated() {
                    let answered = lines(section, row: row, iv, lang, indent: "     ", skipping: labelField)
                    guard !answered.isEmpty else { continue }
                    let name = labelField.map { iv.display(q.questions[$0].id, row: row, lang) } ?? ""
                    body.append("  \(n + 1). \(name)")
                    body += answered
                }
            } else {
                body = lines(section, row: nil, iv, lang, indent: "  ")
            }
            out.append("")
            out.append(section.title.text(lang))
            out.append(rule)
            out += body.isEmpty ? [Phrase.none.text(lang)] : body
        }
        let a = Assessment(iv)
        out.append("")
        out.append(Phrase.assessment.text(lang))
        out.append(rule)
        let income = a.perCapitaNetIncome.map { Value.format($0) } ?? "—", line = a.incomeLine.map { Value.format($0) } ?? "—"
        out.append(Phrase.perCapitaNetIncome.text(lang, income, line))
        // Every reason: a guarantee's under it, the household's under the suggestion.
        for g in a.guarantees {
            let mark = g.met == true ? "✓" : g.met == false ? "✗" : "?"
            let head = "  \(mark) " + g.label.text(lang)
            if g.met == nil { out.append(head + Phrase.answersMissing.text(lang)) }
            else if g.met == false, let first = g.reasons.first {
                out.append(head + colon + first.text(lang))
                for r in g.reasons.dropFirst() { out.append("      " + r.text(lang)) }
            } else { out.append(head) }
        }
        out.append("  " + Phrase.suggested.text(lang) + colon + a.status.label.text(lang))
        for r in a.householdReasons { out.append("    · " + r.text(lang)) }
        if let review {
            out.append("")
            out.append(Phrase.review.text(lang) + colon + review.state.status.label(lang) + (review.reason.map { colon + $0 } ?? "")
                       + "（\(review.who) \(review.at.prefix(10))）")
        }
        // Lines to sign on paper: the card is printed and signed at the household.
        out += ["", Phrase.cardSignatures.text(lang), rule]
        let blank = String(repeating: "_", count: 16), date = Phrase.cardDate.text(lang) + colon + String(repeating: "_", count: 12)
        for who in [Phrase.cardSignHead, .cardSignCollectors, .cardSignHelper, .cardSignVillage] {
            out.append("  " + who.text(lang) + colon + blank + "    " + date)
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The answered questions of a section (in a row), one line each, each with its problems under it:
    /// a warning with the reason it was accepted for, an error as it stands.
    static func lines(_ section: Section, row: RowID?, _ iv: Interview, _ lang: Language, indent: String, skipping: Int? = nil) -> [String] {
        let q = iv.questionnaire
        return section.questions.flatMap { i -> [String] in
            guard i != skipping, iv.isRelevant(i, row: row) else { return [] }
            let question = q.questions[i]
            let value = iv.display(question.id, row: row, lang)
            let problems = iv.problems(at: i, row: row).map { p in
                let text = q.checks[p.check].message.text(lang)
                let mark = p.severity == .error ? "✗ " : "! "
                return indent + "  " + mark + text + (p.overrideReason.map { Phrase.formExplained.text(lang, $0) } ?? "")
            }
            guard !value.isEmpty || !problems.isEmpty else { return [] }
            let shown = value.isEmpty ? "—" : value + (question.unit.map { " " + $0.text(lang) } ?? "")
            return [indent + question.label.text(lang) + Phrase.colon.text(lang) + shown] + problems
        }
    }
}

extension HouseholdStore {
    /// One household's listing record.
    public func household(_ id: UUID) throws(StoreError) -> HouseholdRecord {
        let hid = id.uuidString.lowercased()
        return try read { db in
            guard let h = try HouseholdRecord.fetchOne(db, key: hid) else { throw StoreError.unknownHousehold(hid) }
            return h
        }
    }

    /// The household whose id is `text` or starts with it (unique), as typed on a command line.
    public func householdID(matching text: String) throws(StoreError) -> UUID {
        let ids: [String] = try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM household WHERE id LIKE ? LIMIT 2", arguments: [text.lowercased() + "%"])
        }
        guard !text.isEmpty, ids.count == 1, let id = UUID(uuidString: ids[0]) else { throw StoreError.unknownHousehold(text) }
        return id
    }

    /// The supervisor's decision on a household, if any.
    public func review(_ id: UUID) throws(StoreError) -> ReviewRecord? {
        try read { db in try ReviewRecord.fetchOne(db, key: id.uuidString.lowercased()) }
    }
}
