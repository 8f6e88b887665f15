package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AdherenceTest {
    /** A Monday. */
    static final CivilDate START = CivilDate.of(2026, 1, 5);

    static Adherence make(AdherenceUnit unit, int target) {
        Adherence.Config c = new Adherence.Config(START);
        c.unit = unit;
        c.weeklySessionTarget = target;
        return new Adherence(c);
    }

    static Adherence.SessionRecord done(CivilDate day) {
        return new Adherence.SessionRecord(day, true, 20, 0, 0);
    }

    static List<Adherence.SessionRecord> everyOtherDay(int n) {
        List<Adherence.SessionRecord> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(done(START.plusDays(2 * i)));
        return list;
    }

    @Test
    void configDefaults() {
        Adherence.Config c = new Adherence.Config(START);
        assertEquals(AdherenceUnit.REPS, c.unit);
        assertEquals(80.0, c.adherentPct);
        assertEquals(6, c.habitSessions);
        assertEquals(14, c.habitWindowDays);
        assertEquals(56, c.finalMonthFirstDay);
        assertEquals(83, c.finalMonthLastDay);
        assertTrue(c.restWeekdays.isEmpty());
    }

    /** CLINICAL.md §5 ADH-2 vectors: 35 sessions over 84 days, 9 over 20, 3 over 6. */
    @Test
    void adh2Vectors() {
        try (Adherence a = make(AdherenceUnit.SESSIONS, 3)) {
            a.setSessions(everyOtherDay(35));
            assertEquals(35.0 / 12.0, a.sessionsPerWeek(START.plusDays(83)));
            a.setSessions(everyOtherDay(9));
            assertEquals(3.0, a.sessionsPerWeek(START.plusDays(19)));
            a.setSessions(everyOtherDay(3));
            assertEquals(3.0, a.sessionsPerWeek(START.plusDays(5)));
            HipException e = assertHip(Status.RANGE, () -> a.sessionsPerWeek(START.plusDays(-1)));
            assertTrue(e.getMessage().contains("before the program start"), e.getMessage());
        }
    }

    /** CLINICAL.md §5 ADH-3/4 vectors: 17 of 20 = 85 % adherent, 15 of 20 = 75 % not, 0 prescribed. */
    @Test
    void adh3And4Vectors() {
        assertEquals(85.0, Adherence.completionPct(17, 20).getAsDouble());
        assertEquals(75.0, Adherence.completionPct(15, 20).getAsDouble());
        assertFalse(Adherence.completionPct(0, 0).isPresent());   // NOT_EVALUABLE
        assertHip(Status.RANGE, () -> Adherence.completionPct(21, 20));
        assertHip(Status.RANGE, () -> Adherence.completionPct(-1, 20));
        assertHip(Status.RANGE, () -> Adherence.completionPct(1, Double.NaN));

        try (Adherence a = make(AdherenceUnit.REPS, 0)) {
            assertFalse(a.week(1).evaluable);   // no plan: nothing prescribed
            a.setPlan(Collections.singletonList(new Adherence.Plan(START, 2, 10)));
            List<Adherence.SessionRecord> s = Arrays.asList(
                    new Adherence.SessionRecord(START, true, 20, 10, 10),
                    new Adherence.SessionRecord(START.plusDays(1), true, 20, 10, 7),
                    new Adherence.SessionRecord(START.plusDays(7), true, 20, 10, 8),
                    new Adherence.SessionRecord(START.plusDays(8), false, 20, 10, 7));
            a.setSessions(s);
            Adherence.Week w1 = a.week(1);
            assertEquals(1, w1.week);
            assertEquals(START, w1.firstDay);
            assertEquals(20.0, w1.prescribed);
            assertEquals(17.0, w1.done);
            assertEquals(85.0, w1.completionPct);
            assertTrue(w1.evaluable && w1.adherent);
            assertEquals(2, w1.sessionsCompleted);   // ADH-1
            assertEquals(2, w1.sessionTarget);
            assertTrue(w1.targetMet);
            assertEquals(40.0, w1.minutes);
            assertTrue(w1.toString().contains("adherent"));
            Adherence.Week w2 = a.week(2);
            assertEquals(75.0, w2.completionPct);
            assertFalse(w2.adherent);
            assertEquals(1, w2.sessionsCompleted);
            assertEquals(2, w2.sessionsLogged);
            assertFalse(w2.targetMet);
            assertHip(Status.RANGE, () -> a.week(0));
        }
    }

    static Adherence weeklyPct(int... pct) {
        Adherence a = make(AdherenceUnit.REPS, 0);
        a.setPlan(Collections.singletonList(new Adherence.Plan(START, 1, 100)));
        List<Adherence.SessionRecord> s = new ArrayList<>();
        for (int i = 0; i < pct.length; i++)
            s.add(new Adherence.SessionRecord(START.plusDays(7 * i + 1), true, 20, 100, pct[i]));
        a.setSessions(s);
        return a;
    }

    /** CLINICAL.md §5 ADH-5 vectors: [90, 78, 76] gives week 3; [90, 78, 85, 79] gives none. */
    @Test
    void adh5Vectors() {
        try (Adherence a = weeklyPct(90, 78, 76)) {
            assertEquals(OptionalInt.of(3), a.poorAdherenceWeek(START.plusDays(21)));
            assertFalse(a.poorAdherenceWeek(START.plusDays(20)).isPresent());
            assertEquals(3, a.report(START.plusDays(21)).poorAdherenceWeek.getAsInt());
        }
        try (Adherence a = weeklyPct(90, 78, 85, 79)) {
            assertFalse(a.poorAdherenceWeek(START.plusDays(28)).isPresent());
        }
    }

    /** docs/adherence.md: Mon, Tue, Thu with Wednesday a rest day: streak 3 on Thursday (1 without). */
    @Test
    void dayStreakWithRestDay() {
        List<Adherence.SessionRecord> s = Arrays.asList(done(START), done(START.plusDays(1)), done(START.plusDays(3)));
        CivilDate thursday = START.plusDays(3);
        try (Adherence a = make(AdherenceUnit.SESSIONS, 3)) {
            a.setSessions(s);
            assertEquals(1, a.dayStreak(thursday));
            a.setRestDays(Collections.singletonList(START.plusDays(2)));
            assertEquals(3, a.dayStreak(thursday));
            a.setRestDays(Collections.<CivilDate>emptyList());
            a.setPauses(Collections.singletonList(new Adherence.Pause(START.plusDays(2), START.plusDays(2))));
            assertEquals(3, a.dayStreak(thursday));
        }
        Adherence.Config c = new Adherence.Config(START);
        c.restWeekdays = EnumSet.of(DayOfWeek.WEDNESDAY);
        try (Adherence a = new Adherence(c)) {
            a.setSessions(s);
            assertEquals(3, a.dayStreak(thursday));
        }
    }

    @Test
    void otherMetricsAndReport() {
        try (Adherence a = make(AdherenceUnit.SESSIONS, 3)) {
            a.setSessions(everyOtherDay(35));
            CivilDate today = START.plusDays(69);
            assertEquals(7, a.exerciseDaysLast14(today));
            assertEquals(10, a.activeWeeks(today));
            assertEquals(35 * 20.0, a.cumulativeMinutes(today));
            assertTrue(a.finalMonthCompleted());
            assertEquals(START.plusDays(10), a.habitPoint(today).get());
            assertFalse(a.habitPoint(START.plusDays(5)).isPresent());
            assertTrue(a.weekStreak(today) >= 9);
            Adherence.Range r = a.range(START, START.plusDays(6));
            assertEquals(4, r.sessionsCompleted);
            assertEquals(4, r.exerciseDays);
            assertEquals(80.0, r.minutes);
            assertHip(Status.RANGE, () -> a.range(START.plusDays(6), START));
            Adherence.Report rep = a.report(today);
            assertEquals(today, rep.today);
            assertEquals(10, rep.currentWeek);
            assertEquals(35, rep.sessionsCompleted);
            assertTrue(rep.finalMonthCompleted);
            assertEquals(START.plusDays(10), rep.habitDay.get());
            assertEquals(1, rep.dayStreak);
            assertHip(Status.RANGE, () -> a.report(START.plusDays(-1)));
        }
        try (Adherence a = make(AdherenceUnit.SESSIONS, 0)) {
            assertHip(Status.STATE, () -> a.weekStreak(START));   // neither plan nor target
        }
    }

    @Test
    void fromSessionAndProgram() {
        try (Program program = ProgramTest.twoVersions()) {
            Adherence.Plan p = Adherence.Plan.fromProgram(program, 0);
            assertEquals(ProgramTest.START, p.effective);
            assertEquals(3, p.sessionsPerWeek);
            assertEquals(60, p.repsPerSession);
            assertHip(Status.RANGE, () -> Adherence.Plan.fromProgram(program, 9));
        }
        try (Session s = new Session()) {
            s.start(SessionTest.T0, 60);
            assertHip(Status.STATE, () -> Adherence.SessionRecord.from(s));
            int e = s.addExercise(SessionTest.squat(1, 2));
            s.addSet(e, new SessionSet());
            s.addRep(new SessionRep());
            s.addRep(new SessionRep());
            s.finish(SessionTest.T0 + 30 * SessionTest.MIN, AbandonReason.NONE);
            Adherence.SessionRecord r = Adherence.SessionRecord.from(s);
            assertEquals(CivilDate.of(2026, 3, 2), r.day);
            assertTrue(r.completed);
            assertEquals(30.0, r.minutes);
            assertEquals(2, r.prescribedReps);
            assertEquals(2, r.doneReps);
        }
    }

    @Test
    void inputErrorsNameTheItem() {
        Adherence.Config bad = new Adherence.Config(START);
        bad.adherentPct = 0;
        assertHip(Status.INVALID, () -> new Adherence(bad));
        assertHip(Status.INVALID, () -> new Adherence(new Adherence.Config(null)));
        try (Adherence a = make(AdherenceUnit.REPS, 0)) {
            List<Adherence.SessionRecord> s = new ArrayList<>(everyOtherDay(4));
            s.get(3).minutes = 2000;
            HipException e = assertThrowsHip(() -> a.setSessions(s));
            assertTrue(e.getMessage().contains("sessions[3].minutes"), e.getMessage());
            s.get(3).minutes = 20;
            s.get(2).doneReps = 5;   // more than the 0 prescribed
            e = assertThrowsHip(() -> a.setSessions(s));
            assertTrue(e.getMessage().contains("sessions[2]"), e.getMessage());
            List<Adherence.Plan> plan = Arrays.asList(new Adherence.Plan(START.plusDays(7), 2, 10),
                    new Adherence.Plan(START, 2, 10));
            e = assertThrowsHip(() -> a.setPlan(plan));
            assertTrue(e.getMessage().contains("plan[1]"), e.getMessage());
            e = assertThrowsHip(() -> a.setPlan(Collections.singletonList(new Adherence.Plan(START, 15, 10))));
            assertTrue(e.getMessage().contains("plan[0].sessions_per_week"), e.getMessage());
            e = assertThrowsHip(() -> a.setPauses(Collections.singletonList(new Adherence.Pause(START.plusDays(3), START))));
            assertTrue(e.getMessage().contains("pauses[0]"), e.getMessage());
            assertHip(Status.INVALID, () -> a.setSessions(null));
            assertHip(Status.INVALID, () -> a.setSessions(Collections.singletonList(
                    new Adherence.SessionRecord(null, true, 1, 0, 0))));
            // Nothing changed by the failures: no sessions.
            assertEquals(0, a.range(START, START.plusDays(30)).sessionsLogged);
        }
    }

    static HipException assertThrowsHip(org.junit.jupiter.api.function.Executable call) {
        HipException e = org.junit.jupiter.api.Assertions.assertThrows(HipException.class, call);
        assertTrue(e.code() == Status.INVALID || e.code() == Status.RANGE, e.toString());
        return e;
    }

    @Test
    void closeTwiceAndUseAfterClose() {
        Adherence a = make(AdherenceUnit.REPS, 0);
        a.close();
        a.close();
        assertTrue(a.isClosed());
        assertHip(Status.STATE, () -> a.week(1));
        assertHip(Status.STATE, () -> a.report(START));
        assertHip(Status.STATE, () -> a.setSessions(everyOtherDay(1)));
        assertHip(Status.STATE, a::lastError);
    }
}
