package org.hiptrack;

import org.hiptrack.internal.hip_pain_moment;

/** When a session pain score was asked ({@code hip_pain_moment}). */
public enum PainMoment {
    /** {@code HIP_PAIN_BEFORE}. */
    BEFORE(hip_pain_moment.HIP_PAIN_BEFORE),
    /** {@code HIP_PAIN_DURING}: The worst pain during the session. */
    DURING(hip_pain_moment.HIP_PAIN_DURING),
    /** {@code HIP_PAIN_AFTER}: Right after; the next-morning pain belongs to the pain log. */
    AFTER(hip_pain_moment.HIP_PAIN_AFTER);

    private final int value;

    PainMoment(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_moment} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_moment} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainMoment fromValue(int value) {
        for (PainMoment e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainMoment with value " + value);
    }
}
