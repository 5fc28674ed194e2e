/// Resolves names and checks types of a parsed expression against the questionnaire being loaded.
struct ExpressionCompiler {
    /// What a name can mean: a question, with its roster (nil = household).
    struct FieldInfo { var index: Int; var roster: Int?; var type: ValueType }

    var fields: [String: FieldInfo]
    var rosters: [String: Int]
    var codeLists: [String: CodeList]
    /// The roster whose row the expression is evaluated in (nil = household level).
    var hostRoster: Int?
    /// The type of `.`, when the expression belongs to a question; nil where `.` means nothing.
    var currentType: ValueType?
    /// Whether `today()`, `enumerator()` and `current_village()` may be called (a question's `default` only).
    var allowsVisit = false

    private var direct: [Int] = []
    private var viaAggregate: [Int] = []
    private var aggregateRosters: [Int] = []

    init(fields: [String: FieldInfo], rosters: [String: Int], codeLists: [String: CodeList], hostRoster: Int?, currentType: ValueType?) {
        self.fields = fields; self.rosters = rosters; self.codeLists = codeLists
        self.hostRoster = hostRoster; self.currentType = currentType
    }

    /// Compiles `source`, requiring the result to have type `expected` when given.
    mutating func compile(_ source: String, expecting expected: ValueType? = nil) throws(ExpressionError) -> CompiledExpression {
        let ast = try ExpressionParser.parse(source)
        direct = []; viaAggregate = []; aggregateRosters = []
        let (code, type) = try compile(ast)
        if let expected, !Self.assignable(type, to: expected) {
            throw ExpressionError(offset: 0, .resultType(expected: expected, found: type))
        }
        return CompiledExpression(source: source, code: code, type: type,
                                  directRefs: Array(Set(direct)).sorted(), aggregateRefs: Array(Set(viaAggregate)).sorted())
    }

    static func assignable(_ t: ValueType, to expected: ValueType) -> Bool {
        switch (t, expected) {
        case (.null, _): return true
        case (.number, .number), (.code, .number), (.code, .code), (.number, .code): return true
        default: return t.comparable(with: expected)
        }
    }

    private mutating func compile(_ e: Expr) throws(ExpressionError) -> (Code, ValueType) {
        switch e.kind {
        case .literal(let v):
            switch v {
            case .none: return (.constant(nil), .null)
            case .number: return (.constant(v), .number)
            case .text: return (.constant(v), .text)
            case .bool: return (.constant(v), .bool)
            default: return (.constant(v), .null)
            }
        case .list(let items):
            var codes: [Code] = []
            var elem: ValueType = .null
            for item in items {
                let (c, t) = try compile(item)
                if case .list = t { throw ExpressionError(offset: item.offset, .nestedList) }
                if elem == .null { elem = t } else if !elem.comparable(with: t) {
                    throw ExpressionError(offset: item.offset, .listMixes(elem, t))
                }
                codes.append(c)
            }
            return (.list(codes), .list(elem))
        case .current:
            guard let currentType else {
                throw ExpressionError(offset: e.offset, .currentOutsideQuestion)
            }
            return (.current, currentType)
        case .name(let name):
            if rosters[name] != nil {
                throw ExpressionError(offset: e.offset, .rosterAsValue(name))
            }
            guard let f = fields[name] else {
                throw ExpressionError(offset: e.offset, .unknownField(name))
            }
            if let r = f.roster {
                if aggregateRosters.contains(r) {
                    viaAggregate.append(f.index)
                } else if r == hostRoster {
                    direct.append(f.index)
                } else {
                    throw ExpressionError(offset: e.offset, .rowFieldOutsideRoster(name))
                }
            } else {
                direct.append(f.index)
            }
            return (.field(f.index), f.type)
        case .unary(.not, let x):
            let (c, t) = try compile(x)
            try require(t, .bool, at: x.offset, what: .operator("not"))
            return (.not(c), .bool)
        case .unary(.negate, let x):
            let (c, t) = try compile(x)
            guard t.isNumeric else { throw ExpressionError(offset: x.offset, .needs(.operator("-"), expected: .number, found: t)) }
            return (.negate(c), .number)
        case .binary(let op, let l, let r):
            let (lc, lt) = try compile(l)
            let (rc, rt) = try compile(r)
            switch op {
            case .and, .or:
                try require(lt, .bool, at: l.offset, what: .operator(op.rawValue))
                try require(rt, .bool, at: r.offset, what: .operator(op.rawValue))
                return (op == .and ? .and(lc, rc) : .or(lc, rc), .bool)
            case .eq, .ne:
                guard lt.comparable(with: rt) else {
                    throw ExpressionError(offset: e.offset, .cannotCompare(lt, rt))
                }
                try checkCodeLiteral(lt, r)
                try checkCodeLiteral(rt, l)
                return (.compare(op, lc, rc), .bool)
            case .lt, .le, .gt, .ge:
                let ok = (lt.isNumeric && rt.isNumeric) || (lt == .date && (rt == .date || rt == .null)) || (rt == .date && lt == .null)
                guard ok else { throw ExpressionError(offset: e.offset, .orderingNeedsNumbersOrDates(op: op.rawValue, lt, rt)) }
                return (.compare(op, lc, rc), .bool)
            case .in:
                switch rt {
                case .list(let elem):
                    guard lt.comparable(with: elem) else {
                        throw ExpressionError(offset: e.offset, .inListMismatch(lt, element: elem))
                    }
                    if case .code(let list?) = lt, case .list(let items) = r.kind, let cl = codeLists[list] {
                        for item in items { try checkCode(item, in: cl) }
                    }
                case .codes(let list):
                    guard lt.isNumeric else { throw ExpressionError(offset: l.offset, .inCodesNeedsCode(found: lt)) }
                    if let list, let cl = codeLists[list] { try checkCode(l, in: cl) }
                case .null: break
                default:
                    throw ExpressionError(offset: r.offset, .inNeedsList(found: rt))
                }
                return (.inList(lc, rc), .bool)
            case .add, .sub, .mul, .div:
                guard lt.isNumeric else { throw ExpressionError(offset: l.offset, .arithmeticNeedsNumbers(op: op.rawValue, found: lt)) }
                guard rt.isNumeric else { throw ExpressionError(offset: r.offset, .arithmeticNeedsNumbers(op: op.rawValue, found: rt)) }
                return (.arithmetic(op, lc, rc), .number)
            }
        case .call(let name, let args):
            if let agg = Aggregate(rawValue: name) { return try compileAggregate(agg, args, at: e.offset) }
            guard let fn = Builtin(rawValue: name) else {
                let known = ["count", "sum", "min", "max"] + Builtin.allCases.map(\.rawValue)
                throw ExpressionError(offset: e.offset, .unknownFunction(name, known: known))
            }
            return try compileBuiltin(fn, args, at: e.offset)
        }
    }

    private mutating func compileAggregate(_ agg: Aggregate, _ args: [Expr], at offset: Int) throws(ExpressionError) -> (Code, ValueType) {
        guard let first = args.first, case .name(let rosterName) = first.kind, let roster = rosters[rosterName] else {
            throw ExpressionError(offset: args.first?.offset ?? offset, .aggregateNeedsRoster(function: agg.rawValue))
        }
        let maxArgs = agg == .count ? 2 : 3
        let minArgs = agg == .count ? 1 : 2
        guard (minArgs...maxArgs).contains(args.count) else {
            throw ExpressionError(offset: offset, .aggregateArity(function: agg.rawValue, found: args.count))
        }
        aggregateRosters.append(roster)
        defer { aggregateRosters.removeLast() }
        var value: Code?
        var filter: Code?
        if agg == .count {
            if args.count == 2 {
                let (c, t) = try compile(args[1]); try require(t, .bool, at: args[1].offset, what: .countFilter); filter = c
            }
        } else {
            let (c, t) = try compile(args[1])
            guard t.isNumeric else { throw ExpressionError(offset: args[1].offset, .aggregateNeedsNumbers(function: agg.rawValue, found: t)) }
            value = c
            if args.count == 3 {
                let (fc, ft) = try compile(args[2]); try require(ft, .bool, at: args[2].offset, what: .filter); filter = fc
            }
        }
        return (.aggregate(agg, roster: roster, value: value, filter: filter), .number)
    }

    private mutating func compileBuiltin(_ fn: Builtin, _ args: [Expr], at offset: Int) throws(ExpressionError) -> (Code, ValueType) {
        let params: [ValueType?]   // nil = any type
        let result: ValueType
        switch fn {
        case .answered: params = [nil]; result = .bool
        case .coalesce, .if: params = fn == .if ? [.bool, nil, nil] : [nil, nil]; result = .null
        case .round: params = [.number, .number]; result = .number
        case .abs: params = [.number]; result = .number
        case .length: params = [.text]; result = .number
        case .left: params = [.text, .number]; result = .text
        case .year: params = [.date]; result = .number
        case .ageOn: params = [.date, .date]; result = .number
        case .idValid: params = [.text]; result = .bool
        case .idBirthdate: params = [.text]; result = .date
        case .idSex: params = [.text]; result = .code("sex")
        case .incomeLine: params = [.text, .number]; result = .number
        case .isLabourAge: params = [.number, .number]; result = .bool
        case .minFloorArea: params = []; result = .number
        case .today: params = []; result = .date
        case .enumerator, .currentVillage: params = []; result = .text
        }
        // A record must not change with who opens it, or when: the visit is read only to pre-fill an answer.
        if fn.readsVisit, !allowsVisit { throw ExpressionError(offset: offset, .visitOnlyInDefault(function: fn.rawValue)) }
        guard args.count == params.count else {
            throw ExpressionError(offset: offset, .arity(function: fn.rawValue, takes: params.count, found: args.count))
        }
        var codes: [Code] = []
        var types: [ValueType] = []
        for (arg, param) in zip(args, params) {
            let (c, t) = try compile(arg)
            if let param { try require(t, param, at: arg.offset, what: .function(fn.rawValue)) }
            codes.append(c); types.append(t)
        }
        var type = result
        if fn == .coalesce || fn == .if {
            let a = types[types.count - 2], b = types[types.count - 1]
            guard a.comparable(with: b) else {
                throw ExpressionError(offset: args[args.count - 1].offset, .branchesMix(function: fn.rawValue, a, b))
            }
            type = a == .null ? b : a
        }
        return (.call(fn, codes), type)
    }

    private func require(_ t: ValueType, _ expected: ValueType, at offset: Int, what: ExpressionProblem.Operand) throws(ExpressionError) {
        guard Self.assignable(t, to: expected) else {
            throw ExpressionError(offset: offset, .needs(what, expected: expected, found: t))
        }
    }

    /// `relation == 11` against a code list without 11 is almost certainly a typo: refuse it.
    private func checkCodeLiteral(_ t: ValueType, _ other: Expr) throws(ExpressionError) {
        if case .code(let list?) = t, let cl = codeLists[list] { try checkCode(other, in: cl) }
    }

    private func checkCode(_ e: Expr, in list: CodeList) throws(ExpressionError) {
        if case .literal(.number(let n)) = e.kind, !(Int(exactly: n).map(list.contains) ?? false) {
            throw ExpressionError(offset: e.offset, .codeNotInList(n, list: list.id))
        }
    }
}
