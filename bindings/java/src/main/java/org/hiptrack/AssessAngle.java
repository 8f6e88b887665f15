package org.hiptrack;

import java.util.EnumSet;
import java.util.Set;
import org.hiptrack.internal.hip_assess_angle_bit;

/** A pose angle of a frame ({@code hip_assess_angle_bit}); a frame has a set of valid ones. */
public enum AssessAngle {
    /** {@code HIP_ASSESS_ANGLE_HIP_FLEXION}. */
    HIP_FLEXION(hip_assess_angle_bit.HIP_ASSESS_ANGLE_HIP_FLEXION),
    /** {@code HIP_ASSESS_ANGLE_HIP_ABDUCTION}. */
    HIP_ABDUCTION(hip_assess_angle_bit.HIP_ASSESS_ANGLE_HIP_ABDUCTION),
    /** {@code HIP_ASSESS_ANGLE_HIP_ROTATION}. */
    HIP_ROTATION(hip_assess_angle_bit.HIP_ASSESS_ANGLE_HIP_ROTATION),
    /** {@code HIP_ASSESS_ANGLE_KNEE_FLEXION}. */
    KNEE_FLEXION(hip_assess_angle_bit.HIP_ASSESS_ANGLE_KNEE_FLEXION),
    /** {@code HIP_ASSESS_ANGLE_TRUNK_LEAN_SAGITTAL}. */
    TRUNK_LEAN_SAGITTAL(hip_assess_angle_bit.HIP_ASSESS_ANGLE_TRUNK_LEAN_SAGITTAL),
    /** {@code HIP_ASSESS_ANGLE_TRUNK_LEAN_FRONTAL}. */
    TRUNK_LEAN_FRONTAL(hip_assess_angle_bit.HIP_ASSESS_ANGLE_TRUNK_LEAN_FRONTAL),
    /** {@code HIP_ASSESS_ANGLE_PELVIC_OBLIQUITY}. */
    PELVIC_OBLIQUITY(hip_assess_angle_bit.HIP_ASSESS_ANGLE_PELVIC_OBLIQUITY);

    private final int value;

    AssessAngle(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_assess_angle_bit} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_assess_angle_bit} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static AssessAngle fromValue(int value) {
        for (AssessAngle e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no AssessAngle with value " + value);
    }

    /**
     * The flags set in a bit mask.
     *
     * @param bits {@code hip_assess_angle_bit} bits; unknown bits are ignored
     * @return a new set
     */
    public static EnumSet<AssessAngle> fromBits(int bits) {
        EnumSet<AssessAngle> set = EnumSet.noneOf(AssessAngle.class);
        for (AssessAngle f : values())
            if ((bits & f.value) != 0) set.add(f);
        return set;
    }

    /**
     * The bit mask of a set of flags.
     *
     * @param flags the flags
     * @return their bits ORed together
     */
    public static int toBits(Set<AssessAngle> flags) {
        int bits = 0;
        for (AssessAngle f : flags) bits |= f.value;
        return bits;
    }
}
