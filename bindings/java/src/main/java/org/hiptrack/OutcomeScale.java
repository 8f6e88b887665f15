package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_outcome_scale;

/** A scale of an outcome score ({@code hip_outcome_scale}). */
public enum OutcomeScale {
    /** {@code HIP_OUTCOME_SCALE_HOOS_SYMPTOMS}. */
    HOOS_SYMPTOMS(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS_SYMPTOMS),
    /** {@code HIP_OUTCOME_SCALE_HOOS_PAIN}. */
    HOOS_PAIN(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS_PAIN),
    /** {@code HIP_OUTCOME_SCALE_HOOS_ADL}. */
    HOOS_ADL(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS_ADL),
    /** {@code HIP_OUTCOME_SCALE_HOOS_SPORT}: Function, sport and recreation. */
    HOOS_SPORT(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS_SPORT),
    /** {@code HIP_OUTCOME_SCALE_HOOS_QOL}. */
    HOOS_QOL(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS_QOL),
    /** {@code HIP_OUTCOME_SCALE_HOOS12_PAIN}. */
    HOOS12_PAIN(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS12_PAIN),
    /** {@code HIP_OUTCOME_SCALE_HOOS12_FUNCTION}. */
    HOOS12_FUNCTION(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS12_FUNCTION),
    /** {@code HIP_OUTCOME_SCALE_HOOS12_QOL}. */
    HOOS12_QOL(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS12_QOL),
    /** {@code HIP_OUTCOME_SCALE_HOOS12_SUMMARY}: Mean of the three HOOS-12 scales. */
    HOOS12_SUMMARY(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS12_SUMMARY),
    /** {@code HIP_OUTCOME_SCALE_HOOS_JR}. */
    HOOS_JR(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS_JR),
    /** {@code HIP_OUTCOME_SCALE_HOOS_PS}. */
    HOOS_PS(hip_outcome_scale.HIP_OUTCOME_SCALE_HOOS_PS),
    /** {@code HIP_OUTCOME_SCALE_PSFS}: Mean of the rated activities. */
    PSFS(hip_outcome_scale.HIP_OUTCOME_SCALE_PSFS),
    /** {@code HIP_OUTCOME_SCALE_IHOT12}. */
    IHOT12(hip_outcome_scale.HIP_OUTCOME_SCALE_IHOT12),
    /** {@code HIP_OUTCOME_SCALE_OXFORD}. */
    OXFORD(hip_outcome_scale.HIP_OUTCOME_SCALE_OXFORD);

    private final int value;

    OutcomeScale(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_outcome_scale} number
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
        return HiptrackNative.hip_outcome_scale_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_outcome_scale} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static OutcomeScale fromValue(int value) {
        for (OutcomeScale e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no OutcomeScale with value " + value);
    }
}
