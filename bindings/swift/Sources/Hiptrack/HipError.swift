import CHiptrack

/// An error from hiptrack: the library's status code and a message that says what and where.
///
/// Every throwing call of this package throws `HipError`. ``code`` is the C `hip_status`
/// (`HIP_ERR_*`); ``message`` is the handle's last error (`hip_<module>_last_error`) when the
/// library recorded one — for example `versions[0].exercises[1].reps: expected an integer 0..100`
/// or `line 2, column 16: ...` — and otherwise a message written by the Swift layer or the
/// status's description.
///
/// ```swift
/// do {
///     try program.importJSON(text)
/// } catch let error as HipError where error.code == .format {
///     print(error.message)   // names the field or the line and column
/// }
/// ```
public struct HipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A `hip_status` error code. Codes are stable; new ones may be added, so this is a struct
    /// with named constants rather than a closed enum (switch over it with a `default` case).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The C value (negative for errors).
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        init(_ status: hip_status) { self.rawValue = status.rawValue }

        /// An argument is invalid (out of its domain, too long, wrong width).
        public static let invalid = Code(HIP_ERR_INVALID)
        /// An allocation failed; the object is unchanged.
        public static let noMemory = Code(HIP_ERR_NOMEM)
        /// A number is out of range, NaN or infinite (also a timestamp that does not increase).
        public static let range = Code(HIP_ERR_RANGE)
        /// Input text or bytes are malformed or fail validation.
        public static let format = Code(HIP_ERR_FORMAT)
        /// A buffer is too small (the Swift layer sizes buffers itself; rarely seen).
        public static let bufferSize = Code(HIP_ERR_BUFSIZE)
        /// No such id, version or item.
        public static let notFound = Code(HIP_ERR_NOT_FOUND)
        /// A duplicate of something already present.
        public static let exists = Code(HIP_ERR_EXISTS)
        /// The call is not allowed in the object's current state.
        public static let state = Code(HIP_ERR_STATE)
        /// A serialized format version this build does not read.
        public static let version = Code(HIP_ERR_VERSION)
        /// A checksum or integrity check failed.
        public static let corrupt = Code(HIP_ERR_CORRUPT)
        /// A feature this build does not include.
        public static let unsupported = Code(HIP_ERR_UNSUPPORTED)

        /// The C constant's name, such as `"HIP_ERR_RANGE"` (`hip_status_name`).
        public var name: String { String(cString: hip_status_name(hip_status(rawValue: rawValue))) }
        /// A short English description, such as `"out of memory"` (`hip_status_str`).
        public var summary: String { String(cString: hip_status_str(hip_status(rawValue: rawValue))) }
        public var description: String { name }
    }

    /// The status code.
    public let code: Code
    /// What went wrong and where.
    public let message: String
    /// For a sample refused in the middle of a block push: how many samples of that block the
    /// detector accepted before it (they stay accepted). `nil` for every other error.
    public let acceptedSamples: Int?

    /// Makes an error; an empty message is replaced by the code's description.
    public init(_ code: Code, _ message: String = "", acceptedSamples: Int? = nil) {
        self.code = code
        self.message = message.isEmpty ? code.summary : message
        self.acceptedSamples = acceptedSamples
    }

    /// The C status code (`hip_status`).
    public var status: Int32 { code.rawValue }
    /// The C constant's name, such as `"HIP_ERR_FORMAT"`.
    public var name: String { code.name }
    public var description: String { "\(code.name): \(message)" }
}

extension HipError.Code {
    /// Lets `catch HipError.Code.range { ... }` match a thrown ``HipError`` by its code.
    public static func ~= (code: HipError.Code, error: any Error) -> Bool {
        (error as? HipError)?.code == code
    }
}

// MARK: - Internal helpers

/// Throws for a negative status. `message` is evaluated only on failure (it reads the handle's
/// last error, which is only meaningful right after the failed call).
@inline(__always)
func hipCheck(_ status: hip_status, _ message: @autoclosure () -> String) throws {
    if status.rawValue < 0 { throw HipError(HipError.Code(status), message()) }
}

/// The message of a handle's last error, or "" (the C functions never return NULL for a live
/// handle, but a binding should not trust that blindly).
@inline(__always)
func lastErrorString(_ p: UnsafePointer<CChar>?) -> String {
    p.map { String(cString: $0) } ?? ""
}
