import Foundation
import HubTestSupport
import ProjectFolders

/// The real `hufang sync` (the debug build `swift build --build-tests` makes) on one simulated laptop's store,
/// a process of its own as a user starts it: the hub's URL given on the command line, the hub's certificate
/// checked against the county the store was enrolled in. Its output goes to files beside the store (a file,
/// not a pipe: a hub process started meanwhile must not hold a pipe's end open).
struct LaptopSync {
    static let binary = Project.root.appendingPathComponent(".build/debug/hufang").path
    let process: Process
    let outPath: String
    let errPath: String

    /// What one run of `hufang sync` did, as it said.
    struct Result: CustomStringConvertible {
        var status: Int32
        var out: String
        var err: String

        /// The lines that name an uploaded bundle and its receipt ("upload FILE … received OUTCOME …").
        var uploadLines: [Substring] { out.split(separator: "\n").filter { $0.hasPrefix("upload ") } }
        /// The bytes each uploaded bundle's line says were sent again.
        var resentPerBundle: [Int] {
            uploadLines.compactMap { $0.firstMatch(of: /, (\d+) bytes sent, (\d+) re-sent/).flatMap { Int($0.2) } }
        }
        /// The requests tried again, from the closing line ("sync done: … N retries").
        var retries: Int? { out.firstMatch(of: /sync done: .*, (\d+) retries/).flatMap { Int($0.1) } }
        /// How many bundles the closing line says were uploaded.
        var uploaded: Int? { out.firstMatch(of: /sync done: (\d+) uploaded/).flatMap { Int($0.1) } }
        var description: String { "exit \(status)\n\(out)\(err)" }
    }

    /// Starts `hufang sync` on `device`'s store with the hub at `hub`, each request tried up to `retries` times.
    static func start(_ device: SimulatedDevice, hub: String, retries: Int = 8) throws -> LaptopSync {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["sync", "--db", device.storePath, "--hub", hub, "--screens", Project.screens.path, "--lang", "en",
                             "--who", "李文华", "--retries", String(retries)]
        process.currentDirectoryURL = Project.root
        let stem = device.storePath + ".sync-" + UUID().uuidString.prefix(8)
        let (outPath, errPath) = (stem + ".out", stem + ".err")
        for path in [outPath, errPath] { FileManager.default.createFile(atPath: path, contents: nil) }
        guard let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
            throw TestPostgres.Failure(description: "cannot write \(stem).out/.err")
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try out.close()
        try err.close()
        return LaptopSync(process: process, outPath: outPath, errPath: errPath)
    }

    /// Runs `hufang sync` on `device`'s store to its end.
    static func run(_ device: SimulatedDevice, hub: String, retries: Int = 8) async throws -> Result {
        try await start(device, hub: hub, retries: retries).finished()
    }

    var isRunning: Bool { process.isRunning }

    /// Waits for the process to end (without holding a thread): its exit status and output.
    func finished() async throws -> Result {
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        process.waitUntilExit()
        return result
    }

    /// The ended process's exit status and output.
    var result: Result {
        Result(status: process.terminationStatus,
               out: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
               err: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
