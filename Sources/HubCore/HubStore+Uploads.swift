import Crypto
import Foundation
import PostgresNIO
import Store

/// An upload in progress as the hub holds it.
public struct UploadState: Equatable, Sendable {
    public var id: UUID
    public var bundle: String
    public var sha256: String
    public var length: Int
    /// Bytes the hub holds: the offset the next chunk must start at.
    public var received: Int
}

/// What announcing a bundle led to.
public enum Announcement: Equatable, Sendable {
    /// Send the bytes from `received` on (0 for a new upload; more when resuming).
    case upload(UploadState)
    /// The hub holds this bundle already: nothing to send.
    case held(SignedHubReceipt)
}

/// Why an upload step was refused. Nothing was stored.
public enum UploadRefusal: Error, Equatable, Sendable {
    /// Hashes are 64 lower-case hex digits; a length is at least one byte.
    case badAnnouncement(String)
    case tooLarge(limit: Int)
    case tooManyOpen(limit: Int)
    /// The same bundle was announced before with another hash or length.
    case announcedOtherwise
    case noSuchUpload
    /// A chunk must start where the bytes held end.
    case wrongOffset(current: Int)
    /// The chunk goes past the announced length.
    case pastEnd(length: Int)
    case emptyChunk
    /// Finish before every byte arrived.
    case incomplete(current: Int)
    /// The bytes' hash is not the announced one: the upload is dropped.
    case hashMismatch
}

extension HubStore {
    /// Announces a bundle of `device`: its manifest hash, the whole file's SHA-256 and length. The same bundle
    /// announced again resumes its upload.
    public func announce(device: String, bundle: String, sha256: String, length: Int) async throws -> Announcement {
        uploads.note()
        guard Self.isHash(bundle), Self.isHash(sha256) else { throw UploadRefusal.badAnnouncement("hashes are 64 lower-case hex digits") }
        guard length > 0 else { throw UploadRefusal.badAnnouncement("the length is at least one byte") }
        guard length <= limits.bundleBytes else { throw UploadRefusal.tooLarge(limit: limits.bundleBytes) }
        if let receipt = try await duplicateReceipt(device: device, bundle: bundle) { return .held(receipt) }
        return try await unwrapped {
            try await client.withTransaction(logger: logger) { connection in
                var existing: UploadState?
                for try await (id, s, n, r) in try await connection.query("""
                    SELECT id, sha256, length, received FROM upload WHERE device_id = \(device) AND bundle_hash = \(bundle) FOR UPDATE
                    """, logger: logger).decode((UUID, String, Int, Int).self) {
                    existing = UploadState(id: id, bundle: bundle, sha256: s, length: n, received: r)
                }
                if let existing {
                    guard existing.sha256 == sha256, existing.length == length else { throw UploadRefusal.announcedOtherwise }
                    return .upload(existing)
                }
                var open = 0
                for try await n in try await connection.query("SELECT count(*)::integer FROM upload WHERE device_id = \(device)",
                                                              logger: logger).decode(Int.self) { open = n }
                guard open < limits.openUploadsPerDevice else { throw UploadRefusal.tooManyOpen(limit: limits.openUploadsPerDevice) }
                let id = UUID()
                try await connection.query("""
                    INSERT INTO upload (id, device_id, bundle_hash, sha256, length) VALUES (\(id), \(device), \(bundle), \(sha256), \(length))
                    """, logger: logger)
                return .upload(UploadState(id: id, bundle: bundle, sha256: sha256, length: length, received: 0))
            }
        }
    }

    /// The upload `id` of `device` (another device's upload does not exist for it).
    public func upload(_ id: UUID, device: String) async throws -> UploadState? {
        for try await (b, s, n, r) in try await client.query("""
            SELECT bundle_hash, sha256, length, received FROM upload WHERE id = \(id) AND device_id = \(device)
            """, logger: logger).decode((String, String, Int, Int).self) {
            return UploadState(id: id, bundle: b, sha256: s, length: n, received: r)
        }
        return nil
    }

    /// Appends a chunk that starts at `offset`, which must be where the bytes held end. Returns the new end.
    public func append(_ chunk: Data, at offset: Int, to id: UUID, device: String) async throws -> Int {
        uploads.note()
        guard !chunk.isEmpty else { throw UploadRefusal.emptyChunk }
        guard chunk.count <= limits.chunkBytes else { throw UploadRefusal.tooLarge(limit: limits.chunkBytes) }
        return try await unwrapped {
            try await client.withTransaction(logger: logger) { connection in
                var state: (length: Int, received: Int)?
                for try await row in try await connection.query("""
                    SELECT length, received FROM upload WHERE id = \(id) AND device_id = \(device) FOR UPDATE
                    """, logger: logger).decode((Int, Int).self) { state = row }
                guard let state else { throw UploadRefusal.noSuchUpload }
                guard offset == state.received else { throw UploadRefusal.wrongOffset(current: state.received) }
                guard offset + chunk.count <= state.length else { throw UploadRefusal.pastEnd(length: state.length) }
                let end = offset + chunk.count
                try await connection.query("INSERT INTO upload_chunk (upload_id, start_offset, bytes) VALUES (\(id), \(offset), \(chunk))", logger: logger)
                try await connection.query("UPDATE upload SET received = \(end), updated_at = now() WHERE id = \(id)", logger: logger)
                return end
            }
        }
    }

    /// The whole file of a finished upload, when its bytes hash to the announced SHA-256. A mismatch drops
    /// the upload (the device announces it again and sends it whole).
    func assembled(_ id: UUID, device: String) async throws -> (UploadState, Data) {
        guard let state = try await upload(id, device: device) else { throw UploadRefusal.noSuchUpload }
        guard state.received == state.length else { throw UploadRefusal.incomplete(current: state.received) }
        var file = Data(capacity: state.length)
        for try await bytes in try await client.query("SELECT bytes FROM upload_chunk WHERE upload_id = \(id) ORDER BY start_offset",
                                                      logger: logger).decode(Data.self) {
            file.append(bytes)
        }
        guard file.count == state.length, SHA256.hash(data: file).hexDigits == state.sha256 else {
            try await drop(id)
            throw UploadRefusal.hashMismatch
        }
        return (state, file)
    }

    func drop(_ id: UUID) async throws {
        try await client.query("DELETE FROM upload WHERE id = \(id)", logger: logger)
    }

    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal.
    var hexDigits: String { map { String(format: "%02x", $0) }.joined() }
}
