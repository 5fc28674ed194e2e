import Foundation
import Store
import Survey

/// A household as the supervisor reads it: every section on one scrollable page, read-only, with the
/// checks, the reasons given, the comments and the assessment. Built once when the household opens.
public struct HouseholdSheet: Sendable, Equatable {
    public var id: UUID
    public var record: HouseholdRecord
    /// The decision on it and the reason given, if any.
    public var reviewState: ReviewDecision?
    public var reviewReason: String?
    public var overrides: Int
    public var openConflicts: Int
    /// Who sent its latest changes here; nil when it was made on this store.
    public var sender: ReviewRow.Sender?
    public var lines: [SheetLine]
    /// Index into `lines` of the field under the cursor.
    public var selected: Int
    public var top = 0

    /// "0003 张三", for titles and messages.
    public var name: String { record.householdNo + " " + record.headName }

    /// The field under the cursor.
    public var field: SheetLine? { lines.indices.contains(selected) ? lines[selected] : nil }

    /// The header's line on who sent it: "来自 李文华（设备 3f2a1b2c，调查员）"; nil when it was made here.
    public func senderLine(_ lang: Language) -> String? {
        guard let s = sender else { return nil }
        let device = String(s.deviceID.prefix(8))
        let role = s.role.map { Phrase.fullComma.text(lang) + $0.label(lang) } ?? ""
        return Phrase.sheetSender.text(lang, s.person, device, role)
    }
}

/// One line of the sheet.
public struct SheetLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// "A 户基本情况".
        case section
        /// A member or crop: "1. 张三".
        case row
        /// A question and its answer; the cursor stops here.
        case field(row: RowID?, question: String)
        /// A calculated value.
        case calculated
        case error, warning, explained
        case comment
        case assessment
        /// The supervisor's decision on the household, at the top.
        case decision(approved: Bool)
    }
    public var kind: Kind
    public var label: String
    public var value = ""
    /// Indent in columns (members' fields sit under the member).
    public var indent = 0

    public var isField: Bool { if case .field = kind { return true } else { return false } }
}

extension HouseholdSheet {
    /// Builds the sheet of an interview, with the store's listing record, open comments and decision; in a round of
    /// the re-survey (`previous`), a field answered otherwise than last year shows both: "上年 2 → 3".
    public static func make(_ iv: Interview, record: HouseholdRecord, comments: [CommentRecord], review: ReviewRecord?,
                            overrides: Int, openConflicts: Int, sender: ReviewRow.Sender? = nil, previous: PreviousRound? = nil,
                            lang: Language, selecting old: SheetLine.Kind? = nil) -> HouseholdSheet {
        let q = iv.questionnaire
        var lines: [SheetLine] = []
        func commentLines(_ row: RowID?, _ question: String, indent: Int) {
            for c in comments where c.question == question && c.rowID == row {
                lines.append(SheetLine(kind: .comment, label: Phrase.sheetFieldComment.text(lang) + c.text + Phrase.inParentheses.text(lang, c.who),
                                       indent: indent + 2))
            }
        }
        if let review {
            let when = String(review.at.prefix(10))
            lines.append(SheetLine(kind: .decision(approved: review.state == .approved),
                                   label: Phrase.sheetReviewLabel.text(lang) + StatusBadge(review.state.status).label(lang)
                                       + (review.reason.map { Phrase.afterDash.text(lang, $0) } ?? "") + Phrase.pairInParentheses.text(lang, review.who, when)))
        }
        let household = comments.filter { $0.question.isEmpty }
        for c in household {
            lines.append(SheetLine(kind: .comment, label: Phrase.sheetHouseholdComment.text(lang) + c.text + Phrase.inParentheses.text(lang, c.who)))
        }
        func fields(_ section: Section, row: RowID?, indent: Int) {
            for qi in section.questions where iv.isRelevant(qi, row: row) {
                let question = q.questions[qi]
                let answer = iv.value(of: qi, row: row)
                var value = answer.map { FieldInput.display($0, question, lang) } ?? ""
                if question.isInput, let answer, let last = previous?.value(question.id, row: row), last != answer {
                    value = Phrase.sheetYearOverYear.text(lang, FieldInput.display(last, question, lang), value)
                }
                if question.isInput {
                    lines.append(SheetLine(kind: .field(row: row, question: question.id), label: question.label.text(lang), value: value, indent: indent))
                } else {
                    lines.append(SheetLine(kind: .calculated, label: question.label.text(lang), value: value, indent: indent))
                }
                commentLines(row, question.id, indent: indent)
                for p in iv.problems(at: qi, row: row) {
                    var text = q.checks[p.check].message.text(lang)
                    let kind: SheetLine.Kind
                    if let reason = p.overrideReason {
                        kind = .explained
                        text += Phrase.formExplained.text(lang, reason)
                    } else {
                        kind = p.severity == .error ? .error : .warning
                    }
                    lines.append(SheetLine(kind: kind, label: text, indent: indent + 2))
                }
            }
        }
        for section in q.sections {
            lines.append(SheetLine(kind: .section, label: section.id + " " + section.title.text(lang)))
            if let r = section.roster {
                let rows = iv.rowIDs(of: r)
                if rows.isEmpty { lines.append(SheetLine(kind: .row, label: Phrase.sheetNone.text(lang), indent: 2)) }
                for (n, row) in rows.enumerated() {
                    lines.append(SheetLine(kind: .row, label: "\(n + 1). " + RowLabel.of(iv, roster: r, row: row), indent: 2))
                    fields(section, row: row, indent: 4)
                }
            } else {
                fields(section, row: nil, indent: 2)
            }
        }
        let a = Assessment(iv)
        lines.append(SheetLine(kind: .section, label: Phrase.assessment.text(lang)))
        let income = a.perCapitaNetIncome.map { Value.format($0) } ?? "—", line = a.incomeLine.map { Value.format($0) } ?? "—"
        lines.append(SheetLine(kind: .assessment, label: Phrase.sheetIncome.text(lang),
                               value: Phrase.sheetIncomeValue.text(lang, income, line), indent: 2))
        // Every reason: a guarantee's under it, one a line; the household's under the suggestion.
        for g in a.guarantees {
            let mark = g.met == true ? "✓ " : g.met == false ? "✗ " : "? "
            let why = g.met == false ? g.reasons.map { $0.text(lang) } : g.met == nil ? [Phrase.sheetAnswersMissing.text(lang)] : []
            lines.append(SheetLine(kind: .assessment, label: mark + g.label.text(lang), value: why.first ?? "", indent: 2))
            for more in why.dropFirst() { lines.append(SheetLine(kind: .assessment, label: "", value: more, indent: 2)) }
        }
        lines.append(SheetLine(kind: .assessment, label: Phrase.suggested.text(lang), value: a.status.label.text(lang), indent: 2))
        for r in a.householdReasons { lines.append(SheetLine(kind: .assessment, label: "", value: "· " + r.text(lang), indent: 2)) }
        let first = lines.firstIndex(where: \.isField) ?? 0
        let selected = old.flatMap { k in lines.firstIndex { $0.kind == k } } ?? first
        return HouseholdSheet(id: UUID(uuidString: record.id) ?? UUID(), record: record, reviewState: review?.state, reviewReason: review?.reason,
                              overrides: overrides, openConflicts: openConflicts, sender: sender, lines: lines, selected: selected)
    }
}

extension HistoryPanel {
    /// A field's history from its audit lines: each value, the reasons for its warnings, the comments.
    public static func make(_ title: String, _ audit: [AuditRecord], question: Question?, lang: Language) -> HistoryPanel {
        func shown(_ value: Value?) -> String {
            guard let value else { return Phrase.emptyValue.text(lang) }
            return question.map { FieldInput.display(value, $0, lang) } ?? value.display
        }
        let lines = audit.compactMap { a -> HistoryLine? in
            let when = String(a.at.prefix(16)).replacingOccurrences(of: "T", with: " ")
            switch a.kind {
            case .answer:
                let text = a.oldAnswer == nil ? shown(a.newAnswer) : shown(a.oldAnswer) + " → " + shown(a.newAnswer)
                return HistoryLine(when: when, who: a.who, text: text + (a.reason.map { Phrase.inParentheses.text(lang, $0) } ?? ""), kind: .value)
            case .confirmedUnchanged:
                return HistoryLine(when: when, who: a.who, text: Phrase.historyConfirmedUnchanged.text(lang) + shown(a.newAnswer), kind: .value)
            case .migrated:
                let text = Phrase.historyMigrated.text(lang) + shown(a.oldAnswer) + " → " + shown(a.newAnswer)
                return HistoryLine(when: when, who: a.who, text: text + (a.reason.map { Phrase.inParentheses.text(lang, $0) } ?? ""), kind: .value)
            case .override:
                return HistoryLine(when: when, who: a.who, text: Phrase.historyReason.text(lang) + (a.reason ?? ""), kind: .reason)
            case .overrideCleared:
                return HistoryLine(when: when, who: a.who, text: Phrase.historyReasonWithdrawn.text(lang), kind: .reason)
            case .comment:
                return HistoryLine(when: when, who: a.who, text: Phrase.historyComment.text(lang) + (a.reason ?? ""), kind: .comment)
            case .commentResolved:
                return HistoryLine(when: when, who: a.who, text: Phrase.historyCommentDealt.text(lang) + (a.reason ?? ""), kind: .comment)
            default:
                return nil
            }
        }
        return HistoryPanel(title: title, lines: lines)
    }
}
