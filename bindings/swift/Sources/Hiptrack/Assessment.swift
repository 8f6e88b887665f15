import CHiptrack
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// Movement assessment (`hip_assess.h`, docs/assess.md): guided active range of motion of the hip
// from a thigh IMU, camera pose keypoints or per-frame pose angles.

/// The motion an assessment measures (`hip_rom_motion`); raw values are `hip_rom_motion_name`'s.
public enum RomMotion: String, Codable, Sendable, CEnumMirror {
    case flexion, `extension`, abduction, adduction
    case internalRotation = "internal_rotation"
    case externalRotation = "external_rotation"
    case kneeFlexion = "knee_flexion"
}

/// The side measured (`hip_assess_side`).
public enum AssessSide: String, Codable, Sendable, CEnumMirror {
    case left, right
}

/// What an assessment is fed (`hip_assess_source`).
public enum AssessSource: String, Codable, Sendable, CEnumMirror {
    /// Thigh IMU samples.
    case imu
    /// Pose angles (or keypoints).
    case pose
}

/// The start posture the UI asks for (`hip_assess_posture`).
public enum AssessPosture: String, Codable, Sendable, CEnumMirror {
    case standing, seated, supine, prone
    case sideLying = "side_lying"
}

/// Where a measurement is (`hip_assess_state`); a UI follows it.
public enum AssessState: String, Codable, Sendable, CEnumMirror, Comparable {
    case waiting, calibrating, ready, moving, held, done, failed

    public static func < (a: AssessState, b: AssessState) -> Bool { a.cValue < b.cValue }
}

/// Why a measurement failed (`hip_assess_failure`).
public enum AssessFailure: String, Codable, Sendable, CEnumMirror {
    case none
    case movedDuringCalibration = "moved_during_calibration"
    case noStillness = "no_stillness"
    case noMovement = "no_movement"
    case gap
    case lostTracking = "lost_tracking"
    case tooLong = "too_long"
}

/// A range of motion against its normal value (`hip_rom_band`).
public enum RomBand: String, Codable, Sendable, CEnumMirror {
    case withinNormal = "within_normal"
    case reduced
    case markedlyReduced = "markedly_reduced"
}

/// Compensations seen during a measurement (`hip_assess_comp`).
public struct AssessCompensations: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// The thigh left the plane (abduction during flexion, ...).
    public static let outOfPlane = AssessCompensations(rawValue: HIP_ASSESS_COMP_OUT_OF_PLANE.rawValue)
    /// Rotation about the femur's long axis.
    public static let thighRotation = AssessCompensations(rawValue: HIP_ASSESS_COMP_THIGH_ROTATION.rawValue)
    /// Trunk lean changed (pose).
    public static let trunkLean = AssessCompensations(rawValue: HIP_ASSESS_COMP_TRUNK_LEAN.rawValue)
    /// Pelvic obliquity changed (pose).
    public static let pelvicDrop = AssessCompensations(rawValue: HIP_ASSESS_COMP_PELVIC_DROP.rawValue)
}

/// One measurement (`hip_assess_result`). IMU: `startDegrees` is 0 (the calibrated start pose) and
/// `maxDegrees == rangeDegrees`; pose: absolute joint angles.
public struct AssessResult: Hashable, Sendable, Codable {
    public var motion: RomMotion
    public var side: AssessSide
    public var source: AssessSource
    public var posture: AssessPosture
    public var day: CivilDate
    public var startDegrees: Double
    public var maxDegrees: Double
    /// `maxDegrees - startDegrees`.
    public var rangeDegrees: Double
    /// From leaving the start to the maximum.
    public var durationSeconds: Double
    /// Compensations over their thresholds.
    public var compensations: AssessCompensations
    public var outOfPlaneDegrees: Double
    public var thighRotationDegrees: Double
    public var trunkLeanDegrees: Double
    public var pelvicDropDegrees: Double
    /// 0...1.
    public var quality: Double

    /// A plain IMU result of a range (start 0, no compensations, quality 1).
    public init(motion: RomMotion, side: AssessSide, day: CivilDate, rangeDegrees: Double) {
        self.motion = motion
        self.side = side
        source = .imu
        posture = .standing
        self.day = day
        startDegrees = 0
        maxDegrees = rangeDegrees
        self.rangeDegrees = rangeDegrees
        durationSeconds = 0
        compensations = []
        outOfPlaneDegrees = 0
        thighRotationDegrees = 0
        trunkLeanDegrees = 0
        pelvicDropDegrees = 0
        quality = 1
    }

    init(_ r: hip_assess_result) {
        motion = RomMotion(cValue: r.motion.rawValue) ?? .flexion
        side = AssessSide(cValue: r.side.rawValue) ?? .left
        source = AssessSource(cValue: r.source.rawValue) ?? .imu
        posture = AssessPosture(cValue: r.posture.rawValue) ?? .standing
        day = (try? CivilDate(dayNumber: r.day)) ?? (try! CivilDate(dayNumber: 0))
        startDegrees = r.start_deg
        maxDegrees = r.max_deg
        rangeDegrees = r.range_deg
        durationSeconds = r.duration_s
        compensations = AssessCompensations(rawValue: r.compensations)
        outOfPlaneDegrees = r.out_of_plane_deg
        thighRotationDegrees = r.thigh_rotation_deg
        trunkLeanDegrees = r.trunk_lean_deg
        pelvicDropDegrees = r.pelvic_drop_deg
        quality = r.quality
    }

    var cValue: hip_assess_result {
        var r = hip_assess_result()
        r.motion = hip_rom_motion(rawValue: motion.cValue)
        r.side = hip_assess_side(rawValue: side.cValue)
        r.source = hip_assess_source(rawValue: source.cValue)
        r.posture = hip_assess_posture(rawValue: posture.cValue)
        r.day = day.dayNumber
        r.start_deg = startDegrees
        r.max_deg = maxDegrees
        r.range_deg = rangeDegrees
        r.duration_s = durationSeconds
        r.compensations = compensations.rawValue
        r.out_of_plane_deg = outOfPlaneDegrees
        r.thigh_rotation_deg = thighRotationDegrees
        r.trunk_lean_deg = trunkLeanDegrees
        r.pelvic_drop_deg = pelvicDropDegrees
        r.quality = quality
        return r
    }

    /// This range against a normal table (`hip_assess_compare_normal`): percent of normal, deficit
    /// and band. ``HipError/Code/range`` for a normal that is not positive or bands out of order.
    public func compare(to normals: RomNormals = .aaos) throws -> RomComparison {
        var r = cValue
        var n = try normals.cValue()
        var out = hip_rom_comparison()
        try hipCheck(hip_assess_compare_normal(&r, &n, &out), "invalid normal table or result")
        return RomComparison(percentOfNormal: out.pct_of_normal, deficitDegrees: out.deficit_deg,
                             band: RomBand(cValue: out.band.rawValue) ?? .withinNormal)
    }

    /// The change of range since an earlier result of the same motion and side
    /// (`hip_assess_compare`); ``HipError/Code/invalid`` when motion or side differ.
    public func change(since earlier: AssessResult) throws -> Double {
        var e = earlier.cValue, l = cValue
        var out = 0.0
        try hipCheck(hip_assess_compare(&e, &l, &out), "motion and side must match")
        return out
    }
}

/// A range against its normal value (`hip_rom_comparison`).
public struct RomComparison: Hashable, Sendable {
    public var percentOfNormal: Double
    /// Normal minus range (negative above normal).
    public var deficitDegrees: Double
    public var band: RomBand
}

/// Normal range per motion with its source and band thresholds (`hip_rom_normals`).
public struct RomNormals: Hashable, Sendable {
    public var normalDegrees: [RomMotion: Double]
    public var source: String
    /// Within normal from this percent of normal.
    public var withinPercent: Double
    /// Reduced from this percent of normal.
    public var reducedPercent: Double

    /// AAOS (CLINICAL.md §4): flexion 120, extension 30, abduction 45, adduction 30, rotations 45.
    public static var aaos: RomNormals {
        var n = hip_rom_normals()
        hip_rom_normals_aaos(&n)
        return RomNormals(n)
    }

    /// The lower ends of the other texts: extension 10, internal rotation 30, external rotation 40.
    public static var conservative: RomNormals {
        var n = hip_rom_normals()
        hip_rom_normals_conservative(&n)
        return RomNormals(n)
    }

    init(_ n: hip_rom_normals) {
        var table: [RomMotion: Double] = [:]
        withUnsafeBytes(of: n.normal_deg) { raw in
            let values = raw.bindMemory(to: Double.self)
            for m in RomMotion.allCases { table[m] = values[Int(m.cValue)] }
        }
        normalDegrees = table
        source = stringFromCChars(n.source)
        withinPercent = n.within_pct
        reducedPercent = n.reduced_pct
    }

    func cValue() throws -> hip_rom_normals {
        var n = hip_rom_normals()
        withUnsafeMutableBytes(of: &n.normal_deg) { raw in
            let values = raw.bindMemory(to: Double.self)
            for m in RomMotion.allCases { values[Int(m.cValue)] = normalDegrees[m] ?? 0 }
        }
        try storeCChars(source, into: &n.source, field: "source")
        n.within_pct = withinPercent
        n.reduced_pct = reducedPercent
        return n
    }
}

/// One frame of pose angles of the measured side, degrees; `nil` is not valid in this frame.
public struct AssessAngles: Hashable, Sendable {
    public var hipFlexion: Double?
    public var hipAbduction: Double?
    /// Internal positive.
    public var hipRotation: Double?
    public var kneeFlexion: Double?
    public var trunkLeanSagittal: Double?
    public var trunkLeanFrontal: Double?
    public var pelvicObliquity: Double?

    public init(hipFlexion: Double? = nil, hipAbduction: Double? = nil, hipRotation: Double? = nil,
                kneeFlexion: Double? = nil, trunkLeanSagittal: Double? = nil, trunkLeanFrontal: Double? = nil,
                pelvicObliquity: Double? = nil) {
        self.hipFlexion = hipFlexion
        self.hipAbduction = hipAbduction
        self.hipRotation = hipRotation
        self.kneeFlexion = kneeFlexion
        self.trunkLeanSagittal = trunkLeanSagittal
        self.trunkLeanFrontal = trunkLeanFrontal
        self.pelvicObliquity = pelvicObliquity
    }

    var cValue: hip_assess_angles {
        var a = hip_assess_angles()
        var valid: UInt32 = 0
        func value(_ v: Double?, _ bit: hip_assess_angle_bit) -> Double {
            guard let v else { return 0 }
            valid |= bit.rawValue
            return v
        }
        a.hip_flexion_deg = value(hipFlexion, HIP_ASSESS_ANGLE_HIP_FLEXION)
        a.hip_abduction_deg = value(hipAbduction, HIP_ASSESS_ANGLE_HIP_ABDUCTION)
        a.hip_rotation_deg = value(hipRotation, HIP_ASSESS_ANGLE_HIP_ROTATION)
        a.knee_flexion_deg = value(kneeFlexion, HIP_ASSESS_ANGLE_KNEE_FLEXION)
        a.trunk_lean_sagittal_deg = value(trunkLeanSagittal, HIP_ASSESS_ANGLE_TRUNK_LEAN_SAGITTAL)
        a.trunk_lean_frontal_deg = value(trunkLeanFrontal, HIP_ASSESS_ANGLE_TRUNK_LEAN_FRONTAL)
        a.pelvic_obliquity_deg = value(pelvicObliquity, HIP_ASSESS_ANGLE_PELVIC_OBLIQUITY)
        a.valid = valid
        return a
    }
}

/// One guided range-of-motion measurement (`hip_assess`). Push IMU samples, pose angles or
/// keypoints; follow ``state``; read ``result`` once done.
public final class Assessment {
    let handle: OpaquePointer

    /// A measurement with the library's defaults for the motion, side and source, changed by
    /// `configure` (any `hip_assess_config` field: `posture`, `calibration_s`, `move_deg`, ...).
    /// ``HipError/Code/invalid`` names a field out of its range.
    public init(motion: RomMotion, side: AssessSide, source: AssessSource = .imu, day: CivilDate? = nil,
                configure: (inout hip_assess_config) -> Void = { _ in }) throws {
        var c = hip_assess_config()
        hip_assess_config_init(&c, hip_rom_motion(rawValue: motion.cValue), hip_assess_side(rawValue: side.cValue),
                               hip_assess_source(rawValue: source.cValue))
        if let day { c.day = day.dayNumber }
        configure(&c)
        var message = [CChar](repeating: 0, count: 200)
        let cap = message.count
        let checked = hip_assess_config_check(&c, &message, cap)
        try hipCheck(checked, String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        var out: OpaquePointer?
        try hipCheck(hip_assess_create(&c, &out), "hip_assess_create failed")
        handle = out!
    }

    deinit { hip_assess_destroy(handle) }

    /// The message of the last failed call ("" if none).
    public var lastError: String { lastErrorString(hip_assess_last_error(handle)) }

    /// One IMU sample: ax ay az (m/s²), gx gy gz (rad/s). ``HipError/Code/range`` for a timestamp
    /// not after the previous one or a NaN or implausible value; ``HipError/Code/state`` after the
    /// measurement ended.
    public func push(time tNs: Int64, imu sample: [Float]) throws {
        guard sample.count == Int(HIPTRACK_ASSESS_IMU_WIDTH) else {
            throw HipError(.invalid, "sample: expected 6 values (ax ay az gx gy gz), got \(sample.count)")
        }
        try hipCheck(hip_assess_push_imu(handle, tNs, sample), lastError)
    }

    /// One frame of pose angles.
    public func push(time tNs: Int64, angles: AssessAngles) throws {
        var a = angles.cValue
        try hipCheck(hip_assess_push_angles(handle, tNs, &a), lastError)
    }

    /// One frame of keypoints in a skeleton's order: the angles come from `hip_pose_angles_compute`
    /// with `poseConfig` (hip_pose.h).
    public func push(time tNs: Int64, keypoints: [hip_keypoint], poseConfig: hip_pose_angles_config) throws {
        var pc = poseConfig
        try hipCheck(hip_assess_push_keypoints(handle, tNs, &pc, keypoints, keypoints.count), lastError)
    }

    /// The person says "done": a movement becomes done, otherwise failed.
    public func finish() throws { try hipCheck(hip_assess_finish(handle), lastError) }

    /// Back to waiting with the same configuration ("try again").
    public func reset() throws { try hipCheck(hip_assess_reset(handle), lastError) }

    public var state: AssessState { AssessState(cValue: hip_assess_state_of(handle).rawValue) ?? .failed }

    public var failure: AssessFailure { AssessFailure(cValue: hip_assess_failure_of(handle).rawValue) ?? .none }

    /// The live angle from the start pose in the motion's direction; `nil` before calibration.
    public var currentDegrees: Double? {
        var deg = 0.0
        return hip_assess_current_deg(handle, &deg) == HIP_OK ? deg : nil
    }

    /// The result once done; `nil` while measuring; ``HipError/Code/state`` when the measurement
    /// failed (the message names why).
    public func result() throws -> AssessResult? {
        var r = hip_assess_result()
        let status = hip_assess_result_get(handle, &r)
        if status == HIP_ERR_NOT_FOUND { return nil }
        try hipCheck(status, "the assessment failed: \(failure.rawValue)")
        return AssessResult(r)
    }
}

/// Results over time, in day order (`hip_assess_history`); JSON form `hiptrack.assessment`
/// (``exportJSON()`` / ``init(json:)``).
public final class AssessmentHistory: RandomAccessCollection {
    let handle: OpaquePointer

    public init() throws {
        var out: OpaquePointer?
        try hipCheck(hip_assess_history_create(nil, &out), "hip_assess_history_create failed")
        handle = out!
    }

    /// A history imported from a `hiptrack.assessment` document.
    public convenience init(json: String) throws {
        try self.init()
        try importJSON(json)
    }

    deinit { hip_assess_history_destroy(handle) }

    /// The message of the last failed call ("" if none).
    public var lastError: String { lastErrorString(hip_assess_history_last_error(handle)) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { hip_assess_history_count(handle) }

    /// The result at `position`, oldest first; traps out of range, as an array does.
    public subscript(position: Int) -> AssessResult {
        precondition(position >= 0 && position < endIndex, "AssessmentHistory index out of range")
        var r = hip_assess_result()
        precondition(hip_assess_history_at(handle, position, &r) == HIP_OK, "hip_assess_history_at failed")
        return AssessResult(r)
    }

    /// Adds a result (validated; ``HipError/Code/invalid`` names the field).
    public func add(_ result: AssessResult) throws {
        var r = result.cValue
        try hipCheck(hip_assess_history_add(handle, &r), lastError)
    }

    /// The latest result of a motion and side on or before `day` (any day when `nil`).
    public func latest(_ motion: RomMotion, side: AssessSide, on day: CivilDate? = nil) -> AssessResult? {
        var r = hip_assess_result()
        let status = hip_assess_history_latest(handle, hip_rom_motion(rawValue: motion.cValue),
                                               hip_assess_side(rawValue: side.cValue), day?.dayNumber ?? 2_932_896, &r)
        return status == HIP_OK ? AssessResult(r) : nil
    }

    /// The change of range from the first to the latest result; `nil` with fewer than two.
    public func change(_ motion: RomMotion, side: AssessSide, on day: CivilDate? = nil) -> Double? {
        var d = 0.0
        let status = hip_assess_history_change(handle, hip_rom_motion(rawValue: motion.cValue),
                                               hip_assess_side(rawValue: side.cValue), day?.dayNumber ?? 2_932_896, &d)
        return status == HIP_OK ? d : nil
    }

    /// Replaces the history with a `hiptrack.assessment` document; all or nothing
    /// (``HipError/Code/format`` naming the field path).
    public func importJSON(_ json: String) throws {
        let status = withJSONBytes(Data(json.utf8)) { hip_assess_history_import_json(handle, $0, $1) }
        try hipCheck(status, lastError)
    }

    /// The history as a `hiptrack.assessment` document.
    public func exportJSON() throws -> String {
        try exportTwoCall { buf, cap, len in hip_assess_history_export_json(handle, buf, cap, len) }
    }
}
