package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_progression_agg;

/** How a rule input combines the values of its window ({@code hip_progression_agg}). */
public enum Aggregate {
    /** {@code HIP_PROGRESSION_AGG_NONE}: A metric without a window. */
    NONE(hip_progression_agg.HIP_PROGRESSION_AGG_NONE),
    /** {@code HIP_PROGRESSION_AGG_LAST}. */
    LAST(hip_progression_agg.HIP_PROGRESSION_AGG_LAST),
    /** {@code HIP_PROGRESSION_AGG_MIN}. */
    MIN(hip_progression_agg.HIP_PROGRESSION_AGG_MIN),
    /** {@code HIP_PROGRESSION_AGG_MAX}. */
    MAX(hip_progression_agg.HIP_PROGRESSION_AGG_MAX),
    /** {@code HIP_PROGRESSION_AGG_MEAN}. */
    MEAN(hip_progression_agg.HIP_PROGRESSION_AGG_MEAN),
    /** {@code HIP_PROGRESSION_AGG_COUNT}. */
    COUNT(hip_progression_agg.HIP_PROGRESSION_AGG_COUNT);

    private final int value;

    Aggregate(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_progression_agg} number
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
        return HiptrackNative.hip_progression_agg_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_progression_agg} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Aggregate fromValue(int value) {
        for (Aggregate e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Aggregate with value " + value);
    }
}
