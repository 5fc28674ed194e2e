import Foundation
import ProjectFolders

/// The built `hufang` binary and a way to run it, shared by the CLI tests.
enum HufangBinary {
    static let root = Project.root
    static let url = root.appendingPathComponent(".build/debug/hufang")
    static let screens = Project.screens.path

    /// Runs `hufang` with `args` in the project folder; returns its exit status and what it printed.
    static func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try launch(url, args)
    }

    /// Runs `hufang` as another user (`runuser -u USER`): the tests run as root, whom file modes never stop.
    static func run(as user: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try launch(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", user, "--", url.path] + args)
    }

    /// Copies the binary to `destination` through a descriptor closed on exec: FileManager's copy leaves its
    /// descriptor to every process another test spawns meanwhile, and the copy cannot run while one holds it.
    static func copy(to destination: URL) throws {
        let bytes = try Data(contentsOf: url)
        let fd = open(destination.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw CocoaError(.fileWriteUnknown) }
                done += n
            }
        }
    }

    /// Runs a copy of the binary that the test has just written. A process forked elsewhere in the test run while the
    /// copy was open holds its descriptor until it execs, and the kernel refuses to run a file open for writing
    /// ("Text file busy"): that refusal, and only it, is waited out.
    static func launchCopy(_ program: URL, _ args: [String], in directory: URL) throws -> (status: Int32, out: String, err: String) {
        var attempts = 0
        while true {
            do {
                return try launch(program, args, in: directory)
            } catch let error as NSError where attempts < 100 && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                attempts += 1
                usleep(20_000)
            }
        }
    }

    /// Runs any program in the project folder (or `directory`); returns its exit status and what it printed.
    static func launch(_ program: URL, _ args: [String], in directory: URL = root) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = program
        p.arguments = args
        p.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
