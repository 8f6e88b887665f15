package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pain_context;

/** The recall window of a pain score ({@code hip_pain_context}). */
public enum PainContext {
    /** {@code HIP_PAIN_CONTEXT_CURRENT}: Pain right now. */
    CURRENT(hip_pain_context.HIP_PAIN_CONTEXT_CURRENT),
    /** {@code HIP_PAIN_CONTEXT_AVG_24H}: Average over the last 24 h (flares, §3.5). */
    AVG_24H(hip_pain_context.HIP_PAIN_CONTEXT_AVG_24H),
    /** {@code HIP_PAIN_CONTEXT_AVG_7D}: Average over the last 7 days (outcomes, §1.4). */
    AVG_7D(hip_pain_context.HIP_PAIN_CONTEXT_AVG_7D),
    /** {@code HIP_PAIN_CONTEXT_WORST_24H}: Worst in the last 24 h. */
    WORST_24H(hip_pain_context.HIP_PAIN_CONTEXT_WORST_24H),
    /** {@code HIP_PAIN_CONTEXT_DURING_EXERCISE}: Highest during the session (§3.1). */
    DURING_EXERCISE(hip_pain_context.HIP_PAIN_CONTEXT_DURING_EXERCISE),
    /** {@code HIP_PAIN_CONTEXT_AFTER_EXERCISE}: Within ~1 h after the session (§3.1). */
    AFTER_EXERCISE(hip_pain_context.HIP_PAIN_CONTEXT_AFTER_EXERCISE),
    /** {@code HIP_PAIN_CONTEXT_NEXT_MORNING}: On waking the morning after a session (§3.1). */
    NEXT_MORNING(hip_pain_context.HIP_PAIN_CONTEXT_NEXT_MORNING);

    private final int value;

    PainContext(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_context} number
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
        return HiptrackNative.hip_pain_context_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_context} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainContext fromValue(int value) {
        for (PainContext e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainContext with value " + value);
    }
}
