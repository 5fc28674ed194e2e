/// Recursive-descent parser for the expression language (precedence, loosest first:
/// or, and, not, comparison/in, + -, * /, unary -). Chains of one precedence are parsed by loops;
/// nesting, chain length and the resulting tree's depth are bounded by `ExpressionLimits`.
public struct ExpressionParser {
    private var tokens: [Lexer.Located]
    private var at = 0
    /// How many brackets, calls, lists and prefix operators enclose the token being parsed.
    private var nesting = 0

    /// Parses a whole expression; the error's offset is the column where the parser gave up.
    public static func parse(_ source: String) throws(ExpressionError) -> Expr {
        guard source.count <= ExpressionLimits.maxLength else {
            throw ExpressionError(offset: 0, .tooLong(limit: ExpressionLimits.maxLength))
        }
        var p = ExpressionParser(tokens: try Lexer.tokenize(source))
        if case .end = p.peek.token {
            throw ExpressionError(offset: 0, .empty)
        }
        let e = try p.parseOr()
        guard case .end = p.peek.token else {
            throw ExpressionError(offset: p.peek.offset, .expectedOperatorOrEnd(found: found(p.peek.token)))
        }
        return e
    }

    private init(tokens: [Lexer.Located]) { self.tokens = tokens }

    private var peek: Lexer.Located { tokens[at] }
    private mutating func advance() -> Lexer.Located { defer { at += 1 }; return tokens[at] }

    /// Counts one more level of nesting at `offset`, refusing the expression past the limit; pair with `leave()`.
    private mutating func enter(at offset: Int) throws(ExpressionError) {
        nesting += 1
        if nesting > ExpressionLimits.maxDepth { throw Self.tooDeep(at: offset) }
    }

    private mutating func leave() { nesting -= 1 }

    private static func tooDeep(at offset: Int) -> ExpressionError {
        ExpressionError(offset: offset, .tooDeep(limit: ExpressionLimits.maxDepth))
    }

    /// Joins the next term of a chain, refusing a chain of too many terms or a tree grown too deep.
    private static func chain(_ op: BinaryOp, _ lhs: Expr, _ rhs: Expr, at offset: Int, terms: Int) throws(ExpressionError) -> Expr {
        if terms > ExpressionLimits.maxTerms {
            throw ExpressionError(offset: offset, .tooManyTerms(limit: ExpressionLimits.maxTerms))
        }
        return try checked(Expr(kind: .binary(op, lhs, rhs), offset: offset))
    }

    /// The node, unless its tree is deeper than the limit (a long chain inside brackets, say).
    private static func checked(_ e: Expr) throws(ExpressionError) -> Expr {
        if e.height > ExpressionLimits.maxDepth { throw tooDeep(at: e.offset) }
        return e
    }

    private func isKeyword(_ word: String) -> Bool {
        if case .ident(let w) = peek.token { return w == word }
        return false
    }

    private mutating func parseOr() throws(ExpressionError) -> Expr {
        var lhs = try parseAnd()
        var terms = 1
        while isKeyword("or") {
            let off = advance().offset
            terms += 1
            lhs = try Self.chain(.or, lhs, try parseAnd(), at: off, terms: terms)
        }
        return lhs
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expr {
        var lhs = try parseNot()
        var terms = 1
        while isKeyword("and") {
            let off = advance().offset
            terms += 1
            lhs = try Self.chain(.and, lhs, try parseNot(), at: off, terms: terms)
        }
        return lhs
    }

    private mutating func parseNot() throws(ExpressionError) -> Expr {
        if isKeyword("not") {
            let off = advance().offset
            try enter(at: off)
            defer { leave() }
            return try Self.checked(Expr(kind: .unary(.not, try parseNot()), offset: off))
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expr {
        let lhs = try parseAdditive()
        var op: BinaryOp?
        if case .op(let s) = peek.token, let o = BinaryOp(rawValue: s), [.eq, .ne, .lt, .le, .gt, .ge].contains(o) { op = o }
        if isKeyword("in") { op = .in }
        guard let op else { return lhs }
        let off = advance().offset
        let rhs = try parseAdditive()
        if case .op(let s) = peek.token, ["==", "!=", "<", "<=", ">", ">="].contains(s) {
            throw ExpressionError(offset: peek.offset, .comparisonsDoNotChain)
        }
        return try Self.checked(Expr(kind: .binary(op, lhs, rhs), offset: off))
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Expr {
        var lhs = try parseMultiplicative()
        var terms = 1
        while case .op(let s) = peek.token, s == "+" || s == "-" {
            let off = advance().offset
            terms += 1
            lhs = try Self.chain(s == "+" ? .add : .sub, lhs, try parseMultiplicative(), at: off, terms: terms)
        }
        return lhs
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> Expr {
        var lhs = try parseUnary()
        var terms = 1
        while case .op(let s) = peek.token, s == "*" || s == "/" {
            let off = advance().offset
            terms += 1
            lhs = try Self.chain(s == "*" ? .mul : .div, lhs, try parseUnary(), at: off, terms: terms)
        }
        return lhs
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expr {
        if case .op("-") = peek.token {
            let off = advance().offset
            try enter(at: off)
            defer { leave() }
            return try Self.checked(Expr(kind: .unary(.negate, try parseUnary()), offset: off))
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expr {
        let t = advance()
        switch t.token {
        case .number(let n): return Expr(kind: .literal(.number(n)), offset: t.offset)
        case .string(let s): return Expr(kind: .literal(.text(s)), offset: t.offset)
        case .dot: return Expr(kind: .current, offset: t.offset)
        case .lparen:
            try enter(at: t.offset)
            defer { leave() }
            let e = try parseOr()
            try expect(.rparen, [")"])
            return e
        case .lbracket:
            try enter(at: t.offset)
            defer { leave() }
            var items: [Expr] = []
            if case .rbracket = peek.token { _ = advance(); return Expr(kind: .list(items), offset: t.offset) }
            repeat { items.append(try parseAdditive()) } while consume(.comma)
            try expect(.rbracket, [",", "]"])
            return try Self.checked(Expr(kind: .list(items), offset: t.offset))
        case .ident(let word):
            switch word {
            case "true": return Expr(kind: .literal(.bool(true)), offset: t.offset)
            case "false": return Expr(kind: .literal(.bool(false)), offset: t.offset)
            case "null": return Expr(kind: .literal(nil), offset: t.offset)
            case "and", "or", "not", "in":
                throw ExpressionError(offset: t.offset, .keywordAsValue(word))
            default: break
            }
            guard consume(.lparen) else { return Expr(kind: .name(word), offset: t.offset) }
            try enter(at: t.offset)
            defer { leave() }
            var args: [Expr] = []
            if !consume(.rparen) {
                repeat { args.append(try parseOr()) } while consume(.comma)
                try expect(.rparen, [",", ")"])
            }
            return try Self.checked(Expr(kind: .call(word, args), offset: t.offset))
        default:
            throw ExpressionError(offset: t.offset, .expectedValue(found: Self.found(t.token)))
        }
    }

    private mutating func consume(_ token: Lexer.Token) -> Bool {
        if peek.token == token { at += 1; return true }
        return false
    }

    private mutating func expect(_ token: Lexer.Token, _ symbols: [String]) throws(ExpressionError) {
        guard consume(token) else {
            throw ExpressionError(offset: peek.offset, .expectedSymbol(symbols, found: Self.found(peek.token)))
        }
    }

    /// A token as a problem names it.
    static func found(_ t: Lexer.Token) -> ExpressionProblem.Found {
        switch t {
        case .number(let n): return .number(n)
        case .string(let s): return .text(s)
        case .ident(let s): return .symbol(s)
        case .op(let s): return .symbol(s)
        case .lparen: return .symbol("(")
        case .rparen: return .symbol(")")
        case .lbracket: return .symbol("[")
        case .rbracket: return .symbol("]")
        case .comma: return .symbol(",")
        case .dot: return .symbol(".")
        case .end: return .end
        }
    }
}
