/// Recursive-descent parser for the expression language (precedence, loosest first:
/// or, and, not, comparison/in, + -, * /, unary -).
public struct ExpressionParser {
    private var tokens: [Lexer.Located]
    private var at = 0

    /// Parses a whole expression; the error's offset is the column where the parser gave up.
    public static func parse(_ source: String) throws(ExpressionError) -> Expr {
        var p = ExpressionParser(tokens: try Lexer.tokenize(source))
        if case .end = p.peek.token {
            throw ExpressionError(offset: 0, message: "expected an expression, found nothing")
        }
        let e = try p.parseOr()
        guard case .end = p.peek.token else {
            throw ExpressionError(offset: p.peek.offset, message: "expected an operator or the end, found \(describe(p.peek.token))")
        }
        return e
    }

    private init(tokens: [Lexer.Located]) { self.tokens = tokens }

    private var peek: Lexer.Located { tokens[at] }
    private mutating func advance() -> Lexer.Located { defer { at += 1 }; return tokens[at] }

    private func isKeyword(_ word: String) -> Bool {
        if case .ident(let w) = peek.token { return w == word }
        return false
    }

    private mutating func parseOr() throws(ExpressionError) -> Expr {
        var lhs = try parseAnd()
        while isKeyword("or") {
            let off = advance().offset
            lhs = Expr(kind: .binary(.or, lhs, try parseAnd()), offset: off)
        }
        return lhs
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expr {
        var lhs = try parseNot()
        while isKeyword("and") {
            let off = advance().offset
            lhs = Expr(kind: .binary(.and, lhs, try parseNot()), offset: off)
        }
        return lhs
    }

    private mutating func parseNot() throws(ExpressionError) -> Expr {
        if isKeyword("not") {
            let off = advance().offset
            return Expr(kind: .unary(.not, try parseNot()), offset: off)
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
            throw ExpressionError(offset: peek.offset, message: "comparisons do not chain: use 'and' between them")
        }
        return Expr(kind: .binary(op, lhs, rhs), offset: off)
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Expr {
        var lhs = try parseMultiplicative()
        while case .op(let s) = peek.token, s == "+" || s == "-" {
            let off = advance().offset
            lhs = Expr(kind: .binary(s == "+" ? .add : .sub, lhs, try parseMultiplicative()), offset: off)
        }
        return lhs
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> Expr {
        var lhs = try parseUnary()
        while case .op(let s) = peek.token, s == "*" || s == "/" {
            let off = advance().offset
            lhs = Expr(kind: .binary(s == "*" ? .mul : .div, lhs, try parseUnary()), offset: off)
        }
        return lhs
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expr {
        if case .op("-") = peek.token {
            let off = advance().offset
            return Expr(kind: .unary(.negate, try parseUnary()), offset: off)
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
            let e = try parseOr()
            try expect(.rparen, "')'")
            return e
        case .lbracket:
            var items: [Expr] = []
            if case .rbracket = peek.token { _ = advance(); return Expr(kind: .list(items), offset: t.offset) }
            repeat { items.append(try parseAdditive()) } while consume(.comma)
            try expect(.rbracket, "',' or ']'")
            return Expr(kind: .list(items), offset: t.offset)
        case .ident(let word):
            switch word {
            case "true": return Expr(kind: .literal(.bool(true)), offset: t.offset)
            case "false": return Expr(kind: .literal(.bool(false)), offset: t.offset)
            case "null": return Expr(kind: .literal(nil), offset: t.offset)
            case "and", "or", "not", "in":
                throw ExpressionError(offset: t.offset, message: "expected a value, found the keyword '\(word)'")
            default: break
            }
            guard consume(.lparen) else { return Expr(kind: .name(word), offset: t.offset) }
            var args: [Expr] = []
            if !consume(.rparen) {
                repeat { args.append(try parseOr()) } while consume(.comma)
                try expect(.rparen, "',' or ')'")
            }
            return Expr(kind: .call(word, args), offset: t.offset)
        default:
            throw ExpressionError(offset: t.offset, message: "expected a value, found \(Self.describe(t.token))")
        }
    }

    private mutating func consume(_ token: Lexer.Token) -> Bool {
        if peek.token == token { at += 1; return true }
        return false
    }

    private mutating func expect(_ token: Lexer.Token, _ what: String) throws(ExpressionError) {
        guard consume(token) else {
            throw ExpressionError(offset: peek.offset, message: "expected \(what), found \(Self.describe(peek.token))")
        }
    }

    static func describe(_ t: Lexer.Token) -> String {
        switch t {
        case .number(let n): return "the number \(Value.format(n))"
        case .string(let s): return "the text \"\(s)\""
        case .ident(let s): return "'\(s)'"
        case .op(let s): return "'\(s)'"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .lbracket: return "'['"
        case .rbracket: return "']'"
        case .comma: return "','"
        case .dot: return "'.'"
        case .end: return "the end of the expression"
        }
    }
}
