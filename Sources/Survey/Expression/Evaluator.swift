import Foundation

/// A roster row's identity: made on the device, never an autoincrement.
public typealias RowID = UUID

/// What an expression reads: effective values (nil when unanswered or hidden) and roster rows.
public protocol ValueSource {
    func value(of field: Int, row: RowID?) -> Value?
    func rowIDs(of roster: Int) -> [RowID]
    /// The day an interview is judged on (birth dates after it are impossible).
    var referenceDay: Day { get }
}

/// Evaluates compiled expressions. Unknowns are nil and follow three-valued logic.
struct Evaluator<Source: ValueSource> {
    let source: Source
    let questionnaire: Questionnaire
    /// The current row of each roster (nil = none in scope).
    var rowOf: [RowID?]
    /// The value `.` stands for.
    var current: Value?
    /// What `enumerator()` and `current_village()` read (a question's default only).
    var visit = Visit()

    init(source: Source, questionnaire: Questionnaire, row: RowID? = nil, roster: Int? = nil, current: Value? = nil) {
        self.source = source
        self.questionnaire = questionnaire
        rowOf = Array(repeating: nil, count: questionnaire.rosters.count)
        if let roster { rowOf[roster] = row }
        self.current = current
    }

    mutating func evaluate(_ e: CompiledExpression) -> Value? { eval(e.code) }

    mutating func eval(_ c: Code) -> Value? {
        switch c {
        case .constant(let v): return v
        case .list: return nil  // lists only appear on the right of 'in'
        case .current: return current
        case .field(let i):
            if let r = questionnaire.questions[i].roster {
                guard let row = rowOf[r] else { return nil }
                return source.value(of: i, row: row)
            }
            return source.value(of: i, row: nil)
        case .not(let x):
            guard let b = eval(x)?.bool else { return nil }
            return .bool(!b)
        case .negate(let x):
            return eval(x)?.number.map { .number(-$0) }
        case .and(let l, let r):
            let a = eval(l)?.bool
            if a == false { return .bool(false) }
            let b = eval(r)?.bool
            if b == false { return .bool(false) }
            if a == true && b == true { return .bool(true) }
            return nil
        case .or(let l, let r):
            let a = eval(l)?.bool
            if a == true { return .bool(true) }
            let b = eval(r)?.bool
            if b == true { return .bool(true) }
            if a == false && b == false { return .bool(false) }
            return nil
        case .compare(let op, let l, let r):
            guard let a = eval(l), let b = eval(r) else { return nil }
            return compare(op, a, b).map { .bool($0) }
        case .inList(let l, let r):
            guard let a = eval(l) else { return nil }
            if case .list(let items) = r {
                for item in items { if let v = eval(item), equal(a, v) { return .bool(true) } }
                return .bool(false)
            }
            guard case .codes(let codes)? = eval(r), let n = a.number else { return nil }
            return .bool(n.whole.map(codes.contains) ?? false)
        case .arithmetic(let op, let l, let r):
            guard let a = eval(l)?.number, let b = eval(r)?.number else { return nil }
            switch op {
            case .add: return .number(a + b)
            case .sub: return .number(a - b)
            case .mul: return .number(a * b)
            default: return b == 0 ? nil : .number(a / b)
            }
        case .aggregate(let agg, let roster, let value, let filter):
            return aggregate(agg, roster: roster, value: value, filter: filter)
        case .call(let fn, let args):
            return call(fn, args)
        }
    }

    private mutating func aggregate(_ agg: Aggregate, roster: Int, value: Code?, filter: Code?) -> Value? {
        let saved = rowOf[roster]
        defer { rowOf[roster] = saved }
        var count = 0
        var total = 0.0
        var best: Double?
        for row in source.rowIDs(of: roster) {
            rowOf[roster] = row
            if let filter, eval(filter)?.bool != true { continue }
            if agg == .count { count += 1; continue }
            guard let value, let n = eval(value)?.number else { continue }
            switch agg {
            case .sum: total += n
            case .min: best = Swift.min(best ?? n, n)
            case .max: best = Swift.max(best ?? n, n)
            case .count: break
            }
        }
        switch agg {
        case .count: return .number(Double(count))
        case .sum: return .number(total)
        case .min, .max: return best.map { .number($0) }
        }
    }

    private mutating func call(_ fn: Builtin, _ args: [Code]) -> Value? {
        switch fn {
        case .answered: return .bool(eval(args[0]) != nil)
        case .coalesce: return eval(args[0]) ?? eval(args[1])
        case .if:
            guard let c = eval(args[0])?.bool else { return nil }
            return eval(c ? args[1] : args[2])
        case .round:
            guard let x = eval(args[0])?.number, let p = eval(args[1])?.number else { return nil }
            let scale = pow(10.0, p.rounded())
            return .number((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
        case .abs: return eval(args[0])?.number.map { .number(Swift.abs($0)) }
        case .length: return eval(args[0])?.text.map { .number(Double($0.count)) }
        case .left:
            guard let s = eval(args[0])?.text, let n = eval(args[1])?.number else { return nil }
            return .text(String(s.prefix(Swift.max(0, n.whole ?? (n > 0 ? Int.max : 0)))))
        case .year: return eval(args[0])?.day.map { .number(Double($0.year)) }
        case .ageOn:
            guard let birth = eval(args[0])?.day, let on = eval(args[1])?.day else { return nil }
            return .number(Double(birth.age(on: on)))
        case .idValid:
            guard let s = eval(args[0])?.text else { return nil }
            return .bool(ResidentID.check(s, on: source.referenceDay) == nil)
        case .idBirthdate:
            guard let s = eval(args[0])?.text, let id = try? ResidentID(s, on: source.referenceDay) else { return nil }
            return .date(id.birthDate)
        case .idSex:
            guard let s = eval(args[0])?.text, let id = try? ResidentID(s, on: source.referenceDay) else { return nil }
            return .code(id.sex)
        case .incomeLine:
            guard let p = eval(args[0])?.text, let y = eval(args[1])?.number?.whole else { return nil }
            return questionnaire.standards.incomeLine(province: p, year: y).map { .number($0.line) }
        case .isLabourAge:
            guard let age = eval(args[0])?.number?.whole, let sex = eval(args[1])?.number?.whole else { return nil }
            return .bool(questionnaire.standards.isLabourAge(age: age, sex: sex))
        case .minFloorArea: return .number(questionnaire.standards.minFloorArea)
        case .today: return .date(source.referenceDay)
        case .enumerator: return visit.enumerator.map { .text($0) }
        case .currentVillage: return visit.village.map { .text($0) }
        }
    }

    private func equal(_ a: Value, _ b: Value) -> Bool {
        if let x = a.number, let y = b.number { return x == y }
        if case .codes(let x) = a, case .codes(let y) = b { return Set(x) == Set(y) }
        return a == b
    }

    private func compare(_ op: BinaryOp, _ a: Value, _ b: Value) -> Bool? {
        switch op {
        case .eq: return equal(a, b)
        case .ne: return !equal(a, b)
        default: break
        }
        let ordered: Bool?
        if let x = a.number, let y = b.number {
            switch op { case .lt: ordered = x < y; case .le: ordered = x <= y; case .gt: ordered = x > y; default: ordered = x >= y }
        } else if let x = a.day, let y = b.day {
            switch op { case .lt: ordered = x < y; case .le: ordered = x <= y; case .gt: ordered = x > y; default: ordered = x >= y }
        } else {
            ordered = nil
        }
        return ordered
    }
}

extension Double {
    /// The whole number part, or nil when there is none that fits an Int (NaN, ±infinity, beyond ±9.2e18):
    /// numbers in expressions are unbounded doubles, and `Int(_:)` traps on those.
    var whole: Int? { Int(exactly: rounded(.towardZero)) }
}
