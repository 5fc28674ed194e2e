import Survey

/// The words of the county's progress pages and dashboard, Chinese first.
public enum ProgressPhrase: Sendable {
    case title, households, byVillage, township, village, total, interviews, enumerator, day, count, reviews, approved, sentBack,
         sentBackHouseholds, reason, reviewer, when, conflicts, openConflicts, field, mine, theirs, detected, devices, device, role,
         scope, bundles, lastBundle, lastReceipt, outcome, never, guarantees, failingHouseholds, unknownGuarantees, householdNo, head,
         none, more, signOut, signedInAs, overview, notSignedIn, notSignedInHelp, linkUsed, countyOffice, townshipTotal, countyTotal,
         shownOf, language

    public var localized: Localized {
        switch self {
        case .title: return Localized(zh: "县级进度", en: "County progress")
        case .households: return Localized(zh: "户数", en: "Households")
        case .byVillage: return Localized(zh: "按乡镇、村和状态", en: "By township, village and status")
        case .township: return Localized(zh: "乡镇", en: "Township")
        case .village: return Localized(zh: "村", en: "Village")
        case .total: return Localized(zh: "合计", en: "Total")
        case .interviews: return Localized(zh: "调查员每日调查户数", en: "Interviews per enumerator per day")
        case .enumerator: return Localized(zh: "调查员", en: "Enumerator")
        case .day: return Localized(zh: "日期", en: "Day")
        case .count: return Localized(zh: "户数", en: "Households")
        case .reviews: return Localized(zh: "审核：通过与退回", en: "Reviews: approved and sent back")
        case .approved: return Localized(zh: "通过", en: "Approved")
        case .sentBack: return Localized(zh: "退回", en: "Sent back")
        case .sentBackHouseholds: return Localized(zh: "退回的户", en: "Households sent back")
        case .reason: return Localized(zh: "原因", en: "Reason")
        case .reviewer: return Localized(zh: "审核员", en: "Reviewer")
        case .when: return Localized(zh: "时间", en: "When")
        case .conflicts: return Localized(zh: "冲突", en: "Conflicts")
        case .openConflicts: return Localized(zh: "待处理的冲突", en: "Open conflicts")
        case .field: return Localized(zh: "字段", en: "Field")
        case .mine: return Localized(zh: "中心的值", en: "Hub's value")
        case .theirs: return Localized(zh: "设备的值", en: "Device's value")
        case .detected: return Localized(zh: "发现时间", en: "Detected")
        case .devices: return Localized(zh: "设备及最后同步", en: "Devices and their last sync")
        case .device: return Localized(zh: "设备", en: "Device")
        case .role: return Localized(zh: "角色", en: "Role")
        case .scope: return Localized(zh: "范围", en: "Scope")
        case .bundles: return Localized(zh: "数据包", en: "Bundles")
        case .lastBundle: return Localized(zh: "最后数据包", en: "Last bundle")
        case .lastReceipt: return Localized(zh: "最后回执", en: "Last receipt")
        case .outcome: return Localized(zh: "结果", en: "Outcome")
        case .never: return Localized(zh: "从未", en: "never")
        case .guarantees: return Localized(zh: "两不愁三保障", en: "Two no-worries, three guarantees")
        case .failingHouseholds: return Localized(zh: "未达标的户", en: "Households failing")
        case .unknownGuarantees: return Localized(zh: "尚无法判断的户", en: "Households not yet judged")
        case .householdNo: return Localized(zh: "户号", en: "No.")
        case .head: return Localized(zh: "户主", en: "Head")
        case .none: return Localized(zh: "无", en: "none")
        case .more: return Localized(zh: "另有 %@ 户未列出", en: "%@ more not listed")
        case .signOut: return Localized(zh: "退出", en: "Sign out")
        case .signedInAs: return Localized(zh: "登录：", en: "Signed in: ")
        case .overview: return Localized(zh: "概况", en: "Overview")
        case .notSignedIn: return Localized(zh: "未登录", en: "Not signed in")
        case .notSignedInHelp: return Localized(zh: "请使用县里用 hufang-hub pages link 签发的一次性登录链接。",
                                                en: "Use a one-time login link the county issues with hufang-hub pages link.")
        case .linkUsed: return Localized(zh: "此登录链接无效、已用过或已过期，请向县里索取新链接。",
                                         en: "This login link is unknown, used or expired: ask the county for a new one.")
        case .countyOffice: return Localized(zh: "县级办公室", en: "county office")
        case .townshipTotal: return Localized(zh: "乡镇合计", en: "Township total")
        case .countyTotal: return Localized(zh: "全县合计", en: "County total")
        case .shownOf: return Localized(zh: "共 %@ 条，列出 %@ 条", en: "%@ in all, %@ listed")
        case .language: return Localized(zh: "English", en: "中文")
        }
    }

    /// The words in `lang`, each `%@` filled in turn.
    public func text(_ lang: Language, _ args: String...) -> String { text(lang, arguments: args) }

    /// The words in `lang`, each `%@` filled with `arguments` in turn.
    public func text(_ lang: Language, arguments args: [String]) -> String {
        var out = localized.text(lang)
        for a in args { if let r = out.range(of: "%@") { out.replaceSubrange(r, with: a) } }
        return out
    }
}
