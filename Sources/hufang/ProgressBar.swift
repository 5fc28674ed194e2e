import Foundation
import Store
import Survey

/// Progress of a long export or import on standard error: a bar redrawn in place on a terminal, and a
/// plain line per step otherwise (logs, scripts), so a pipe never fills with carriage returns.
final class ProgressBar {
    private let lang: Language
    private let onTerminal = isatty(STDERR_FILENO) == 1
    private var phase: SyncPhase?
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(lang: Language) { self.lang = lang }

    /// Reports `done` of `total` in `phase`.
    func update(_ phase: SyncPhase, _ done: Int, _ total: Int) {
        if phase != self.phase {
            finishLine()
            self.phase = phase
            if !onTerminal { emit(phase.label(lang) + Self.size(phase, total) + "…\n") }
        }
        guard onTerminal else { return }
        // At most ~20 redraws a second, and always the last one.
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDraw) > 0.05 else { return }
        lastDraw = now
        let width = 30
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        emit("\r\(phase.label(lang)) [\(bar)] \(Int(fraction * 100))%" + (phase == .verify ? "" : " \(done)/\(total)") + "\u{1b}[K")
        drawn = true
    }

    /// Ends the bar's line before other output.
    func finishLine() {
        if drawn { emit("\n"); drawn = false }
    }

    /// How much a step has to do, for the plain line: changes, or megabytes for the file.
    private static func size(_ phase: SyncPhase, _ total: Int) -> String {
        switch phase {
        case .verify: return ""
        case .write, .upload, .download: return String(format: " (%.1f MB)", Double(total) / 1e6)
        case .collect, .apply: return " (\(total))"
        }
    }

    private func emit(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
