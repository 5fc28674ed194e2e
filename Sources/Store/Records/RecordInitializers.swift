import Survey

// Records made outside the store: the county hub reads the same rows from its PostgreSQL tables. (The
// memberwise initialisers are internal; these say every field by name in the same order.)

extension HouseholdRecord {
    /// A listing record with every field given.
    public static func make(id: String, villageCode: String, groupName: String, householdNo: String, headName: String, headIDNumber: String,
                            questionnaireID: String, questionnaireVersion: String, referenceDay: String, status: HouseholdStatus, enumerator: String,
                            answered: Int, required: Int, hardErrors: Int, softOpen: Int, position: String?, createdAt: String, updatedAt: String,
                            householdType: Int?, mainCause: Int?, interviewDate: String?, perCapitaIncome: Double?, incomeLine: Double?,
                            unmetGuarantees: String?) -> HouseholdRecord {
        HouseholdRecord(id: id, villageCode: villageCode, groupName: groupName, householdNo: householdNo, headName: headName, headIDNumber: headIDNumber,
                        questionnaireID: questionnaireID, questionnaireVersion: questionnaireVersion, referenceDay: referenceDay, status: status,
                        enumerator: enumerator, answered: answered, required: required, hardErrors: hardErrors, softOpen: softOpen, position: position,
                        createdAt: createdAt, updatedAt: updatedAt, householdType: householdType, mainCause: mainCause, interviewDate: interviewDate,
                        perCapitaIncome: perCapitaIncome, incomeLine: incomeLine, unmetGuarantees: unmetGuarantees)
    }
}

extension RosterRowRecord {
    /// A roster row with every field given.
    public static func make(id: String, householdID: String, roster: String, ord: Int, removed: Bool, removedBy: String?, removedAt: String?,
                            removedReason: String?) -> RosterRowRecord {
        RosterRowRecord(id: id, householdID: householdID, roster: roster, ord: ord, removed: removed, removedBy: removedBy, removedAt: removedAt,
                        removedReason: removedReason)
    }
}

extension ReviewRecord {
    /// A supervisor's decision with every field given.
    public static func make(householdID: String, state: ReviewDecision, reason: String?, who: String, at: String) -> ReviewRecord {
        ReviewRecord(householdID: householdID, state: state, reason: reason, who: who, at: at)
    }
}

extension HouseholdDocument {
    /// A whole household from its records.
    public static func make(household: HouseholdRecord, rows: [RosterRowRecord], answers: [AnswerRecord], audit: [AuditRecord],
                            overrides: [OverrideRecord], review: ReviewRecord?, comments: [CommentRecord], round: RoundRecord? = nil,
                            carriedRows: [CarriedRowRecord]? = nil) -> HouseholdDocument {
        HouseholdDocument(household: household, rows: rows, answers: answers, audit: audit, overrides: overrides, review: review, comments: comments,
                          round: round, carriedRows: carriedRows)
    }
}

extension RoundRecord {
    /// A round with every field given.
    public static func make(householdID: String, registrationID: String, surveyYear: Int, previousRoundID: String, startedBy: String,
                            startedAt: String, clock: String) -> RoundRecord {
        RoundRecord(householdID: householdID, registrationID: registrationID, surveyYear: surveyYear, previousRoundID: previousRoundID,
                    startedBy: startedBy, startedAt: startedAt, clock: clock)
    }
}

extension CarriedRowRecord {
    /// A carried row with every field given.
    public static func make(rowID: String, householdID: String, previousRowID: String) -> CarriedRowRecord {
        CarriedRowRecord(rowID: rowID, householdID: householdID, previousRowID: previousRowID)
    }
}

extension HouseholdExport {
    /// An interchange file with every field given.
    public static func make(format: String, formatVersion: Int, questionnaireID: String, questionnaireVersion: String,
                            households: [HouseholdDocument]) -> HouseholdExport {
        HouseholdExport(format: format, formatVersion: formatVersion, questionnaireID: questionnaireID, questionnaireVersion: questionnaireVersion,
                        households: households)
    }
}
