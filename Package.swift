// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: hufang → TUI → Store → Survey (see ../shared/DESIGN.md).
let package = Package(
    name: "hufang",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hufang", targets: ["hufang"]),
        .library(name: "Survey", targets: ["Survey"]),
        .executable(name: "sample-data", targets: ["SampleDataGenerator"]),
        .executable(name: "hufang-hub", targets: ["hufang-hub"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        // The county hub's server stack; only the hub's targets link it, never `hufang`.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // The hub harness's HTTP client (load benchmark, fault tests); Hummingbird's testing already builds it.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.30.0"),
    ],
    targets: [
        .target(name: "Survey", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The SQLite session extension (changesets) of the system library; see Sources/CSQLiteSession/shim.h.
        .systemLibrary(name: "CSQLiteSession", path: "Sources/CSQLiteSession", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Store", dependencies: ["Survey", "CSQLiteSession", "CZlib", .product(name: "GRDB", package: "GRDB.swift"),
                                              .product(name: "Crypto", package: "swift-crypto")]),
        // The sample village's generator and the synthetic households of the benchmarks: never linked into `hufang`,
        // which loads the village from sample-data/ (written by `swift run sample-data`).
        .target(name: "SampleData", dependencies: ["Store", "Survey", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "SampleDataGenerator", dependencies: ["SampleData", "Survey"], path: "Tools/SampleDataGenerator"),
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "TUI", dependencies: ["Store", "Survey", "CNCursesW"]),
        // `hufang sync`'s HTTP client: Debian's libcurl, so the laptop binary links no server stack.
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "HubClient", dependencies: ["Store", "Survey", "CCurl", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "hufang",
            dependencies: ["TUI", "Store", "Survey", "HubClient", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The county hub (DESIGN.md "The county hub"): its state in PostgreSQL and the checks of `bundle import`
        // reused from Store; its HTTP API on Hummingbird; and the `hufang-hub` executable that wires them.
        .target(name: "HubCore", dependencies: ["Store", "Survey", .product(name: "PostgresNIO", package: "postgres-nio"),
                                                .product(name: "GRDB", package: "GRDB.swift"),
                                                .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "HubServer", dependencies: ["HubCore", "Store", .product(name: "Hummingbird", package: "hummingbird"),
                                                  .product(name: "HummingbirdTLS", package: "hummingbird"),
                                                  .product(name: "HTTPTypes", package: "swift-http-types"),
                                                  .product(name: "PostgresNIO", package: "postgres-nio"),
                                                  .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                                  .product(name: "Yams", package: "Yams"),
                                                  .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(name: "hufang-hub", dependencies: ["HubServer", "HubCore", "Store", .product(name: "Hummingbird", package: "hummingbird"),
                                                             .product(name: "PostgresNIO", package: "postgres-nio"),
                                                             .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                                             .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Benchmarks print figures; they are never timed assertions inside unit tests.
        .executableTarget(name: "SurveyBenchmark", dependencies: ["Survey"], path: "Benchmarks/SurveyBenchmark"),
        .executableTarget(name: "StoreBenchmark", dependencies: ["Store", "Survey", "TUI", "SampleData", "CSQLiteSession", .product(name: "GRDB", package: "GRDB.swift")],
                          path: "Benchmarks/StoreBenchmark"),
        // Where the project's folders are (the root, screens/, sample-data/), for every test target; Survey only,
        // so the Survey tests build without the store.
        .target(name: "ProjectFolders", dependencies: ["Survey"], path: "Tests/ProjectFolders"),
        .testTarget(name: "SurveyTests", dependencies: ["Survey", "ProjectFolders"], resources: [.copy("Fixtures")]),
        // What several test targets share: bundles forged with a trusted key, a store's whole dump, the sample store.
        .target(name: "TestSupport", dependencies: ["Store", "Survey", "ProjectFolders", .product(name: "GRDB", package: "GRDB.swift"),
                                                    .product(name: "Crypto", package: "swift-crypto")], path: "Tests/Support"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Survey", "TestSupport", "ProjectFolders", "SampleData", .product(name: "Crypto", package: "swift-crypto")],
                    exclude: ["Schema"]),   // read from the source folder by MigrationSchemaTests, not a resource
        // A throwaway PostgreSQL cluster for the hub's tests (DESIGN.md "PostgreSQL for tests").
        .target(name: "HubTestSupport", dependencies: ["HubCore", "HubHarness", "Store", "Survey", "ProjectFolders", .product(name: "PostgresNIO", package: "postgres-nio")],
                path: "Tests/HubSupport"),
        // What the hub's load benchmark and fault tests share, without swift-testing: a PostgreSQL cluster, the
        // `hufang-hub serve` process, simulated devices with real bundles, a signed protocol client, a cutting proxy.
        .target(name: "HubHarness", dependencies: ["Store", "Survey", "SampleData", .product(name: "PostgresNIO", package: "postgres-nio"),
                                                   .product(name: "AsyncHTTPClient", package: "async-http-client"),
                                                   .product(name: "Crypto", package: "swift-crypto")],
                path: "Tests/HubHarness"),
        // The hub under faults: the real `hufang-hub serve` process, real PostgreSQL, real HTTP (a few minutes).
        .testTarget(name: "HubFaultTests", dependencies: ["HubHarness", "HubTestSupport", "Store", "Survey", "ProjectFolders", "SampleData",
                                                          .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        .testTarget(name: "HubTests", dependencies: ["HubCore", "HubServer", "HubClient", "HubTestSupport", "TestSupport", "Store", "Survey", "ProjectFolders",
                                                     .product(name: "HummingbirdTesting", package: "hummingbird"),
                                                     .product(name: "HTTPTypes", package: "swift-http-types"),
                                                     .product(name: "PostgresNIO", package: "postgres-nio"),
                                                     .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(name: "BundleBenchmark", dependencies: ["Store", "Survey", "CZlib", "SampleData", .product(name: "GRDB", package: "GRDB.swift")],
                          path: "Benchmarks/BundleBenchmark"),
        .executableTarget(name: "HubBenchmark", dependencies: ["HubHarness", "HubCore", "Store", "Survey", "SampleData",
                                                             .product(name: "PostgresNIO", package: "postgres-nio"),
                                                             .product(name: "AsyncHTTPClient", package: "async-http-client")], path: "Benchmarks/HubBenchmark"),
        .executableTarget(name: "TUIBenchmark", dependencies: ["TUI", "Store", "Survey", "SampleData"], path: "Benchmarks/TUIBenchmark"),
        .testTarget(name: "TUITests", dependencies: ["TUI", "Store", "Survey", "TestSupport", "ProjectFolders", "SampleData"], resources: [.copy("Snapshots")]),
        // Drives the built `hufang` binary; `swift build --build-tests` builds it first.
        // The interview end to end (tmux) plans its keystrokes with the TUI core, then sends only keys.
        .testTarget(name: "CLITests", dependencies: ["TUI", "Store", "Survey", "TestSupport", "ProjectFolders", "SampleData", "HubTestSupport"]),
        // Fuzz targets (Fuzz/README.md). A normal build makes small executables that replay the files they are
        // given; `scripts/fuzz` builds them with -sanitize=fuzzer and -DFUZZING, and then libFuzzer drives them.
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "ExpressionFuzz", dependencies: ["Survey", "FuzzSupport"], path: "Fuzz/ExpressionFuzz"),
        .executableTarget(name: "DefinitionFuzz", dependencies: ["Survey", "FuzzSupport"], path: "Fuzz/DefinitionFuzz"),
        .executableTarget(name: "JSONImportFuzz", dependencies: ["Store", "Survey", "FuzzSupport"], path: "Fuzz/JSONImportFuzz"),
        .executableTarget(name: "BundleFuzz", dependencies: ["Store", "Survey", "FuzzSupport"], path: "Fuzz/BundleFuzz"),
    ]
)
