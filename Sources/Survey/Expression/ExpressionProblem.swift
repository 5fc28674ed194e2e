/// What is wrong with an expression's text, with the names, types and limits it is about; said in a
/// language only at the edge, by `message(_:)`.
public enum ExpressionProblem: Hashable, Sendable {
    // Lexer.
    case unterminatedText(quote: Character)
    case singleEquals
    case unexpectedCharacter(Character)
    // Parser.
    case tooLong(limit: Int)
    case tooManyTerms(limit: Int)
    case tooDeep(limit: Int)
    case empty
    case expectedOperatorOrEnd(found: Found)
    case comparisonsDoNotChain
    case keywordAsValue(String)
    case expectedValue(found: Found)
    /// A closing bracket (or a comma) was due: the symbols that would do, and what came instead.
    case expectedSymbol([String], found: Found)
    // Compiler.
    case resultType(expected: ValueType, found: ValueType)
    case nestedList
    case listMixes(ValueType, ValueType)
    case currentOutsideQuestion
    case rosterAsValue(String)
    case unknownField(String)
    case rowFieldOutsideRoster(String)
    case needs(Operand, expected: ValueType, found: ValueType)
    case cannotCompare(ValueType, ValueType)
    case orderingNeedsNumbersOrDates(op: String, ValueType, ValueType)
    case inListMismatch(ValueType, element: ValueType)
    case inCodesNeedsCode(found: ValueType)
    case inNeedsList(found: ValueType)
    case arithmeticNeedsNumbers(op: String, found: ValueType)
    case unknownFunction(String, known: [String])
    case aggregateNeedsRoster(function: String)
    case aggregateArity(function: String, found: Int)
    case aggregateNeedsNumbers(function: String, found: ValueType)
    case arity(function: String, takes: Int, found: Int)
    case branchesMix(function: String, ValueType, ValueType)
    case codeNotInList(Double, list: String)
    case visitOnlyInDefault(function: String)

    /// What the parser found where it gave up.
    public enum Found: Hashable, Sendable, PhraseValue {
        case number(Double), text(String), symbol(String), end

        public func text(_ lang: Language) -> String {
            switch self {
            case .number(let n): return Phrase.exprFoundNumber.text(lang, Value.format(n))
            case .text(let s): return Phrase.exprFoundText.text(lang, s)
            case .symbol(let s): return Phrase.exprSymbol.text(lang, s)
            case .end: return Phrase.exprFoundEnd.text(lang)
            }
        }
    }

    /// What needs a value of some type: an operator, a function's arguments, a filter.
    public enum Operand: Hashable, Sendable, PhraseValue {
        case `operator`(String), function(String), countFilter, filter

        public func text(_ lang: Language) -> String {
            switch self {
            case .operator(let s): return Phrase.exprSymbol.text(lang, s)
            case .function(let name): return name + "()"
            case .countFilter: return Phrase.exprCountFilter.text(lang)
            case .filter: return Phrase.exprFilter.text(lang)
            }
        }
    }

    /// The problem in the given language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .unterminatedText(let quote): return Phrase.exprUnterminatedText.text(lang, quote)
        case .singleEquals: return Phrase.exprSingleEquals.text(lang)
        case .unexpectedCharacter(let c): return Phrase.exprUnexpectedCharacter.text(lang, c)
        case .tooLong(let limit): return Phrase.exprTooLong.text(lang, limit)
        case .tooManyTerms(let limit): return Phrase.exprTooManyTerms.text(lang, limit)
        case .tooDeep(let limit): return Phrase.exprTooDeep.text(lang, limit)
        case .empty: return Phrase.exprEmpty.text(lang)
        case .expectedOperatorOrEnd(let found): return Phrase.exprExpectedOperatorOrEnd.text(lang, found)
        case .comparisonsDoNotChain: return Phrase.exprComparisonsDoNotChain.text(lang)
        case .keywordAsValue(let word): return Phrase.exprKeywordAsValue.text(lang, word)
        case .expectedValue(let found): return Phrase.exprExpectedValue.text(lang, found)
        case .expectedSymbol(let symbols, let found):
            let either = symbols.map { Phrase.exprSymbol.text(lang, $0) }.joined(separator: Phrase.exprOr.text(lang))
            return Phrase.exprExpectedSymbol.text(lang, either, found)
        case .resultType(let expected, let found): return Phrase.exprResultType.text(lang, expected, found)
        case .nestedList: return Phrase.exprNestedList.text(lang)
        case .listMixes(let a, let b): return Phrase.exprListMixes.text(lang, a, b)
        case .currentOutsideQuestion: return Phrase.exprCurrentOutsideQuestion.text(lang)
        case .rosterAsValue(let name): return Phrase.exprRosterAsValue.text(lang, name)
        case .unknownField(let name): return Phrase.exprUnknownField.text(lang, name)
        case .rowFieldOutsideRoster(let name): return Phrase.exprRowFieldOutsideRoster.text(lang, name)
        case .needs(let what, let expected, let found): return Phrase.exprNeeds.text(lang, what, expected, found)
        case .cannotCompare(let a, let b): return Phrase.exprCannotCompare.text(lang, a, b)
        case .orderingNeedsNumbersOrDates(let op, let a, let b): return Phrase.exprOrdering.text(lang, op, a, b)
        case .inListMismatch(let t, let element): return Phrase.exprInListMismatch.text(lang, t, element)
        case .inCodesNeedsCode(let found): return Phrase.exprInCodesNeedsCode.text(lang, found)
        case .inNeedsList(let found): return Phrase.exprInNeedsList.text(lang, found)
        case .arithmeticNeedsNumbers(let op, let found): return Phrase.exprArithmeticNeedsNumbers.text(lang, op, found)
        case .unknownFunction(let name, let known):
            return Phrase.exprUnknownFunction.text(lang, name, known.joined(separator: Phrase.listSeparator.text(lang)))
        case .aggregateNeedsRoster(let fn):
            return Phrase.exprAggregateNeedsRoster.text(lang, fn, fn == "count" ? "count(members)" : "\(fn)(members, age)")
        case .aggregateArity(let fn, let found):
            return fn == "count" ? Phrase.exprCountArity.text(lang, found) : Phrase.exprAggregateArity.text(lang, fn, found)
        case .aggregateNeedsNumbers(let fn, let found): return Phrase.exprAggregateNeedsNumbers.text(lang, fn, found)
        case .arity(let fn, let takes, let found): return Phrase.exprArity.text(lang, fn, takes, found)
        case .branchesMix(let fn, let a, let b): return Phrase.exprBranchesMix.text(lang, fn, a, b)
        case .codeNotInList(let code, let list): return Phrase.exprCodeNotInList.text(lang, Value.format(code), list)
        case .visitOnlyInDefault(let function): return Phrase.exprVisitOnlyInDefault.text(lang, function, "default")
        }
    }
}
