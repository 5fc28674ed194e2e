/// A run of changed cells on one row, to copy to the terminal.
public struct CellRun: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
}

extension ScreenBuffer {
    /// The runs of cells that differ from `previous` (every cell when the size changed or there is none).
    public func changes(since previous: ScreenBuffer?) -> [CellRun] {
        let full = previous == nil || previous!.width != width || previous!.height != height
        var runs: [CellRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let i = y * width + x
                if full || cells[i] != previous!.cells[i] {
                    var run = CellRun(x: x, y: y, cells: [])
                    // A run starts on a character, never on the right half of a wide one.
                    if cells[i].continuation, x > 0 { run.x = x - 1; run.cells.append(cells[i - 1]) }
                    while x < width, full || cells[y * width + x] != previous!.cells[y * width + x]
                            || cells[y * width + x].continuation {
                        run.cells.append(cells[y * width + x]); x += 1
                    }
                    runs.append(run)
                } else {
                    x += 1
                }
            }
        }
        return runs
    }
}
