package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_plane;

/** The anatomical plane of the primary motion ({@code hip_plane}). */
public enum Plane {
    /** {@code HIP_PLANE_SAGITTAL}. */
    SAGITTAL(hip_plane.HIP_PLANE_SAGITTAL),
    /** {@code HIP_PLANE_FRONTAL}. */
    FRONTAL(hip_plane.HIP_PLANE_FRONTAL),
    /** {@code HIP_PLANE_TRANSVERSE}. */
    TRANSVERSE(hip_plane.HIP_PLANE_TRANSVERSE),
    /** {@code HIP_PLANE_COMBINED}. */
    COMBINED(hip_plane.HIP_PLANE_COMBINED),
    /** {@code HIP_PLANE_NONE}. */
    NONE(hip_plane.HIP_PLANE_NONE);

    private final int value;

    Plane(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_plane} number
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
        return HiptrackNative.hip_plane_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_plane} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Plane fromValue(int value) {
        for (Plane e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Plane with value " + value);
    }
}
