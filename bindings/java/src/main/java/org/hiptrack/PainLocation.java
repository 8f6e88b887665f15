package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pain_location;

/** Where it hurts ({@code hip_pain_location}). */
public enum PainLocation {
    /** {@code HIP_PAIN_LOCATION_UNSPECIFIED}: LOC_HIP_JOINT_UNSPECIFIED: cannot localise. */
    UNSPECIFIED(hip_pain_location.HIP_PAIN_LOCATION_UNSPECIFIED),
    /** {@code HIP_PAIN_LOCATION_GROIN}. */
    GROIN(hip_pain_location.HIP_PAIN_LOCATION_GROIN),
    /** {@code HIP_PAIN_LOCATION_LATERAL_HIP}. */
    LATERAL_HIP(hip_pain_location.HIP_PAIN_LOCATION_LATERAL_HIP),
    /** {@code HIP_PAIN_LOCATION_BUTTOCK}. */
    BUTTOCK(hip_pain_location.HIP_PAIN_LOCATION_BUTTOCK),
    /** {@code HIP_PAIN_LOCATION_ANTERIOR_THIGH}. */
    ANTERIOR_THIGH(hip_pain_location.HIP_PAIN_LOCATION_ANTERIOR_THIGH),
    /** {@code HIP_PAIN_LOCATION_INNER_THIGH}. */
    INNER_THIGH(hip_pain_location.HIP_PAIN_LOCATION_INNER_THIGH),
    /** {@code HIP_PAIN_LOCATION_LATERAL_THIGH}. */
    LATERAL_THIGH(hip_pain_location.HIP_PAIN_LOCATION_LATERAL_THIGH),
    /** {@code HIP_PAIN_LOCATION_KNEE_REFERRED}. */
    KNEE_REFERRED(hip_pain_location.HIP_PAIN_LOCATION_KNEE_REFERRED),
    /** {@code HIP_PAIN_LOCATION_LOW_BACK}. */
    LOW_BACK(hip_pain_location.HIP_PAIN_LOCATION_LOW_BACK);

    private final int value;

    PainLocation(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_location} number
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
        return HiptrackNative.hip_pain_location_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_location} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainLocation fromValue(int value) {
        for (PainLocation e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainLocation with value " + value);
    }
}
