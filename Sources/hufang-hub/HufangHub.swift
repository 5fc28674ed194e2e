import ArgumentParser
import Foundation
import HubCore
import HubServer
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle
import Store
import Survey

/// The county hub: receives every device's bundles over HTTP and keeps them in PostgreSQL.
@main
struct HufangHub: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hufang-hub",
        abstract: "The county hub: receives devices' signed bundles and keeps them in PostgreSQL.",
        version: ProgramVersion.current,
        subcommands: [Key.self, Migrate.self, Serve.self, Revocations.self, Export.self, Card.self, Dashboard.self, Pages.self])
}

/// Options every subcommand takes.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "The hub's configuration file (JSON or YAML).")
    var config: String

    func load() throws -> HubConfiguration {
        do { return try HubConfiguration.load(config) } catch { throw ValidationError(error.description) }
    }
}

/// A failure of a subcommand, said in one line.
struct HubFailure: Error, CustomStringConvertible {
    var description: String
}

extension HubConfiguration {
    /// A PostgreSQL client for the configured database (not yet running).
    func makeClient(logger: Logger) throws -> PostgresClient {
        let db = try database()
        let configuration = PostgresClient.Configuration(host: db.host, port: db.port, username: db.user, password: db.password,
                                                         database: db.database, tls: .disable)
        return PostgresClient(configuration: configuration, backgroundLogger: logger)
    }
}

/// Runs `body` with the client's connection pool running, then stops it. PostgreSQL's refusals are said
/// in one line with the server's own message (postgres-nio's description hides it).
func withRunningClient<T: Sendable>(_ client: PostgresClient, _ body: @Sendable () async throws -> T) async throws -> T {
    do {
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { await client.run(); return nil }
            defer { group.cancelAll() }
            return try await body()
        }
    } catch let error as PSQLError {
        throw HubFailure(psql: error)
    }
}

extension HubFailure {
    init(psql error: PSQLError) {
        if let message = error.serverInfo?[.message] {
            description = "PostgreSQL: \(message)"
        } else {
            description = "cannot use PostgreSQL (\(error.code))"
        }
    }
}

struct Key: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Makes the hub's key (once) and its public key file for the county to enrol with role hub.")
    @OptionGroup var options: ConfigOption
    @Option(name: .long, help: "The name on the public key file.") var name = "county hub"

    func run() throws {
        let configuration = try options.load()
        let path = configuration.hubKey
        let key: DeviceKey
        do {
            key = FileManager.default.fileExists(atPath: path) ? try DeviceKey.load(from: path) : try DeviceKey.create(at: path)
        } catch {
            throw HubFailure(description: "\(path): \(error.message(.en))")
        }
        // The hub's device id is made once and kept in the public key file: its certificate names it.
        let publicPath = path + ".pub"
        let existing = FileManager.default.contents(atPath: publicPath).flatMap { String(data: $0, encoding: .utf8) }.flatMap(DevicePublicKey.init(text:))
        if let existing, existing.publicKey != key.publicKey {
            throw HubFailure(description: "\(publicPath) holds another key than \(path)")
        }
        let file = existing ?? DevicePublicKey(deviceID: UUID().uuidString.lowercased(), name: name, publicKey: key.publicKey)
        try Data(file.text.utf8).write(to: URL(fileURLWithPath: publicPath), options: .atomic)
        print("hub key: \(path) (fingerprint \(key.fingerprint))")
        print("public key file: \(publicPath) (device \(file.deviceID))")
        print("enrol it: hufang county enrol --county COUNTY-FOLDER --device \(publicPath) --role hub --scope COUNTY-CODE")
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Creates or upgrades the hub's schema (named, append-only migrations).")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let configuration = try options.load()
        let logger = Logger(label: "hufang-hub")
        let client = try configuration.makeClient(logger: logger)
        let ran = try await withRunningClient(client) { try await HubMigrations.migrate(client, logger: logger) }
        if ran.isEmpty { print("schema up to date (\(HubMigrations.all.count) migrations)") }
        for name in ran { print("migrated: \(name)") }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serves the hub's HTTP API.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let logger = { var l = Logger(label: "hufang-hub"); l.logLevel = .info; return l }()
        // Before SQLite's first use (the bundle check's schema): every upload reads a changeset.
        if !SQLiteMemoryStatistics.turnOff() { logger.notice("SQLite's memory statistics stay on: SQLite was in use already") }
        let configuration = try options.load()
        guard let data = FileManager.default.contents(atPath: configuration.county), let county = CountyIdentity(file: data) else {
            throw HubFailure(description: "not a county file: \(configuration.county)")
        }
        let key: DeviceKey
        do { key = try DeviceKey.load(from: configuration.hubKey) } catch {
            throw HubFailure(description: "cannot read the hub key \(configuration.hubKey): \(error.message(.en))")
        }
        var certificate: CountySigned?
        if let path = configuration.certificate {
            guard let file = FileManager.default.contents(atPath: path) else { throw HubFailure(description: "cannot read the hub's certificate \(path)") }
            do { certificate = try HubApplication.hubCertificate(file: file, county: county, hubKey: key) } catch {
                throw HubFailure(description: "\(path): \(error.description)")
            }
        } else {
            logger.warning("no `certificate:` in the configuration: devices cannot check this hub's key against their county")
        }
        let client = try configuration.makeClient(logger: logger)
        let store = HubStore(client: client, county: county, hubKey: key, limits: configuration.limits ?? HubLimits(), logger: logger)
        // The questionnaire's words for 两不愁三保障 on the progress pages; without `screens:` the pages name the ids.
        var guarantees: [(id: String, label: Localized)] = []
        if let screens = configuration.screens {
            do { guarantees = try DefinitionLoader.load(directory: URL(fileURLWithPath: screens)).standards.guarantees.map { (id: $0.id, label: $0.label) } } catch {
                throw HubFailure(description: "screens: \(screens) does not load (\(error.problems.count) problem(s))")
            }
        }
        var app = try HubApplication.make(store: store, configuration: configuration, certificate: certificate, logger: logger,
                                          guarantees: guarantees)
        let revocationsPath = configuration.revocations
        app.beforeServerStarts {
            // Serving a schema older than this binary would lose writes: `migrate` first.
            let applied: [String]
            do { applied = try await HubMigrations.applied(client, logger: logger) } catch let error as PSQLError { throw HubFailure(psql: error) }
            let missing = HubMigrations.all.map(\.name).filter { !applied.contains($0) }
            guard missing.isEmpty else { throw HubFailure(description: "run `hufang-hub migrate` first: \(missing.joined(separator: ", "))") }
            try await store.advanceLogPositions()
            if let revocationsPath, let file = FileManager.default.contents(atPath: revocationsPath), let signed = CountySigned(file: file) {
                try await store.install(revocations: signed)
            }
        }
        // A stop (SIGTERM, `systemctl stop`) lets requests in flight finish, but not for ever: a device whose
        // network vanished mid-request would otherwise hold the hub up until systemd's own kill.
        var group = ServiceGroupConfiguration(services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(10)
        group.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
    }
}

struct Revocations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The county's revocation lists the hub holds and hands to every device.",
        subcommands: [InstallRevocations.self, ShowRevocations.self])
}

/// What the county's office does after `hufang county revoke`: the new list reaches every device at its next sync.
struct InstallRevocations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "install",
                                                    abstract: "Installs a county-signed revocations.json when it is newer than the hub's.")
    @OptionGroup var options: ConfigOption
    @Argument(help: "The revocations.json `hufang county revoke` wrote.") var file: String

    func run() async throws {
        let configuration = try options.load()
        let logger = Logger(label: "hufang-hub")
        let county = try configuration.countyIdentity()
        let key = try configuration.loadHubKey()
        guard let data = FileManager.default.contents(atPath: file) else { throw HubFailure(description: "cannot read \(file)") }
        guard let signed = CountySigned(file: data), let list = signed.revocations(county: county) else {
            throw HubFailure(description: "\(file) is not a revocation list signed by county \(county.countyID)")
        }
        let client = try configuration.makeClient(logger: logger)
        let held = try await withRunningClient(client) { () -> Int? in
            let store = HubStore(client: client, county: county, hubKey: key, limits: HubLimits(), logger: logger)
            if try await store.install(revocations: signed) { return nil }
            return try await store.newestRevocations()?.number ?? 0
        }
        if let held {
            throw HubFailure(description: "revocation list \(list.number) is not newer than the hub's \(held): not installed")
        }
        print("installed revocation list \(list.number) (\(list.entries.count) entries): every device receives it at its next sync")
    }
}

struct ShowRevocations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Says which revocation list the hub holds.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let configuration = try options.load()
        let logger = Logger(label: "hufang-hub")
        let county = try configuration.countyIdentity()
        let key = try configuration.loadHubKey()
        let client = try configuration.makeClient(logger: logger)
        let newest = try await withRunningClient(client) { () -> (Int, Int)? in
            let store = HubStore(client: client, county: county, hubKey: key, limits: HubLimits(), logger: logger)
            guard let (number, signed) = try await store.newestRevocations() else { return nil }
            return (number, signed.revocations(county: county)?.entries.count ?? 0)
        }
        if let (number, entries) = newest { print("revocation list \(number) (\(entries) entries)") } else { print("no revocation list") }
    }
}

extension HubConfiguration {
    /// The county named by `county:`.
    func countyIdentity() throws -> CountyIdentity {
        guard let data = FileManager.default.contents(atPath: county), let identity = CountyIdentity(file: data) else {
            throw HubFailure(description: "not a county file: \(county)")
        }
        return identity
    }

    /// The key named by `hubKey:`.
    func loadHubKey() throws -> DeviceKey {
        do { return try DeviceKey.load(from: hubKey) } catch {
            throw HubFailure(description: "cannot read the hub key \(hubKey): \(error.message(.en))")
        }
    }
}
