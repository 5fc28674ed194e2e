import Survey
import Store

/// The application's own words, Chinese first, English with `--lang en`.
enum T {
    static func pick(_ lang: Language, _ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    static func saved(_ l: Language) -> String { pick(l, "已保存", "Saved") }
    static func sentBack(_ reason: String, _ l: Language) -> String {
        pick(l, "本户已被退回：\(reason)　※ 标出的项目有审核意见", "Sent back: \(reason)  ※ marks the fields with comments")
    }
    static func completed(_ l: Language) -> String { pick(l, "本户已完成，已保存。按 F7 新建下一户", "Household completed and saved. F7 starts the next one") }
    static func cancelled(_ l: Language) -> String { pick(l, "已取消，原答案未改", "Cancelled; the answer is unchanged") }
    static func rowRemoved(_ l: Language) -> String { pick(l, "已删除，原因已记录", "Removed; the reason is recorded") }
    static func explained(_ l: Language) -> String { pick(l, "已记录说明", "Reason recorded") }
    static func allAnswered(_ l: Language) -> String { pick(l, "必答项都已填写", "Every required question is answered") }
    static func noProblems(_ l: Language) -> String { pick(l, "没有需要处理的问题", "No problems to fix") }
    static func noRosterHere(_ l: Language) -> String { pick(l, "这一部分不能添加行；成员请在“家庭成员”部分添加", "Rows are added in a roster section, e.g. members") }
    static func emptyRoster(_ l: Language) -> String { pick(l, "还没有记录，按 F7 添加", "Nothing yet: F7 adds one") }
    static func sectionNotForRow(_ l: Language) -> String { pick(l, "该成员不需要填写这一部分", "This part does not apply to this member") }
    static func fieldNotShown(_ l: Language) -> String { pick(l, "该项当前不需填写", "That field does not apply at the moment") }
    static func explainTitle(_ l: Language) -> String { pick(l, "说明原因（提示可在说明后通过）", "Explain (a warning passes with a reason)") }
    static func cannotComplete(_ l: Language) -> String { pick(l, "不能完成：", "Cannot complete: ") }
    static func removeDetail(_ l: Language) -> String {
        pick(l, "确认删除？请输入原因（如：迁出、死亡、录入错误），Enter 删除，Esc 取消", "Remove? Type the reason (moved out, died, typed by mistake); Enter removes, Esc cancels")
    }
    static func removeTitle(_ l: Language, _ r: Roster, _ n: Int, _ name: String) -> String {
        pick(l, "删除\(r.label.zh)第\(n)\(rowUnit(r)) \(name)", "Remove \(r.label.en) row \(n) \(name)")
    }
    static func rowAdded(_ l: Language, _ r: Roster, _ n: Int) -> String {
        pick(l, "已添加\(r.label.zh)第\(n)行", "Added \(r.label.en) row \(n)")
    }
    /// A commit the store refused: what the field still holds and that the typed text waits for Enter
    /// first (a narrow status line cuts the end), then why.
    static func notStored(_ l: Language, _ reason: String, stored: String?) -> String {
        switch stored {
        case .some(let v):
            pick(l, "未保存，此项仍为：\(v.isEmpty ? "（未填）" : v)；输入的内容还在，按 Enter 重试。原因：\(reason)",
                 "Not saved; the field still holds: \(v.isEmpty ? "(empty)" : v); the text typed is kept, Enter retries. Why: \(reason)")
        case .none:
            pick(l, "未保存，按 Enter 重试。原因：\(reason)", "Not saved; Enter retries. Why: \(reason)")
        }
    }
    static func atRosterEnd(_ l: Language) -> String {
        pick(l, "按 F7 添加一行，按 Enter 继续下一部分", "F7 adds a row; Enter goes on to the next part")
    }
    /// The counting word for a roster's rows: 第3人 for members, 第3项 otherwise.
    static func rowUnit(_ r: Roster) -> String { r.id == "members" ? "人" : "项" }

    static func statusName(_ s: String, _ l: Language) -> String { HouseholdStatus.label(s, l) }
}
