package org.hiptrack;

import org.hiptrack.internal.hip_pain_pattern;

/** Morning vs night pain ({@code hip_pain_pattern}). */
public enum PainPattern {
    /** {@code HIP_PAIN_PATTERN_UNDETERMINED}: Fewer than pattern_min_entries morning or night entries. */
    UNDETERMINED(hip_pain_pattern.HIP_PAIN_PATTERN_UNDETERMINED),
    /** {@code HIP_PAIN_PATTERN_NONE}: The means differ by less than pattern_min_diff. */
    NONE(hip_pain_pattern.HIP_PAIN_PATTERN_NONE),
    /** {@code HIP_PAIN_PATTERN_MORNING}: Worse in the morning (PAT_MORNING, §6.3). */
    MORNING(hip_pain_pattern.HIP_PAIN_PATTERN_MORNING),
    /** {@code HIP_PAIN_PATTERN_NIGHT}: Worse at night. */
    NIGHT(hip_pain_pattern.HIP_PAIN_PATTERN_NIGHT);

    private final int value;

    PainPattern(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_pattern} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_pattern} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainPattern fromValue(int value) {
        for (PainPattern e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainPattern with value " + value);
    }
}
