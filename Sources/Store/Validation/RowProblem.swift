import Survey

/// What is wrong with one value of a row that was about to enter the store, in words for both
/// languages. The caller says where the row was (a JSON path, or a bundle's table and household).
public struct RowProblem: Error, Equatable, Sendable, Codable {
    /// The column (JSON field) holding the value.
    public var column: String
    public var kind: Kind

    public enum Kind: Equatable, Sendable, Codable {
        /// SQLite holds any value in any column: an integer where text belongs, say.
        case wrongStorage(expected: Storage)
        case missing
        case notUUID(String)
        case notRowID(String)
        case tooLong(limit: Int)
        case containsNUL
        case notTimestamp(String)
        case notDay(String)
        case notClock(String)
        case notInVocabulary(String, allowed: [String])
        case outOfRange(String, ClosedRange<Int64>)
        case notFinite
        case unknownQuestion(String)
        case calculatedQuestion(String)
        case rosterMismatch(question: String, needsRow: Bool)
        case unknownRoster(String)
        case unknownCheck(String)
        case typeMismatch(question: String, expected: String, got: String)
        /// Not the one way hufang writes a value of this type: `十二`, `0x10`, `+5`, `-0`, `1e3` for a number.
        case notAValue(type: String, value: String)
        case notAnInteger(String)
        case codeNotInList(code: Int, question: String)
        case notSupersedesList
        case signedByAnother(clock: String)
    }

    /// The kind of SQLite value a column holds.
    public enum Storage: String, Equatable, Sendable, Codable, PhraseValue {
        case text, integer, number, boolean

        public func text(_ lang: Language) -> String {
            switch self {
            case .text: return Phrase.storageText.text(lang)
            case .integer: return Phrase.storageInteger.text(lang)
            case .number: return Phrase.storageNumber.text(lang)
            case .boolean: return Phrase.storageBoolean.text(lang)
            }
        }
    }

    public init(_ column: String, _ kind: Kind) { self.column = column; self.kind = kind }

    /// The problem in the user's language (without the place).
    public func message(_ lang: Language) -> String {
        switch kind {
        case .wrongStorage(let s):
            return Phrase.expectedStorage.text(lang, s)
        case .missing: return Phrase.rowMissing.text(lang)
        case .notUUID(let v): return Phrase.notUUID.text(lang, Self.shown(v))
        case .notRowID(let v): return Phrase.notRowID.text(lang, Self.shown(v))
        case .tooLong(let n): return Phrase.tooLong.text(lang, n)
        case .containsNUL: return Phrase.containsNulCharacter.text(lang)
        case .notTimestamp(let v): return Phrase.notTimestamp.text(lang, Self.shown(v))
        case .notDay(let v): return Phrase.notDay.text(lang, Self.shown(v))
        case .notClock(let v): return Phrase.notLogicalClock.text(lang, Self.shown(v))
        case .notInVocabulary(let v, let allowed):
            return Phrase.notInVocabulary.text(lang, Self.shown(v), allowed.joined(separator: Phrase.listSeparator.text(lang)))
        case .outOfRange(let v, let r): return Phrase.outOfRange.text(lang, Self.shown(v), r.lowerBound, r.upperBound)
        case .notFinite: return Phrase.notFiniteNumber.text(lang)
        case .unknownQuestion(let q): return Phrase.unknownQuestion.text(lang, Self.shown(q))
        case .calculatedQuestion(let q): return Phrase.calculatedCannotBeWritten.text(lang, Self.shown(q))
        case .rosterMismatch(let q, let needsRow):
            return needsRow ? Phrase.questionNeedsRow.text(lang, Self.shown(q))
                            : Phrase.questionTakesNoRow.text(lang, Self.shown(q))
        case .unknownRoster(let r): return Phrase.unknownRoster.text(lang, Self.shown(r))
        case .unknownCheck(let c): return Phrase.unknownCheck.text(lang, Self.shown(c))
        case .typeMismatch(let q, let e, let g): return Phrase.questionTakesType.text(lang, Self.shown(q), e, Self.shown(g))
        case .notAValue(let t, let v): return Phrase.notAValue.text(lang, Self.shown(v), t)
        case .notAnInteger(let v): return Phrase.notWholeNumber.text(lang, Self.shown(v))
        case .codeNotInList(let c, let q): return Phrase.codeNotCodeList.text(lang, c, Self.shown(q))
        case .notSupersedesList: return Phrase.expectedListMostTwo.text(lang)
        case .signedByAnother(let c): return Phrase.clockBelongsAnotherDevice.text(lang, Self.shown(c))
        }
    }

    /// A value quoted in a message: cut short, and safe to print on a terminal.
    static func shown(_ value: String) -> String {
        let cut = value.count > 40 ? String(value.prefix(40)) + "…" : value
        return "“" + TerminalText.escaped(cut) + "”"
    }
}
