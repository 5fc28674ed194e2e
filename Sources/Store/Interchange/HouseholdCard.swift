import Foundation
import GRDB
import Survey

/// A household's record card (一户一档) as plain text for printing: the household, every section with
/// its answers, each member as a block, the assessment against the income line and 两不愁三保障, and
/// the review decision. Lines are "label：value", so no column has to line up in a proportional font.
public enum HouseholdCard {
    /// The card of one household.
    public static func text(_ store: HouseholdStore, household id: UUID, questionnaire q: Questionnaire, lang: Language = .zh) throws -> String {
        let iv = try store.interview(id, questionnaire: q)
        let record = try store.household(id)
        let review = try store.review(id)
        let colon = Phrase.colon.text(lang)
        var out: [String] = []
        let rule = String(repeating: "─", count: 40)
        out.append(Phrase.povertyRegistrationHouseholdRecord.text(lang))
        out.append(rule)
        out.append(Phrase.village.text(lang) + colon + record.villageCode + "    " + Phrase.householdNo.text(lang) + colon + record.householdNo)
        out.append(Phrase.head.text(lang) + colon + record.headName + "    " + Phrase.status.text(lang) + colon + record.status.label(lang))
        out.append(Phrase.cardEnumerator.text(lang) + colon + record.enumerator + "    " + Phrase.householdId.text(lang) + colon + record.id)
        for section in q.sections {
            out.append("")
            out.append(section.title.text(lang))
            out.append(rule)
            if let roster = section.roster {
                let rows = iv.rowIDs(of: roster)
                if rows.isEmpty { out.append(Phrase.none.text(lang)) }
                for (n, row) in rows.enumerated() {
                    let name = q.rosters[roster].rowLabelField.map { iv.display(q.questions[$0].id, row: row, lang) } ?? ""
                    out.append("  \(n + 1). \(name)")
                    out += lines(section, row: row, iv, lang, indent: "     ")
                }
            } else {
                out += lines(section, row: nil, iv, lang, indent: "  ")
            }
        }
        let a = Assessment(iv)
        out.append("")
        out.append(Phrase.assessment.text(lang))
        out.append(rule)
        let income = a.perCapitaNetIncome.map { Value.format($0) } ?? "—", line = a.incomeLine.map { Value.format($0) } ?? "—"
        out.append(Phrase.perCapitaNetIncome.text(lang, income, line))
        for g in a.guarantees {
            let mark = g.met == true ? "✓" : g.met == false ? "✗" : "?"
            var text = "  \(mark) " + g.label.text(lang)
            if g.met == false, let r = g.reasons.first { text += colon + r.text(lang) }
            if g.met == nil { text += Phrase.answersMissing.text(lang) }
            out.append(text)
        }
        out.append("  " + Phrase.suggested.text(lang) + colon + a.status.label.text(lang))
        if let review {
            out.append("")
            out.append(Phrase.review.text(lang) + colon + review.state.status.label(lang) + (review.reason.map { colon + $0 } ?? "")
                       + "（\(review.who) \(review.at.prefix(10))）")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The answered questions of a section (in a row), one line each.
    static func lines(_ section: Section, row: RowID?, _ iv: Interview, _ lang: Language, indent: String) -> [String] {
        section.questions.compactMap { i in
            let question = iv.questionnaire.questions[i]
            let value = iv.display(question.id, row: row, lang)
            guard !value.isEmpty else { return nil }
            return indent + question.label.text(lang) + Phrase.colon.text(lang) + value + (question.unit.map { " " + $0.text(lang) } ?? "")
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
