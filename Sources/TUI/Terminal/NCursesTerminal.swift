import CNCursesW
import Foundation

/// The real terminal, through ncursesw: turns `get_wch` input into messages and copies the cells that
/// changed since the last frame. Nothing else in the application touches the terminal.
public final class NCursesTerminal {
    private var last: ScreenBuffer?

    public init() {
        // The wide-character API needs a UTF-8 locale; fall back to C.UTF-8 when the user's is not.
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" { setlocale(LC_ALL, "C.UTF-8") }
        // A parent may have blocked or ignored SIGWINCH (test runners, some launchers); ncurses only
        // reports a resize when the signal arrives, so it is made to.
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &winch, nil)
        signal(SIGWINCH, SIG_DFL)
        // Closed window or `kill`: give the terminal back before going (every confirmed answer is
        // already committed, so there is nothing else to do).
        for sig in [SIGTERM, SIGHUP] {
            signal(sig) { s in
                endwin()
                _exit(128 + s)
            }
        }
        initscr()
        raw()                    // Ctrl-C, Ctrl-S, Ctrl-Q, Ctrl-V arrive as keys
        noecho()
        nonl()
        keypad(cnc_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            let colors: [Color: Int16] = [.red: Int16(COLOR_RED), .yellow: Int16(COLOR_YELLOW), .green: Int16(COLOR_GREEN),
                                          .cyan: Int16(COLOR_CYAN), .blue: Int16(COLOR_BLUE), .magenta: Int16(COLOR_MAGENTA)]
            for (color, c) in colors { init_pair(Int16(color.rawValue), c, -1) }
        }
    }

    /// Columns and rows of the terminal now.
    public var size: (width: Int, height: Int) { (Int(cnc_cols()), Int(cnc_lines())) }

    /// Waits for a key; nil for input that means nothing to the application.
    public func read() -> Message? {
        if !queued.isEmpty { return queued.removeFirst() }
        var ch: wint_t = 0
        let r = wget_wch(cnc_stdscr(), &ch)
        if r == cnc_err() { return nil }
        if r == cnc_key_code_yes() { return keyCode(ch) }
        if ch == 27 { return readEscape() }
        return Self.decode(UInt32(ch)).map { .key($0) }
    }

    /// Keys read ahead while telling an escape sequence from Esc and the next key.
    private var queued: [Message] = []

    /// A key ncurses decoded itself.
    private func keyCode(_ ch: wint_t) -> Message? {
        switch Int32(ch) {
        case KEY_RESIZE:
            last = nil
            return .resize(width: Int(cnc_cols()), height: Int(cnc_lines()))
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        default:
            for n in 1...12 where Int32(ch) == cnc_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    /// After ESC: the rest of a sequence ncurses did not know (`ESC[4~` on a terminal whose terminfo
    /// lacks it) is read at once and decoded, or dropped, so it is never typed as text. ESC followed by
    /// anything else (or nothing) is Esc, and what followed is the next key.
    private func readEscape() -> Message? {
        nodelay(cnc_stdscr(), true)
        defer { nodelay(cnc_stdscr(), false) }
        var ch: wint_t = 0
        let r = wget_wch(cnc_stdscr(), &ch)
        if r == cnc_err() { return .key(.escape) }
        if r == cnc_key_code_yes() {
            if let next = keyCode(ch) { queued.append(next) }
            return .key(.escape)
        }
        guard let scalar = Unicode.Scalar(UInt32(ch)) else { return .key(.escape) }
        guard scalar == "[" || scalar == "O" else {
            if ch == 27 { queued.append(readEscape() ?? .key(.escape)) }
            else if let next = Self.decode(UInt32(ch)) { queued.append(.key(next)) }
            return .key(.escape)
        }
        var rest: [Character] = [Character(scalar)]
        while !EscapeSequence.isComplete(rest), rest.count < EscapeSequence.longest {
            let r = wget_wch(cnc_stdscr(), &ch)
            if r == cnc_err() { break }
            if r == cnc_key_code_yes() { return nil }          // a key in the middle: the sequence was garbled
            guard let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
            rest.append(Character(scalar))
        }
        if rest.count == 1 {
            // Esc, then "[" or "O" typed: not a sequence after all.
            queued.append(.key(.char(rest[0])))
            return .key(.escape)
        }
        return EscapeSequence.key(after: rest).map { .key($0) }
    }

    /// A character code from the terminal as a key.
    static func decode(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
        case 0, 28...31: return nil
        default: return Unicode.Scalar(code).map { .char(Character($0)) }
        }
    }

    /// Copies what changed since the last frame to the screen.
    public func draw(_ frame: ScreenBuffer) {
        if last == nil { werase(cnc_stdscr()) }
        for run in frame.changes(since: last) {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                if cell.continuation { continue }
                var attrs: Int32 = 0
                if cell.style.bold { attrs |= cnc_a_bold() }
                if cell.style.reverse { attrs |= cnc_a_reverse() }
                if cell.style.dim { attrs |= cnc_a_dim() }
                var wide = cell.character.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
                _ = cnc_put_cell(Int32(run.y), Int32(x), &wide, attrs, Int16(cell.style.color.rawValue))
            }
        }
        wnoutrefresh(cnc_stdscr())
        doupdate()
        last = frame
    }

    /// Gives the terminal back as it was.
    public func end() { endwin() }
}

/// An application the terminal loop drives: either `ProgramHost`.
public protocol TerminalProgram: AnyObject {
    /// The terminal's size changed (also sent once before `start`).
    func resized(width: Int, height: Int)
    /// Reads what the first screen shows.
    func start()
    func pressed(_ key: Key)
    /// What the screen should show now.
    var frame: ScreenBuffer { get }
    var finished: Bool { get }
}

/// Runs an application on the real terminal.
public enum TerminalApp {
    /// Runs until the user quits. With `exitAfterFirstFrame`, draws one frame and returns (for timing).
    public static func run(_ program: some TerminalProgram, exitAfterFirstFrame: Bool = false) {
        let term = NCursesTerminal()
        defer { term.end() }
        let size = term.size
        program.resized(width: size.width, height: size.height)
        program.start()
        term.draw(program.frame)
        if exitAfterFirstFrame { return }
        while !program.finished {
            switch term.read() {
            case .key(let key)?: program.pressed(key)
            case .resize(let w, let h)?: program.resized(width: w, height: h)
            default: continue
            }
            term.draw(program.frame)
        }
    }
}
