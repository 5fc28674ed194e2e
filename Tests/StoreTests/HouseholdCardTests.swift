import Foundation
import Survey
import Testing
@testable import Store

/// The record card as printed: what a section does not ask of a member leaves no heading, nothing is
/// said twice, and the reasons (a warning's, the assessment's) and the lines to sign are all on it.
@Suite struct HouseholdCardTests {
    static let sample = try! SectionCSVTests.sampleStore()

    /// The sample household whose assessment gives the most reasons, among those with an explained warning.
    static var household: Interview {
        sample.1.filter { iv in iv.problems.contains { $0.overrideReason != nil } }
            .max { reasons($0) < reasons($1) }!
    }

    static func reasons(_ iv: Interview) -> Int {
        let a = Assessment(iv)
        return a.guarantees.reduce(0) { $0 + ($1.met == false ? $1.reasons.count : 0) } + a.householdReasons.count
    }

    static func card(_ iv: Interview, _ lang: Language) throws -> [String] {
        try HouseholdCard.text(sample.0, household: iv.householdID, questionnaire: Fixture.questionnaire, lang: lang)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(arguments: Language.allCases) func aMemberTheSectionDoesNotApplyToHasNoHeading(_ lang: Language) throws {
        let iv = Self.household
        let lines = try Self.card(iv, lang)
        // A member's heading ("  2. 马文明") is always followed by one of its answers, indented under it.
        let heading = try Regex(#"^  \d+\. "#)
        let headings = lines.indices.filter { lines[$0].contains(heading) }
        #expect(!headings.isEmpty)
        for i in headings { #expect(lines[i + 1].hasPrefix("     "), "\(lines[i]) is followed by \(lines[i + 1])") }
        // The labour section is asked only of members of working age: the card lists exactly those.
        let q = Fixture.questionnaire
        let labour = try #require(q.sections.first { $0.id == "C" })
        let members = try #require(q.roster("members"))
        let asked = iv.rowIDs(of: members.index).filter { row in labour.questions.contains { iv.isRelevant($0, row: row) } }
        #expect(asked.count < iv.rowIDs(of: members.index).count, "the household has a member the labour section does not ask")
        let start = try #require(lines.firstIndex(of: labour.title.text(lang)))
        let end = lines[(start + 1)...].firstIndex { $0.isEmpty } ?? lines.count
        #expect(lines[start..<end].filter { $0.contains(heading) }.count == asked.count)
    }

    @Test(arguments: Language.allCases) func aRowsNameIsItsHeadingAndNotALineUnderIt(_ lang: Language) throws {
        let iv = try #require(Self.sample.1.first { !$0.rows("crops").isEmpty })
        let lines = try Self.card(iv, lang)
        let q = Fixture.questionnaire
        for id in ["crops", "members"] {
            let roster = try #require(q.roster(id)), field = try #require(roster.rowLabelField)
            let label = q.questions[field].label.text(lang) + Phrase.colon.text(lang)
            for (n, row) in iv.rowIDs(of: roster.index).enumerated() {
                let name = iv.display(q.questions[field].id, row: row, lang)
                #expect(lines.contains("  \(n + 1). \(name)"))
                #expect(!lines.contains("     " + label + name), "\(name) said twice")
            }
        }
    }

    @Test(arguments: Language.allCases) func everyReasonAndTheLinesToSignArePrinted(_ lang: Language) throws {
        let iv = Self.household
        let card = try Self.card(iv, lang).joined(separator: "\n")
        // The reason each warning was accepted for, under its field.
        let explained = iv.problems.compactMap(\.overrideReason)
        #expect(!explained.isEmpty)
        for reason in explained { #expect(card.contains(reason), "\(reason)") }
        // Every reason of the assessment: each failed guarantee's, and the household's own.
        let a = Assessment(iv)
        #expect(Self.reasons(iv) >= 2)
        for g in a.guarantees where g.met == false { for r in g.reasons { #expect(card.contains(r.text(lang)), "\(r.text(lang))") } }
        for r in a.householdReasons { #expect(card.contains(r.text(lang)), "\(r.text(lang))") }
        // Lines to sign, each with its date.
        for who in [Phrase.cardSignHead, .cardSignCollectors, .cardSignHelper, .cardSignVillage] {
            #expect(card.contains(who.text(lang) + Phrase.colon.text(lang) + "________________    " + Phrase.cardDate.text(lang)), "\(who)")
        }
    }

    @Test func theConsentAnExitNeedsIsAReasonOnTheCard() throws {
        // A household that meets the standard but has not agreed: the card says why it cannot exit yet.
        let store = try HouseholdStore(path: Fixture.tempPath(), create: true)
        var iv = try #require(Self.sample.1.first { Assessment($0).status == .meetsExitStandard })
        _ = try iv.answer("household_consent", .bool(false))
        try store.insertWhole(iv, enumerator: "示例调查员", who: "sample")
        let card = try HouseholdCard.text(store, household: iv.householdID, questionnaire: Fixture.questionnaire, lang: .en)
        #expect(card.contains("exit requires the household's consent and signature"), "\(card)")
    }
}
