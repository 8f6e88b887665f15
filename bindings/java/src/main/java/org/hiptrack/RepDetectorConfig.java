package org.hiptrack;

import org.hiptrack.internal.hip_exercise;
import org.hiptrack.internal.hip_reps_config;

/**
 * A rep detector's configuration ({@code hip_reps_config}): generic ("auto") defaults for an
 * input kind, optionally specialised for a catalog exercise with {@link #forExercise}.
 */
public final class RepDetectorConfig {
    /** What the detector is fed. */
    public InputKind input;
    /** True: {@link #profile} applies; false: generic ("auto"). */
    public boolean useProfile;
    /** The motion profile used when {@link #useProfile} is true. */
    public MotionProfile profile;
    /** Prescribed excursion, degrees; 0 = the person's own reference. */
    public double targetExcursionDeg;
    /** Prescribed hold at the far point, seconds; 0 = the profile's, if any. */
    public double targetHoldS;
    /** A longer timestamp step ends the current rep, seconds; 0.2..10, default 1. */
    public double maxGapS;
    /** Reps that form the person's reference, 1..5, default 3. */
    public int referenceReps;
    /** Partial below this share of the reference excursion; default 0.78. */
    public double partialRatio;
    /** Too fast below this share of the reference duration; default 0.6. */
    public double fastRatio;
    /** Too slow above this multiple of the reference duration; default 1.8. */
    public double slowRatio;
    /** Hold too short below this share of the prescribed hold; default 0.8. */
    public double holdTolerance;

    /**
     * Generic defaults for an input kind ({@code hip_reps_config_init}).
     *
     * @param input what the detector is fed
     */
    public RepDetectorConfig(InputKind input) {
        try (hip_reps_config c = new hip_reps_config(Values.nonNull(input, "input").value())) {
            copyFrom(c);
        }
    }

    /**
     * Applies a catalog exercise: its motion profile and, when the dose has one, its hold
     * ({@code hip_reps_config_for_exercise}).
     *
     * @param exercise the exercise
     * @return this configuration
     */
    public RepDetectorConfig forExercise(Exercise exercise) {
        try (hip_reps_config c = toNative(); hip_exercise e = Values.nonNull(exercise, "exercise").toNative()) {
            c.for_exercise(e);
            copyFrom(c);
        }
        return this;
    }

    private void copyFrom(hip_reps_config c) {
        input = InputKind.fromValue(c.getInput());
        useProfile = c.getUse_profile() != 0;
        profile = MotionProfile.from(c.getProfile());
        targetExcursionDeg = c.getTarget_excursion_deg();
        targetHoldS = c.getTarget_hold_s();
        maxGapS = c.getMax_gap_s();
        referenceReps = (int) c.getReference_reps();
        partialRatio = c.getPartial_ratio();
        fastRatio = c.getFast_ratio();
        slowRatio = c.getSlow_ratio();
        holdTolerance = c.getHold_tolerance();
    }

    /** A new C configuration; the caller closes it. */
    hip_reps_config toNative() {
        hip_reps_config c = new hip_reps_config(Values.nonNull(input, "input").value());
        try {
            c.setUse_profile(useProfile ? 1 : 0);
            Values.nonNull(profile, "profile").to(c.getProfile());
            c.setTarget_excursion_deg(targetExcursionDeg);
            c.setTarget_hold_s(targetHoldS);
            c.setMax_gap_s(maxGapS);
            c.setReference_reps(Values.u32(referenceReps));
            c.setPartial_ratio(partialRatio);
            c.setFast_ratio(fastRatio);
            c.setSlow_ratio(slowRatio);
            c.setHold_tolerance(holdTolerance);
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
