import Foundation

/// Times launch → first frame of a hufang binary on a pseudo-terminal made by util-linux `script` (so
/// ncurses starts as on a real terminal): it draws its first frame and exits (HUFANG_EXIT_AFTER_FIRST_FRAME).
/// With `root`, the binary and paths are those inside that Debian root, run through `chroot` (an installed
/// package, scripts/package-test). Returns the wall time in nanoseconds, `script` (and `chroot`) included.
func launchToFirstFrame(binary: String, store: String, screens: String, root: String? = nil) -> UInt64? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm-256color"; env["LINES"] = "24"; env["COLUMNS"] = "80"; env["LANG"] = "C.UTF-8"
    env["HUFANG_EXIT_AFTER_FIRST_FRAME"] = "1"
    let command = [binary, "--db", store, "--screens", screens].map { "'" + $0 + "'" }.joined(separator: " ")
    let words: [String] = (root.map { ["chroot", $0] } ?? []) + ["script", "-q", "-e", "-c", command, "/dev/null"]
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let t = DispatchTime.now().uptimeNanoseconds
    guard posix_spawnp(&pid, words[0], &actions, nil, argv, envp) == 0 else { return nil }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let elapsed = DispatchTime.now().uptimeNanoseconds - t
    return status == 0 ? elapsed : nil
}
