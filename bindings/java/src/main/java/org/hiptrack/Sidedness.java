package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_sidedness;

/** How an exercise uses the sides ({@code hip_sidedness}). */
public enum Sidedness {
    /** {@code HIP_SIDEDNESS_BILATERAL}: Both legs together. */
    BILATERAL(hip_sidedness.HIP_SIDEDNESS_BILATERAL),
    /** {@code HIP_SIDEDNESS_UNILATERAL}: One side per set (dose counts per side). */
    UNILATERAL(hip_sidedness.HIP_SIDEDNESS_UNILATERAL),
    /** {@code HIP_SIDEDNESS_ALTERNATING}: Sides alternate within a set (dose counts per side). */
    ALTERNATING(hip_sidedness.HIP_SIDEDNESS_ALTERNATING),
    /** {@code HIP_SIDEDNESS_NONE}: Not sided (walking, cycling). */
    NONE(hip_sidedness.HIP_SIDEDNESS_NONE);

    private final int value;

    Sidedness(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_sidedness} number
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
        return HiptrackNative.hip_sidedness_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_sidedness} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Sidedness fromValue(int value) {
        for (Sidedness e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Sidedness with value " + value);
    }
}
