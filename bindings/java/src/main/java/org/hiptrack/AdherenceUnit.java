package org.hiptrack;

import org.hiptrack.internal.hip_adherence_unit;

/** What ADH-3 counts as an activity ({@code hip_adherence_unit}). */
public enum AdherenceUnit {
    /** {@code HIP_ADHERENCE_UNIT_REPS}. */
    REPS(hip_adherence_unit.HIP_ADHERENCE_UNIT_REPS),
    /** {@code HIP_ADHERENCE_UNIT_SESSIONS}: Completed sessions vs sessions_per_week. */
    SESSIONS(hip_adherence_unit.HIP_ADHERENCE_UNIT_SESSIONS);

    private final int value;

    AdherenceUnit(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_adherence_unit} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_adherence_unit} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static AdherenceUnit fromValue(int value) {
        for (AdherenceUnit e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no AdherenceUnit with value " + value);
    }
}
