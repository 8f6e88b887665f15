package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_assess_failure;

/** Why an assessment failed ({@code hip_assess_failure}). */
public enum AssessFailure {
    /** {@code HIP_ASSESS_FAIL_NONE}. */
    NONE(hip_assess_failure.HIP_ASSESS_FAIL_NONE),
    /** {@code HIP_ASSESS_FAIL_MOVED_DURING_CALIBRATION}: Moved before the start pose was measured. */
    MOVED_DURING_CALIBRATION(hip_assess_failure.HIP_ASSESS_FAIL_MOVED_DURING_CALIBRATION),
    /** {@code HIP_ASSESS_FAIL_NO_STILLNESS}: Never still for calibration within max_wait_s. */
    NO_STILLNESS(hip_assess_failure.HIP_ASSESS_FAIL_NO_STILLNESS),
    /** {@code HIP_ASSESS_FAIL_NO_MOVEMENT}: Finished (or max_wait_s passed) without moving move_deg. */
    NO_MOVEMENT(hip_assess_failure.HIP_ASSESS_FAIL_NO_MOVEMENT),
    /** {@code HIP_ASSESS_FAIL_GAP}: A timestamp step longer than max_gap_s. */
    GAP(hip_assess_failure.HIP_ASSESS_FAIL_GAP),
    /** {@code HIP_ASSESS_FAIL_LOST_TRACKING}: Pose: no valid primary angle for max_gap_s. */
    LOST_TRACKING(hip_assess_failure.HIP_ASSESS_FAIL_LOST_TRACKING),
    /** {@code HIP_ASSESS_FAIL_TOO_LONG}: Still moving after max_duration_s. */
    TOO_LONG(hip_assess_failure.HIP_ASSESS_FAIL_TOO_LONG);

    private final int value;

    AssessFailure(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_assess_failure} number
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
        return HiptrackNative.hip_assess_failure_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_assess_failure} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static AssessFailure fromValue(int value) {
        for (AssessFailure e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no AssessFailure with value " + value);
    }
}
