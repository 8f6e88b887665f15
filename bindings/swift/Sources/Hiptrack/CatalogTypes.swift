import CHiptrack

// Swift enums for the C enums. Raw values are the library's stable names (the JSON and CLI
// spellings, checked against hip_*_name by the tests), so their Codable form matches the
// library's documents. Cases are declared in C value order: C value == index in allCases.

/// Maps between a Swift enum declared in C value order and the C value.
protocol CEnumMirror: CaseIterable, Hashable where AllCases == [Self] {}
extension CEnumMirror {
    init?(cValue: UInt32) {
        guard Int(cValue) < Self.allCases.count else { return nil }
        self = Self.allCases[Int(cValue)]
    }
    var cValue: UInt32 { UInt32(Self.allCases.firstIndex(where: { $0 == self })!) }
}

/// How an exercise is sided.
public enum Sidedness: String, Codable, Sendable, CEnumMirror {
    /// Both legs together.
    case bilateral
    /// One side per set (the dose counts per side).
    case unilateral
    /// Sides alternate within a set (the dose counts per side).
    case alternating
    /// Not sided (walking, cycling). Library name `"none"`.
    case notSided = "none"
}

/// The body segment whose orientation (or height) a worn sensor or pose tracker should follow.
public enum Segment: String, Codable, Sendable, CEnumMirror {
    case thigh, shank, pelvis, trunk, foot
    case upperArm = "upper_arm"
    case forearm
}

/// The primary motion of an exercise.
public enum Motion: String, Codable, Sendable, CEnumMirror {
    case hipFlexion = "hip_flexion"
    case hipExtension = "hip_extension"
    case hipAbduction = "hip_abduction"
    case hipRotation = "hip_rotation"
    case kneeExtension = "knee_extension"
    case anklePlantarflexion = "ankle_plantarflexion"
    case trunkFlexion = "trunk_flexion"
    /// A held position: one hold counts as one rep. Library name `"static"`.
    case staticHold = "static"
    /// One step counts.
    case gait
    /// One revolution counts.
    case pedalling
    case other
}

/// The anatomical plane of the primary motion.
public enum Plane: String, Codable, Sendable, CEnumMirror {
    case sagittal, frontal, transverse, combined
    /// Library name `"none"`.
    case unspecified = "none"
}

/// What one counted unit of an exercise is.
public enum CountKind: String, Codable, Sendable, CEnumMirror {
    /// An out-and-back excursion of the primary angle.
    case reps
    /// A static hold of a prescribed duration.
    case holds
    /// A periodic cycle: a step, a pedal revolution.
    case cycles
}

/// The single attribute a progression edge changes.
public enum Change: String, Codable, Sendable, CEnumMirror {
    case level, support, load, lever, range, duration
}

/// Exercise categories (flags: an exercise can be, say, strength and functional).
/// `Codable` as an array of the library's names, as in the catalog document.
public struct Categories: NamedFlags, Hashable, Sendable, Codable {
    public static func libraryName(ofFlag flag: UInt32) -> String {
        String(cString: hip_category_name(hip_category(rawValue: flag)))
    }

    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let strength = Categories(rawValue: HIP_CATEGORY_STRENGTH.rawValue)
    public static let mobility = Categories(rawValue: HIP_CATEGORY_MOBILITY.rawValue)
    public static let stretch = Categories(rawValue: HIP_CATEGORY_STRETCH.rawValue)
    public static let balance = Categories(rawValue: HIP_CATEGORY_BALANCE.rawValue)
    public static let aerobic = Categories(rawValue: HIP_CATEGORY_AEROBIC.rawValue)
    public static let functional = Categories(rawValue: HIP_CATEGORY_FUNCTIONAL.rawValue)
    public static let motorControl = Categories(rawValue: HIP_CATEGORY_MOTOR_CONTROL.rawValue)

    public init(from decoder: any Decoder) throws {
        let names = try decoder.singleValueContainer().decode([String].self)
        guard let value = Categories(names: names) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown category in \(names)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(names)
    }
}

/// A default prescription (dose) of an exercise. Ranges are min...max (equal for one value).
public struct Dose: Hashable, Sendable, Codable {
    public var sets: ClosedRange<Int>
    /// Per side when sided; 0 for holds and timed bouts.
    public var reps: ClosedRange<Int>
    /// Hold per rep, or per hold for static exercises.
    public var holdSeconds: ClosedRange<Double>
    /// Timed bouts (aerobic); 0 otherwise.
    public var durationSeconds: ClosedRange<Double>
    /// Rest between sets.
    public var restSeconds: Double

    public init(sets: ClosedRange<Int>, reps: ClosedRange<Int>, holdSeconds: ClosedRange<Double> = 0...0,
                durationSeconds: ClosedRange<Double> = 0...0, restSeconds: Double = 120) {
        self.sets = sets
        self.reps = reps
        self.holdSeconds = holdSeconds
        self.durationSeconds = durationSeconds
        self.restSeconds = restSeconds
    }

    init(_ d: hip_dose) {
        sets = closed(Int(d.sets_min), Int(d.sets_max))
        reps = closed(Int(d.reps_min), Int(d.reps_max))
        holdSeconds = closed(d.hold_s_min, d.hold_s_max)
        durationSeconds = closed(d.duration_s_min, d.duration_s_max)
        restSeconds = d.rest_s
    }

    func cValue() throws -> hip_dose {
        var d = hip_dose()
        d.sets_min = try uint32(sets.lowerBound, field: "dose.sets")
        d.sets_max = try uint32(sets.upperBound, field: "dose.sets")
        d.reps_min = try uint32(reps.lowerBound, field: "dose.reps")
        d.reps_max = try uint32(reps.upperBound, field: "dose.reps")
        d.hold_s_min = holdSeconds.lowerBound
        d.hold_s_max = holdSeconds.upperBound
        d.duration_s_min = durationSeconds.lowerBound
        d.duration_s_max = durationSeconds.upperBound
        d.rest_s = restSeconds
        return d
    }
}

/// The motion model the rep detector is configured from (design defaults, not measured norms).
public struct MotionProfile: Hashable, Sendable, Codable {
    public var segment: Segment
    public var motion: Motion
    public var plane: Plane
    public var count: CountKind
    /// Primary-angle excursion of a full rep.
    public var excursionDegrees: ClosedRange<Double>
    /// Vertical travel of the segment; 0 if none.
    public var travelCentimeters: ClosedRange<Double>
    /// Duration of one rep, holds excluded.
    public var repSeconds: ClosedRange<Double>
    /// Isometric hold in the end position; 0 if none.
    public var holdSeconds: ClosedRange<Double>

    public init(segment: Segment, motion: Motion, plane: Plane, count: CountKind,
                excursionDegrees: ClosedRange<Double>, travelCentimeters: ClosedRange<Double> = 0...0,
                repSeconds: ClosedRange<Double>, holdSeconds: ClosedRange<Double> = 0...0) {
        self.segment = segment
        self.motion = motion
        self.plane = plane
        self.count = count
        self.excursionDegrees = excursionDegrees
        self.travelCentimeters = travelCentimeters
        self.repSeconds = repSeconds
        self.holdSeconds = holdSeconds
    }

    init(_ p: hip_motion_profile) {
        // The library only hands out validated values; unknown ones (a newer C library) fall back
        // to the most generic case rather than trapping.
        segment = Segment(cValue: p.segment.rawValue) ?? .thigh
        motion = Motion(cValue: p.motion.rawValue) ?? .other
        plane = Plane(cValue: p.plane.rawValue) ?? .unspecified
        count = CountKind(cValue: p.count.rawValue) ?? .reps
        excursionDegrees = closed(p.excursion_deg_min, p.excursion_deg_max)
        travelCentimeters = closed(p.travel_cm_min, p.travel_cm_max)
        repSeconds = closed(p.rep_s_min, p.rep_s_max)
        holdSeconds = closed(p.hold_s_min, p.hold_s_max)
    }

    var cValue: hip_motion_profile {
        var p = hip_motion_profile()
        p.segment = hip_segment(rawValue: segment.cValue)
        p.motion = hip_motion(rawValue: motion.cValue)
        p.plane = hip_plane(rawValue: plane.cValue)
        p.count = hip_count_kind(rawValue: count.cValue)
        p.excursion_deg_min = excursionDegrees.lowerBound
        p.excursion_deg_max = excursionDegrees.upperBound
        p.travel_cm_min = travelCentimeters.lowerBound
        p.travel_cm_max = travelCentimeters.upperBound
        p.rep_s_min = repSeconds.lowerBound
        p.rep_s_max = repSeconds.upperBound
        p.hold_s_min = holdSeconds.lowerBound
        p.hold_s_max = holdSeconds.upperBound
        return p
    }
}

/// A closed range that never traps: a C pair with max < min (or NaN) becomes min...min.
func closed<T: Comparable>(_ lo: T, _ hi: T) -> ClosedRange<T> { hi >= lo ? lo...hi : lo...lo }

/// An exercise of the catalog: stable id, names, dose, motion profile. A plain value copied out of
/// (and into) the C `hip_exercise`.
///
/// A custom exercise starts from the library's defaults (strength, bilateral, 2-3 x 10 reps, 120 s
/// rest, a generic thigh profile) and is validated when added to a ``Catalog``.
public struct Exercise: Hashable, Sendable, Codable, Identifiable {
    /// 1...47 of `a-z 0-9 _`, starting with a letter.
    public var id: String
    public var name: String
    /// The exercise this is a variant of; equal to ``id`` for a base exercise ("" when adding means
    /// "its own base").
    public var baseId: String
    /// Catalog code such as `"EX01b"`; "" for custom exercises.
    public var code: String
    /// At least one category.
    public var categories: Categories
    public var muscles: String
    public var position: String
    public var sidedness: Sidedness
    public var dose: Dose
    public var motion: MotionProfile
    /// `true` for the built-in catalog's exercises (output only: ignored when adding).
    public internal(set) var isBuiltin: Bool

    /// A custom exercise with the library's defaults (`hip_exercise_init`).
    public init(id: String, name: String) {
        var e = hip_exercise()
        hip_exercise_init(&e)
        self.init(e)
        self.id = id
        self.name = name
    }

    init(_ e: hip_exercise) {
        id = stringFromCChars(e.id)
        name = stringFromCChars(e.name)
        baseId = stringFromCChars(e.base_id)
        code = stringFromCChars(e.code)
        categories = Categories(rawValue: e.categories)
        muscles = stringFromCChars(e.muscles)
        position = stringFromCChars(e.position)
        sidedness = Sidedness(cValue: e.sidedness.rawValue) ?? .bilateral
        dose = Dose(e.dose)
        motion = MotionProfile(e.motion)
        isBuiltin = e.builtin != 0
    }

    /// The C struct; throws ``HipError/Code/invalid`` for a string that does not fit its field.
    func cValue() throws -> hip_exercise {
        var e = hip_exercise()
        try storeCChars(id, into: &e.id, field: "id")
        try storeCChars(name, into: &e.name, field: "name")
        try storeCChars(baseId, into: &e.base_id, field: "base_id")
        try storeCChars(code, into: &e.code, field: "code")
        e.categories = categories.rawValue
        try storeCChars(muscles, into: &e.muscles, field: "muscles")
        try storeCChars(position, into: &e.position, field: "position")
        e.sidedness = hip_sidedness(rawValue: sidedness.cValue)
        e.dose = try dose.cValue()
        e.motion = motion.cValue
        e.builtin = isBuiltin ? 1 : 0
        return e
    }
}

/// "`harderId` is the next harder variant of `easierId`"; regression is the reverse edge.
public struct ProgressionEdge: Hashable, Sendable, Codable {
    public var easierId: String
    public var harderId: String
    public var change: Change

    public init(easierId: String, harderId: String, change: Change) {
        self.easierId = easierId
        self.harderId = harderId
        self.change = change
    }

    init(_ e: hip_progression_edge) {
        easierId = stringFromCChars(e.easier_id)
        harderId = stringFromCChars(e.harder_id)
        change = Change(cValue: e.change.rawValue) ?? .level
    }
}
