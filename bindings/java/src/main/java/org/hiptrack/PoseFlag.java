package org.hiptrack;

import java.util.EnumSet;
import java.util.Set;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pose_flag;

/** A compensation seen in a rep ({@code hip_pose_flag}); a rep has a set of them. */
public enum PoseFlag {
    /** {@code HIP_POSE_FLAG_TRUNK_LEAN}: Trunk leaned forwards beyond trunk_lean_max_deg or sideways beyond trunk_lateral_max_deg. */
    TRUNK_LEAN(hip_pose_flag.HIP_POSE_FLAG_TRUNK_LEAN),
    /** {@code HIP_POSE_FLAG_PELVIC_DROP}: Pelvic obliquity moved beyond pelvic_change_max_deg from the rep's start (drop or hitch). */
    PELVIC_DROP(hip_pose_flag.HIP_POSE_FLAG_PELVIC_DROP),
    /** {@code HIP_POSE_FLAG_KNEE_VALGUS}: A knee inside the hip-ankle line beyond knee_valgus_max_deg. */
    KNEE_VALGUS(hip_pose_flag.HIP_POSE_FLAG_KNEE_VALGUS),
    /** {@code HIP_POSE_FLAG_ASYMMETRY}: The smaller side's excursion below asymmetry_min_ratio x the larger (bilateral exercises). */
    ASYMMETRY(hip_pose_flag.HIP_POSE_FLAG_ASYMMETRY);

    private final int value;

    PoseFlag(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pose_flag} number
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
        return HiptrackNative.hip_pose_flag_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pose_flag} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PoseFlag fromValue(int value) {
        for (PoseFlag e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PoseFlag with value " + value);
    }

    /**
     * The flags set in a bit mask.
     *
     * @param bits {@code hip_pose_flag} bits; unknown bits are ignored
     * @return a new set
     */
    public static EnumSet<PoseFlag> fromBits(int bits) {
        EnumSet<PoseFlag> set = EnumSet.noneOf(PoseFlag.class);
        for (PoseFlag f : values())
            if ((bits & f.value) != 0) set.add(f);
        return set;
    }

    /**
     * The bit mask of a set of flags.
     *
     * @param flags the flags
     * @return their bits ORed together
     */
    public static int toBits(Set<PoseFlag> flags) {
        int bits = 0;
        for (PoseFlag f : flags) bits |= f.value;
        return bits;
    }
}
