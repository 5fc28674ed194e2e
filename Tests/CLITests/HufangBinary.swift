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
