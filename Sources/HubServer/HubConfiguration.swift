import Foundation
import HubCore
import NIOSSL
import Yams

/// `hufang-hub`'s configuration file, JSON or YAML. Relative paths are read from the file's folder.
public struct HubConfiguration: Codable, Equatable, Sendable {
    /// Where to listen, `HOST:PORT` (loopback behind nginx, or an address of the machine).
    public var listen: String
    /// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
    public var postgres: String
    /// The hub's own Ed25519 key file (as `hufang` writes one), the key the county enrolled with role hub.
    public var hubKey: String
    /// The county's `county.json` from enrolment.
    public var county: String
    /// The county's current `revocations.json`, installed at start when newer than the one held.
    public var revocations: String?
    /// The county's certificate of the hub's key (`hufang county enrol … --role hub`), served by `/v1/hub`
    /// so devices check the hub's key against their county before believing a receipt.
    public var certificate: String?
    /// TLS served by the hub itself; absent: plain HTTP (on loopback behind nginx).
    public var tls: TLSFiles?
    public var limits: HubLimits?
    /// The questionnaire folder (`screens/`) the county's exports, record cards and progress pages read with.
    public var screens: String?

    /// The PEM files of the hub's TLS certificate (its chain, leaf first) and private key.
    public struct TLSFiles: Codable, Equatable, Sendable {
        public var certificate: String
        public var key: String

        public init(certificate: String, key: String) { self.certificate = certificate; self.key = key }
    }

    /// Why the configuration cannot be used.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads a configuration file.
    public static func load(_ path: String) throws(Problem) -> HubConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem(description: "cannot read \(path)") }
        var configuration: HubConfiguration
        do {
            if path.hasSuffix(".json") {
                configuration = try JSONDecoder().decode(HubConfiguration.self, from: data)
            } else {
                configuration = try YAMLDecoder().decode(HubConfiguration.self, from: data)
            }
        } catch {
            throw Problem(description: "\(path): \(error)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        func resolved(_ p: String) -> String { p.hasPrefix("/") || folder.isEmpty ? p : folder + "/" + p }
        configuration.hubKey = resolved(configuration.hubKey)
        configuration.county = resolved(configuration.county)
        configuration.revocations = configuration.revocations.map(resolved)
        configuration.certificate = configuration.certificate.map(resolved)
        configuration.screens = configuration.screens.map(resolved)
        configuration.tls = configuration.tls.map { TLSFiles(certificate: resolved($0.certificate), key: resolved($0.key)) }
        _ = try configuration.address()
        _ = try configuration.database()
        return configuration
    }

    public init(listen: String, postgres: String, hubKey: String, county: String, revocations: String? = nil, certificate: String? = nil,
                tls: TLSFiles? = nil, limits: HubLimits? = nil, screens: String? = nil) {
        self.listen = listen; self.postgres = postgres; self.hubKey = hubKey; self.county = county
        self.revocations = revocations; self.certificate = certificate; self.tls = tls; self.limits = limits; self.screens = screens
    }

    /// The host and port to listen on.
    public func address() throws(Problem) -> (host: String, port: Int) {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw Problem(description: "listen: expected HOST:PORT, got \(listen)")
        }
        return (String(listen[..<colon]), port)
    }

    /// The PostgreSQL server, user and database named by `postgres`.
    public func database() throws(Problem) -> DatabaseAddress {
        guard let url = URLComponents(string: postgres), ["postgres", "postgresql"].contains(url.scheme ?? ""),
              let host = url.host, !host.isEmpty, let user = url.user, !user.isEmpty else {
            throw Problem(description: "postgres: expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        let database = String(url.path.drop { $0 == "/" })
        return DatabaseAddress(host: host, port: url.port ?? 5432, user: user, password: url.password,
                               database: database.isEmpty ? user : database)
    }
}

/// Where the hub's PostgreSQL database is.
public struct DatabaseAddress: Equatable, Sendable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
}

extension HubConfiguration {
    /// The TLS the hub serves itself, from the configured PEM files; nil for plain HTTP.
    public func tlsConfiguration() throws(Problem) -> TLSConfiguration? {
        guard let tls else { return nil }
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(tls.certificate) } catch {
            throw Problem(description: "tls.certificate: cannot read a PEM certificate from \(tls.certificate) (\(error))")
        }
        guard !chain.isEmpty else { throw Problem(description: "tls.certificate: no certificate in \(tls.certificate)") }
        let key: NIOSSLPrivateKey
        do { key = try NIOSSLPrivateKey(file: tls.key, format: .pem) } catch {
            throw Problem(description: "tls.key: cannot read a PEM private key from \(tls.key) (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }
}
