// swift-tools-version:5.9
// hiptrack for Swift: CHiptrack compiles the C core (libhip/src) as-is, Hiptrack wraps it in Swift.
// No unsafeFlags anywhere, so an app can depend on this repository with SwiftPM or Xcode. Anything
// that needs a system library (the future SQLite store) becomes a separate product and target.
import PackageDescription

let package = Package(
    name: "hiptrack",
    platforms: [.macOS(.v10_15), .iOS(.v13), .tvOS(.v13), .watchOS(.v6)],
    products: [
        .library(name: "Hiptrack", targets: ["Hiptrack"]),
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
