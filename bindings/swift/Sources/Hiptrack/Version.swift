import CHiptrack

/// A hiptrack version (major.minor.patch).
///
/// ``linked`` is the C library actually compiled into the program and ``header`` the one the
/// Swift layer was compiled against. With SwiftPM both come from the same checkout; the check
/// exists for hosts that swap the C library (a prebuilt XCFramework, for instance).
public struct HiptrackVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public let patch: Int

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// The version of the linked C library (`hip_version`).
    public static var linked: HiptrackVersion {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        hip_version(&major, &minor, &patch)
        return HiptrackVersion(major: Int(major), minor: Int(minor), patch: Int(patch))
    }

    /// The version of the headers this package was compiled against (`HIPTRACK_VERSION_*`).
    public static let header = HiptrackVersion(major: Int(HIPTRACK_VERSION_MAJOR),
                                               minor: Int(HIPTRACK_VERSION_MINOR),
                                               patch: Int(HIPTRACK_VERSION_PATCH))

    /// The linked library's version string (`hip_version_string`), such as `"0.1.0"`.
    public static var linkedString: String { String(cString: hip_version_string()) }

    /// One number that orders versions: `major * 10000 + minor * 100 + patch`.
    public var number: Int { major * 10000 + minor * 100 + patch }

    /// Whether a library of version `linked` can serve code compiled against `header`: the same
    /// major version and, before 1.0 (when every minor release may change the ABI), the same
    /// minor version, and a linked patch level not older than the header's.
    public static func isCompatible(linked: HiptrackVersion, header: HiptrackVersion) -> Bool {
        guard linked.major == header.major else { return false }
        if header.major == 0 { return linked.minor == header.minor && linked.patch >= header.patch }
        return linked.minor > header.minor || (linked.minor == header.minor && linked.patch >= header.patch)
    }

    /// Throws ``HipError/Code/version`` when the linked library does not match the headers.
    public static func check() throws {
        let linked = Self.linked
        guard isCompatible(linked: linked, header: header) else {
            throw HipError(.version, "hiptrack \(linked) is linked but the Swift package was built against \(header)")
        }
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (a: HiptrackVersion, b: HiptrackVersion) -> Bool { a.number < b.number }
}
