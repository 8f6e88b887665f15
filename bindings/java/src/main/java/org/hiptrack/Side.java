package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_side;

/** The side a prescription applies to ({@code hip_side}). */
public enum Side {
    /** {@code HIP_SIDE_BOTH}: Bilateral, or each side in turn with the same dose. */
    BOTH(hip_side.HIP_SIDE_BOTH),
    /** {@code HIP_SIDE_LEFT}. */
    LEFT(hip_side.HIP_SIDE_LEFT),
    /** {@code HIP_SIDE_RIGHT}. */
    RIGHT(hip_side.HIP_SIDE_RIGHT),
    /** {@code HIP_SIDE_ALTERNATING}. */
    ALTERNATING(hip_side.HIP_SIDE_ALTERNATING);

    private final int value;

    Side(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_side} number
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
        return HiptrackNative.hip_side_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_side} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Side fromValue(int value) {
        for (Side e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Side with value " + value);
    }
}
