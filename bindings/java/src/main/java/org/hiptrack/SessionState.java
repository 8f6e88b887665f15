package org.hiptrack;

import org.hiptrack.internal.hip_session_state;

/** The state of a {@link Session} ({@code hip_session_state}). */
public enum SessionState {
    /** {@code HIP_SESSION_NEW}: Created, not started (an import target). */
    NEW(hip_session_state.HIP_SESSION_NEW),
    /** {@code HIP_SESSION_RUNNING}: Started: exercises, sets, reps and pain may be added. */
    RUNNING(hip_session_state.HIP_SESSION_RUNNING),
    /** {@code HIP_SESSION_FINISHED}: Finished or imported: immutable. */
    FINISHED(hip_session_state.HIP_SESSION_FINISHED);

    private final int value;

    SessionState(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_session_state} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_session_state} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static SessionState fromValue(int value) {
        for (SessionState e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no SessionState with value " + value);
    }
}
