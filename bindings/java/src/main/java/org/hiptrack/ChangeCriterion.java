package org.hiptrack;

import org.hiptrack.internal.hip_change_criterion;

/** The kind of threshold a change was judged against ({@code hip_change_criterion}). */
public enum ChangeCriterion {
    /** {@code HIP_CHANGE_NONE}: No threshold configured for the scale. */
    NONE(hip_change_criterion.HIP_CHANGE_NONE),
    /** {@code HIP_CHANGE_MCID}: Minimal clinically important difference/change. */
    MCID(hip_change_criterion.HIP_CHANGE_MCID),
    /** {@code HIP_CHANGE_MDC}: Minimum detectable change (PSFS). */
    MDC(hip_change_criterion.HIP_CHANGE_MDC);

    private final int value;

    ChangeCriterion(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_change_criterion} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_change_criterion} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static ChangeCriterion fromValue(int value) {
        for (ChangeCriterion e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no ChangeCriterion with value " + value);
    }
}
