/// A parsed expression, before field names are resolved. `offset` is the column (0-based, in characters)
/// where the node starts in its source text, so errors can point at it.
public struct Expr: Sendable {
    public var kind: Kind
    public var offset: Int
    /// Levels of the tree from this node down (a leaf is 1): every pass over an expression recurses
    /// this deep, so the parser refuses a tree deeper than `ExpressionLimits.maxDepth`.
    public let height: Int

    /// A node at `offset`; its height follows from its children's.
    public init(kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
        switch kind {
        case .literal, .current, .name: height = 1
        case .unary(_, let x): height = x.height + 1
        case .binary(_, let l, let r): height = Swift.max(l.height, r.height) + 1
        case .list(let items), .call(_, let items): height = (items.map(\.height).max() ?? 0) + 1
        }
    }

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

/// Bounds on one expression, so a mistaken or hostile definition is refused with a message instead of
/// overflowing the stack (parser, compiler and evaluator all recurse over the tree) or running for minutes.
public enum ExpressionLimits {
    /// The deepest an expression may nest: brackets, function calls, lists, `not`, `-` and operators all count.
    public static let maxDepth = 100
    /// The most terms one chain of operators of the same precedence may join (`a + b + …`, `x and y and …`).
    public static let maxTerms = 100
    /// The most characters one expression's text may have.
    public static let maxLength = 50_000
}

/// A problem in an expression's text, at a column of it.
public struct ExpressionError: Error, Equatable, Sendable {
    public var offset: Int
    public var problem: ExpressionProblem
    public init(offset: Int, _ problem: ExpressionProblem) { self.offset = offset; self.problem = problem }
    /// The problem in the given language.
    public func message(_ lang: Language) -> String { problem.message(lang) }
}
