package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_joint;

/** A canonical body joint ({@code hip_joint}), in the hiptrack layout's order. */
public enum Joint {
    /** {@code HIP_JOINT_PELVIS}: Hip centre. */
    PELVIS(hip_joint.HIP_JOINT_PELVIS),
    /** {@code HIP_JOINT_SPINE_MID}. */
    SPINE_MID(hip_joint.HIP_JOINT_SPINE_MID),
    /** {@code HIP_JOINT_SPINE_SHOULDER}: Between the shoulders. */
    SPINE_SHOULDER(hip_joint.HIP_JOINT_SPINE_SHOULDER),
    /** {@code HIP_JOINT_HEAD}. */
    HEAD(hip_joint.HIP_JOINT_HEAD),
    /** {@code HIP_JOINT_SHOULDER_L}. */
    SHOULDER_L(hip_joint.HIP_JOINT_SHOULDER_L),
    /** {@code HIP_JOINT_SHOULDER_R}. */
    SHOULDER_R(hip_joint.HIP_JOINT_SHOULDER_R),
    /** {@code HIP_JOINT_ELBOW_L}. */
    ELBOW_L(hip_joint.HIP_JOINT_ELBOW_L),
    /** {@code HIP_JOINT_ELBOW_R}. */
    ELBOW_R(hip_joint.HIP_JOINT_ELBOW_R),
    /** {@code HIP_JOINT_WRIST_L}. */
    WRIST_L(hip_joint.HIP_JOINT_WRIST_L),
    /** {@code HIP_JOINT_WRIST_R}. */
    WRIST_R(hip_joint.HIP_JOINT_WRIST_R),
    /** {@code HIP_JOINT_HIP_L}. */
    HIP_L(hip_joint.HIP_JOINT_HIP_L),
    /** {@code HIP_JOINT_HIP_R}. */
    HIP_R(hip_joint.HIP_JOINT_HIP_R),
    /** {@code HIP_JOINT_KNEE_L}. */
    KNEE_L(hip_joint.HIP_JOINT_KNEE_L),
    /** {@code HIP_JOINT_KNEE_R}. */
    KNEE_R(hip_joint.HIP_JOINT_KNEE_R),
    /** {@code HIP_JOINT_ANKLE_L}. */
    ANKLE_L(hip_joint.HIP_JOINT_ANKLE_L),
    /** {@code HIP_JOINT_ANKLE_R}. */
    ANKLE_R(hip_joint.HIP_JOINT_ANKLE_R),
    /** {@code HIP_JOINT_FOOT_L}: Toes. */
    FOOT_L(hip_joint.HIP_JOINT_FOOT_L),
    /** {@code HIP_JOINT_FOOT_R}. */
    FOOT_R(hip_joint.HIP_JOINT_FOOT_R);

    private final int value;

    Joint(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_joint} number
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
        return HiptrackNative.hip_joint_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_joint} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Joint fromValue(int value) {
        for (Joint e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Joint with value " + value);
    }
}
