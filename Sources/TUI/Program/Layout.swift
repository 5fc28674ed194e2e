/// Where the parts of a screen go, from its size alone: the rows each list shows and the boxes drawn
/// over a screen. The updates (how far a page key moves, when to scroll) and the views (what they
/// draw) both read it, so the two cannot disagree.
public struct Layout: Sendable, Equatable {
    /// Columns of the screen.
    public let width: Int
    /// Lines of the screen.
    public let height: Int

    /// The layout of a screen this size.
    public init(width: Int, height: Int) { self.width = width; self.height = height }

    /// A run of screen lines: the first one, and how many.
    public struct Rows: Sendable, Equatable {
        /// The screen line of the first item.
        public let first: Int
        /// How many items fit.
        public let count: Int
    }

    /// A rectangle drawn over the screen, and the lines of items inside it.
    public struct Box: Sendable, Equatable {
        /// The box's frame, in screen cells.
        public let x: Int, y: Int, width: Int, height: Int
        /// The lines of the items inside the frame.
        public let rows: Rows
    }

    // The bottom three lines of every screen are the position line, the message line and the key bar.

    /// Where the cursor is ("第 3/40 户", "B 部分 2/12"), right-aligned above the message line.
    public var positionLine: Int { height - 3 }
    /// What just happened, or a hint, above the key bar.
    public var messageLine: Int { height - 2 }
    /// The keys that work here, on the last line.
    public var keyBar: Int { height - 1 }

    /// The questions of the form, right of the section list: under the section's title, above the
    /// bottom three lines; the code options, when shown, take its lower lines.
    public var questions: Rows { Rows(first: 2, count: max(1, height - 4)) }
    /// The enumerator's household list: under the title, the search line and the column header.
    public var households: Rows { Rows(first: 3, count: max(1, height - 6)) }
    /// The roster grid: one line per member under the title and column header, above the legend.
    public var grid: Rows { Rows(first: 3, count: max(1, height - 7)) }
    /// The checks page: two lines per problem (where, then the message) from under the title.
    public var checks: Rows { Rows(first: 2, count: max(1, (height - 5) / 2)) }

    /// The supervisor's household list: under the title, search, filters and column header.
    public var reviewList: Rows { Rows(first: 4, count: max(1, height - 7)) }
    /// The household sheet under its header, which takes one more line when it says who sent it.
    public func sheet(withSender: Bool) -> Rows {
        withSender ? Rows(first: 3, count: max(1, height - 6)) : Rows(first: 2, count: max(1, height - 5))
    }
    /// The sign-off page, under the form's header down to the position line (the page has no position).
    public var signOff: Rows { Rows(first: 1, count: max(1, height - 3)) }
    /// The dashboard's canvas, under the title bar down to the position line.
    public var dashboard: Rows { Rows(first: 1, count: max(1, height - 4)) }
    /// The conflict queue at the top of its screen: at most this many conflicts, the selected one in the middle.
    public static let conflictQueue = 7
    /// The households failing a guarantee, in a box down the middle.
    public var failing: Box {
        let y = 2, h = height - 4
        return Box(x: (width - 44) / 2, y: y, width: 44, height: h, rows: Rows(first: y + 1, count: max(1, h - 4)))
    }
    /// A field's history, over the lower part of the sheet so the field stays in view.
    public var history: Box {
        let y = height / 2 - 2, h = height - 3 - y
        return Box(x: 0, y: y, width: width - 1, height: h, rows: Rows(first: y + 1, count: max(1, h - 3)))
    }
}
