package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_progression_action;

/** What a progression decision does to an exercise ({@code hip_progression_action}). */
public enum ProgressionAction {
    /** {@code HIP_PROGRESSION_KEEP}: No change (also: no rule fired, or none could change). */
    KEEP(hip_progression_action.HIP_PROGRESSION_KEEP),
    /** {@code HIP_PROGRESSION_CHANGE}: Change reps, sets, hold or load. */
    CHANGE(hip_progression_action.HIP_PROGRESSION_CHANGE),
    /** {@code HIP_PROGRESSION_ADVANCE}: The next harder variant in the catalog graph. */
    ADVANCE(hip_progression_action.HIP_PROGRESSION_ADVANCE),
    /** {@code HIP_PROGRESSION_REGRESS}: The next easier variant. */
    REGRESS(hip_progression_action.HIP_PROGRESSION_REGRESS),
    /** {@code HIP_PROGRESSION_PAUSE}: No progression until the cause (a flare) has passed. */
    PAUSE(hip_progression_action.HIP_PROGRESSION_PAUSE),
    /** {@code HIP_PROGRESSION_REFER}: Stop automatic changes: refer to a clinician. */
    REFER(hip_progression_action.HIP_PROGRESSION_REFER);

    private final int value;

    ProgressionAction(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_progression_action} number
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
        return HiptrackNative.hip_progression_action_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_progression_action} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static ProgressionAction fromValue(int value) {
        for (ProgressionAction e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no ProgressionAction with value " + value);
    }
}
