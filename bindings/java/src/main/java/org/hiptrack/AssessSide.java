package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_assess_side;

/** The side an assessment measured ({@code hip_assess_side}). */
public enum AssessSide {
    /** {@code HIP_ASSESS_LEFT}. */
    LEFT(hip_assess_side.HIP_ASSESS_LEFT),
    /** {@code HIP_ASSESS_RIGHT}. */
    RIGHT(hip_assess_side.HIP_ASSESS_RIGHT);

    private final int value;

    AssessSide(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_assess_side} number
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
        return HiptrackNative.hip_assess_side_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_assess_side} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static AssessSide fromValue(int value) {
        for (AssessSide e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no AssessSide with value " + value);
    }
}
