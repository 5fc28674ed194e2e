/// The cursor of a list: which item is selected, which is the first on screen, and how many items
/// there are. Every list of both applications moves with it, so ↑↓ PgUp PgDn Home End behave the same
/// everywhere. How many items fit on screen is not kept here: each move is told it by `Layout`, so a
/// resize never leaves a stale figure behind.
public struct ListSelection: Sendable, Equatable {
    /// Index of the selected item (0 in an empty list).
    public private(set) var selected = 0
    /// Index of the first item on screen.
    public private(set) var top = 0
    /// Items in the list; the selection stays among them when it changes.
    public var count: Int {
        didSet { clamp() }
    }

    /// `visible` items on screen at once, `selected` shown among them.
    public init(count: Int = 0, selected: Int = 0, visible: Int = .max) {
        self.count = max(0, count)
        select(selected, visible: visible)
    }

    /// Selects the item at `index` (kept within the list) and scrolls just enough to show it.
    /// `visible` defaults to "the whole list is on screen".
    public mutating func select(_ index: Int, visible: Int = .max) {
        selected = min(max(0, index), max(0, count - 1))
        keepVisible(visible)
    }

    /// Moves for ↑↓ PgUp PgDn Home End (a page is `visible` items); false for any other key.
    public mutating func handle(_ key: Key, visible: Int = .max) -> Bool {
        switch key {
        case .up: select(selected - 1, visible: visible)
        case .down: select(selected + 1, visible: visible)
        case .pageUp: select(selected - Self.page(visible), visible: visible)
        case .pageDown: select(selected + Self.page(visible), visible: visible)
        case .home: select(0, visible: visible)
        case .end: select(count - 1, visible: visible)
        default: return false
        }
        return true
    }

    /// Scrolls just enough that the selected item is among the `visible` on screen.
    public mutating func keepVisible(_ visible: Int) {
        let visible = max(1, visible)
        if selected < top { top = selected }
        if selected - top >= visible { top = selected - visible + 1 }
    }

    /// The indices of the items on screen when `visible` fit.
    public func onScreen(_ visible: Int) -> Range<Int> {
        let first = min(top, count)
        return first..<(first + min(count - first, max(0, visible)))
    }

    /// A page of a list that is all on screen moves to its end, not past `Int.max`.
    private static func page(_ visible: Int) -> Int { min(visible, Int.max / 2) }

    private mutating func clamp() {
        if count < 0 { count = 0 }
        selected = min(selected, max(0, count - 1))
        top = min(top, selected)
    }
}
