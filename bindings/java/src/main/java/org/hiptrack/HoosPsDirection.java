package org.hiptrack;

import org.hiptrack.internal.hip_hoos_ps_direction;

/** The HOOS-PS direction ({@code hip_hoos_ps_direction}). */
public enum HoosPsDirection {
    /** {@code HIP_HOOS_PS_HOOS_ALIGNED}: 0 = extreme difficulty, 100 = no difficulty. */
    HOOS_ALIGNED(hip_hoos_ps_direction.HIP_HOOS_PS_HOOS_ALIGNED),
    /** {@code HIP_HOOS_PS_ORIGINAL}: 0 = no difficulty, 100 = extreme (100 - aligned value). */
    ORIGINAL(hip_hoos_ps_direction.HIP_HOOS_PS_ORIGINAL);

    private final int value;

    HoosPsDirection(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_hoos_ps_direction} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_hoos_ps_direction} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static HoosPsDirection fromValue(int value) {
        for (HoosPsDirection e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no HoosPsDirection with value " + value);
    }
}
