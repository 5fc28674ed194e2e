import Foundation
import Testing
@testable import TUI

/// Screen snapshots: the frame's text, then one line per row of style codes, compared with a file in
/// `Snapshots/`. `HUFANG_RECORD_SNAPSHOTS=1 swift test` writes them; a missing file is a failure.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// One character per column: what colour or emphasis the cell has.
    static func styleCode(_ s: Style) -> Character {
        if s.reverse { return "R" }
        switch s.color {
        case .red: return "e"
        case .yellow: return "w"
        case .green: return "g"
        case .cyan: return "k"
        case .blue, .magenta: return "c"
        case .normal: return s.bold ? "b" : s.dim ? "d" : "."
        }
    }

    static func render(_ frame: ScreenBuffer) -> String {
        var styles: [String] = []
        for y in 0..<frame.height {
            styles.append(String((0..<frame.width).map { styleCode(frame[$0, y].style) }))
        }
        return frame.text + "\n--- styles: R reverse, e red, w yellow, g green, k key, b bold, d dim ---\n" + styles.joined(separator: "\n") + "\n"
    }

    static func check(_ frame: ScreenBuffer, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = render(frame)
        if ProcessInfo.processInfo.environment["HUFANG_RECORD_SNAPSHOTS"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("No snapshot \(name).txt: record with HUFANG_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false), e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("Snapshot \(name) differs at line \(first + 1):\n  expected: \(first < e.count ? String(e[first]) : "")\n  actual:   \(first < a.count ? String(a[first]) : "")",
                         sourceLocation: sourceLocation)
        }
    }
}
