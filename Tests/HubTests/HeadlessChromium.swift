import Foundation
import HubTestSupport
import ProjectFolders

/// Debian's Chromium, headless, as a supervisor's browser: each run a fresh profile, so a page is reached
/// only through a login link the test issued. `scripts/setup-system` installs it.
enum HeadlessChromium {
    static let binary = "/usr/bin/chromium"
    /// Where the screenshots are kept for a person to look at.
    static let screenshots = Project.root.appendingPathComponent(".build/screenshots").path

    /// How long one run may take before it is killed and the test fails.
    static let timeout: Duration = .seconds(60)

    /// Chromium's output for `url` with `arguments` (`--dump-dom`, `--screenshot=…`).
    static func run(_ url: String, _ arguments: [String]) async throws -> String {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw TestPostgres.Failure(description: "\(binary) is missing: run scripts/setup-system (it installs chromium)")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        // At the lowest priority: the hubs of the other suites serve from this process's two cooperative threads
        // on two cores, and a browser at full speed beside them pushed their requests past the test deadline.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nice")
        // As root Chromium needs --no-sandbox; new headless ignores --lang for Accept-Language, hence --accept-lang; no GPU on the test machines; the virtual-time budget ends the
        // run once the page has loaded instead of waiting on open connections.
        process.arguments = ["-n", "19", binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--no-default-browser-check", "--user-data-dir=\(profile)", "--lang=zh-CN", "--accept-lang=zh-CN", "--hide-scrollbars",
                             "--virtual-time-budget=5000"] + arguments + [url]
        // Files, not pipes: a full pipe nobody reads would stall Chromium.
        let outPath = "\(profile)/stdout", errPath = "\(profile)/stderr"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Polled, not waited on: the hub under test serves from the same process's threads.
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                try await Task.sleep(for: .milliseconds(500))
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                throw TestPostgres.Failure(description: "chromium did not finish within \(timeout) for \(url)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard process.terminationStatus == 0 else {
            let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw TestPostgres.Failure(description: "chromium exited \(process.terminationStatus) for \(url): \(err.suffix(500))")
        }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// The page's DOM after loading.
    static func dom(_ url: String) async throws -> String { try await run(url, ["--dump-dom"]) }

    /// A screenshot of the page, saved as `name`.png under `screenshots`; its path.
    static func screenshot(_ url: String, name: String, height: Int = 900) async throws -> String {
        try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true)
        let path = "\(screenshots)/\(name).png"
        try? FileManager.default.removeItem(atPath: path)
        _ = try await run(url, ["--screenshot=\(path)", "--window-size=1200,\(height)"])
        guard FileManager.default.fileExists(atPath: path) else { throw TestPostgres.Failure(description: "chromium wrote no screenshot for \(url)") }
        return path
    }

    /// Every `data-figure` of a page: name → number.
    static func figures(_ html: String) -> [String: Int] {
        var out: [String: Int] = [:]
        var rest = html[...]
        while let start = rest.range(of: "data-figure=\"") {
            rest = rest[start.upperBound...]
            guard let q = rest.firstIndex(of: "\""), let gt = rest[q...].firstIndex(of: ">"), let lt = rest[gt...].firstIndex(of: "<") else { break }
            let name = String(rest[..<q])
            if let n = Int(rest[rest.index(after: gt)..<lt]) { out[name] = n }
            rest = rest[lt...]
        }
        return out
    }
}
