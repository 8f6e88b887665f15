import CHiptrack
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a session is in its life (`hip_session_state`). The library has no names for these; the
/// raw values are the lower-case constant suffixes.
public enum SessionState: String, Codable, Sendable, CEnumMirror {
    /// Created, not started (an import target).
    case new
    /// Started: exercises, sets, reps and pain may be added.
    case running
    /// Finished or imported: immutable.
    case finished
}

/// Why a session ended (`hip_abandon_reason`); the raw values are `hip_abandon_reason_name`'s.
public enum AbandonReason: String, Codable, Sendable, CEnumMirror {
    /// The session was finished, not abandoned. Library name `"none"` (a case named `none` would
    /// be ambiguous with `Optional.none`).
    case notAbandoned = "none"
    case pain
    case fatigue
    case time
    case other
}

/// When a session pain was asked (`hip_pain_moment`). The raw values are the suffixes of the JSON
/// fields `pain_before`, `pain_during`, `pain_after`.
public enum PainMoment: String, Codable, Sendable, CEnumMirror {
    case before
    /// The worst pain during the session.
    case during
    /// Right after the session (the next-morning pain belongs to the pain log).
    case after
}

/// Where a session rep came from (`hip_rep_origin`); the raw values are the JSON `origin` names.
public enum RepOrigin: String, Codable, Sendable, CEnumMirror {
    /// From a ``RepDetector`` event.
    case detector
    /// Entered by hand.
    case manual
}

/// One exercise of a session with its prescription (`hip_session_exercise`). Zero prescribed sets
/// means done but not prescribed. A unilateral exercise whose sides are logged separately is two
/// exercises (side `.left` and `.right`).
public struct SessionExercise: Hashable, Sendable, Codable {
    /// A catalog id.
    public var exerciseId: String
    public var side: Side
    /// 0...20.
    public var prescribedSets: Int
    /// Per set, 0...100; 0 = hold-only (one hold per set).
    public var prescribedReps: Int
    /// 0...3600 s.
    public var prescribedHoldSeconds: Double
    /// 0...500 kg.
    public var prescribedLoadKg: Double
    /// Sets logged (output only: ignored when adding).
    public internal(set) var setCount: Int

    /// An unprescribed exercise, both sides (`hip_session_exercise_init`).
    public init(exerciseId: String) {
        var e = hip_session_exercise()
        hip_session_exercise_init(&e, "")
        self.init(e)
        self.exerciseId = exerciseId
    }

    /// The exercise as a program prescribes it (`hip_session_exercise_from_prescription`).
    public init(prescription: Prescription) throws {
        var rx = try prescription.cValue()
        var e = hip_session_exercise()
        hip_session_exercise_from_prescription(&e, &rx)
        self.init(e)
    }

    init(_ e: hip_session_exercise) {
        exerciseId = stringFromCChars(e.exercise_id)
        side = Side(cValue: e.side.rawValue) ?? .both
        prescribedSets = Int(e.prescribed_sets)
        prescribedReps = Int(e.prescribed_reps)
        prescribedHoldSeconds = e.prescribed_hold_s
        prescribedLoadKg = e.prescribed_load_kg
        setCount = e.set_count
    }

    func cValue() throws -> hip_session_exercise {
        var e = hip_session_exercise()
        try storeCChars(exerciseId, into: &e.exercise_id, field: "exercise")
        e.side = hip_side(rawValue: side.cValue)
        e.prescribed_sets = try uint32(prescribedSets, field: "prescribed.sets")
        e.prescribed_reps = try uint32(prescribedReps, field: "prescribed.reps")
        e.prescribed_hold_s = prescribedHoldSeconds
        e.prescribed_load_kg = prescribedLoadKg
        return e
    }
}

/// One set as performed (`hip_session_set`). `nil` RPE or pain means not asked (the library's
/// `HIPTRACK_NOT_RECORDED`, never 0).
public struct SessionSet: Hashable, Sendable, Codable {
    /// When the set started, ns since 1970 UTC; 0 = not recorded.
    public var startNs: Int64
    /// 0...500 kg.
    public var loadKg: Double
    /// Rate of perceived exertion 0...10, or `nil`.
    public var rpe: Int?
    /// Pain during this set, 0...10 NRS, or `nil`.
    public var pain: Int?
    /// Reps logged in the set (output only: ignored when adding).
    public internal(set) var repCount: Int

    /// A set with nothing recorded (`hip_session_set_init`), or with the values given.
    public init(startNs: Int64 = 0, loadKg: Double = 0, rpe: Int? = nil, pain: Int? = nil) {
        var s = hip_session_set()
        hip_session_set_init(&s)
        self.init(s)
        self.startNs = startNs
        self.loadKg = loadKg
        self.rpe = rpe
        self.pain = pain
    }

    init(_ s: hip_session_set) {
        startNs = s.start_ns
        loadKg = s.load_kg
        rpe = recorded(s.rpe)
        pain = recorded(s.pain)
        repCount = s.rep_count
    }

    func cValue() throws -> hip_session_set {
        var s = hip_session_set()
        s.start_ns = startNs
        s.load_kg = loadKg
        s.rpe = try notRecordedOr(rpe, field: "rpe")
        s.pain = try notRecordedOr(pain, field: "pain")
        return s
    }
}

/// One repetition (or one hold of a hold-only exercise) of a session (`hip_session_rep`): the
/// metrics of a ``RepEvent``. A manual rep leaves what it does not know at 0.
public struct SessionRep: Hashable, Sendable, Codable {
    public var origin: RepOrigin
    public var source: RepSource
    /// Empty for a good-quality rep.
    public var flags: RepFlags
    /// Stream time base; start <= peak <= end.
    public var startNs: Int64
    public var peakNs: Int64
    public var endNs: Int64
    /// 0...7200.
    public var excursionDegrees: Double
    /// 0...10000.
    public var travelCentimeters: Double
    /// 0...3600 s each.
    public var concentricSeconds: Double
    public var eccentricSeconds: Double
    public var holdSeconds: Double
    /// 0...100000.
    public var peakSpeedDegreesPerSecond: Double
    /// Log dimensionless jerk, -1000...1000; 0 = unknown.
    public var smoothness: Double

    /// A manual rep with every metric 0 (`hip_session_rep_init`).
    public init() {
        var r = hip_session_rep()
        hip_session_rep_init(&r)
        self.init(r)
    }

    /// The rep of a detector event (`hip_session_rep_from_event`): origin `.detector`.
    public init(event: RepEvent) {
        var e = event.cValue
        var r = hip_session_rep()
        hip_session_rep_from_event(&r, &e)
        self.init(r)
    }

    init(_ r: hip_session_rep) {
        origin = RepOrigin(cValue: r.origin.rawValue) ?? .manual
        source = RepSource(cValue: r.source.rawValue) ?? .rotation
        flags = RepFlags(rawValue: r.flags)
        startNs = r.start_ns
        peakNs = r.peak_ns
        endNs = r.end_ns
        excursionDegrees = r.excursion_deg
        travelCentimeters = r.travel_cm
        concentricSeconds = r.concentric_s
        eccentricSeconds = r.eccentric_s
        holdSeconds = r.hold_s
        peakSpeedDegreesPerSecond = r.peak_speed_dps
        smoothness = r.smoothness
    }

    var cValue: hip_session_rep {
        var r = hip_session_rep()
        r.origin = hip_rep_origin(rawValue: origin.cValue)
        r.source = hip_rep_source(rawValue: source.cValue)
        r.flags = flags.rawValue
        r.start_ns = startNs
        r.peak_ns = peakNs
        r.end_ns = endNs
        r.excursion_deg = excursionDegrees
        r.travel_cm = travelCentimeters
        r.concentric_s = concentricSeconds
        r.eccentric_s = eccentricSeconds
        r.hold_s = holdSeconds
        r.peak_speed_dps = peakSpeedDegreesPerSecond
        r.smoothness = smoothness
        return r
    }
}

/// The state and header of a session (`hip_session_info`).
public struct SessionInfo: Hashable, Sendable, Codable {
    public var state: SessionState
    /// ns since 1970 UTC; 0 before start.
    public var startNs: Int64
    /// 0 until finished.
    public var endNs: Int64
    /// The member's UTC offset at the start.
    public var utcOffsetMinutes: Int
    /// The local calendar day of the start (fixed at start, never re-bucketed); `nil` before start.
    public var day: CivilDate?
    /// The program version number followed, or `nil` when not recorded against a program.
    public var programVersion: Int?
    /// That version's effective day.
    public var programEffective: CivilDate?
    /// 0...10 NRS or `nil` (not asked).
    public var painBefore: Int?
    public var painDuring: Int?
    public var painAfter: Int?
    public var abandonReason: AbandonReason
    public var exerciseCount: Int

    init(_ i: hip_session_info) {
        state = SessionState(cValue: i.state.rawValue) ?? .new
        startNs = i.start_ns
        endNs = i.end_ns
        utcOffsetMinutes = Int(i.utc_offset_min)
        day = i.state == HIP_SESSION_NEW ? nil : try? CivilDate(dayNumber: i.day)
        programVersion = i.program_version == 0 ? nil : Int(i.program_version)
        programEffective = i.program_version == 0 ? nil : try? CivilDate(dayNumber: i.program_effective_day)
        painBefore = recorded(i.pain_before)
        painDuring = recorded(i.pain_during)
        painAfter = recorded(i.pain_after)
        abandonReason = AbandonReason(cValue: i.abandon_reason.rawValue) ?? .other
        exerciseCount = i.exercise_count
    }
}

/// Prescribed against done (`hip_session_summary`). A percentage whose denominator is 0 is `nil`
/// (the library's -1).
public struct SessionSummary: Hashable, Sendable, Codable {
    public var day: CivilDate
    public var finished: Bool
    /// Sum of prescribed sets.
    public var prescribedSets: Int
    /// Sets with at least one rep, at most the prescribed per prescribed exercise.
    public var doneSets: Int
    /// Sum of sets x reps (x 1 for hold-only).
    public var prescribedReps: Int
    /// Every rep logged.
    public var doneReps: Int
    /// Per exercise at most its prescribed reps (counts toward completion).
    public var doneRepsCapped: Int
    /// Reps without flags.
    public var goodReps: Int
    /// 100 x doneSets / prescribedSets.
    public var setCompletionPercent: Double?
    /// 100 x doneRepsCapped / prescribedReps.
    public var repCompletionPercent: Double?
    /// 100 x goodReps / doneReps.
    public var goodRepPercent: Double?
    /// setCompletionPercent reached the threshold (no prescription: at least one set done);
    /// independent of the abandon reason.
    public var completed: Bool
    /// Sum over reps of concentric + eccentric + hold seconds.
    public var timeUnderTensionSeconds: Double
    /// End - start of a finished session; 0 while running.
    public var activeSeconds: Double
    /// The highest of pain during and every set's pain; `nil` if none was recorded.
    public var painMax: Int?
    public var abandonReason: AbandonReason

    init(_ s: hip_session_summary) {
        day = (try? CivilDate(dayNumber: s.day)) ?? (try! CivilDate(dayNumber: 0))
        finished = s.finished != 0
        prescribedSets = Int(s.prescribed_sets)
        doneSets = Int(s.done_sets)
        prescribedReps = Int(s.prescribed_reps)
        doneReps = Int(s.done_reps)
        doneRepsCapped = Int(s.done_reps_capped)
        goodReps = Int(s.good_reps)
        setCompletionPercent = s.set_completion_pct < 0 ? nil : s.set_completion_pct
        repCompletionPercent = s.rep_completion_pct < 0 ? nil : s.rep_completion_pct
        goodRepPercent = s.good_rep_pct < 0 ? nil : s.good_rep_pct
        completed = s.completed != 0
        timeUnderTensionSeconds = s.time_under_tension_s
        activeSeconds = s.active_s
        painMax = recorded(s.pain_max)
        abandonReason = AbandonReason(cValue: s.abandon_reason.rawValue) ?? .other
    }
}

/// One performed session (`hip_session`), recorded live against a program version: exercises,
/// sets, reps (from a ``RepDetector`` or entered by hand), pain before, during and after, and how
/// it ended.
///
/// ```swift
/// let session = try Session()
/// try session.start(at: startNs, utcOffsetMinutes: 60)
/// try session.plan(program, versionAt: 0)            // the version's exercises, prescribed
/// try session.setPain(2, at: .before)
/// try session.addSet(exercise: 0)
/// try session.addReps(detector.events)               // or addRep(SessionRep()) by hand
/// try session.updateSet(SessionSet(rpe: 6, pain: 3)) // asked after the set
/// try session.finish(at: endNs)
/// let summary = try session.summary()
/// let json = try session.exportJSON()                // a hiptrack.session document
/// ```
///
/// States: ``SessionState/new`` -> ``start(at:utcOffsetMinutes:)`` -> ``SessionState/running``
/// -> ``finish(at:reason:)`` -> ``SessionState/finished``. A finished session is immutable: every
/// edit throws ``HipError/Code/state``, as does an edit before start. A refused call changes
/// nothing.
///
/// The session's ``SessionInfo/day`` is the local calendar day of the start
/// (`start + utcOffsetMinutes`); it never changes, whatever time zone the member moves to.
///
/// `Codable`: the form is the `hiptrack.session` document (decoding imports it with the library's
/// strict reader; a library error becomes `DecodingError.dataCorrupted` whose underlying error is
/// the ``HipError`` with the field path).
public final class Session: Codable {
    let handle: OpaquePointer

    /// Most exercises in a session.
    public static let maxExercises = Int(HIPTRACK_SESSION_MAX_EXERCISES)
    /// Most sets per exercise.
    public static let maxSets = Int(HIPTRACK_SESSION_MAX_SETS)
    /// Most reps per set.
    public static let maxReps = Int(HIPTRACK_SESSION_MAX_REPS)
    /// The largest |UTC offset| in minutes (18 h).
    public static let maxUTCOffsetMinutes = Int(HIPTRACK_UTC_OFFSET_MAX_MIN)

    /// A new session. It is completed when `completionThresholdPercent` (1...100, default 80,
    /// CLINICAL.md §5) of its prescribed sets are logged; ``HipError/Code/invalid`` otherwise.
    public init(completionThresholdPercent: Double = 80) throws {
        var config = hip_session_config()
        hip_session_config_init(&config)
        config.completion_threshold_pct = completionThresholdPercent
        var out: OpaquePointer?
        let status = hip_session_create(&config, &out)
        try hipCheck(status, "completion_threshold_pct: expected 1..100, got \(completionThresholdPercent)")
        handle = out!
    }

    /// A finished session imported from a `hiptrack.session` document.
    public convenience init(json: String, completionThresholdPercent: Double = 80) throws {
        try self.init(completionThresholdPercent: completionThresholdPercent)
        try importJSON(json)
    }

    deinit { hip_session_destroy(handle) }

    /// The message of the last failed call on this session ("" if none).
    public var lastError: String { lastErrorString(hip_session_last_error(handle)) }

    // MARK: Recording

    /// Starts the session (new -> running) at an instant (ns since 1970 UTC) with the member's UTC
    /// offset at that moment: ``HipError/Code/range`` for |offset| > 18 h or a negative instant,
    /// ``HipError/Code/state`` when already started.
    public func start(at startNs: Int64, utcOffsetMinutes: Int = 0) throws {
        guard let offset = Int32(exactly: utcOffsetMinutes) else {
            throw HipError(.range, "utc_offset_min: expected -1080..1080, got \(utcOffsetMinutes)")
        }
        try hipCheck(hip_session_start(handle, startNs, offset), lastError)
    }

    /// Records the program version the session follows (number >= 1).
    public func setProgram(version: Int, effective: CivilDate) throws {
        guard let v = UInt32(exactly: version) else {
            throw HipError(.range, "version_number: expected >= 1, got \(version)")
        }
        try hipCheck(hip_session_set_program(handle, v, effective.dayNumber), lastError)
    }

    /// Records the program's version at `versionIndex` (0 is version 1) and adds each of its
    /// exercises as prescribed, with no sets yet. Only before any exercise was added
    /// (``HipError/Code/state``).
    public func plan(_ program: Program, versionAt versionIndex: Int) throws {
        guard versionIndex >= 0 else { throw HipError(.range, "version_index \(versionIndex) is negative") }
        try hipCheck(hip_session_plan_program(handle, program.handle, versionIndex), lastError)
    }

    /// Records a pain 0...10 NRS (``HipError/Code/range`` otherwise; nothing is clamped).
    public func setPain(_ pain: Int, at moment: PainMoment) throws {
        guard let p = Int32(exactly: pain) else {
            throw HipError(.range, "pain: expected an integer 0..10, got \(pain)")
        }
        try hipCheck(hip_session_set_pain(handle, hip_pain_moment(rawValue: moment.cValue), p), lastError)
    }

    /// Adds an exercise; returns its index.
    @discardableResult
    public func addExercise(_ exercise: SessionExercise) throws -> Int {
        var e = try exercise.cValue()
        var index = 0
        try hipCheck(hip_session_add_exercise(handle, &e, &index), lastError)
        return index
    }

    /// Starts a new set of the exercise at `index`; it becomes the current set that reps go to.
    /// A pain or RPE outside 0...10 throws ``HipError/Code/range``.
    public func addSet(exercise index: Int, _ set: SessionSet = SessionSet()) throws {
        guard index >= 0 else { throw HipError(.range, "exercise_index \(index) is negative") }
        var s = try set.cValue()
        try hipCheck(hip_session_add_set(handle, index, &s), lastError)
    }

    /// Replaces the start, load, RPE and pain of the current set (for an RPE asked after the set).
    public func updateSet(_ set: SessionSet) throws {
        var s = try set.cValue()
        try hipCheck(hip_session_update_set(handle, &s), lastError)
    }

    /// Adds a rep to the current set (``HipError/Code/state`` without one).
    public func addRep(_ rep: SessionRep) throws {
        var r = rep.cValue
        try hipCheck(hip_session_add_rep(handle, &r), lastError)
    }

    /// Adds a detector event as a rep of the current set.
    public func addRep(_ event: RepEvent) throws {
        var e = event.cValue
        try hipCheck(hip_session_add_rep_event(handle, &e), lastError)
    }

    /// Adds detector events (for example a detector's ``RepDetector/events``) to the current set;
    /// returns how many were added. On an error the events before it stay added.
    @discardableResult
    public func addReps<S: Sequence>(_ events: S) throws -> Int where S.Element == RepEvent {
        var n = 0
        for event in events {
            try addRep(event)
            n += 1
        }
        return n
    }

    /// Ends the session (running -> finished) at `endNs` (not before the start); `reason` says
    /// why it was abandoned, if it was.
    public func finish(at endNs: Int64, reason: AbandonReason = .notAbandoned) throws {
        try hipCheck(hip_session_finish(handle, endNs, hip_abandon_reason(rawValue: reason.cValue)), lastError)
    }

    // MARK: Reading

    /// The state and header.
    public var info: SessionInfo {
        var i = hip_session_info()
        _ = hip_session_get_info(handle, &i)   // fails only for NULL arguments
        return SessionInfo(i)
    }

    /// The current state.
    public var state: SessionState { info.state }

    /// The exercise at `index`, with its set count.
    public func exercise(at index: Int) throws -> SessionExercise {
        guard index >= 0 else { throw HipError(.range, "exercise index \(index) is negative") }
        var e = hip_session_exercise()
        try hipCheck(hip_session_exercise_at(handle, index, &e), "no exercise at index \(index)")
        return SessionExercise(e)
    }

    /// Every exercise, in order.
    public var exercises: [SessionExercise] {
        (0..<info.exerciseCount).compactMap { try? exercise(at: $0) }
    }

    /// The set at `setIndex` of the exercise at `exerciseIndex`, with its rep count.
    public func set(exercise exerciseIndex: Int, at setIndex: Int) throws -> SessionSet {
        guard exerciseIndex >= 0, setIndex >= 0 else {
            throw HipError(.range, "exercise \(exerciseIndex), set \(setIndex): negative index")
        }
        var s = hip_session_set()
        try hipCheck(hip_session_set_at(handle, exerciseIndex, setIndex, &s),
                     "no set \(setIndex) of exercise \(exerciseIndex)")
        return SessionSet(s)
    }

    /// The sets of the exercise at `exerciseIndex`.
    public func sets(exercise exerciseIndex: Int) throws -> [SessionSet] {
        let count = try exercise(at: exerciseIndex).setCount
        return try (0..<count).map { try set(exercise: exerciseIndex, at: $0) }
    }

    /// One rep.
    public func rep(exercise exerciseIndex: Int, set setIndex: Int, at repIndex: Int) throws -> SessionRep {
        guard exerciseIndex >= 0, setIndex >= 0, repIndex >= 0 else {
            throw HipError(.range, "exercise \(exerciseIndex), set \(setIndex), rep \(repIndex): negative index")
        }
        var r = hip_session_rep()
        try hipCheck(hip_session_rep_at(handle, exerciseIndex, setIndex, repIndex, &r),
                     "no rep \(repIndex) in set \(setIndex) of exercise \(exerciseIndex)")
        return SessionRep(r)
    }

    /// The reps of one set.
    public func reps(exercise exerciseIndex: Int, set setIndex: Int) throws -> [SessionRep] {
        let count = try set(exercise: exerciseIndex, at: setIndex).repCount
        return try (0..<count).map { try rep(exercise: exerciseIndex, set: setIndex, at: $0) }
    }

    /// Prescribed against done; a running session is summarised as it stands.
    /// ``HipError/Code/state`` before start.
    public func summary() throws -> SessionSummary {
        var s = hip_session_summary()
        let status = hip_session_summarize(handle, &s)
        try hipCheck(status, status == HIP_ERR_STATE ? "the session has not started" : lastError)
        return SessionSummary(s)
    }

    // MARK: JSON

    /// Imports a `hiptrack.session` document into a new session, which becomes finished; all or
    /// nothing (``HipError/Code/format`` with the line and column or the field path,
    /// ``HipError/Code/version``, ``HipError/Code/state`` unless the session is new).
    public func importJSON(_ json: String) throws { try importJSON(Data(json.utf8)) }

    /// Imports a `hiptrack.session` document from UTF-8 bytes.
    public func importJSON(_ json: Data) throws {
        let status = withJSONBytes(json) { hip_session_import_json(handle, $0, $1) }
        try hipCheck(status, lastError)
    }

    /// The session as an indented `hiptrack.session` document (``HipError/Code/state`` unless
    /// finished).
    public func exportJSON() throws -> String {
        do {
            return try exportTwoCall { buf, cap, len in hip_session_export_json(handle, buf, cap, len) }
        } catch let error as HipError {
            throw HipError(error.code, error.code == .state ? "only a finished session can be exported" : lastError)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeLibraryDocument(try exportJSON(), to: encoder)
    }

    public required convenience init(from decoder: any Decoder) throws {
        try self.init()
        try decodeLibraryDocument(from: decoder) { try self.importJSON($0) }
    }
}

// MARK: - Helpers

/// `HIPTRACK_NOT_RECORDED` (or any negative value) -> nil.
func recorded(_ v: Int32) -> Int? { v < 0 ? nil : Int(v) }

/// nil -> `HIPTRACK_NOT_RECORDED`; a value that does not fit an Int32 throws (the library judges the rest).
func notRecordedOr(_ v: Int?, field: String) throws -> Int32 {
    guard let v else { return Int32(HIPTRACK_NOT_RECORDED) }
    guard let c = Int32(exactly: v), c >= 0 else {
        throw HipError(.range, "\(field): expected an integer 0..10, got \(v)")
    }
    return c
}

extension RepEvent {
    /// The C event (index and emission time as they were).
    var cValue: hip_rep_event {
        var e = hip_rep_event()
        e.index = UInt32(clamping: index)
        e.flags = flags.rawValue
        e.source = hip_rep_source(rawValue: source.cValue)
        e.start_ns = startNs
        e.peak_ns = peakNs
        e.end_ns = endNs
        e.emitted_ns = emittedNs
        e.excursion_deg = excursionDegrees
        e.travel_cm = travelCentimeters
        e.concentric_s = concentricSeconds
        e.eccentric_s = eccentricSeconds
        e.hold_s = holdSeconds
        e.peak_speed_dps = peakSpeedDegreesPerSecond
        e.smoothness = smoothness
        return e
    }
}
