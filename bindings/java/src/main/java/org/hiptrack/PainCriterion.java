package org.hiptrack;

import org.hiptrack.internal.hip_pain_criterion;

/** Which criterion makes a pain responder ({@code hip_pain_criterion}). */
public enum PainCriterion {
    /** {@code HIP_PAIN_CRITERION_PCT}: RESP-PCT: baseline &gt;= 1 and delta_pct &gt;= resp_pct. */
    PCT(hip_pain_criterion.HIP_PAIN_CRITERION_PCT),
    /** {@code HIP_PAIN_CRITERION_ABS}: RESP-ABS: delta_abs &gt;= resp_abs. */
    ABS(hip_pain_criterion.HIP_PAIN_CRITERION_ABS),
    /** {@code HIP_PAIN_CRITERION_EITHER}. */
    EITHER(hip_pain_criterion.HIP_PAIN_CRITERION_EITHER),
    /** {@code HIP_PAIN_CRITERION_BOTH}. */
    BOTH(hip_pain_criterion.HIP_PAIN_CRITERION_BOTH);

    private final int value;

    PainCriterion(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_criterion} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_criterion} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainCriterion fromValue(int value) {
        for (PainCriterion e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainCriterion with value " + value);
    }
}
