import Crypto
import Foundation
import GRDB
import Survey
@testable import Store

/// What an attacker holding a trusted device's key can make: a correctly signed, correctly chained bundle
/// in the real format (canonical ZIP, Ed25519, zlib) around any changeset — made with SQLite's own session
/// extension on a copy of the receiving store, so updates and deletes carry the receiver's real old values.
public struct BundleForge {
    public let signer: HouseholdStore
    public let receiver: HouseholdStore
    public let questionnaire: Questionnaire
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-forge-\(UUID().uuidString)").path

    public init(signer: HouseholdStore, receiver: HouseholdStore, questionnaire: Questionnaire) {
        self.signer = signer; self.receiver = receiver; self.questionnaire = questionnaire
    }

    /// The signer's clock text, as its own writes carry it.
    public var clock: String { HybridLogicalClock(millis: 1_606_000_000_000, counter: 1, device: String(signer.deviceID.prefix(8))).description }

    /// The changeset `sql` makes on a copy of the receiver, capturing `tables` (any table, local ones too).
    public func changeset(tables: [String] = Changeset.capturedTables, _ sql: String, _ arguments: StatementArguments = []) throws -> Data {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let copy = "\(folder)/copy-\(UUID().uuidString).sqlite"
        try receiver.pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [copy]) }
        let queue = try DatabaseQueue(path: copy)
        return try queue.write { db in
            let (_, data) = try Changeset.capture(db.sqliteConnection!, tables: tables) { try db.execute(sql: sql, arguments: arguments) }
            guard let data else { throw SupportFailure("the statement changed nothing: \(sql)") }
            return data
        }
    }

    /// A bundle around `changeset`, signed with the signer's key, next in the signer's chain as the receiver
    /// holds it. `declare` may lie about the manifest (the signature still covers it).
    public func bundle(_ changeset: Data, compressed: Data? = nil, declare: (inout BundleManifest) -> Void = { _ in }) throws -> Data {
        let key = try DeviceKey.load(from: signer.keyPath)
        let (last, schema) = try receiver.pool.read { db in
            (try Row.fetchOne(db, sql: "SELECT sequence, hash FROM bundleIn WHERE deviceID = ? ORDER BY sequence DESC LIMIT 1", arguments: [signer.deviceID]),
             try BundleManifest.schemaFingerprint(db))
        }
        let payload = compressed ?? Deflate.compress(changeset)
        let counts = (try? Changeset.count(changeset)) ?? [:]
        var manifest = BundleManifest(
            format: BundleManifest.formatName, formatVersion: BundleManifest.currentVersion, bundleID: UUID().uuidString.lowercased(),
            deviceID: signer.deviceID, deviceName: "laptop", enumerator: "李文华", keyID: key.fingerprint,
            sequence: (last?["sequence"] as Int? ?? 0) + 1, previous: last?["hash"] ?? "", schema: schema, createdAt: HouseholdStore.timestamp(),
            changes: counts.values.reduce(0) { $0 + $1.total }, counts: counts,
            payload: .init(sha256: SHA256.hash(data: payload).hex, length: payload.count, compression: "deflate", plainLength: changeset.count,
                           encryption: "none", encapsulatedKey: nil, recipientKeyID: nil))
        declare(&manifest)
        let bytes = manifest.encoded()
        let signature = try key.privateKey.signature(for: BundleManifest.signingPrefix + bytes)
        return BundleArchive.write([bytes, signature, payload])
    }

    /// Forges and imports: the outcome.
    public func send(_ changeset: Data) throws -> ImportOutcome {
        try receiver.importBundle(try bundle(changeset), fileName: "forged.zip", questionnaire: questionnaire)
    }
}

/// Everything a store holds, as text: the schema and every row of every table in key order — the
/// equivalent of `sqlite3 store .dump`, to show that a refused bundle changed nothing at all.
public enum StoreDump {
    public static func of(_ store: HouseholdStore) throws -> String { try of(store.pool) }

    /// The dump of any database: a store's copy, or one a test applied a changeset to.
    public static func of(_ reader: some DatabaseReader) throws -> String {
        try reader.read { db in
            var out = ""
            for (name, sql) in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
                .map({ ($0["name"] as String, $0["sql"] as String) }) {
                out += sql + ";\n"
                guard try String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE name = ?", arguments: [name]) == "table" else { continue }
                let withoutRowID = sql.uppercased().contains("WITHOUT ROWID")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\" ORDER BY \(withoutRowID ? "1" : "rowid")") {
                    out += "INSERT INTO \(name) VALUES(" + row.databaseValues.map { "\($0)" }.joined(separator: ",") + ");\n"
                }
            }
            return out
        }
    }
}

/// A set-up step of a test that could not be done.
public struct SupportFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Throws unless `outcome` is an apply: a rejected good bundle must not pass as "not a duplicate".
public func expectApplied(_ outcome: ImportOutcome) throws {
    guard case .applied = outcome else { throw SupportFailure("expected applied, got \(outcome)") }
}
