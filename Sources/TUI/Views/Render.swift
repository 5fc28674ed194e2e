import Foundation
import Survey

/// Draws the state into a frame. Pure: the same state always gives the same cells.
public enum Render {
    public static func frame(_ state: AppState) -> ScreenBuffer {
        var buf = ScreenBuffer(width: state.width, height: state.height)
        if state.tooSmall {
            TooSmallView.draw(&buf, state)
            return buf
        }
        if let form = state.form {
            switch form.mode {
            case .fields: FormView.draw(&buf, state, form)
            case .grid(let g): GridView.draw(&buf, state, form, g)
            case .checks(let c): ChecksView.draw(&buf, state, form, c)
            case .assessment(let a): AssessmentView.draw(&buf, state, form, a)
            }
        } else {
            ListView.draw(&buf, state)
        }
        switch state.overlay {
        case .help?: HelpView.draw(&buf, state)
        case .prompt(let p)?: PromptView.draw(&buf, state, p)
        case .confirmComplete?:
            if let form = state.form { ConfirmCompleteView.draw(&buf, state, household: ConfirmCompleteView.name(form.interview)) }
        case nil: break
        }
        return buf
    }
}

/// Pieces every screen uses: the title bar, the message line and the key-hint bar.
enum Chrome {
    static func titleBar(_ buf: inout ScreenBuffer, _ left: String, right: String = "") {
        buf.fill(x: 0, y: 0, width: buf.width, height: 1, style: .selected)
        let rw = CellWidth.of(right)
        buf.put(" " + left, x: 0, y: 0, style: Style(bold: true, reverse: true), limit: buf.width - rw - 2)
        buf.put(right, x: buf.width - rw - 1, y: 0, style: .selected)
    }

    /// The message line above the key bar: feedback first, else the hint given.
    static func statusLine(_ buf: inout ScreenBuffer, _ state: AppState, hint: String = "") { statusLine(&buf, state.status, hint: hint) }

    static func statusLine(_ buf: inout ScreenBuffer, _ status: StatusLine?, hint: String = "") {
        let y = Layout(width: buf.width, height: buf.height).messageLine
        if let s = status {
            let style: Style = s.kind == .error ? .error : s.kind == .warning ? .warning : .done
            buf.put((s.kind == .error ? "✗ " : "") + s.text, x: 1, y: y, style: style, limit: buf.width - 2)
        } else if !hint.isEmpty {
            buf.put(hint, x: 1, y: y, style: .hint, limit: buf.width - 2)
        }
    }

    static func keyBar(_ buf: inout ScreenBuffer, _ items: [(String, String)]) {
        let y = Layout(width: buf.width, height: buf.height).keyBar
        let items = items.map { ($0.0, $0.1.trimmingCharacters(in: .whitespaces)) }
        let total = items.reduce(0) { $0 + CellWidth.of($1.0) + CellWidth.of($1.1) + 1 }
        let gap = total + 2 * (items.count - 1) <= buf.width ? 2 : 1
        var x = 0
        for (key, label) in items {
            if x + CellWidth.of(key) + CellWidth.of(label) + 1 > buf.width { break }
            x += buf.put(key, x: x, y: y, style: .key) + 1
            x += buf.put(label, x: x, y: y) + gap
        }
    }

    /// Splits text into lines of at most `width` columns, never inside a wide character or a word.
    static func wrap(_ text: String, _ width: Int) -> [String] { LineBreak.lines(text, width: width) }

    /// The text cut to `width` columns with "…" at the end when it does not fit, so a cut value shows it
    /// is cut: after the last whole word that fits ("Household…"), unless that leaves too little of it.
    static func clip(_ text: String, _ width: Int) -> String {
        let safe = TerminalText.escaped(text)
        guard CellWidth.of(safe) > width, width > 1 else { return safe }
        let words = LineBreak.lines(safe, width: width - 1).first ?? ""
        if CellWidth.of(words) * 3 >= width - 1 { return words + "…" }
        var out = "", used = 0
        for ch in safe {
            let w = CellWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch); used += w
        }
        return out + "…"
    }

    /// Right-aligns text in a field of `width` columns.
    static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - CellWidth.of(text))) + text
    }
}

/// Shown instead of any screen when the terminal is smaller than 80×24; the state is kept as it was.
enum TooSmallView {
    static func draw(_ buf: inout ScreenBuffer, _ state: AppState) {
        let lines = [Phrase.terminalTooSmall.text(state.lang, state.width, state.height), Phrase.enlargeLeast.text(state.lang),
                     Phrase.youContinueWhereYou.text(state.lang)]
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (state.width - CellWidth.of(line)) / 2)
            buf.put(line, x: x, y: top + i, style: i == 0 ? .warning : .plain)
        }
    }
}
