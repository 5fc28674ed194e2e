/// One guarantee of 两不愁三保障 judged for a household: met, not met (with why), or not yet known.
public struct GuaranteeResult: Sendable, Equatable {
    public var id: String
    public var label: Localized
    /// nil while the answers it needs are missing.
    public var met: Bool?
    public var reasons: [Localized]
}

/// What the assessment suggests for the household's status.
public enum SuggestedStatus: Sendable, Equatable {
    case meetsExitStandard
    case doesNotMeet
    case returnedToPoverty
    case incomplete

    /// The suggestion in words.
    public var label: Localized {
        switch self {
        case .meetsExitStandard: return Localized(zh: "达到脱贫标准", en: "meets the exit standard")
        case .doesNotMeet: return Localized(zh: "未达到脱贫标准", en: "does not meet the standard")
        case .returnedToPoverty: return Localized(zh: "返贫", en: "returned to poverty")
        case .incomplete: return Localized(zh: "信息不全，无法评估", en: "incomplete: cannot assess")
        }
    }
}

/// A 防返贫监测 category the household meets, and why.
public struct MonitoringFlag: Sendable, Equatable {
    /// The category's id in the standards (`unstable_exited`, `edge`, `sudden_hardship`).
    public var category: String
    public var label: Localized
    public var reasons: [Localized]
}

/// The household judged against the income line and 两不愁三保障 (section J of the form).
public struct Assessment: Sendable, Equatable {
    public var perCapitaNetIncome: Double?
    public var incomeLine: Double?
    public var householdSize: Int?
    public var guarantees: [GuaranteeResult]
    public var status: SuggestedStatus
    /// Why the status is what it is, in words, most important first.
    public var reasons: [Localized]
    /// Those of `reasons` about the household as a whole (the income, the consent an exit needs): each
    /// guarantee's own are in its `reasons`, so a page that lists both says none twice.
    public var householdReasons: [Localized]
    /// The monitoring categories the household meets, in the standards' order; the first is the one suggested.
    /// Their reasons are in `reasons` and `householdReasons` too, so every page that shows the assessment shows them.
    public var monitoring: [MonitoringFlag] = []
    /// The monitoring category suggested for the household, or nil.
    public var suggestedMonitoring: MonitoringFlag? { monitoring.first }
    /// The recorded status says exited (已脱贫) while the household fails the standard now (返贫): the
    /// record contradicts itself until the status is recorded as returned and the reason asked.
    public var statusDisagrees = false

    /// The per-capita net income and the income line the interview has worked out (its calculated fields
    /// `per_capita_net_income` and `income_line_value`): what the listing shows without judging the household.
    public static func incomeFigures(_ interview: Interview) -> (perCapitaNetIncome: Double?, incomeLine: Double?) {
        (interview.value("per_capita_net_income")?.number, interview.value("income_line_value")?.number)
    }

    /// Judges an interview. Reads the calculated fields `per_capita_net_income`, `income_line_value`,
    /// `household_size` and `poverty_status` of the questionnaire, and the guarantees of its standards.
    public init(_ interview: Interview) {
        let q = interview.questionnaire
        (perCapitaNetIncome, incomeLine) = Self.incomeFigures(interview)
        householdSize = interview.value("household_size")?.number?.whole
        guarantees = q.standards.guarantees.map { Self.judge($0, interview) }
        reasons = []
        householdReasons = []

        let failed = guarantees.filter { $0.met == false }
        var below: Bool?
        if let income = perCapitaNetIncome, let line = incomeLine {
            below = income < line
            if income < line {
                householdReasons.append(Phrase.incomeBelowLine.localized(Value.format(income), Value.format(line)))
            }
        } else {
            householdReasons.append(Phrase.incomeIncomplete.localized())
        }
        reasons += householdReasons
        for g in failed {
            reasons += g.reasons.isEmpty ? [Phrase.guaranteeNotMet.localized(g.label)] : g.reasons.map {
                Phrase.guaranteeReason.localized(g.label, $0)
            }
        }
        let unknown = guarantees.filter { $0.met == nil }
        let exited = interview.value("poverty_status")?.number == 2
        if below == nil || (failed.isEmpty && !unknown.isEmpty) {
            for g in unknown { reasons.append(Phrase.guaranteeAnswersMissing.localized(g.label)) }
            status = .incomplete
        } else if below == true || !failed.isEmpty {
            status = exited ? .returnedToPoverty : .doesNotMeet
            if exited {
                statusDisagrees = true
                reasons.append(Phrase.statusDisagrees.localized())
                householdReasons.append(Phrase.statusDisagrees.localized())
            }
        } else {
            status = .meetsExitStandard
            if interview.value("household_consent")?.bool != true {
                reasons.append(Phrase.exitNeedsConsent.localized())
                householdReasons.append(Phrase.exitNeedsConsent.localized())
            }
        }
        monitoring = Self.monitor(interview, perCapita: perCapitaNetIncome)
        for (i, flag) in monitoring.enumerated() {
            let because = Localized(zh: flag.reasons.map(\.zh).joined(separator: "；"), en: flag.reasons.map(\.en).joined(separator: "; "))
            let line = (i == 0 ? Phrase.monitoringSuggested : Phrase.monitoringAlsoMeets).localized(flag.label, because)
            reasons.append(line)
            householdReasons.append(line)
        }
    }

    /// The monitoring categories `interview` meets. Reads the calculated fields `province`, `survey_year` and
    /// `net_income`; a category whose figures are not known yet (no line for the year, no income) is not met.
    static func monitor(_ interview: Interview, perCapita: Double?) -> [MonitoringFlag] {
        let q = interview.questionnaire
        let m = q.standards.monitoring
        guard !m.categories.isEmpty else { return [] }
        let province = interview.value("province")?.text ?? "*"
        let line = interview.value("survey_year")?.number?.whole.flatMap { m.line(province: province, year: $0) }
        var flags: [MonitoringFlag] = []
        for category in m.categories {
            var ev = Evaluator(source: interview, questionnaire: q)
            if let applies = category.appliesTo, ev.evaluate(applies)?.bool != true { continue }
            switch category.rule {
            case .incomeBelowLine:
                guard let line, let perCapita, perCapita < line.line else { continue }
                let note = line.confirmed ? Localized(zh: "", en: "") : Phrase.sampleFigure.localized()
                flags.append(MonitoringFlag(category: category.id, label: category.label, reasons: [
                    Phrase.incomeBelowMonitoringLine.localized(Value.format(perCapita), line.year, Value.format(line.line), note)]))
            case .rigidExpenses(let expenses, let share):
                guard let net = interview.value("net_income")?.number else { continue }
                var total = 0.0
                var parts: [(RigidExpense, Double)] = []
                for e in expenses {
                    guard let amount = ev.evaluate(e.amount)?.number, amount > 0 else { continue }
                    total += amount
                    parts.append((e, amount))
                }
                guard total > 0, total > share * max(net, 0) else { continue }
                let label: Localized = parts.count == 1 ? parts[0].0.label : Localized(
                    zh: parts.map { $0.0.label.zh }.joined(separator: "、"), en: parts.map { $0.0.label.en }.joined(separator: " and "))
                let percent = Value.format((share * 100 * 100).rounded() / 100) + "%"
                flags.append(MonitoringFlag(category: category.id, label: category.label, reasons: [
                    Phrase.rigidExpenseAboveShare.localized(label, Value.format(total), Value.format(net), percent)]))
            }
        }
        return flags
    }

    static func judge(_ g: Guarantee, _ interview: Interview) -> GuaranteeResult {
        let q = interview.questionnaire
        var result = GuaranteeResult(id: g.id, label: g.label, met: true, reasons: [])
        if let test = g.householdFails {
            var ev = Evaluator(source: interview, questionnaire: q)
            switch ev.evaluate(test)?.bool {
            case true?: result.met = false; result.reasons.append(fill(g.reason, interview, row: nil, number: nil))
            case nil: result.met = nil
            case false?: break
            }
        } else if let test = g.memberFails, let members = q.roster("members") {
            var unknown = false
            for (i, row) in interview.rowIDs(of: members.index).enumerated() {
                var ev = Evaluator(source: interview, questionnaire: q, row: row, roster: members.index)
                switch ev.evaluate(test)?.bool {
                case true?: result.met = false; result.reasons.append(fill(g.reason, interview, row: row, number: i + 1))
                case nil: unknown = true
                case false?: break
                }
            }
            if unknown && result.met == true { result.met = nil }
        }
        return result
    }

    /// Fills `{row}` and `{field}` in a reason; codes show as their labels.
    static func fill(_ text: Localized, _ interview: Interview, row: RowID?, number: Int?) -> Localized {
        func one(_ s: String, _ lang: Language) -> String {
            var out = ""
            var rest = Substring(s)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out += rest[..<open]
                let name = String(rest[rest.index(after: open)..<close])
                if name == "row" { out += number.map(String.init) ?? "" } else { out += interview.display(name, row: row, lang) }
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
        return Localized(zh: one(text.zh, .zh), en: one(text.en, .en))
    }
}

extension Interview {
    /// An answer as words: code labels, 是/否, dates and numbers; empty when unanswered.
    public func display(_ id: String, row: RowID?, _ lang: Language) -> String {
        guard let qi = questionnaire.questionIndex(of: id) else { return "" }
        let q = questionnaire.questions[qi]
        guard let v = value(of: qi, row: q.roster == nil ? nil : row) else { return "" }
        switch v {
        case .code(let c): return q.codeList?.label(c)?.text(lang) ?? String(c)
        case .codes(let cs): return cs.map { q.codeList?.label($0)?.text(lang) ?? String($0) }.joined(separator: Phrase.listSeparator.text(lang))
        case .bool(let b): return (b ? Phrase.yes : Phrase.no).text(lang)
        default: return v.display
        }
    }
}
