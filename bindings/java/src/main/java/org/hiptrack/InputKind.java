package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_reps_input;

/** What a rep detector is fed ({@code hip_reps_input}); {@link #width()} floats per sample. */
public enum InputKind {
    /** {@code HIP_REPS_INPUT_IMU}: 6 floats: ax ay az (m/s^2, gravity included), gx gy gz (rad/s). */
    IMU(hip_reps_input.HIP_REPS_INPUT_IMU),
    /** {@code HIP_REPS_INPUT_ACCEL}: 3 floats: ax ay az (m/s^2, gravity included). */
    ACCEL(hip_reps_input.HIP_REPS_INPUT_ACCEL),
    /** {@code HIP_REPS_INPUT_ANGLE}: 1 float: an angle in degrees. */
    ANGLE(hip_reps_input.HIP_REPS_INPUT_ANGLE);

    private final int value;

    InputKind(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_reps_input} number
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
        return HiptrackNative.hip_reps_input_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_reps_input} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static InputKind fromValue(int value) {
        for (InputKind e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no InputKind with value " + value);
    }

    /**
     * Floats per sample: 6 (imu), 3 (accel) or 1 (angle).
     *
     * @return the sample width
     */
    public int width() {
        return (int) HiptrackNative.hip_reps_input_width(value);
    }
}
