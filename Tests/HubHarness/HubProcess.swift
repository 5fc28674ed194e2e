import AsyncHTTPClient
import Foundation
import NIOCore

/// The real `hufang-hub serve` as a process of its own, configured the way an operator configures it (a
/// YAML file beside the county's files), migrated with `hufang-hub migrate`, and started, killed and
/// started again on the same port as the fault tests need.
public final class HubProcess: @unchecked Sendable {
    public let binary: String
    public let config: String
    public let port: Int
    public let log: String
    /// Guards `process`: the fault tests kill and restart from one task while others read the pid.
    private let lock = NSLock()
    private var process: SpawnedProcess?

    /// Writes the configuration for `county` on `database` (a URL), listening on a free loopback port.
    /// `limits` are YAML lines under `limits:` (for example `chunkBytes: 1024`).
    public init(binary: String, county: SimulatedCounty, database: String, limits: [String] = []) throws {
        // Absolute: one-shot commands run from /tmp (TestPostgres.run), where a path relative to here names nothing.
        self.binary = URL(fileURLWithPath: binary).standardizedFileURL.path
        port = try TestPostgres.freePort()
        config = county.folder + "/hub.yaml"
        log = county.folder + "/hub.log"
        var yaml = """
            listen: 127.0.0.1:\(port)
            postgres: \(database)
            hubKey: \(county.hubKeyPath)
            county: \(county.authority.identityPath)
            certificate: \(county.hubCertificatePath)

            """
        if !limits.isEmpty { yaml += "limits:\n" + limits.map { "  \($0)\n" }.joined() }
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: log, contents: nil)
    }

    /// The hub's base URL.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// The running server's pid (nil when it is not running).
    public var pid: Int32? { lock.withLock { process.map(\.pid) } }

    /// `hufang-hub migrate`: its output; throws when it fails.
    @discardableResult
    public func migrate() throws -> String {
        do { return try TestPostgres.run(binary, ["migrate", "--config", config]) } catch {
            throw TestPostgres.Failure(description: "hufang-hub migrate: \(error)")
        }
    }

    /// Starts `hufang-hub serve` and waits until it answers `GET /v1/hub`.
    public func start(http: HTTPClient, within seconds: Double = 30) async throws {
        let process = try SpawnedProcess(binary, ["serve", "--config", config], appendingTo: log)
        lock.withLock { self.process = process }
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let code = process.exitCode {
                lock.withLock { if self.process === process { self.process = nil } }
                throw TestPostgres.Failure(description: "hufang-hub serve ended (\(code)): \(tail())")
            }
            if let response = try? await http.execute(HTTPClientRequest(url: url + "/v1/hub"), timeout: .seconds(1)), response.status == .ok {
                _ = try? await response.body.collect(upTo: 1 << 16)
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestPostgres.Failure(description: "hufang-hub serve did not answer within \(seconds) s: \(tail())")
    }

    /// SIGKILL: no graceful shutdown, no flushing; waits until the process is gone.
    public func kill() {
        guard let process = lock.withLock({ self.process }) else { return }
        process.send(SIGKILL)
        process.wait()
        lock.withLock { self.process = nil }
    }

    /// SIGTERM: the graceful stop an operator's `systemctl stop` sends; waits until the process is gone.
    public func stop() {
        guard let process = lock.withLock({ self.process }) else { return }
        process.send(SIGTERM)
        process.wait()
        lock.withLock { self.process = nil }
    }

    /// Whether the server started last is still running.
    public var isRunning: Bool { lock.withLock { process?.isRunning ?? false } }

    /// A field of the server's /proc status in bytes: "VmRSS" (resident now) or "VmHWM" (its peak).
    public func memory(_ field: String) -> Int? {
        guard let pid, let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }

    /// Runs a one-shot `hufang-hub` command with this configuration (`export csv …`, `dashboard`), its output
    /// appended to `output`: its exit code, the seconds it took and its peak resident memory (VmHWM, sampled
    /// every 20 ms until it ends).
    public func run(_ arguments: [String], output: String) throws -> (code: Int32, seconds: Double, peakRSS: Int) {
        let started = Date()
        let child = try SpawnedProcess(binary, arguments + ["--config", config], appendingTo: output)
        var peak = 0
        while child.isRunning {
            if let text = try? String(contentsOfFile: "/proc/\(child.pid)/status", encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
                peak = max(peak, kb * 1024)
            }
            usleep(20_000)
        }
        return (child.exitCode ?? -1, Date().timeIntervalSince(started), peak)
    }

    /// The end of the server's log, for a failure's message.
    public func tail(_ lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}
