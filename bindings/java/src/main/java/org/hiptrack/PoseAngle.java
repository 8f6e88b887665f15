package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pose_angle;

/** A per-frame joint angle ({@code hip_pose_angle}). */
public enum PoseAngle {
    /** {@code HIP_POSE_HIP_FLEXION_L}. */
    HIP_FLEXION_L(hip_pose_angle.HIP_POSE_HIP_FLEXION_L),
    /** {@code HIP_POSE_HIP_FLEXION_R}. */
    HIP_FLEXION_R(hip_pose_angle.HIP_POSE_HIP_FLEXION_R),
    /** {@code HIP_POSE_HIP_ABDUCTION_L}. */
    HIP_ABDUCTION_L(hip_pose_angle.HIP_POSE_HIP_ABDUCTION_L),
    /** {@code HIP_POSE_HIP_ABDUCTION_R}. */
    HIP_ABDUCTION_R(hip_pose_angle.HIP_POSE_HIP_ABDUCTION_R),
    /** {@code HIP_POSE_HIP_ROTATION_L}. */
    HIP_ROTATION_L(hip_pose_angle.HIP_POSE_HIP_ROTATION_L),
    /** {@code HIP_POSE_HIP_ROTATION_R}. */
    HIP_ROTATION_R(hip_pose_angle.HIP_POSE_HIP_ROTATION_R),
    /** {@code HIP_POSE_KNEE_FLEXION_L}. */
    KNEE_FLEXION_L(hip_pose_angle.HIP_POSE_KNEE_FLEXION_L),
    /** {@code HIP_POSE_KNEE_FLEXION_R}. */
    KNEE_FLEXION_R(hip_pose_angle.HIP_POSE_KNEE_FLEXION_R),
    /** {@code HIP_POSE_TRUNK_LEAN_SAGITTAL}. */
    TRUNK_LEAN_SAGITTAL(hip_pose_angle.HIP_POSE_TRUNK_LEAN_SAGITTAL),
    /** {@code HIP_POSE_TRUNK_LEAN_FRONTAL}. */
    TRUNK_LEAN_FRONTAL(hip_pose_angle.HIP_POSE_TRUNK_LEAN_FRONTAL),
    /** {@code HIP_POSE_PELVIC_OBLIQUITY}. */
    PELVIC_OBLIQUITY(hip_pose_angle.HIP_POSE_PELVIC_OBLIQUITY),
    /** {@code HIP_POSE_KNEE_VALGUS_L}. */
    KNEE_VALGUS_L(hip_pose_angle.HIP_POSE_KNEE_VALGUS_L),
    /** {@code HIP_POSE_KNEE_VALGUS_R}. */
    KNEE_VALGUS_R(hip_pose_angle.HIP_POSE_KNEE_VALGUS_R);

    private final int value;

    PoseAngle(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pose_angle} number
     */
    public int value() {
        return value;
    }

    /**
     * The library's stable lower-case name, as used in JSON and by the CLI.
     *
     * @return the name
     */
    public String id() {
        return HiptrackNative.hip_pose_angle_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pose_angle} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PoseAngle fromValue(int value) {
        for (PoseAngle e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PoseAngle with value " + value);
    }
}
