package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_progression_cmp;

/** The comparison of a rule input ({@code hip_progression_cmp}); {@link #id()} is its operator as written. */
public enum Comparison {
    /** {@code HIP_PROGRESSION_CMP_LT}. */
    LT(hip_progression_cmp.HIP_PROGRESSION_CMP_LT),
    /** {@code HIP_PROGRESSION_CMP_LE}. */
    LE(hip_progression_cmp.HIP_PROGRESSION_CMP_LE),
    /** {@code HIP_PROGRESSION_CMP_GT}. */
    GT(hip_progression_cmp.HIP_PROGRESSION_CMP_GT),
    /** {@code HIP_PROGRESSION_CMP_GE}. */
    GE(hip_progression_cmp.HIP_PROGRESSION_CMP_GE),
    /** {@code HIP_PROGRESSION_CMP_EQ}. */
    EQ(hip_progression_cmp.HIP_PROGRESSION_CMP_EQ),
    /** {@code HIP_PROGRESSION_CMP_NE}. */
    NE(hip_progression_cmp.HIP_PROGRESSION_CMP_NE),
    /** {@code HIP_PROGRESSION_CMP_KNOWN}: "known metric": true when the value is known. */
    KNOWN(hip_progression_cmp.HIP_PROGRESSION_CMP_KNOWN);

    private final int value;

    Comparison(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_progression_cmp} number
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
        return HiptrackNative.hip_progression_cmp_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_progression_cmp} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Comparison fromValue(int value) {
        for (Comparison e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Comparison with value " + value);
    }
}
