import Foundation
import HubCore
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PostgresNIO
import Store
import Survey

/// The county's read-only progress pages (`/county…`), for enrolled supervisors and the county office only.
/// A browser signs in with a one-time link `hufang-hub pages link` issues: `/county/login?token=…` opens a
/// session held in an HttpOnly cookie. Anything else — no cookie, an unknown or ended session, a revoked
/// supervisor — is answered 401 with a page that holds no figure.
public struct ProgressRoutes: Sendable {
    let store: HubStore
    /// The questionnaire's words for each guarantee id of 两不愁三保障, in its order.
    let guarantees: [(id: String, label: Localized)]
    /// Whether the hub serves TLS itself: the cookie is then marked Secure.
    let secure: Bool

    static let cookieName = "hufang_pages"

    public init(store: HubStore, guarantees: [(id: String, label: Localized)], secure: Bool) {
        self.store = store; self.guarantees = guarantees; self.secure = secure
    }

    func register(on router: Router<HubRequestContext>) {
        router.get("county/login") { request, _ in try await answer(request) { try await login(request) } }
        router.post("county/logout") { request, _ in try await answer(request) { try await logout(request) } }
        for page in ProgressPage.allCases {
            router.get(RouterPath(page.path)) { request, _ in try await answer(request) { try await show(page, request) } }
        }
    }

    /// The language a request asks for: `?lang=`, else the first of Accept-Language the pages speak, else Chinese.
    static func language(_ request: Request) -> (Language, explicit: Bool) {
        if let asked = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) { return (asked, true) }
        let tags = (request.headers[.acceptLanguage] ?? "").split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, q)
        }
        // The highest q wins; among equals, the first written.
        for (tag, _) in tags.enumerated().sorted(by: { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }).map(\.element) {
            if tag.hasPrefix("zh") { return (.zh, false) }
            if tag.hasPrefix("en") { return (.en, false) }
        }
        return (.zh, false)
    }

    /// The session token the request's cookie carries.
    static func sessionToken(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2, kv[0] == cookieName { return kv[1] }
            }
        }
        return nil
    }

    /// Headers every page is sent with: never cached, never framed, nothing loaded from elsewhere, no referrer
    /// (a login link's token must not travel on).
    static func pageHeaders() -> HTTPFields {
        var headers: HTTPFields = [:]
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return headers
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = pageHeaders()
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Runs a step; an unreachable database is a 503 page, with no figure either.
    private func answer(_ request: Request, _ step: () async throws -> Response) async throws -> Response {
        do {
            return try await step()
        } catch is PSQLError {
            let (lang, _) = Self.language(request)
            return Self.html(ProgressPage.document(lang: lang, title: "503", body: "<main><h1>503</h1></main>"), status: .serviceUnavailable,
                             headers: [.retryAfter: "5"])
        }
    }

    private func login(_ request: Request) async throws -> Response {
        let (lang, _) = Self.language(request)
        guard let token = request.uri.queryParameters["token"].map(String.init), let session = try await store.openPageSession(link: token) else {
            return Self.html(ProgressPage.signIn(lang: lang, linkRefused: true), status: .unauthorized)
        }
        // Only a page of this site: a link cannot send the browser elsewhere.
        let asked = request.uri.queryParameters["next"].map(String.init) ?? ProgressPage.overview.path
        let next = ProgressPage.allCases.contains { asked == $0.path || asked.hasPrefix($0.path + "?") } && !asked.contains("//")
            ? asked : ProgressPage.overview.path
        var cookie = "\(Self.cookieName)=\(session); Path=/county; HttpOnly; SameSite=Lax; Max-Age=\(HubStore.pageSessionSeconds)"
        if secure { cookie += "; Secure" }
        return Self.html("", status: .seeOther, headers: [.location: next, .setCookie: cookie])
    }

    private func logout(_ request: Request) async throws -> Response {
        if let token = Self.sessionToken(request) { try await store.closePageSession(token) }
        var cookie = "\(Self.cookieName)=; Path=/county; HttpOnly; SameSite=Lax; Max-Age=0"
        if secure { cookie += "; Secure" }
        let (lang, _) = Self.language(request)
        return Self.html(ProgressPage.signIn(lang: lang), status: .ok, headers: [.setCookie: cookie])
    }

    private func show(_ page: ProgressPage, _ request: Request) async throws -> Response {
        let (lang, explicit) = Self.language(request)
        guard let token = Self.sessionToken(request), let viewer = try await store.pageViewer(session: token) else {
            return Self.html(ProgressPage.signIn(lang: lang), status: .unauthorized)
        }
        let county = store.county.countyID
        // The county office sees the county; a supervisor the townships of their certificate inside it.
        let scope = viewer.deviceID == nil ? [county] : viewer.scope.filter { $0.hasPrefix(county) }
        let progress = try await CountyProgress.load(store.client, county: county, scope: scope.isEmpty ? ["-"] : scope,
                                                     guarantees: guarantees.map { $0.id }, logger: store.logger)
        let labels = Dictionary(guarantees.map { ($0.id, $0.label.text(lang)) }, uniquingKeysWith: { a, _ in a })
        return Self.html(page.html(progress, viewer: viewer, lang: lang, explicitLanguage: explicit) { labels[$0] ?? $0 })
    }
}
