import Foundation

/// The real `hufang` binary in a detached tmux session: keys go in with `send-keys`, the screen comes
/// back with `capture-pane`. Each session has its own tmux server socket, so tests cannot meet.
final class TmuxSession {
    let socket = "hufang-test-\(UUID().uuidString.prefix(8))"
    let name = "t"

    /// Starts `hufang args…` in a window of the given size.
    init(_ args: [String], width: Int = 80, height: Int = 24, env: [String: String] = [:]) throws {
        let vars = (["LANG": "C.UTF-8", "TERM": "xterm-256color"].merging(env) { $1 }).map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = "exec env \(vars) " + ([HufangBinary.url.path] + args).map(Self.quote).joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux command and returns what it printed. posix_spawn and waitpid, not Process: the
    /// first command forks the tmux server, and Foundation's Process then never reports the exit.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-u", "-L", socket] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for e in envp { free(e) } }
        // The test runner blocks signals in its threads; tmux and the binary must not inherit that.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, &attr, argv, envp)
        guard rc == 0 else { throw TmuxError.cannotRun(rc) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    enum TmuxError: Error { case cannotRun(Int32) }

    /// Types text literally (Chinese included).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", "--", text]) }
    /// Presses named keys: Enter, Escape, F7, BTab, C-v, NPage…
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// The screen as text; with `escapes`, including the attributes as escape sequences.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen shows `text`; false after `timeout` seconds.
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if try screen().contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The process id of the binary (the pane runs it directly).
    func pid() throws -> Int32 { Int32(try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
    /// Whether the binary has exited (or was killed).
    func exited() throws -> Bool { try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).hasPrefix("1") }

    /// The label of the question under the cursor: the line of the question pane drawn in reverse video.
    func currentField() throws -> String? {
        for line in try screen(escapes: true).split(separator: "\n") {
            guard let bar = line.range(of: "│") else { continue }
            let pane = String(line[bar.upperBound...])
            guard Self.hasReverse(pane) else { continue }
            let plain = Self.stripEscapes(pane).trimmingCharacters(in: .whitespaces)
            return plain.components(separatedBy: "  ").first
        }
        return nil
    }

    static func hasReverse(_ s: String) -> Bool {
        let regex = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
        for m in regex.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            let params = (s as NSString).substring(with: m.range(at: 1)).split(separator: ";")
            if params.contains("7") { return true }
        }
        return false
    }

    static func stripEscapes(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
    }
}
