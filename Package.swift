// swift-tools-version:5.9
// hiptrack for Swift: CHiptrack compiles the C core (libhip/src) as-is, Hiptrack wraps it in Swift.
// No unsafeFlags anywhere, so an app can depend on this repository with SwiftPM or Xcode. Anything
// that needs a system library is a separate product and target: HiptrackStore (the SQLite store,
// CHiptrackStore) links the system's libsqlite3 (in every Apple SDK; Linux: libsqlite3-dev), so an
// app that does not use the store keeps a dependency-free Hiptrack.
import PackageDescription

let package = Package(
    name: "hiptrack",
    platforms: [.macOS(.v10_15), .iOS(.v13), .tvOS(.v13), .watchOS(.v6)],
    products: [
        .library(name: "Hiptrack", targets: ["Hiptrack"]),
        .library(name: "HiptrackStore", targets: ["HiptrackStore"]),
    ],
    targets: [
        // The C core: needs only libc and libm. FP contraction is switched off in the sources by
        // pragma, so no -ffp-contract flag is needed.
        .target(
            name: "CHiptrack",
            path: "libhip",
            exclude: ["CMakeLists.txt"],
            sources: ["src"],
            publicHeadersPath: "include",
            linkerSettings: [.linkedLibrary("m")]
        ),
        .target(
            name: "Hiptrack",
            dependencies: ["CHiptrack"],
            path: "bindings/swift/Sources/Hiptrack"
        ),
        // The store: its sources use the core's internal helpers (alloc.h, json.h), which
        // CHiptrack compiles; the headers are found through ../src.
        .target(
            name: "CHiptrackStore",
            dependencies: ["CHiptrack"],
            path: "libhip/store",
            exclude: ["CMakeLists.txt"],
            sources: ["src"],
            publicHeadersPath: "include",
            cSettings: [.headerSearchPath("../src")],
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .target(
            name: "HiptrackStore",
            dependencies: ["Hiptrack", "CHiptrackStore"],
            path: "bindings/swift/Sources/HiptrackStore"
        ),
        .testTarget(
            name: "HiptrackStoreTests",
            dependencies: ["HiptrackStore", "Hiptrack"],
            path: "bindings/swift/Tests/HiptrackStoreTests"
        ),
        .testTarget(
            name: "HiptrackTests",
            dependencies: ["Hiptrack", "CHiptrack"],
            path: "bindings/swift/Tests/HiptrackTests"
        ),
        .executableTarget(
            name: "CountReps",
            dependencies: ["Hiptrack"],
            path: "examples/swift/CountReps"
        ),
    ],
    cLanguageStandard: .c11
)
