package org.hiptrack;

import org.hiptrack.internal.hip_progression_window;

/** The unit of a rule input's window ({@code hip_progression_window}). */
public enum WindowUnit {
    /** {@code HIP_PROGRESSION_WINDOW_NONE}. */
    NONE(hip_progression_window.HIP_PROGRESSION_WINDOW_NONE),
    /** {@code HIP_PROGRESSION_WINDOW_SESSIONS}. */
    SESSIONS(hip_progression_window.HIP_PROGRESSION_WINDOW_SESSIONS),
    /** {@code HIP_PROGRESSION_WINDOW_DAYS}. */
    DAYS(hip_progression_window.HIP_PROGRESSION_WINDOW_DAYS);

    private final int value;

    WindowUnit(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_progression_window} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_progression_window} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static WindowUnit fromValue(int value) {
        for (WindowUnit e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no WindowUnit with value " + value);
    }
}
