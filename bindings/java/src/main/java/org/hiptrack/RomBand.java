package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_rom_band;

/** A range of motion against its normal value ({@code hip_rom_band}). */
public enum RomBand {
    /** {@code HIP_ROM_WITHIN_NORMAL}. */
    WITHIN_NORMAL(hip_rom_band.HIP_ROM_WITHIN_NORMAL),
    /** {@code HIP_ROM_REDUCED}. */
    REDUCED(hip_rom_band.HIP_ROM_REDUCED),
    /** {@code HIP_ROM_MARKEDLY_REDUCED}. */
    MARKEDLY_REDUCED(hip_rom_band.HIP_ROM_MARKEDLY_REDUCED);

    private final int value;

    RomBand(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_rom_band} number
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
        return HiptrackNative.hip_rom_band_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_rom_band} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static RomBand fromValue(int value) {
        for (RomBand e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no RomBand with value " + value);
    }
}
