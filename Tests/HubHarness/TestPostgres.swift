import Foundation
import Logging
import PostgresNIO

/// A throwaway PostgreSQL cluster in a temporary folder on a free loopback port, started as DESIGN.md
/// "PostgreSQL for tests" shows (as the `postgres` user when this runs as root: PostgreSQL refuses root),
/// and stopped when the suite ends, or by a watchdog when the test process dies first.
public final class TestPostgres: Sendable {
    public let folder: String
    public let port: Int
    public static let user = "hufang"
    static let bin = "/usr/lib/postgresql/15/bin"

    /// Why a cluster could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Starts a cluster; throws with its log when it does not come up.
    public static func start() throws -> TestPostgres {
        guard FileManager.default.isExecutableFile(atPath: bin + "/initdb") else {
            throw Failure(description: "\(bin)/initdb is missing: run scripts/setup-system (it installs postgresql)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-pg-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { try run("/bin/chown", ["postgres", folder]) }
        try asPostgres("\(bin)/initdb", ["-D", "\(folder)/pg", "-A", "trust", "-U", user, "-E", "UTF8", "--locale=C.UTF-8"])
        let port = try freePort()
        let cluster = TestPostgres(folder: folder, port: port)
        try cluster.watch()
        do {
            try asPostgres("\(bin)/pg_ctl", ["-D", "\(folder)/pg", "-l", "\(folder)/log", "-w", "start",
                                             "-o", "-k \(folder) -p \(port) -c listen_addresses=127.0.0.1"])
        } catch {
            let log = (try? String(contentsOfFile: "\(folder)/log", encoding: .utf8)) ?? ""
            throw Failure(description: "pg_ctl start failed: \(error)\n\(log)")
        }
        return cluster
    }

    init(folder: String, port: Int) { self.folder = folder; self.port = port }

    /// Stops the server and keeps its files, as an operator's restart does; `startAgain` brings it back.
    public func stopServer() throws {
        try Self.asPostgres("\(Self.bin)/pg_ctl", ["-D", "\(folder)/pg", "-m", "fast", "-w", "stop"])
    }

    /// Starts the server again on the same port and files.
    public func startAgain() throws {
        try Self.asPostgres("\(Self.bin)/pg_ctl", ["-D", "\(folder)/pg", "-l", "\(folder)/log", "-w", "start",
                                                  "-o", "-k \(folder) -p \(port) -c listen_addresses=127.0.0.1"])
    }

    /// Stops the cluster and removes its folder.
    public func stop() {
        _ = try? Self.asPostgres("\(Self.bin)/pg_ctl", ["-D", "\(folder)/pg", "-m", "fast", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A client for `database` on this cluster (run it with `client.run()`).
    public func client(database: String = "postgres") -> PostgresClient {
        let configuration = PostgresClient.Configuration(host: "127.0.0.1", port: port, username: Self.user, password: nil,
                                                         database: database, tls: .disable)
        return PostgresClient(configuration: configuration, backgroundLogger: Logger(label: "test-postgres"))
    }

    /// A new, empty database; its name.
    public func createDatabase() throws -> String {
        let name = "hub_" + UUID().uuidString.prefix(8).lowercased()
        try Self.run("/usr/bin/psql", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-d", "postgres", "-q", "-v", "ON_ERROR_STOP=1",
                                       "-c", "CREATE DATABASE \(name)"])
        return name
    }

    /// The rows `sql` returns in `database`, one a line, columns separated by `|` (psql's unaligned output).
    public func query(database: String, _ sql: String) throws -> String {
        try Self.run("/usr/bin/psql", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-d", database, "-At", "-v", "ON_ERROR_STOP=1",
                                       "-c", sql])
    }

    /// A plain-SQL dump of `database` (`pg_dump`, as a county's nightly backup takes it) into `file`.
    public func dump(database: String, to file: String) throws {
        try Self.run("\(Self.bin)/pg_dump", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "--no-owner", "-f", file, database])
    }

    /// Replaces `database` by the dump in `file`, as an operator restores a backup: dropped (no one may be
    /// connected), created again, the dump read in.
    public func restore(database: String, from file: String) throws {
        let psql = ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-q", "-v", "ON_ERROR_STOP=1"]
        try Self.run("/usr/bin/psql", psql + ["-d", "postgres", "-c", "DROP DATABASE \(database) WITH (FORCE)"])
        try Self.run("/usr/bin/psql", psql + ["-d", "postgres", "-c", "CREATE DATABASE \(database)"])
        try Self.run("/usr/bin/psql", psql + ["-d", database, "-f", file])
    }

    /// The URL of `database`, as a hub configuration names it.
    public func url(database: String) -> String { "postgres://\(Self.user)@127.0.0.1:\(port)/\(database)" }

    /// A shell that stops the cluster once this test process is gone, even when it crashed.
    private func watch() throws {
        let me = getpid()
        let stop = "\(Self.bin)/pg_ctl -D \(folder)/pg -m immediate stop"
        let script = "while kill -0 \(me) 2>/dev/null; do sleep 1; done; "
            + (getuid() == 0 ? "runuser -u postgres -- \(stop)" : stop) + " >/dev/null 2>&1; rm -rf \(folder)"
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", script]
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }

    private static func asPostgres(_ tool: String, _ arguments: [String]) throws {
        if getuid() == 0 { try run("/usr/sbin/runuser", ["-u", "postgres", "--", tool] + arguments) } else { try run(tool, arguments) }
    }

    /// Runs a tool to its end, its output into a file. posix_spawn and waitpid rather than Foundation's
    /// Process: `pg_ctl start` leaves the server holding every descriptor it inherited, among them the one
    /// Process watches for the child's end, which then never comes.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("hufang-pg-run-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        // From /tmp: the postgres user may not enter the folder the tests run in.
        let status = try SpawnedProcess("/bin/sh", ["-c", "cd /tmp && exec \"$@\"", "sh", tool] + arguments, appendingTo: outputPath).wait()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED and WEXITSTATUS are macros Swift does not import.
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) ended with status \(status): \(text)")
        }
        return text
    }

    /// A loopback port nothing listens on now (the kernel's choice for port 0).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "bind: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Failure(description: "getsockname: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
