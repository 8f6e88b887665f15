package org.hiptrack;

import org.hiptrack.internal.hip_hoos_missing_rule;

/** The HOOS missing-item rule ({@code hip_hoos_missing_rule}). */
public enum HoosMissingRule {
    /** {@code HIP_HOOS_MISSING_2013}: HOOS-SC-2, default: &gt;= 50 % of a subscale's items answered. */
    MISSING_2013(hip_hoos_missing_rule.HIP_HOOS_MISSING_2013),
    /** {@code HIP_HOOS_MISSING_2003}: HOOS-SC-2-LEGACY: at most 2 missing per subscale. */
    MISSING_2003(hip_hoos_missing_rule.HIP_HOOS_MISSING_2003);

    private final int value;

    HoosMissingRule(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_hoos_missing_rule} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_hoos_missing_rule} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static HoosMissingRule fromValue(int value) {
        for (HoosMissingRule e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no HoosMissingRule with value " + value);
    }
}
