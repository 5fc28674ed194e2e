import Foundation
import Store
import Survey

/// Progress of a long export or import on standard error: a bar redrawn in place on a terminal, and a
/// plain line per step otherwise (logs, scripts), so a pipe never fills with carriage returns.
final class ProgressBar {
    private let lang: Language
    private let bar = TerminalProgressBar()
    private var phase: SyncPhase?

    init(lang: Language) { self.lang = lang }

    /// Reports `done` of `total` in `phase`.
    func update(_ phase: SyncPhase, _ done: Int, _ total: Int) {
        if phase != self.phase {
            finishLine()
            self.phase = phase
            if !bar.onTerminal { emit(phase.label(lang) + Self.size(phase, total) + "…\n") }
        }
        bar.draw(phase.label(lang), done, total, count: phase != .verify)
    }

    /// Ends the bar's line before other output.
    func finishLine() { bar.finishLine() }

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
