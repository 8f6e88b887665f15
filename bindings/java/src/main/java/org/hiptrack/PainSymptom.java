package org.hiptrack;

import java.util.EnumSet;
import java.util.Set;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pain_symptom;

/** A symptom flag of a pain entry ({@code hip_pain_symptom}); an entry has a set of them. */
public enum PainSymptom {
    /** {@code HIP_PAIN_SYMPTOM_STIFFNESS}. */
    STIFFNESS(hip_pain_symptom.HIP_PAIN_SYMPTOM_STIFFNESS),
    /** {@code HIP_PAIN_SYMPTOM_SWELLING}. */
    SWELLING(hip_pain_symptom.HIP_PAIN_SYMPTOM_SWELLING),
    /** {@code HIP_PAIN_SYMPTOM_GIVING_WAY}. */
    GIVING_WAY(hip_pain_symptom.HIP_PAIN_SYMPTOM_GIVING_WAY),
    /** {@code HIP_PAIN_SYMPTOM_CLICKING}. */
    CLICKING(hip_pain_symptom.HIP_PAIN_SYMPTOM_CLICKING),
    /** {@code HIP_PAIN_SYMPTOM_REDUCED_MOBILITY}. */
    REDUCED_MOBILITY(hip_pain_symptom.HIP_PAIN_SYMPTOM_REDUCED_MOBILITY),
    /** {@code HIP_PAIN_SYMPTOM_CATCHING_LOCKING}. */
    CATCHING_LOCKING(hip_pain_symptom.HIP_PAIN_SYMPTOM_CATCHING_LOCKING),
    /** {@code HIP_PAIN_SYMPTOM_LIMP}. */
    LIMP(hip_pain_symptom.HIP_PAIN_SYMPTOM_LIMP),
    /** {@code HIP_PAIN_SYMPTOM_WEAKNESS}. */
    WEAKNESS(hip_pain_symptom.HIP_PAIN_SYMPTOM_WEAKNESS),
    /** {@code HIP_PAIN_SYMPTOM_NUMBNESS_TINGLING}. */
    NUMBNESS_TINGLING(hip_pain_symptom.HIP_PAIN_SYMPTOM_NUMBNESS_TINGLING);

    private final int value;

    PainSymptom(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_symptom} number
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
        return HiptrackNative.hip_pain_symptom_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_symptom} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainSymptom fromValue(int value) {
        for (PainSymptom e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainSymptom with value " + value);
    }

    /**
     * The flags set in a bit mask.
     *
     * @param bits {@code hip_pain_symptom} bits; unknown bits are ignored
     * @return a new set
     */
    public static EnumSet<PainSymptom> fromBits(int bits) {
        EnumSet<PainSymptom> set = EnumSet.noneOf(PainSymptom.class);
        for (PainSymptom f : values())
            if ((bits & f.value) != 0) set.add(f);
        return set;
    }

    /**
     * The bit mask of a set of flags.
     *
     * @param flags the flags
     * @return their bits ORed together
     */
    public static int toBits(Set<PainSymptom> flags) {
        int bits = 0;
        for (PainSymptom f : flags) bits |= f.value;
        return bits;
    }
}
