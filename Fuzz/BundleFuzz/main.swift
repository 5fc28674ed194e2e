// Fuzz target: reading a bundle file before (and where possible past) its signature — the canonical ZIP
// reader (BundleArchive), the manifest (BundleManifest, JSON), inflating the payload (Deflate) and the
// changeset walk (Changeset.count). Signatures cannot be forged by a fuzzer, so every stage is also fed
// directly, chosen by how the input starts:
//   "PK\u{3}\u{4}…"  a bundle file: read, then each entry goes on to the stages below;
//   "{…"             a manifest.json;
//   anything else    a payload: walked as a changeset as it is, and also inflated (when it inflates) and walked.
// Seeds of all three kinds are in Fuzz/Corpus/bundle/.
import Foundation
import FuzzSupport
@testable import Store
import Survey

/// Payloads declare their inflated length in the signed manifest; a fuzzer's manifest is not signed, so its
/// declared length is capped here (the real import trusts it only after checking the signature).
let maxPlainLength = 4 << 20

func bundleFile(_ data: Data) {
    guard let entries = try? BundleArchive.read(data) else { return }
    let manifest = manifestJSON(entries[0])
    payload(entries[2], declared: manifest?.payload)
}

func manifestJSON(_ data: Data) -> BundleManifest? {
    guard let manifest = try? JSONDecoder().decode(BundleManifest.self, from: data) else { return nil }
    _ = BundleManifest.hash(data)
    _ = manifest.encoded()
    return manifest
}

func payload(_ data: Data, declared: BundleManifest.Payload?) {
    changeset(data)
    // Undeclared (a bare payload): a bounded guess, which still walks zlib's header and error paths.
    let length = declared?.plainLength ?? min(maxPlainLength, 4 * data.count)
    if (0...maxPlainLength).contains(length), let plain = Deflate.decompress(data, length: length) {
        changeset(plain)
    }
}

/// The import's checks, as a hub holding one household would run them: this store's schema, the shipped
/// questionnaire, and two signers — trusted by hand, and an enumerator enrolled for two villages.
struct ImportChecks {
    let schema: [TravellingTable: (names: [String], primaryKey: [Bool])]
    let rules: RowRules
    let signers: [BundleSigner]

    init() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-fuzz-\(UUID().uuidString)/hub.sqlite").path
        do {
            let store = try HouseholdStore(path: path, create: true)
            schema = try store.pool.read { try ChangesetCheck.schema($0) }
            rules = RowRules(questionnaire: try DefinitionLoader.load(directory: Fuzz.root.appendingPathComponent("screens")))
        } catch { fatalError("BundleFuzz cannot set up: \(error)") }
        let certificate = DeviceCertificate(format: DeviceCertificate.formatName, serial: "s", countyID: "622922", deviceID: "0123456789abcdef",
                                            publicKey: "", keyFingerprint: "", role: .enumerator, scope: ["622922100201", "622922100202"],
                                            name: "调查员", issuedAt: "", validUntil: "2099-12-31")
        signers = [BundleSigner(deviceID: "0123456789abcdef", scope: .handTrusted), BundleSigner(deviceID: "0123456789abcdef", scope: .certified(certificate))]
    }
}

let checks = ImportChecks()

/// The checks a changeset goes through before it is applied: the per-table counts, then every change
/// against the travelling tables' rules, the signer's clocks, role and villages.
func changeset(_ data: Data) {
    _ = try? Changeset.count(data)
    for signer in checks.signers {
        let check = ChangesetCheck(rules: checks.rules, signer: signer, schema: checks.schema)
        _ = try? check.run(ChangesetInput(data)) { _ in "622922100201" }
    }
}

Fuzz.main { data in
    if data.starts(with: [0x50, 0x4b, 0x03, 0x04]) {
        bundleFile(data)
    } else if data.first == UInt8(ascii: "{") {
        if let m = manifestJSON(data) { _ = m.payload }
    } else {
        payload(data, declared: nil)
    }
}
