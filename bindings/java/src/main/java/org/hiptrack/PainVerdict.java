package org.hiptrack;

import org.hiptrack.internal.hip_pain_verdict;

/** A responder verdict ({@code hip_pain_verdict}). */
public enum PainVerdict {
    /** {@code HIP_PAIN_VERDICT_NO}. */
    NO(hip_pain_verdict.HIP_PAIN_VERDICT_NO),
    /** {@code HIP_PAIN_VERDICT_YES}. */
    YES(hip_pain_verdict.HIP_PAIN_VERDICT_YES),
    /** {@code HIP_PAIN_VERDICT_NOT_EVALUABLE}: NOT_EVALUABLE of §1.3: percent change with baseline 0. */
    NOT_EVALUABLE(hip_pain_verdict.HIP_PAIN_VERDICT_NOT_EVALUABLE);

    private final int value;

    PainVerdict(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_verdict} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_verdict} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainVerdict fromValue(int value) {
        for (PainVerdict e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainVerdict with value " + value);
    }
}
