package org.hiptrack;

import org.hiptrack.internal.hip_session_summary;

/**
 * Prescribed vs done, quality, time under tension and duration of a {@link Session} ({@code
 * hip_session_summary}). Percentages are 0..100 and -1 when their denominator is 0 (never NaN).
 */
public final class SessionSummary {
    /** The local calendar day of the start. */
    public final CivilDate day;
    /** Whether the session is finished. */
    public final boolean finished;
    /** Sum of prescribed sets. */
    public final int prescribedSets;
    /** Sets with at least one rep, at most the prescribed per prescribed exercise. */
    public final int doneSets;
    /** Sum of prescribed sets x reps (x 1 for hold-only). */
    public final int prescribedReps;
    /** Every rep logged. */
    public final int doneReps;
    /** Per exercise at most its prescribed reps. */
    public final int doneRepsCapped;
    /** Reps without flags. */
    public final int goodReps;
    /** 100 x doneSets / prescribedSets, or -1. */
    public final double setCompletionPct;
    /** 100 x doneRepsCapped / prescribedReps, or -1. */
    public final double repCompletionPct;
    /** 100 x goodReps / doneReps, or -1. */
    public final double goodRepPct;
    /** Whether the completion threshold was met (no prescription: at least one set done). */
    public final boolean completed;
    /** Sum over reps of concentric + eccentric + hold, seconds. */
    public final double timeUnderTensionS;
    /** End - start of a finished session, seconds; 0 while running. */
    public final double activeS;
    /** The highest of the pain during and every set's pain; -1 if none. */
    public final int painMax;
    /** NONE unless abandoned. */
    public final AbandonReason abandonReason;

    SessionSummary(hip_session_summary s) {
        day = CivilDate.ofDayNumber(s.getDay());
        finished = s.getFinished() != 0;
        prescribedSets = (int) s.getPrescribed_sets();
        doneSets = (int) s.getDone_sets();
        prescribedReps = (int) s.getPrescribed_reps();
        doneReps = (int) s.getDone_reps();
        doneRepsCapped = (int) s.getDone_reps_capped();
        goodReps = (int) s.getGood_reps();
        setCompletionPct = s.getSet_completion_pct();
        repCompletionPct = s.getRep_completion_pct();
        goodRepPct = s.getGood_rep_pct();
        completed = s.getCompleted() != 0;
        timeUnderTensionS = s.getTime_under_tension_s();
        activeS = s.getActive_s();
        painMax = s.getPain_max();
        abandonReason = AbandonReason.fromValue(s.getAbandon_reason());
    }

    @Override
    public String toString() {
        return "SessionSummary[" + day + ", sets " + doneSets + "/" + prescribedSets + ", reps "
                + doneReps + "/" + prescribedReps + (completed ? ", completed" : "") + "]";
    }
}
