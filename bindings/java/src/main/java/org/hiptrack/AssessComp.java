package org.hiptrack;

import java.util.EnumSet;
import java.util.Set;
import org.hiptrack.internal.hip_assess_comp;

/** A compensation seen during an assessment ({@code hip_assess_comp}); a result has a set of them. */
public enum AssessComp {
    /** {@code HIP_ASSESS_COMP_OUT_OF_PLANE}: Thigh left the plane (e.g. abduction during flexion). */
    OUT_OF_PLANE(hip_assess_comp.HIP_ASSESS_COMP_OUT_OF_PLANE),
    /** {@code HIP_ASSESS_COMP_THIGH_ROTATION}: Rotation about the femur's long axis (IMU, standing; pose). */
    THIGH_ROTATION(hip_assess_comp.HIP_ASSESS_COMP_THIGH_ROTATION),
    /** {@code HIP_ASSESS_COMP_TRUNK_LEAN}: Pose: trunk lean changed (sagittal or frontal). */
    TRUNK_LEAN(hip_assess_comp.HIP_ASSESS_COMP_TRUNK_LEAN),
    /** {@code HIP_ASSESS_COMP_PELVIC_DROP}: Pose: pelvic obliquity changed (drop or hike). */
    PELVIC_DROP(hip_assess_comp.HIP_ASSESS_COMP_PELVIC_DROP);

    private final int value;

    AssessComp(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_assess_comp} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_assess_comp} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static AssessComp fromValue(int value) {
        for (AssessComp e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no AssessComp with value " + value);
    }

    /**
     * The flags set in a bit mask.
     *
     * @param bits {@code hip_assess_comp} bits; unknown bits are ignored
     * @return a new set
     */
    public static EnumSet<AssessComp> fromBits(int bits) {
        EnumSet<AssessComp> set = EnumSet.noneOf(AssessComp.class);
        for (AssessComp f : values())
            if ((bits & f.value) != 0) set.add(f);
        return set;
    }

    /**
     * The bit mask of a set of flags.
     *
     * @param flags the flags
     * @return their bits ORed together
     */
    public static int toBits(Set<AssessComp> flags) {
        int bits = 0;
        for (AssessComp f : flags) bits |= f.value;
        return bits;
    }
}
