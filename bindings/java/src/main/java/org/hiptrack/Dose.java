package org.hiptrack;

import org.hiptrack.internal.hip_dose;

/** An exercise's default prescription ({@code hip_dose}): ranges min..max, min == max for one value. */
public final class Dose {
    /** Sets, lower bound. */
    public int setsMin;
    /** Sets, upper bound. */
    public int setsMax;
    /** Reps per set (per side when sided), lower bound; 0 for holds and timed bouts. */
    public int repsMin;
    /** Reps per set, upper bound. */
    public int repsMax;
    /** Hold per rep (or per hold for static exercises), seconds, lower bound. */
    public double holdSMin;
    /** Hold, seconds, upper bound. */
    public double holdSMax;
    /** Timed bout (aerobic), seconds, lower bound; 0 otherwise. */
    public double durationSMin;
    /** Timed bout, seconds, upper bound. */
    public double durationSMax;
    /** Rest between sets, seconds. */
    public double restS;

    /** A zeroed dose. */
    public Dose() {}

    static Dose from(hip_dose d) {
        Dose o = new Dose();
        o.setsMin = (int) d.getSets_min();
        o.setsMax = (int) d.getSets_max();
        o.repsMin = (int) d.getReps_min();
        o.repsMax = (int) d.getReps_max();
        o.holdSMin = d.getHold_s_min();
        o.holdSMax = d.getHold_s_max();
        o.durationSMin = d.getDuration_s_min();
        o.durationSMax = d.getDuration_s_max();
        o.restS = d.getRest_s();
        return o;
    }

    void to(hip_dose d) {
        d.setSets_min(setsMin & 0xffffffffL);
        d.setSets_max(setsMax & 0xffffffffL);
        d.setReps_min(repsMin & 0xffffffffL);
        d.setReps_max(repsMax & 0xffffffffL);
        d.setHold_s_min(holdSMin);
        d.setHold_s_max(holdSMax);
        d.setDuration_s_min(durationSMin);
        d.setDuration_s_max(durationSMax);
        d.setRest_s(restS);
    }
}
