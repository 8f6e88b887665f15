package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_assess_source;

/** What an assessment is fed ({@code hip_assess_source}). */
public enum AssessSource {
    /** {@code HIP_ASSESS_SOURCE_IMU}: Push with hip_assess_push_imu. */
    IMU(hip_assess_source.HIP_ASSESS_SOURCE_IMU),
    /** {@code HIP_ASSESS_SOURCE_POSE}: Push with hip_assess_push_angles. */
    POSE(hip_assess_source.HIP_ASSESS_SOURCE_POSE);

    private final int value;

    AssessSource(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_assess_source} number
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
        return HiptrackNative.hip_assess_source_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_assess_source} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static AssessSource fromValue(int value) {
        for (AssessSource e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no AssessSource with value " + value);
    }
}
