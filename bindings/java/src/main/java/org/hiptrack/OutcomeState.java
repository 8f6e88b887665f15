package org.hiptrack;

import org.hiptrack.internal.hip_outcome_state;

/** Whether a scale was scored ({@code hip_outcome_state}); never NaN. */
public enum OutcomeState {
    /** {@code HIP_OUTCOME_SCORED}: Value holds the result. */
    SCORED(hip_outcome_state.HIP_OUTCOME_SCORED),
    /** {@code HIP_OUTCOME_NOT_SCOREABLE}: Too few items answered for the instrument's rule. */
    NOT_SCOREABLE(hip_outcome_state.HIP_OUTCOME_NOT_SCOREABLE),
    /** {@code HIP_OUTCOME_NOT_EVALUABLE}: Change: a side is not scored, or nothing to compare. */
    NOT_EVALUABLE(hip_outcome_state.HIP_OUTCOME_NOT_EVALUABLE);

    private final int value;

    OutcomeState(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_outcome_state} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_outcome_state} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static OutcomeState fromValue(int value) {
        for (OutcomeState e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no OutcomeState with value " + value);
    }
}
