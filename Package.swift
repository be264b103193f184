// swift-tools-version:6.0
import PackageDescription

// Module shape (see README "For developers"); data flows one way, down this list:
//   phayao-agenda the thin command-line front end (ArgumentParser)
//   AgendaJobs    the runs: the inputs folder on disk, staging and committing outputs, locks, progress, nightly
//   AgendaReports renderers that turn a computed report into a workbook, a summary, a CSV; no job, no file system
//                 helpers (libxlsxwriter writes the file it is given)
//   XlsxWriter    the only module that imports C; owns workbook/worksheet/format lifetimes
//   CXlsxWriter   system library (libxlsxwriter, apt: libxlsxwriter-dev)
//   AgendaCore    pure Swift, no file system: reference data, CSV parsing, validation, import, aggregation
let package = Package(
    name: "phayao-agenda",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "phayao-agenda", targets: ["phayao-agenda"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "XlsxWriter", dependencies: ["CXlsxWriter"]),
        .target(
            name: "AgendaCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "AgendaReports", dependencies: ["AgendaCore", "XlsxWriter"]),
        .target(
            name: "AgendaJobs",
            dependencies: ["AgendaCore", "AgendaReports", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "phayao-agenda",
            dependencies: [
                "AgendaCore", "AgendaReports", "AgendaJobs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer harness for the importer: scripts/fuzz.sh builds it with the fuzzer flags.
        .executableTarget(name: "AgendaFuzz", dependencies: ["AgendaCore"]),
        // Helpers every test target shares: openpyxl and openxml-audit runners, fixture inputs, scratch folders.
        .target(name: "TestSupport", dependencies: ["AgendaCore", "AgendaJobs"], path: "Tests/TestSupport"),
        .testTarget(name: "XlsxWriterTests", dependencies: ["XlsxWriter", "TestSupport"]),
        // Core and report tests read their fixtures from disk through AgendaJobs, as the program does.
        .testTarget(name: "AgendaCoreTests", dependencies: ["AgendaCore", "AgendaJobs", "TestSupport"]),
        .testTarget(name: "AgendaReportsTests", dependencies: ["AgendaReports", "AgendaCore", "AgendaJobs", "TestSupport"]),
        .testTarget(name: "AgendaJobsTests", dependencies: ["AgendaJobs", "AgendaReports", "AgendaCore", "TestSupport"]),
        .testTarget(name: "PhayaoAgendaTests", dependencies: ["phayao-agenda", "AgendaCore", "AgendaJobs", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
