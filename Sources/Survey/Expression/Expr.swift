/// A parsed expression, before field names are resolved. `offset` is the column (0-based, in characters)
/// where the node starts in its source text, so errors can point at it.
public struct Expr: Sendable {
    public var kind: Kind
    public var offset: Int

    public indirect enum Kind: Sendable {
        case literal(Value?)
        case list([Expr])
        case current
        case name(String)
        case unary(UnaryOp, Expr)
        case binary(BinaryOp, Expr, Expr)
        case call(String, [Expr])
    }
}

public enum UnaryOp: String, Sendable { case not, negate = "-" }

public enum BinaryOp: String, Sendable {
    case or, and, eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=", `in`
    case add = "+", sub = "-", mul = "*", div = "/"
}

/// A problem in an expression's text, at a column of it.
public struct ExpressionError: Error, Equatable, Sendable {
    public var offset: Int
    public var message: String
}
