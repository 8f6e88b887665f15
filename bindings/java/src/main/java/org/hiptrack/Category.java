package org.hiptrack;

import java.util.EnumSet;
import java.util.Set;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_category;

/** An exercise category ({@code hip_category}); an exercise has a set of them. */
public enum Category {
    /** {@code HIP_CATEGORY_STRENGTH}. */
    STRENGTH(hip_category.HIP_CATEGORY_STRENGTH),
    /** {@code HIP_CATEGORY_MOBILITY}. */
    MOBILITY(hip_category.HIP_CATEGORY_MOBILITY),
    /** {@code HIP_CATEGORY_STRETCH}. */
    STRETCH(hip_category.HIP_CATEGORY_STRETCH),
    /** {@code HIP_CATEGORY_BALANCE}. */
    BALANCE(hip_category.HIP_CATEGORY_BALANCE),
    /** {@code HIP_CATEGORY_AEROBIC}. */
    AEROBIC(hip_category.HIP_CATEGORY_AEROBIC),
    /** {@code HIP_CATEGORY_FUNCTIONAL}. */
    FUNCTIONAL(hip_category.HIP_CATEGORY_FUNCTIONAL),
    /** {@code HIP_CATEGORY_MOTOR_CONTROL}. */
    MOTOR_CONTROL(hip_category.HIP_CATEGORY_MOTOR_CONTROL);

    private final int value;

    Category(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_category} number
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
        return HiptrackNative.hip_category_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_category} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Category fromValue(int value) {
        for (Category e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Category with value " + value);
    }

    /**
     * The flags set in a bit mask.
     *
     * @param bits {@code hip_category} bits; unknown bits are ignored
     * @return a new set
     */
    public static EnumSet<Category> fromBits(int bits) {
        EnumSet<Category> set = EnumSet.noneOf(Category.class);
        for (Category f : values())
            if ((bits & f.value) != 0) set.add(f);
        return set;
    }

    /**
     * The bit mask of a set of flags.
     *
     * @param flags the flags
     * @return their bits ORed together
     */
    public static int toBits(Set<Category> flags) {
        int bits = 0;
        for (Category f : flags) bits |= f.value;
        return bits;
    }
}
