import Foundation

/// A progress bar on standard error, redrawn in place when it is a terminal (at most ~20 redraws a second,
/// and always the last); nothing when it is not (logs, scripts), so a pipe never fills with carriage
/// returns. The laptop's bundle commands and the hub's exports draw through it.
public final class TerminalProgressBar {
    /// Whether standard error is a terminal.
    public let onTerminal = isatty(STDERR_FILENO) == 1
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init() {}

    /// Draws `label [████░░░░] 40% done/total` (without the count when `count` is false).
    public func draw(_ label: String, _ done: Int, _ total: Int, count: Bool = true) {
        guard onTerminal else { return }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDraw) > 0.05 else { return }
        lastDraw = now
        let width = 30
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data(("\r\(label) [\(bar)] \(Int(fraction * 100))%" + (count ? " \(done)/\(total)" : "") + "\u{1b}[K").utf8))
        drawn = true
    }

    /// Ends the bar's line before other output.
    public func finishLine() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)); drawn = false }
    }
}
