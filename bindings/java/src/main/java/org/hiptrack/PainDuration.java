package org.hiptrack;

import org.hiptrack.internal.hip_pain_duration;

/** Acute or chronic pain ({@code hip_pain_duration}). */
public enum PainDuration {
    /** {@code HIP_PAIN_DURATION_ACUTE}. */
    ACUTE(hip_pain_duration.HIP_PAIN_DURATION_ACUTE),
    /** {@code HIP_PAIN_DURATION_SUBACUTE}: Only in the 3-band mode. */
    SUBACUTE(hip_pain_duration.HIP_PAIN_DURATION_SUBACUTE),
    /** {@code HIP_PAIN_DURATION_CHRONIC}. */
    CHRONIC(hip_pain_duration.HIP_PAIN_DURATION_CHRONIC);

    private final int value;

    PainDuration(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_duration} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_duration} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainDuration fromValue(int value) {
        for (PainDuration e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainDuration with value " + value);
    }
}
