import Foundation
import Survey

/// Why a bundle file was refused. Nothing in the store changed.
public enum BundleRejection: Error, Equatable, Sendable, Codable {
    case empty
    case truncated
    case damaged
    case unreadableManifest
    case unsupportedFormat(String)
    case untrustedDevice(device: String, keyID: String)
    case wrongKey(device: String)
    case badSignature
    case revoked(device: String, from: Int)
    case schemaMismatch(theirs: String, ours: String)
    case payloadDamaged
    case fork(sequence: Int)
    case noCountyKey
    case cannotDecrypt
    case changesDamaged(String)
    /// The file is larger than any bundle may be: not read at all.
    case fileTooLarge(size: Int, limit: Int)
    /// The payload declares more changes than any bundle may hold.
    case tooLarge(declared: Int, limit: Int)
    /// Inflates to another length than the signed manifest declares.
    case wrongLength(declared: Int)
    /// The manifest's change counts are not the payload's.
    case countsDiffer(declared: Int, actual: Int)
    /// The certificate is not signed by the county this store trusts (or it trusts none).
    case certificateNotFromCounty(device: String)
    /// The certificate names another device or another key than the one that signed.
    case certificateMismatch(device: String)
    case certificateExpired(device: String, on: String)
    /// A change the signer may not make; the whole bundle is refused.
    case refusedChange(RefusedChange)
    /// It leaves a household's procedure decided while the rules refuse the decision.
    case procedureNotDecidable(household: String, year: Int, ProcedureProblem)
    /// Answers of another questionnaire, or of a version this store's questionnaire does not migrate from.
    case otherQuestionnaire(theirs: String, ours: String)
    case questionnaireVersion(theirs: String, ours: String, migratesFrom: String?)
    /// A household of the previous version whose answers cannot all migrate.
    case cannotMigrate(household: String, from: String, to: String, [AnswerMigration.Problem])

    /// The message in the user's language.
    public func message(_ lang: Language) -> String {
        switch self {
        case .empty: return Phrase.emptyFile.text(lang)
        case .truncated: return Phrase.truncatedFile.text(lang)
        case .damaged: return Phrase.damagedNotHufangBundle.text(lang)
        case .unreadableManifest: return Phrase.unreadableManifest.text(lang)
        case .unsupportedFormat(let f): return Phrase.unsupportedBundleFormatUpgrade.text(lang, f)
        case .untrustedDevice(let d, let k):
            return Phrase.deviceFingerprintNotTrusted.text(lang, d, k)
        case .wrongKey(let d): return Phrase.signedKeyOtherThan.text(lang, d)
        case .badSignature: return Phrase.badSignatureFileAltered.text(lang)
        case .revoked(let d, let n): return Phrase.deviceRevokedSequence.text(lang, d, n)
        case .schemaMismatch(let t, let o):
            return Phrase.schemaMismatchTheirsOurs.text(lang, t, o)
        case .payloadDamaged: return Phrase.payloadDoesNotMatch.text(lang)
        case .fork(let n): return Phrase.forkAnotherBundleSequence.text(lang, n)
        case .noCountyKey: return Phrase.sealedCountyKeyStore.text(lang)
        case .cannotDecrypt: return Phrase.cannotDecryptWrongCounty.text(lang)
        case .changesDamaged(let why): return Phrase.changesCannotApplied.text(lang, why)
        case .fileTooLarge(let n, let limit):
            return Phrase.fileMoreThanBundle.text(lang, Self.size(n), Self.size(limit))
        case .tooLarge(let n, let limit):
            return Phrase.declaresChangesMoreThan.text(lang, Self.size(n), Self.size(limit))
        case .wrongLength(let n):
            return Phrase.doesNotInflateBytes.text(lang, n)
        case .countsDiffer(let declared, let actual):
            return Phrase.manifestDeclaresChangesPayload.text(lang, declared, actual)
        case .certificateNotFromCounty(let d):
            return Phrase.deviceCertificateNotSigned.text(lang, d)
        case .certificateMismatch(let d):
            return Phrase.certificateDoesNotMatch.text(lang, d)
        case .certificateExpired(let d, let day): return Phrase.deviceCertificateExpired.text(lang, d, day)
        case .refusedChange(let c): return c.message(lang)
        case .procedureNotDecidable(let h, let y, let problem): return Phrase.bundleProcedureNotDecidable.text(lang, h, y, problem.message(lang))
        case .otherQuestionnaire(let theirs, let ours): return Phrase.bundleOtherQuestionnaire.text(lang, theirs, ours)
        case .questionnaireVersion(let theirs, let ours, let from):
            return Phrase.bundleQuestionnaireVersion.text(lang, theirs, ours, from ?? "—")
        case .cannotMigrate(let h, let from, let to, let problems):
            return Phrase.householdCannotMigrate.text(lang, h, from, to) + problems.map { " " + $0.text(lang) }.joined(separator: ";")
        }
    }
}

extension BundleRejection {
    /// Bytes in MiB or GiB for a message.
    static func size(_ n: Int) -> String {
        n >= 1 << 30 ? String(format: "%.1f GiB", Double(n) / Double(1 << 30)) : String(format: "%.1f MiB", Double(n) / Double(1 << 20))
    }
}

/// What importing one file did.
public enum ImportOutcome: Equatable, Sendable {
    /// Applied, with how many changes and new conflicts; `released` are held bundles this one unblocked.
    case applied(changes: Int, conflicts: Int, released: [Released])
    case duplicate
    case held(waitingFor: Int)
    case rejected(BundleRejection)

    /// A held bundle taken up after the one it waited for arrived: applied, or refused after all (it leaves
    /// the held ones and is kept among the refused for the supervisor to see).
    public struct Released: Equatable, Sendable {
        public var sequence: Int
        public var changes: Int
        public var conflicts: Int
        public var rejection: BundleRejection?

        public init(sequence: Int, changes: Int, conflicts: Int, rejection: BundleRejection? = nil) {
            self.sequence = sequence; self.changes = changes; self.conflicts = conflicts; self.rejection = rejection
        }
    }

    /// The line printed for the file.
    public func line(_ lang: Language) -> String {
        switch self {
        case .applied(let n, let c, let released):
            var s = Phrase.appliedChanges.text(lang, n)
            if c > 0 { s += Phrase.appliedConflicts.text(lang, c) }
            for r in released {
                if let rejection = r.rejection {
                    s += Phrase.heldSequenceRejected.text(lang, r.sequence, rejection.message(lang))
                    continue
                }
                s += Phrase.thenHeldSequenceApplied.text(lang, r.sequence, r.changes)
                if r.conflicts > 0 { s += Phrase.heldConflicts.text(lang, r.conflicts) }
            }
            return s
        case .duplicate: return Phrase.outcomeDuplicate.text(lang)
        case .held(let k): return Phrase.heldWaitingSequence.text(lang, k)
        case .rejected(let r): return Phrase.outcomeRejected.text(lang, r.message(lang))
        }
    }
}
