/// One problem in a questionnaire definition, at a place in a file: what is wrong, with the ids, keys
/// and values it is about, said in a language only where it is shown (`message(_:)`).
public struct DefinitionProblem: Error, Hashable, Sendable, CustomStringConvertible, PhraseValue {
    public var location: SourceLocation
    public var kind: Kind
    public init(_ location: SourceLocation, _ kind: Kind) { self.location = location; self.kind = kind }

    /// The problem in the given language, without its place.
    public func message(_ lang: Language) -> String { kind.message(lang) }
    /// `file:line:col: message` in the given language.
    public func text(_ lang: Language) -> String { "\(location): \(message(lang))" }
    public var description: String { text(.en) }

    /// What is wrong.
    public enum Kind: Hashable, Sendable {
        // Reading a file.
        case cannotRead
        case notUTF8
        case emptyFile
        /// libyaml's or Yams's own words (English only), and whether it is a list or mapping never closed.
        case malformedYAML(String, unclosed: Bool)
        case duplicateYAMLKeys([String])
        case yamlTooDeep(limit: Int)
        case aliasAsKey(anchor: String)
        case tooManyNodesExpanded(limit: Int)
        case tooManyNodes(limit: Int)
        // The shape of what is written.
        case notMapping(Part)
        case keyNotText
        case unknownKey(String, in: Part, allowed: [String])
        case keyTwice(String, in: Part)
        case missingKey(String, in: Part)
        case notList(Part)
        case notText(Part)
        case notWholeNumber(Part)
        case notNumber(Part)
        case notTrueOrFalse(Part)
        // Ids and what they name.
        case duplicateRosterID(String)
        case reservedRosterID(String, ReservedMeaning)
        case duplicateSectionID(String, first: SourceLocation)
        case unknownRoster(String)
        case duplicateQuestionID(String, first: SourceLocation)
        case questionIDNotSnakeCase(String)
        case reservedQuestionID(String, ReservedMeaning)
        case questionIDIsRoster(String)
        case unknownType(String, known: [String])
        case unknownCodeList(String)
        case codesNeeded(question: String, type: FieldType)
        case codesNotApplicable
        /// A key written on a question whose type does not take it (`min` on text, say).
        case keyNotForType(String, allowed: [FieldType], found: FieldType)
        case maxLengthOutOfRange(least: Int, most: Int, found: Int, idNumber: Bool)
        /// A `format:` that is not one of the known ones.
        case unknownTextFormat(String, known: [String])
        case defaultOnCalculated
        case skipNeedsDefault
        case blockInTwoSections(String, first: SourceLocation)
        case noSections
        case rowLabelNotInRoster(String, roster: String)
        case unknownSeverity(String)
        case unknownFieldInAt(String)
        case duplicateCheckID(String, first: SourceLocation)
        case dependencyCycle([String])
        /// An expression that does not compile: its text (cut when long) and why.
        case expression(String, ExpressionProblem)
        // Code lists.
        case codeListsShape
        case duplicateCode(Int, list: String)
        case emptyCodeList(String)
        // Roles.
        case roleNamesNoQuestion(role: String, name: String)
        case roleWrongType(role: String, needs: FieldType, question: String, found: FieldType)
        case headCodeNotInList(code: Int, list: String, question: String)
        case roleNeedsMemberQuestion(role: String, question: String)
        case roleNeedsHouseholdQuestion(role: String, question: String, roster: String)
        case roleInOtherRoster(role: String, headRoster: String, found: String)
        // Standards.
        case incomeLineNotPositive
        case labourAgeReversed(String, min: Int, max: Int)
        case guaranteeNeedsOneTest(String)
        case memberFailsNeedsMembers
        case unknownReasonField(String, guarantee: String)
        /// A monitoring category's `rule` that is not one of the rules the assessment knows.
        case unknownMonitoringRule(String)
        /// A figure that must be more than zero (a period, a share, a monitoring line): the key it is under.
        case notPositive(String)
        // migration.yaml
        case migrationFromThisVersion(String)
        case migrationUnknownQuestion(String)
        case migrationQuestionStillAsked(String)
        case migrationRenamedTwice(String)
        case migrationOneStep([String])
        case migrationCodeNotInList(Int, list: String)

        /// Whether the file could not be read as YAML at all (so nothing in it was checked).
        public var makesFileUnreadable: Bool {
            switch self {
            case .malformedYAML, .duplicateYAMLKeys, .notUTF8, .emptyFile: return true
            default: return false
            }
        }

        /// The problem in the given language.
        public func message(_ lang: Language) -> String {
            func names(_ items: [String]) -> String { items.joined(separator: Phrase.listSeparator.text(lang)) }
            switch self {
            case .cannotRead: return Phrase.defCannotRead.text(lang)
            case .notUTF8: return Phrase.defNotUTF8.text(lang)
            case .emptyFile: return Phrase.defEmptyFile.text(lang)
            case .malformedYAML(let what, let unclosed):
                return (unclosed ? Phrase.defMalformedUnclosed : Phrase.defMalformed).text(lang, what)
            case .duplicateYAMLKeys(let keys): return Phrase.defDuplicateYAMLKeys.text(lang, keys.joined(separator: Phrase.defKeySeparator.text(lang)))
            case .yamlTooDeep(let limit): return Phrase.defYAMLTooDeep.text(lang, limit)
            case .aliasAsKey(let anchor): return Phrase.defAliasAsKey.text(lang, anchor)
            case .tooManyNodesExpanded(let limit): return Phrase.defTooManyNodesExpanded.text(lang, limit)
            case .tooManyNodes(let limit): return Phrase.defTooManyNodes.text(lang, limit)
            case .notMapping(let part): return Phrase.defNotMapping.text(lang, part)
            case .keyNotText: return Phrase.defKeyNotText.text(lang)
            case .unknownKey(let key, let part, let allowed): return Phrase.defUnknownKey.text(lang, key, part, names(allowed))
            case .keyTwice(let key, let part): return Phrase.defKeyTwice.text(lang, key, part)
            case .missingKey(let key, let part): return Phrase.defMissingKey.text(lang, part, key)
            case .notList(let part): return Phrase.defNotList.text(lang, part)
            case .notText(let part): return Phrase.defNotText.text(lang, part)
            case .notWholeNumber(let part): return Phrase.defNotWholeNumber.text(lang, part)
            case .notNumber(let part): return Phrase.defNotNumber.text(lang, part)
            case .notTrueOrFalse(let part): return Phrase.defNotTrueOrFalse.text(lang, part)
            case .duplicateRosterID(let id): return Phrase.defDuplicateRosterID.text(lang, id)
            case .reservedRosterID(let id, let meaning): return Phrase.defReservedRosterID.text(lang, id, meaning)
            case .duplicateSectionID(let id, let first): return Phrase.defDuplicateSectionID.text(lang, id, first)
            case .unknownRoster(let name): return Phrase.defUnknownRoster.text(lang, name)
            case .duplicateQuestionID(let id, let first): return Phrase.defDuplicateQuestionID.text(lang, id, first)
            case .questionIDNotSnakeCase(let id): return Phrase.defQuestionIDNotSnakeCase.text(lang, id)
            case .reservedQuestionID(let id, let meaning): return Phrase.defReservedQuestionID.text(lang, id, meaning)
            case .questionIDIsRoster(let id): return Phrase.defQuestionIDIsRoster.text(lang, id)
            case .unknownType(let name, let known): return Phrase.defUnknownType.text(lang, name, names(known))
            case .unknownCodeList(let name): return Phrase.defUnknownCodeList.text(lang, name)
            case .codesNeeded(let question, let type): return Phrase.defCodesNeeded.text(lang, question, type.rawValue)
            case .codesNotApplicable: return Phrase.defCodesNotApplicable.text(lang)
            case .keyNotForType(let key, let allowed, let found):
                let types = allowed.map(\.rawValue).joined(separator: Phrase.defAnd.text(lang))
                return Phrase.defKeyNotForType.text(lang, key, types, found.rawValue)
            case .maxLengthOutOfRange(let least, let most, let found, let idNumber):
                return (idNumber ? Phrase.defIDMaxLengthOutOfRange : Phrase.defMaxLengthOutOfRange).text(lang, least, most, found)
            case .unknownTextFormat(let name, let known): return Phrase.defUnknownTextFormat.text(lang, name, names(known))
            case .defaultOnCalculated: return Phrase.defDefaultOnCalculated.text(lang, "default")
            case .skipNeedsDefault: return Phrase.defSkipNeedsDefault.text(lang, "skip_when_default", "default")
            case .blockInTwoSections(let name, let first): return Phrase.defBlockInTwoSections.text(lang, name, first)
            case .noSections: return Phrase.defNoSections.text(lang)
            case .rowLabelNotInRoster(let name, let roster): return Phrase.defRowLabelNotInRoster.text(lang, name, roster)
            case .unknownSeverity(let s): return Phrase.defUnknownSeverity.text(lang, s)
            case .unknownFieldInAt(let name): return Phrase.defUnknownFieldInAt.text(lang, name)
            case .duplicateCheckID(let id, let first): return Phrase.defDuplicateCheckID.text(lang, id, first)
            case .dependencyCycle(let ids): return Phrase.defDependencyCycle.text(lang, (ids + ids.prefix(1)).joined(separator: " → "))
            case .expression(let text, let problem): return Phrase.defExpression.text(lang, text, problem.message(lang))
            case .codeListsShape: return Phrase.defCodeListsShape.text(lang)
            case .duplicateCode(let code, let list): return Phrase.defDuplicateCode.text(lang, code, list)
            case .emptyCodeList(let id): return Phrase.defEmptyCodeList.text(lang, id)
            case .roleNamesNoQuestion(let role, let name): return Phrase.defRoleNamesNoQuestion.text(lang, role, name)
            case .roleWrongType(let role, let needs, let question, let found):
                return Phrase.defRoleWrongType.text(lang, role, needs.rawValue, question, found.rawValue)
            case .headCodeNotInList(let code, let list, let question): return Phrase.defHeadCodeNotInList.text(lang, code, list, question)
            case .roleNeedsMemberQuestion(let role, let question): return Phrase.defRoleNeedsMemberQuestion.text(lang, role, question)
            case .roleNeedsHouseholdQuestion(let role, let question, let roster):
                return Phrase.defRoleNeedsHouseholdQuestion.text(lang, role, question, roster)
            case .roleInOtherRoster(let role, let headRoster, let found): return Phrase.defRoleInOtherRoster.text(lang, role, headRoster, found)
            case .incomeLineNotPositive: return Phrase.defIncomeLineNotPositive.text(lang)
            case .labourAgeReversed(let key, let lo, let hi): return Phrase.defLabourAgeReversed.text(lang, key, lo, hi)
            case .guaranteeNeedsOneTest(let id): return Phrase.defGuaranteeNeedsOneTest.text(lang, id)
            case .memberFailsNeedsMembers: return Phrase.defMemberFailsNeedsMembers.text(lang)
            case .unknownReasonField(let name, let guarantee): return Phrase.defUnknownReasonField.text(lang, name, guarantee)
            case .unknownMonitoringRule(let rule): return Phrase.defUnknownMonitoringRule.text(lang, rule)
            case .notPositive(let key): return Phrase.defNotPositive.text(lang, key)
            case .migrationFromThisVersion(let v): return Phrase.defMigrationFromThisVersion.text(lang, v)
            case .migrationUnknownQuestion(let id): return Phrase.defMigrationUnknownQuestion.text(lang, id)
            case .migrationQuestionStillAsked(let id): return Phrase.defMigrationQuestionStillAsked.text(lang, id)
            case .migrationRenamedTwice(let id): return Phrase.defMigrationRenamedTwice.text(lang, id)
            case .migrationOneStep(let steps): return Phrase.defMigrationOneStep.text(lang, names(steps))
            case .migrationCodeNotInList(let code, let list): return Phrase.defMigrationCodeNotInList.text(lang, code, list)
            }
        }
    }

    /// What a shape problem is about: a key as written in the file, or a part of the definition named in words.
    public enum Part: Hashable, Sendable, PhraseValue {
        /// A key or key path as written (`id`, `labour_age.male`, `title.zh`), quoted as the language quotes.
        case key(String)
        case questionnaire, roster, section, question, check, constraint, codeLists, code, roles, headRole
        case standards, incomeLine, guarantee
        case rosterID, sectionFileName, sectionID, questionID, checkID, listID, expression, headCode
        case codesOf(list: String)
        case questionOfRole(String)

        public func text(_ lang: Language) -> String {
            switch self {
            case .key(let key): return Phrase.partKey.text(lang, key)
            case .questionnaire: return Phrase.partQuestionnaire.text(lang)
            case .roster: return Phrase.partRoster.text(lang)
            case .section: return Phrase.partSection.text(lang)
            case .question: return Phrase.partQuestion.text(lang)
            case .check: return Phrase.partCheck.text(lang)
            case .constraint: return Phrase.partConstraint.text(lang)
            case .codeLists: return Phrase.partCodeLists.text(lang)
            case .code: return Phrase.partCode.text(lang)
            case .roles: return Phrase.partRoles.text(lang)
            case .headRole: return Phrase.partHeadRole.text(lang)
            case .standards: return Phrase.partStandards.text(lang)
            case .incomeLine: return Phrase.partIncomeLine.text(lang)
            case .guarantee: return Phrase.partGuarantee.text(lang)
            case .rosterID: return Phrase.partRosterID.text(lang)
            case .sectionFileName: return Phrase.partSectionFileName.text(lang)
            case .sectionID: return Phrase.partSectionID.text(lang)
            case .questionID: return Phrase.partQuestionID.text(lang)
            case .checkID: return Phrase.partCheckID.text(lang)
            case .listID: return Phrase.partListID.text(lang)
            case .expression: return Phrase.partExpression.text(lang)
            case .headCode: return Phrase.partHeadCode.text(lang)
            case .codesOf(let list): return Phrase.partCodesOf.text(lang, list)
            case .questionOfRole(let role): return Phrase.partQuestionOfRole.text(lang, role)
            }
        }
    }
}

/// Every problem found while loading a definition folder; the app refuses to start on any of them.
public struct DefinitionErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [DefinitionProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
