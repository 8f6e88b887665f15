package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pain_band;

/** A pain severity band ({@code hip_pain_band}). */
public enum PainBand {
    /** {@code HIP_PAIN_BAND_NONE}: 0. */
    NONE(hip_pain_band.HIP_PAIN_BAND_NONE),
    /** {@code HIP_PAIN_BAND_MILD}: 1-3. */
    MILD(hip_pain_band.HIP_PAIN_BAND_MILD),
    /** {@code HIP_PAIN_BAND_MODERATE}: 4-6. */
    MODERATE(hip_pain_band.HIP_PAIN_BAND_MODERATE),
    /** {@code HIP_PAIN_BAND_SEVERE}: 7-9. */
    SEVERE(hip_pain_band.HIP_PAIN_BAND_SEVERE),
    /** {@code HIP_PAIN_BAND_EXCRUCIATING}: 10. */
    EXCRUCIATING(hip_pain_band.HIP_PAIN_BAND_EXCRUCIATING);

    private final int value;

    PainBand(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_band} number
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
        return HiptrackNative.hip_pain_band_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_band} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainBand fromValue(int value) {
        for (PainBand e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainBand with value " + value);
    }
}
