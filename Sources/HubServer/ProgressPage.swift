import Foundation
import HubCore
import Store
import Survey

/// The county's read-only progress pages as server-rendered HTML: one `CountyProgress` value, one page per
/// figure, Chinese first. Every text from the store passes through `escape`; the numbers a test reads carry a
/// `data-figure` name.
public enum ProgressPage: String, CaseIterable, Sendable {
    case overview = ""
    case interviews, reviews, conflicts, devices, guarantees

    /// The page's path under the hub.
    public var path: String { rawValue.isEmpty ? "/county" : "/county/" + rawValue }

    var title: ProgressPhrase {
        switch self {
        case .overview: return .byVillage
        case .interviews: return .interviews
        case .reviews: return .reviews
        case .conflicts: return .openConflicts
        case .devices: return .devices
        case .guarantees: return .guarantees
        }
    }

    /// Text made safe inside HTML elements and quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where c.value < 0x20 && c != "\n" && c != "\t": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The whole page for `viewer`. `explicitLanguage`: the language was asked for with `?lang=`, so links keep it.
    public func html(_ progress: CountyProgress, viewer: PageViewer, lang: Language, explicitLanguage: Bool = false,
                     guaranteeLabel: (String) -> String = { $0 }) -> String {
        let e = Self.escape
        func p(_ phrase: ProgressPhrase, _ args: String...) -> String {
            var out = phrase.localized.text(lang)
            for a in args { if let r = out.range(of: "%@") { out.replaceSubrange(r, with: a) } }
            return e(out)
        }
        func link(_ page: ProgressPage, _ language: Language? = nil) -> String {
            let l = language ?? (explicitLanguage ? lang : nil)
            return page.path + (l.map { "?lang=\($0.rawValue)" } ?? "")
        }
        func figure(_ name: String, _ n: Int) -> String { "<span data-figure=\"\(e(name))\">\(n)</span>" }
        func named(_ h: CountyProgress.Named) -> String {
            "<td>\(e(h.villageCode))</td><td>\(e(h.householdNo))</td><td>\(e(h.headName))</td><td class=\"id\">\(e(String(h.id.prefix(8))))</td>"
        }
        let statuses = progress.statuses
        var body = ""
        switch self {
        case .overview:
            body += "<p class=\"big\">\(p(.households))：\(figure("households", progress.households))</p>"
            body += "<table><tr><th>\(p(.township))</th><th>\(p(.village))</th><th>\(p(.total))</th>"
            body += statuses.map { "<th>\(e(CountyProgress.statusLabel($0, lang)))</th>" }.joined() + "</tr>"
            for (township, villages) in progress.townships {
                for v in villages {
                    body += "<tr><td>\(e(township))</td><td>\(e(v.code))</td><td>\(figure("village-\(v.code)", v.total))</td>"
                    body += statuses.map { "<td>\(figure("village-\(v.code)-\($0)", v.byStatus[$0] ?? 0))</td>" }.joined() + "</tr>"
                }
                let sum = villages.reduce(into: [String: Int]()) { acc, v in for (s, n) in v.byStatus { acc[s, default: 0] += n } }
                body += "<tr class=\"sum\"><td>\(e(township))</td><td>\(p(.townshipTotal))</td><td>\(figure("township-\(township)", sum.values.reduce(0, +)))</td>"
                body += statuses.map { "<td>\(figure("township-\(township)-\($0)", sum[$0] ?? 0))</td>" }.joined() + "</tr>"
            }
            let all = progress.byStatus
            body += "<tr class=\"sum\"><td></td><td>\(p(.countyTotal))</td><td>\(progress.households)</td>"
            body += statuses.map { "<td>\(figure("status-\($0)", all[$0] ?? 0))</td>" }.joined() + "</tr></table>"
        case .interviews:
            body += "<table><tr><th>\(p(.day))</th><th>\(p(.enumerator))</th><th>\(p(.count))</th></tr>"
            for i in progress.interviews {
                body += "<tr><td>\(e(i.day))</td><td>\(e(i.enumerator))</td><td>\(figure("interviews-\(i.enumerator)-\(i.day)", i.count))</td></tr>"
            }
            if progress.interviews.isEmpty { body += "<tr><td colspan=\"3\">\(p(.none))</td></tr>" }
            body += "</table>"
        case .reviews:
            body += "<table><tr><th>\(p(.village))</th><th>\(p(.approved))</th><th>\(p(.sentBack))</th></tr>"
            for r in progress.reviews {
                body += "<tr><td>\(e(r.village))</td><td>\(figure("approved-\(r.village)", r.approved))</td><td>\(figure("sent-back-\(r.village)", r.sentBack))</td></tr>"
            }
            if progress.reviews.isEmpty { body += "<tr><td colspan=\"3\">\(p(.none))</td></tr>" }
            body += "</table><h2>\(p(.sentBackHouseholds))（\(p(.shownOf, "\(progress.sentBackCount)", "\(progress.sentBack.count)"))）</h2>"
            body += "<table><tr><th>\(p(.village))</th><th>\(p(.householdNo))</th><th>\(p(.head))</th><th></th><th>\(p(.reason))</th><th>\(p(.reviewer))</th><th>\(p(.when))</th></tr>"
            for s in progress.sentBack {
                body += "<tr>\(named(s.household))<td>\(e(s.reason))</td><td>\(e(s.who))</td><td>\(e(String(s.at.prefix(16))))</td></tr>"
            }
            body += "</table>"
        case .conflicts:
            body += "<p class=\"big\">\(p(.openConflicts))：\(figure("open-conflicts", progress.openConflictCount))</p>"
            body += "<table><tr><th>\(p(.village))</th><th>\(p(.householdNo))</th><th>\(p(.head))</th><th></th><th>\(p(.field))</th><th>\(p(.mine))</th><th>\(p(.theirs))</th><th>\(p(.detected))</th></tr>"
            for k in progress.openConflicts {
                body += "<tr>\(named(k.household))<td>\(e(k.field))</td><td>\(e(k.mine))<br><small>\(e(k.mineWho))</small></td>"
                body += "<td>\(e(k.theirs))<br><small>\(e(k.theirsWho))</small></td><td>\(e(String(k.detectedAt.prefix(16))))</td></tr>"
            }
            body += "</table>"
            if progress.openConflicts.count < progress.openConflictCount { body += "<p>\(p(.more, "\(progress.openConflictCount - progress.openConflicts.count)"))</p>" }
        case .devices:
            body += "<table><tr><th>\(p(.device))</th><th>\(p(.role))</th><th>\(p(.scope))</th><th>\(p(.bundles))</th><th>\(p(.lastBundle))</th><th>\(p(.lastReceipt))</th></tr>"
            for d in progress.devices {
                body += "<tr><td>\(e(d.name))<br><small class=\"id\">\(e(String(d.deviceID.prefix(8))))</small></td><td>\(e(CountyProgress.roleLabel(d.role, lang)))</td>"
                body += "<td>\(e(d.scope.joined(separator: ", ")))</td><td>\(figure("bundles-\(d.deviceID)", d.bundles))</td>"
                body += "<td>\(d.lastBundleAt.map { e($0) + " UTC" } ?? p(.never))</td>"
                body += "<td>\(d.lastReceiptAt.map { e($0) + " UTC · " + e(d.lastOutcome ?? "") } ?? p(.never))</td></tr>"
            }
            if progress.devices.isEmpty { body += "<tr><td colspan=\"6\">\(p(.none))</td></tr>" }
            body += "</table>"
        case .guarantees:
            body += "<table><tr><th>\(p(.guarantees))</th><th>\(p(.failingHouseholds))</th></tr>"
            for f in progress.failing {
                body += "<tr><td><a href=\"#g-\(e(f.guarantee))\">\(e(guaranteeLabel(f.guarantee)))</a></td><td>\(figure("failing-\(f.guarantee)", f.count))</td></tr>"
            }
            body += "<tr class=\"sum\"><td>\(p(.unknownGuarantees))</td><td>\(figure("guarantees-unknown", progress.guaranteesUnknown))</td></tr></table>"
            for f in progress.failing where f.count > 0 {
                body += "<h2 id=\"g-\(e(f.guarantee))\">\(e(guaranteeLabel(f.guarantee)))：\(f.count)</h2>"
                body += "<table><tr><th>\(p(.village))</th><th>\(p(.householdNo))</th><th>\(p(.head))</th><th></th></tr>"
                for h in f.households { body += "<tr>\(named(h))</tr>" }
                body += "</table>"
                if f.households.count < f.count { body += "<p>\(p(.more, "\(f.count - f.households.count)"))</p>" }
            }
        }
        let nav = Self.allCases.map { page in
            page == self ? "<b>\(p(page == .overview ? .overview : page.title))</b>"
                         : "<a href=\"\(link(page))\">\(p(page == .overview ? .overview : page.title))</a>"
        }.joined(separator: " · ")
        let other: Language = lang == .zh ? .en : .zh
        let who = viewer.deviceID == nil ? "\(e(viewer.who))（\(p(.countyOffice))）" : "\(e(viewer.who))（\(e(viewer.scope.joined(separator: ",")))）"
        return Self.document(lang: lang, title: "\(p(.title)) \(e(progress.county)) · \(p(title))", body: """
            <header><h1>\(p(.title)) \(e(progress.county))</h1><nav>\(nav)</nav>
            <div class="who">\(p(.signedInAs))\(who) · <a href="\(link(self, other))">\(p(.language))</a>
            <form method="post" action="/county/logout"><button>\(p(.signOut))</button></form></div></header>
            <main><h2>\(p(title))</h2>\(body)</main>
            """)
    }

    /// What an unauthenticated request sees: no figure, only how to sign in.
    public static func signIn(lang: Language, linkRefused: Bool = false) -> String {
        let text = (linkRefused ? ProgressPhrase.linkUsed : .notSignedInHelp).localized.text(lang)
        return document(lang: lang, title: escape(ProgressPhrase.notSignedIn.localized.text(lang)),
                        body: "<main><h1>\(escape(ProgressPhrase.notSignedIn.localized.text(lang)))</h1><p>\(escape(text))</p></main>")
    }

    static func document(lang: Language, title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(title)</title>
        <style>
        body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:1.5em;color:#222}
        header{border-bottom:2px solid #b22;margin-bottom:1em} h1{font-size:1.4em;color:#b22;margin:.2em 0}
        nav a,nav b{margin-right:.3em} .who{float:right;font-size:.9em;margin-top:-2.2em} .who form{display:inline}
        table{border-collapse:collapse;margin:.5em 0 1.2em} th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
        th{background:#f3eded} tr.sum td{font-weight:bold;background:#faf6f6} td span[data-figure]{font-variant-numeric:tabular-nums}
        .big{font-size:1.3em} .id{color:#888;font-family:monospace} small{color:#666}
        </style></head><body>
        \(body)
        </body></html>
        """
    }
}
