// The cluster and the rest of the harness come with this module, as the cluster did before it moved there.
@_exported import HubHarness
import Testing

/// One cluster for a whole suite: `@Suite(.postgres)` starts it before the suite's first test and stops it
/// after the last, whether they passed or not; tests reach it as `TestPostgres.current`.
public struct PostgresClusterTrait: SuiteTrait, TestScoping {
    public var isRecursive: Bool { false }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let cluster = try TestPostgres.start()
        defer { cluster.stop() }
        try await TestPostgres.$scoped.withValue(cluster) { try await function() }
    }
}

extension Trait where Self == PostgresClusterTrait {
    /// The suite's throwaway PostgreSQL cluster.
    public static var postgres: PostgresClusterTrait { PostgresClusterTrait() }
}

extension TestPostgres {
    @TaskLocal static var scoped: TestPostgres?

    /// The cluster of the running suite (`@Suite(.postgres)`).
    public static var current: TestPostgres {
        get throws {
            guard let scoped else { throw Failure(description: "no cluster: mark the suite @Suite(.postgres)") }
            return scoped
        }
    }
}
