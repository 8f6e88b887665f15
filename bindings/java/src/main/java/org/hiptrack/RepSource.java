package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_rep_source;

/** Which signal a rep was counted on ({@code hip_rep_source}). */
public enum RepSource {
    /** {@code HIP_REP_SOURCE_ROTATION}: The tilt of the sensor (or the input angle). */
    ROTATION(hip_rep_source.HIP_REP_SOURCE_ROTATION),
    /** {@code HIP_REP_SOURCE_TRANSLATION}: The gravity-free displacement of the sensor. */
    TRANSLATION(hip_rep_source.HIP_REP_SOURCE_TRANSLATION);

    private final int value;

    RepSource(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_rep_source} number
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
        return HiptrackNative.hip_rep_source_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_rep_source} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static RepSource fromValue(int value) {
        for (RepSource e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no RepSource with value " + value);
    }
}
