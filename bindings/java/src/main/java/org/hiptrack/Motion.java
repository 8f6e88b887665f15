package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_motion;

/** The primary motion of an exercise ({@code hip_motion}). */
public enum Motion {
    /** {@code HIP_MOTION_HIP_FLEXION}. */
    HIP_FLEXION(hip_motion.HIP_MOTION_HIP_FLEXION),
    /** {@code HIP_MOTION_HIP_EXTENSION}. */
    HIP_EXTENSION(hip_motion.HIP_MOTION_HIP_EXTENSION),
    /** {@code HIP_MOTION_HIP_ABDUCTION}. */
    HIP_ABDUCTION(hip_motion.HIP_MOTION_HIP_ABDUCTION),
    /** {@code HIP_MOTION_HIP_ROTATION}. */
    HIP_ROTATION(hip_motion.HIP_MOTION_HIP_ROTATION),
    /** {@code HIP_MOTION_KNEE_EXTENSION}. */
    KNEE_EXTENSION(hip_motion.HIP_MOTION_KNEE_EXTENSION),
    /** {@code HIP_MOTION_ANKLE_PLANTARFLEXION}. */
    ANKLE_PLANTARFLEXION(hip_motion.HIP_MOTION_ANKLE_PLANTARFLEXION),
    /** {@code HIP_MOTION_TRUNK_FLEXION}. */
    TRUNK_FLEXION(hip_motion.HIP_MOTION_TRUNK_FLEXION),
    /** {@code HIP_MOTION_STATIC}: A held position: one hold counts as one rep. */
    STATIC(hip_motion.HIP_MOTION_STATIC),
    /** {@code HIP_MOTION_GAIT}: One step counts. */
    GAIT(hip_motion.HIP_MOTION_GAIT),
    /** {@code HIP_MOTION_PEDALLING}: One revolution counts. */
    PEDALLING(hip_motion.HIP_MOTION_PEDALLING),
    /** {@code HIP_MOTION_OTHER}. */
    OTHER(hip_motion.HIP_MOTION_OTHER);

    private final int value;

    Motion(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_motion} number
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
        return HiptrackNative.hip_motion_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_motion} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Motion fromValue(int value) {
        for (Motion e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Motion with value " + value);
    }
}
