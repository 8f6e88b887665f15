package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_rom_motion;

/** The motion a range-of-motion assessment measures ({@code hip_rom_motion}). */
public enum RomMotion {
    /** {@code HIP_ROM_FLEXION}. */
    FLEXION(hip_rom_motion.HIP_ROM_FLEXION),
    /** {@code HIP_ROM_EXTENSION}. */
    EXTENSION(hip_rom_motion.HIP_ROM_EXTENSION),
    /** {@code HIP_ROM_ABDUCTION}. */
    ABDUCTION(hip_rom_motion.HIP_ROM_ABDUCTION),
    /** {@code HIP_ROM_ADDUCTION}. */
    ADDUCTION(hip_rom_motion.HIP_ROM_ADDUCTION),
    /** {@code HIP_ROM_INTERNAL_ROTATION}. */
    INTERNAL_ROTATION(hip_rom_motion.HIP_ROM_INTERNAL_ROTATION),
    /** {@code HIP_ROM_EXTERNAL_ROTATION}. */
    EXTERNAL_ROTATION(hip_rom_motion.HIP_ROM_EXTERNAL_ROTATION),
    /** {@code HIP_ROM_KNEE_FLEXION}: Pose angles, or an IMU on the shank. */
    KNEE_FLEXION(hip_rom_motion.HIP_ROM_KNEE_FLEXION);

    private final int value;

    RomMotion(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_rom_motion} number
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
        return HiptrackNative.hip_rom_motion_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_rom_motion} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static RomMotion fromValue(int value) {
        for (RomMotion e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no RomMotion with value " + value);
    }
}
