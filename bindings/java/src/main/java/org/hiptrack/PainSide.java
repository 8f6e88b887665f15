package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pain_side;

/** The side of a pain entry ({@code hip_pain_side}). */
public enum PainSide {
    /** {@code HIP_PAIN_SIDE_UNSPECIFIED}. */
    UNSPECIFIED(hip_pain_side.HIP_PAIN_SIDE_UNSPECIFIED),
    /** {@code HIP_PAIN_SIDE_LEFT}. */
    LEFT(hip_pain_side.HIP_PAIN_SIDE_LEFT),
    /** {@code HIP_PAIN_SIDE_RIGHT}. */
    RIGHT(hip_pain_side.HIP_PAIN_SIDE_RIGHT),
    /** {@code HIP_PAIN_SIDE_BOTH}. */
    BOTH(hip_pain_side.HIP_PAIN_SIDE_BOTH);

    private final int value;

    PainSide(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_side} number
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
        return HiptrackNative.hip_pain_side_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_side} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainSide fromValue(int value) {
        for (PainSide e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainSide with value " + value);
    }
}
