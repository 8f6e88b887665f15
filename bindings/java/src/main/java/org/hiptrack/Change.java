package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_change;

/** The single attribute a progression edge changes ({@code hip_change}). */
public enum Change {
    /** {@code HIP_CHANGE_LEVEL}: A harder variant of the movement. */
    LEVEL(hip_change.HIP_CHANGE_LEVEL),
    /** {@code HIP_CHANGE_SUPPORT}: Less hand support or a less stable surface. */
    SUPPORT(hip_change.HIP_CHANGE_SUPPORT),
    /** {@code HIP_CHANGE_LOAD}: Added weight or band. */
    LOAD(hip_change.HIP_CHANGE_LOAD),
    /** {@code HIP_CHANGE_LEVER}: A longer lever arm. */
    LEVER(hip_change.HIP_CHANGE_LEVER),
    /** {@code HIP_CHANGE_RANGE}: A larger range of motion. */
    RANGE(hip_change.HIP_CHANGE_RANGE),
    /** {@code HIP_CHANGE_DURATION}: A longer bout. */
    DURATION(hip_change.HIP_CHANGE_DURATION);

    private final int value;

    Change(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_change} number
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
        return HiptrackNative.hip_change_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_change} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Change fromValue(int value) {
        for (Change e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Change with value " + value);
    }
}
