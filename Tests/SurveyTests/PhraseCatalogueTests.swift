import Testing
@testable import Survey

/// Whether a text holds Chinese characters or full-width punctuation.
func holdsCJK(_ s: String) -> Bool {
    s.unicodeScalars.contains { (0x3000...0x303F).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
}

@Suite struct PhraseCatalogueTests {
    let q = Shipped.questionnaire

    func refusal(_ id: String, _ value: Value) -> InterviewError? {
        var iv = Interview(questionnaire: q, today: surveyDay)
        do { try iv.answer(id, value); return nil } catch { return error }
    }

    @Test func aCodeNotInTheListIsNamedWithTheLabelOfTheUsersLanguage() throws {
        let error = try #require(refusal("household_type", .code(9)))
        #expect(error == .notInCodeList(Labelled(q.question("household_type")!), 9))
        #expect(error.message(.en) == "Household type has no code 9")
        #expect(error.message(.zh) == "户类型没有代码9")
    }

    @Test func theTypeAnAnswerNeedsIsNamedInTheUsersLanguage() throws {
        let error = try #require(refusal("interview_date", .text("昨天")))
        #expect(error == .wrongType(Labelled(q.question("interview_date")!), expected: .date))
        #expect(error.message(.en) == "Date of the home visit needs a date")
        #expect(error.message(.zh) == "入户调查日期需要日期")
    }

    @Test func everyKindOfAnswerHasANameInBothLanguages() {
        for t in FieldType.allCases {
            #expect(!t.text(.zh).isEmpty && holdsCJK(t.text(.zh)), "\(t)")
            #expect(!t.text(.en).isEmpty && !holdsCJK(t.text(.en)), "\(t)")
        }
    }

    @Test func everyInterviewRefusalReadsInOneLanguageOnly() {
        let head = Labelled(q.question("household_type")!)
        let members = Labelled(q.roster("members")!)
        let all: [InterviewError] = [.unknownQuestion("x"), .calculated(head), .notRelevant(head), .wrongType(head, expected: .decimal),
                                     .notInCodeList(head, 3), .noSuchRow, .rosterFull(members, 30), .reasonRequired,
                                     .hardCheckCannotBeOverridden, .notFailing, .hardErrorsRemain(2)]
        for e in all {
            #expect(!holdsCJK(e.message(.en)), "\(e.message(.en))")
            #expect(holdsCJK(e.message(.zh)), "\(e.message(.zh))")
        }
    }

    @Test func everyEntryIsSaidInBothLanguagesAndTheEnglishHoldsNoChinese() {
        #expect(Phrase.allCases.count > 100)
        for p in Phrase.allCases {
            let zh = p.template.zh, en = p.template.en
            #expect(!zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(p) is empty in Chinese")
            #expect(!en.trimmingCharacters(in: .whitespaces).isEmpty, "\(p) is empty in English")
            // Quoted data go in at the {n} places, so the English text itself holds no Chinese at all.
            #expect(!holdsCJK(en), "\(p) holds Chinese in English: \(en)")
        }
    }

    @Test func everyEntryTakesItsValuesAtPlacesNumberedFromZero() {
        for p in Phrase.allCases {
            let places = p.places(.zh).union(p.places(.en))
            #expect(places == Set(0..<places.count), "\(p) skips a place: \(places.sorted())")
        }
    }

    /// The entries that say a questionnaire-definition or expression problem (and the types and parts it names).
    static let problemEntries = Phrase.allCases.filter { ["def", "expr", "part", "value", "reserved"].contains(where: $0.rawValue.hasPrefix) }

    @Test func everyDefinitionAndExpressionProblemTakesTheSameValuesInBothLanguages() {
        #expect(Self.problemEntries.count > 100)
        for p in Self.problemEntries {
            #expect(p.places(.zh) == p.places(.en), "\(p): Chinese takes \(p.places(.zh).sorted()), English \(p.places(.en).sorted())")
        }
    }

    @Test func everyDefinitionAndExpressionProblemIsSaidInChinese() {
        for p in Self.problemEntries {
            // An entry that only quotes its value (“{0}”) has no words to say.
            let words = p.template.zh.replacingOccurrences(of: #"\{\d+\}"#, with: "", options: .regularExpression)
            guard words.contains(where: \.isLetter) else { continue }
            #expect(holdsCJK(words), "\(p) is not Chinese: \(p.template.zh)")
        }
    }

    @Test func aValueIsPutInOnceAndNotReadAsAPlace() {
        #expect(Phrase.hasNoCode.text(.en, "{1}", 9) == "{1} has no code 9")
        #expect(Phrase.hasNoCode.text(.zh, Localized(zh: "户类型", en: "Household type"), 9) == "户类型没有代码9")
        #expect(Phrase.incomeBelowLine.localized("1,200", "3,747") ==
                Localized(zh: "人均纯收入1,200元，低于标准3,747元", en: "per-capita net income 1,200 yuan is below the line of 3,747 yuan"))
    }
}
