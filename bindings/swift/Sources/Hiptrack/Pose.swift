import CHiptrack

/// A keypoint layout (`hip_skeleton`). The raw value is the library's name.
public enum Skeleton: String, Codable, Sendable, CEnumMirror {
    case hiptrack
    case mediapipePose33 = "mediapipe_pose33"
    case appleVision2D = "apple_vision_2d"
    case appleVision3D = "apple_vision_3d"
    case coco17

    /// Keypoints per frame.
    public var jointCount: Int { hip_pose_skeleton_joint_count(hip_skeleton(rawValue: cValue)) }

    /// The joint names in the skeleton's order (the pose CSV's column stems).
    public var jointNames: [String] {
        (0..<jointCount).map { String(cString: hip_pose_skeleton_joint_name(hip_skeleton(rawValue: cValue), $0)) }
    }

    /// The point index of a canonical joint, or nil when the skeleton has none (it may be derived:
    /// the pelvis from the hips, the shoulder centre from the shoulders).
    public func index(of joint: Joint) -> Int? {
        var index = 0
        let st = hip_pose_skeleton_index(hip_skeleton(rawValue: cValue), hip_joint(rawValue: joint.cValue), &index)
        return st == HIP_OK ? index : nil
    }
}

/// The canonical joints (`hip_joint`), in the hiptrack layout's order.
public enum Joint: String, Codable, Sendable, CEnumMirror {
    case pelvis
    case spineMid = "spine_mid"
    case spineShoulder = "spine_shoulder"
    case head
    case shoulderL = "shoulder_l", shoulderR = "shoulder_r"
    case elbowL = "elbow_l", elbowR = "elbow_r"
    case wristL = "wrist_l", wristR = "wrist_r"
    case hipL = "hip_l", hipR = "hip_r"
    case kneeL = "knee_l", kneeR = "knee_r"
    case ankleL = "ankle_l", ankleR = "ankle_r"
    case footL = "foot_l", footR = "foot_r"
}

/// A per-frame joint angle (`hip_pose_angle`).
public enum PoseAngle: String, Codable, Sendable, CEnumMirror {
    case hipFlexionL = "hip_flexion_l", hipFlexionR = "hip_flexion_r"
    case hipAbductionL = "hip_abduction_l", hipAbductionR = "hip_abduction_r"
    case hipRotationL = "hip_rotation_l", hipRotationR = "hip_rotation_r"
    case kneeFlexionL = "knee_flexion_l", kneeFlexionR = "knee_flexion_r"
    case trunkLeanSagittal = "trunk_lean_sagittal", trunkLeanFrontal = "trunk_lean_frontal"
    case pelvicObliquity = "pelvic_obliquity"
    case kneeValgusL = "knee_valgus_l", kneeValgusR = "knee_valgus_r"
}

/// Where a 2-D camera looks from (`hip_pose_view`).
public enum PoseView: String, Codable, Sendable, CEnumMirror {
    case auto, front, side
}

/// What a camera must see to count an exercise (`hip_pose_need`).
public enum PoseNeed: String, Codable, Sendable, CEnumMirror {
    case side, front
    case threeD = "3d"
    case untrackable

    /// The need of a catalog exercise, from its motion profile.
    public init(exercise: Exercise) throws {
        var e = try exercise.cValue()
        self = PoseNeed(cValue: hip_pose_need_for_exercise(&e).rawValue) ?? .untrackable
    }
}

/// The angle a pose rep counter feeds the rep engine (`hip_pose_signal`).
public enum PoseSignal: String, Codable, Sendable, CEnumMirror {
    case limbFlexion = "limb_flexion"
    case hipFlexion = "hip_flexion"
    case kneeFlexion = "knee_flexion"
    case hipAbduction = "hip_abduction"
    case hipRotation = "hip_rotation"
    case trunkLean = "trunk_lean"
}

/// Compensations seen in a rep (`hip_pose_flag`).
public struct PoseFlags: NamedFlags, Hashable, Sendable, Codable {
    public static func libraryName(ofFlag flag: UInt32) -> String {
        String(cString: hip_pose_flag_name(hip_pose_flag(rawValue: flag)))
    }

    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let trunkLean = PoseFlags(rawValue: HIP_POSE_FLAG_TRUNK_LEAN.rawValue)
    public static let pelvicDrop = PoseFlags(rawValue: HIP_POSE_FLAG_PELVIC_DROP.rawValue)
    public static let kneeValgus = PoseFlags(rawValue: HIP_POSE_FLAG_KNEE_VALGUS.rawValue)
    public static let asymmetry = PoseFlags(rawValue: HIP_POSE_FLAG_ASYMMETRY.rawValue)
}

/// One keypoint: position (z ignored for 2-D) and confidence 0...1.
public struct Keypoint: Hashable, Sendable, Codable {
    public var x: Float
    public var y: Float
    public var z: Float
    public var confidence: Float

    public init(x: Float, y: Float, z: Float = 0, confidence: Float = 1) {
        self.x = x
        self.y = y
        self.z = z
        self.confidence = confidence
    }

    var cValue: hip_keypoint { hip_keypoint(x: x, y: y, z: z, confidence: confidence) }
}

/// The angles of one frame: degrees by angle, nil where the view or missing joints do not allow it.
public struct PoseAngles: Sendable {
    public var degrees: [PoseAngle: Double]
    /// The view used for 2-D keypoints (front or side); auto for 3-D.
    public var view: PoseView

    init(_ a: hip_pose_angles) {
        var d: [PoseAngle: Double] = [:]
        withUnsafeBytes(of: a.deg) { raw in
            let values = raw.bindMemory(to: Double.self)
            for angle in PoseAngle.allCases where a.valid & (UInt32(1) << angle.cValue) != 0 {
                d[angle] = values[Int(angle.cValue)]
            }
        }
        degrees = d
        view = PoseView(cValue: a.view.rawValue) ?? .auto
    }

    public subscript(angle: PoseAngle) -> Double? { degrees[angle] }
}

// @unchecked: the C struct holds an allocator (function pointers), which Swift leaves zeroed.
/// How keypoints are read (`hip_pose_angles_config`).
public struct PoseAnglesConfiguration: @unchecked Sendable {
    var c: hip_pose_angles_config

    /// Defaults for a skeleton and 2 or 3 dimensions (the skeleton's own y direction).
    public init(skeleton: Skeleton, dimensions: Int) {
        c = hip_pose_angles_config()
        hip_pose_angles_config_init(&c, hip_skeleton(rawValue: skeleton.cValue), UInt32(clamping: dimensions))
    }

    public var view: PoseView {
        get { PoseView(cValue: c.view.rawValue) ?? .auto }
        set { c.view = hip_pose_view(rawValue: newValue.cValue) }
    }
    /// Image width / height for normalised image coordinates.
    public var xScale: Double { get { c.x_scale } set { c.x_scale = newValue } }
    public var yDown: Bool { get { c.y_down != 0 } set { c.y_down = newValue ? 1 : 0 } }
    public var minConfidence: Double { get { c.min_confidence } set { c.min_confidence = newValue } }

    /// The angles of one frame (keypoints in the skeleton's order).
    public func angles(_ keypoints: [Keypoint]) throws -> PoseAngles {
        var cfg = c
        var message = [CChar](repeating: 0, count: 160)
        if hip_pose_angles_config_check(&cfg, &message, message.count) != HIP_OK {
            throw HipError(.invalid, String(cString: message))
        }
        let k = keypoints.map(\.cValue)
        var out = hip_pose_angles()
        try hipCheck(hip_pose_angles_compute(&cfg, k, k.count, &out),
                     "keypoints: \(k.count) given, the skeleton has \(hip_pose_skeleton_joint_count(cfg.skeleton))")
        return PoseAngles(out)
    }
}

/// One repetition counted from keypoints (`hip_pose_rep_event`); summary values the view could not
/// measure are nil.
public struct PoseRepEvent: Hashable, Sendable {
    public var rep: RepEvent
    public var poseFlags: PoseFlags
    public var trunkLeanMaxDegrees: Double?
    public var trunkLateralMaxDegrees: Double?
    public var pelvicChangeMaxDegrees: Double?
    public var kneeValgusMaxDegrees: Double?
    public var excursionLeftDegrees: Double?
    public var excursionRightDegrees: Double?

    init(_ e: hip_pose_rep_event) {
        rep = RepEvent(e.rep)
        poseFlags = PoseFlags(rawValue: e.pose_flags)
        let m = e.measured
        trunkLeanMaxDegrees = m & 1 != 0 ? e.trunk_lean_max_deg : nil
        trunkLateralMaxDegrees = m & 2 != 0 ? e.trunk_lateral_max_deg : nil
        pelvicChangeMaxDegrees = m & 4 != 0 ? e.pelvic_change_max_deg : nil
        kneeValgusMaxDegrees = m & 8 != 0 ? e.knee_valgus_max_deg : nil
        excursionLeftDegrees = m & 16 != 0 ? e.excursion_l_deg : nil
        excursionRightDegrees = m & 16 != 0 ? e.excursion_r_deg : nil
    }
}

/// Counts repetitions from camera keypoints with the same rep engine as ``RepDetector``, and flags
/// compensations (trunk lean, pelvic drop, knee valgus, left/right asymmetry).
public final class PoseRepCounter {
    let handle: OpaquePointer
    public let skeleton: Skeleton

    /// A counter for a skeleton; with an exercise its signal angle, motion profile, 2-D view and
    /// checks apply (throws `.unsupported` when the exercise cannot be counted from these keypoints).
    public init(skeleton: Skeleton, dimensions: Int, exercise: Exercise? = nil) throws {
        var c = hip_pose_reps_config()
        hip_pose_reps_config_init(&c, hip_skeleton(rawValue: skeleton.cValue), UInt32(clamping: dimensions))
        if let exercise {
            var e = try exercise.cValue()
            try hipCheck(hip_pose_reps_config_for_exercise(&c, &e),
                         "exercise \"\(exercise.id)\" cannot be counted from \(dimensions)-D keypoints")
        }
        var message = [CChar](repeating: 0, count: 200)
        if hip_pose_reps_config_check(&c, &message, message.count) != HIP_OK {
            throw HipError(.invalid, String(cString: message))
        }
        var out: OpaquePointer?
        try hipCheck(hip_pose_reps_create(&c, &out), "cannot create the pose rep counter")
        handle = out!
        self.skeleton = skeleton
    }

    deinit { hip_pose_reps_destroy(handle) }

    public var lastError: String { lastErrorString(hip_pose_reps_last_error(handle)) }

    /// Pushes frames (times in ns, increasing; keypoints times.count x joint count) and returns the
    /// events they produced. A refused frame throws; the frames before it are kept.
    public func push(times: [Int64], keypoints: [Keypoint]) throws -> [PoseRepEvent] {
        let joints = skeleton.jointCount
        guard keypoints.count == times.count * joints else {
            throw HipError(.invalid, "keypoints: \(keypoints.count) for \(times.count) frames of \(joints) joints")
        }
        let k = keypoints.map(\.cValue)
        var events: [PoseRepEvent] = []
        var done = 0
        while done < times.count {
            var used = 0
            let st = times.withUnsafeBufferPointer { t in
                k.withUnsafeBufferPointer { kp in
                    hip_pose_reps_push_block(handle, t.baseAddress! + done, kp.baseAddress! + done * joints,
                                             times.count - done, joints, &used)
                }
            }
            done += used
            drain(&events)
            try hipCheck(st, lastError)
        }
        return events
    }

    /// End of the stream: settles the last rep; returns the remaining events.
    public func finish() throws -> [PoseRepEvent] {
        try hipCheck(hip_pose_reps_finish(handle), lastError)
        var events: [PoseRepEvent] = []
        drain(&events)
        return events
    }

    /// Back to the state right after creation.
    public func reset() throws { try hipCheck(hip_pose_reps_reset(handle), lastError) }

    /// The last frame's angles and the signal angle fed for it (nil when it had none); nil before
    /// the first frame.
    public func lastAngles() -> (angles: PoseAngles, signal: Double?)? {
        var a = hip_pose_angles()
        var sig = 0.0
        var ok: Int32 = 0
        guard hip_pose_reps_last_angles(handle, &a, &sig, &ok) == HIP_OK else { return nil }
        return (PoseAngles(a), ok != 0 ? sig : nil)
    }

    private func drain(_ events: inout [PoseRepEvent]) {
        var e = hip_pose_rep_event()
        while hip_pose_reps_next_event(handle, &e) == HIP_OK { events.append(PoseRepEvent(e)) }
    }
}
