import Foundation
import Store
import Survey

extension CountyProgress {
    /// A status in words (as stored when it is not one the laptops know).
    public static func statusLabel(_ raw: String, _ lang: Language) -> String { HouseholdStatus(rawValue: raw)?.label(lang) ?? raw }

    /// A device role in words.
    public static func roleLabel(_ raw: String, _ lang: Language) -> String { DeviceRole(rawValue: raw)?.label(lang) ?? raw }

    /// The villages grouped under their townships, in code order.
    public var townships: [(code: String, villages: [Village])] {
        Dictionary(grouping: villages, by: \.township).sorted { $0.key < $1.key }.map { (code: $0.key, villages: $0.value.sorted { $0.code < $1.code }) }
    }

    /// The dashboard as terminal text: every value from the store escaped, "label：value" lines so nothing has
    /// to line up in a proportional or CJK font. `guaranteeLabel` names a guarantee id (the questionnaire's words).
    public func text(_ lang: Language, guaranteeLabel: (String) -> String = { $0 }) -> String {
        func e(_ s: String) -> String { TerminalText.escaped(s) }
        let colon = lang == .zh ? "：" : ": "
        func p(_ phrase: ProgressPhrase, _ args: String...) -> String { phrase.text(lang, arguments: args) }
        func statusCounts(_ counts: [String: Int]) -> String {
            statuses.compactMap { s in counts[s].map { "\(Self.statusLabel(e(s), lang)) \($0)" } }.joined(separator: "  ")
        }
        func named(_ h: Named) -> String { "\(e(h.villageCode)) \(p(.householdNo)) \(e(h.householdNo)) \(e(h.headName))  [\(e(String(h.id.prefix(8))))]" }
        let rule = String(repeating: "─", count: 40)
        var out: [String] = []
        out.append("\(p(.title)) \(e(county))" + (scope == [county] ? "" : "（\(p(.scope))\(colon)\(scope.map(e).joined(separator: ","))）"))
        out.append(rule)
        out.append(p(.households) + colon + "\(households)" + (households > 0 ? "  " + statusCounts(byStatus) : ""))

        out += ["", p(.byVillage), rule]
        if villages.isEmpty { out.append("  " + p(.none)) }
        for (township, villages) in townships {
            let sum = villages.reduce(into: [String: Int]()) { acc, v in for (s, n) in v.byStatus { acc[s, default: 0] += n } }
            out.append("  \(p(.township)) \(e(township))  \(p(.townshipTotal)) \(sum.values.reduce(0, +))  \(statusCounts(sum))")
            for v in villages { out.append("    \(p(.village)) \(e(v.code))  \(p(.total)) \(v.total)  \(statusCounts(v.byStatus))") }
        }

        out += ["", p(.interviews), rule]
        if interviews.isEmpty { out.append("  " + p(.none)) }
        for i in interviews { out.append("  \(e(i.day))  \(e(i.enumerator))\(colon)\(i.count)") }

        out += ["", p(.reviews), rule]
        if reviews.isEmpty { out.append("  " + p(.none)) }
        for r in reviews { out.append("  \(p(.village)) \(e(r.village))  \(p(.approved)) \(r.approved)  \(p(.sentBack)) \(r.sentBack)") }
        if !sentBack.isEmpty {
            out.append("  \(p(.sentBackHouseholds))（\(p(.shownOf, "\(sentBackCount)", "\(sentBack.count)"))）")
            for s in sentBack {
                out.append("    \(named(s.household))  \(p(.reason))\(colon)\(e(s.reason))  （\(e(s.who)) \(e(String(s.at.prefix(10))))）")
            }
        }

        out += ["", "\(p(.openConflicts))\(colon)\(openConflictCount)", rule]
        for k in openConflicts {
            out.append("  \(named(k.household))  \(p(.field)) \(e(k.field))")
            out.append("    \(p(.mine))\(colon)\(e(k.mine))（\(e(k.mineWho))）  \(p(.theirs))\(colon)\(e(k.theirs))（\(e(k.theirsWho))）")
        }
        if openConflicts.count < openConflictCount { out.append("  " + p(.more, "\(openConflictCount - openConflicts.count)")) }

        out += ["", p(.devices), rule]
        if devices.isEmpty { out.append("  " + p(.none)) }
        for d in devices {
            out.append("  \(e(d.name))  \(Self.roleLabel(e(d.role), lang))  \(p(.scope)) \(d.scope.map(e).joined(separator: ","))  [\(e(String(d.deviceID.prefix(8))))]")
            out.append("    \(p(.bundles)) \(d.bundles)  \(p(.lastBundle))\(colon)\(d.lastBundleAt.map { $0 + " UTC" } ?? p(.never))"
                       + "  \(p(.lastReceipt))\(colon)\(d.lastReceiptAt.map { $0 + " UTC " + e(d.lastOutcome ?? "") } ?? p(.never))")
        }

        out += ["", p(.guarantees), rule]
        for f in failing {
            out.append("  \(e(guaranteeLabel(f.guarantee)))\(colon)\(f.count)")
            for h in f.households { out.append("    \(named(h))") }
            if f.households.count < f.count { out.append("    " + p(.more, "\(f.count - f.households.count)")) }
        }
        out.append("  \(p(.unknownGuarantees))\(colon)\(guaranteesUnknown)")
        return out.joined(separator: "\n") + "\n"
    }
}
