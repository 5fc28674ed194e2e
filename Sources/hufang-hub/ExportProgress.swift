import Foundation
import Survey

/// An export's progress on standard error: a bar redrawn in place on a terminal, one closing line otherwise
/// (logs, scripts), so a pipe never fills with carriage returns.
final class ExportProgress {
    private let lang: Language
    private let onTerminal = isatty(STDERR_FILENO) == 1
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(lang: Language) { self.lang = lang }

    /// `done` of `total` households written.
    func update(_ done: Int, _ total: Int) {
        guard onTerminal else { return }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let width = 30
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let label = lang == .zh ? "导出" : "exporting"
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(Int(fraction * 100))% \(done)/\(total)\u{1b}[K".utf8))
        drawn = true
    }

    /// Ends the bar's line before other output.
    func finishLine() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)); drawn = false }
    }
}
