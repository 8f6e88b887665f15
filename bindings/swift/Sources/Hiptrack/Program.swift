import CHiptrack
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which side a prescription is for.
public enum Side: String, Codable, Sendable, CEnumMirror {
    /// Bilateral, or each side in turn with the same dose.
    case both
    case left
    case right
    case alternating
}

/// One prescribed exercise of a program version (`hip_prescription`).
public struct Prescription: Hashable, Sendable, Codable {
    /// A catalog id.
    public var exerciseId: String
    /// 1...20.
    public var sets: Int
    /// Per side, 0...100; 0 for a hold-only exercise.
    public var reps: Int
    /// Hold per rep, or per hold when reps == 0; 0...3600 s.
    public var holdSeconds: Double
    /// 0 = not prescribed; 0...60 s.
    public var tempoConcentricSeconds: Double
    /// 0 = not prescribed; 0...60 s.
    public var tempoEccentricSeconds: Double
    public var side: Side
    /// External load, 0 = body weight; 0...500 kg.
    public var loadKg: Double
    /// Between sets; 0...3600 s.
    public var restSeconds: Double
    /// Highest acceptable pain (0-10 NRS) during the exercise.
    public var painCeiling: Int

    /// The library's defaults (`hip_prescription_init`): 3 x 10, 120 s rest, pain ceiling 5, both sides.
    public init(exerciseId: String) {
        var p = hip_prescription()
        hip_prescription_init(&p, "")
        self.init(p)
        self.exerciseId = exerciseId
    }

    init(_ p: hip_prescription) {
        exerciseId = stringFromCChars(p.exercise_id)
        sets = Int(p.sets)
        reps = Int(p.reps)
        holdSeconds = p.hold_s
        tempoConcentricSeconds = p.tempo_concentric_s
        tempoEccentricSeconds = p.tempo_eccentric_s
        side = Side(cValue: p.side.rawValue) ?? .both
        loadKg = p.load_kg
        restSeconds = p.rest_s
        painCeiling = Int(p.pain_ceiling)
    }

    func cValue() throws -> hip_prescription {
        var p = hip_prescription()
        try storeCChars(exerciseId, into: &p.exercise_id, field: "exercise_id")
        p.sets = try uint32(sets, field: "sets")
        p.reps = try uint32(reps, field: "reps")
        p.hold_s = holdSeconds
        p.tempo_concentric_s = tempoConcentricSeconds
        p.tempo_eccentric_s = tempoEccentricSeconds
        p.side = hip_side(rawValue: side.cValue)
        p.load_kg = loadKg
        p.rest_s = restSeconds
        guard let ceiling = Int32(exactly: painCeiling) else {
            throw HipError(.invalid, "pain_ceiling: \(painCeiling) is out of range")
        }
        p.pain_ceiling = ceiling
        return p
    }
}

/// One committed version of a program, with a copy of its exercises.
public struct ProgramVersion: Hashable, Sendable, Codable {
    /// 1, 2, ... in order of creation.
    public var number: Int
    /// The day it takes effect.
    public var effective: CivilDate
    /// 1...14.
    public var sessionsPerWeek: Int
    /// Why this version was made ("" if not given).
    public var note: String
    public var exercises: [Prescription]
}

/// A versioned prescription (`hip_program`): the exercises a physical therapist prescribes and
/// how many sessions a week, from an effective date. Every change makes a new version; history is
/// never edited, and ``version(on:)`` says which version applied on a given day.
///
/// A new version is built as a draft: ``begin(effective:sessionsPerWeek:note:)`` copies the
/// latest version, the draft is edited with ``add(_:)``, ``replace(at:with:)`` and
/// ``remove(at:)``, and ``commit()`` appends it.
///
/// ```swift
/// let program = try Program()
/// try program.begin(effective: CivilDate(year: 2026, month: 11, day: 2), sessionsPerWeek: 3,
///                   note: "initial prescription")
/// var rx = Prescription(exerciseId: "bridge")
/// rx.holdSeconds = 2
/// try program.add(rx)
/// try program.commit()
/// let json = try program.exportJSON()      // a hiptrack.program document
/// ```
///
/// `Codable`: the form is the `hiptrack.program` document (decoding imports it with the
/// library's strict reader; a library error becomes `DecodingError.dataCorrupted` whose
/// underlying error is the ``HipError`` with the field path).
public final class Program: Codable {
    let handle: OpaquePointer

    /// An empty program (no versions).
    public init() throws {
        var config = hip_program_config()
        hip_program_config_init(&config)
        var out: OpaquePointer?
        try hipCheck(hip_program_create(&config, &out), "")
        handle = out!
    }

    /// A program imported from a `hiptrack.program` document.
    public convenience init(json: String) throws {
        try self.init()
        try importJSON(json)
    }

    deinit { hip_program_destroy(handle) }

    /// The message of the last failed call on this program ("" if none).
    public var lastError: String { lastErrorString(hip_program_last_error(handle)) }

    // MARK: History

    /// The number of committed versions.
    public var versionCount: Int { hip_program_version_count(handle) }

    /// The committed version at `index` (0 is version 1), with its exercises.
    public func version(at index: Int) throws -> ProgramVersion {
        guard index >= 0 else { throw HipError(.range, "version index \(index) is negative") }
        var v = hip_program_version()
        try hipCheck(hip_program_version_at(handle, index, &v), "no version at index \(index)")
        var exercises: [Prescription] = []
        exercises.reserveCapacity(v.exercise_count)
        for i in 0..<v.exercise_count {
            var p = hip_prescription()
            try hipCheck(hip_program_exercise_at(handle, index, i, &p), "no exercise \(i) in version \(index + 1)")
            exercises.append(Prescription(p))
        }
        return ProgramVersion(number: Int(v.number), effective: try CivilDate(dayNumber: v.effective_day),
                              sessionsPerWeek: Int(v.sessions_per_week), note: stringFromCChars(v.note),
                              exercises: exercises)
    }

    /// Every committed version, oldest first.
    public var versions: [ProgramVersion] {
        (0..<versionCount).compactMap { try? version(at: $0) }
    }

    /// The index of the version in force on `day` (the latest with an effective day on or before
    /// it), or `nil` before the first version.
    public func versionIndex(on day: CivilDate) -> Int? {
        var index = 0
        return hip_program_version_on(handle, day.dayNumber, &index) == HIP_OK ? index : nil
    }

    /// The version in force on `day`, or `nil` before the first version.
    public func version(on day: CivilDate) -> ProgramVersion? {
        versionIndex(on: day).flatMap { try? version(at: $0) }
    }

    // MARK: Drafts

    /// Starts a draft of a new version effective on `effective` (not before the latest
    /// version's), with a copy of the latest version's exercises. ``HipError/Code/state`` if a
    /// draft is open.
    public func begin(effective: CivilDate, sessionsPerWeek: Int, note: String? = nil) throws {
        let perWeek = try uint32(sessionsPerWeek, field: "sessions_per_week")
        let status: hip_status
        if let note {
            status = try withCheckedCString(note, field: "note") {
                hip_program_begin(handle, effective.dayNumber, perWeek, $0)
            }
        } else {
            status = hip_program_begin(handle, effective.dayNumber, perWeek, nil)
        }
        try hipCheck(status, lastError)
    }

    /// Adds an exercise to the draft (the library validates every field; an exercise may appear
    /// once per side, else ``HipError/Code/exists``).
    public func add(_ prescription: Prescription) throws {
        var p = try prescription.cValue()
        try hipCheck(hip_program_add(handle, &p), lastError)
    }

    /// Replaces the draft's exercise at `index`.
    public func replace(at index: Int, with prescription: Prescription) throws {
        guard index >= 0 else { throw HipError(.range, "index \(index) is negative") }
        var p = try prescription.cValue()
        try hipCheck(hip_program_replace(handle, index, &p), lastError)
    }

    /// Removes the draft's exercise at `index`.
    public func remove(at index: Int) throws {
        guard index >= 0 else { throw HipError(.range, "index \(index) is negative") }
        try hipCheck(hip_program_remove(handle, index), lastError)
    }

    /// Whether a draft is open.
    public var hasDraft: Bool {
        var n = 0
        return hip_program_draft_count(handle, &n) == HIP_OK
    }

    /// The draft's exercises; throws ``HipError/Code/state`` when no draft is open.
    public func draft() throws -> [Prescription] {
        var n = 0
        try hipCheck(hip_program_draft_count(handle, &n), lastError)
        return try (0..<n).map { i in
            var p = hip_prescription()
            try hipCheck(hip_program_draft_at(handle, i, &p), lastError)
            return Prescription(p)
        }
    }

    /// Appends the draft as a new version (it must hold at least one exercise) and closes it.
    public func commit() throws { try hipCheck(hip_program_commit(handle), lastError) }

    /// Drops the draft.
    public func discard() throws { try hipCheck(hip_program_discard(handle), lastError) }

    /// Checks every exercise id of every version against `catalog`: ``HipError/Code/notFound``
    /// naming the first unknown one.
    public func check(against catalog: Catalog) throws {
        try hipCheck(hip_program_check(handle, catalog.handle), lastError)
    }

    // MARK: JSON

    /// Replaces the whole history with a `hiptrack.program` document; all or nothing.
    public func importJSON(_ json: String) throws { try importJSON(Data(json.utf8)) }

    /// Replaces the whole history with a `hiptrack.program` document in UTF-8 bytes.
    public func importJSON(_ json: Data) throws {
        let status = withJSONBytes(json) { hip_program_import_json(handle, $0, $1) }
        try hipCheck(status, lastError)
    }

    /// The program as an indented `hiptrack.program` document.
    public func exportJSON() throws -> String {
        try exportTwoCall { buf, cap, len in hip_program_export_json(handle, buf, cap, len) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeLibraryDocument(try exportJSON(), to: encoder)
    }

    public required convenience init(from decoder: any Decoder) throws {
        try self.init()
        try decodeLibraryDocument(from: decoder) { try self.importJSON($0) }
    }
}
