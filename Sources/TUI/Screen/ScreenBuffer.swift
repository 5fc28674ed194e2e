import Survey

/// One terminal cell: a character and its style. A wide character occupies its cell and the next,
/// which holds an empty `continuation` cell.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// True for the right half of a wide character.
    public var continuation: Bool

    public init(_ character: Character = " ", _ style: Style = .plain, continuation: Bool = false) {
        self.character = character; self.style = style; self.continuation = continuation
    }
    public static let blank = Cell()
}

/// A frame: what the screen should show, cell by cell. Views draw into it; the terminal copies the
/// cells that differ from the previous frame.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes text from (x, y), clipped at `x + limit` (default: the right edge); returns the columns used.
    /// Control characters and escape sequences are drawn escaped: nothing written here can reach the
    /// terminal as a command. A wide character that would not fit whole is not drawn.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let safe = TerminalText.escaped(text)
        let end = min(width, x + (limit ?? width))
        var col = x
        for ch in safe {
            let w = CellWidth.of(ch)
            if w == 0 { continue }
            if col + w > end { break }
            if col >= 0 { set(col, y, Cell(ch, style)) }
            if w == 2, col + 1 >= 0 { set(col + 1, y, Cell(" ", style, continuation: true)) }
            col += w
        }
        return max(0, col - x)
    }

    /// Fills a rectangle with blanks in a style (backgrounds, bars, clearing a panel).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { set(col, row, Cell(" ", style)) }
        }
    }

    /// Draws a box border (single lines).
    public mutating func box(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        guard w >= 2, h >= 2 else { return }
        put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, style: style)
        for row in y + 1..<y + h - 1 {
            put("│", x: x, y: row, style: style)
            put("│", x: x + w - 1, y: row, style: style)
        }
        put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, style: style)
    }

    /// Copies rows of a taller canvas into this frame from row `y` (a view that scrolls as a whole).
    public mutating func copy(_ canvas: ScreenBuffer, rows: Range<Int>, to y: Int) {
        for (i, row) in rows.enumerated() where row >= 0 && row < canvas.height && y + i >= 0 && y + i < height {
            for x in 0..<min(width, canvas.width) { cells[(y + i) * width + x] = canvas[x, row] }
        }
    }

    /// Sets one cell, repairing any wide character it cuts in half.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        // Overwriting half of a wide character blanks its other half.
        if cells[i].continuation, !cell.continuation, x > 0 { cells[i - 1] = Cell(" ", cells[i - 1].style) }
        if !cells[i].continuation, x + 1 < width, cells[i + 1].continuation { cells[i + 1] = Cell(" ", cells[i + 1].style) }
        cells[i] = cell
    }

    /// The text of one row as it reads on screen (wide characters once).
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].continuation { s.append(self[x, y].character) }
        return s
    }

    /// The whole frame as text, one line per row, trailing spaces kept (for snapshots).
    public var text: String { (0..<height).map(line).joined(separator: "\n") }
}
