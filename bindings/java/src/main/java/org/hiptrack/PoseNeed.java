package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pose_need;

/** What a camera must see to count an exercise ({@code hip_pose_need}). */
public enum PoseNeed {
    /** {@code HIP_POSE_NEED_SIDE}: Sagittal motion: a 2-D side view (or 3-D). */
    SIDE(hip_pose_need.HIP_POSE_NEED_SIDE),
    /** {@code HIP_POSE_NEED_FRONT}: Frontal motion: a 2-D front view (or 3-D). */
    FRONT(hip_pose_need.HIP_POSE_NEED_FRONT),
    /** {@code HIP_POSE_NEED_3D}: Rotation about the thigh: 3-D keypoints only. */
    THREE_D(hip_pose_need.HIP_POSE_NEED_3D),
    /** {@code HIP_POSE_NEED_UNTRACKABLE}: Ankle motion, steps, pedalling: no angle here follows it. */
    UNTRACKABLE(hip_pose_need.HIP_POSE_NEED_UNTRACKABLE);

    private final int value;

    PoseNeed(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pose_need} number
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
        return HiptrackNative.hip_pose_need_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pose_need} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PoseNeed fromValue(int value) {
        for (PoseNeed e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PoseNeed with value " + value);
    }
}
