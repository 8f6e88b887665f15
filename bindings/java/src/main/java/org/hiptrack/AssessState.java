package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_assess_state;

/** Where an assessment is ({@code hip_assess_state}); a UI follows it. */
public enum AssessState {
    /** {@code HIP_ASSESS_WAITING}: Waiting for the person to hold still. */
    WAITING(hip_assess_state.HIP_ASSESS_WAITING),
    /** {@code HIP_ASSESS_CALIBRATING}: Still: the start pose is being measured (calibration_s). */
    CALIBRATING(hip_assess_state.HIP_ASSESS_CALIBRATING),
    /** {@code HIP_ASSESS_READY}: Start pose calibrated: "move now". */
    READY(hip_assess_state.HIP_ASSESS_READY),
    /** {@code HIP_ASSESS_MOVING}: Moved more than move_deg from the start. */
    MOVING(hip_assess_state.HIP_ASSESS_MOVING),
    /** {@code HIP_ASSESS_HELD}: Still at (near) the maximum for hold_s. */
    HELD(hip_assess_state.HIP_ASSESS_HELD),
    /** {@code HIP_ASSESS_DONE}: Returned to the start (or finished): the result is ready. */
    DONE(hip_assess_state.HIP_ASSESS_DONE),
    /** {@code HIP_ASSESS_FAILED}: See hip_assess_failure. */
    FAILED(hip_assess_state.HIP_ASSESS_FAILED);

    private final int value;

    AssessState(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_assess_state} number
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
        return HiptrackNative.hip_assess_state_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_assess_state} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static AssessState fromValue(int value) {
        for (AssessState e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no AssessState with value " + value);
    }
}
