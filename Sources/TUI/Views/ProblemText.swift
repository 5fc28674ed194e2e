import Survey

/// A problem's message as the enumerator reads it, the same under the field and in F2: an ID number's
/// says exactly what is wrong with it (which check character is right), a check with `expected:` says
/// the value the answer should have (the age the ID number gives), an explained warning its reason.
enum ProblemText {
    static func of(_ p: Problem, in iv: Interview, lang: Language) -> String {
        let q = iv.questionnaire
        let check = q.checks[p.check]
        let place = ProblemPlace.of(p, in: iv)
        let question = q.questions[place.question]
        var text = check.message.text(lang)
        if question.type == .idNumber, check.id == question.id + ".id_number", case .text(let id)? = iv.value(of: place.question, row: place.row),
           let detail = ResidentID.check(id, on: iv.referenceDay) {
            // The detail says it all ("身份证号校验位错误：最后一位应为3…"); the general "身份证号无效" would repeat it.
            text = detail.message(lang)
        }
        if let expected = check.expected,
           let value = iv.evaluate(expected, row: place.row, roster: check.roster.map { q.rosters[$0].id }) {
            text += Phrase.expectedValue.text(lang, FieldInput.display(value, question, lang))
        }
        if let reason = p.overrideReason { text += Phrase.formExplained.text(lang, reason) }
        return text
    }
}
