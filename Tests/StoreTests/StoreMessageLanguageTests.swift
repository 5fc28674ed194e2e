import Foundation
import Testing
import Survey
@testable import Store

/// Whether a text holds Chinese characters or full-width punctuation.
private func holdsCJK(_ s: String) -> Bool {
    s.unicodeScalars.contains { (0x3000...0x303F).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
}

/// The store's refusals carry ids and values; the words are the catalogue's, in the language asked for.
@Suite struct StoreMessageLanguageTests {
    static let rowProblems: [RowProblem.Kind] = [
        .wrongStorage(expected: .integer), .missing, .notUUID("x"), .notRowID("x"), .tooLong(limit: 200), .containsNUL,
        .notTimestamp("x"), .notDay("x"), .notClock("x"), .notInVocabulary("x", allowed: ["a", "b"]), .outOfRange("9", 1...3),
        .notFinite, .unknownQuestion("q"), .calculatedQuestion("q"), .rosterMismatch(question: "q", needsRow: true),
        .rosterMismatch(question: "q", needsRow: false), .unknownRoster("r"), .unknownCheck("c"),
        .typeMismatch(question: "q", expected: "number", got: "text"), .notAValue(type: "number", value: "0x10"), .notAnInteger("1.5"),
        .codeNotInList(code: 9, question: "q"), .notSupersedesList, .signedByAnother(clock: "c"),
    ]

    static let refusals: [RefusedChange.Reason] = [
        .localTable, .operation("delete"), .column("id"), .schema, .unreadable(column: "value"), .unreadable(column: nil),
        .row(RowProblem("value", .missing)), .notSigner(clock: "c"), .role("enumerator"), .outOfScope(village: "622922100201"),
    ]

    static let rejections: [BundleRejection] = [
        .empty, .truncated, .damaged, .unreadableManifest, .unsupportedFormat("9"), .untrustedDevice(device: "d", keyID: "k"),
        .wrongKey(device: "d"), .badSignature, .revoked(device: "d", from: 3), .schemaMismatch(theirs: "1", ours: "2"),
        .payloadDamaged, .fork(sequence: 2), .noCountyKey, .cannotDecrypt, .changesDamaged("why"),
        .fileTooLarge(size: 1 << 30, limit: 1 << 26), .tooLarge(declared: 9, limit: 8), .wrongLength(declared: 9),
        .countsDiffer(declared: 2, actual: 1), .certificateNotFromCounty(device: "d"), .certificateMismatch(device: "d"),
        .certificateExpired(device: "d", on: "2020-11-20"),
    ] + refusals.map { .refusedChange(RefusedChange(index: 3, table: "answer", household: "h", key: "k", reason: $0)) }

    static let storeErrors: [StoreError] = [
        .busy("s.db"), .notAStore("s.db"), .cannotOpen("s.db", "disk I/O error"), .noSuchFile("s.db"),
        .deviceKey("s.db", .tooOpen("s.key", 0o644)), .unknownHousehold("h"), .damagedValue(household: "h", question: "q"),
        .alreadyExists("s.db"), .unknownComment("c"), .readOnly("s.db"), .readOnlyUnfinished("s.db"),
    ]

    static let importProblems: [ImportError.Problem] = [
        .invalidUTF8(line: 3, column: 11, offset: 40), .notJSON("bad"), .notHouseholdFile(found: "x"), .unsupportedVersion(2),
        .householdTwice("h"), .notItsHousehold("h"), .noSuchRow("r"), .appearsTwice("k"), .householdInStore("h"), .recordInStore,
        .missing, .wrongType(expected: "String"), .null(expected: "String"), .damaged("why"), .row(RowProblem("value", .notFinite)),
    ]

    static var everyMessage: [(zh: String, en: String)] {
        var all: [(String, String)] = []
        all += rowProblems.map { RowProblem("value", $0) }.map { ($0.message(.zh), $0.message(.en)) }
        all += rejections.map { ($0.message(.zh), $0.message(.en)) }
        all += storeErrors.map { ($0.message(.zh), $0.message(.en)) }
        all += importProblems.map { ImportError(path: "households[0]", problem: $0) }.map { ($0.message(.zh), $0.message(.en)) }
        let trust: [TrustProblem] = [.notAKeyFile("k.pub"), .isThisDevice, .differentKey(device: "d"), .unknownDevice("d"), .ambiguousDevice("d")]
        all += trust.map { ($0.message(.zh), $0.message(.en)) }
        let conflicts: [ConflictProblem] = [.unknown("c"), .ambiguous("c"), .alreadyResolved("c"), .badValue("x", type: "number")]
        all += conflicts.map { ($0.message(.zh), $0.message(.en)) }
        let enrolment: [EnrolmentProblem] = [.notACountyFolder("f"), .exists("f"), .notAFile("f"), .badSignature,
                                             .otherCounty(expected: "6229", got: "6230"), .notThisDevice("d"), .notThisKey,
                                             .expired("2020-11-20"), .noCounty, .olderRevocations(have: 3, got: 2), .badScope("x"), .notEnrolled]
        all += enrolment.map { ($0.message(.zh), $0.message(.en)) }
        let keys: [DeviceKey.Problem] = [.exists("k"), .unreadable("k", "no such file"), .damaged("k"), .tooOpen("k", 0o644)]
        all += keys.map { ($0.message(.zh), $0.message(.en)) }
        let exports: [ExportRefusal] = [.keyMismatch(keyFile: "k", found: "ab", expected: "cd"), .alreadyRunning(lockFile: "l")]
        all += exports.map { ($0.message(.zh), $0.message(.en)) }
        all.append((BundleWriteFailure(path: "/media/usb/b", reason: "No space left").message(.zh),
                    BundleWriteFailure(path: "/media/usb/b", reason: "No space left").message(.en)))
        return all
    }

    @Test func everyStoreRefusalInEnglishHoldsNoChineseAndInChineseIsChinese() {
        let all = Self.everyMessage
        #expect(all.count > 90)
        for m in all {
            #expect(!holdsCJK(m.en), "English message holds Chinese: \(m.en)")
            #expect(holdsCJK(m.zh), "Chinese message holds no Chinese: \(m.zh)")
        }
    }

    @Test func aRowProblemNamesTheExpectedStorageInTheUsersLanguage() {
        let p = RowProblem("value", .wrongStorage(expected: .integer))
        #expect(p.message(.en) == "expected integer")
        #expect(p.message(.zh) == "应为整数")
    }

    @Test func aMissingStoreFileIsExplainedInEnglishWithoutChinese() {
        #expect(StoreError.noSuchFile("v.db").message(.en) == "Cannot open the store v.db: no such file; create it with `hufang init --db v.db`")
        #expect(StoreError.noSuchFile("v.db").message(.zh).hasPrefix("无法打开数据库v.db：文件不存在"))
    }

    @Test func anImportRefusalOfBadUTF8SaysWhereInTheUsersLanguage() {
        let e = ImportError(path: "(file)", problem: .invalidUTF8(line: 3, column: 11, offset: 40))
        #expect(e.message(.en) == "Import refused, nothing changed. At (file): invalid UTF-8 at line 3, column 11, byte 40")
        #expect(e.message(.zh).contains("第 3 行第 11 列（字节 40）不是有效的UTF-8"))
    }
}
