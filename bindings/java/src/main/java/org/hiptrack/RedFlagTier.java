package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_red_flag_tier;

/** How soon open red flags need a clinician ({@code hip_red_flag_tier}). */
public enum RedFlagTier {
    /** {@code HIP_RED_FLAG_NONE}. */
    NONE(hip_red_flag_tier.HIP_RED_FLAG_NONE),
    /** {@code HIP_RED_FLAG_PROMPT}: Clinician review within a few days. */
    PROMPT(hip_red_flag_tier.HIP_RED_FLAG_PROMPT),
    /** {@code HIP_RED_FLAG_URGENT}: Same-day clinician contact. */
    URGENT(hip_red_flag_tier.HIP_RED_FLAG_URGENT),
    /** {@code HIP_RED_FLAG_EMERGENCY}: Emergency services / A&amp;E now. */
    EMERGENCY(hip_red_flag_tier.HIP_RED_FLAG_EMERGENCY);

    private final int value;

    RedFlagTier(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_red_flag_tier} number
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
        return HiptrackNative.hip_red_flag_tier_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_red_flag_tier} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static RedFlagTier fromValue(int value) {
        for (RedFlagTier e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no RedFlagTier with value " + value);
    }
}
