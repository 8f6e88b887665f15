package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pain_time_of_day;

/** The time of day a member reported ({@code hip_pain_time_of_day}). */
public enum PainTimeOfDay {
    /** {@code HIP_PAIN_TIME_OF_DAY_UNSPECIFIED}. */
    UNSPECIFIED(hip_pain_time_of_day.HIP_PAIN_TIME_OF_DAY_UNSPECIFIED),
    /** {@code HIP_PAIN_TIME_OF_DAY_MORNING}. */
    MORNING(hip_pain_time_of_day.HIP_PAIN_TIME_OF_DAY_MORNING),
    /** {@code HIP_PAIN_TIME_OF_DAY_AFTERNOON}. */
    AFTERNOON(hip_pain_time_of_day.HIP_PAIN_TIME_OF_DAY_AFTERNOON),
    /** {@code HIP_PAIN_TIME_OF_DAY_EVENING}. */
    EVENING(hip_pain_time_of_day.HIP_PAIN_TIME_OF_DAY_EVENING),
    /** {@code HIP_PAIN_TIME_OF_DAY_NIGHT}. */
    NIGHT(hip_pain_time_of_day.HIP_PAIN_TIME_OF_DAY_NIGHT);

    private final int value;

    PainTimeOfDay(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_time_of_day} number
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
        return HiptrackNative.hip_pain_time_of_day_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_time_of_day} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainTimeOfDay fromValue(int value) {
        for (PainTimeOfDay e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainTimeOfDay with value " + value);
    }
}
