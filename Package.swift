// swift-tools-version:6.0
import PackageDescription

// Module shape (see README "For developers"):
//   CXlsxWriter   system library (libxlsxwriter, apt: libxlsxwriter-dev)
//   XlsxWriter    the only module that imports C; owns workbook/worksheet/format lifetimes
//   AgendaCore    pure Swift: reference data, CSV reading, validation, aggregation
//   AgendaReports workbook and text renderers that only format
//   phayao-agenda the thin command-line front end
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
        .executableTarget(
            name: "phayao-agenda",
            dependencies: [
                "AgendaCore", "AgendaReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer harness for the importer: scripts/fuzz.sh builds it with the fuzzer flags.
        .executableTarget(name: "AgendaFuzz", dependencies: ["AgendaCore"]),
        .testTarget(name: "XlsxWriterTests", dependencies: ["XlsxWriter"]),
        .testTarget(name: "AgendaCoreTests", dependencies: ["AgendaCore"]),
        .testTarget(name: "AgendaReportsTests", dependencies: ["AgendaReports", "AgendaCore"]),
        .testTarget(name: "PhayaoAgendaTests", dependencies: ["phayao-agenda", "AgendaCore"]),
    ],
    swiftLanguageModes: [.v6]
)
