package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_progression_variable;

/** The prescription field a CHANGE decision changes ({@code hip_progression_variable}). */
public enum ProgressionVariable {
    /** {@code HIP_PROGRESSION_VAR_NONE}. */
    NONE(hip_progression_variable.HIP_PROGRESSION_VAR_NONE),
    /** {@code HIP_PROGRESSION_VAR_REPS}. */
    REPS(hip_progression_variable.HIP_PROGRESSION_VAR_REPS),
    /** {@code HIP_PROGRESSION_VAR_SETS}. */
    SETS(hip_progression_variable.HIP_PROGRESSION_VAR_SETS),
    /** {@code HIP_PROGRESSION_VAR_HOLD}: Hold_s. */
    HOLD(hip_progression_variable.HIP_PROGRESSION_VAR_HOLD),
    /** {@code HIP_PROGRESSION_VAR_LOAD}: Load_kg. */
    LOAD(hip_progression_variable.HIP_PROGRESSION_VAR_LOAD);

    private final int value;

    ProgressionVariable(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_progression_variable} number
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
        return HiptrackNative.hip_progression_variable_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_progression_variable} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static ProgressionVariable fromValue(int value) {
        for (ProgressionVariable e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no ProgressionVariable with value " + value);
    }
}
