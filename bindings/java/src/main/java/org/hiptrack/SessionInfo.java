package org.hiptrack;

import org.hiptrack.internal.hip_session_info;

/** Where a {@link Session} stands ({@code hip_session_info}). */
public final class SessionInfo {
    /** NEW, RUNNING or FINISHED. */
    public final SessionState state;
    /** The start instant, ns since the epoch; 0 before start. */
    public final long startNs;
    /** The end instant, ns; 0 until finished. */
    public final long endNs;
    /** The member's UTC offset at the start, minutes. */
    public final int utcOffsetMin;
    /** The local calendar day of the start (never re-bucketed); null before start. */
    public final CivilDate day;
    /** The program version number followed; 0 = not recorded against a program. */
    public final int programVersion;
    /** That version's effective day; null when programVersion is 0. */
    public final CivilDate programEffective;
    /** Pain before, 0..10 or {@link Session#NOT_RECORDED}. */
    public final int painBefore;
    /** Worst pain during, 0..10 or {@link Session#NOT_RECORDED}. */
    public final int painDuring;
    /** Pain right after, 0..10 or {@link Session#NOT_RECORDED}. */
    public final int painAfter;
    /** NONE unless the session was abandoned. */
    public final AbandonReason abandonReason;
    /** The number of exercises. */
    public final int exerciseCount;

    SessionInfo(hip_session_info i) {
        state = SessionState.fromValue(i.getState());
        startNs = i.getStart_ns();
        endNs = i.getEnd_ns();
        utcOffsetMin = i.getUtc_offset_min();
        day = state == SessionState.NEW ? null : CivilDate.ofDayNumber(i.getDay());
        programVersion = (int) i.getProgram_version();
        programEffective = programVersion == 0 ? null : CivilDate.ofDayNumber(i.getProgram_effective_day());
        painBefore = i.getPain_before();
        painDuring = i.getPain_during();
        painAfter = i.getPain_after();
        abandonReason = AbandonReason.fromValue(i.getAbandon_reason());
        exerciseCount = (int) i.getExercise_count();
    }

    @Override
    public String toString() {
        return "SessionInfo[" + state + (day == null ? "" : " " + day) + ", " + exerciseCount + " exercises]";
    }
}
