package org.hiptrack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.DayOfWeek;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.HiptrackNativeConstants;
import org.hiptrack.internal.hip_adherence;
import org.hiptrack.internal.hip_adherence_config;
import org.hiptrack.internal.hip_adherence_plan;
import org.hiptrack.internal.hip_adherence_range;
import org.hiptrack.internal.hip_adherence_report;
import org.hiptrack.internal.hip_adherence_session;
import org.hiptrack.internal.hip_adherence_week;

/**
 * Adherence and engagement metrics (CLINICAL.md §5, ADH-1..ADH-12) over a program history ({@code
 * hip_adherence}). The inputs are replaced as a whole ({@link #setSessions}, {@link #setPlan},
 * {@link #setRestDays}, {@link #setPauses}; validated fully, all or nothing, messages name the item:
 * {@code sessions[3].minutes: ...}). Days are the member's local calendar days; program day 0 is
 * the configured start day; {@code today} is always an argument (no clock).
 *
 * <pre>{@code
 * Adherence.Config config = new Adherence.Config(start);
 * try (Adherence adherence = new Adherence(config)) {
 *     adherence.setPlan(List.of(Adherence.Plan.fromProgram(program, 0)));
 *     adherence.setSessions(records);
 *     Adherence.Report report = adherence.report(today);
 * }
 * }</pre>
 */
public final class Adherence extends NativeHandle<hip_adherence> {
    private static final int S_SIZE = (int) HiptrackNativeConstants.HIP_ADHERENCE_SESSION_SIZE;
    private static final int S_DAY = (int) HiptrackNativeConstants.HIP_ADHERENCE_SESSION_OFF_DAY;
    private static final int S_COMPLETED = (int) HiptrackNativeConstants.HIP_ADHERENCE_SESSION_OFF_COMPLETED;
    private static final int S_MINUTES = (int) HiptrackNativeConstants.HIP_ADHERENCE_SESSION_OFF_MINUTES;
    private static final int S_PRESCRIBED = (int) HiptrackNativeConstants.HIP_ADHERENCE_SESSION_OFF_PRESCRIBED_REPS;
    private static final int S_DONE = (int) HiptrackNativeConstants.HIP_ADHERENCE_SESSION_OFF_DONE_REPS;
    private static final int P_SIZE = (int) HiptrackNativeConstants.HIP_ADHERENCE_PLAN_SIZE;
    private static final int P_EFFECTIVE = (int) HiptrackNativeConstants.HIP_ADHERENCE_PLAN_OFF_EFFECTIVE_DAY;
    private static final int P_SESSIONS = (int) HiptrackNativeConstants.HIP_ADHERENCE_PLAN_OFF_SESSIONS_PER_WEEK;
    private static final int P_REPS = (int) HiptrackNativeConstants.HIP_ADHERENCE_PLAN_OFF_REPS_PER_SESSION;
    private static final int Q_SIZE = (int) HiptrackNativeConstants.HIP_ADHERENCE_PAUSE_SIZE;
    private static final int Q_FIRST = (int) HiptrackNativeConstants.HIP_ADHERENCE_PAUSE_OFF_FIRST_DAY;
    private static final int Q_LAST = (int) HiptrackNativeConstants.HIP_ADHERENCE_PAUSE_OFF_LAST_DAY;

    /** The configuration ({@code hip_adherence_config}); the defaults are the library's. */
    public static final class Config {
        /** Program day 0 (no default: required). */
        public CivilDate startDay;
        /** What ADH-3 counts: REPS (default) or SESSIONS. */
        public AdherenceUnit unit;
        /** ADH-4/5 threshold, percent, 1..100 (default 80). */
        public double adherentPct;
        /** ADH-9 weekly session target; 0 (default) = the plan's sessions per week. */
        public int weeklySessionTarget;
        /** ADH-7 completed sessions (default 6). */
        public int habitSessions;
        /** ADH-7 window, days (default 14). */
        public int habitWindowDays;
        /** ADH-6 first program day (default 56). */
        public int finalMonthFirstDay;
        /** ADH-6 last program day (default 83). */
        public int finalMonthLastDay;
        /** Planned rest weekdays (default none). */
        public Set<DayOfWeek> restWeekdays;

        /**
         * The library's defaults with a start day.
         *
         * @param startDay program day 0
         */
        public Config(CivilDate startDay) {
            this.startDay = startDay;
            try (hip_adherence_config c = new hip_adherence_config()) {
                unit = AdherenceUnit.fromValue(c.getUnit());
                adherentPct = c.getAdherent_pct();
                weeklySessionTarget = (int) c.getWeekly_session_target();
                habitSessions = (int) c.getHabit_sessions();
                habitWindowDays = (int) c.getHabit_window_days();
                finalMonthFirstDay = (int) c.getFinal_month_first_day();
                finalMonthLastDay = (int) c.getFinal_month_last_day();
                restWeekdays = EnumSet.noneOf(DayOfWeek.class);
                for (DayOfWeek d : DayOfWeek.values())
                    if ((c.getRest_weekdays() & (1L << d.getValue())) != 0) restWeekdays.add(d);
            }
        }

        hip_adherence_config toNative() {
            hip_adherence_config c = new hip_adherence_config();
            try {
                c.setStart_day(Values.nonNull(startDay, "startDay").dayNumber());
                c.setUnit(Values.nonNull(unit, "unit").value());
                c.setAdherent_pct(adherentPct);
                c.setWeekly_session_target(Values.u32(weeklySessionTarget));
                c.setHabit_sessions(Values.u32(habitSessions));
                c.setHabit_window_days(Values.u32(habitWindowDays));
                c.setFinal_month_first_day(Values.u32(finalMonthFirstDay));
                c.setFinal_month_last_day(Values.u32(finalMonthLastDay));
                long mask = 0;
                if (restWeekdays != null)
                    for (DayOfWeek d : restWeekdays) mask |= 1L << d.getValue();
                c.setRest_weekdays(mask);
                return c;
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
        }
    }

    /** One logged session ({@code hip_adherence_session}). */
    public static final class SessionRecord {
        /** Local calendar day of its start. */
        public CivilDate day;
        /** Whether it met the completion rule. */
        public boolean completed;
        /** Active minutes, 0..1440. */
        public double minutes;
        /** Prescribed reps. */
        public int prescribedReps;
        /** Done reps, capped at prescribedReps. */
        public int doneReps;

        /**
         * A record.
         *
         * @param day            local day of the start
         * @param completed      whether it met the completion rule
         * @param minutes        active minutes
         * @param prescribedReps prescribed reps
         * @param doneReps       done reps (capped)
         */
        public SessionRecord(CivilDate day, boolean completed, double minutes, int prescribedReps, int doneReps) {
            this.day = day;
            this.completed = completed;
            this.minutes = minutes;
            this.prescribedReps = prescribedReps;
            this.doneReps = doneReps;
        }

        /**
         * The record of a finished session ({@code hip_adherence_session_from}).
         *
         * @param session a finished session
         * @return a new record
         * @throws HipException {@link Status#STATE} unless finished
         */
        public static SessionRecord from(Session session) {
            try (hip_adherence_session s = new hip_adherence_session()) {
                HiptrackNative.hip_adherence_session_from(Values.nonNull(session, "session").proxy(), s);
                return new SessionRecord(CivilDate.ofDayNumber(s.getDay()), s.getCompleted() != 0, s.getMinutes(),
                        (int) s.getPrescribed_reps(), (int) s.getDone_reps());
            }
        }

        @Override
        public String toString() {
            return "SessionRecord[" + day + (completed ? " completed" : "") + ", " + doneReps + "/" + prescribedReps + "]";
        }
    }

    /** One program version ({@code hip_adherence_plan}). */
    public static final class Plan {
        /** The day it takes effect. */
        public CivilDate effective;
        /** Sessions per week, 1..14. */
        public int sessionsPerWeek;
        /** Prescribed reps of one session (hold-only: 1 per set). */
        public int repsPerSession;

        /**
         * A plan.
         *
         * @param effective       the day it takes effect
         * @param sessionsPerWeek 1..14
         * @param repsPerSession  prescribed reps of one session
         */
        public Plan(CivilDate effective, int sessionsPerWeek, int repsPerSession) {
            this.effective = effective;
            this.sessionsPerWeek = sessionsPerWeek;
            this.repsPerSession = repsPerSession;
        }

        /**
         * The plan of a program version ({@code hip_adherence_plan_from_program}).
         *
         * @param program      the program
         * @param versionIndex 0..versionCount()-1
         * @return a new plan
         */
        public static Plan fromProgram(Program program, int versionIndex) {
            try (hip_adherence_plan p = new hip_adherence_plan()) {
                HiptrackNative.hip_adherence_plan_from_program(Values.nonNull(program, "program").proxy(),
                        versionIndex, p);
                return new Plan(CivilDate.ofDayNumber(p.getEffective_day()), (int) p.getSessions_per_week(),
                        (int) p.getReps_per_session());
            }
        }

        @Override
        public String toString() {
            return "Plan[" + effective + ", " + sessionsPerWeek + "/week x " + repsPerSession + " reps]";
        }
    }

    /** A flare pause, first..last inclusive ({@code hip_adherence_pause}). */
    public static final class Pause {
        /** The first paused day. */
        public final CivilDate first;
        /** The last paused day. */
        public final CivilDate last;

        /**
         * A pause.
         *
         * @param first the first paused day
         * @param last  the last paused day
         */
        public Pause(CivilDate first, CivilDate last) {
            this.first = first;
            this.last = last;
        }
    }

    /** One program week: ADH-1, 3, 4 and 9 inputs ({@code hip_adherence_week}). */
    public static final class Week {
        /** 1-based. */
        public final int week;
        /** Its first day. */
        public final CivilDate firstDay;
        /** Sessions logged. */
        public final int sessionsLogged;
        /** ADH-1: sessions completed. */
        public final int sessionsCompleted;
        /** Paused days, 0..7. */
        public final int pausedDays;
        /** All 7 days paused. */
        public final boolean excused;
        /** Session target, scaled by the paused days. */
        public final int sessionTarget;
        /** sessionsCompleted &gt;= sessionTarget (false when excused). */
        public final boolean targetMet;
        /** Activities prescribed, scaled by the paused days. */
        public final double prescribed;
        /** Activities done, at most prescribed. */
        public final double done;
        /** Something was prescribed (ADH-3 NOT_EVALUABLE otherwise). */
        public final boolean evaluable;
        /** ADH-3: 100 x done / prescribed; 0 when not evaluable. */
        public final double completionPct;
        /** ADH-4: evaluable and completion at least the threshold. */
        public final boolean adherent;
        /** Minutes logged. */
        public final double minutes;

        Week(hip_adherence_week w) {
            week = (int) w.getWeek();
            firstDay = CivilDate.ofDayNumber(w.getFirst_day());
            sessionsLogged = (int) w.getSessions_logged();
            sessionsCompleted = (int) w.getSessions_completed();
            pausedDays = (int) w.getPaused_days();
            excused = w.getExcused() != 0;
            sessionTarget = (int) w.getSession_target();
            targetMet = w.getTarget_met() != 0;
            prescribed = w.getPrescribed();
            done = w.getDone();
            evaluable = w.getEvaluable() != 0;
            completionPct = w.getCompletion_pct();
            adherent = w.getAdherent() != 0;
            minutes = w.getMinutes();
        }

        @Override
        public String toString() {
            return "Week[" + week + ": " + completionPct + " %" + (adherent ? ", adherent" : "") + "]";
        }
    }

    /** Counts over a day range ({@code hip_adherence_range}). */
    public static final class Range {
        /** First day (inclusive). */
        public final CivilDate firstDay;
        /** Last day (inclusive). */
        public final CivilDate lastDay;
        /** Sessions logged. */
        public final int sessionsLogged;
        /** Sessions completed. */
        public final int sessionsCompleted;
        /** Distinct days with a completed session. */
        public final int exerciseDays;
        /** Minutes of every logged session. */
        public final double minutes;

        Range(hip_adherence_range r) {
            firstDay = CivilDate.ofDayNumber(r.getFirst_day());
            lastDay = CivilDate.ofDayNumber(r.getLast_day());
            sessionsLogged = (int) r.getSessions_logged();
            sessionsCompleted = (int) r.getSessions_completed();
            exerciseDays = (int) r.getExercise_days();
            minutes = r.getMinutes();
        }
    }

    /** Every metric as of a day ({@code hip_adherence_report}); absent results are empty optionals. */
    public static final class Report {
        /** The day. */
        public final CivilDate today;
        /** Program week of today. */
        public final int currentWeek;
        /** ADH-2. */
        public final double sessionsPerWeek;
        /** ADH-5: the poor-adherence week, if any. */
        public final OptionalInt poorAdherenceWeek;
        /** ADH-6. */
        public final boolean finalMonthCompleted;
        /** ADH-7: the habit day, if reached. */
        public final Optional<CivilDate> habitDay;
        /** ADH-8. */
        public final int dayStreak;
        /** ADH-9. */
        public final int weekStreak;
        /** ADH-10. */
        public final int exerciseDaysLast14;
        /** ADH-11. */
        public final int activeWeeks;
        /** ADH-12. */
        public final double cumulativeMinutes;
        /** Sessions completed from the start to today. */
        public final int sessionsCompleted;

        Report(hip_adherence_report r) {
            today = CivilDate.ofDayNumber(r.getToday());
            currentWeek = (int) r.getCurrent_week();
            sessionsPerWeek = r.getSessions_per_week();
            poorAdherenceWeek = r.getHas_poor_adherence() != 0 ? OptionalInt.of((int) r.getPoor_adherence_week())
                    : OptionalInt.empty();
            finalMonthCompleted = r.getFinal_month_completed() != 0;
            habitDay = r.getHabit_reached() != 0 ? Optional.of(CivilDate.ofDayNumber(r.getHabit_day()))
                    : Optional.<CivilDate>empty();
            dayStreak = (int) r.getDay_streak();
            weekStreak = (int) r.getWeek_streak();
            exerciseDaysLast14 = (int) r.getExercise_days_last_14();
            activeWeeks = (int) r.getActive_weeks();
            cumulativeMinutes = r.getCumulative_minutes();
            sessionsCompleted = (int) r.getSessions_completed();
        }
    }

    /**
     * A handle with no inputs yet.
     *
     * @param config the configuration (copied)
     * @throws HipException {@link Status#INVALID} for a field out of its range
     */
    public Adherence(Config config) {
        super(create(config), "Adherence");
    }

    private static hip_adherence create(Config config) {
        try (hip_adherence_config c = Values.nonNull(config, "config").toNative()) {
            return new hip_adherence(c);
        }
    }

    /**
     * ADH-3/4 arithmetic: 100 x done / prescribed.
     *
     * @param done       activities done, 0..prescribed
     * @param prescribed activities prescribed
     * @return the percentage, or empty (NOT_EVALUABLE) when prescribed is 0
     * @throws HipException {@link Status#RANGE} for negative, non-finite or done &gt; prescribed
     */
    public static OptionalDouble completionPct(double done, double prescribed) {
        double[] out = new double[1];
        try {
            HiptrackNative.hip_adherence_completion_pct(done, prescribed, out);
        } catch (HipException e) {
            if (e.code() == Status.NOT_FOUND) return OptionalDouble.empty();
            throw e;
        }
        return OptionalDouble.of(out[0]);
    }

    /**
     * The message of the last failed call ("" if none).
     *
     * @return the message
     */
    public String lastError() {
        return proxy().last_error();
    }

    private static ByteBuffer records(int n, int size) {
        return ByteBuffer.allocate(n * size).order(ByteOrder.nativeOrder());
    }

    /**
     * Replaces the logged sessions (any order).
     *
     * @param sessions the sessions (copied)
     * @throws HipException {@link Status#INVALID} or {@link Status#RANGE} naming the item
     */
    public void setSessions(Collection<SessionRecord> sessions) {
        hip_adherence h = proxy();
        ByteBuffer b = records(Values.nonNull(sessions, "sessions").size(), S_SIZE);
        int i = 0;
        for (SessionRecord s : sessions) {
            String at = "sessions[" + i + "]";
            int base = i++ * S_SIZE;
            Values.nonNull(s, at);
            b.putInt(base + S_DAY, Values.nonNull(s.day, at + ".day").dayNumber());
            b.putInt(base + S_COMPLETED, s.completed ? 1 : 0);
            b.putDouble(base + S_MINUTES, s.minutes);
            b.putInt(base + S_PRESCRIBED, s.prescribedReps);
            b.putInt(base + S_DONE, s.doneReps);
        }
        h.set_sessions_bytes(b.array());
    }

    /**
     * Replaces the program history (effective days must not decrease).
     *
     * @param plan the versions (copied)
     * @throws HipException {@link Status#INVALID} or {@link Status#RANGE} naming the item
     */
    public void setPlan(List<Plan> plan) {
        hip_adherence h = proxy();
        ByteBuffer b = records(Values.nonNull(plan, "plan").size(), P_SIZE);
        int i = 0;
        for (Plan p : plan) {
            String at = "plan[" + i + "]";
            int base = i++ * P_SIZE;
            Values.nonNull(p, at);
            b.putInt(base + P_EFFECTIVE, Values.nonNull(p.effective, at + ".effective").dayNumber());
            b.putInt(base + P_SESSIONS, p.sessionsPerWeek);
            b.putInt(base + P_REPS, p.repsPerSession);
        }
        h.set_plan_bytes(b.array());
    }

    /**
     * Replaces the planned single rest days.
     *
     * @param days the days (copied)
     */
    public void setRestDays(Collection<CivilDate> days) {
        hip_adherence h = proxy();
        ByteBuffer b = records(Values.nonNull(days, "days").size(), 4);
        int i = 0;
        for (CivilDate d : days) {
            b.putInt(i * 4, Values.nonNull(d, "days[" + i + "]").dayNumber());
            i++;
        }
        h.set_rest_days_bytes(b.array());
    }

    /**
     * Replaces the flare pauses.
     *
     * @param pauses the pauses (copied)
     * @throws HipException {@link Status#INVALID} naming the item for last before first
     */
    public void setPauses(Collection<Pause> pauses) {
        hip_adherence h = proxy();
        ByteBuffer b = records(Values.nonNull(pauses, "pauses").size(), Q_SIZE);
        int i = 0;
        for (Pause p : pauses) {
            String at = "pauses[" + i + "]";
            int base = i++ * Q_SIZE;
            Values.nonNull(p, at);
            b.putInt(base + Q_FIRST, Values.nonNull(p.first, at + ".first").dayNumber());
            b.putInt(base + Q_LAST, Values.nonNull(p.last, at + ".last").dayNumber());
        }
        h.set_pauses_bytes(b.array());
    }

    /**
     * ADH-1, 3, 4, 9 for a program week.
     *
     * @param week 1 or more
     * @return the week
     * @throws HipException {@link Status#RANGE} for week 0
     */
    public Week week(int week) {
        hip_adherence h = proxy();
        try (hip_adherence_week w = new hip_adherence_week()) {
            h.week_at(Values.u32(week), w);
            return new Week(w);
        }
    }

    /**
     * ADH-2: completed sessions per elapsed week.
     *
     * @param today the member's local day
     * @return sessions per week
     * @throws HipException {@link Status#RANGE} before the start day
     */
    public double sessionsPerWeek(CivilDate today) {
        hip_adherence h = proxy();
        double[] out = new double[1];
        h.sessions_per_week(Values.nonNull(today, "today").dayNumber(), out);
        return out[0];
    }

    /**
     * ADH-5: the first complete week that, with the previous evaluable week, is below the threshold.
     *
     * @param today the member's local day
     * @return the week, or empty when there is none
     */
    public OptionalInt poorAdherenceWeek(CivilDate today) {
        hip_adherence h = proxy();
        long[] out = new long[1];
        try {
            h.poor_adherence(Values.nonNull(today, "today").dayNumber(), out);
        } catch (HipException e) {
            if (e.code() == Status.NOT_FOUND) return OptionalInt.empty();
            throw e;
        }
        return OptionalInt.of((int) out[0]);
    }

    /**
     * ADH-6: a completed session in the final month.
     *
     * @return true when there is one
     */
    public boolean finalMonthCompleted() {
        hip_adherence h = proxy();
        int[] out = new int[1];
        h.final_month(out);
        return out[0] != 0;
    }

    /**
     * ADH-7: the day the habit was reached.
     *
     * @param today the member's local day
     * @return the day, or empty when not reached
     */
    public Optional<CivilDate> habitPoint(CivilDate today) {
        hip_adherence h = proxy();
        int[] out = new int[1];
        try {
            h.habit_point(Values.nonNull(today, "today").dayNumber(), out);
        } catch (HipException e) {
            if (e.code() == Status.NOT_FOUND) return Optional.empty();
            throw e;
        }
        return Optional.of(CivilDate.ofDayNumber(out[0]));
    }

    /**
     * ADH-8: days with a completed session in a row (excused days skipped).
     *
     * @param today the member's local day
     * @return the streak
     */
    public int dayStreak(CivilDate today) {
        hip_adherence h = proxy();
        long[] out = new long[1];
        h.day_streak(Values.nonNull(today, "today").dayNumber(), out);
        return (int) out[0];
    }

    /**
     * ADH-9: program weeks in a row meeting the session target.
     *
     * @param today the member's local day
     * @return the streak
     * @throws HipException {@link Status#STATE} without a plan or target
     */
    public int weekStreak(CivilDate today) {
        hip_adherence h = proxy();
        long[] out = new long[1];
        h.week_streak(Values.nonNull(today, "today").dayNumber(), out);
        return (int) out[0];
    }

    /**
     * Counts over a day range.
     *
     * @param first the first day
     * @param last  the last day, not before first
     * @return the counts
     * @throws HipException {@link Status#RANGE} when last is before first
     */
    public Range range(CivilDate first, CivilDate last) {
        hip_adherence h = proxy();
        try (hip_adherence_range r = new hip_adherence_range()) {
            h.range_stats(Values.nonNull(first, "first").dayNumber(), Values.nonNull(last, "last").dayNumber(), r);
            return new Range(r);
        }
    }

    /**
     * ADH-10: distinct days with a completed session in the last 14 days.
     *
     * @param today the member's local day
     * @return the days
     */
    public int exerciseDaysLast14(CivilDate today) {
        hip_adherence h = proxy();
        long[] out = new long[1];
        h.exercise_days_last_14(Values.nonNull(today, "today").dayNumber(), out);
        return (int) out[0];
    }

    /**
     * ADH-11: program weeks with at least one completed session.
     *
     * @param today the member's local day
     * @return the weeks
     */
    public int activeWeeks(CivilDate today) {
        hip_adherence h = proxy();
        long[] out = new long[1];
        h.active_weeks(Values.nonNull(today, "today").dayNumber(), out);
        return (int) out[0];
    }

    /**
     * ADH-12: minutes of every logged session from the start to today.
     *
     * @param today the member's local day
     * @return the minutes
     */
    public double cumulativeMinutes(CivilDate today) {
        hip_adherence h = proxy();
        double[] out = new double[1];
        h.cumulative_minutes(Values.nonNull(today, "today").dayNumber(), out);
        return out[0];
    }

    /**
     * Every metric as of today.
     *
     * @param today the member's local day
     * @return the report
     * @throws HipException {@link Status#RANGE} before the start day
     */
    public Report report(CivilDate today) {
        hip_adherence h = proxy();
        try (hip_adherence_report r = new hip_adherence_report()) {
            h.report_on(Values.nonNull(today, "today").dayNumber(), r);
            return new Report(r);
        }
    }
}
