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
    // MARK: Survey · ResidentID.swift
    case idNumberWrongLength, idNumberNotDigit, idBirthDateImpossible, idBirthDateImplausible, idCheckCharacterWrong
    // MARK: Store · DeviceCertificate.swift
    case enumerator, supervisor, hub
    // MARK: Store · CountyAuthority.swift
    case notCountyFolder, alreadyHoldsCountyKeys, notCountyFile, notSignedByCounty, otherCounty
    case certificateNotThisDevice, certificateNotThisKey, certificateExpired, noCountyTrusted, revocationListOlderThan
    case badScope, notEnrolled
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
    case storeNotClosedCleanly, storeAlreadyExists, noSuchStoreFile
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
    case povertyRegistrationHouseholdRecord, village, householdNo, head, status, enumeratorStore, householdId, none
    case assessment, perCapitaNetIncome, answersMissing, suggested, review
    // MARK: Store · SectionCSV.swift
    case csvHouseholdID, csvVillageCode, csvHouseholdNo, csvHead, csvStatus, csvRowNo, csvName
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
        case .enumeratorStore: return Localized(zh: "调查员", en: "Enumerator")
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
        }
    }
}
