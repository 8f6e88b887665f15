package org.hiptrack;

import java.util.EnumSet;
import java.util.Set;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_rep_flag;

/** A quality flag of a detected rep ({@code hip_rep_flag}); a rep has a set of them. */
public enum RepFlag {
    /** {@code HIP_REP_PARTIAL}: Excursion below partial_ratio x reference. */
    PARTIAL(hip_rep_flag.HIP_REP_PARTIAL),
    /** {@code HIP_REP_TOO_FAST}: Duration below fast_ratio x reference. */
    TOO_FAST(hip_rep_flag.HIP_REP_TOO_FAST),
    /** {@code HIP_REP_TOO_SLOW}: Duration above slow_ratio x reference. */
    TOO_SLOW(hip_rep_flag.HIP_REP_TOO_SLOW),
    /** {@code HIP_REP_HOLD_SHORT}: Hold below hold_tolerance x the prescribed hold. */
    HOLD_SHORT(hip_rep_flag.HIP_REP_HOLD_SHORT);

    private final int value;

    RepFlag(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_rep_flag} number
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
        return HiptrackNative.hip_rep_flag_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_rep_flag} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static RepFlag fromValue(int value) {
        for (RepFlag e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no RepFlag with value " + value);
    }

    /**
     * The flags set in a bit mask.
     *
     * @param bits {@code hip_rep_flag} bits; unknown bits are ignored
     * @return a new set
     */
    public static EnumSet<RepFlag> fromBits(int bits) {
        EnumSet<RepFlag> set = EnumSet.noneOf(RepFlag.class);
        for (RepFlag f : values())
            if ((bits & f.value) != 0) set.add(f);
        return set;
    }

    /**
     * The bit mask of a set of flags.
     *
     * @param flags the flags
     * @return their bits ORed together
     */
    public static int toBits(Set<RepFlag> flags) {
        int bits = 0;
        for (RepFlag f : flags) bits |= f.value;
        return bits;
    }
}
