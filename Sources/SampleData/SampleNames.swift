import Survey

/// Fictional Chinese names for sample households: a common surname and one or two ordinary given-name
/// characters, in the style of the person's generation. No list here holds a real person's name.
enum SampleNames {
    /// Common surnames, weighted roughly by how common they are.
    static let surnames: [(String, Int)] = [
        ("王", 12), ("李", 12), ("张", 11), ("刘", 9), ("陈", 8), ("杨", 7), ("黄", 4), ("赵", 5), ("吴", 4), ("周", 4),
        ("徐", 3), ("孙", 3), ("马", 6), ("朱", 3), ("胡", 3), ("郭", 3), ("何", 3), ("林", 2), ("罗", 3), ("高", 3),
        ("梁", 2), ("宋", 2), ("郑", 2), ("韩", 2), ("唐", 2), ("冯", 2), ("董", 2), ("魏", 2), ("田", 2), ("石", 2),
        ("汪", 1), ("丁", 2), ("康", 1), ("苏", 1), ("牛", 1), ("蒲", 1), ("祁", 1),
    ]
    /// Surnames common among Hui households of the region (马 above all).
    static let huiSurnames: [(String, Int)] = [
        ("马", 30), ("韩", 6), ("丁", 5), ("杨", 4), ("冶", 4), ("王", 4), ("张", 3), ("妥", 2), ("海", 2), ("穆", 2),
    ]
    /// Surnames common among Dongxiang households.
    static let dongxiangSurnames: [(String, Int)] = [
        ("马", 20), ("汪", 6), ("妥", 5), ("何", 4), ("唐", 3), ("赵", 2),
    ]

    enum Era { case old, middle, young }

    static func era(born year: Int) -> Era { year < 1966 ? .old : (year < 1992 ? .middle : .young) }

    /// First and second characters of two-character given names, by sex (1 male, 2 female) and era.
    static func pools(sex: Int, era: Era) -> (first: [String], second: [String]) {
        switch (sex, era) {
        case (1, .old):
            return (["有", "德", "世", "学", "占", "得", "永", "春", "继", "成", "海", "进", "尚", "玉", "全", "长", "万", "宝"],
                    ["福", "财", "贵", "山", "祥", "仓", "元", "发", "荣", "礼", "义", "喜", "禄", "寿", "录", "顺", "堂", "川"])
        case (1, .middle):
            return (["红", "永", "文", "宏", "彦", "振", "俊", "勇", "国", "立", "卫", "兴", "玉", "继", "金", "胜", "满", "存"],
                    ["军", "平", "峰", "勇", "林", "涛", "斌", "龙", "虎", "辉", "武", "亮", "兵", "成", "彪", "仁", "宁", "璋"])
        case (1, _):
            return (["子", "浩", "宇", "俊", "梓", "嘉", "博", "睿", "晨", "鑫", "天", "思", "家", "泽", "奕", "皓", "昱", "锦"],
                    ["轩", "然", "航", "杰", "豪", "阳", "睿", "鑫", "铭", "瑞", "辰", "诚", "凯", "昊", "诺", "煜", "骏", "宸"])
        case (_, .old):
            return (["秀", "桂", "玉", "金", "菊", "凤", "淑", "翠", "彩", "月", "改", "存", "爱", "银", "素", "巧", "兰", "引"],
                    ["英", "兰", "珍", "莲", "芳", "琴", "香", "娥", "云", "芬", "贞", "花", "梅", "叶", "仙", "女", "菊", "霞"])
        case (_, .middle):
            return (["丽", "红", "晓", "艳", "春", "慧", "燕", "雪", "亚", "美", "彩", "俊", "桂", "海", "秀", "玉", "金", "采"],
                    ["霞", "燕", "娟", "萍", "琴", "玲", "梅", "芳", "艳", "英", "静", "敏", "洁", "莉", "婷", "琳", "娥", "花"])
        default:
            return (["欣", "梓", "雨", "佳", "诗", "思", "可", "雅", "紫", "梦", "婉", "若", "悦", "心", "语", "沐", "芷", "依"],
                    ["怡", "涵", "萱", "琪", "妍", "彤", "瑶", "菲", "颖", "雯", "馨", "蕊", "茹", "娜", "冉", "璐", "柔", "桐"])
        }
    }

    /// A given name of one (about one in six) or two characters; `generation` is a shared first
    /// character (字辈) that brothers or sisters may carry.
    static func given(sex: Int, born: Int, generation: String? = nil, _ g: inout SplitMix64) -> String {
        let p = pools(sex: sex, era: era(born: born))
        if let generation { return generation + g.pick(p.second) }
        if g.chance(0.16) { return g.pick(p.second.filter { !notAlone.contains($0) }) }
        let first = g.pick(p.first)
        var second = g.pick(p.second)
        while first == second { second = g.pick(p.second) }
        return first + second
    }

    /// Characters that, alone after some surname, make a common word or too well-known a name.
    static let notAlone: Set<String> = ["娜", "发", "成", "龙", "玲", "强", "贵", "荣", "山", "梅", "平", "峰", "亮", "花", "云", "宁"]

    static func surname(ethnicity: Int, _ g: inout SplitMix64) -> String {
        switch ethnicity {
        case 3: return g.weighted(huiSurnames)
        case 26: return g.weighted(dongxiangSurnames)
        default: return g.weighted(surnames)
        }
    }

    /// A full name for a village cadre, helper or neighbour (a middle-generation adult).
    static func adult(_ g: inout SplitMix64) -> String {
        let sex = g.chance(0.7) ? 1 : 2
        let born = g.int(1965...1992)
        var n = given(sex: sex, born: born, generation: nil, &g)
        if n.count == 1 { n += g.pick(pools(sex: sex, era: .middle).second) }
        return g.weighted(surnames) + n
    }
}
