import Foundation
import Survey

/// A fictional sample village for demonstrations, training and tests: fully interviewed households of
/// one village, drawn from a seed so the same seed always gives the same households, rows and ids.
///
/// The village (code 622922100201, five groups 一组…五组) is interviewed in October–December 2020, so
/// the 2020 line of 4,000 yuan applies. It mixes household types and statuses; about a third of the
/// households meet the exit standard and the rest fall short for different reasons (income below the
/// line, a child out of school, a member without medical insurance, a C/D-grade house, unsafe water).
/// About one household in ten carries a deliberate problem for a reviewer to find (a wrong ID check
/// character, an age that does not match the ID, a grade C house ticked safe, a dropout, too little
/// floor area, a 低保 member in an ordinary poor household), some soft ones accepted with a reason,
/// and a few interviews stop part-way with the cursor where they stopped.
/// Every name is made up from lists of common surnames and ordinary given-name characters.
public enum SampleVillage {
    public static let villageCode = "622922100201"
    public static let groupNames = ["一组", "二组", "三组", "四组", "五组"]
    /// The reference day of every sample interview (`Interview.referenceDay`).
    public static let referenceDay = Day(year: 2020, month: 12, day: 31)!

    /// The sample households, in household-number order.
    public static func generate(questionnaire: Questionnaire, seed: UInt64 = 2020, households: Int = 128) -> [Interview] {
        generateWithNotes(questionnaire: questionnaire, seed: seed, households: households).map(\.interview)
    }

    // MARK: Internals (visible to tests)

    /// One generated household and what was planted in it.
    struct Generated {
        var interview: Interview
        var plan: SamplePlan
        /// Members whose ID number was given a wrong check character on purpose.
        var badIDRows: [RowID]
        /// Members whose age was written one more than the ID says, on purpose.
        var ageMismatchRows: [RowID]
        /// Questions the draw had no answer for (answered with a placeholder); should be empty.
        var unplanned: [String]
        /// Answers the interview refused; should be empty.
        var refused: [String]
        var isComplete: Bool { plan.stop == nil }
    }

    static func generateWithNotes(questionnaire q: Questionnaire, seed: UInt64, households n: Int) -> [Generated] {
        guard n > 0 else { return [] }
        var g = SplitMix64(seed: seed)
        let staff = makeStaff(&g)
        let plans = makePlans(q, households: n, &g)
        var used: Set<String> = []
        var out: [Generated] = []
        out.reserveCapacity(n)
        for plan in plans {
            var hg = g.stream(UInt64(plan.index + 1))
            let id = hg.uuid()
            var draw = SampleHouseholdDraw(questionnaire: q, plan: plan, staff: staff, g: hg, usedIDs: used)
            draw.draw()
            used = draw.usedIDs
            out.append(fill(draw, householdID: id))
        }
        return out
    }

    // MARK: Staff

    static let helperUnits = ["县农业农村局", "县教育局", "县卫生健康局", "县自然资源局", "县交通运输局", "县住房和城乡建设局",
                              "县财政局", "县民政局", "县人力资源和社会保障局", "乡人民政府", "县人民医院", "县水务局"]

    private static func makeStaff(_ g: inout SplitMix64) -> SampleStaff {
        var names: [String] = []
        while names.count < 16 {
            let n = SampleNames.adult(&g)
            if !names.contains(n) { names.append(n) }
        }
        let helpers = (0..<12).map { i -> (name: String, unit: String, phone: String) in
            var phone = "1" + g.pick(["33", "38", "39", "51", "58", "77", "89"])
            for _ in 0..<8 { phone += String(g.int(0...9)) }
            return (names[4 + i], helperUnits[i], phone)
        }
        return SampleStaff(collectors: Array(names[0..<4]), helpers: helpers)
    }

    // MARK: The village plan

    /// Counts for each item in proportion to its weight (largest remainders), in a shuffled deck.
    static func deck<T>(_ weights: [(T, Double)], count n: Int, _ g: inout SplitMix64) -> [T] {
        guard n > 0 else { return [] }
        let total = weights.reduce(0) { $0 + $1.1 }
        var counts = weights.map { Int((Double(n) * $0.1 / total).rounded(.down)) }
        var rest = n - counts.reduce(0, +)
        let byRemainder = weights.indices.sorted { a, b in
            let ra = Double(n) * weights[a].1 / total - Double(counts[a]), rb = Double(n) * weights[b].1 / total - Double(counts[b])
            return ra != rb ? ra > rb : a < b
        }
        var k = 0
        while rest > 0 { counts[byRemainder[k % byRemainder.count]] += 1; rest -= 1; k += 1 }
        var out: [T] = []
        for (i, c) in counts.enumerated() { out += Array(repeating: weights[i].0, count: c) }
        g.shuffle(&out)
        return out
    }

    private static func makePlans(_ q: Questionnaire, households n: Int, _ g: inout SplitMix64) -> [SamplePlan] {
        // Groups in order of household number; the work team visits one group after another.
        let types = deck([(1, 0.55), (2, 0.17), (3, 0.05), (4, 0.03), (5, 0.02), (6, 0.18)], count: n, &g)
        let poorCount = types.filter { $0 <= 3 }.count
        var statuses = deck([(2, 0.45), (1, 0.35), (3, 0.10), (4, 0.10)], count: poorCount, &g)
        var plans: [SamplePlan] = []
        for i in 0..<n {
            let group = min(4, i * 5 / n)
            let start = 286 + group * 11  // 12 October 2020 for 一组
            let date = dayOf2020(start + g.int(0...9))
            let no = String(i + 1)
            let status = types[i] <= 3 ? statuses.removeLast() : 5
            plans.append(SamplePlan(index: i, group: group, householdNo: String(repeating: "0", count: max(0, 4 - no.count)) + no,
                                    interviewDate: date, type: types[i], status: status, shortfalls: []))
        }

        // A few interviews stop part-way.
        let stopSections = ["A", "B", "C", "E", "G", "I"].compactMap { id in q.sections.firstIndex { $0.id == id } }
        let incomplete = n >= 10 ? max(1, Int((Double(n) * 6 / 128).rounded())) : 0
        var order = Array(0..<n)
        g.shuffle(&order)
        for (k, i) in order.prefix(incomplete).enumerated() where !stopSections.isEmpty {
            plans[i].stop = (stopSections[k % stopSections.count], g.double(0.2...0.8))
        }
        let complete = order.dropFirst(incomplete).sorted()

        // Outcomes: who meets the exit standard, and why the others do not.
        func assign(_ members: [Int], meets share: Double, reasons: [(SampleShortfall, Double)]) {
            let fails = deck([(false, share), (true, 1 - share)], count: members.count, &g)
            let failing = zip(members, fails).filter { $0.1 }.map(\.0)
            let why = deck(reasons, count: failing.count, &g)
            for (i, r) in zip(failing, why) {
                var r = r
                if r == .income, plans[i].type == 3 || plans[i].type == 5 { r = g.chance(0.5) ? .house : .water }
                plans[i].shortfalls.insert(r)
                if g.chance(0.12) {
                    let second: SampleShortfall = g.pick(plans[i].type >= 3 ? [.house, .water] : [.water, .income])
                    plans[i].shortfalls.insert(second)
                }
            }
        }
        assign(complete.filter { plans[$0].type >= 4 }, meets: 0.6, reasons: [(.house, 3), (.water, 4), (.uninsured, 3)])
        assign(complete.filter { plans[$0].type <= 3 && plans[$0].status == 2 }, meets: 0.5,
               reasons: [(.income, 7), (.house, 1.5), (.water, 1.5)])
        assign(complete.filter { plans[$0].type <= 3 && plans[$0].status != 2 }, meets: 0.06,
               reasons: [(.income, 72), (.house, 9), (.water, 10), (.uninsured, 5)])

        // Deliberate problems for a reviewer, each in its own household.
        func scaled(_ base: Int) -> Int { n >= 32 ? max(1, Int((Double(base * n) / 128).rounded())) : 0 }
        var free = complete
        g.shuffle(&free)
        func take(_ plant: SamplePlant, _ count: Int, where ok: (SamplePlan) -> Bool) {
            var taken = 0
            for i in free where taken < count && plans[i].plants.isEmpty && ok(plans[i]) {
                plans[i].plants.append(plant)
                taken += 1
                switch plant {
                case .gradeCSafe: plans[i].shortfalls.insert(.house)
                case .dropout: plans[i].shortfalls.insert(.school)
                default: break
                }
                // Some soft problems are accepted with a reason: the first of each kind (two for floor area).
                if (plant == .dropout || plant == .dibaoInOrdinary) && taken == 1 { plans[i].overridePlants.insert(plant) }
                if plant == .smallFloor && taken <= 2 { plans[i].overridePlants.insert(plant) }
            }
        }
        take(.dibaoInOrdinary, scaled(2)) { $0.type == 1 }
        take(.gradeCSafe, scaled(2)) { !$0.shortfalls.isEmpty && !$0.shortfalls.contains(.house) }
        take(.dropout, scaled(3)) { !$0.shortfalls.isEmpty && $0.type != 3 && $0.type != 5 }
        take(.smallFloor, scaled(3)) { _ in true }
        take(.badCheckDigit, scaled(3)) { _ in true }
        take(.ageMismatch, scaled(2)) { _ in true }
        // Members without medical insurance: explained, except in one household.
        if let first = complete.first(where: { plans[$0].shortfalls.contains(.uninsured) }) { plans[first].overrideUninsured = false }
        return plans
    }

    /// A day of 2020 by its number in the year (1 = 1 January).
    static func dayOf2020(_ ordinal: Int) -> Day {
        var m = 1, d = ordinal
        while d > Day.daysIn(month: m, year: 2020) { d -= Day.daysIn(month: m, year: 2020); m += 1 }
        return Day(year: 2020, month: m, day: d)!
    }

    // MARK: Interviewing

    /// Answers the drawn household in form order, as an enumerator would, stopping where the plan says.
    private static func fill(_ draw: SampleHouseholdDraw, householdID: UUID) -> Generated {
        let q = draw.questionnaire
        let plan = draw.plan
        var unplanned: [String] = [], refused: [String] = []
        var rowAnswers: [RowID: [String: Value]] = [:]
        var stop = plan.stop
        let membersSection = q.sections.firstIndex { $0.roster == q.roster("members")?.index } ?? 0
        let cropsSection = q.sections.firstIndex { $0.roster == q.roster("crops")?.index } ?? 0
        // The rows the enumerator has listed so far (all at once: `addRow` re-evaluates the whole form each time).
        var rows: [String: [RowID]] = [:]
        if stop.map({ $0.section >= membersSection }) ?? true {
            rows["members"] = draw.members.map(\.row)
            for m in draw.members { rowAnswers[m.row] = draw.answers(m) }
        }
        if stop.map({ $0.section >= cropsSection }) ?? true {
            rows["crops"] = draw.crops.map(\.row)
            for c in draw.crops { rowAnswers[c.row] = c.answers }
        }
        var iv = Interview(questionnaire: q, householdID: householdID, today: referenceDay, rows: rows, answers: [])
        var last: Position?
        sections: for s in q.sections.indices {
            if let stop, s > stop.section { break }
            let section = q.sections[s]
            var budget = Int.max
            if let st = stop, s == st.section {
                let count = iv.slots(in: s).count
                // A section with nothing to ask here (no one of labour age, say): stop in the next one.
                if count == 0 { stop = (s + 1, st.fraction); continue }
                budget = Int(Double(count) * st.fraction)
            }
            var asked = 0
            let rows: [RowID?] = section.roster.map { iv.rowIDs(of: $0).map { Optional($0) } } ?? [nil]
            for row in rows {
                for qi in section.questions {
                    let question = q.questions[qi]
                    guard question.isInput, iv.isRelevant(qi, row: row) else { continue }
                    if asked >= budget { break sections }
                    var value = row.flatMap { rowAnswers[$0]?[question.id] } ?? (row == nil ? draw.household[question.id] : nil)
                    if value == nil {
                        guard question.required else { continue }
                        unplanned.append(question.id)
                        value = placeholder(question)
                    }
                    do {
                        try iv.answer(qi, row: row, value)
                        if question.required { last = Position(section: s, row: row, question: qi) }
                    } catch {
                        refused.append("\(question.id): \(error.message(.en))")
                    }
                    asked += 1
                }
            }
        }
        if stop == nil {
            acceptSoftProblems(&iv, plan)
            iv.position = last
        } else {
            // Answers can hide questions as they go, so the section may have run out before the
            // budget did: then the enumerator had not yet confirmed its last answer.
            if let stop, let p = last, p.section == stop.section {
                let c = iv.completeness(section: stop.section)
                if c.answered == c.required { _ = try? iv.answer(p.question, row: p.row, nil) }
            }
            iv.position = nil
            iv.moveToNextUnanswered()
        }
        return Generated(interview: iv, plan: plan, badIDRows: draw.badIDRows, ageMismatchRows: draw.ageMismatchRows,
                         unplanned: unplanned, refused: refused)
    }

    /// The reasons an enumerator types to accept a soft problem that is really so.
    private static func acceptSoftProblems(_ iv: inout Interview, _ plan: SamplePlan) {
        let q = iv.questionnaire
        for p in iv.problems where p.severity == .warning && p.overrideReason == nil {
            let field = q.questions[q.checks[p.check].field].id
            let reason: String?
            switch field {
            case "school_stage" where plan.overridePlants.contains(.dropout):
                reason = "已报乡镇控辍保学专班，老师和村干部已入户劝返，家长承诺下学期送回学校"
            case "floor_area" where plan.overridePlants.contains(.smallFloor):
                reason = "老房面积小，新房正在建设，预计2021年入住"
            case "assistance_status" where plan.overridePlants.contains(.dibaoInOrdinary):
                reason = "该成员因病单人纳入低保（分类施保），户类型待下次动态调整时核改"
            case "medical_insurance" where plan.overrideUninsured:
                if iv.value("age", row: p.row)?.number == 0 {
                    reason = "新生儿出生后尚未办理参保，已告知家长到乡镇卫生院办理"
                } else if let w = iv.value("work_status", row: p.row)?.number, [2, 3, 4].contains(w) {
                    reason = "在外务工期间未按时缴费，已动员参加2021年度城乡居民医保"
                } else {
                    reason = "本人未缴纳2020年度参保费用，已动员参加2021年度城乡居民医保"
                }
            default:
                reason = nil
            }
            if let reason { _ = try? iv.override(p.key, reason: reason) }
        }
    }

    private static func placeholder(_ q: Question) -> Value {
        switch q.type {
        case .text, .idNumber: return .text("无")
        case .integer, .decimal: return .number(0)
        case .code: return .code(q.codeList?.items.first?.code ?? 1)
        case .codes: return .codes([q.codeList?.items.first?.code ?? 1])
        case .yesno: return .bool(false)
        case .date: return .date(referenceDay)
        }
    }
}
