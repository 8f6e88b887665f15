package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_segment;

/** The body segment a worn sensor or pose tracker follows ({@code hip_segment}). */
public enum Segment {
    /** {@code HIP_SEGMENT_THIGH}. */
    THIGH(hip_segment.HIP_SEGMENT_THIGH),
    /** {@code HIP_SEGMENT_SHANK}. */
    SHANK(hip_segment.HIP_SEGMENT_SHANK),
    /** {@code HIP_SEGMENT_PELVIS}. */
    PELVIS(hip_segment.HIP_SEGMENT_PELVIS),
    /** {@code HIP_SEGMENT_TRUNK}. */
    TRUNK(hip_segment.HIP_SEGMENT_TRUNK),
    /** {@code HIP_SEGMENT_FOOT}. */
    FOOT(hip_segment.HIP_SEGMENT_FOOT),
    /** {@code HIP_SEGMENT_UPPER_ARM}. */
    UPPER_ARM(hip_segment.HIP_SEGMENT_UPPER_ARM),
    /** {@code HIP_SEGMENT_FOREARM}. */
    FOREARM(hip_segment.HIP_SEGMENT_FOREARM);

    private final int value;

    Segment(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_segment} number
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
        return HiptrackNative.hip_segment_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_segment} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Segment fromValue(int value) {
        for (Segment e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Segment with value " + value);
    }
}
