// The catalogue: every text hufang says, in Chinese and English, one entry each. Values go in at {0}, {1}…
// (the order may differ between the languages); `Phrase.text(_:_:)` is the one way to say an entry.
// Entries are grouped by the module and file that say them.

/// Every text the product says, by name; `template` holds it in both languages.
public enum Phrase: String, CaseIterable, Sendable {
    // MARK: Survey · InterviewTypes.swift
    case noSuchQuestion, calculatedCannotBeTyped, doesNotApplyHere, questionNeeds, hasNoCode, noSuchRow
    case rosterHoldsAtMost, pleaseTypeReason, errorMustBeCorrected, checkNotFailing, errorsRemain
    // MARK: Survey · PhraseValue.swift
    case typeText, typeInteger, typeDecimal, typeCode, typeCodes, typeYesNo, typeDate, typeIDNumber
    // MARK: Survey · DefinitionLoader.swift
    case cannotBeLessThan, cannotBeMoreThan, idNumberNotValid
    // MARK: Survey · Assessment.swift
    case incomeBelowLine, incomeIncomplete, guaranteeNotMet, guaranteeReason, guaranteeAnswersMissing
    case exitNeedsConsent, listSeparator, yes, no
    case incomeBelowMonitoringLine, sampleFigure, rigidExpenseAboveShare, monitoringSuggested, monitoringAlsoMeets
    // MARK: Survey · AnswerMigration.swift
    case migrationUnknownQuestion, migrationConversionFailed, migrationConversionDoesNotFit, migrationCodeNotMapped, migrationSplitUndecided
    // MARK: Survey · MigrationGap.swift
    case gapOtherVersion, gapQuestionGone, gapTypeChanged, gapCodeGone
    // MARK: Survey · ResidentID.swift
    case idNumberWrongLength, idNumberNotDigit, idBirthDateImpossible, idBirthDateImplausible, idCheckCharacterWrong
    // MARK: Survey · ValueType.swift
    case valueNumber, valueText, valueBool, valueDate, valueNull, valueCode, valueCodeOf, valueCodes, valueCodesOf
    case valueListOf
    // MARK: Survey · ReservedWords.swift
    case reservedKeyword, reservedFunction
    // MARK: Survey · ExpressionProblem.swift
    case exprFoundNumber, exprFoundText, exprSymbol, exprFoundEnd, exprOr, exprCountFilter, exprFilter
    case exprUnterminatedText, exprSingleEquals, exprUnexpectedCharacter, exprTooLong, exprTooManyTerms, exprTooDeep
    case exprEmpty, exprExpectedOperatorOrEnd, exprComparisonsDoNotChain, exprKeywordAsValue, exprExpectedValue
    case exprExpectedSymbol, exprResultType, exprNestedList, exprListMixes, exprCurrentOutsideQuestion
    case exprRosterAsValue, exprUnknownField, exprRowFieldOutsideRoster, exprNeeds, exprCannotCompare, exprOrdering
    case exprInListMismatch, exprInCodesNeedsCode, exprInNeedsList, exprArithmeticNeedsNumbers, exprUnknownFunction
    case exprAggregateNeedsRoster, exprCountArity, exprAggregateArity, exprAggregateNeedsNumbers, exprArity
    case exprBranchesMix, exprCodeNotInList
    // MARK: Survey · DefinitionError.swift
    case defCannotRead, defNotUTF8, defEmptyFile, defMalformed, defMalformedUnclosed, defDuplicateYAMLKeys
    case defKeySeparator, defYAMLTooDeep, defAliasAsKey, defTooManyNodesExpanded, defTooManyNodes, defNotMapping
    case defKeyNotText, defUnknownKey, defKeyTwice, defMissingKey, defNotList, defNotText, defNotWholeNumber
    case defNotNumber, defNotTrueOrFalse, defDuplicateRosterID, defReservedRosterID, defDuplicateSectionID
    case defUnknownRoster, defDuplicateQuestionID, defQuestionIDNotSnakeCase, defReservedQuestionID
    case defQuestionIDIsRoster, defUnknownType, defUnknownCodeList, defCodesNeeded, defCodesNotApplicable, defAnd
    case defKeyNotForType, defMaxLengthOutOfRange, defIDMaxLengthOutOfRange, defNoSections, defRowLabelNotInRoster
    case defUnknownTextFormat
    case defUnknownSeverity, defUnknownFieldInAt, defDuplicateCheckID, defDependencyCycle, defExpression
    case defCodeListsShape, defDuplicateCode, defEmptyCodeList, defRoleNamesNoQuestion, defRoleWrongType
    case defHeadCodeNotInList, defRoleNeedsMemberQuestion, defRoleNeedsHouseholdQuestion, defRoleInOtherRoster
    case defIncomeLineNotPositive, defLabourAgeReversed, defGuaranteeNeedsOneTest, defMemberFailsNeedsMembers
    case defUnknownMonitoringRule, defNotPositive
    case defMigrationFromThisVersion, defMigrationUnknownQuestion, defMigrationQuestionStillAsked, defMigrationRenamedTwice
    case defMigrationOneStep, defMigrationCodeNotInList
    case defUnknownReasonField, partKey, partQuestionnaire, partRoster, partSection, partQuestion, partCheck, partConstraint
    case partCodeLists, partCode, partRoles, partHeadRole, partStandards, partIncomeLine, partGuarantee
    case partRosterID, partSectionFileName, partSectionID, partQuestionID, partCheckID, partListID, partExpression
    case partHeadCode, partCodesOf, partQuestionOfRole
    // MARK: Store · DeviceCertificate.swift
    case enumerator, supervisor, hub
    // MARK: Store · CountyAuthority.swift
    case notCountyFolder, alreadyHoldsCountyKeys, notCountyFile, notSignedByCounty, otherCounty
    case certificateNotThisDevice, certificateNotThisKey, certificateExpired, noCountyTrusted, revocationListOlderThan
    case badScope, notEnrolled
    // MARK: Store · ProcedureRecord.swift
    case outcomeExit, outcomeRemoval, outcomeNew, outcomeReturned, outcomeMonitoring
    case stepApplication, stepAppraisal, stepConsent, stepNotice, stepComparison, stepAnnouncement, stepNotification, stepNumbered
    case stepPassed, stepObjected, procedureProposed, procedureDecided, procedureDropped
    // MARK: Store · ProcedureRules.swift
    case procNoPeriods, procMissingStep, procStepObjected, procPeriodTooShort, procPeriodNotEnded, procEndBeforeStart
    case procOutOfOrder, procNotInProcedure, procNoProcedure, procClosed, procHasSteps, procNeedsCategory
    case procCategoryOnlyMonitoring, procUnknownCategory, procEmptyReason, bundleProcedureNotDecidable
    case bundleOtherQuestionnaire, bundleQuestionnaireVersion
    // MARK: CLI · ProcedureCommands.swift
    case noticeTitle, noticeHeaderNo, noticeHeaderHousehold, noticeHeaderHead, noticeHeaderID, noticeHeaderOutcome
    case noticeHeaderReason, noticePeriodLine, noticeFooter, noticeEmpty, noticeWritten, cliUnknownOutcome, cliUnknownStep
    case cliRoundYear, cliRoundWhich, cliRoundDayYear, roundStartedLine, roundStartedVillage
    case cliBadDay, procedureProposedLine, procedureStepLine, procedureStepWarning, procedureDecidedLine, procedureDroppedLine
    case procedureShowHeader, procedureShowStep, procedureShowMissing, procedureNone
    // MARK: Store · ConflictQueue.swift
    case noSuchConflict, ambiguousConflict, conflictAlreadyResolved, conflictBadValue
    // MARK: Store · ExportRefusal.swift
    case keyFileNotDevice, exportStoreAlreadyRunning
    // MARK: Store · DeviceTrust.swift
    case notHufangPublicKey, deviceOwnKey, deviceAlreadyTrustedAnother, noSuchDevice, ambiguousDevice
    // MARK: Store · BundleRejection.swift
    case emptyFile, truncatedFile, damagedNotHufangBundle, unreadableManifest, unsupportedBundleFormatUpgrade
    case deviceFingerprintNotTrusted, signedKeyOtherThan, badSignatureFileAltered, deviceRevokedSequence
    case schemaMismatchTheirsOurs, payloadDoesNotMatch, forkAnotherBundleSequence, sealedCountyKeyStore
    case cannotDecryptWrongCounty, changesCannotApplied, fileMoreThanBundle, declaresChangesMoreThan
    case doesNotInflateBytes, manifestDeclaresChangesPayload, deviceCertificateNotSigned, certificateDoesNotMatch
    case deviceCertificateExpired, appliedChanges, appliedConflicts, heldSequenceRejected, thenHeldSequenceApplied
    case heldConflicts, outcomeDuplicate, heldWaitingSequence, outcomeRejected
    // MARK: Store · BundleExport.swift
    case collectingChanges, writingFile, verifying, applyingChanges, bundleWriteFailed
    // MARK: Store · StoreError.swift
    case storeBusy, notHufangStore, cannotOpenStore, noSuchHousehold, damagedValue, noSuchComment, storeReadOnly
    case storeNotClosedCleanly, storeAlreadyExists, noSuchStoreFile, householdCannotMigrate, householdNoMigration
    case roundEarlier, roundAlreadyStarted, roundNotAfter
    // MARK: Store · DeviceKey.swift
    case keyFileAlreadyExists, cannotUseKeyFile, keyFileDamaged, keyFileTooOpen
    // MARK: Store · ChangesetCheck.swift
    case changeTable, changeHousehold, closeParenColon, localTable, columnMayNotChange, schemaMismatch, colon
    case roleMayNotCarry, villageOutOfScope, changeKey, operationNotAllowed, operationInsert, operationUpdate
    case operationDelete, columnUnreadable, unreadable
    // MARK: Store · RowProblem.swift
    case rowMissing, notUUID, notRowID, tooLong, containsNulCharacter, notTimestamp, notDay, notLogicalClock
    case outOfRange, notFiniteNumber, unknownQuestion, calculatedCannotBeWritten, questionNeedsRow, questionTakesNoRow
    case unknownRoster, unknownCheck, questionTakesType, notAValue, notWholeNumber, codeNotCodeList
    case expectedListMostTwo, clockBelongsAnotherDevice, expectedStorage, notInVocabulary, storageText, storageInteger
    case storageNumber, storageBoolean
    // MARK: Store · HouseholdJSON.swift
    case importRefusedNothingChanged, importInvalidUTF8, importNotJSON, importNotHouseholdFile
    case importUnsupportedVersion, importHouseholdTwice, importNotItsHousehold, importNoSuchRow, importAppearsTwice
    case importHouseholdInStore, importRecordInStore, importMissing, importWrongType, importNull, importDamaged
    case importRowProblem
    // MARK: Store · HouseholdCard.swift
    case povertyRegistrationHouseholdRecord, village, householdNo, head, status, cardEnumerator, householdId, none
    case assessment, perCapitaNetIncome, answersMissing, suggested, review
    // MARK: Store · SectionCSV.swift
    case csvHouseholdID, csvVillageCode, csvHouseholdNo, csvHead, csvStatus, csvRowNo, csvName
    // MARK: TUI · CertificateNotice.swift
    case certificateExpiredNotice, certificateExpiresToday, certificateExpiresSoon, oneDayLeft, daysLeft
    // MARK: TUI · FieldInput.swift
    case expectsIDNumber, expectsCode, expectsCodes, expectsYesNo, expectsDate, inputNotInteger, inputNotNumber
    case inputNotDate, noOptionMatches, inputTooLong, inputNotInName, expectsNumberIn, requiredEmpty
    // MARK: TUI · SignOff.swift
    case requiredAnswerSMissing, errorSRemain, warningSNeedReason, leastTwoCollectorsNeeded
    case householdConsentNotRecorded, whoSignedNotRecorded, proxySignerNameMissing
    // MARK: TUI · UIText.swift
    case saved, sentBack, completed, cancelled, rowRemoved, explained, allAnswered, noProblems, noRosterHere
    case emptyRoster, sectionNotForRow, fieldNotShown, explainTitle, cannotComplete, removeDetail, removeTitle
    case rowAdded, atRosterEnd
    // MARK: TUI · AppRuntime.swift
    case notSaved
    // MARK: TUI · PageUpdate.swift
    case semicolon
    // MARK: TUI · ListView.swift
    case listVillage, listTitle, listTotal, listSearchLabel, listEmpty, listNothingMatches, listPosition, listHint
    case columnNumber, columnHeadID, columnGroup, columnDone, columnErrors, columnWarnings, listKeyOpen, listKeyNew
    case listKeySelect, listKeyClear, listKeyHelp, listKeyQuit
    // MARK: TUI · FormView.swift
    case formRowOf, formRosterDone, formAdd, formProgress, formSoFar, formRosterEndHint, formComment, inParentheses
    case formExplained, formNoOptionMatches, formKeyConfirm, formKeyCancel, formKeyClear, formKeyOptions, formKeyHelp
    case formKeyNext, formKeyPart, formKeyChecks, formKeyGrid, formKeyAssess, formKeyList, formHeadAndNumber
    case notFilledIn, formRosterEmpty, formRosterEmptyHint, formMoreOptions, formKeyMove, formOptional, expectedValue
    // MARK: TUI · PageViews.swift
    case gridLegend, gridHint, checksSummary, checksNone, checksRow, checksHint, assessTitle, assessIncome, aboveLine
    case belowLine, assessSuggested, assessSignatures, assessEmpty, assessReady, assessNotYet, openHouseholdWhereLeft
    case selectHousehold, typing, searchNameIdNumberPrefix, clearSearch, quit, confirmGoNextQuestion, confirmGoBack
    case nextSectionStartPrevious, cancelEditOtherwiseBack, deleteCharacterClearAll, codeLists, codePartLabelEnter
    case insertNextKeyLiterally, selectRow, choosePart, openPartRow, backForm, selectProblem, goField
    case selectSignOffItem, goFieldToFill, helpQuit, helpTitle, pressAnyKey, explainLabel, enterConfirmEscCancel
    case keyOpen, keyPart, keyRemove, keyBack, keyGoToField, keyExplain, keySelect, keyComplete, helpNewHousehold
    case helpThisHelp, helpQuitSaved, helpChecks, helpGrid, assessmentSignOffComplete, nextUnansweredRequiredQuestion
    case nextProblem, backListConfirmedAnswers, addRow, removeRowAsksReason, explainWarningsOnly
    case completeRefusedReasonsWhile, rosterTitle, helpAddRemoveRow, helpCompleteOnSignOff
    // MARK: TUI · ReviewUpdate.swift
    case reviewSentBack, noErrorWarningComment, commentOnField, commentOnFieldDetail, commentLabel, commentOnHousehold
    case enterSavesEscCancels, sendBackTitle, sendBackDetail, alreadyApproved, onlyCompletedHouseholdApproved
    case errorsRemainSendBack, conflictsOpenFConflicts, typeMergedValue, value, noHouseholdFails, failingTitle
    case notApprovedNothingChanged, reviewCancelled, cannotBeEmpty, mergeDetail, emptyValue
    // MARK: TUI · DashboardPage.swift
    case dashboardNotGiven
    // MARK: TUI · ReviewListView.swift
    case reviewListConflicts, reviewListTitle, reviewSearchLabel, reviewSortLabel, filterAll, filterStatus, filterFlag
    case filterVillageLabel, filterEnumeratorLabel, nothingMatchesEscClears, noHouseholdsYetImport, typeNameIdNumber
    case flagErrors, flagOpenWarnings, flagReasons, flagConflicts, flagComments, sortNumber, sortLastChange
    case sortProblems, columnExplained, columnConflicts, columnComments, reviewKeyReview, reviewKeyFlag
    case reviewKeyVillage, reviewKeySort, reviewKeyConflicts, reviewKeyDashboard
    // MARK: TUI · ReviewRender.swift
    case reviewSelectedHousehold, reviewSearchHelp, clearSearchThenEvery, quitEveryDecisionSaved, moveBetweenFields
    case fieldHistoryValuesWho, nextFieldErrorWarning, backList, selectConflict, selectGuarantee
    case listHouseholdsFailing, scroll, helpAnyKeyCloses, approveTitle, approveQuestion, decisionGoesOutNext
    case enterApproveEscCancel, historyTitle, nothingRecorded, historyScroll, anyKeyCloses, enterReviewEscClose
    case filterStatusCycles, filterFlagErrorsOpen, filterVillage, filterEnumerator, sortNumberStatusLast
    case conflictQueue, villageDashboard, commentField, helpCommentHousehold, sendBackAsksReason, approveAsksConfirm
    case keepStoreValue, takeOtherSideValue, helpTypeMergedValue, nextVillage
    // MARK: TUI · DashboardView.swift
    case dashboardTitle, dashboardHint, dashboardTypeByStatus, dashboardTotal, dashboardCauses, dashboardFailing
    case dashboardUnknown, dashboardIncomeRatio, dashboardLine, dashboardPace, dashboardKeyList, dashboardKeyVillage
    case dashboardKeyScroll
    // MARK: TUI · SheetView.swift
    case sheetTitle, sheetVillage, sheetDone, sheetErrors, sheetOpen, sheetExplained, sheetConflicts, sheetFrom
    case sheetPosition, sheetHint, sheetKeyHistory, sheetKeyFieldComment, sheetKeyHouseholdComment
    case sheetKeyNextProblem, sheetKeySendBack, sheetKeyApprove, sheetKeyBack, sheetKeyHelp
    // MARK: TUI · ConflictView.swift
    case conflictsTitle, conflictsOpen, conflictsHint, conflictsNone, conflictBundleNumber, conflictBy, conflictAt
    case conflictDevice, conflictBundle, conflictMineTitle, conflictMine, conflictTheirsTitle, conflictImported
    case conflictsMore, conflictsMergeHint, conflictKeyMine, conflictKeyTheirs, conflictKeyMerge
    // MARK: TUI · HouseholdSheet.swift
    case fullComma, sheetSender, sheetFieldComment, sheetReviewLabel, afterDash, pairInParentheses
    case sheetHouseholdComment, sheetNone, sheetIncome, sheetIncomeValue, sheetAnswersMissing, historyReason
    case historyReasonWithdrawn, historyComment, historyCommentDealt, historyMigrated
    // MARK: TUI · ReviewRuntime.swift
    case reviewApproved, reviewSentBackWithReason, reviewCommentSaved, reviewResolved, reviewNoHouseholds
    case reviewFailed, reviewReasonLabel, reviewDecision
    // MARK: TUI · Render.swift
    case terminalTooSmall, enlargeLeast, youContinueWhereYou
    // MARK: TUI · PageViews.swift, PageUpdate.swift, FormUpdate.swift (the sign-off page, completing)
    case assessExplainWhat, assessRefusedWarnings, assessRefusedSeeBelow, assessBeforeConsent, assessHelpExplain
    case confirmCompleteTitle, confirmCompleteQuestion, confirmCompleteDetail, confirmCompleteKeys, notCompletedNothingChanged
    // MARK: TUI · Update.swift (the household left unfinished)
    case resumeOffered
    // MARK: Store · HouseholdCard.swift (lines to sign)
    case cardSignatures, cardSignHead, cardSignCollectors, cardSignHelper, cardSignVillage, cardDate
    // MARK: CLI · DashboardCommand.swift
    case dashboardVillageLine, dashboardTypeStatusTitle, dashboardFailingTitle, dashboardIncomeTitle
    case cliIncomeLineRule, dashboardIncomeUnknown, cliInAll
    // MARK: CLI · ScreensCommand.swift
    case summarySection, summaryTitle, summaryRoster, summaryInputs, summaryCalculated, summaryChecks, screensValid
    // MARK: hufang · MigrateCommand.swift
    case migrateNoMigration, migrateHeading, migrateCheckOnly, migrateHousehold, migrateCannot, migrateChanges
    case migrateWouldSummary, migrateDoneSummary, migrateSomeCannot
    case screensProblems, screensUnreadableNote, summaryIncomeLines, summaryGuarantees, summaryCodeLists
    case screensNotFound, sampleDataNotFound
    // MARK: Store · HouseholdStatus.swift
    case statusInProgress, statusComplete, statusApproved, statusSentBack
    // MARK: CLI · StoreCommands.swift (validate)
    case householdNotWholeID
    // MARK: TUI · Update.swift (a commit the store refused)
    case notStoredStillHolds, notStoredRetry
    // MARK: CLI · CountyCommands.swift
    case countyCodeNotDigits, countyNameEmpty, countyMade, countyFileLine, countyFingerprintLine, countyKeepOffline
    case badRole, scopeEmpty, scopeNotNumeric, dateNotDay, certificateFileLine, certificatePersonLine
    case certificateRoleLine, certificateValidLine, certificateKeyLine, fromSequenceTooSmall, reasonMissing
    case revokedKey, revokedEveryKey, revokedDevice, revocationListLine, revocationSpreads, revocationsInstalled
    case revocationEntryLine, revocationsAlreadyHeld, enrolled, enrolledBundlesCarry, countyTrusted
    // MARK: CLI · Start.swift
    case columnSoft, startNoStore, startStoreSummary, startMore
    // MARK: CLI · BundleCommands.swift
    case exportNothing, exportSealed, exportWritten, importUnreadable, importOpenConflicts, heldNone, heldLine
    case refusedLine, bundleListNone, bundleListLine, bundleReceived, bundleHubRefused, bundleNotReceived
    // MARK: CLI · SyncCommand.swift
    case syncUploading, syncDownloading, syncHubVerified, syncSealed, syncHubLost, syncUploadedLine, syncUploadRejected, syncBytesNote
    case syncRevocations, syncImportedLine, syncSummary, syncNoHub, syncNotEnrolled, syncUnreachable, syncTLS, syncBadURL
    case syncNotCountyHub, syncRefused, syncUnexpected, syncForgedReceipt, syncWrongBundle, syncNotAllDone, syncTLSCAUnreadable
    case syncRetriesRange
    // MARK: CLI · KeyCommands.swift
    case keysDeviceLine, keysNameLine, keysFingerprintLine, keysFileLine, notCountyKeyFile, sealingKeyInstalled
    case countyPrivateKeyInstalled, hubKeysMade, devicesThisDevice, devicesRevoked, devicesTrusted
    case devicesLastSequence, certificatesTitle, noCertificatesYet, certificateValid, certificateExpiredState
    case certificateRevoked, certificateThisDevice, certificateLastSequence, certificateLine, deviceTrusted
    case deviceAlreadyTrusted, deviceTrustedFingerprint, deviceRevoked
    // MARK: CLI · StoreCommands.swift
    case initDeviceKey, initPublicKey, exportSectionRows, exportedHouseholds, cannotReadFile, importedHouseholds
    case initLoadedSample, initCreated
    // MARK: CLI · ConflictCommands.swift
    case noOpenConflicts, conflictResolvedMark, conflictMineLine, conflictTheirsLine, conflictsResolveHint
    case conflictResolved
    // MARK: CLI · ReviewCommand.swift
    case reviewNoStore, reviewHouseholdCount, reviewOpenConflicts
    // MARK: CLI · VersionCommand.swift
    case versionQuestionnaire
    // MARK: CLI · FirstRun.swift
    case firstRunWelcome, firstRunAskEnumerator, firstRunAskDevice, firstRunStoreMade, firstRunEnrolment, firstRunWhoLater, firstRunOpen
    // MARK: Survey · DefinitionLoader.swift, Compiler.swift (default, skip_when_default, block)
    case defDefaultOnCalculated, defSkipNeedsDefault, defBlockInTwoSections, exprVisitOnlyInDefault
    // MARK: Survey · Assessment.swift (the recorded status against the assessment)
    case statusDisagrees
    // MARK: TUI · SignOff.swift, PageUpdate.swift, PageViews.swift (recording 返贫)
    case signOffRecordReturn, signOffStatusBlocker, recordedReturn
    // MARK: TUI · FormUpdate.swift, FormView.swift, UIText.swift (defaults and "none of these")
    case formDefaultOffered, keyNoneOfThese, noneAnsweredZero, noneLeftHere
    // MARK: TUI · LastYear.swift, FormView.swift, HouseholdSheet.swift (a round pre-filled from last year)
    case formLastYearOffered, formLastYear, keySameAsLastYear, helpSameAsLastYear, sameAsLastYearDone, sameAsLastYearAskRest
    case sameAsLastYearNothing, sameAsLastYearNotARound, historyConfirmedUnchanged, sheetYearOverYear
}

extension Phrase {
    /// The entry in both languages, with `{n}` where the n-th value goes.
    public var template: Localized {
        switch self {
        // MARK: Survey · InterviewTypes.swift
        case .noSuchQuestion: return Localized(zh: "没有这个问题：{0}", en: "No such question: {0}")
        case .calculatedCannotBeTyped: return Localized(zh: "{0}是自动计算的，不能录入", en: "{0} is calculated and cannot be typed")
        case .doesNotApplyHere: return Localized(zh: "{0}在当前情况下不需回答", en: "{0} does not apply here")
        case .questionNeeds: return Localized(zh: "{0}需要{1}", en: "{0} needs {1}")
        case .hasNoCode: return Localized(zh: "{0}没有代码{1}", en: "{0} has no code {1}")
        case .noSuchRow: return Localized(zh: "没有这一行", en: "No such row")
        case .rosterHoldsAtMost: return Localized(zh: "{0}最多{1}行", en: "{0} holds at most {1} rows")
        case .pleaseTypeReason: return Localized(zh: "请填写原因", en: "Please type a reason")
        case .errorMustBeCorrected: return Localized(zh: "错误必须改正，不能说明后通过", en: "An error must be corrected; it cannot be accepted with a reason")
        case .checkNotFailing: return Localized(zh: "该检查没有问题，无需说明", en: "This check is not failing")
        case .errorsRemain: return Localized(zh: "还有{0}个错误未改正，不能完成", en: "{0} error(s) remain: the household cannot be completed")
        // MARK: Survey · PhraseValue.swift
        case .typeText: return Localized(zh: "文字", en: "text")
        case .typeInteger: return Localized(zh: "整数", en: "a whole number")
        case .typeDecimal: return Localized(zh: "数字", en: "a number")
        case .typeCode: return Localized(zh: "代码", en: "a code")
        case .typeCodes: return Localized(zh: "代码（可多选）", en: "codes")
        case .typeYesNo: return Localized(zh: "是或否", en: "yes or no")
        case .typeDate: return Localized(zh: "日期", en: "a date")
        case .typeIDNumber: return Localized(zh: "身份证号", en: "an ID number")
        // MARK: Survey · DefinitionLoader.swift
        case .cannotBeLessThan: return Localized(zh: "{0}不能小于{1}", en: "{0} cannot be less than {1}")
        case .cannotBeMoreThan: return Localized(zh: "{0}不能大于{1}", en: "{0} cannot be more than {1}")
        case .idNumberNotValid: return Localized(zh: "身份证号无效", en: "The ID number is not valid")
        // MARK: Survey · Assessment.swift
        case .incomeBelowLine: return Localized(zh: "人均纯收入{0}元，低于标准{1}元", en: "per-capita net income {0} yuan is below the line of {1} yuan")
        case .incomeIncomplete: return Localized(zh: "收入信息不全，无法计算人均纯收入", en: "income is incomplete: per-capita net income cannot be computed")
        case .guaranteeNotMet: return Localized(zh: "{0}未达到", en: "{0}: not met")
        case .guaranteeReason: return Localized(zh: "{0}：{1}", en: "{0}: {1}")
        case .guaranteeAnswersMissing: return Localized(zh: "{0}：信息不全", en: "{0}: answers missing")
        case .incomeBelowMonitoringLine: return Localized(zh: "人均纯收入{0}元，低于{1}年监测线{2}元{3}", en: "per-capita net income {0} yuan is below the {1} monitoring line of {2} yuan{3}")
        case .sampleFigure: return Localized(zh: "（样例数字，待县里确认）", en: " (a sample figure, to be confirmed by the county)")
        case .rigidExpenseAboveShare: return Localized(zh: "{0}{1}元，超过家庭纯收入{2}元的{3}", en: "{0} of {1} yuan is more than {3} of the household's net income of {2} yuan")
        case .monitoringSuggested: return Localized(zh: "防返贫监测：建议纳入{0}——{1}", en: "monitoring: suggested as {0} — {1}")
        case .monitoringAlsoMeets: return Localized(zh: "防返贫监测：也符合{0}——{1}", en: "monitoring: also meets {0} — {1}")
        case .exitNeedsConsent: return Localized(zh: "脱贫须经本户认可签字", en: "exit requires the household's consent and signature")
        case .listSeparator: return Localized(zh: "、", en: ", ")
        case .yes: return Localized(zh: "是", en: "yes")
        case .no: return Localized(zh: "否", en: "no")
        // MARK: Survey · ResidentID.swift
        case .idNumberWrongLength: return Localized(zh: "身份证号应为18位，现为{0}位", en: "An ID number has 18 characters; this one has {0}")
        case .idNumberNotDigit: return Localized(zh: "身份证号第{0}位不是数字（只有最后一位可以是X）", en: "Character {0} of the ID number is not a digit (only the last may be X)")
        case .idBirthDateImpossible: return Localized(zh: "身份证号中的出生日期{0}不存在", en: "The birth date {0} in the ID number does not exist")
        case .idBirthDateImplausible: return Localized(zh: "身份证号中的出生日期{0}不合理（早于1900年或晚于调查日）", en: "The birth date {0} in the ID number is implausible (before 1900 or after the interview)")
        case .idCheckCharacterWrong: return Localized(zh: "身份证号校验位错误：最后一位应为{0}，录入的是{1}，请核对号码", en: "The ID number's check character should be {0}, not {1}: please re-check the number")
        // MARK: Survey · ValueType.swift
        case .valueNumber: return Localized(zh: "数字", en: "a number")
        case .valueText: return Localized(zh: "文字", en: "text")
        case .valueBool: return Localized(zh: "逻辑值（true/false）", en: "true/false")
        case .valueDate: return Localized(zh: "日期", en: "a date")
        case .valueNull: return Localized(zh: "空值（null）", en: "null")
        case .valueCode: return Localized(zh: "代码", en: "a code")
        case .valueCodeOf: return Localized(zh: "代码表“{0}”中的代码", en: "a code of '{0}'")
        case .valueCodes: return Localized(zh: "多个代码", en: "several codes")
        case .valueCodesOf: return Localized(zh: "代码表“{0}”中的多个代码", en: "several codes of '{0}'")
        case .valueListOf: return Localized(zh: "{0}组成的列表", en: "a list of {0}")
        // MARK: Survey · ReservedWords.swift
        case .reservedKeyword: return Localized(zh: "表达式的保留字", en: "a reserved word of expressions")
        case .reservedFunction: return Localized(zh: "表达式里的函数名", en: "the name of a function")
        // MARK: Survey · ExpressionProblem.swift
        case .exprFoundNumber: return Localized(zh: "数字 {0}", en: "the number {0}")
        case .exprFoundText: return Localized(zh: "文字 \"{0}\"", en: "the text \"{0}\"")
        case .exprSymbol: return Localized(zh: "“{0}”", en: "'{0}'")
        case .exprFoundEnd: return Localized(zh: "表达式结尾", en: "the end of the expression")
        case .exprOr: return Localized(zh: "或", en: " or ")
        case .exprCountFilter: return Localized(zh: "count() 的筛选条件", en: "a count() filter")
        case .exprFilter: return Localized(zh: "筛选条件", en: "a filter")
        case .exprUnterminatedText: return Localized(zh: "文字没有结束：缺少收尾的 {0}", en: "unterminated text: expected a closing {0}")
        case .exprSingleEquals: return Localized(zh: "判断相等要写“==”，这里只有一个“=”", en: "expected '==' for comparison, found a single '='")
        case .exprUnexpectedCharacter: return Localized(zh: "不能识别的字符“{0}”", en: "unexpected character '{0}'")
        case .exprTooLong: return Localized(zh: "表达式太长（最多 {0} 个字符）", en: "expression too long (limit {0} characters)")
        case .exprTooManyTerms: return Localized(zh: "表达式太长（同一串运算最多 {0} 项）", en: "expression too long (limit {0} terms)")
        case .exprTooDeep: return Localized(zh: "表达式嵌套太深（最多 {0} 层）", en: "expression nested too deeply (limit {0})")
        case .exprEmpty: return Localized(zh: "这里应写一个表达式，却是空的", en: "expected an expression, found nothing")
        case .exprExpectedOperatorOrEnd: return Localized(zh: "这里应是运算符或表达式结尾，却是{0}", en: "expected an operator or the end, found {0}")
        case .exprComparisonsDoNotChain: return Localized(zh: "比较不能连着写：两个比较之间请用 and 连接", en: "comparisons do not chain: use 'and' between them")
        case .exprKeywordAsValue: return Localized(zh: "这里应是一个值，却是关键字“{0}”", en: "expected a value, found the keyword '{0}'")
        case .exprExpectedValue: return Localized(zh: "这里应是一个值，却是{0}", en: "expected a value, found {0}")
        case .exprExpectedSymbol: return Localized(zh: "这里应是{0}，却是{1}", en: "expected {0}, found {1}")
        case .exprResultType: return Localized(zh: "这里需要{0}，这个表达式得出的却是{1}", en: "expected {0}, but this expression gives {1}")
        case .exprNestedList: return Localized(zh: "列表里不能再套列表", en: "lists cannot be nested")
        case .exprListMixes: return Localized(zh: "列表里混有{0}和{1}", en: "a list mixes {0} and {1}")
        case .exprCurrentOutsideQuestion: return Localized(zh: "“.”（本题的值）只能用在问题的 constraints 里", en: "'.' (this question's value) is only allowed in a question's constraints")
        case .exprRosterAsValue: return Localized(zh: "“{0}”是名册：请写在 count()、sum()、min() 或 max() 里", en: "'{0}' is a roster: use it inside count(), sum(), min() or max()")
        case .exprUnknownField: return Localized(zh: "没有名为“{0}”的问题", en: "unknown field '{0}'")
        case .exprRowFieldOutsideRoster: return Localized(zh: "“{0}”是名册中逐行填写的问题：在该名册之外请用 count()、sum()、min() 或 max()", en: "'{0}' is asked per row of a roster: outside that roster use count(), sum(), min() or max()")
        case .exprNeeds: return Localized(zh: "{0}需要{1}，却是{2}", en: "{0} needs {1}, found {2}")
        case .exprCannotCompare: return Localized(zh: "{0}不能与{1}比较", en: "cannot compare {0} with {1}")
        case .exprOrdering: return Localized(zh: "“{0}”只能比较数字或日期，不能比较{1}和{2}", en: "'{0}' compares numbers or dates, not {1} and {2}")
        case .exprInListMismatch: return Localized(zh: "“in”左边是{0}，右边却是{1}组成的列表", en: "'in' tests {0} against a list of {1}")
        case .exprInCodesNeedsCode: return Localized(zh: "对多选答案用“in”时，左边应是代码，却是{0}", en: "'in' a multi-code answer needs a code, found {0}")
        case .exprInNeedsList: return Localized(zh: "“in”右边应是 [1, 2] 这样的列表或多选答案，却是{0}", en: "'in' needs a list like [1, 2] or a multi-code answer, found {0}")
        case .exprArithmeticNeedsNumbers: return Localized(zh: "“{0}”需要数字，却是{1}", en: "'{0}' needs numbers, found {1}")
        case .exprUnknownFunction: return Localized(zh: "没有函数“{0}”（可用的函数：{1}）", en: "unknown function '{0}' (known: {1})")
        case .exprAggregateNeedsRoster: return Localized(zh: "{0}() 的第一个参数应是名册，例如 {1}", en: "{0}() takes a roster first, e.g. {1}")
        case .exprCountArity: return Localized(zh: "应写成 count(名册) 或 count(名册, 条件)，这里却有 {0} 个参数", en: "expected count(roster) or count(roster, filter), found {0} argument(s)")
        case .exprAggregateArity: return Localized(zh: "应写成 {0}(名册, 值) 或 {0}(名册, 值, 条件)，这里却有 {1} 个参数", en: "expected {0}(roster, value) or {0}(roster, value, filter), found {1} argument(s)")
        case .exprAggregateNeedsNumbers: return Localized(zh: "{0}() 汇总的应是数字，却是{1}", en: "{0}() adds up numbers, found {1}")
        case .exprArity: return Localized(zh: "{0}() 需要 {1} 个参数，这里却有 {2} 个", en: "{0}() takes {1} argument(s), found {2}")
        case .exprBranchesMix: return Localized(zh: "{0}() 的两个结果类型不同：{1}和{2}", en: "{0}() mixes {1} and {2}")
        case .exprCodeNotInList: return Localized(zh: "代码 {0} 不在代码表“{1}”中", en: "code {0} is not in the list '{1}'")
        // MARK: Survey · AnswerMigration.swift
        case .migrationUnknownQuestion: return Localized(zh: "“{0}”不是版本 {1} 的问题，无从迁移", en: "'{0}' is no question of version {1}: nothing says how it migrates")
        case .migrationConversionFailed: return Localized(zh: "“{0}”的答案 {1} 按“{2}”转换没有得到值", en: "'{0}': converting {1} by '{2}' gives no value")
        case .migrationConversionDoesNotFit: return Localized(zh: "“{0}”的答案 {1} 按“{2}”转换为 {3}，不是 {4} 类型的答案", en: "'{0}': converting {1} by '{2}' gives {3}, not a {4} answer")
        case .migrationCodeNotMapped: return Localized(zh: "“{0}”的代码 {1} 不在新版本的代码表“{2}”中，迁移也没有说它变成哪个代码", en: "'{0}': code {1} is not in the new version's list '{2}', and no step says what it becomes")
        case .migrationSplitUndecided: return Localized(zh: "“{0}”的代码 {1} 已拆分，但条件都不成立：{2}", en: "'{0}': code {1} was split, and none of its conditions holds: {2}")
        // MARK: Survey · MigrationGap.swift
        case .gapOtherVersion: return Localized(zh: "旧问卷是版本 {0}，新问卷的 migration.yaml 是从版本 {1} 迁移", en: "the old questionnaire is version {0}; the new one's migration.yaml migrates from version {1}")
        case .gapQuestionGone: return Localized(zh: "旧问题“{0}”在新版本中没有了，迁移也没有把它改名或删除：答过它的户不能迁移", en: "old question '{0}' is not in the new version, and no step renames or removes it: households that answered it cannot migrate")
        case .gapTypeChanged: return Localized(zh: "问题“{0}”的类型从 {1} 变为 {2}，但没有 retype 步骤", en: "question '{0}' changed type from {1} to {2} with no retype step")
        case .gapCodeGone: return Localized(zh: "代码 {0} 不在新版本的代码表“{1}”中，也没有 recode 步骤说明它变成什么", en: "code {0} is not in the new version's list '{1}', and no recode step says what it becomes")
        // MARK: Survey · DefinitionError.swift
        case .defCannotRead: return Localized(zh: "无法读取该文件（文件是否缺失？）", en: "cannot read the file (is it missing?)")
        case .defNotUTF8: return Localized(zh: "文件不是有效的 UTF-8 编码（请另存为 UTF-8，不要存成 GBK 等编码）", en: "the file is not valid UTF-8 (save it as UTF-8, for example not as GBK)")
        case .defEmptyFile: return Localized(zh: "文件是空的", en: "the file is empty")
        case .defMalformed: return Localized(zh: "YAML 格式错误：{0}", en: "malformed YAML: {0}")
        case .defMalformedUnclosed: return Localized(zh: "YAML 格式错误：{0}（从这里开始，一直没有闭合）", en: "malformed YAML: {0} (opened here and never closed)")
        case .defDuplicateYAMLKeys: return Localized(zh: "YAML 格式错误：同一个映射里键“{0}”出现了两次", en: "malformed YAML: key '{0}' appears twice in one mapping")
        case .defKeySeparator: return Localized(zh: "”、“", en: "', '")
        case .defYAMLTooDeep: return Localized(zh: "YAML 嵌套太深（列表和映射最多 {0} 层）", en: "YAML nested too deeply (limit {0} levels of lists and mappings)")
        case .defAliasAsKey: return Localized(zh: "别名（*{0}）不能用作映射的键或键的一部分，请把键直接写出来", en: "an alias (*{0}) cannot be a mapping key or part of one; write the key out")
        case .defTooManyNodesExpanded: return Localized(zh: "展开别名后 YAML 节点太多（每个文件最多 {0} 个）：是否在别名所指的内容里又引用了它自己？", en: "too many YAML nodes once aliases are expanded (limit {0} per file); is an alias repeated inside what it refers to?")
        case .defTooManyNodes: return Localized(zh: "YAML 节点太多（每个文件最多 {0} 个）", en: "too many YAML nodes (limit {0} per file)")
        case .defNotMapping: return Localized(zh: "{0}应写成“键: 值”形式的映射", en: "expected {0} as a mapping of keys (key: value)")
        case .defKeyNotText: return Localized(zh: "键应是文字", en: "expected a text key")
        case .defUnknownKey: return Localized(zh: "{1}中有未知的键“{0}”（可用的键：{2}）", en: "unknown key '{0}' in {1} (expected one of: {2})")
        case .defKeyTwice: return Localized(zh: "{1}中键“{0}”出现了两次", en: "key '{0}' appears twice in {1}")
        case .defMissingKey: return Localized(zh: "{0}缺少“{1}”", en: "{0} is missing '{1}'")
        case .defNotList: return Localized(zh: "{0}应写成列表（每行以“- ”开头）", en: "expected {0} as a list (lines starting with '- ')")
        case .defNotText: return Localized(zh: "{0}应是文字", en: "expected {0} as text")
        case .defNotWholeNumber: return Localized(zh: "{0}应是整数", en: "expected {0} as a whole number")
        case .defNotNumber: return Localized(zh: "{0}应是数字", en: "expected {0} as a number")
        case .defNotTrueOrFalse: return Localized(zh: "{0}应是 true 或 false", en: "expected {0} as true or false")
        case .defDuplicateRosterID: return Localized(zh: "名册 id“{0}”重复", en: "duplicate roster id '{0}'")
        case .defReservedRosterID: return Localized(zh: "名册 id“{0}”是{1}，不能使用", en: "roster id '{0}' is {1}")
        case .defDuplicateSectionID: return Localized(zh: "部分 id“{0}”重复（首次定义于 {1}）", en: "duplicate section id '{0}' (first defined at {1})")
        case .defUnknownRoster: return Localized(zh: "没有名册“{0}”（请在 questionnaire.yaml 的 rosters 下声明）", en: "unknown roster '{0}' (declare it under 'rosters' in questionnaire.yaml)")
        case .defDuplicateQuestionID: return Localized(zh: "id“{0}”重复（首次定义于 {1}）", en: "duplicate id '{0}' (first defined at {1})")
        case .defQuestionIDNotSnakeCase: return Localized(zh: "问题 id“{0}”只能由小写字母、数字和“_”组成，并以字母开头", en: "question id '{0}' must be lower-case letters, digits and '_', starting with a letter")
        case .defReservedQuestionID: return Localized(zh: "问题 id“{0}”是{1}，不能使用", en: "question id '{0}' is {1}")
        case .defQuestionIDIsRoster: return Localized(zh: "问题 id“{0}”已是一个名册的 id", en: "question id '{0}' is the id of a roster")
        case .defUnknownTextFormat: return Localized(zh: "没有格式“{0}”（可用的格式：{1}）", en: "unknown format '{0}' (expected one of: {1})")
        case .defUnknownType: return Localized(zh: "没有类型“{0}”（可用的类型：{1}）", en: "unknown type '{0}' (expected one of: {1})")
        case .defUnknownCodeList: return Localized(zh: "没有代码表“{0}”（codelists.yaml 中没有）", en: "unknown code list '{0}' (not in codelists.yaml)")
        case .defCodesNeeded: return Localized(zh: "问题“{0}”的类型是 {1}，需要写“codes: 代码表”", en: "question '{0}' of type {1} needs 'codes: LIST'")
        case .defCodesNotApplicable: return Localized(zh: "只有类型为 code 或 codes 的问题才能写 codes", en: "'codes' only applies to questions of type code or codes")
        case .defAnd: return Localized(zh: " 和 ", en: " and ")
        case .defKeyNotForType: return Localized(zh: "{0} 只适用于 {1} 类型的问题，不适用于 {2}", en: "'{0}' applies only to {1} questions, not {2}")
        case .defMaxLengthOutOfRange: return Localized(zh: "max_length 应在 {0} 到 {1} 之间，这里是 {2}", en: "max_length must be between {0} and {1}, found {2}")
        case .defIDMaxLengthOutOfRange: return Localized(zh: "max_length 应在 {0} 到 {1} 之间（身份证号有 {0} 位），这里是 {2}", en: "max_length must be between {0} and {1} (a resident ID has {0} characters), found {2}")
        case .defNoSections: return Localized(zh: "问卷没有任何部分", en: "the questionnaire has no sections")
        case .defRowLabelNotInRoster: return Localized(zh: "row_label“{0}”不是名册“{1}”中的问题", en: "row_label '{0}' is not a question of roster '{1}'")
        case .defUnknownSeverity: return Localized(zh: "没有严重程度“{0}”（应为 error 或 warning）", en: "unknown severity '{0}' (expected error or warning)")
        case .defUnknownFieldInAt: return Localized(zh: "at 所指的问题“{0}”不存在", en: "unknown field '{0}' in 'at'")
        case .defDuplicateCheckID: return Localized(zh: "检查 id“{0}”重复（首次出现于 {1}）；每个检查须有自己的 id", en: "duplicate check id '{0}' (first at {1}); give each check its own id")
        case .defDependencyCycle: return Localized(zh: "循环依赖：{0}（一个值不能依赖它自己）", en: "dependency cycle: {0} (a value cannot depend on itself)")
        case .defExpression: return Localized(zh: "表达式“{0}”有误：{1}", en: "in '{0}': {1}")
        case .defCodeListsShape: return Localized(zh: "应写“lists:”，其下每个代码表一项", en: "expected 'lists:' with one entry per code list")
        case .defDuplicateCode: return Localized(zh: "代码表“{1}”中代码 {0} 出现了两次", en: "code {0} appears twice in list '{1}'")
        case .defEmptyCodeList: return Localized(zh: "代码表“{0}”没有任何代码", en: "code list '{0}' has no codes")
        case .defRoleNamesNoQuestion: return Localized(zh: "角色 {0} 指定的问题“{1}”不存在", en: "role '{0}' names no question '{1}'")
        case .defRoleWrongType: return Localized(zh: "角色 {0} 需要 {1} 类型的问题，但“{2}”是 {3}", en: "role '{0}' needs a {1} question, but '{2}' is {3}")
        case .defHeadCodeNotInList: return Localized(zh: "角色 head：代码 {0} 不在“{2}”的代码表“{1}”中", en: "role 'head': code {0} is not in list '{1}' of '{2}'")
        case .defRoleNeedsMemberQuestion: return Localized(zh: "角色 {0} 必须是人员名册中的问题，但“{1}”是每户只问一次的问题", en: "role '{0}' must be a question of a roster of people, but '{1}' is asked once per household")
        case .defRoleNeedsHouseholdQuestion: return Localized(zh: "角色 {0} 必须是户级问题，但“{1}”是名册“{2}”中逐行填写的问题", en: "role '{0}' must be a household question, but '{1}' is asked per row of '{2}'")
        case .defRoleInOtherRoster: return Localized(zh: "角色 {0} 必须在角色 head 所在的名册“{1}”中询问，而不是在“{2}”中", en: "role '{0}' must be asked in '{1}', the roster of role 'head', not in '{2}'")
        case .defUnknownMonitoringRule: return Localized(zh: "没有监测规则“{0}”（应为 income_below_line 或 rigid_expenses）", en: "unknown monitoring rule '{0}' (expected income_below_line or rigid_expenses)")
        case .defNotPositive: return Localized(zh: "{0} 必须大于零", en: "{0} must be positive")
        case .defMigrationFromThisVersion: return Localized(zh: "迁移的来源版本不能是本版本 {0}", en: "a migration cannot be from this very version {0}")
        case .defMigrationUnknownQuestion: return Localized(zh: "本版本没有可填写的问题“{0}”", en: "this version has no question '{0}' that is answered")
        case .defMigrationQuestionStillAsked: return Localized(zh: "问题“{0}”在本版本中仍然存在，不能作为改名或删除前的旧名称", en: "'{0}' is still a question of this version: it cannot be the old name of a rename or a removed question")
        case .defMigrationRenamedTwice: return Localized(zh: "两个旧问题都改名为“{0}”", en: "two old questions are renamed to '{0}'")
        case .defMigrationOneStep: return Localized(zh: "每一步只能写一项：{0}", en: "each step names exactly one of {0}")
        case .defMigrationCodeNotInList: return Localized(zh: "代码 {0} 不在本版本的代码表“{1}”中", en: "code {0} is not in this version's list '{1}'")
        case .defIncomeLineNotPositive: return Localized(zh: "收入标准线必须大于零", en: "an income line must be positive")
        case .defLabourAgeReversed: return Localized(zh: "labour_age.{0}：min {1} 大于 max {2}", en: "labour_age.{0}: min {1} is above max {2}")
        case .defGuaranteeNeedsOneTest: return Localized(zh: "保障条目“{0}”须在 member_fails 和 household_fails 中恰好写一个", en: "guarantee '{0}' needs exactly one of member_fails or household_fails")
        case .defMemberFailsNeedsMembers: return Localized(zh: "使用 member_fails 需要一个名为“members”的名册", en: "member_fails needs a roster named 'members'")
        case .defUnknownReasonField: return Localized(zh: "保障条目“{1}”的 reason 中有不存在的问题“{{0}}”", en: "unknown field '{{0}}' in the reason of guarantee '{1}'")
        case .partKey: return Localized(zh: "“{0}”", en: "{0}")
        case .partQuestionnaire: return Localized(zh: "问卷", en: "the questionnaire")
        case .partRoster: return Localized(zh: "名册", en: "a roster")
        case .partSection: return Localized(zh: "部分", en: "a section")
        case .partQuestion: return Localized(zh: "问题", en: "a question")
        case .partCheck: return Localized(zh: "检查", en: "a check")
        case .partConstraint: return Localized(zh: "约束", en: "a constraint")
        case .partCodeLists: return Localized(zh: "代码表文件", en: "the code lists")
        case .partCode: return Localized(zh: "代码项", en: "a code")
        case .partRoles: return Localized(zh: "角色", en: "the roles")
        case .partHeadRole: return Localized(zh: "角色 head", en: "role 'head'")
        case .partStandards: return Localized(zh: "标准", en: "the standards")
        case .partIncomeLine: return Localized(zh: "收入标准线", en: "an income line")
        case .partGuarantee: return Localized(zh: "保障条目", en: "a guarantee")
        case .partRosterID: return Localized(zh: "名册 id", en: "roster id")
        case .partSectionFileName: return Localized(zh: "部分的文件名", en: "a section file name")
        case .partSectionID: return Localized(zh: "部分 id", en: "section id")
        case .partQuestionID: return Localized(zh: "问题 id", en: "question id")
        case .partCheckID: return Localized(zh: "检查 id", en: "check id")
        case .partListID: return Localized(zh: "代码表 id", en: "a list id")
        case .partExpression: return Localized(zh: "表达式", en: "an expression")
        case .partHeadCode: return Localized(zh: "户主的代码", en: "the head's code")
        case .partCodesOf: return Localized(zh: "代码表“{0}”的代码", en: "the codes of '{0}'")
        case .partQuestionOfRole: return Localized(zh: "角色 {0} 的问题", en: "the question of role '{0}'")
        // MARK: Store · DeviceCertificate.swift
        case .enumerator: return Localized(zh: "调查员", en: "enumerator")
        case .supervisor: return Localized(zh: "乡镇审核员", en: "supervisor")
        case .hub: return Localized(zh: "县级中心", en: "hub")
        // MARK: Store · CountyAuthority.swift
        case .notCountyFolder: return Localized(zh: "{0} 不是县级密钥目录（先运行 hufang county init --out {0}）", en: "{0} is not a county folder (make one with hufang county init --out {0})")
        case .alreadyHoldsCountyKeys: return Localized(zh: "{0} 已有县级密钥，不会覆盖", en: "{0} already holds county keys; they are never overwritten")
        case .notCountyFile: return Localized(zh: "{0} 不是户访的县级文件或证书", en: "{0} is not a hufang county file or certificate")
        case .notSignedByCounty: return Localized(zh: "签名不是本县的：文件被改动过，或来自别的县", en: "not signed by this county: altered, or from another county")
        case .otherCounty: return Localized(zh: "属于县 {0}，本库信任的是县 {1}", en: "belongs to county {0}; this store trusts county {1}")
        case .certificateNotThisDevice: return Localized(zh: "证书是给设备 {0} 的，不是本机", en: "the certificate is for device {0}, not this one")
        case .certificateNotThisKey: return Localized(zh: "证书上的密钥不是本机的密钥", en: "the certificate names a key other than this device's")
        case .certificateExpired: return Localized(zh: "证书已于 {0} 到期", en: "the certificate expired on {0}")
        case .noCountyTrusted: return Localized(zh: "本库尚未信任任何县（hufang county trust --db 库 county.json）", en: "this store trusts no county yet (hufang county trust --db STORE county.json)")
        case .revocationListOlderThan: return Localized(zh: "吊销名单第 {0} 号比本库已有的第 {1} 号旧，未使用", en: "revocation list {0} is older than list {1} already installed; not used")
        case .badScope: return Localized(zh: "范围不对：{0}", en: "bad scope: {0}")
        case .notEnrolled: return Localized(zh: "本机尚未登记（hufang enrol --db 库 证书）", en: "this device is not enrolled (hufang enrol --db STORE CERTIFICATE)")
        // MARK: Store · ProcedureRecord.swift
        case .outcomeExit: return Localized(zh: "脱贫", en: "exit")
        case .outcomeRemoval: return Localized(zh: "清退", en: "removal")
        case .outcomeNew: return Localized(zh: "新纳入", en: "newly included")
        case .outcomeReturned: return Localized(zh: "返贫", en: "returned to poverty")
        case .outcomeMonitoring: return Localized(zh: "纳入防返贫监测", en: "put under monitoring")
        case .stepApplication: return Localized(zh: "本户手写申请", en: "the household's handwritten application")
        case .stepAppraisal: return Localized(zh: "民主评议", en: "democratic appraisal")
        case .stepConsent: return Localized(zh: "本户认可签字", en: "the household's consent")
        case .stepNotice: return Localized(zh: "公示", en: "public notice")
        case .stepComparison: return Localized(zh: "信息比对", en: "comparison with department records")
        case .stepAnnouncement: return Localized(zh: "公告", en: "announcement")
        case .stepNotification: return Localized(zh: "告知", en: "notification")
        case .stepNumbered: return Localized(zh: "第{1}次{0}", en: "{0} {1}")
        case .stepPassed: return Localized(zh: "无异议", en: "passed")
        case .stepObjected: return Localized(zh: "有异议", en: "objected")
        case .procedureProposed: return Localized(zh: "拟调整", en: "proposed")
        case .procedureDecided: return Localized(zh: "已确定", en: "decided")
        case .procedureDropped: return Localized(zh: "已撤销", en: "dropped")
        // MARK: Store · ProcedureRules.swift
        case .procNoPeriods: return Localized(zh: "standards.yaml 没有设定公示、公告天数（procedures:），不能确定结果", en: "standards.yaml sets no notice periods (procedures:): no outcome can be decided")
        case .procMissingStep: return Localized(zh: "程序不完整：还没有记录“{0}”", en: "the procedure is incomplete: {0} is not recorded yet")
        case .procStepObjected: return Localized(zh: "“{0}”有异议，不能确定结果；处理异议后重新记录，或撤销", en: "{0}: objected, so the outcome cannot be decided; record the step again once the objection is settled, or drop the procedure")
        case .procPeriodTooShort: return Localized(zh: "“{0}”只有{1}天，标准要求不少于{2}天", en: "the {0} ran {1} days; the standards require at least {2}")
        case .procPeriodNotEnded: return Localized(zh: "“{0}”需要起止日期（--from 和 --to）", en: "{0} needs its first and last day (--from and --to)")
        case .procEndBeforeStart: return Localized(zh: "“{0}”的结束日期早于开始日期", en: "{0} ends before it starts")
        case .procOutOfOrder: return Localized(zh: "“{0}”的日期早于它之前的“{1}”", en: "{0} is dated before {1}, which it must follow")
        case .procNotInProcedure: return Localized(zh: "“{0}”的程序没有“{1}”这一步", en: "the procedure for {0} has no step {1}")
        case .procNoProcedure: return Localized(zh: "户 {0} 在{1}年没有拟调整的程序：先用 hufang procedure propose", en: "household {0} has no procedure in {1}: propose one first (hufang procedure propose)")
        case .procClosed: return Localized(zh: "这一程序{0}，不能再修改", en: "this procedure is {0}: it cannot change any more")
        case .procHasSteps: return Localized(zh: "已经记录了程序步骤，不能再改拟调整类型；先撤销（decide --drop）", en: "steps are recorded: the proposed outcome cannot change; drop the procedure first (decide --drop)")
        case .procNeedsCategory: return Localized(zh: "纳入监测要写明监测类型（--category）", en: "monitoring needs its category (--category)")
        case .procCategoryOnlyMonitoring: return Localized(zh: "只有纳入监测才有监测类型（--category）", en: "only monitoring takes a category (--category)")
        case .procUnknownCategory: return Localized(zh: "standards.yaml 没有监测类型“{0}”", en: "standards.yaml has no monitoring category '{0}'")
        case .bundleProcedureNotDecidable: return Localized(zh: "数据包把户 {0} 的{1}年程序定为已确定，但按本库标准不能确定：{2}", en: "the bundle marks the {1} procedure of household {0} decided, but this store's rules refuse it: {2}")
        case .bundleOtherQuestionnaire: return Localized(zh: "数据包的答案来自问卷“{0}”，本库使用问卷“{1}”", en: "the bundle's answers are of questionnaire '{0}'; this store uses '{1}'")
        case .bundleQuestionnaireVersion: return Localized(zh: "数据包的答案来自问卷版本 {0}，本库的问卷是版本 {1}，只能从版本 {2} 迁移：请双方使用同一版本的问卷，或为本库的问卷写好从 {0} 的迁移", en: "the bundle's answers are of questionnaire version {0}; this store's questionnaire is version {1} and migrates only from version {2}: use the same version on both sides, or give this store's questionnaire a migration from {0}")
        case .procEmptyReason: return Localized(zh: "要写明理由（--reason），公示名单上会列出", en: "give a reason (--reason): the notice list shows it")
        // MARK: CLI · ProcedureCommands.swift
        case .noticeTitle: return Localized(zh: "{0}村 {1}年 贫困户动态调整公示名单", en: "Village {0}: households proposed for adjustment in {1}")
        case .noticeHeaderNo: return Localized(zh: "序号", en: "No.")
        case .noticeHeaderHousehold: return Localized(zh: "户号", en: "Household")
        case .noticeHeaderHead: return Localized(zh: "户主姓名", en: "Head")
        case .noticeHeaderID: return Localized(zh: "身份证号码", en: "ID number")
        case .noticeHeaderOutcome: return Localized(zh: "拟调整类型", en: "Proposed")
        case .noticeHeaderReason: return Localized(zh: "理由", en: "Reason")
        case .noticePeriodLine: return Localized(zh: "公示期不少于{0}天。对名单有异议的，请在公示期内向村委会或驻村工作队反映。", en: "The notice runs at least {0} days. Objections go to the village committee or the resident work team within that time.")
        case .noticeFooter: return Localized(zh: "村民委员会（盖章）            年    月    日", en: "Village committee (seal)            date")
        case .noticeEmpty: return Localized(zh: "（本村本年没有拟调整的户）", en: "(no household of this village is proposed this year)")
        case .noticeWritten: return Localized(zh: "公示名单已写入 {0}（{1} 户）", en: "Notice list written to {0} ({1} households)")
        case .cliUnknownOutcome: return Localized(zh: "没有调整类型“{0}”（可用：{1}）", en: "unknown outcome '{0}' (use one of: {1})")
        case .cliUnknownStep: return Localized(zh: "没有程序步骤“{0}”（可用：{1}）", en: "unknown step '{0}' (use one of: {1})")
        case .cliRoundYear: return Localized(zh: "年度 {0} 不对：应在 2000 到 2100 之间", en: "{0} is not a survey year: it must be between 2000 and 2100")
        case .cliRoundWhich: return Localized(zh: "请给出 --village（全村各户）或 --household（一户），二者选一", en: "Give either --village (every household of the village) or --household (one household)")
        case .cliRoundDayYear: return Localized(zh: "调查基准日 {0} 不在 {1} 年度内：请用 --day 给出该年度的日期", en: "The reference day {0} is not in {1}: give a day of that year with --day")
        case .roundStartedLine: return Localized(zh: "第 {0} 户：已开始 {1} 年度的调查，带入 {2} 行（成员等）", en: "Household {0}: its {1} round has started, {2} rows (members and others) carried over")
        case .roundStartedVillage: return Localized(zh: "{0} 村：{2} 户开始了 {1} 年度的调查，{3} 户原已开始或更新", en: "Village {0}: {2} households started their {1} round; {3} had started it or a later one already")
        case .cliBadDay: return Localized(zh: "日期“{0}”不对，应为 2020-11-11 这样的格式", en: "'{0}' is not a day: write it like 2020-11-11")
        case .procedureProposedLine: return Localized(zh: "已记录：{0}年 户 {1} 拟{2}（{3}）", en: "Recorded: in {0}, household {1} proposed for {2} ({3})")
        case .procedureStepLine: return Localized(zh: "已记录：{0} {1} {2}", en: "Recorded: {0} {1} {2}")
        case .procedureStepWarning: return Localized(zh: "注意：{0}。这一步已按实际记录，结果要等重新{1}后才能确定。", en: "Note: {0}. The step is recorded as it happened; the outcome cannot be decided until the {1} is held again.")
        case .procedureDecidedLine: return Localized(zh: "已确定：{0}年 户 {1} {2}", en: "Decided: in {0}, household {1}: {2}")
        case .procedureDroppedLine: return Localized(zh: "已撤销：{0}年 户 {1} 的{2}", en: "Dropped: the {2} of household {1} in {0}")
        case .procedureShowHeader: return Localized(zh: "{0}年 户 {1}：{2}（{3}），理由：{4}", en: "{0}, household {1}: {2} ({3}), reason: {4}")
        case .procedureShowStep: return Localized(zh: "  ✓ {0}  {1}  {2}  — {3}", en: "  ✓ {0}  {1}  {2}  — {3}")
        case .procedureShowMissing: return Localized(zh: "  · {0}  （未记录）", en: "  · {0}  (not recorded)")
        case .procedureNone: return Localized(zh: "户 {0} 在{1}年没有拟调整的程序", en: "household {0} has no procedure in {1}")
        // MARK: Store · ConflictQueue.swift
        case .noSuchConflict: return Localized(zh: "没有这条冲突：{0}", en: "no such conflict: {0}")
        case .ambiguousConflict: return Localized(zh: "“{0}”对应多条冲突，请写完整编号", en: "\"{0}\" matches several conflicts; give the whole id")
        case .conflictAlreadyResolved: return Localized(zh: "冲突 {0} 已处理过", en: "conflict {0} is already resolved")
        case .conflictBadValue: return Localized(zh: "“{0}”不是有效的{1}值", en: "\"{0}\" is not a valid {1} value")
        // MARK: Store · ExportRefusal.swift
        case .keyFileNotDevice: return Localized(zh: "密钥文件{0}不是本机的密钥（其指纹 {1}，本库记录的本机指纹 {2}）：未导出，未编号，什么也没写。请放回本机原来的密钥文件再导出", en: "The key file {0} is not this device's key (its fingerprint {1}; this store's device has {2}): nothing was exported, numbered or written. Put this device's own key file back, then export")
        case .exportStoreAlreadyRunning: return Localized(zh: "这个数据库正在导出数据包（另一个 hufang bundle export 持有{0}）：请等它完成后再试，什么也没改动", en: "An export of this store is already running (another hufang bundle export holds {0}): wait for it to finish and try again; nothing was changed")
        // MARK: Store · DeviceTrust.swift
        case .notHufangPublicKey: return Localized(zh: "{0} 不是户访公钥文件", en: "{0} is not a hufang public key file")
        case .deviceOwnKey: return Localized(zh: "这是本机自己的公钥", en: "that is this device's own key")
        case .deviceAlreadyTrustedAnother: return Localized(zh: "设备 {0} 已用另一把密钥信任过；若确为换了密钥，先吊销再信任", en: "device {0} is already trusted with another key; revoke it first if the key really changed")
        case .noSuchDevice: return Localized(zh: "没有这台设备：{0}", en: "no such device: {0}")
        case .ambiguousDevice: return Localized(zh: "“{0}”对应多台设备，请写完整的设备号", en: "\"{0}\" matches several devices; give the whole id")
        // MARK: Store · BundleRejection.swift
        case .emptyFile: return Localized(zh: "空文件", en: "empty file")
        case .truncatedFile: return Localized(zh: "文件不完整（被截断）", en: "truncated file")
        case .damagedNotHufangBundle: return Localized(zh: "文件已损坏或不是户访数据包", en: "damaged, or not a hufang bundle")
        case .unreadableManifest: return Localized(zh: "清单无法读取", en: "unreadable manifest")
        case .unsupportedBundleFormatUpgrade: return Localized(zh: "不支持的数据包格式 {0}，请升级户访", en: "unsupported bundle format {0}; upgrade hufang")
        case .deviceFingerprintNotTrusted: return Localized(zh: "设备 {0}（指纹 {1}）未被信任；核对指纹后用 hufang devices trust 信任它", en: "device {0} (fingerprint {1}) is not trusted; check its fingerprint and use hufang devices trust")
        case .signedKeyOtherThan: return Localized(zh: "签名密钥与已信任的设备 {0} 的密钥不符", en: "signed with a key other than the one trusted for device {0}")
        case .badSignatureFileAltered: return Localized(zh: "签名无效：文件被改动过", en: "bad signature: the file was altered")
        case .deviceRevokedSequence: return Localized(zh: "设备 {0} 的密钥已从第 {1} 号数据包起吊销", en: "device {0} is revoked from sequence {1}")
        case .schemaMismatchTheirsOurs: return Localized(zh: "数据结构不一致（对方 {0}，本库 {1}）：双方须使用同一版本的户访", en: "schema mismatch (theirs {0}, ours {1}): both sides need the same hufang version")
        case .payloadDoesNotMatch: return Localized(zh: "数据内容与清单不符（长度或校验值）", en: "payload does not match the manifest (length or hash)")
        case .forkAnotherBundleSequence: return Localized(zh: "序号 {0} 已有另一个内容不同的数据包（分叉）", en: "fork: another bundle with sequence {0} was already applied")
        case .sealedCountyKeyStore: return Localized(zh: "数据包已加密给县级密钥，本库没有该私钥", en: "sealed to the county key, and this store does not hold its private key")
        case .cannotDecryptWrongCounty: return Localized(zh: "无法解密：县级私钥不对或内容被改动", en: "cannot decrypt: wrong county key, or altered content")
        case .changesCannotApplied: return Localized(zh: "更改内容无法应用：{0}", en: "the changes cannot be applied: {0}")
        case .fileMoreThanBundle: return Localized(zh: "文件有 {0}，超过数据包上限 {1}，未读取", en: "the file is {0}, more than the {1} a bundle may be; not read")
        case .declaresChangesMoreThan: return Localized(zh: "声明的更改有 {0}，超过数据包上限 {1}", en: "declares {0} of changes, more than the {1} a bundle may hold")
        case .doesNotInflateBytes: return Localized(zh: "解压后的长度与清单声明的 {0} 字节不符", en: "does not inflate to the {0} bytes its manifest declares")
        case .manifestDeclaresChangesPayload: return Localized(zh: "清单说有 {0} 项更改，实际为 {1} 项", en: "the manifest declares {0} changes, the payload holds {1}")
        case .deviceCertificateNotSigned: return Localized(zh: "设备 {0} 的证书不是本库信任的县签发的", en: "device {0}'s certificate is not signed by the county this store trusts")
        case .certificateDoesNotMatch: return Localized(zh: "证书与签名不符：证书上的设备或密钥不是签名的设备 {0}", en: "the certificate does not match the signature: its device or key is not the signer {0}")
        case .deviceCertificateExpired: return Localized(zh: "设备 {0} 的证书已于 {1} 到期", en: "device {0}'s certificate expired on {1}")
        case .appliedChanges: return Localized(zh: "已应用 {0} 项更改 (applied {0} changes)", en: "applied {0} changes")
        case .appliedConflicts: return Localized(zh: "，{0} 处冲突待处理", en: ", {0} conflicts to resolve")
        case .heldSequenceRejected: return Localized(zh: "；暂存的第 {0} 号包被拒收 (held sequence {0}: rejected)：{1}", en: "; held sequence {0}: rejected: {1}")
        case .thenHeldSequenceApplied: return Localized(zh: "；随后应用了暂存的第 {0} 号包，{1} 项更改", en: "; then held sequence {0}: applied {1} changes")
        case .heldConflicts: return Localized(zh: "，{0} 处冲突", en: ", {0} conflicts")
        case .outcomeDuplicate: return Localized(zh: "重复，已导入过 (duplicate)", en: "duplicate")
        case .heldWaitingSequence: return Localized(zh: "暂存：等待第 {0} 号包 (held: waiting for sequence {0})", en: "held: waiting for sequence {0}")
        case .outcomeRejected: return Localized(zh: "拒收 (rejected)：{0}", en: "rejected: {0}")
        // MARK: Store · BundleExport.swift
        case .collectingChanges: return Localized(zh: "合并更改", en: "collecting changes")
        case .writingFile: return Localized(zh: "写入文件", en: "writing file")
        case .verifying: return Localized(zh: "校验", en: "verifying")
        case .applyingChanges: return Localized(zh: "应用更改", en: "applying changes")
        case .bundleWriteFailed: return Localized(zh: "无法写入 {0}：{1}。更改已封存在本机，下次导出时会再次写出（U盘是否已拔出或已满？）", en: "Cannot write {0}: {1}. The changes are sealed on this laptop and the next export writes them (is the USB stick full or unplugged?)")
        // MARK: Store · StoreError.swift
        case .storeBusy: return Localized(zh: "数据库{0}正被另一个户访程序写入，请等它完成后再试（已录入的数据不受影响）", en: "The store {0} is being written by another hufang; try again when it has finished (nothing entered is lost)")
        case .notHufangStore: return Localized(zh: "{0}不是户访数据库", en: "{0} is not a hufang store")
        case .cannotOpenStore: return Localized(zh: "无法打开数据库{0}：{1}", en: "Cannot open the store {0}: {1}")
        case .noSuchHousehold: return Localized(zh: "没有这一户：{0}", en: "No such household: {0}")
        case .damagedValue: return Localized(zh: "户{0}的{1}数据已损坏", en: "The value of {1} in household {0} is damaged")
        case .noSuchComment: return Localized(zh: "没有这条审核意见：{0}", en: "No such comment: {0}")
        case .storeReadOnly: return Localized(zh: "数据库{0}是只读的（你对这个文件或它所在的文件夹没有写权限），什么也没改动。要修改它：请文件的主人开放写权限（chmod u+w 文件及文件夹），或把它复制到你自己的文件夹，再用 --db 指向副本。只读的命令（导出、设备列表、概览、冲突列表）照常可用", en: "The store {0} is read-only (you may not write this file or its folder); nothing was changed. To change it, have its owner allow writing (chmod u+w on the file and its folder), or copy it into a folder of your own and point --db at the copy. Reading commands (export, devices, dashboard, conflicts) work as they are")
        case .storeNotClosedCleanly: return Localized(zh: "数据库{0}上次没有正常关闭，还有未并入的更改（{0}-wal），只读时无法读取：请文件的主人用户访打开一次，或把 {0} 和 {0}-wal 一起复制到你自己的文件夹", en: "The store {0} was not closed cleanly and holds changes not yet merged ({0}-wal) that cannot be read without write access: have its owner open it once with hufang, or copy {0} together with {0}-wal into a folder of your own")
        case .storeAlreadyExists: return Localized(zh: "{0}已存在：不会覆盖已有数据", en: "{0} already exists: existing data is never overwritten")
        case .householdCannotMigrate: return Localized(zh: "第 {0} 户不能从问卷版本 {1} 迁移到 {2}，什么也没有改动：", en: "Household {0} cannot migrate from questionnaire version {1} to {2}; nothing was changed:")
        case .householdNoMigration: return Localized(zh: "第 {0} 户是问卷版本 {1}，本问卷（{2}）只能从版本 {3} 迁移", en: "Household {0} is of questionnaire version {1}; this questionnaire ({2}) migrates only from version {3}")
        case .roundEarlier: return Localized(zh: "第 {0} 户 {1} 年度的记录只能查看：已经开始了 {2} 年度的调查，请在新年度里修改", en: "Household {0}'s {1} round can only be read: its {2} round has started; make changes there")
        case .roundAlreadyStarted: return Localized(zh: "第 {0} 户已经开始了 {1} 年度的调查", en: "Household {0}'s {1} round has already started")
        case .roundNotAfter: return Localized(zh: "第 {0} 户不能开始 {1} 年度的调查：它最新的记录是 {2} 年度的，新年度必须在它之后", en: "Household {0} cannot start a {1} round: its newest round is of {2}, and a new round must come after it")
        case .noSuchStoreFile: return Localized(zh: "文件不存在 (no such file); create it with `hufang init --db {0}`", en: "no such file; create it with `hufang init --db {0}`")
        // MARK: Store · DeviceKey.swift
        case .keyFileAlreadyExists: return Localized(zh: "密钥文件{0}已存在，不会覆盖", en: "The key file {0} already exists; it is never overwritten")
        case .cannotUseKeyFile: return Localized(zh: "无法读写密钥文件{0}：{1}", en: "Cannot use the key file {0}: {1}")
        case .keyFileDamaged: return Localized(zh: "密钥文件{0}已损坏", en: "The key file {0} is damaged")
        case .keyFileTooOpen: return Localized(zh: "密钥文件{0}的权限为{1}，他人可读；请执行 chmod 600 {0}", en: "The key file {0} has mode {1} and others can read it; run chmod 600 {0}")
        // MARK: Store · ChangesetCheck.swift
        case .changeTable: return Localized(zh: "第 {0} 项更改（表 {1}", en: "change {0} (table {1}")
        case .changeHousehold: return Localized(zh: "，户 {0}", en: ", household {0}")
        case .closeParenColon: return Localized(zh: "）：", en: "): ")
        case .localTable: return Localized(zh: "这张表只属于本库，数据包不能写入", en: "this table belongs to the store itself; no bundle may write it")
        case .columnMayNotChange: return Localized(zh: "不允许修改 {0}", en: "{0} may not be changed")
        case .schemaMismatch: return Localized(zh: "列与本库的表结构不符", en: "its columns do not match this store's table")
        case .colon: return Localized(zh: "：", en: ": ")
        case .roleMayNotCarry: return Localized(zh: "{0}的数据包不能带这项更改", en: "a bundle of an {0} may not carry this change")
        case .villageOutOfScope: return Localized(zh: "村 {0} 不在签名设备的证书范围内", en: "village {0} is outside the signing device's certificate")
        case .changeKey: return Localized(zh: "，{0}", en: ", {0}")
        case .operationNotAllowed: return Localized(zh: "数据包格式不允许{0}这张表的行", en: "the bundle format does not allow a {0} in this table")
        case .operationInsert: return Localized(zh: "插入", en: "insert")
        case .operationUpdate: return Localized(zh: "修改", en: "update")
        case .operationDelete: return Localized(zh: "删除", en: "delete")
        case .columnUnreadable: return Localized(zh: "{0} 的内容无法读取（不是 UTF-8 文字）", en: "{0}: unreadable (not UTF-8 text)")
        case .unreadable: return Localized(zh: "内容无法读取（不是 UTF-8 文字）", en: "unreadable (not UTF-8 text)")
        // MARK: Store · RowProblem.swift
        case .rowMissing: return Localized(zh: "缺少此项", en: "missing")
        case .notUUID: return Localized(zh: "{0} 不是UUID", en: "{0} is not a UUID")
        case .notRowID: return Localized(zh: "{0} 不是行号（UUID，户级问题为空）", en: "{0} is not a row id (a UUID, or empty for the household)")
        case .tooLong: return Localized(zh: "太长（最多 {0} 个字）", en: "too long (at most {0} characters)")
        case .containsNulCharacter: return Localized(zh: "含有空字符（NUL）", en: "contains a NUL character")
        case .notTimestamp: return Localized(zh: "{0} 不是时间（应为 2020-11-20T08:00:00.000Z）", en: "{0} is not a time (expected 2020-11-20T08:00:00.000Z)")
        case .notDay: return Localized(zh: "{0} 不是日期（应为 YYYY-MM-DD）", en: "{0} is not a date (expected YYYY-MM-DD)")
        case .notLogicalClock: return Localized(zh: "{0} 不是逻辑时钟", en: "{0} is not a logical clock")
        case .outOfRange: return Localized(zh: "{0} 超出范围 {1}…{2}", en: "{0} is outside {1}…{2}")
        case .notFiniteNumber: return Localized(zh: "不是有限的数", en: "not a finite number")
        case .unknownQuestion: return Localized(zh: "问卷中没有问题 {0}", en: "no question {0} in the questionnaire")
        case .calculatedCannotBeWritten: return Localized(zh: "{0} 是计算项，不能写入", en: "{0} is calculated and cannot be written")
        case .questionNeedsRow: return Localized(zh: "{0} 是名册问题，须有行号", en: "{0} is asked per row and needs a row id")
        case .questionTakesNoRow: return Localized(zh: "{0} 是户级问题，不能有行号", en: "{0} is asked once per household and takes no row id")
        case .unknownRoster: return Localized(zh: "问卷中没有名册 {0}", en: "no roster {0} in the questionnaire")
        case .unknownCheck: return Localized(zh: "问卷中没有检查 {0}", en: "no check {0} in the questionnaire")
        case .questionTakesType: return Localized(zh: "{0} 应为 {1}，实为 {2}", en: "{0} takes {1}, not {2}")
        case .notAValue: return Localized(zh: "{0} 不是有效的 {1} 值", en: "{0} is not a valid {1} value")
        case .notWholeNumber: return Localized(zh: "{0} 不是整数", en: "{0} is not a whole number")
        case .codeNotCodeList: return Localized(zh: "代码 {0} 不在 {1} 的代码表中", en: "code {0} is not in the code list of {1}")
        case .expectedListMostTwo: return Localized(zh: "应为最多两项的列表", en: "expected a list of at most two values")
        case .clockBelongsAnotherDevice: return Localized(zh: "时钟 {0} 属于另一台设备，不是签名者", en: "clock {0} belongs to another device, not the signer")
        case .expectedStorage: return Localized(zh: "应为{0}", en: "expected {0}")
        case .notInVocabulary: return Localized(zh: "{0} 不是可用的值（{1}）", en: "{0} is not one of {1}")
        case .storageText: return Localized(zh: "文字", en: "text")
        case .storageInteger: return Localized(zh: "整数", en: "integer")
        case .storageNumber: return Localized(zh: "数字", en: "number")
        case .storageBoolean: return Localized(zh: "是否值", en: "boolean")
        // MARK: Store · HouseholdJSON.swift
        case .importRefusedNothingChanged: return Localized(zh: "导入失败，未做任何修改。位置 {0}：{1}", en: "Import refused, nothing changed. At {0}: {1}")
        case .importInvalidUTF8: return Localized(zh: "第 {0} 行第 {1} 列（字节 {2}）不是有效的UTF-8 (invalid UTF-8 at line {0}, column {1}, byte {2})", en: "invalid UTF-8 at line {0}, column {1}, byte {2}")
        case .importNotJSON: return Localized(zh: "不是有效的JSON (not valid JSON): {0}", en: "not valid JSON: {0}")
        case .importNotHouseholdFile: return Localized(zh: "应为 {0}，实为 {1} (not a hufang household file)", en: "expected {0}, found {1}: not a hufang household file")
        case .importUnsupportedVersion: return Localized(zh: "不支持的版本 {0} (unsupported version)", en: "unsupported version {0}")
        case .importHouseholdTwice: return Localized(zh: "同一户出现两次 (household appears twice): {0}", en: "household appears twice: {0}")
        case .importNotItsHousehold: return Localized(zh: "与所属户不符 (does not match its household): {0}", en: "does not match its household: {0}")
        case .importNoSuchRow: return Localized(zh: "该户没有这一行 (no such row in this household): {0}", en: "no such row in this household: {0}")
        case .importAppearsTwice: return Localized(zh: "出现两次 (appears twice): {0}", en: "appears twice: {0}")
        case .importHouseholdInStore: return Localized(zh: "本库已有这一户 (already in this store): {0}", en: "already in this store: {0}")
        case .importRecordInStore: return Localized(zh: "本库已有同一编号的记录 (a record with this id is already in the store)", en: "a record with this id is already in the store")
        case .importMissing: return Localized(zh: "缺少此项 (missing)", en: "missing")
        case .importWrongType: return Localized(zh: "类型不对，应为{0} (wrong type, expected {0})", en: "wrong type, expected {0}")
        case .importNull: return Localized(zh: "值为空，应为{0} (null, expected {0})", en: "null, expected {0}")
        case .importDamaged: return Localized(zh: "文件损坏或不是JSON (damaged or not JSON): {0}", en: "damaged or not JSON: {0}")
        case .importRowProblem: return Localized(zh: "{0} ({1})", en: "{1}")
        // MARK: Store · HouseholdCard.swift
        case .povertyRegistrationHouseholdRecord: return Localized(zh: "建档立卡贫困户信息采集表（一户一档）", en: "Poverty registration household record (one file per household)")
        case .village: return Localized(zh: "村代码", en: "Village")
        case .householdNo: return Localized(zh: "户编号", en: "Household no")
        case .head: return Localized(zh: "户主", en: "Head")
        case .status: return Localized(zh: "状态", en: "Status")
        case .cardEnumerator: return Localized(zh: "调查员", en: "Enumerator")
        case .householdId: return Localized(zh: "户ID", en: "Household id")
        case .none: return Localized(zh: "  （无）", en: "  (none)")
        case .assessment: return Localized(zh: "评估", en: "Assessment")
        case .perCapitaNetIncome: return Localized(zh: "  人均纯收入：{0} 元（标准 {1} 元）", en: "  Per-capita net income: {0} yuan (line {1} yuan)")
        case .answersMissing: return Localized(zh: "：信息不全", en: ": answers missing")
        case .suggested: return Localized(zh: "评估建议", en: "Suggested")
        case .review: return Localized(zh: "审核", en: "Review")
        // MARK: Store · SectionCSV.swift
        case .csvHouseholdID: return Localized(zh: "户ID", en: "household id")
        case .csvVillageCode: return Localized(zh: "村代码", en: "village code")
        case .csvHouseholdNo: return Localized(zh: "户编号", en: "household no")
        case .csvHead: return Localized(zh: "户主姓名", en: "head")
        case .csvStatus: return Localized(zh: "状态", en: "status")
        case .csvRowNo: return Localized(zh: "序号", en: "no")
        case .csvName: return Localized(zh: "姓名", en: "name")
        // MARK: TUI · CertificateNotice.swift
        case .certificateExpiredNotice: return Localized(zh: "本机证书已于 {0} 到期：县里将拒收本机的新数据包，请重新登记", en: "Certificate expired {0}: the county refuses new bundles; enrol again")
        case .certificateExpiresToday: return Localized(zh: "本机证书今天（{0}）到期，请联系县里重新登记", en: "Device certificate expires today ({0}): ask the county to enrol again")
        case .certificateExpiresSoon: return Localized(zh: "本机证书将于 {0} 到期（{1}），请联系县里重新登记", en: "Device certificate expires {0} ({1}): ask the county to enrol again")
        case .oneDayLeft: return Localized(zh: "还有 1 天", en: "1 day")
        case .daysLeft: return Localized(zh: "还有 {0} 天", en: "{0} days")
        // MARK: TUI · FieldInput.swift
        case .expectsIDNumber: return Localized(zh: "18位身份证号", en: "18-character ID number")
        case .expectsCode: return Localized(zh: "输入代码或选项文字", en: "type the code or part of the label")
        case .expectsCodes: return Localized(zh: "可多选，代码用空格分开", en: "several codes, separated by spaces")
        case .expectsYesNo: return Localized(zh: "1 是 / 2 否", en: "1 yes / 2 no")
        case .expectsDate: return Localized(zh: "日期，如 2020-11-20", en: "a date, e.g. 2020-11-20")
        case .inputNotInteger: return Localized(zh: "请输入整数（只能是数字）", en: "Please type a whole number (digits only)")
        case .inputNotNumber: return Localized(zh: "请输入数字", en: "Please type a number")
        case .inputNotDate: return Localized(zh: "日期格式不对，请按 2020-11-20 输入", en: "Not a date: type it as 2020-11-20")
        case .noOptionMatches: return Localized(zh: "没有与“{0}”对应的选项", en: "No option matches “{0}”")
        case .inputTooLong: return Localized(zh: "最多只能输入{0}个字", en: "At most {0} characters")
        case .inputNotInName: return Localized(zh: "姓名中不能有“{0}”：只能是文字、间隔号·、空格或连字符", en: "A name cannot hold “{0}”: letters, the middle dot ·, spaces and hyphens only")
        case .expectsNumberIn: return Localized(zh: "{0}，单位：{1}", en: "{0}, in {1}")
        case .requiredEmpty: return Localized(zh: "此项必填，请输入答案（暂不填写可按 ↓ 跳过）", en: "This question must be answered (↓ skips it for now)")
        // MARK: TUI · SignOff.swift
        case .requiredAnswerSMissing: return Localized(zh: "还有{0}个必答项未填", en: "{0} required answer(s) missing")
        case .errorSRemain: return Localized(zh: "还有{0}个错误", en: "{0} error(s) remain")
        case .warningSNeedReason: return Localized(zh: "{0}个提示未说明原因", en: "{0} warning(s) need a reason")
        case .leastTwoCollectorsNeeded: return Localized(zh: "至少需要两名采集人", en: "at least two collectors are needed")
        case .householdConsentNotRecorded: return Localized(zh: "未记录户主是否认可", en: "the household's consent is not recorded")
        case .whoSignedNotRecorded: return Localized(zh: "未记录签字方式", en: "who signed is not recorded")
        case .proxySignerNameMissing: return Localized(zh: "未填写代签人姓名", en: "the proxy signer's name is missing")
        // MARK: TUI · UIText.swift
        case .saved: return Localized(zh: "已保存", en: "Saved")
        case .sentBack: return Localized(zh: "本户已被退回：{0}　※ 标出的项目有审核意见", en: "Sent back: {0}  ※ marks the fields with comments")
        case .completed: return Localized(zh: "本户已完成，已保存。按 F7 新建下一户", en: "Household completed and saved. F7 starts the next one")
        case .cancelled: return Localized(zh: "已取消，原答案未改", en: "Cancelled; the answer is unchanged")
        case .rowRemoved: return Localized(zh: "已删除，原因已记录", en: "Removed; the reason is recorded")
        case .explained: return Localized(zh: "已记录说明", en: "Reason recorded")
        case .allAnswered: return Localized(zh: "必答项都已填写", en: "Every required question is answered")
        case .noProblems: return Localized(zh: "没有需要处理的问题", en: "No problems to fix")
        case .noRosterHere: return Localized(zh: "这一部分不能添加行；成员请在“家庭成员”部分添加", en: "Rows are added in a roster section, e.g. members")
        case .emptyRoster: return Localized(zh: "还没有记录，按 F7 添加", en: "Nothing yet: F7 adds one")
        case .sectionNotForRow: return Localized(zh: "该成员不需要填写这一部分", en: "This part does not apply to this member")
        case .fieldNotShown: return Localized(zh: "该项当前不需填写", en: "That field does not apply at the moment")
        case .explainTitle: return Localized(zh: "说明原因（提示可在说明后通过）", en: "Explain (a warning passes with a reason)")
        case .cannotComplete: return Localized(zh: "不能完成：", en: "Cannot complete: ")
        case .removeDetail: return Localized(zh: "确认删除？请输入原因（如：迁出、死亡、录入错误），Enter 删除，Esc 取消", en: "Remove? Type the reason (moved out, died, typed by mistake); Enter removes, Esc cancels")
        case .removeTitle: return Localized(zh: "删除{0}第{1}{2} {3}", en: "Remove {0} row {1} {3}")
        case .rowAdded: return Localized(zh: "已添加{0}第{1}行", en: "Added {0} row {1}")
        case .atRosterEnd: return Localized(zh: "按 F7 添加一行，按 Enter 继续下一部分", en: "F7 adds a row; Enter goes on to the next part")
        // MARK: TUI · AppRuntime.swift
        case .notSaved: return Localized(zh: "保存失败：", en: "Not saved: ")
        // MARK: TUI · PageUpdate.swift
        case .semicolon: return Localized(zh: "；", en: "; ")
        // MARK: TUI · ListView.swift
        case .listVillage: return Localized(zh: " · 村 {0}", en: " · village {0}")
        case .listTitle: return Localized(zh: "户访 · 户名单", en: "hufang · households")
        case .listTotal: return Localized(zh: "共 {0} 户", en: "{0} households")
        case .listSearchLabel: return Localized(zh: "搜索（姓名、身份证号或户号）：", en: "Search (name, ID or household number): ")
        case .listEmpty: return Localized(zh: "还没有农户。按 F7 新建一户。", en: "No households yet. F7 adds one.")
        case .listNothingMatches: return Localized(zh: "没有找到“{0}”。", en: "Nothing matches “{0}”.")
        case .listPosition: return Localized(zh: "第 {0} / {1} 户", en: "{0} of {1}")
        case .listHint: return Localized(zh: "输入姓名、身份证号或户号开头即可查找", en: "Type the start of a name, ID number or household number to search")
        case .columnNumber: return Localized(zh: "户号", en: "No.")
        case .columnHeadID: return Localized(zh: "户主身份证号", en: "Head's ID number")
        case .columnGroup: return Localized(zh: "组", en: "Group")
        case .columnDone: return Localized(zh: "进度", en: "Done")
        case .columnErrors: return Localized(zh: "错误", en: "Err")
        case .columnWarnings: return Localized(zh: "待说明", en: "Warn")
        case .listKeyOpen: return Localized(zh: "打开", en: " open")
        case .listKeyNew: return Localized(zh: "新建一户", en: " new household")
        case .listKeySelect: return Localized(zh: "选择", en: " select")
        case .listKeyClear: return Localized(zh: "清除搜索", en: " clear")
        case .listKeyHelp: return Localized(zh: "帮助", en: " help")
        case .listKeyQuit: return Localized(zh: "退出", en: " quit")
        // MARK: TUI · FormView.swift
        case .formRowOf: return Localized(zh: " · 第{0}/{1}{2} {3}", en: " · {0} of {1} {3}")
        case .formRosterDone: return Localized(zh: "{0}录完了吗？按 F7 添加下一行，按 Enter 继续", en: "Done with {0}? F7 adds a row, Enter goes on")
        case .formAdd: return Localized(zh: "添加", en: "add")
        case .formProgress: return Localized(zh: "已答 {0}  待答 {1}  错误 {2}  待说明 {3}", en: "Done {0}  To do {1}  Errors {2}  Warnings {3}")
        case .formSoFar: return Localized(zh: "已录入{0}{1}：", en: "{0} so far:")
        case .formRosterEndHint: return Localized(zh: "▶ F7 添加下一行    Enter 继续", en: "▶ F7 add a row    Enter go on")
        case .formComment: return Localized(zh: "审核意见：", en: "Comment: ")
        case .inParentheses: return Localized(zh: "（{0}）", en: " ({0})")
        case .formExplained: return Localized(zh: "（已说明：{0}）", en: " (explained: {0})")
        case .formNoOptionMatches: return Localized(zh: "（没有匹配的选项）", en: "(no option matches)")
        case .formKeyConfirm: return Localized(zh: "确认", en: "confirm")
        case .formKeyCancel: return Localized(zh: "取消修改", en: "cancel edit")
        case .formKeyClear: return Localized(zh: "清空", en: "clear")
        case .formKeyOptions: return Localized(zh: "选项", en: "options")
        case .formKeyHelp: return Localized(zh: "帮助", en: "help")
        case .formKeyNext: return Localized(zh: "下一项", en: "next")
        case .formKeyPart: return Localized(zh: "下一部分", en: "part")
        case .formKeyChecks: return Localized(zh: "检查", en: "checks")
        case .formKeyGrid: return Localized(zh: "成员", en: "grid")
        case .formKeyAssess: return Localized(zh: "评估", en: "assess")
        case .formKeyList: return Localized(zh: "返回", en: "list")
        case .formHeadAndNumber: return Localized(zh: "户主 {0}  户号 {1}", en: "Head {0}  No. {1}")
        case .notFilledIn: return Localized(zh: "（未填）", en: "(none)")
        case .formRosterEmpty: return Localized(zh: "还没有{0}：按 F7 添加第一行，按 Enter 跳过这一部分", en: "No {0} yet: F7 adds the first row, Enter skips this part")
        case .formRosterEmptyHint: return Localized(zh: "▶ F7 添加第一行    Enter 跳过", en: "▶ F7 add the first row    Enter skip")
        case .formMoreOptions: return Localized(zh: "…还有{0}项，输入查找", en: "…{0} more: type to search")
        case .formKeyMove: return Localized(zh: "移动", en: "move")
        case .formOptional: return Localized(zh: "（选填）", en: "(optional)")
        case .expectedValue: return Localized(zh: "（应为 {0}）", en: " (should be {0})")
        // MARK: TUI · PageViews.swift
        case .gridLegend: return Localized(zh: "✓ 已填完  … 未填完  · 未开始  ! 有错误  - 不需填写", en: "✓ done  … partly  · not started  ! error  - not asked")
        case .gridHint: return Localized(zh: "←→ 选择部分，Enter 打开该成员的这一部分", en: "←→ choose a part, Enter opens it for this row")
        case .checksSummary: return Localized(zh: "检查结果：错误 {0}，提示 {1}（已说明 {2}）", en: "Checks: {0} error(s), {1} warning(s) ({2} explained)")
        case .checksNone: return Localized(zh: "没有发现问题。", en: "No problems found.")
        case .checksRow: return Localized(zh: " · 第{0}{1} {2}", en: " · row {0} {2}")
        case .checksHint: return Localized(zh: "提示（黄色）可说明原因后通过；错误（红色）必须改正", en: "Warnings (yellow) pass with a reason; errors (red) must be fixed")
        case .assessTitle: return Localized(zh: "评估与签字", en: "Assessment and sign-off")
        case .assessIncome: return Localized(zh: "人均纯收入 {0} 元   标准 {1} 元   ", en: "Per-capita net income {0} yuan   line {1} yuan   ")
        case .aboveLine: return Localized(zh: "✓ 高于标准", en: "✓ above the line")
        case .belowLine: return Localized(zh: "✗ 低于标准", en: "✗ below the line")
        case .assessSuggested: return Localized(zh: "评估建议：", en: "Suggested: ")
        case .assessSignatures: return Localized(zh: "签字与认可", en: "Signatures and consent")
        case .assessEmpty: return Localized(zh: "（未填）", en: "(empty)")
        case .assessReady: return Localized(zh: "✓ 可以完成：按 F9 标记本户为已完成", en: "✓ Ready: F9 marks the household complete")
        case .assessNotYet: return Localized(zh: "✗ 还不能完成：", en: "✗ Not yet: ")
        case .openHouseholdWhereLeft: return Localized(zh: "打开所选农户，回到上次的位置", en: "open the household where it was left")
        case .selectHousehold: return Localized(zh: "选择农户", en: "select a household")
        case .typing: return Localized(zh: "输入文字", en: "typing")
        case .searchNameIdNumberPrefix: return Localized(zh: "按姓名、身份证号或户号开头查找", en: "search by name, ID-number or household-number prefix")
        case .clearSearch: return Localized(zh: "清除搜索", en: "clear the search")
        case .quit: return Localized(zh: "退出", en: "quit")
        case .confirmGoNextQuestion: return Localized(zh: "确认并到下一项", en: "confirm and go to the next question")
        case .confirmGoBack: return Localized(zh: "确认并回到上一项", en: "confirm and go back")
        case .nextSectionStartPrevious: return Localized(zh: "下一部分 / 本部分开头、上一部分", en: "next section / start of this or previous section")
        case .cancelEditOtherwiseBack: return Localized(zh: "取消正在输入的修改；未输入时回到户名单", en: "cancel the edit; otherwise back to the list")
        case .deleteCharacterClearAll: return Localized(zh: "删一个字 / 清空（清空后 Enter 删除答案）", en: "delete a character / clear all")
        case .codeLists: return Localized(zh: "代码题", en: "code lists")
        case .codePartLabelEnter: return Localized(zh: "输入代码，或输入选项文字后用 ↑↓ 选，Enter 确认", en: "the code, or part of the label, ↑↓, Enter")
        case .insertNextKeyLiterally: return Localized(zh: "把下一个键原样输入（控制字符显示为转义）", en: "insert the next key literally (shown escaped)")
        case .selectRow: return Localized(zh: "选择行", en: "select a row")
        case .choosePart: return Localized(zh: "选择部分", en: "choose a part")
        case .openPartRow: return Localized(zh: "打开所选行的这一部分", en: "open that part for the row")
        case .backForm: return Localized(zh: "返回问卷", en: "back to the form")
        case .selectProblem: return Localized(zh: "选择问题", en: "select a problem")
        case .goField: return Localized(zh: "转到该项修改", en: "go to the field")
        case .selectSignOffItem: return Localized(zh: "选择签字项", en: "select a sign-off item")
        case .goFieldToFill: return Localized(zh: "转到该项填写", en: "go to the field")
        case .helpQuit: return Localized(zh: "退出程序", en: "quit")
        case .helpTitle: return Localized(zh: " 按键说明（F键按不了时用 Ctrl 键） ", en: " Keys (use the Ctrl keys where F-keys do not work) ")
        case .pressAnyKey: return Localized(zh: "按任意键返回", en: "Press any key")
        case .explainLabel: return Localized(zh: "原因：", en: "Reason: ")
        case .enterConfirmEscCancel: return Localized(zh: "Enter 确认   Esc 取消", en: "Enter confirm   Esc cancel")
        case .keyOpen: return Localized(zh: "打开", en: "open")
        case .keyPart: return Localized(zh: "选部分", en: "part")
        case .keyRemove: return Localized(zh: "删除", en: "remove")
        case .keyBack: return Localized(zh: "返回", en: "back")
        case .keyGoToField: return Localized(zh: "转到该项", en: "go to field")
        case .keyExplain: return Localized(zh: "说明原因", en: "explain")
        case .keySelect: return Localized(zh: "选择", en: "select")
        case .keyComplete: return Localized(zh: "完成", en: "complete")
        case .helpNewHousehold: return Localized(zh: "新建一户", en: "new household")
        case .helpThisHelp: return Localized(zh: "帮助", en: "this help")
        case .helpQuitSaved: return Localized(zh: "退出（所有答案已保存）", en: "quit (every answer is saved)")
        case .helpChecks: return Localized(zh: "检查：列出所有错误和提示", en: "checks: every error and warning")
        case .helpGrid: return Localized(zh: "成员表（或作物表）", en: "member (or crop) grid")
        case .assessmentSignOffComplete: return Localized(zh: "评估与签字、完成", en: "assessment, sign-off, complete")
        case .nextUnansweredRequiredQuestion: return Localized(zh: "下一个未答的必答项", en: "next unanswered required question")
        case .nextProblem: return Localized(zh: "下一个要处理的错误或提示", en: "next error or warning to deal with")
        case .backListConfirmedAnswers: return Localized(zh: "回到户名单（已确认的答案都已保存）", en: "back to the list (confirmed answers are saved)")
        case .helpAddRemoveRow: return Localized(zh: "添加一行 / 删除一行（在 F3 表中，需说明原因）", en: "add a row / remove one (in the F3 grid; asks why)")
        case .helpCompleteOnSignOff: return Localized(zh: "完成本户（在 F4 评估与签字页）", en: "complete the household (on the F4 page)")
        case .addRow: return Localized(zh: "添加一行", en: "add a row")
        case .removeRowAsksReason: return Localized(zh: "删除所选行（需确认并说明原因）", en: "remove the row (asks for a reason)")
        case .explainWarningsOnly: return Localized(zh: "说明原因（只用于黄色提示）", en: "explain (warnings only)")
        case .completeRefusedReasonsWhile: return Localized(zh: "完成本户（有错误或未填项时会说明原因）", en: "complete (refused with the reasons while anything is open)")
        case .rosterTitle: return Localized(zh: "{0}（共{1}{2}）", en: "{0} ({1})")
        // MARK: TUI · ReviewUpdate.swift
        case .reviewSentBack: return Localized(zh: "已退回：{0}", en: "Sent back: {0}")
        case .noErrorWarningComment: return Localized(zh: "本户没有错误、提示或意见", en: "No error, warning or comment in this household")
        case .commentOnField: return Localized(zh: "对“{0}”提意见", en: "Comment on “{0}”")
        case .commentOnFieldDetail: return Localized(zh: "调查员会在这一项下看到这条意见。Enter 保存，Esc 取消", en: "The enumerator sees it under this field. Enter saves, Esc cancels")
        case .commentLabel: return Localized(zh: "意见：", en: "Comment: ")
        case .commentOnHousehold: return Localized(zh: "对本户提意见（{0}）", en: "Comment on the household ({0})")
        case .enterSavesEscCancels: return Localized(zh: "Enter 保存，Esc 取消", en: "Enter saves, Esc cancels")
        case .sendBackTitle: return Localized(zh: "退回本户（{0}）", en: "Send back {0}")
        case .sendBackDetail: return Localized(zh: "请写明退回原因，调查员打开本户时会看到。Enter 退回，Esc 取消", en: "Say why; the enumerator sees it on opening the household. Enter sends back, Esc cancels")
        case .alreadyApproved: return Localized(zh: "本户已审核通过", en: "Already approved")
        case .onlyCompletedHouseholdApproved: return Localized(zh: "只能通过已完成的户（本户：{0}）", en: "Only a completed household can be approved (this one: {0})")
        case .errorsRemainSendBack: return Localized(zh: "本户还有 {0} 个错误，请退回修改", en: "{0} errors remain: send it back")
        case .conflictsOpenFConflicts: return Localized(zh: "本户有 {0} 个冲突未处理（F7 冲突）", en: "{0} conflicts are open (F7 conflicts)")
        case .typeMergedValue: return Localized(zh: "输入合并后的值：{0}", en: "Type the merged value: {0}")
        case .value: return Localized(zh: "值：", en: "Value: ")
        case .noHouseholdFails: return Localized(zh: "没有未达到“{0}”的户", en: "No household fails “{0}”")
        case .failingTitle: return Localized(zh: "未达到“{0}”的户（{1}）", en: "Failing “{0}” ({1})")
        case .notApprovedNothingChanged: return Localized(zh: "未通过，本户状态不变", en: "Not approved; nothing changed")
        case .reviewCancelled: return Localized(zh: "已取消", en: "Cancelled")
        case .cannotBeEmpty: return Localized(zh: "不能为空", en: "Cannot be empty")
        case .mergeDetail: return Localized(zh: "本机：{0}    对方：{1}。代码题输入代码", en: "Here: {0}    Theirs: {1}. Codes by number")
        case .emptyValue: return Localized(zh: "（空）", en: "(empty)")
        // MARK: TUI · DashboardPage.swift
        case .dashboardNotGiven: return Localized(zh: "（未填）", en: "(not given)")
        // MARK: TUI · ReviewListView.swift
        case .reviewListConflicts: return Localized(zh: " · 冲突 {0}", en: " · {0} conflicts")
        case .reviewListTitle: return Localized(zh: "户访 · 审核 · 户名单", en: "hufang · review · households")
        case .reviewSearchLabel: return Localized(zh: "搜索：", en: "Search: ")
        case .reviewSortLabel: return Localized(zh: "F6 排序：", en: "F6 sort: ")
        case .filterAll: return Localized(zh: "全部", en: "all")
        case .filterStatus: return Localized(zh: "状态：", en: "status: ")
        case .filterFlag: return Localized(zh: "标记：", en: "flag: ")
        case .filterVillageLabel: return Localized(zh: "村：", en: "village: ")
        case .filterEnumeratorLabel: return Localized(zh: "调查员：", en: "enumerator: ")
        case .nothingMatchesEscClears: return Localized(zh: "没有符合条件的户。按 Esc 清除搜索和筛选。", en: "Nothing matches. Esc clears the search and filters.")
        case .noHouseholdsYetImport: return Localized(zh: "还没有户。用 hufang bundle import 导入调查员的数据包。", en: "No households yet. Import the enumerators' bundles with hufang bundle import.")
        case .typeNameIdNumber: return Localized(zh: "输入户主姓名或身份证号开头即可查找；F2–F5 筛选", en: "Type a name or ID-number prefix to search; F2–F5 filter")
        case .flagErrors: return Localized(zh: "有错误", en: "errors")
        case .flagOpenWarnings: return Localized(zh: "待说明", en: "open warnings")
        case .flagReasons: return Localized(zh: "已说明", en: "reasons given")
        case .flagConflicts: return Localized(zh: "有冲突", en: "conflicts")
        case .flagComments: return Localized(zh: "有意见", en: "comments")
        case .sortNumber: return Localized(zh: "村、户号", en: "number")
        case .sortLastChange: return Localized(zh: "最近修改", en: "last change")
        case .sortProblems: return Localized(zh: "问题多的在前", en: "most problems")
        case .columnExplained: return Localized(zh: "已说明", en: "Expl")
        case .columnConflicts: return Localized(zh: "冲突", en: "Conf")
        case .columnComments: return Localized(zh: "意见", en: "Cmt")
        case .reviewKeyReview: return Localized(zh: "审核", en: "review")
        case .reviewKeyFlag: return Localized(zh: "标记", en: "flag")
        case .reviewKeyVillage: return Localized(zh: "村", en: "village")
        case .reviewKeySort: return Localized(zh: "排序", en: "sort")
        case .reviewKeyConflicts: return Localized(zh: "冲突", en: "conflicts")
        case .reviewKeyDashboard: return Localized(zh: "概览", en: "dashboard")
        // MARK: TUI · ReviewRender.swift
        case .reviewSelectedHousehold: return Localized(zh: "打开所选户审核", en: "review the selected household")
        case .reviewSearchHelp: return Localized(zh: "按户主姓名或身份证号开头查找", en: "search by name or ID-number prefix")
        case .clearSearchThenEvery: return Localized(zh: "清除搜索；再按清除全部筛选", en: "clear the search, then every filter")
        case .quitEveryDecisionSaved: return Localized(zh: "退出（所有决定都已保存）", en: "quit (every decision is saved)")
        case .moveBetweenFields: return Localized(zh: "在各项之间移动", en: "move between fields")
        case .fieldHistoryValuesWho: return Localized(zh: "查看该项的修改历史（值、修改人、时间、说明）", en: "the field's history (values, who, when, reasons)")
        case .nextFieldErrorWarning: return Localized(zh: "下一个有错误、提示或意见的项", en: "next field with an error, warning or comment")
        case .backList: return Localized(zh: "返回户名单", en: "back to the list")
        case .selectConflict: return Localized(zh: "选择冲突", en: "select a conflict")
        case .selectGuarantee: return Localized(zh: "选择两不愁三保障的一项", en: "select a guarantee")
        case .listHouseholdsFailing: return Localized(zh: "列出未达到的户，可直接打开", en: "list the households failing it")
        case .scroll: return Localized(zh: "上下翻页", en: "scroll")
        case .helpAnyKeyCloses: return Localized(zh: "帮助（任意键关闭）", en: "help (any key closes)")
        case .approveTitle: return Localized(zh: " 审核通过 ", en: " Approve ")
        case .approveQuestion: return Localized(zh: "确认通过 {0}？", en: "Approve {0}?")
        case .decisionGoesOutNext: return Localized(zh: "通过后随下一个数据包发给调查员", en: "The decision goes out in the next bundle")
        case .enterApproveEscCancel: return Localized(zh: "Enter 通过   Esc 取消", en: "Enter approve   Esc cancel")
        case .historyTitle: return Localized(zh: " 修改历史：", en: " History: ")
        case .nothingRecorded: return Localized(zh: "（没有修改记录）", en: "(nothing recorded)")
        case .historyScroll: return Localized(zh: "↑↓ 滚动  ", en: "↑↓ scroll  ")
        case .anyKeyCloses: return Localized(zh: "任意键关闭", en: "any key closes")
        case .enterReviewEscClose: return Localized(zh: "Enter 打开审核   Esc 关闭", en: "Enter review   Esc close")
        case .filterStatusCycles: return Localized(zh: "按状态筛选（依次切换）", en: "filter by status (cycles)")
        case .filterFlagErrorsOpen: return Localized(zh: "按标记筛选：错误、待说明、已说明、冲突、意见", en: "filter by flag: errors, open warnings, reasons, conflicts, comments")
        case .filterVillage: return Localized(zh: "按村筛选", en: "filter by village")
        case .filterEnumerator: return Localized(zh: "按调查员筛选", en: "filter by enumerator")
        case .sortNumberStatusLast: return Localized(zh: "排序：户号、状态、最近修改、问题多少", en: "sort: number, status, last change, problems")
        case .conflictQueue: return Localized(zh: "冲突队列", en: "conflict queue")
        case .villageDashboard: return Localized(zh: "村情概览", en: "village dashboard")
        case .commentField: return Localized(zh: "对光标所在项提意见", en: "comment on the field")
        case .helpCommentHousehold: return Localized(zh: "对本户提意见", en: "comment on the household")
        case .sendBackAsksReason: return Localized(zh: "退回本户（需写明原因）", en: "send back (asks for the reason)")
        case .approveAsksConfirm: return Localized(zh: "审核通过（需再确认）", en: "approve (asks to confirm)")
        case .keepStoreValue: return Localized(zh: "取本机的值", en: "keep this store's value")
        case .takeOtherSideValue: return Localized(zh: "取对方的值", en: "take the other side's value")
        case .helpTypeMergedValue: return Localized(zh: "输入合并后的值", en: "type a merged value")
        case .nextVillage: return Localized(zh: "换一个村", en: "next village")
        // MARK: TUI · DashboardView.swift
        case .dashboardTitle: return Localized(zh: "审核 · 村情概览 · 村 ", en: "Review · dashboard · village ")
        case .dashboardHint: return Localized(zh: "↑↓ 选择一项保障，Enter 列出未达到的户", en: "↑↓ choose a guarantee, Enter lists the households failing it")
        case .dashboardTypeByStatus: return Localized(zh: "户类型 × 状态", en: "Type × status")
        case .dashboardTotal: return Localized(zh: "合计", en: "all")
        case .dashboardCauses: return Localized(zh: "主要致贫原因", en: "Main causes of poverty")
        case .dashboardFailing: return Localized(zh: "两不愁三保障 · 未达到的户", en: "Needs and guarantees: failing")
        case .dashboardUnknown: return Localized(zh: "（未知 {0} 户）", en: " ({0} unknown)")
        case .dashboardIncomeRatio: return Localized(zh: "人均纯收入 ÷ 标准", en: "Income ÷ line")
        case .dashboardLine: return Localized(zh: " 标准线 ", en: " the line ")
        case .dashboardPace: return Localized(zh: "每人每日入户数（最近 {0} 个工作日）", en: "Interviews per enumerator per day (last {0} working days)")
        case .dashboardKeyList: return Localized(zh: "列出户", en: "list")
        case .dashboardKeyVillage: return Localized(zh: "换村", en: "village")
        case .dashboardKeyScroll: return Localized(zh: "翻页", en: "scroll")
        // MARK: TUI · SheetView.swift
        case .sheetTitle: return Localized(zh: "审核 · ", en: "Review · ")
        case .sheetVillage: return Localized(zh: " · 村 ", en: " · village ")
        case .sheetDone: return Localized(zh: "已答", en: "Done")
        case .sheetErrors: return Localized(zh: "错误", en: "Errors")
        case .sheetOpen: return Localized(zh: "待说明", en: "Open")
        case .sheetExplained: return Localized(zh: "已说明", en: "Explained")
        case .sheetConflicts: return Localized(zh: "冲突", en: "Conflicts")
        case .sheetFrom: return Localized(zh: "来自", en: "From")
        case .sheetPosition: return Localized(zh: "第 {0} / {1} 项", en: "field {0} of {1}")
        case .sheetHint: return Localized(zh: "只读：Enter 看该项历史；意见和决定随下一个数据包发给调查员", en: "Read-only; Enter: field history; decisions travel in the next bundle")
        case .sheetKeyHistory: return Localized(zh: "历史", en: "history")
        case .sheetKeyFieldComment: return Localized(zh: "字段意见", en: "comment")
        case .sheetKeyHouseholdComment: return Localized(zh: "户意见", en: "household")
        case .sheetKeyNextProblem: return Localized(zh: "下个问题", en: "next")
        case .sheetKeySendBack: return Localized(zh: "退回", en: "send back")
        case .sheetKeyApprove: return Localized(zh: "通过", en: "approve")
        case .sheetKeyBack: return Localized(zh: "返回", en: "back")
        case .sheetKeyHelp: return Localized(zh: "帮助", en: "help")
        // MARK: TUI · ConflictView.swift
        case .conflictsTitle: return Localized(zh: "审核 · 冲突队列", en: "Review · conflicts")
        case .conflictsOpen: return Localized(zh: "待处理 {0} 条", en: "{0} open")
        case .conflictsHint: return Localized(zh: "同一项在两处被改成不同的值；处理结果随下一个数据包发回", en: "Changed differently in two places; the resolution travels in the next bundle")
        case .conflictsNone: return Localized(zh: "没有待处理的冲突。", en: "No open conflicts.")
        case .conflictBundleNumber: return Localized(zh: "第{0}包", en: "bundle {0}")
        case .conflictBy: return Localized(zh: "修改人", en: "by")
        case .conflictAt: return Localized(zh: "时间", en: "at")
        case .conflictDevice: return Localized(zh: "设备", en: "device")
        case .conflictBundle: return Localized(zh: "数据包", en: "bundle")
        case .conflictMineTitle: return Localized(zh: "本机（F5）", en: "This store (F5)")
        case .conflictMine: return Localized(zh: "本机", en: "this one")
        case .conflictTheirsTitle: return Localized(zh: "对方（F6）", en: "Theirs (F6)")
        case .conflictImported: return Localized(zh: "导入", en: "imported")
        case .conflictsMore: return Localized(zh: "　还有 {0} 条，↑↓ 切换", en: "  {0} more: ↑↓")
        case .conflictsMergeHint: return Localized(zh: "F7 输入合并后的值（如两边各对一半）", en: "F7 types a merged value (when each side is half right)")
        case .conflictKeyMine: return Localized(zh: "取本机", en: "keep mine")
        case .conflictKeyTheirs: return Localized(zh: "取对方", en: "take theirs")
        case .conflictKeyMerge: return Localized(zh: "输入合并值", en: "type merged")
        // MARK: TUI · HouseholdSheet.swift
        case .fullComma: return Localized(zh: "，", en: ", ")
        case .sheetSender: return Localized(zh: "来自 {0}（设备 {1}{2}）", en: "From {0} (device {1}{2})")
        case .sheetFieldComment: return Localized(zh: "※ 审核意见：", en: "※ Comment: ")
        case .sheetReviewLabel: return Localized(zh: "审核：", en: "Review: ")
        case .afterDash: return Localized(zh: " — {0}", en: " — {0}")
        case .pairInParentheses: return Localized(zh: "（{0} {1}）", en: " ({0} {1})")
        case .sheetHouseholdComment: return Localized(zh: "※ 对本户的意见：", en: "※ On the household: ")
        case .sheetNone: return Localized(zh: "（无）", en: "(none)")
        case .sheetIncome: return Localized(zh: "人均纯收入", en: "Per-capita net income")
        case .sheetIncomeValue: return Localized(zh: "{0} 元（标准 {1} 元）", en: "{0} yuan (line {1})")
        case .sheetAnswersMissing: return Localized(zh: "信息不全", en: "answers missing")
        case .historyReason: return Localized(zh: "说明：", en: "reason: ")
        case .historyReasonWithdrawn: return Localized(zh: "说明已撤销", en: "reason withdrawn")
        case .historyComment: return Localized(zh: "审核意见：", en: "comment: ")
        case .historyCommentDealt: return Localized(zh: "意见已处理：", en: "comment dealt with: ")
        case .historyMigrated: return Localized(zh: "问卷版本迁移：", en: "questionnaire migrated: ")
        // MARK: TUI · ReviewRuntime.swift
        case .reviewApproved: return Localized(zh: "已审核通过：{0}", en: "Approved: {0}")
        case .reviewSentBackWithReason: return Localized(zh: "已退回：{0}（{1}）", en: "Sent back: {0} ({1})")
        case .reviewCommentSaved: return Localized(zh: "意见已记录，随下一个数据包发给调查员", en: "Comment saved; it goes out in the next bundle")
        case .reviewResolved: return Localized(zh: "冲突已处理，取值：{0}", en: "Resolved with: {0}")
        case .reviewNoHouseholds: return Localized(zh: "库中还没有户", en: "No households yet")
        case .reviewFailed: return Localized(zh: "操作失败：", en: "Failed: ")
        case .reviewReasonLabel: return Localized(zh: "说明：", en: "Reason: ")
        case .reviewDecision: return Localized(zh: "审核决定", en: "Review decision")
        // MARK: TUI · Render.swift
        case .terminalTooSmall: return Localized(zh: "终端窗口太小（{0}×{1}）", en: "The terminal is too small ({0}×{1})")
        case .enlargeLeast: return Localized(zh: "请把窗口放大到至少 80×24", en: "Please enlarge it to at least 80×24")
        case .youContinueWhereYou: return Localized(zh: "放大后从原处继续，输入不会丢失", en: "You will continue where you were; nothing is lost")
        // MARK: TUI · PageViews.swift, PageUpdate.swift, FormUpdate.swift (the sign-off page, completing)
        case .assessExplainWhat: return Localized(zh: "F7 为选中的提示说明原因：请先用 ↑↓ 选中一条提示", en: "F7 gives the reason for a warning: select one with ↑↓ first")
        case .assessRefusedWarnings: return Localized(zh: "还不能完成：{0}条提示要说明原因，已选中第一条，按 F7 说明", en: "Not yet: {0} warning(s) need a reason; the first is selected, F7 explains it")
        case .assessRefusedSeeBelow: return Localized(zh: "还不能完成：原因列在本页末尾", en: "Not yet: the reasons are listed at the foot of this page")
        case .assessBeforeConsent: return Localized(zh: "请先向本户说明以上评估结果，再按 Enter 记录户主是否认可", en: "Go through the assessment with the household; Enter records their consent")
        case .assessHelpExplain: return Localized(zh: "为选中的提示说明原因（错误须改正）", en: "explain the selected warning")
        case .confirmCompleteTitle: return Localized(zh: " 完成本户 ", en: " Complete the household ")
        case .confirmCompleteQuestion: return Localized(zh: "将 {0} 标为已完成？", en: "Mark {0} as complete?")
        case .confirmCompleteDetail: return Localized(zh: "完成后交审核；之后再修改，本户会回到调查中", en: "It then goes to review; a later change puts it back in progress")
        case .confirmCompleteKeys: return Localized(zh: "Enter 或 F9 完成，其他键取消", en: "Enter or F9 completes it, any other key cancels")
        case .notCompletedNothingChanged: return Localized(zh: "未完成，什么也没改", en: "Not completed; nothing changed")
        // MARK: TUI · Update.swift (the household left unfinished)
        case .resumeOffered: return Localized(zh: "上次未完成的户：{0}，按 Enter 继续", en: "Left unfinished last time: {0}; Enter goes on with it")
        // MARK: Store · HouseholdCard.swift (lines to sign)
        case .cardSignatures: return Localized(zh: "签字", en: "Signatures")
        case .cardSignHead: return Localized(zh: "户主（或代签人）签字", en: "Head of household (or proxy)")
        case .cardSignCollectors: return Localized(zh: "采集人签字", en: "Collectors")
        case .cardSignHelper: return Localized(zh: "帮扶责任人签字", en: "Assigned helper")
        case .cardSignVillage: return Localized(zh: "村委会（盖章）", en: "Village committee (stamp)")
        case .cardDate: return Localized(zh: "日期", en: "Date")
        // MARK: CLI · DashboardCommand.swift
        case .dashboardVillageLine: return Localized(zh: "村 {0}：{1} 户", en: "Village {0}: {1} households")
        case .dashboardTypeStatusTitle: return Localized(zh: "户类型与状态", en: "Households by type and status")
        case .dashboardFailingTitle: return Localized(zh: "两不愁三保障（未达到的户）", en: "Needs and guarantees (households failing)")
        case .dashboardIncomeTitle: return Localized(zh: "人均纯收入占标准的比例", en: "Per-capita net income as a share of the line")
        case .cliIncomeLineRule: return Localized(zh: "  ──────── 标准线 ────────", en: "  ──────── the line ────────")
        case .dashboardIncomeUnknown: return Localized(zh: "  收入未知 {0} 户", en: "  income unknown: {0}")
        case .cliInAll: return Localized(zh: "：共 {0} 户", en: ": {0} in all")
        // MARK: CLI · ScreensCommand.swift
        case .summarySection: return Localized(zh: "部分", en: "Sect.")
        case .summaryTitle: return Localized(zh: "名称", en: "Title")
        case .summaryRoster: return Localized(zh: "名册", en: "Roster")
        case .summaryInputs: return Localized(zh: "录入", en: "Inputs")
        case .summaryCalculated: return Localized(zh: "计算", en: "Calc.")
        case .migrateNoMigration: return Localized(zh: "{0} 中没有 migration.yaml：版本 {1} 没有说明从哪个版本、如何迁移", en: "{0} has no migration.yaml: version {1} does not say what it migrates from, or how")
        case .migrateHeading: return Localized(zh: "问卷迁移：版本 {0} → {1}{2}", en: "Questionnaire migration: version {0} → {1}{2}")
        case .migrateCheckOnly: return Localized(zh: "（只检查，不改动）", en: " (check only: nothing is changed)")
        case .migrateHousehold: return Localized(zh: "第 {0} 户 {1}（版本 {2}）：", en: "Household {0} {1} (version {2}): ")
        case .migrateCannot: return Localized(zh: "不能迁移", en: "cannot migrate")
        case .migrateChanges: return Localized(zh: "改动 {0} 个答案", en: "{0} answers change")
        case .migrateWouldSummary: return Localized(zh: "{0} 户可以迁移，{1} 户不能迁移，{2} 户已是版本 {3}", en: "{0} households can migrate, {1} cannot, {2} are of version {3} already")
        case .migrateDoneSummary: return Localized(zh: "已迁移 {0} 户，{1} 户不能迁移（未改动），{2} 户已是版本 {3}", en: "{0} households migrated, {1} cannot migrate (left unchanged), {2} are of version {3} already")
        case .migrateSomeCannot: return Localized(zh: "{0} 户不能迁移：补全 migration.yaml（如为拆分的代码写好条件）后再运行", en: "{0} households cannot migrate: complete migration.yaml (a condition for every split code, say) and run again")
        case .summaryChecks: return Localized(zh: "检查", en: "Checks")
        case .screensValid: return Localized(zh: "✓ {0}：问卷「{1}」版本 {2} 有效 — {3} 个部分，{4} 个录入项，{5} 个计算项，{6} 条检查", en: "✓ {0}: \"{1}\" version {2} is valid — {3} sections, {4} inputs, {5} calculated, {6} checks")
        case .screensProblems: return Localized(zh: "问卷定义有 {0} 处错误，请改正后再试：\n", en: "The questionnaire definition has {0} problem(s):\n")
        case .screensUnreadableNote: return Localized(zh: "提示：有文件无法读取，其他文件中的部分错误可能由此引起，请先改正它。\n", en: "Note: a file could not be read; some problems in other files may follow from it. Fix it first.\n")
        case .summaryIncomeLines: return Localized(zh: "收入标准：{0} 个年度，最新 {1} 年 {2} 元/人/年", en: "Income lines: {0} years, latest {1}: {2} yuan per person per year")
        case .summaryGuarantees: return Localized(zh: "两不愁三保障：", en: "Guarantees: ")
        case .summaryCodeLists: return Localized(zh: "代码表 {0} 个", en: "{0} code lists")
        case .screensNotFound: return Localized(zh: "找不到问卷定义目录 (questionnaire folder not found): {0}\n解决：重新安装 `sudo apt install --reinstall hufang`，或用 --screens 目录、环境变量 HUFANG_SCREENS=目录 指明 (fix: reinstall the package, or name the folder with --screens DIR or HUFANG_SCREENS=DIR)", en: "questionnaire folder not found: {0}\nFix: reinstall the package (`sudo apt install --reinstall hufang`), or name the folder with --screens DIR or HUFANG_SCREENS=DIR")
        case .sampleDataNotFound: return Localized(zh: "找不到示例数据目录 (sample data folder not found): {0}\n解决：重新安装 `sudo apt install --reinstall hufang`，或用 --sample-data 目录、环境变量 HUFANG_SAMPLE_DATA=目录 指明 (fix: reinstall the package, or name the folder with --sample-data DIR or HUFANG_SAMPLE_DATA=DIR)", en: "sample data folder not found: {0}\nFix: reinstall the package (`sudo apt install --reinstall hufang`), or name the folder with --sample-data DIR or HUFANG_SAMPLE_DATA=DIR")
        // MARK: Store · HouseholdStatus.swift
        case .statusInProgress: return Localized(zh: "调查中", en: "ongoing")
        case .statusComplete: return Localized(zh: "已完成", en: "complete")
        case .statusApproved: return Localized(zh: "已审核", en: "approved")
        case .statusSentBack: return Localized(zh: "已退回", en: "sent back")
        // MARK: CLI · StoreCommands.swift (validate)
        case .householdNotWholeID: return Localized(zh: "--household 应为完整的户ID（UUID）：{0}", en: "--household is a whole household id (a UUID): {0}")
        // MARK: TUI · Update.swift (a commit the store refused)
        case .notStoredStillHolds: return Localized(zh: "未保存，此项仍为：{0}；输入的内容还在，按 Enter 重试。原因：{1}", en: "Not saved; the field still holds: {0}; the text typed is kept, Enter retries. Why: {1}")
        case .notStoredRetry: return Localized(zh: "未保存，按 Enter 重试。原因：{0}", en: "Not saved; Enter retries. Why: {0}")
        // MARK: CLI · CountyCommands.swift
        case .countyCodeNotDigits: return Localized(zh: "县代码应为数字：{0}", en: "the county code is digits: {0}")
        case .countyNameEmpty: return Localized(zh: "县名不能为空", en: "the county name is empty")
        case .countyMade: return Localized(zh: "已建立县级密钥：{0}（县代码 {1}）", en: "Made the county authority: {0} (county {1})")
        case .countyFileLine: return Localized(zh: "县级文件 {0}（发给每台设备：hufang enrol --county）", en: "county file  {0} (give it to every device: hufang enrol --county)")
        case .countyFingerprintLine: return Localized(zh: "签名密钥指纹 {0}（登记时请当面或电话核对）", en: "signing key fingerprint {0} (read it out when devices enrol)")
        case .countyKeepOffline: return Localized(zh: "目录 {0} 内有县级私钥：请离线保管（不联网的电脑或加密U盘），不要拷进任何数据库或设备", en: "{0} holds the county's private keys: keep it offline (a computer never online, or an encrypted stick), never in any store or device")
        case .badRole: return Localized(zh: "角色应为 enumerator、supervisor 或 hub，不是 {0}", en: "the role is enumerator, supervisor or hub, not {0}")
        case .scopeEmpty: return Localized(zh: "范围不能为空（--scope 村代码,村代码）", en: "the scope is empty (--scope CODE,CODE)")
        case .scopeNotNumeric: return Localized(zh: "范围应为数字代码：{0}", en: "a scope is a numeric code: {0}")
        case .dateNotDay: return Localized(zh: "日期应为 YYYY-MM-DD：{0}", en: "the date is YYYY-MM-DD: {0}")
        case .certificateFileLine: return Localized(zh: "证书 {0}（交给该设备：hufang enrol --db 库 证书 --county {1}）", en: "certificate  {0} (give it to the device: hufang enrol --db STORE CERT --county {1})")
        case .certificatePersonLine: return Localized(zh: "使用者 {0}，设备 {1}", en: "person       {0}, device {1}")
        case .certificateRoleLine: return Localized(zh: "角色 {0}，范围 {1}", en: "role         {0}, scope {1}")
        case .certificateValidLine: return Localized(zh: "有效期至 {0}", en: "valid until  {0}")
        case .certificateKeyLine: return Localized(zh: "设备密钥指纹 {0} —— 请与该设备 hufang init 或 hufang keys show 显示的指纹核对", en: "key fingerprint {0}: compare it with the one hufang init or hufang keys show printed on that device")
        case .fromSequenceTooSmall: return Localized(zh: "--from-sequence 至少为 1", en: "--from-sequence is at least 1")
        case .reasonMissing: return Localized(zh: "请写明原因（--reason）", en: "give a reason (--reason)")
        case .revokedKey: return Localized(zh: "密钥 {0}", en: "key {0}")
        case .revokedEveryKey: return Localized(zh: "所有密钥", en: "every key")
        case .revokedDevice: return Localized(zh: "已吊销设备 {0}（{1}，{2}）：第 {3} 号及以后的数据包将被拒收，之前的仍然有效", en: "Revoked device {0} ({1}, {2}): bundles from sequence {3} on are refused; earlier ones stay valid")
        case .revocationListLine: return Localized(zh: "吊销名单第 {0} 号（共 {1} 条）：{2}", en: "revocation list {0} ({1} entries): {2}")
        case .revocationSpreads: return Localized(zh: "传播：装入任何一个库（hufang county revocations --db 库 {0}），此后该库导出的每个数据包都带着它，收到的库自动采用", en: "It spreads: install it in any store (hufang county revocations --db STORE {0}); every bundle that store exports carries it, and each store receiving one adopts it")
        case .revocationsInstalled: return Localized(zh: "已装入吊销名单第 {0} 号（共 {1} 条）；此后本库导出的数据包都带着它", en: "Installed revocation list {0} ({1} entries); every bundle this store exports now carries it")
        case .revocationEntryLine: return Localized(zh: "  设备 {0}：自第 {1} 号起拒收（{2}）", en: "  device {0}: refused from sequence {1} ({2})")
        case .revocationsAlreadyHeld: return Localized(zh: "本库已装有吊销名单第 {0} 号，未改动", en: "This store already holds revocation list {0}; nothing changed")
        case .enrolled: return Localized(zh: "本机已登记：{0}，{1}，范围 {2}，有效期至 {3}", en: "This device is enrolled: {0}, {1}, scope {2}, valid until {3}")
        case .enrolledBundlesCarry: return Localized(zh: "此后导出的数据包都带着这张证书，本县的设备无需再互相信任", en: "Every bundle exported from now on carries this certificate: no device of the county needs to trust another by hand")
        case .countyTrusted: return Localized(zh: "已信任县 {0}（{1}），签名密钥指纹 {2}", en: "Trusted county {0} ({1}), signing key fingerprint {2}")
        // MARK: CLI · Start.swift
        case .columnSoft: return Localized(zh: "待说明", en: "Soft")
        case .startNoStore: return Localized(zh: "还没有数据库 {0}：用 `hufang init --sample` 载入示例村，或 `hufang init` 新建空库。", en: "No store at {0} yet: `hufang init --sample` loads the sample village, `hufang init` makes an empty one.")
        case .startStoreSummary: return Localized(zh: "数据库 {0}：{1} 户", en: "Store {0}: {1} households")
        case .startMore: return Localized(zh: "……另有 {0} 户", en: "… and {0} more")
        // MARK: CLI · BundleCommands.swift
        case .exportNothing: return Localized(zh: "没有新的更改需要导出，未写入文件", en: "Nothing to export: no file written")
        case .exportSealed: return Localized(zh: "，已加密给县级密钥", en: ", sealed to the county key")
        case .exportWritten: return Localized(zh: "第 {0} 号，{1} 项更改{2}", en: "sequence {0}, {1} changes{2}")
        case .importUnreadable: return Localized(zh: "{0}: 拒收 (rejected)：无法读取文件", en: "{0}: rejected: cannot read the file")
        case .importOpenConflicts: return Localized(zh: "共有 {0} 处冲突待处理：hufang conflicts --db {1}", en: "{0} open conflicts: hufang conflicts --db {1}")
        case .heldNone: return Localized(zh: "没有暂存或被拒收的暂存包", en: "No held bundles, and none refused after being held")
        case .heldLine: return Localized(zh: "暂存：设备 {0} 第 {1} 号（{2}），等待前面的包", en: "held: device {0} sequence {1} ({2}), waiting for an earlier one")
        case .refusedLine: return Localized(zh: "拒收：设备 {0} 第 {1} 号（{2}，{3}）：{4}", en: "refused: device {0} sequence {1} ({2}, {3}): {4}")
        case .bundleListNone: return Localized(zh: "本机还没有打过数据包", en: "This store has made no bundles yet")
        case .bundleListLine: return Localized(zh: "第 {0} 号  {1}  {2} 项更改  {3}", en: "sequence {0}  {1}  {2} changes  {3}")
        case .bundleReceived: return Localized(zh: "中心于 {0} 收到（{1}）", en: "received by the hub at {0} ({1})")
        case .bundleHubRefused: return Localized(zh: "中心于 {0} 拒收：{1}", en: "refused by the hub at {0}: {1}")
        case .bundleNotReceived: return Localized(zh: "中心尚未收到", en: "not yet received by the hub")
        // MARK: CLI · SyncCommand.swift
        case .syncUploading: return Localized(zh: "上传", en: "uploading")
        case .syncDownloading: return Localized(zh: "下载", en: "downloading")
        case .syncHubVerified: return Localized(zh: "中心 {0} 已核实：本县签发的中心证书，回执密钥 {1}", en: "hub {0} verified: the county's hub certificate, receipt key {1}")
        case .syncSealed: return Localized(zh: "尚未打包的更改已打成第 {0} 号数据包", en: "changes not yet in a bundle sealed into bundle {0}")
        case .syncHubLost: return Localized(zh: "中心缺少它已确认收到的 {0} 个数据包（第 {1} 号；可能从备份恢复过）：重新上传",
                                            en: "the hub lacks {0} bundles it had acknowledged (sequence {1}; restored from a backup?): sending them again")
        case .syncUploadedLine: return Localized(zh: "上传 {0} … 已收到 {1}（中心于 {2} 收到）{3}", en: "upload {0} … received {1} (by the hub at {2}){3}")
        case .syncUploadRejected: return Localized(zh: "上传 {0} … 中心拒收 (rejected)：{1}{2}", en: "upload {0} … rejected: {1}{2}")
        case .syncBytesNote: return Localized(zh: "，发送 {0} 字节，重发 {1} 字节", en: ", {0} bytes sent, {1} re-sent")
        case .syncRevocations: return Localized(zh: "装入中心送来的吊销名单第 {0} 号（{1} 条）", en: "installed revocation list {0} from the hub ({1} entries)")
        case .syncImportedLine: return Localized(zh: "下载 设备 {0} 第 {1} 号 … {2}", en: "download device {0} sequence {1} … {2}")
        case .syncSummary: return Localized(zh: "同步完成：上传 {0} 个，导入 {1} 个，重发 {2} 字节，重试 {3} 次",
                                            en: "sync done: {0} uploaded, {1} imported, {2} bytes re-sent, {3} retries")
        case .syncNoHub: return Localized(zh: "没有中心地址：第一次同步请用 hufang sync --db {0} --hub URL", en: "no hub given: the first sync needs hufang sync --db {0} --hub URL")
        case .syncNotEnrolled: return Localized(zh: "本库尚未登记（hufang enrol --county）：中心不认识本机", en: "this store is not enrolled (hufang enrol --county): the hub would not know it")
        case .syncUnreachable: return Localized(zh: "连不上中心 {0}（{1}）；数据包都留在本机，有网络时再运行 hufang sync",
                                                en: "cannot reach the hub {0} ({1}); every bundle stays on this device: run hufang sync again when the network is back")
        case .syncTLS: return Localized(zh: "中心 {0} 的TLS证书未通过核验（{1}）：不是本县的中心？请检查 --tls-ca", en: "the TLS certificate of hub {0} did not verify ({1}): not the county's hub? check --tls-ca")
        case .syncBadURL: return Localized(zh: "中心地址不可用：{0}（须是 http:// 或 https://）", en: "cannot use the hub URL {0} (it takes http:// or https://)")
        case .syncNotCountyHub: return Localized(zh: "{0} 不是本县的中心：{1}", en: "{0} is not the county's hub: {1}")
        case .syncRefused: return Localized(zh: "中心拒绝了请求（HTTP {0} {1}）：{2}", en: "the hub refused the request (HTTP {0} {1}): {2}")
        case .syncUnexpected: return Localized(zh: "中心的回答不符合接口（HTTP {0}）：{1}", en: "the hub's answer does not follow the API (HTTP {0}): {1}")
        case .syncForgedReceipt: return Localized(zh: "中心对第 {0} 号数据包的回执验证不通过：不予保存，数据包留在本机",
                                                  en: "the hub's receipt for bundle {0} does not verify: not kept; the bundle stays on this device")
        case .syncWrongBundle: return Localized(zh: "中心送来的数据包不是收件箱所列的 {0}", en: "the bundle the hub sent is not {0}, which its inbox listed")
        case .syncNotAllDone: return Localized(zh: "有 {0} 个数据包被拒收，见上", en: "{0} bundles were refused, see above")
        case .syncRetriesRange: return Localized(zh: "--retries 须在 1 到 50 之间", en: "--retries is between 1 and 50")
        case .syncTLSCAUnreadable: return Localized(zh: "无法读取TLS证书文件 {0}（须是PEM）", en: "cannot read the TLS certificate file {0} (it must be PEM)")
        // MARK: CLI · KeyCommands.swift
        case .keysDeviceLine: return Localized(zh: "设备号  {0}", en: "device       {0}")
        case .keysNameLine: return Localized(zh: "名称    {0}", en: "name         {0}")
        case .keysFingerprintLine: return Localized(zh: "指纹    {0}", en: "fingerprint  {0}")
        case .keysFileLine: return Localized(zh: "公钥文件 {0}（交给审核人，对方用 hufang devices trust 导入，并当面核对指纹）", en: "key file     {0} (hand it to the supervisor: hufang devices trust, then compare fingerprints)")
        case .notCountyKeyFile: return Localized(zh: "{0} 不是县级密钥文件", en: "{0} is not a county key file")
        case .sealingKeyInstalled: return Localized(zh: "此后导出的数据包将加密给县级密钥（指纹 {0}）", en: "Later exports are sealed to the county key (fingerprint {0})")
        case .countyPrivateKeyInstalled: return Localized(zh: "已装入县级私钥（指纹 {0}）：{1}，仅本人可读", en: "Installed the county private key (fingerprint {0}) at {1}, readable by you only")
        case .hubKeysMade: return Localized(zh: "私钥 {0}（仅本人可读，只放在县级汇总机上）\n公钥 {1}（发给各调查电脑）\n指纹 {2}", en: "private {0} (readable by you only; keep it on the county hub)\npublic  {1} (give it to every laptop)\nfingerprint {2}")
        case .devicesThisDevice: return Localized(zh: "本机", en: "this device")
        case .devicesRevoked: return Localized(zh: "自第 {0} 号起吊销", en: "revoked from {0}")
        case .devicesTrusted: return Localized(zh: "已信任", en: "trusted")
        case .devicesLastSequence: return Localized(zh: "已收到第 {0} 号  ", en: "last sequence {0}  ")
        case .certificatesTitle: return Localized(zh: "县 {0}（{1}）登记的设备：", en: "Devices enrolled by county {0} ({1}):")
        case .noCertificatesYet: return Localized(zh: "  （尚无证书）", en: "  (no certificates yet)")
        case .certificateValid: return Localized(zh: "有效", en: "valid")
        case .certificateExpiredState: return Localized(zh: "已过期", en: "expired")
        case .certificateRevoked: return Localized(zh: "已吊销（自第 {0} 号起，{1}）", en: "revoked from sequence {0} ({1})")
        case .certificateThisDevice: return Localized(zh: "  ← 本机", en: "  ← this device")
        case .certificateLastSequence: return Localized(zh: "  已收到第 {0} 号", en: "  last sequence {0}")
        case .certificateLine: return Localized(zh: "  {0}  {1}  {2}  {3}  有效期至 {4}  {5}{6}", en: "  {0}  {1}  {2}  {3}  valid until {4}  {5}{6}")
        case .deviceTrusted: return Localized(zh: "已信任设备 {0}（{1}）", en: "Trusted device {0} ({1})")
        case .deviceAlreadyTrusted: return Localized(zh: "设备 {0} 早已信任", en: "Device {0} was already trusted")
        case .deviceTrustedFingerprint: return Localized(zh: "指纹 {0} —— 请与对方电脑上 hufang keys show 显示的指纹逐字核对", en: "fingerprint {0}: compare it, character by character, with hufang keys show on that laptop")
        case .deviceRevoked: return Localized(zh: "已吊销设备 {0}（{1}）：第 {2} 号及以后的数据包将被拒收", en: "Revoked {0} ({1}): bundles from sequence {2} on are refused")
        // MARK: CLI · StoreCommands.swift
        case .initDeviceKey: return Localized(zh: "设备密钥 {0}（仅本人可读），指纹 {1}", en: "Device key {0} (readable by you only), fingerprint {1}")
        case .initPublicKey: return Localized(zh: "公钥文件 {0}（交给县里登记：hufang county enrol --device；或交给对方 hufang devices trust）", en: "Public key {0} (for the county office: hufang county enrol --device; or another laptop: hufang devices trust)")
        case .exportSectionRows: return Localized(zh: "{0}  {1} 行", en: "{0}  {1} rows")
        case .exportedHouseholds: return Localized(zh: "已导出 {0} 户到 {1}", en: "Exported {0} households to {1}")
        case .cannotReadFile: return Localized(zh: "无法读取文件 {0}", en: "Cannot read {0}")
        case .importedHouseholds: return Localized(zh: "已导入 {0} 户", en: "Imported {0} households")
        case .initLoadedSample: return Localized(zh: "，载入示例村 {0} 户", en: ", loaded {0} sample households")
        case .initCreated: return Localized(zh: "已建立数据库 {0}（设备 {1}）{2}", en: "Created {0} (device {1}){2}")
        // MARK: CLI · ConflictCommands.swift
        case .noOpenConflicts: return Localized(zh: "没有待处理的冲突", en: "No open conflicts")
        case .conflictResolvedMark: return Localized(zh: "  已处理", en: "  resolved")
        case .conflictMineLine: return Localized(zh: "    本库  {0}  — {1} {2}", en: "    mine    {0}  — {1} {2}")
        case .conflictTheirsLine: return Localized(zh: "    对方  {0}  — {1} {2}（数据包 {3}，第 {4} 号）", en: "    theirs  {0}  — {1} {2} (bundle {3}, sequence {4})")
        case .conflictsResolveHint: return Localized(zh: "处理：hufang conflicts resolve --db {0} 编号 --take mine|theirs|值", en: "Resolve: hufang conflicts resolve --db {0} ID --take mine|theirs|VALUE")
        case .conflictResolved: return Localized(zh: "冲突 {0} 已处理：{1} = {2}，将随下一个数据包发回", en: "Resolved {0}: {1} = {2}; it travels in the next bundle")
        // MARK: CLI · ReviewCommand.swift
        case .reviewNoStore: return Localized(zh: "没有数据库 {0}：先用 `hufang init --db {0}` 新建，再用 `hufang bundle import` 导入调查员的数据包。", en: "No store at {0}: make one with `hufang init --db {0}`, then import the enumerators' bundles with `hufang bundle import`.")
        case .reviewHouseholdCount: return Localized(zh: "{0} 户", en: "{0} households")
        case .reviewOpenConflicts: return Localized(zh: "待处理冲突：{0}", en: "Open conflicts: {0}")
        // MARK: CLI · VersionCommand.swift
        case .versionQuestionnaire: return Localized(zh: "问卷 {0} {1}（{2}）", en: "questionnaire {0} {1} ({2})")
        // MARK: CLI · FirstRun.swift
        case .firstRunWelcome: return Localized(
            zh: "欢迎使用户访。这台电脑上还没有数据库（{0}），开始前要做这几步：\n  1. 填写调查员姓名和本机名称（现在就填）；\n  2. 新建数据库和本机设备密钥（马上自动完成）；\n  3. 县里使用设备登记时：把本机公钥文件交给县里，装入县里发回的 county.json 和本机证书。\n",
            en: "Welcome to hufang. This laptop has no store yet ({0}); before you start:\n  1. type the enumerator's name and this device's name (now);\n  2. the store and this device's key are made (at once);\n  3. when the county enrols devices: give it this device's public key file, then install the county.json and certificate it sends back.\n")
        case .firstRunAskEnumerator: return Localized(zh: "调查员姓名（直接回车用 {0}）：", en: "Enumerator's name (Enter keeps {0}): ")
        case .firstRunAskDevice: return Localized(zh: "本机名称，如“一组笔记本”（直接回车用 {0}）：", en: "This device's name, e.g. \"team 1 laptop\" (Enter keeps {0}): ")
        case .firstRunStoreMade: return Localized(zh: "已建立数据库 {0}，本机名称 {1}，设备密钥指纹 {2}\n公钥文件 {3}", en: "Created {0}, device {1}, key fingerprint {2}\nPublic key file {3}")
        case .firstRunEnrolment: return Localized(
            zh: "县里使用设备登记时（没有就跳过）：\n  把 {0} 交给县里（县里运行 hufang county enrol --device 这个文件）；\n  收到 county.json 和本机证书（.cert）后运行：hufang enrol --db {1} --county county.json 证书.cert",
            en: "When the county enrols devices (skip this otherwise):\n  give {0} to the county office (it runs hufang county enrol --device on it);\n  with the county.json and this device's certificate (.cert) it sends back, run: hufang enrol --db {1} --county county.json CERT.cert")
        case .firstRunWhoLater: return Localized(zh: "本次以“{0}”记录每条修改；以后用 --who 姓名 或环境变量 HUFANG_USER 指定。", en: "Changes this session are recorded as \"{0}\"; later, name the enumerator with --who NAME or HUFANG_USER.")
        case .firstRunOpen: return Localized(zh: "按回车键打开户访（F10 退出）…", en: "Press Enter to open hufang (F10 quits)…")
        case .defDefaultOnCalculated: return Localized(zh: "计算得出的问题不能再写 {0}", en: "a calculated question cannot also have a '{0}'")
        case .defSkipNeedsDefault: return Localized(zh: "{0} 需要本问题写 {1}", en: "'{0}' needs a '{1}' on the same question")
        case .defBlockInTwoSections: return Localized(zh: "块“{0}”已用在另一部分（{1}）；一个块只能在一个部分之内", en: "block '{0}' is already used in another section ({1}); a block lies within one section")
        case .exprVisitOnlyInDefault: return Localized(zh: "{0}() 读的是这次入户而不是本户的回答，只能用在问题的 {1} 中", en: "{0}() reads the visit, not the household's answers: only a question's '{1}' may use it")
        case .statusDisagrees: return Localized(zh: "贫困户状态记为已脱贫，但现在未达到脱贫标准：应记为返贫并填写返贫原因", en: "the status is recorded as exited, but the household does not meet the standard now: record it as returned to poverty and say why")
        case .signOffRecordReturn: return Localized(zh: "状态记为已脱贫，评估为返贫。按 Enter 记为返贫，再填写返贫原因", en: "Recorded as exited, assessed as returned to poverty. Enter records the return and asks why")
        case .signOffStatusBlocker: return Localized(zh: "贫困户状态与评估不一致", en: "the poverty status disagrees with the assessment")
        case .recordedReturn: return Localized(zh: "已记为返贫，请填写返贫原因", en: "Recorded as returned to poverty; now say why")
        case .formDefaultOffered: return Localized(zh: "已预填：Enter 确认，或直接输入修改", en: "pre-filled: Enter confirms, or type to change")
        case .keyNoneOfThese: return Localized(zh: "都没有", en: "None")
        case .noneAnsweredZero: return Localized(zh: "{0} 个数字题已填 0", en: "{0} number questions answered with 0")
        case .noneLeftHere: return Localized(zh: "这里没有未填的数字题", en: "No unanswered number question here")
        case .formLastYearOffered: return Localized(zh: "上年的答案：Enter 确认未变，或直接输入修改", en: "last year's answer: Enter confirms it unchanged, or type to change")
        case .formLastYear: return Localized(zh: "上年 {0}", en: "was {0}")
        case .keySameAsLastYear: return Localized(zh: "同上年", en: "Unchanged")
        case .helpSameAsLastYear: return Localized(zh: "本页上年的答案全部确认未变", en: "Confirm every answer of last year on this page unchanged")
        case .sameAsLastYearDone: return Localized(zh: "{0} 项已确认与上年相同", en: "{0} answers confirmed unchanged since last year")
        case .sameAsLastYearAskRest: return Localized(zh: "{0} 项已确认与上年相同；这一项要重新填", en: "{0} answers confirmed unchanged since last year; this one is asked afresh")
        case .sameAsLastYearNothing: return Localized(zh: "这里没有要确认的上年答案：这一项要重新填", en: "No answer of last year to confirm here: this one is asked afresh")
        case .sameAsLastYearNotARound: return Localized(zh: "这户没有上年的调查，不能确认“同上年”", en: "This household has no round of last year to confirm against")
        case .historyConfirmedUnchanged: return Localized(zh: "确认与上年相同：", en: "confirmed unchanged since last year: ")
        case .sheetYearOverYear: return Localized(zh: "上年 {0} → {1}", en: "was {0} → {1}")
        }
    }
}
