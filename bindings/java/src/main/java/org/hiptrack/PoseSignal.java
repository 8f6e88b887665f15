package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pose_signal;

/** The angle a pose rep counter feeds the rep engine ({@code hip_pose_signal}). */
public enum PoseSignal {
    /** {@code HIP_POSE_SIGNAL_LIMB_FLEXION}: The larger of hip and knee flexion: squats, lunges, sit-to-stand, leg raises alike ("auto"). */
    LIMB_FLEXION(hip_pose_signal.HIP_POSE_SIGNAL_LIMB_FLEXION),
    /** {@code HIP_POSE_SIGNAL_HIP_FLEXION}. */
    HIP_FLEXION(hip_pose_signal.HIP_POSE_SIGNAL_HIP_FLEXION),
    /** {@code HIP_POSE_SIGNAL_KNEE_FLEXION}. */
    KNEE_FLEXION(hip_pose_signal.HIP_POSE_SIGNAL_KNEE_FLEXION),
    /** {@code HIP_POSE_SIGNAL_HIP_ABDUCTION}. */
    HIP_ABDUCTION(hip_pose_signal.HIP_POSE_SIGNAL_HIP_ABDUCTION),
    /** {@code HIP_POSE_SIGNAL_HIP_ROTATION}. */
    HIP_ROTATION(hip_pose_signal.HIP_POSE_SIGNAL_HIP_ROTATION),
    /** {@code HIP_POSE_SIGNAL_TRUNK_LEAN}: Sagittal: hinges. */
    TRUNK_LEAN(hip_pose_signal.HIP_POSE_SIGNAL_TRUNK_LEAN);

    private final int value;

    PoseSignal(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pose_signal} number
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
        return HiptrackNative.hip_pose_signal_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pose_signal} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PoseSignal fromValue(int value) {
        for (PoseSignal e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PoseSignal with value " + value);
    }
}
