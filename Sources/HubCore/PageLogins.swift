import Crypto
import Foundation
import PostgresNIO
import Store
import Survey

extension HubMigrations {
    /// Who may read the county's progress pages: one-time login links `hufang-hub pages link` issues, and the
    /// browser sessions they open. Only the SHA-256 of a token is kept, so the table gives no one a way in.
    static let progressPageLogins = Migration(name: "v5 progress page logins", statements: [
        """
        CREATE TABLE page_login (
            token_hash text PRIMARY KEY,
            kind text NOT NULL CHECK (kind IN ('link', 'session')),
            who text NOT NULL,
            device_id text,
            scope text[] NOT NULL,
            expires_at timestamptz NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE INDEX page_login_expiry ON page_login (expires_at)",
    ])
}

/// Who is reading the progress pages: an enrolled supervisor (through their device's certificate, seeing the
/// townships of its scope) or the county office (the whole county).
public struct PageViewer: Equatable, Sendable {
    public var who: String
    /// The supervisor's device; nil for the county office.
    public var deviceID: String?
    /// Village-code prefixes the viewer sees.
    public var scope: [String]

    public init(who: String, deviceID: String?, scope: [String]) { self.who = who; self.deviceID = deviceID; self.scope = scope }
}

/// Why a login link is not issued.
public enum PageLinkRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownDevice(String)
    case notSupervisor(String, role: String)
    case expired(String)
    case revoked(String)

    public var description: String {
        switch self {
        case .unknownDevice(let d): return "device \(d) has not synced with this hub: the hub holds no certificate for it"
        case .notSupervisor(let d, let role): return "device \(d) is enrolled as \(role): only supervisors and the county office see the pages"
        case .expired(let d): return "the certificate of device \(d) has run out"
        case .revoked(let d): return "device \(d) is revoked"
        }
    }
}

extension HubStore {
    /// How long a login link can be used (once), and how long the session it opens lasts.
    public static let pageLinkSeconds = 15 * 60
    public static let pageSessionSeconds = 12 * 60 * 60

    /// A new random token (256 bits, base64url) and the hash the table keeps of it.
    static func pageToken() -> (token: String, hash: String) {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let token = bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return (token, tokenHash(token))
    }

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The supervisor behind an enrolled device, as the hub knows it now: refused when not a supervisor,
    /// expired or revoked.
    public func pageViewer(device id: String) async throws -> PageViewer {
        guard let known = try await device(id) else { throw PageLinkRefusal.unknownDevice(id) }
        let c = known.certificate
        guard c.role == .supervisor else { throw PageLinkRefusal.notSupervisor(id, role: c.role.rawValue) }
        guard !c.isExpired(on: .today) else { throw PageLinkRefusal.expired(id) }
        if let list = try await revocations(),
           list.entries.contains(where: { $0.deviceID == id && ($0.keyFingerprint == nil || $0.keyFingerprint == c.keyFingerprint) }) {
            throw PageLinkRefusal.revoked(id)
        }
        return PageViewer(who: c.name, deviceID: id, scope: c.scope)
    }

    /// Issues a one-time login link token for `viewer`; the token is said once and never stored.
    public func issuePageLink(for viewer: PageViewer) async throws -> String {
        let (token, hash) = Self.pageToken()
        try await client.query("""
            INSERT INTO page_login (token_hash, kind, who, device_id, scope, expires_at)
            VALUES (\(hash), 'link', \(viewer.who), \(viewer.deviceID), \(viewer.scope), now() + make_interval(secs => \(Self.pageLinkSeconds)))
            """, logger: logger)
        return token
    }

    /// Uses a login link (it works once, within its time) and opens a session; the session's token, or nil
    /// when the link is unknown, used or too old.
    public func openPageSession(link token: String) async throws -> String? {
        guard token.utf8.count <= 128 else { return nil }
        let (session, hash) = Self.pageToken()
        return try await unwrapped {
            try await client.withTransaction(logger: logger) { connection -> String? in
                let rows = try await connection.query("""
                    WITH used AS (DELETE FROM page_login WHERE token_hash = \(Self.tokenHash(token)) AND kind = 'link' RETURNING *)
                    INSERT INTO page_login (token_hash, kind, who, device_id, scope, expires_at)
                    SELECT \(hash), 'session', who, device_id, scope, now() + make_interval(secs => \(Self.pageSessionSeconds))
                    FROM used WHERE expires_at > now() RETURNING 1
                    """, logger: logger)
                for try await _ in rows { return session }
                return nil
            }
        }
    }

    /// The viewer of an open session; nil when the session is unknown or over, or its supervisor's device
    /// has since been revoked, has run out or is no longer a supervisor's.
    public func pageViewer(session token: String) async throws -> PageViewer? {
        guard !token.isEmpty, token.utf8.count <= 128 else { return nil }
        let rows = try await client.query("""
            SELECT who, device_id, scope FROM page_login
            WHERE token_hash = \(Self.tokenHash(token)) AND kind = 'session' AND expires_at > now()
            """, logger: logger)
        for try await (who, deviceID, scope) in rows.decode((String, String?, [String]).self) {
            guard let deviceID else { return PageViewer(who: who, deviceID: nil, scope: scope) }
            guard let now = try? await pageViewer(device: deviceID) else { return nil }
            return PageViewer(who: now.who, deviceID: deviceID, scope: now.scope)
        }
        return nil
    }

    /// Ends a session (the pages' 退出 link).
    public func closePageSession(_ token: String) async throws {
        try await client.query("DELETE FROM page_login WHERE token_hash = \(Self.tokenHash(token)) AND kind = 'session'", logger: logger)
    }

    /// Forgets links and sessions past their time.
    public func prunePageLogins() async throws {
        try await client.query("DELETE FROM page_login WHERE expires_at < now()", logger: logger)
    }
}
