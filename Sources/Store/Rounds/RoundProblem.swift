import Survey

/// Why a round of the yearly re-survey cannot be started or written.
public enum RoundProblem: Error, Equatable, Sendable {
    /// The household has a newer round: this one is kept as it was, read-only.
    case earlierRound(householdNo: String, year: Int, newerYear: Int)
    /// The household already has a round of this year.
    case alreadyStarted(householdNo: String, year: Int)
    /// The year is not after the household's newest round.
    case notAfter(householdNo: String, year: Int, newest: Int)

    /// The message in the user's language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .earlierRound(let no, let year, let newer): return Phrase.roundEarlier.text(lang, no, year, newer)
        case .alreadyStarted(let no, let year): return Phrase.roundAlreadyStarted.text(lang, no, year)
        case .notAfter(let no, let year, let newest): return Phrase.roundNotAfter.text(lang, no, year, newest)
        }
    }
}
