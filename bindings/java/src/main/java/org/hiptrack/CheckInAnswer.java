package org.hiptrack;

import java.util.EnumSet;
import java.util.Set;
import org.hiptrack.internal.hip_checkin_answer;

/** A "yes" answer of a red-flag symptom check-in ({@code hip_checkin_answer}); a {@link CheckIn} has a set of them. */
public enum CheckInAnswer {
    /** {@code HIP_CHECKIN_FEVER}: Fever, chills or feeling systemically unwell. */
    FEVER(hip_checkin_answer.HIP_CHECKIN_FEVER),
    /** {@code HIP_CHECKIN_HIP_PAIN}: Hip pain now. */
    HIP_PAIN(hip_checkin_answer.HIP_CHECKIN_HIP_PAIN),
    /** {@code HIP_CHECKIN_HOT_SWOLLEN_HIP}: Hot, red, swollen hip. */
    HOT_SWOLLEN_HIP(hip_checkin_answer.HIP_CHECKIN_HOT_SWOLLEN_HIP),
    /** {@code HIP_CHECKIN_FALL}: Recent fall or trauma. */
    FALL(hip_checkin_answer.HIP_CHECKIN_FALL),
    /** {@code HIP_CHECKIN_CANNOT_BEAR_WEIGHT}: Cannot put weight on the leg. */
    CANNOT_BEAR_WEIGHT(hip_checkin_answer.HIP_CHECKIN_CANNOT_BEAR_WEIGHT),
    /** {@code HIP_CHECKIN_DEFORMITY}: Leg suddenly shorter / turned out, new deformity. */
    DEFORMITY(hip_checkin_answer.HIP_CHECKIN_DEFORMITY),
    /** {@code HIP_CHECKIN_CANNOT_WALK}: New inability to walk or to move the hip. */
    CANNOT_WALK(hip_checkin_answer.HIP_CHECKIN_CANNOT_WALK),
    /** {@code HIP_CHECKIN_SADDLE_BLADDER_BOWEL}: New saddle numbness or bladder/bowel problems. */
    SADDLE_BLADDER_BOWEL(hip_checkin_answer.HIP_CHECKIN_SADDLE_BLADDER_BOWEL),
    /** {@code HIP_CHECKIN_RECENT_PROCEDURE}: Recent hip injection/surgery or immunosuppression. */
    RECENT_PROCEDURE(hip_checkin_answer.HIP_CHECKIN_RECENT_PROCEDURE),
    /** {@code HIP_CHECKIN_NEW_WARMTH}: New warmth of the hip. */
    NEW_WARMTH(hip_checkin_answer.HIP_CHECKIN_NEW_WARMTH),
    /** {@code HIP_CHECKIN_WORSENING_PAIN}: New or worsening hip pain. */
    WORSENING_PAIN(hip_checkin_answer.HIP_CHECKIN_WORSENING_PAIN),
    /** {@code HIP_CHECKIN_SUDDEN_SEVERE_PAIN}: Sudden severe pain without trauma. */
    SUDDEN_SEVERE_PAIN(hip_checkin_answer.HIP_CHECKIN_SUDDEN_SEVERE_PAIN),
    /** {@code HIP_CHECKIN_CANCER_HISTORY}: History of cancer. */
    CANCER_HISTORY(hip_checkin_answer.HIP_CHECKIN_CANCER_HISTORY),
    /** {@code HIP_CHECKIN_NIGHT_PAIN}: New night pain. */
    NIGHT_PAIN(hip_checkin_answer.HIP_CHECKIN_NIGHT_PAIN),
    /** {@code HIP_CHECKIN_WEIGHT_LOSS}: Unexplained weight loss, night sweats, no appetite. */
    WEIGHT_LOSS(hip_checkin_answer.HIP_CHECKIN_WEIGHT_LOSS),
    /** {@code HIP_CHECKIN_CONSTANT_PAIN}: Constant pain, also at night and at rest. */
    CONSTANT_PAIN(hip_checkin_answer.HIP_CHECKIN_CONSTANT_PAIN),
    /** {@code HIP_CHECKIN_NUMBNESS_WEAKNESS}: New numbness, tingling or progressive leg weakness. */
    NUMBNESS_WEAKNESS(hip_checkin_answer.HIP_CHECKIN_NUMBNESS_WEAKNESS),
    /** {@code HIP_CHECKIN_GROIN_LUMP_ABDOMINAL}: Groin lump/pulsation, blood in urine, testicular swelling, abdominal symptoms. */
    GROIN_LUMP_ABDOMINAL(hip_checkin_answer.HIP_CHECKIN_GROIN_LUMP_ABDOMINAL),
    /** {@code HIP_CHECKIN_RAPID_WORSENING}: Rapidly worsening symptoms or deformity. */
    RAPID_WORSENING(hip_checkin_answer.HIP_CHECKIN_RAPID_WORSENING),
    /** {@code HIP_CHECKIN_STEROIDS_ALCOHOL}: Long-term steroids or heavy alcohol use. */
    STEROIDS_ALCOHOL(hip_checkin_answer.HIP_CHECKIN_STEROIDS_ALCOHOL),
    /** {@code HIP_CHECKIN_GROIN_PAIN}: New groin pain. */
    GROIN_PAIN(hip_checkin_answer.HIP_CHECKIN_GROIN_PAIN),
    /** {@code HIP_CHECKIN_MORNING_STIFFNESS}: Morning stiffness &gt; 30 min or several swollen joints. */
    MORNING_STIFFNESS(hip_checkin_answer.HIP_CHECKIN_MORNING_STIFFNESS),
    /** {@code HIP_CHECKIN_CALF_PAIN}: Calf pain or swelling. */
    CALF_PAIN(hip_checkin_answer.HIP_CHECKIN_CALF_PAIN),
    /** {@code HIP_CHECKIN_REST_PAIN_PERSISTS}: Pain at rest has not eased with rest for &gt; 24 h. */
    REST_PAIN_PERSISTS(hip_checkin_answer.HIP_CHECKIN_REST_PAIN_PERSISTS);

    private final int value;

    CheckInAnswer(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_checkin_answer} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_checkin_answer} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static CheckInAnswer fromValue(int value) {
        for (CheckInAnswer e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no CheckInAnswer with value " + value);
    }

    /**
     * The flags set in a bit mask.
     *
     * @param bits {@code hip_checkin_answer} bits; unknown bits are ignored
     * @return a new set
     */
    public static EnumSet<CheckInAnswer> fromBits(int bits) {
        EnumSet<CheckInAnswer> set = EnumSet.noneOf(CheckInAnswer.class);
        for (CheckInAnswer f : values())
            if ((bits & f.value) != 0) set.add(f);
        return set;
    }

    /**
     * The bit mask of a set of flags.
     *
     * @param flags the flags
     * @return their bits ORed together
     */
    public static int toBits(Set<CheckInAnswer> flags) {
        int bits = 0;
        for (CheckInAnswer f : flags) bits |= f.value;
        return bits;
    }
}
