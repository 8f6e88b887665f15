package org.hiptrack;

import org.hiptrack.internal.hip_progression_class;

/** The class of a progression rule ({@code hip_progression_class}): the direction of its action, which orders decisions. */
public enum RuleClass {
    /** {@code HIP_PROGRESSION_CLASS_PROGRESS}: Advance, or a change that increases. */
    PROGRESS(hip_progression_class.HIP_PROGRESSION_CLASS_PROGRESS),
    /** {@code HIP_PROGRESSION_CLASS_KEEP}. */
    KEEP(hip_progression_class.HIP_PROGRESSION_CLASS_KEEP),
    /** {@code HIP_PROGRESSION_CLASS_REDUCE}: Pause, regress, or a change that decreases. */
    REDUCE(hip_progression_class.HIP_PROGRESSION_CLASS_REDUCE),
    /** {@code HIP_PROGRESSION_CLASS_REFER}. */
    REFER(hip_progression_class.HIP_PROGRESSION_CLASS_REFER);

    private final int value;

    RuleClass(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_progression_class} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_progression_class} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static RuleClass fromValue(int value) {
        for (RuleClass e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no RuleClass with value " + value);
    }
}
