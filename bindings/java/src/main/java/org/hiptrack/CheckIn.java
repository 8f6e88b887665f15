package org.hiptrack;

import java.util.EnumSet;
import java.util.Set;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.HiptrackNativeConstants;
import org.hiptrack.internal.hip_checkin;
import org.hiptrack.internal.hip_ruleset_config;

/**
 * One day's red-flag symptom check-in ({@code hip_checkin}, CLINICAL.md §3.6): a plain value. A
 * clinician's clearance is a check-in with {@link #cleared} true: it clears every red flag reported
 * on or before its day. Check-ins go into a {@link ProgressionHistory}; an uncleared red flag makes
 * every decision {@link ProgressionAction#REFER}.
 */
public final class CheckIn {
    /** Rest pain not recorded ({@code HIPTRACK_NOT_RECORDED}). */
    public static final int NOT_RECORDED = HiptrackNativeConstants.HIPTRACK_NOT_RECORDED;

    /** The member's local calendar day. */
    public CivilDate day;
    /** The questions answered "yes". */
    public Set<CheckInAnswer> answers;
    /** Pain at rest 0..10, or {@link #NOT_RECORDED}. */
    public int restPain;
    /** True when a clinician cleared the red flags. */
    public boolean cleared;

    /**
     * A check-in with no answers, rest pain not recorded, not cleared ({@code hip_checkin_init}).
     *
     * @param day the day
     */
    public CheckIn(CivilDate day) {
        this.day = Values.nonNull(day, "day");
        try (hip_checkin c = new hip_checkin(day.dayNumber())) {
            answers = CheckInAnswer.fromBits((int) c.getAnswers());
            restPain = c.getRest_pain();
            cleared = c.getCleared() != 0;
        }
    }

    /**
     * A check-in with answers.
     *
     * @param day     the day
     * @param answers the questions answered "yes" (none: no arguments)
     * @return a new check-in
     */
    public static CheckIn of(CivilDate day, CheckInAnswer... answers) {
        CheckIn c = new CheckIn(day);
        c.answers = EnumSet.noneOf(CheckInAnswer.class);
        for (CheckInAnswer a : answers) c.answers.add(Values.nonNull(a, "answer"));
        return c;
    }

    /**
     * A clinician's clearance on a day.
     *
     * @param day the day
     * @return a new check-in with {@link #cleared} set
     */
    public static CheckIn clearance(CivilDate day) {
        CheckIn c = new CheckIn(day);
        c.cleared = true;
        return c;
    }

    /** A new C value holding this check-in; the caller closes it. */
    hip_checkin toNative() {
        hip_checkin c = new hip_checkin(Values.nonNull(day, "day").dayNumber());
        try {
            c.setAnswers(Values.u32(CheckInAnswer.toBits(Values.nonNull(answers, "answers"))));
            c.setRest_pain(restPain);
            c.setCleared(cleared ? 1 : 0);
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The red flags of one check-in ({@code hip_progression_red_flags}). */
    public static final class RedFlags {
        /** The RF mask: RF-n is bit n-1 (RF-01 = 1, RF-16 = 1 &lt;&lt; 15). */
        public final int mask;
        /** The highest tier among them ({@link RedFlagTier#NONE} without any). */
        public final RedFlagTier tier;

        RedFlags(int mask, RedFlagTier tier) {
            this.mask = mask;
            this.tier = tier;
        }

        /**
         * Whether RF-n is set.
         *
         * @param n 1..16
         * @return true when bit n-1 of the mask is set
         */
        public boolean has(int n) {
            return n >= 1 && n <= 32 && (mask & (1 << (n - 1))) != 0;
        }

        @Override
        public String toString() {
            return "RedFlags[0x" + Integer.toHexString(mask) + ", " + tier + "]";
        }
    }

    /**
     * The red flags this check-in reports, with the default configuration.
     *
     * @return the RF mask and tier
     * @throws HipException {@link Status#RANGE} for a rest pain out of 0..10
     */
    public RedFlags redFlags() {
        return redFlags(null);
    }

    /**
     * The red flags this check-in reports under a rule-set configuration (which red flags are
     * checked, the RF-16 rest-pain threshold).
     *
     * @param config the configuration, or null for the defaults
     * @return the RF mask and tier
     * @throws HipException {@link Status#RANGE} for a rest pain out of 0..10, {@link
     *     Status#INVALID} for a bad configuration
     */
    public RedFlags redFlags(RuleSet.Config config) {
        long[] mask = new long[1];
        int[] tier = new int[1];
        try (hip_checkin c = toNative(); hip_ruleset_config n = config == null ? null : config.toNative()) {
            NativeHandle.check(HiptrackNative.hip_progression_red_flags(n, c, mask, tier), null);
        }
        return new RedFlags((int) mask[0], RedFlagTier.fromValue(tier[0]));
    }

    @Override
    public String toString() {
        return "CheckIn[" + day + " " + answers + (cleared ? " cleared" : "") + "]";
    }
}
