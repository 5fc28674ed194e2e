import Crypto
import Foundation
import Store
import Survey

/// `hufang sync`: checks the hub is the county's, seals and uploads every bundle without a verified receipt
/// in chain order (resuming partial uploads, re-sending what a restored hub lost), installs a newer
/// revocation list, and imports the inbox through the checks of `bundle import`, moving the cursor only
/// after each import committed. Bundles are never dropped from `bundleOut`.
public struct HubSync {
    public let store: HouseholdStore
    public let questionnaire: Questionnaire?
    public var retry: RetryPolicy
    public var report: (HubSyncEvent) -> Void

    public init(store: HouseholdStore, questionnaire: Questionnaire?, retry: RetryPolicy = RetryPolicy(),
                report: @escaping (HubSyncEvent) -> Void = { _ in }) {
        self.store = store; self.questionnaire = questionnaire; self.retry = retry; self.report = report
    }

    /// Syncs with the hub at `url` (else the one remembered), verifying TLS with `tlsCA` (PEM; else the one
    /// remembered for that URL). The URL and authority are remembered once the hub proved itself the county's.
    public func run(hub url: String? = nil, tlsCA: String? = nil, enumerator: String) throws -> HubSyncSummary {
        let link = try store.hubLink()
        guard let url = url ?? link?.url else { throw HubSyncFailure.noHub }
        let authority = tlsCA ?? (link?.url == url ? link?.tlsCA : nil)
        guard let county = try store.county(), let mine = try store.ownSignedCertificate() else { throw HubSyncFailure.notEnrolled }
        let key = try DeviceKey.load(from: store.keyPath)
        let connection: HubConnection
        do {
            connection = try HubConnection(base: url, transport: CurlTransport(certificateAuthority: authority.map { Data($0.utf8) }),
                                           device: store.deviceID, key: key, certificate: mine, retry: retry)
        } catch { throw HubSyncFailure.hub(error) }
        var summary = HubSyncSummary()
        do {
            let hubKey = try verifiedHub(connection, county: county)
            try store.rememberHub(url: url, tlsCA: authority)
            try store.rememberHubKey(hubKey)
            report(.hubVerified(url: connection.base, fingerprint: DeviceKey.fingerprint(of: hubKey)))
            if let sequence = try store.sealBundle(enumerator: enumerator, questionnaire: questionnaire, progress: { report(.progress($0, done: $1, total: $2)) }) {
                report(.sealed(sequence: sequence))
            }
            try recover(connection)
            for bundle in try store.outgoingBundles() where bundle.receipt == nil {
                try upload(bundle, connection, hubKey: hubKey, summary: &summary)
            }
            try installRevocations(connection, county: county)
            try importInbox(connection, summary: &summary)
            summary.allReceipted = try store.outgoingBundles().allSatisfy { $0.receipt != nil }
            try store.markSynced()
        } catch let problem as HubProblem {
            summary.retries = connection.retries
            throw HubSyncFailure.hub(problem)
        }
        summary.retries = connection.retries
        return summary
    }

    /// The hub's receipt key, once its certificate proves the county enrolled it as this county's hub.
    func verifiedHub(_ connection: HubConnection, county: CountyIdentity) throws -> Data {
        let identity = try connection.identity()
        guard identity.county == county.countyID else { throw HubProblem.notCountyHub("it serves county \(identity.county)") }
        guard let signed = identity.certificate else { throw HubProblem.notCountyHub("it shows no county certificate for its key") }
        guard let certificate = signed.certificate(county: county) else {
            throw HubProblem.notCountyHub("its certificate is not signed by county \(county.countyID)")
        }
        guard certificate.role == .hub, certificate.scope.contains(county.countyID) else {
            throw HubProblem.notCountyHub("its certificate is for a \(certificate.role.rawValue), not the county's hub")
        }
        guard certificate.publicKey == identity.hubKey.base64EncodedString(), certificate.keyFingerprint == DeviceKey.fingerprint(of: identity.hubKey) else {
            throw HubProblem.notCountyHub("its certificate is for another key")
        }
        guard !certificate.isExpired(on: .today) else { throw HubProblem.notCountyHub("its certificate expired on \(certificate.validUntil)") }
        return identity.hubKey
    }

    /// Receipts that say the hub holds a bundle its status no longer shows (a restore from backup) are
    /// forgotten, so those bundles go again.
    func recover(_ connection: HubConnection) throws {
        let receipted = try store.outgoingBundles().filter { $0.receipt.map { $0.outcome != .rejected } ?? false }
        guard !receipted.isEmpty else { return }
        let status = try connection.status()
        let lost = receipted.map(\.sequence).filter { $0 > status.contiguous && !status.held.contains($0) }
        guard !lost.isEmpty else { return }
        try store.forgetHubReceipts(lost)
        report(.hubLost(sequences: lost))
    }

    /// Sends one bundle: resumes a recorded upload at the offset the hub holds (HEAD), else announces it;
    /// sends the rest in the hub's chunk size; finishes; verifies and keeps the receipt.
    func upload(_ bundle: OutgoingBundle, _ connection: HubConnection, hubKey: Data, summary: inout HubSyncSummary) throws {
        guard let archive = try store.outgoingArchive(bundle.sequence) else { return }
        let sha256 = SHA256.hash(data: archive).map { String(format: "%02x", $0) }.joined()
        let sentBefore = connection.bytesSent
        var expected: Int?
        var upload: OpenUpload?
        if let recorded = try store.hubUpload(bundle.sequence), let held = try connection.held(upload: recorded.uploadID) {
            upload = OpenUpload(id: recorded.uploadID, offset: held, chunkBytes: recorded.chunkBytes)
        }
        var restarts = 0
        while true {
            if upload == nil {
                switch try connection.announce(bundle: bundle.hash, sha256: sha256, length: archive.count) {
                case .held(let signed):
                    return try keep(signed, for: bundle, hubKey: hubKey, sent: connection.bytesSent - sentBefore, resent: 0, summary: &summary)
                case .upload(let opened):
                    upload = opened
                    try store.recordHubUpload(bundle.sequence, uploadID: opened.id, offset: opened.offset, chunkBytes: opened.chunkBytes)
                }
            }
            guard var current = upload else { continue }
            // What this sync must send at the least: from where the hub stood when first asked.
            if expected == nil { expected = archive.count - current.offset }
            var restart = false
            sending: while true {
                while current.offset < archive.count {
                    let end = min(archive.count, current.offset + current.chunkBytes)
                    report(.progress(.upload, done: current.offset, total: archive.count))
                    switch try connection.send(chunk: archive.subdata(in: current.offset..<end), at: current.offset, upload: current.id) {
                    case .taken(let held), .wrongOffset(let held):
                        guard held <= archive.count else { throw HubProblem.unexpected(status: 409, detail: "the hub holds more than the bundle") }
                        current.offset = held
                        try store.recordHubUpload(bundle.sequence, uploadID: current.id, offset: held, chunkBytes: current.chunkBytes)
                    case .noSuchUpload:
                        restart = true
                        break sending
                    }
                }
                report(.progress(.upload, done: archive.count, total: archive.count))
                switch try connection.finish(upload: current.id) {
                case .receipt(let signed):
                    let sent = connection.bytesSent - sentBefore
                    return try keep(signed, for: bundle, hubKey: hubKey, sent: sent, resent: max(0, sent - (expected ?? archive.count)),
                                    summary: &summary)
                case .incomplete(let held):
                    current.offset = min(held, archive.count)
                case .startAgain:
                    restart = true
                    break sending
                }
            }
            if restart {
                restarts += 1
                guard restarts <= 3 else { throw HubProblem.unexpected(status: 422, detail: "the hub keeps dropping the upload of bundle \(bundle.sequence)") }
                upload = nil
            }
        }
    }

    /// Verifies a receipt with the hub's certified key and that it is this bundle's, then keeps it.
    func keep(_ signed: SignedHubReceipt, for bundle: OutgoingBundle, hubKey: Data, sent: Int, resent: Int, summary: inout HubSyncSummary) throws {
        guard let receipt = signed.verified(hubKey: hubKey), receipt.bundle == bundle.hash, receipt.device == store.deviceID,
              receipt.sequence == bundle.sequence else { throw HubProblem.forgedReceipt(sequence: bundle.sequence) }
        try store.keepHubReceipt(receipt, signed, sequence: bundle.sequence)
        summary.bytesSent += sent
        summary.bytesResent += resent
        if receipt.outcome == .rejected { summary.refusedByHub += 1 } else { summary.uploaded += 1 }
        var kept = bundle
        kept.receipt = try store.outgoingBundles().first { $0.sequence == bundle.sequence }?.receipt
        report(.uploaded(kept, receipt, sent: sent, resent: resent))
    }

    /// A newer county-signed list from the hub is installed; an older, equal or foreign one changes nothing.
    func installRevocations(_ connection: HubConnection, county: CountyIdentity) throws {
        guard let signed = try connection.revocations(), let list = signed.revocations(county: county) else { return }
        guard list.number > (try store.revocationList()?.number ?? 0) else { return }
        let installed = try store.installRevocations(signed)
        report(.revocationsInstalled(number: installed.number, entries: installed.entries.count))
    }

    /// Imports the inbox from the remembered cursor, one bundle at a time; the cursor moves on only once the
    /// import has committed (or refused the bundle for good, said in its line).
    func importInbox(_ connection: HubConnection, summary: inout HubSyncSummary) throws {
        var cursor = try store.hubLink()?.inboxCursor ?? 0
        while true {
            let page = try connection.inbox(after: cursor)
            let total = page.entries.reduce(0) { $0 + $1.length }
            var done = 0
            for entry in page.entries where entry.position > cursor {
                report(.progress(.download, done: done, total: total))
                let file = try connection.bundle(entry.hash)
                guard EnrolledBundleCheck.unverifiedHash(file) == entry.hash else { throw HubProblem.wrongBundle(hash: entry.hash) }
                done += entry.length
                report(.progress(.download, done: done, total: total))
                let name = "hub-\(entry.device.prefix(8))-\(String(format: "%06d", entry.sequence)).zip"
                let outcome = try store.importBundle(file, fileName: name, questionnaire: questionnaire) { report(.progress($0, done: $1, total: $2)) }
                try store.advanceInboxCursor(to: entry.position)
                cursor = entry.position
                if case .rejected = outcome { summary.refusedHere += 1 } else { summary.imported += 1 }
                report(.imported(entry, outcome))
            }
            guard page.more, page.next > cursor || !page.entries.isEmpty else { return }
            cursor = max(cursor, page.next)
        }
    }
}
