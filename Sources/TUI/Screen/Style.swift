/// Colours the screens use; the terminal adapter maps them to colour pairs.
public enum Color: Int, Sendable, CaseIterable {
    case normal, red, yellow, green, cyan, blue, magenta
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var color: Color = .normal
    public var bold = false
    public var reverse = false
    public var dim = false

    public init(color: Color = .normal, bold: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.color = color; self.bold = bold; self.reverse = reverse; self.dim = dim
    }

    public static let plain = Style()
    public static let title = Style(bold: true)
    public static let selected = Style(reverse: true)
    public static let error = Style(color: .red, bold: true)
    public static let warning = Style(color: .yellow)
    public static let done = Style(color: .green)
    public static let hint = Style(dim: true)
    public static let key = Style(color: .cyan, bold: true)
    /// A supervisor's comment on a field.
    public static let comment = Style(color: .magenta, bold: true)
}
