package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_abandon_reason;

/** How a session ended ({@code hip_abandon_reason}): NONE when finished, else why it was abandoned. */
public enum AbandonReason {
    /** {@code HIP_ABANDON_NONE}: The session was finished, not abandoned. */
    NONE(hip_abandon_reason.HIP_ABANDON_NONE),
    /** {@code HIP_ABANDON_PAIN}. */
    PAIN(hip_abandon_reason.HIP_ABANDON_PAIN),
    /** {@code HIP_ABANDON_FATIGUE}. */
    FATIGUE(hip_abandon_reason.HIP_ABANDON_FATIGUE),
    /** {@code HIP_ABANDON_TIME}. */
    TIME(hip_abandon_reason.HIP_ABANDON_TIME),
    /** {@code HIP_ABANDON_OTHER}. */
    OTHER(hip_abandon_reason.HIP_ABANDON_OTHER);

    private final int value;

    AbandonReason(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_abandon_reason} number
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
        return HiptrackNative.hip_abandon_reason_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_abandon_reason} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static AbandonReason fromValue(int value) {
        for (AbandonReason e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no AbandonReason with value " + value);
    }
}
