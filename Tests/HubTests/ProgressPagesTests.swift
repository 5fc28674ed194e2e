import Foundation
import HTTPTypes
import HubCore
import HubServer
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import ProjectFolders
import Store
import Survey
import Testing

/// The county's progress pages over real HTTP from a real PostgreSQL, read by headless Chromium: what an
/// unauthenticated browser sees (nothing), what a supervisor and the county office see, and that every
/// figure on the pages is the store's.
// One test at a time: each fills a county and reads it whole, and all of them at once beside the other hub
// suites starved those suites' hubs of the two cores.
@Suite(.postgres, .serialized)
struct ProgressPagesTests {
    /// A hub serving the fixture's county, with a supervisor of township 622922100 enrolled and synced.
    struct Served {
        let store: HubStore
        let fixture: CountyTablesFixture
        let supervisor: TestDevice
        let enumerator: TestDevice
        let http: any TestClientProtocol

        /// A one-time login link's path and query, landing on `page`.
        func link(_ viewer: PageViewer, to page: ProgressPage, query: String = "") async throws -> String {
            let token = try await store.issuePageLink(for: viewer)
            let next = page.path + query
            return "/county/login?token=\(token)&next=\(next)"
        }

        var office: PageViewer { PageViewer(who: "县扶贫办", deviceID: nil, scope: [CountyTablesFixture.county]) }

        /// The page as a browser holding `session` gets it.
        func get(_ path: String, session: String?, headers extra: HTTPFields = [:]) async throws -> TestResponse {
            var headers = extra
            if let session { headers[.cookie] = "hufang_pages=\(session)" }
            return try await http.executeRequest(uri: path, method: .get, headers: headers, body: nil)
        }

        /// Signs in with a fresh link as `viewer`: the session cookie's value.
        func signIn(_ viewer: PageViewer) async throws -> String {
            let response = try await http.executeRequest(uri: try await link(viewer, to: .overview), method: .get, headers: [:], body: nil)
            #expect(response.status == .seeOther)
            let cookie = response.headers[.setCookie] ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            return String(cookie.prefix { $0 != ";" }.drop { $0 != "=" }.dropFirst())
        }
    }

    static func serve(_ test: @Sendable (Served) async throws -> Void) async throws {
        let cluster = try TestPostgres.current
        let database = try cluster.createDatabase()
        let county = try HubTestCounty(id: CountyTablesFixture.county)
        let hubKey = try county.hubKey()
        let logger = { var l = Logger(label: "pages-test"); l.logLevel = .warning; return l }()
        let client = cluster.client(database: database)
        let store = HubStore(client: client, county: county.authority.identity, hubKey: hubKey, limits: HubUnderTest.limits, logger: logger)
        let supervisor = try county.device("审核员张", role: .supervisor, scope: ["622922100"])
        let enumerator = try county.device("李调查员", role: .enumerator, scope: ["622922100201"])
        let guarantees = Project.questionnaire.standards.guarantees.map { (id: $0.id, label: $0.label) }
        var app = HubApplication.make(store: store, host: "127.0.0.1", port: 0, logger: logger, guarantees: guarantees)
        let fixture = Box<CountyTablesFixture>()
        app.beforeServerStarts {
            try await HubMigrations.migrate(client, logger: logger)
            fixture.value = try await CountyTablesFixture.fill(client, logger: logger)
            for device in [supervisor, enumerator] {
                try await store.keep(try store.check(certificate: device.signedCertificate, for: device.id), signed: device.signedCertificate)
            }
            // The enumerator synced twice: two bundles in the log, and the receipt of the last.
            for n in 1...2 {
                try await client.query("""
                    INSERT INTO bundle (hash, device_id, sequence, previous, bundle_id, state, changes, manifest, archive, log_position, author_role, received_at)
                    VALUES (\("hash-\(n)"), \(enumerator.id), \(n), '', \("bundle-\(n)"), 'applied', 317, '{}', '\\x00'::bytea, \(n), 'enumerator',
                            \("2021-01-0\(n) 10:30:00+00")::timestamptz)
                    """, logger: logger)
            }
            try await client.query("""
                INSERT INTO receipt VALUES ('hash-2', \(enumerator.id), 2, 'applied', NULL, timestamptz '2021-01-02 10:30:05+00', '{}', 'sig')
                """, logger: logger)
        }
        try await app.test(.live) { http in
            try await test(Served(store: store, fixture: fixture.value!, supervisor: supervisor, enumerator: enumerator, http: http))
        }
    }

    @Test("an unauthenticated request, a made-up session and a used link see no figure: 401 and the sign-in text only")
    func unauthenticatedSeesNothing() async throws {
        try await Self.serve { hub in
            let used = try await hub.link(hub.office, to: .overview)
            _ = try await hub.http.executeRequest(uri: used, method: .get, headers: [:], body: nil)
            for page in ProgressPage.allCases {
                for session in [nil, "made-up-session", String(repeating: "a", count: 43)] {
                    let response = try await hub.get(page.path, session: session)
                    let body = String(buffer: response.body)
                    #expect(response.status == .unauthorized, "\(page.path)")
                    #expect(!body.contains("data-figure=\"") && !body.contains("622922100201") && !body.contains("审核员张"), "\(page.path): \(body)")
                    #expect(body.contains("hufang-hub pages link"))
                    #expect(response.headers[.cacheControl] == "no-store")
                }
            }
            // The link opened a session once; the second time it is refused and sets no cookie.
            let again = try await hub.http.executeRequest(uri: used, method: .get, headers: [:], body: nil)
            #expect(again.status == .unauthorized)
            #expect(again.headers[.setCookie] == nil)
            #expect(!String(buffer: again.body).contains("data-figure=\""))
        }
    }

    @Test("a supervisor sees only the townships of their certificate; signing out ends the session")
    func supervisorSeesTheirTownships() async throws {
        try await Self.serve { hub in
            let viewer = try await hub.store.pageViewer(device: hub.supervisor.id)
            #expect(viewer.scope == ["622922100"])
            let session = try await hub.signIn(viewer)
            let page = String(buffer: try await hub.get("/county", session: session).body)
            #expect(page.contains("622922100201") && page.contains("622922100202"))
            #expect(!page.contains("622922101203"))
            let expected = hub.fixture.export.households.filter { $0.household.villageCode.hasPrefix("622922100") }.count
            #expect(HeadlessChromium.figures(page)["households"] == expected)
            let out = try await hub.http.executeRequest(uri: "/county/logout", method: .post, headers: [.cookie: "hufang_pages=\(session)"], body: nil)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await hub.get("/county", session: session).status == .unauthorized)
            // An enumerator's device, or one the hub never saw, gets no link.
            await #expect(throws: PageLinkRefusal.notSupervisor(hub.enumerator.id, role: "enumerator")) {
                try await hub.store.pageViewer(device: hub.enumerator.id)
            }
            await #expect(throws: PageLinkRefusal.unknownDevice("no-such-device")) { try await hub.store.pageViewer(device: "no-such-device") }
        }
    }

    @Test("store texts are escaped; Chinese first, English with ?lang=en or Accept-Language")
    func escapedAndLanguages() async throws {
        try await Self.serve { hub in
            let session = try await hub.signIn(hub.office)
            let reviews = String(buffer: try await hub.get("/county/reviews", session: session).body)
            #expect(!reviews.contains("<script>") && reviews.contains("王&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(reviews.contains("收入&lt;b&gt;有误&lt;/b&gt; &amp; 需核实&quot;&#39;"))
            #expect(reviews.contains("审核：通过与退回"))
            let english = String(buffer: try await hub.get("/county/reviews?lang=en", session: session).body)
            #expect(english.contains("Reviews: approved and sent back") && english.contains("href=\"/county/devices?lang=en\""))
            let accepted = String(buffer: try await hub.get("/county/reviews", session: session,
                                                            headers: [.acceptLanguage: "en-GB,en;q=0.9,zh-CN;q=0.5"]).body)
            #expect(accepted.contains("Reviews: approved and sent back"))
            let chinese = String(buffer: try await hub.get("/county/reviews", session: session, headers: [.acceptLanguage: "zh-CN,en;q=0.8"]).body)
            #expect(chinese.contains("审核：通过与退回"))
        }
    }

    @Test("every page in headless Chromium: screenshots kept, and each figure the pages show is the store's")
    func pagesInChromiumMatchTheStore() async throws {
        try await Self.serve { hub in
            let port = try #require(hub.http.port)
            let base = "http://127.0.0.1:\(port)"
            var shown: [String: Int] = [:]
            for page in ProgressPage.allCases {
                let name = page.rawValue.isEmpty ? "overview" : page.rawValue
                let path = try await HeadlessChromium.screenshot(base + (try await hub.link(hub.office, to: page)), name: name,
                                                           height: page == .guarantees ? 2400 : 1100)
                print("screenshot: \(path)")
                let dom = try await HeadlessChromium.dom(base + (try await hub.link(hub.office, to: page)))
                #expect(dom.contains("县级进度 622922"), "\(name) did not load in Chromium")
                for (k, v) in HeadlessChromium.figures(dom) { shown[k] = v }
            }
            _ = try await HeadlessChromium.screenshot(base + (try await hub.link(hub.office, to: .overview, query: "?lang=en")), name: "overview-en", height: 700)
            // A bare visit, without a link: the sign-in page, and no figure in the DOM.
            let bare = try await HeadlessChromium.dom(base + "/county")
            #expect(HeadlessChromium.figures(bare).isEmpty && bare.contains("未登录"))
            _ = try await HeadlessChromium.screenshot(base + "/county", name: "unauthenticated", height: 400)

            // The store's own figures, counted here by SQL independent of the pages' query.
            let client = hub.store.client
            func count(_ sql: String) async throws -> [String: Int] {
                var out: [String: Int] = [:]
                for try await (k, n) in try await client.query(PostgresQuery(unsafeSQL: sql)).decode((String, Int64).self) { out[k] = Int(n) }
                return out
            }
            var expected: [String: Int] = [:]
            expected["households"] = try await count("SELECT 'all', count(*) FROM county_household")["all"]
            for (k, n) in try await count("SELECT 'village-' || village_code || '-' || status, count(*) FROM county_household GROUP BY 1") { expected[k] = n }
            for (k, n) in try await count("SELECT 'village-' || village_code, count(*) FROM county_household GROUP BY 1") { expected[k] = n }
            for (k, n) in try await count("SELECT 'township-' || substr(village_code, 1, 9), count(*) FROM county_household GROUP BY 1") { expected[k] = n }
            for (k, n) in try await count("""
                SELECT 'township-' || substr(village_code, 1, 9) || '-' || status, count(*) FROM county_household GROUP BY 1
                """) { expected[k] = n }
            for (k, n) in try await count("SELECT 'status-' || status, count(*) FROM county_household GROUP BY 1") { expected[k] = n }
            for (k, n) in try await count("""
                SELECT 'interviews-' || enumerator || '-' || interview_date, count(*) FROM county_household GROUP BY 1
                """) { expected[k] = n }
            for (k, n) in try await count("""
                SELECT CASE r.state WHEN 'approved' THEN 'approved-' ELSE 'sent-back-' END || h.village_code, count(*)
                FROM county_review r JOIN county_household h ON h.id = r.household_id GROUP BY 1
                """) { expected[k] = n }
            expected["open-conflicts"] = try await count("SELECT 'n', count(*) FROM county_conflict WHERE state = 'open'")["n"]
            for (k, n) in try await count("SELECT 'bundles-' || device_id, count(*) FROM bundle GROUP BY 1") { expected[k] = n }
            for (k, n) in try await count("""
                SELECT 'failing-' || g, count(*) FROM county_household, unnest(string_to_array(unmet_guarantees, ' ')) g WHERE g <> '' GROUP BY 1
                """) { expected[k] = n }
            expected["guarantees-unknown"] = try await count("SELECT 'n', count(*) FROM county_household WHERE unmet_guarantees IS NULL")["n"]
            for (k, n) in expected { #expect(shown[k] == n, "\(k): the page shows \(shown[k].map(String.init) ?? "nothing"), the store holds \(n)") }
            // And nothing the store does not hold: a zero only where the store has no such row.
            for (k, n) in shown where expected[k] == nil { #expect(n == 0, "\(k) = \(n) on a page, and the store has no such row") }
            #expect(shown.count > 40, "the pages show \(shown.count) figures")
            #expect(expected["open-conflicts"] == 2 && (expected["households"] ?? 0) > 100)
        }
    }

    @Test("hufang-hub dashboard's text has the pages' figures, from the same query")
    func dashboardTextHasThePagesFigures() async throws {
        try await Self.serve { hub in
            let progress = try await CountyProgress.load(hub.store.client, county: CountyTablesFixture.county, scope: [CountyTablesFixture.county],
                                                         guarantees: Project.questionnaire.standards.guarantees.map(\.id), logger: hub.store.logger)
            let text = progress.text(.zh) { id in Project.questionnaire.standards.guarantees.first { $0.id == id }?.label.zh ?? id }
            let households = hub.fixture.export.households
            #expect(text.contains("户数：\(households.count)"))
            for village in CountyTablesFixture.villages {
                #expect(text.contains("村 \(village)  合计 \(households.filter { $0.household.villageCode == village }.count)"))
            }
            #expect(text.contains("待处理的冲突：2"))
            // A name from the store reaches the terminal escaped; markup stays visible text, not run.
            #expect(text.contains(CountyTablesFixture.hostileHead) == true)
            #expect(!text.contains("\u{1b}"))
            for g in progress.failing where g.count > 0 { #expect(text.contains("：\(g.count)")) }
        }
    }
}

/// A value set once inside a closure the test cannot return it from.
final class Box<Value>: @unchecked Sendable {
    var value: Value?
}
