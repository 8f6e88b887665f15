import CHiptrack
import CHiptrackStore
import Hiptrack

/// The member's durable store (`hip_store.h`): program versions, sessions, pain entries,
/// questionnaire results and progression decisions in one SQLite file, append-only and
/// time-versioned (docs/store.md).
///
/// ```swift
/// let store = try Store(path: url.path)
/// try store.putPain("pain_am", PainEntry(timeNs: t, nrs: 4, context: .avg24h))
/// let log = try store.loadPainLog(from: start, to: end)
/// ```
///
/// Putting an id again appends a new version (a correction); reads give the newest version, or
/// the newest as of an earlier sequence number (`asOf`: the store right after that write);
/// ``delete(_:_:)`` appends a tombstone. A refused file (not a store, damaged, newer schema) is
/// never modified. Use one `Store` per thread.
public final class Store {
    /// What a record holds (`hip_store_kind`).
    public enum Kind: UInt32, CaseIterable, Sendable {
        case program = 1, session, pain, outcome, decision, assessment
        var c: hip_store_kind { hip_store_kind(rawValue: rawValue) }
        /// "program", "session", "pain", "outcome", "decision", "assessment".
        public var name: String { String(cString: hip_store_kind_name(c)) }
    }

    /// `hip_store_sync`: `.full` fsyncs every commit (an acknowledged write survives power loss);
    /// `.normal` only at checkpoints (it survives a crash of the app; faster).
    public enum Sync: UInt32, Sendable { case full = 0, normal = 1 }

    /// `hip_store_config` without the allocator.
    public struct Configuration: Sendable {
        public var readOnly = false
        public var createIfMissing = true
        public var busyTimeoutMilliseconds: UInt32 = 5000
        public var sync: Sync = .full
        public init() {}
    }

    /// `hip_store_record`: the indexed columns of one stored version.
    public struct Record: Hashable, Sendable {
        public let kind: Kind
        public let recordID: String
        public let version: Int
        public let seq: Int64
        /// The local day (`CivilDate.dayNumber`).
        public let day: Int32
        public let timeNs: Int64
        public let deleted: Bool
        public let jsonLength: Int

        init(_ r: hip_store_record) {
            kind = Kind(rawValue: r.kind.rawValue) ?? .program
            var id = r.record_id
            recordID = withUnsafeBytes(of: &id) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            version = Int(r.version)
            seq = r.seq
            day = r.day
            timeNs = r.t_ns
            deleted = r.deleted != 0
            jsonLength = Int(r.json_len)
        }
        /// The local day as a date.
        public var date: CivilDate? { try? CivilDate(dayNumber: day) }
    }

    let handle: OpaquePointer

    /// Opens (or creates) the store at `path`.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        var c = hip_store_config()
        hip_store_config_init(&c)
        c.read_only = configuration.readOnly ? 1 : 0
        c.create_if_missing = configuration.createIfMissing ? 1 : 0
        c.busy_timeout_ms = configuration.busyTimeoutMilliseconds
        c.sync = hip_store_sync(rawValue: configuration.sync.rawValue)
        var out: OpaquePointer?
        var err = [CChar](repeating: 0, count: 320)
        let st = hip_store_open(path, &c, &out, &err, err.count)
        guard st == HIP_OK, let h = out else {
            throw HipError(HipError.Code(rawValue: st.rawValue), String(cString: err))
        }
        handle = h
    }

    deinit { hip_store_close(handle) }

    /// The message of the last failed call ("" if none).
    public var lastError: String { String(cString: hip_store_last_error(handle)) }

    private func check(_ st: hip_status) throws {
        if st.rawValue < 0 { throw HipError(HipError.Code(rawValue: st.rawValue), lastError) }
    }

    /// The schema version (after migration: the library's).
    public func schemaVersion() throws -> Int {
        var v: UInt32 = 0
        try check(hip_store_schema_version(handle, &v))
        return Int(v)
    }

    /// The sequence number of the last write (0 when empty).
    public func lastSeq() throws -> Int64 {
        var v: Int64 = 0
        try check(hip_store_last_seq(handle, &v))
        return v
    }

    /// PRAGMA integrity_check and every record's checksum.
    public func verify() throws { try check(hip_store_check(handle)) }

    // MARK: writes (each one transaction, returned after COMMIT)

    /// Stores a document of the kind, validated by the module's reader.
    @discardableResult
    public func putJSON(_ kind: Kind, _ recordID: String, json: String) throws -> Record {
        var r = hip_store_record()
        let bytes = Array(json.utf8CString)   // NUL-terminated; the length excludes the NUL
        let st = bytes.withUnsafeBufferPointer { b in
            hip_store_put_json(handle, kind.c, recordID, b.baseAddress, b.count - 1, &r)
        }
        try check(st)
        return Record(r)
    }

    /// One pain entry (stored as a one-entry `hiptrack.painlog`).
    @discardableResult
    public func putPain(_ recordID: String, _ entry: PainEntry) throws -> Record {
        let log = try PainLog()
        try log.add(entry)
        return try putJSON(.pain, recordID, json: try log.exportJSON())
    }

    /// One movement assessment result (a one-result `hiptrack.assessment`; validated as
    /// ``AssessmentHistory/add(_:)`` does).
    @discardableResult
    public func putAssessment(_ recordID: String, _ result: AssessResult) throws -> Record {
        let history = try AssessmentHistory()
        try history.add(result)
        return try putJSON(.assessment, recordID, json: try history.exportJSON())
    }

    @discardableResult
    public func putProgram(_ recordID: String, _ program: Program) throws -> Record {
        try putJSON(.program, recordID, json: try program.exportJSON())
    }

    /// A finished session.
    @discardableResult
    public func putSession(_ recordID: String, _ session: Session) throws -> Record {
        try putJSON(.session, recordID, json: try session.exportJSON())
    }

    /// A response with its date set.
    @discardableResult
    public func putOutcome(_ recordID: String, _ response: OutcomeResponse) throws -> Record {
        try putJSON(.outcome, recordID, json: try response.exportJSON())
    }

    /// Appends a tombstone (`.notFound` when absent or already deleted).
    @discardableResult
    public func delete(_ kind: Kind, _ recordID: String) throws -> Record {
        var r = hip_store_record()
        try check(hip_store_delete(handle, kind.c, recordID, &r))
        return Record(r)
    }

    // MARK: reads

    /// The newest version as of `asOf` (0: now).
    public func get(_ kind: Kind, _ recordID: String, asOf: Int64 = 0) throws -> Record {
        var r = hip_store_record()
        try check(hip_store_get(handle, kind.c, recordID, asOf, &r))
        return Record(r)
    }

    /// The version written at `seq`.
    public func record(seq: Int64) throws -> Record {
        var r = hip_store_record()
        try check(hip_store_record_at(handle, seq, &r))
        return Record(r)
    }

    /// The JSON of the version written at `seq`.
    public func json(seq: Int64) throws -> String {
        var len = 0
        try check(hip_store_read_json(handle, seq, nil, 0, &len))
        var buf = [CChar](repeating: 0, count: len + 1)
        try check(hip_store_read_json(handle, seq, &buf, buf.count, &len))
        return String(cString: buf)
    }

    /// Records by day, time, id and version: the newest version of each (or every version), of
    /// one kind or all, in a day range (inclusive), as of a sequence number (nil: one snapshot of
    /// now).
    public func list(_ kind: Kind? = nil, from: CivilDate? = nil, to: CivilDate? = nil,
                     asOf: Int64? = nil, allVersions: Bool = false,
                     includeDeleted: Bool = false) throws -> [Record] {
        var q = hip_store_query()
        hip_store_query_init(&q)
        q.kind = kind?.c ?? HIP_STORE_KIND_ANY
        if let from { q.from_day = from.dayNumber }
        if let to { q.to_day = to.dayNumber }
        q.as_of_seq = try asOf ?? lastSeq()
        if asOf == nil && q.as_of_seq == 0 { return [] }   // empty; 0 would mean "now" below
        q.all_versions = allVersions ? 1 : 0
        q.include_deleted = includeDeleted ? 1 : 0
        var n = 0
        try check(hip_store_list(handle, &q, nil, 0, &n))
        var recs = [hip_store_record](repeating: hip_store_record(), count: max(n, 1))
        try check(hip_store_list(handle, &q, &recs, recs.count, &n))
        return recs.prefix(n).map(Record.init)
    }

    // MARK: loading into the modules' objects

    /// A pain log of the stored entries of the day range (newest versions as of `asOf`).
    public func loadPainLog(from: CivilDate? = nil, to: CivilDate? = nil, asOf: Int64 = 0,
                            configuration: PainLogConfiguration = PainLogConfiguration()) throws -> PainLog {
        var log: OpaquePointer?
        try check(hip_painlog_create(nil, &log))
        defer { hip_painlog_destroy(log) }
        try check(hip_store_load_painlog(handle, from?.dayNumber ?? Int32.min, to?.dayNumber ?? Int32.max,
                                         asOf, log))
        var len = 0
        try check(hip_painlog_export_json(log, nil, 0, &len))
        var buf = [CChar](repeating: 0, count: len + 1)
        try check(hip_painlog_export_json(log, &buf, buf.count, &len))
        return try PainLog(json: String(cString: buf), configuration: configuration)
    }

    /// The assessments of the day range (newest versions as of `asOf`), in day order; all or
    /// nothing.
    public func loadAssessments(from: CivilDate? = nil, to: CivilDate? = nil, asOf: Int64 = 0) throws -> AssessmentHistory {
        var history: OpaquePointer?
        try check(hip_assess_history_create(nil, &history))
        defer { hip_assess_history_destroy(history) }
        try check(hip_store_load_assessments(handle, from?.dayNumber ?? Int32.min, to?.dayNumber ?? Int32.max,
                                             asOf, history))
        var len = 0
        try check(hip_assess_history_export_json(history, nil, 0, &len))
        var buf = [CChar](repeating: 0, count: len + 1)
        try check(hip_assess_history_export_json(history, &buf, buf.count, &len))
        return try AssessmentHistory(json: String(cString: buf))
    }

    private func newestJSON(_ kind: Kind, _ recordID: String, asOf: Int64) throws -> String {
        try json(seq: get(kind, recordID, asOf: asOf).seq)
    }

    public func loadProgram(_ recordID: String = "program", asOf: Int64 = 0) throws -> Program {
        try Program(json: newestJSON(.program, recordID, asOf: asOf))
    }

    public func loadSession(_ recordID: String, asOf: Int64 = 0) throws -> Session {
        try Session(json: newestJSON(.session, recordID, asOf: asOf))
    }

    public func loadOutcome(_ recordID: String, asOf: Int64 = 0) throws -> OutcomeResponse {
        try OutcomeResponse(json: newestJSON(.outcome, recordID, asOf: asOf))
    }

    /// A stored decision as its `hiptrack.decision` JSON (docs/store.md).
    public func decisionJSON(_ recordID: String, asOf: Int64 = 0) throws -> String {
        try newestJSON(.decision, recordID, asOf: asOf)
    }
}
