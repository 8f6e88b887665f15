package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_assess_posture;

/** The start posture of an assessment ({@code hip_assess_posture}). */
public enum AssessPosture {
    /** {@code HIP_ASSESS_STANDING}. */
    STANDING(hip_assess_posture.HIP_ASSESS_STANDING),
    /** {@code HIP_ASSESS_SEATED}: Hip and knee at 90 degrees (rotation is measured here). */
    SEATED(hip_assess_posture.HIP_ASSESS_SEATED),
    /** {@code HIP_ASSESS_SUPINE}. */
    SUPINE(hip_assess_posture.HIP_ASSESS_SUPINE),
    /** {@code HIP_ASSESS_PRONE}. */
    PRONE(hip_assess_posture.HIP_ASSESS_PRONE),
    /** {@code HIP_ASSESS_SIDE_LYING}. */
    SIDE_LYING(hip_assess_posture.HIP_ASSESS_SIDE_LYING);

    private final int value;

    AssessPosture(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_assess_posture} number
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
        return HiptrackNative.hip_assess_posture_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_assess_posture} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static AssessPosture fromValue(int value) {
        for (AssessPosture e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no AssessPosture with value " + value);
    }
}
