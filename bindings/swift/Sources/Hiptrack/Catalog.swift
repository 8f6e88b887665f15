import CHiptrack
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The exercise catalog (`hip_catalog`): exercises with stable ids, their default dose and motion
/// profile, and the regression/progression graph.
///
/// A catalog starts with the built-in hip catalog (or empty), takes custom exercises and edges,
/// and imports and exports the `hiptrack.catalog` JSON document. It is a random-access collection
/// of ``Exercise`` values in insertion order (built-ins first); lookups copy values out.
///
/// ```swift
/// let catalog = try Catalog()
/// let bridge = catalog["bridge"]!
/// let next = try catalog.harder(than: "bridge")       // "marching_bridge"
/// for exercise in catalog where exercise.categories.contains(.balance) { print(exercise.name) }
/// ```
///
/// `Codable`: a catalog encodes as its full `hiptrack.catalog` document (built-ins included) and
/// decodes by importing that document into a new built-in catalog (identical built-ins are
/// skipped), so a round trip gives the same catalog and every library validation applies.
///
/// Not thread-safe while it is being modified; a catalog no longer modified may be read from
/// several threads.
public final class Catalog: RandomAccessCollection, Codable {
    let handle: OpaquePointer

    /// A catalog with the built-in hip exercises (`builtin: true`, the default) or an empty one.
    public init(builtin: Bool = true) throws {
        var config = hip_catalog_config()
        hip_catalog_config_init(&config)
        config.include_builtin = builtin ? 1 : 0
        var out: OpaquePointer?
        try hipCheck(hip_catalog_create(&config, &out), "")
        handle = out!
    }

    /// A built-in catalog with a `hiptrack.catalog` JSON document imported.
    public convenience init(json: String) throws {
        try self.init()
        try importJSON(json)
    }

    deinit { hip_catalog_destroy(handle) }

    /// The message of the last failed add, import or export ("" if none).
    public var lastError: String { lastErrorString(hip_catalog_last_error(handle)) }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { hip_catalog_count(handle) }

    /// The exercise at `position` (0 ..< count); traps out of range, as an array does.
    public subscript(position: Int) -> Exercise {
        precondition(position >= 0 && position < endIndex, "Catalog index out of range")
        var e = hip_exercise()
        let status = hip_catalog_at(handle, position, &e)
        precondition(status == HIP_OK, "hip_catalog_at failed")
        return Exercise(e)
    }

    // MARK: Lookups

    /// The exercise with `id`, or `nil` when there is none.
    public subscript(id: String) -> Exercise? { exercise(id: id) }

    /// The exercise with `id`, or `nil` when there is none.
    public func exercise(id: String) -> Exercise? {
        guard !id.utf8.contains(0) else { return nil }
        var e = hip_exercise()
        return hip_catalog_find(handle, id, &e) == HIP_OK ? Exercise(e) : nil
    }

    /// Throws ``HipError/Code/notFound`` instead of returning `nil`.
    public func require(_ id: String) throws -> Exercise {
        guard let e = exercise(id: id) else { throw HipError(.notFound, "no exercise \"\(id)\" in the catalog") }
        return e
    }

    /// The `step`-th (0-based) next harder variant of `id`, or `nil` when there is none;
    /// throws ``HipError/Code/notFound`` when `id` is unknown.
    public func harder(than id: String, step: Int = 0) throws -> Exercise? {
        try neighbour(id, step, hip_catalog_harder)
    }

    /// The `step`-th (0-based) next easier variant of `id`, or `nil` when there is none;
    /// throws ``HipError/Code/notFound`` when `id` is unknown.
    public func easier(than id: String, step: Int = 0) throws -> Exercise? {
        try neighbour(id, step, hip_catalog_easier)
    }

    /// Every harder variant of `id` (the progression path), nearest first.
    public func progressions(of id: String) throws -> [Exercise] {
        try chain(id) { try self.harder(than: id, step: $0) }
    }

    /// Every easier variant of `id` (the regression path), nearest first.
    public func regressions(of id: String) throws -> [Exercise] {
        try chain(id) { try self.easier(than: id, step: $0) }
    }

    private func chain(_ id: String, _ at: (Int) throws -> Exercise?) throws -> [Exercise] {
        var out: [Exercise] = []
        while let e = try at(out.count) { out.append(e) }
        return out
    }

    private func neighbour(_ id: String, _ step: Int,
                           _ f: (OpaquePointer?, UnsafePointer<CChar>?, Int, UnsafeMutablePointer<hip_exercise>?) -> hip_status)
        throws -> Exercise? {
        guard step >= 0 else { throw HipError(.invalid, "step: \(step) is negative") }
        var e = hip_exercise()
        // A const call: it reports through its status alone, so the message is written here.
        let status = try withCheckedCString(id, field: "id") { f(handle, $0, step, &e) }
        if status == HIP_DONE { return nil }
        try hipCheck(status, status == HIP_ERR_NOT_FOUND ? "no exercise \"\(id)\" in the catalog" : "")
        return Exercise(e)
    }

    // MARK: Edits

    /// Adds a custom exercise after the library validates every field
    /// (``HipError/Code/invalid`` naming the field; ``HipError/Code/exists`` for a taken id).
    public func add(_ exercise: Exercise) throws {
        var e = try exercise.cValue()
        try hipCheck(hip_catalog_add(handle, &e), lastError)
    }

    /// Adds a progression edge; both ids must exist, the edge must be new and keep the graph acyclic.
    public func addEdge(easier easierId: String, harder harderId: String, change: Change) throws {
        let status = try withCheckedCString(easierId, field: "easier_id") { easier in
            try withCheckedCString(harderId, field: "harder_id") { harder in
                hip_catalog_add_edge(handle, easier, harder, hip_change(rawValue: change.cValue))
            }
        }
        try hipCheck(status, lastError)
    }

    /// Adds a progression edge.
    public func add(_ edge: ProgressionEdge) throws {
        try addEdge(easier: edge.easierId, harder: edge.harderId, change: edge.change)
    }

    /// The progression edges, built-ins first.
    public var edges: [ProgressionEdge] {
        (0..<hip_catalog_edge_count(handle)).compactMap { i in
            var e = hip_progression_edge()
            return hip_catalog_edge_at(handle, i, &e) == HIP_OK ? ProgressionEdge(e) : nil
        }
    }

    // MARK: JSON

    /// Imports exercises and edges from a `hiptrack.catalog` document; all or nothing
    /// (``HipError/Code/format`` with line and column or the field path, ``HipError/Code/version``,
    /// ``HipError/Code/exists``).
    public func importJSON(_ json: String) throws {
        try importJSON(Data(json.utf8))
    }

    /// Imports a `hiptrack.catalog` document from UTF-8 bytes.
    public func importJSON(_ json: Data) throws {
        let status = withJSONBytes(json) { hip_catalog_import_json(handle, $0, $1) }
        try hipCheck(status, lastError)
    }

    /// The catalog as an indented `hiptrack.catalog` document; `customOnly` leaves the built-ins out.
    public func exportJSON(customOnly: Bool = false) throws -> String {
        let flag: Int32 = customOnly ? 1 : 0
        return try exportTwoCall { buf, cap, len in hip_catalog_export_json(handle, flag, buf, cap, len) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeLibraryDocument(try exportJSON(), to: encoder)
    }

    public required convenience init(from decoder: any Decoder) throws {
        try self.init()
        try decodeLibraryDocument(from: decoder) { try self.importJSON($0) }
    }
}

/// The two-call pattern: ask the length, then write into a buffer of length + 1.
func exportTwoCall(_ call: (UnsafeMutablePointer<CChar>?, Int, UnsafeMutablePointer<Int>) -> hip_status) throws -> String {
    var length = 0
    try hipCheck(call(nil, 0, &length), "export failed")
    var buffer = [CChar](repeating: 0, count: length + 1)
    try hipCheck(buffer.withUnsafeMutableBufferPointer { call($0.baseAddress, $0.count, &length) }, "export failed")
    return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Calls body with the bytes of json as C chars (never a NULL pointer, even for empty data).
func withJSONBytes<R>(_ json: Data, _ body: (UnsafePointer<CChar>, Int) -> R) -> R {
    if json.isEmpty {
        var empty: CChar = 0
        return body(&empty, 0)
    }
    return json.withUnsafeBytes { raw in body(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count) }
}
