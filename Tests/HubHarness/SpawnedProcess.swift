import Foundation

/// A child process started with posix_spawn and reaped by this object alone. The hub's tests kill and restart
/// servers from async tasks; Foundation's `Process.waitUntilExit` there waited on a termination its SIGCHLD
/// monitor never delivered (a test hung with no child left), while `waitpid` on our own pid cannot miss it.
/// The child gets only its standard descriptors: Foundation's `Process` learns that its child ended when the
/// last holder of a socket it gave the child closes it, so a hub or PostgreSQL server spawned meanwhile that
/// inherited that socket would keep another test's `waitUntilExit` (on a cooperative thread) waiting for as
/// long as the server ran; and a lock another test holds would outlive that test.
public final class SpawnedProcess: @unchecked Sendable {
    public let pid: pid_t
    private let lock = NSLock()
    private var status: Int32?

    /// Starts `executable` with `arguments`, its standard output and error appended to the file `output`.
    public init(_ executable: String, _ arguments: [String], appendingTo output: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        guard Self.closeFrom(&actions, 3) == 0 else { throw TestPostgres.Failure(description: "posix_spawn_file_actions_addclosefrom_np failed") }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw TestPostgres.Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        self.pid = pid
    }

    /// Whether it has not ended yet (reaps it when it has).
    public var isRunning: Bool { lock.withLock { reap(blocking: false) == nil } }

    /// Waits until it has ended; its wait status.
    @discardableResult
    public func wait() -> Int32 { lock.withLock { reap(blocking: true) ?? -1 } }

    /// Its exit code, or 128 + the signal that ended it; nil while it runs.
    public var exitCode: Int32? {
        lock.withLock {
            // WIFEXITED, WEXITSTATUS and WTERMSIG are macros Swift does not import.
            reap(blocking: false).map { $0 & 0x7f == 0 ? ($0 >> 8) & 0xff : 128 + ($0 & 0x7f) }
        }
    }

    /// Sends `signal`, unless it has already been reaped (its pid may belong to another process by then).
    public func send(_ signal: Int32) {
        lock.withLock { if status == nil { _ = Foundation.kill(pid, signal) } }
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc module does not
    /// declare (it needs _GNU_SOURCE): the child closes every descriptor from `low` on, at once, with no race
    /// against a descriptor another thread opens meanwhile.
    private static let closeFrom: @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32 = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            fatalError("this glibc has no posix_spawn_file_actions_addclosefrom_np (2.34 or later has it)")
        }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    private func reap(blocking: Bool) -> Int32? {
        if let status { return status }
        var s: Int32 = 0
        while true {
            let r = waitpid(pid, &s, blocking ? 0 : WNOHANG)
            if r == pid { status = s; return s }
            if r == -1 && errno == EINTR { continue }
            if r == -1 { status = -1; return -1 }  // not our child any more: nothing to wait for
            return nil
        }
    }
}
