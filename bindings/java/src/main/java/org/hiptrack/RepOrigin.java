package org.hiptrack;

import org.hiptrack.internal.hip_rep_origin;

/** Where a session rep came from ({@code hip_rep_origin}). */
public enum RepOrigin {
    /** {@code HIP_REP_ORIGIN_DETECTOR}: From a hip_rep_event. */
    DETECTOR(hip_rep_origin.HIP_REP_ORIGIN_DETECTOR),
    /** {@code HIP_REP_ORIGIN_MANUAL}: Entered by hand. */
    MANUAL(hip_rep_origin.HIP_REP_ORIGIN_MANUAL);

    private final int value;

    RepOrigin(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_rep_origin} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_rep_origin} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static RepOrigin fromValue(int value) {
        for (RepOrigin e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no RepOrigin with value " + value);
    }
}
