package org.hiptrack;

import org.hiptrack.internal.hip_program_version;

/** One committed version of a {@link Program} ({@code hip_program_version}). */
public final class ProgramVersion {
    /** 1, 2, ... in order of creation. */
    public final int number;
    /** The day it takes effect. */
    public final CivilDate effective;
    /** Sessions per week, 1..14. */
    public final int sessionsPerWeek;
    /** The number of prescribed exercises. */
    public final int exerciseCount;
    /** Why this version was made ("" if not given). */
    public final String note;

    private ProgramVersion(hip_program_version v) {
        number = (int) v.getNumber();
        effective = CivilDate.ofDayNumber(v.getEffective_day());
        sessionsPerWeek = (int) v.getSessions_per_week();
        exerciseCount = (int) v.getExercise_count();
        note = v.getNote();
    }

    static ProgramVersion from(hip_program_version v) {
        return new ProgramVersion(v);
    }

    @Override
    public String toString() {
        return "ProgramVersion[" + number + " from " + effective + ", " + exerciseCount + " exercises]";
    }
}
