package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_count_kind;

/** What one counted unit of an exercise is ({@code hip_count_kind}). */
public enum CountKind {
    /** {@code HIP_COUNT_REPS}: Out-and-back excursion of the primary angle. */
    REPS(hip_count_kind.HIP_COUNT_REPS),
    /** {@code HIP_COUNT_HOLDS}: A static hold of a prescribed duration. */
    HOLDS(hip_count_kind.HIP_COUNT_HOLDS),
    /** {@code HIP_COUNT_CYCLES}: A periodic cycle: a step, a pedal revolution. */
    CYCLES(hip_count_kind.HIP_COUNT_CYCLES);

    private final int value;

    CountKind(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_count_kind} number
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
        return HiptrackNative.hip_count_kind_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_count_kind} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static CountKind fromValue(int value) {
        for (CountKind e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no CountKind with value " + value);
    }
}
