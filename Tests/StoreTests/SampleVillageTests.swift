import Foundation
import ProjectFolders
import Testing
@testable import SampleData
@testable import Store
import Survey

/// The shipped questionnaire and the default sample village, made once for all tests here.
enum SampleVillageFixture {
    static let questionnaire = Project.questionnaire
    /// Shared by the tests, which only read it (no answer, move or override after generation).
    static let village = SampleVillage.generateWithNotes(questionnaire: questionnaire, seed: 2020, households: 128)

    /// The seed documents (real places, officials and households); absent outside the project's workplace.
    static let seedsDirectory = Project.root.appendingPathComponent("../shared/reference/seeds").standardizedFileURL
    static let seedsText: String? = {
        guard let files = try? FileManager.default.contentsOfDirectory(at: seedsDirectory, includingPropertiesForKeys: nil),
              !files.isEmpty else { return nil }
        return files.sorted { $0.path < $1.path }.compactMap { try? String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
    }()
    /// Every run of 2 to 4 characters in the seeds (names are 2 to 4 characters long), for quick look-up.
    static let seedsRuns: Set<String> = {
        guard let text = seedsText else { return [] }
        let chars = Array(text)
        var runs: Set<String> = []
        for n in 2...4 where chars.count >= n {
            for i in 0...(chars.count - n) { runs.insert(String(chars[i..<(i + n)])) }
        }
        return runs
    }()

    /// Everything a household holds, as text in a fixed order: equal text = identical households.
    static func dump(_ iv: Interview) -> String {
        let q = iv.questionnaire
        var lines = ["household \(iv.householdID.uuidString) day \(iv.referenceDay)"]
        for r in q.rosters { lines.append("\(r.id): " + iv.rowIDs(of: r.index).map(\.uuidString).joined(separator: " ")) }
        let answers = iv.answers.map { (k, v) in "\(q.questions[k.question].id)@\(k.row?.uuidString ?? "-")=\(v)" }.sorted()
        lines += answers
        lines += iv.overrides.map { (k, v) in "override \(q.checks[k.check].id)@\(k.row?.uuidString ?? "-"): \(v)" }.sorted()
        lines.append("position \(String(describing: iv.position))")
        return lines.joined(separator: "\n")
    }

    static func memberRows(_ iv: Interview) -> [RowID] { iv.rows("members") }
}

@Suite("Sample village")
struct SampleVillageTests {
    let village = SampleVillageFixture.village
    let q = SampleVillageFixture.questionnaire

    @Test func oneVillageOfAtLeast120Households() {
        #expect(village.count >= 120)
        #expect(SampleVillage.generate(questionnaire: q).count == 128)
        for (i, h) in village.enumerated() {
            let iv = h.interview
            #expect(iv.referenceDay == Day(year: 2020, month: 12, day: 31)!)
            guard h.plan.stop.map({ $0.section > 0 }) ?? true else { continue }
            #expect(iv.value("village_code") == .text("622922100201"))
            #expect(iv.value("household_no") == .text(String(format: "%04d", i + 1)))
            if let group = iv.value("group_name")?.text { #expect(SampleVillage.groupNames.contains(group)) }
            if let day = iv.value("interview_date")?.day {
                #expect(day.year == 2020 && day.month >= 10, "interview in late 2020, not \(day)")
            }
        }
        let complete = village.filter(\.isComplete)
        #expect(Set(complete.compactMap { $0.interview.value("group_name")?.text }) == Set(SampleVillage.groupNames))
        #expect(complete.allSatisfy { $0.interview.value("income_line_value") == .number(4000) })
        #expect(Set(village.map(\.interview.householdID)).count == village.count)
    }

    @Test func sameSeedSameVillageOtherSeedAnother() {
        let again = SampleVillage.generate(questionnaire: q, seed: 2020, households: 128)
        #expect(again.count == village.count)
        for (a, b) in zip(village.map(\.interview), again) {
            #expect(a.householdID == b.householdID)
            #expect(a.rows("members") == b.rows("members"))
            #expect(a.rows("crops") == b.rows("crops"))
            #expect(a.answers == b.answers)
            #expect(a.overrides == b.overrides)
            #expect(a.position == b.position)
        }
        let text = village.map { SampleVillageFixture.dump($0.interview) }.joined(separator: "\n\n")
        let textAgain = again.map(SampleVillageFixture.dump).joined(separator: "\n\n")
        #expect(Data(text.utf8) == Data(textAgain.utf8))

        let other = SampleVillage.generate(questionnaire: q, seed: 7, households: 128)
        #expect(other.map(SampleVillageFixture.dump).joined(separator: "\n\n") != text)
        #expect(Set(other.map(\.householdID)).isDisjoint(with: village.map(\.interview.householdID)))
        let names = { (ivs: [Interview]) in ivs.flatMap { iv in iv.rows("members").compactMap { iv.value("name", row: $0)?.text } } }
        #expect(names(other) != names(village.map(\.interview)))
    }

    @Test(arguments: [0, 1, 7, 31, 64])
    func smallerVillages(households n: Int) {
        let v = SampleVillage.generateWithNotes(questionnaire: q, seed: 3, households: n)
        #expect(v.count == n)
        for h in v {
            #expect(h.unplanned.isEmpty && h.refused.isEmpty)
            if h.isComplete && h.plan.plants.isEmpty && !h.plan.shortfalls.contains(.uninsured) {
                #expect(h.interview.problems.isEmpty, "household \(h.plan.householdNo)")
            }
        }
    }

    @Test func uuidsAreVersion4() {
        for h in village.prefix(10) {
            let ids = [h.interview.householdID] + h.interview.rows("members") + h.interview.rows("crops")
            for id in ids {
                let u = id.uuid
                #expect(u.6 >> 4 == 4 && u.8 >> 6 == 0b10, "\(id)")
            }
        }
    }

    @Test func everythingDrawnIsAnsweredAndAccepted() {
        for h in village {
            #expect(h.unplanned.isEmpty, "household \(h.plan.householdNo): no answer drawn for \(h.unplanned)")
            #expect(h.refused.isEmpty, "household \(h.plan.householdNo): refused \(h.refused)")
        }
    }

    @Test func idNumbersValidExceptTheDeliberateOnes() {
        var invalid: Set<RowID> = [], planted: Set<RowID> = [], all: Set<String> = []
        var members = 0
        for h in village {
            let iv = h.interview
            planted.formUnion(h.badIDRows)
            for row in iv.rows("members") {
                guard let id = iv.value("id_number", row: row)?.text else { continue }
                members += 1
                all.insert(id)
                #expect(id.count == 18 && id.hasPrefix("622922"))
                if ResidentID.check(id, on: SampleVillage.referenceDay) != nil {
                    invalid.insert(row)
                } else if let sex = iv.value("sex", row: row)?.number {
                    #expect((try? ResidentID(id, on: SampleVillage.referenceDay))?.sex == Int(sex))
                }
            }
        }
        #expect(invalid == planted)
        #expect(planted.count == 3)
        #expect(all.count == members, "ID numbers are unique in the village")
    }

    @Test func agesMatchIDsExceptTheDeliberateOnes() {
        var mismatched: Set<RowID> = [], planted: Set<RowID> = []
        for h in village {
            let iv = h.interview
            planted.formUnion(h.ageMismatchRows)
            guard let day = iv.value("interview_date")?.day else { continue }
            for row in iv.rows("members") {
                guard let id = iv.value("id_number", row: row)?.text, let age = iv.value("age", row: row)?.number,
                      let parsed = try? ResidentID(id, on: SampleVillage.referenceDay) else { continue }
                if parsed.birthDate.age(on: day) != Int(age) { mismatched.insert(row) }
            }
        }
        #expect(mismatched == planted)
        #expect(planted.count == 2)
    }

    @Test func householdsAreRealistic() {
        var sizes: [Int] = []
        for h in village where h.isComplete {
            let iv = h.interview
            let rows = iv.rows("members")
            sizes.append(rows.count)
            #expect((1...10).contains(rows.count))
            let rel = rows.map { iv.value("relation", row: $0)?.number ?? 0 }
            #expect(rel.filter { $0 == 1 }.count == 1)
            #expect(rel.first == 1, "the head is listed first")
            let head = rows[0]
            let headAge = iv.value("age", row: head)!.number!
            #expect((25...80).contains(headAge), "head aged \(headAge)")
            let headSex = iv.value("sex", row: head)?.number
            for r in rows where iv.value("relation", row: r) == .code(2) {
                #expect(iv.value("sex", row: r)?.number != headSex)
            }
            for r in rows where [3, 4, 7].contains(iv.value("relation", row: r)?.number ?? 0) {
                #expect(iv.value("age", row: r)!.number! < headAge)
            }
            // Schooling is asked of everyone aged 3 to 25.
            for r in rows {
                let age = iv.value("age", row: r)!.number!
                if (3...25).contains(age) { #expect(iv.value("school_stage", row: r) != nil) }
            }
            #expect(iv.rows("crops").count <= 3)
        }
        #expect(sizes.contains(1) && sizes.contains { $0 >= 6 } && sizes.max()! <= 10)
        let types = Set(village.compactMap { $0.interview.value("household_type")?.number })
        #expect(types.isSuperset(of: [1, 2, 3, 6]))
        let statuses = Set(village.compactMap { $0.interview.value("poverty_status")?.number })
        #expect(statuses.isSuperset(of: [1, 2, 3, 4, 5]))
        for h in village where h.interview.value("poverty_status") == .code(2) && h.isComplete {
            #expect(h.interview.value("exit_year") != nil)
        }
    }

    @Test func outcomesAreMixed() {
        var counts: [String: Int] = [:]
        for h in village {
            let key: String
            switch Assessment(h.interview).status {
            case .meetsExitStandard: key = "meets"
            case .doesNotMeet: key = "doesNotMeet"
            case .returnedToPoverty: key = "returned"
            case .incomplete: key = "incomplete"
            }
            counts[key, default: 0] += 1
        }
        #expect(counts["meets", default: 0] >= village.count / 4 && counts["meets", default: 0] <= village.count * 45 / 100,
                "about a third meet the standard: \(counts)")
        #expect(counts["doesNotMeet", default: 0] >= 20)
        #expect(counts["returned", default: 0] >= 3)
        #expect(counts["incomplete", default: 0] >= 3)
        // Those that fall short do so for different reasons.
        let reasons = Set(village.flatMap { Assessment($0.interview).guarantees.filter { $0.met == false }.map(\.id) })
        #expect(reasons.isSuperset(of: ["education", "medical", "housing", "water"]))
        let belowLine = village.filter { h in
            let a = Assessment(h.interview)
            return a.perCapitaNetIncome.map { $0 < 4000 } ?? false
        }
        #expect(belowLine.count >= 20)
    }

    @Test func someInterviewsStopPartWay() {
        let partial = village.filter { !$0.isComplete }
        #expect(partial.count >= 3)
        for h in partial {
            let iv = h.interview
            let c = iv.completeness
            #expect(c.answered < c.required)
            let p = try! #require(iv.position)
            #expect(iv.answers[FieldKey(p.question, p.row)] == nil, "the cursor is at the first question not answered")
            #expect(iv.questionnaire.questions[p.question].required)
        }
        for h in village where h.isComplete {
            let c = h.interview.completeness
            #expect(c.answered == c.required, "household \(h.plan.householdNo) is complete")
            #expect(h.interview.position != nil)
        }
    }

    @Test func problemsArePlantedNotAccidental() {
        var hard = 0, soft = 0, accepted = 0, open = 0
        for h in village where h.isComplete {
            let iv = h.interview
            let problems = iv.problems
            if iv.hardErrorCount > 0 { hard += 1 }
            if problems.contains(where: { $0.severity == .warning }) { soft += 1 }
            accepted += problems.filter { $0.overrideReason != nil }.count
            if iv.unexplainedWarningCount > 0 { open += 1 }
            let expectsHard = h.plan.plants.contains { $0.isHard }
            #expect((iv.hardErrorCount > 0) == expectsHard, "household \(h.plan.householdNo): \(describe(iv))")
            let expectsSoft = h.plan.plants.contains { !$0.isHard } || h.plan.shortfalls.contains(.uninsured)
                || h.plan.shortfalls.contains(.school)
            #expect(problems.contains { $0.severity == .warning } == expectsSoft, "household \(h.plan.householdNo): \(describe(iv))")
            if !expectsHard && !expectsSoft {
                #expect(problems.isEmpty)
                #expect(throws: Never.self) { try iv.checkCompletable() }
            }
        }
        #expect(hard >= 5)
        #expect(soft >= 5)
        #expect(accepted >= 3, "some soft problems carry a reason")
        #expect(open >= 3, "some soft problems still wait for one")
        let planted = village.filter { !$0.plan.plants.isEmpty }.count
        #expect(planted >= village.count / 12 && planted <= village.count / 7, "about 10% have deliberate problems: \(planted)")
    }

    @Test func reloadingGivesTheSameChecksAndAssessment() {
        for h in village {
            let iv = h.interview
            let answers = iv.answers.map { (question: q.questions[$0.key.question].id, row: $0.key.row, value: $0.value) }
            let overrides = iv.overrides.map { (check: q.checks[$0.key.check].id, row: $0.key.row, reason: $0.value) }
            let rows = Dictionary(uniqueKeysWithValues: q.rosters.map { ($0.id, iv.rowIDs(of: $0.index)) })
            let back = Interview(questionnaire: q, householdID: iv.householdID, today: iv.referenceDay, rows: rows,
                                 answers: answers, overrides: overrides, position: iv.position)
            #expect(back.problems == iv.problems, "household \(h.plan.householdNo)")
            #expect(Assessment(back) == Assessment(iv))
        }
    }

    @Test func incomeIsConsistentWithTheMembers() {
        for h in village where h.isComplete {
            let iv = h.interview
            let a = Assessment(iv)
            #expect(a.perCapitaNetIncome != nil, "household \(h.plan.householdNo)")
            let rows = iv.rows("members")
            let dibao = rows.filter { iv.value("assistance_status", row: $0) == .code(2) }.count
            let wubao = rows.filter { iv.value("assistance_status", row: $0) == .code(3) }.count
            // Asked only with a member receiving it (otherwise not asked, so unanswered).
            #expect(((iv.value("dibao_income")?.number ?? 0) > 0) == (dibao > 0))
            #expect(((iv.value("wubao_income")?.number ?? 0) > 0) == (wubao > 0))
            let estimate = iv.value("wage_estimate")!.number!
            let wages = iv.value("wage_income")!.number!
            if estimate > 0 { #expect(abs(wages - estimate) <= estimate * 0.1 + 10) } else { #expect(wages == 0) }
        }
    }

    @Test  // ../shared/ stands beside every checkout, CI included: a missing folder fails, it is not skipped
    func noNameComesFromTheSeeds() throws {
        let seeds = try #require(SampleVillageFixture.seedsText)
        let runs = SampleVillageFixture.seedsRuns
        var names: Set<String> = []
        for seed: UInt64 in [2020, 1, 99] {
            let ivs = seed == 2020 ? village.map(\.interview) : SampleVillage.generate(questionnaire: q, seed: seed)
            for iv in ivs {
                for row in iv.rows("members") { if let n = iv.value("name", row: row)?.text { names.insert(n) } }
                for id in ["collector_1", "collector_2", "collector_3", "helper_name", "proxy_signer_name"] {
                    if let n = iv.value(id)?.text { names.insert(n) }
                }
            }
        }
        #expect(names.count > 500)
        #expect(names.allSatisfy { (2...4).contains($0.count) })
        let found = names.filter { runs.contains($0) }.sorted()
        #expect(found.isEmpty, "names found in the seeds: \(found)")
        // The look-up set agrees with a plain search.
        for n in names.sorted().prefix(20) { #expect(seeds.contains(n) == runs.contains(n)) }
        #expect(runs.contains(String(seeds.prefix(3))))
    }

    private func describe(_ iv: Interview) -> String {
        iv.problems.map { p in
            let c = iv.questionnaire.checks[p.check]
            return "\(c.severity.rawValue) \(c.id): \(c.message.en)" + (p.overrideReason.map { " [accepted: \($0)]" } ?? "")
        }.joined(separator: "; ")
    }
}
