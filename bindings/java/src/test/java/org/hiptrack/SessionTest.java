package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionTest {
    /** 2026-03-02T08:30:00Z. */
    static final long T0 = 1772440200000000000L;
    static final long MIN = 60_000_000_000L;
    static List<RepEvent> events;

    @BeforeAll
    static void detect() {
        try (Catalog catalog = new Catalog()) {
            Simulator.Recording rec = Support.simulate(catalog, "squat", 12, 5);
            try (RepDetector d = new RepDetector(catalog.require("squat"))) {
                d.push(rec.tNs, rec.samples);
                d.finish();
                events = new ArrayList<>();
                for (RepEvent e : d.events()) events.add(e);
            }
        }
    }

    static SessionExercise squat(int sets, int reps) {
        SessionExercise ex = new SessionExercise("squat");
        ex.prescribedSets = sets;
        ex.prescribedReps = reps;
        return ex;
    }

    @Test
    void valueDefaults() {
        SessionSet set = new SessionSet();
        assertEquals(Session.NOT_RECORDED, set.rpe);
        assertEquals(-1, set.pain);
        assertEquals(0.0, set.loadKg);
        SessionRep rep = new SessionRep();
        assertEquals(RepOrigin.MANUAL, rep.origin);
        assertTrue(rep.flags.isEmpty());
        SessionExercise ex = new SessionExercise("bridge");
        assertEquals(Side.BOTH, ex.side);
        assertEquals(0, ex.prescribedSets);
        Prescription rx = new Prescription("bridge");
        rx.holdS = 2;
        SessionExercise fromRx = SessionExercise.fromPrescription(rx);
        assertEquals(3, fromRx.prescribedSets);
        assertEquals(10, fromRx.prescribedReps);
        assertEquals(2.0, fromRx.prescribedHoldS);
        assertTrue(fromRx.toString().contains("bridge"));
        SessionRep fromEvent = SessionRep.fromEvent(events.get(0));
        assertEquals(RepOrigin.DETECTOR, fromEvent.origin);
        assertEquals(events.get(0).excursionDeg, fromEvent.excursionDeg);
        assertEquals(events.get(0).startNs, fromEvent.startNs);
    }

    @Test
    void liveSessionFromDetectorEvents() {
        assertTrue(events.size() >= 10, "events: " + events.size());
        try (Session s = new Session()) {
            assertEquals(SessionState.NEW, s.state());
            assertNull(s.info().day);
            assertHip(Status.STATE, s::summary);
            s.start(T0, 60);
            s.setPain(PainMoment.BEFORE, 2);
            int e = s.addExercise(squat(2, 10));
            assertEquals(0, e);
            SessionSet set = new SessionSet();
            set.loadKg = 10;
            s.addSet(e, set);
            assertEquals(10, s.addReps(events.subList(0, 10)));
            set.rpe = 6;
            set.pain = 3;
            s.updateSet(set);
            SessionRep manual = new SessionRep();
            manual.holdS = 1.5;
            s.addSet(e, new SessionSet());
            s.addRep(manual);
            s.addRep(events.get(10));
            SessionSummary running = s.summary();
            assertFalse(running.finished);
            assertEquals(0.0, running.activeS);
            s.setPain(PainMoment.DURING, 4);
            s.finish(T0 + 30 * MIN, AbandonReason.NONE);

            SessionInfo info = s.info();
            assertEquals(SessionState.FINISHED, info.state);
            assertEquals(CivilDate.of(2026, 3, 2), info.day);
            assertEquals(60, info.utcOffsetMin);
            assertEquals(2, info.painBefore);
            assertEquals(4, info.painDuring);
            assertEquals(Session.NOT_RECORDED, info.painAfter);
            assertEquals(1, info.exerciseCount);
            assertEquals(0, info.programVersion);
            assertNull(info.programEffective);
            assertTrue(info.toString().contains("FINISHED"));

            SessionSummary sum = s.summary();
            assertTrue(sum.finished);
            assertEquals(2, sum.prescribedSets);
            assertEquals(2, sum.doneSets);
            assertEquals(20, sum.prescribedReps);
            assertEquals(12, sum.doneReps);
            assertEquals(100.0, sum.setCompletionPct);
            assertTrue(sum.completed);
            assertEquals(1800.0, sum.activeS);
            assertEquals(4, sum.painMax);
            assertEquals(AbandonReason.NONE, sum.abandonReason);
            assertTrue(sum.timeUnderTensionS > 1.5);

            assertEquals(2, s.exercise(0).setCount);
            SessionSet first = s.set(0, 0);
            assertEquals(10, first.repCount);
            assertEquals(6, first.rpe);
            assertEquals(10.0, first.loadKg);
            SessionRep r = s.rep(0, 1, 0);
            assertEquals(RepOrigin.MANUAL, r.origin);
            assertEquals(1.5, r.holdS);
            assertEquals(RepOrigin.DETECTOR, s.rep(0, 0, 3).origin);
            assertHip(Status.RANGE, () -> s.exercise(1));
            assertHip(Status.RANGE, () -> s.set(0, 2));
            assertHip(Status.RANGE, () -> s.rep(0, 1, 2));

            // Finished: immutable.
            assertHip(Status.STATE, () -> s.addSet(0, new SessionSet()));
            assertHip(Status.STATE, () -> s.addRep(new SessionRep()));
            assertHip(Status.STATE, () -> s.setPain(PainMoment.AFTER, 1));
            assertHip(Status.STATE, () -> s.finish(T0 + 40 * MIN, AbandonReason.NONE));
            assertHip(Status.STATE, () -> s.start(T0, 0));

            // JSON round trip.
            String json = s.exportJson();
            assertTrue(json.contains("\"format\": \"hiptrack.session\""), json);
            try (Session back = Session.fromJson(json)) {
                assertEquals(SessionState.FINISHED, back.state());
                assertEquals(json, back.exportJson());
                assertEquals(12, back.summary().doneReps);
            }
        }
    }

    @Test
    void abandonedAndProgram() {
        try (Program program = ProgramTest.twoVersions(); Session s = new Session(50)) {
            s.start(T0, -300);
            // Local day of 08:30Z at UTC-5 is still 2026-03-02 (03:30 local).
            s.planProgram(program, 1);
            assertEquals(2, s.info().exerciseCount);
            assertEquals(2, s.info().programVersion);
            assertEquals(ProgramTest.START.plusDays(14), s.info().programEffective);
            assertHip(Status.STATE, () -> s.planProgram(program, 0));
            s.addSet(0, new SessionSet());
            s.addRep(new SessionRep());
            s.finish(T0 + 5 * MIN, AbandonReason.PAIN);
            SessionSummary sum = s.summary();
            assertEquals(AbandonReason.PAIN, sum.abandonReason);
            assertFalse(sum.completed);
            assertEquals("pain", AbandonReason.PAIN.id());
        }
        try (Session s = new Session()) {
            s.start(T0, 0);
            s.setProgram(3, CivilDate.of(2026, 2, 16));
            assertEquals(3, s.info().programVersion);
            assertHip(Status.RANGE, () -> s.finish(T0 - 1, AbandonReason.NONE));
        }
    }

    @Test
    void errorsNameTheField() {
        assertHip(Status.INVALID, () -> new Session(0));
        try (Session s = new Session()) {
            assertHip(Status.STATE, () -> s.addExercise(squat(1, 1)));
            assertHip(Status.STATE, s::exportJson);
            HipException e = assertHip(Status.RANGE, () -> s.start(T0, 1081));
            assertTrue(e.getMessage().contains("utc_offset_min"), e.getMessage());
            s.start(T0, 0);
            assertHip(Status.STATE, () -> s.start(T0, 0));
            e = assertHip(Status.RANGE, () -> s.setPain(PainMoment.BEFORE, 11));
            assertTrue(e.getMessage().contains("pain: expected an integer 0..10"), e.getMessage());
            assertHip(Status.RANGE, () -> s.setPain(PainMoment.AFTER, -1));
            // Reps need a current set.
            e = assertHip(Status.STATE, () -> s.addRep(new SessionRep()));
            e = assertHip(Status.STATE, () -> s.updateSet(new SessionSet()));
            e = assertHip(Status.INVALID, () -> s.addExercise(squat(21, 10)));
            assertTrue(e.getMessage().contains("prescribed.sets"), e.getMessage());
            e = assertHip(Status.INVALID, () -> s.addExercise(new SessionExercise("Not An Id")));
            assertTrue(e.getMessage().contains("exercise"), e.getMessage());
            assertHip(Status.RANGE, () -> new SessionExercise(new String(new char[200]).replace('\0', 'x')));
            assertHip(Status.INVALID, () -> s.addExercise(null));
            int ex = s.addExercise(squat(3, 10));
            assertHip(Status.RANGE, () -> s.addSet(5, new SessionSet()));
            SessionSet bad = new SessionSet();
            bad.rpe = 11;
            e = assertHip(Status.RANGE, () -> s.addSet(ex, bad));
            assertTrue(e.getMessage().contains("rpe"), e.getMessage());
            bad.rpe = 5;
            bad.pain = 12;
            e = assertHip(Status.RANGE, () -> s.addSet(ex, bad));
            assertTrue(e.getMessage().contains("pain"), e.getMessage());
            s.addSet(ex, new SessionSet());
            SessionRep rep = new SessionRep();
            rep.excursionDeg = 7201;
            e = assertHip(Status.INVALID, () -> s.addRep(rep));
            assertTrue(e.getMessage().contains("excursion_deg"), e.getMessage());
            rep.excursionDeg = 0;
            rep.startNs = 5;
            e = assertHip(Status.INVALID, () -> s.addRep(rep));
            assertTrue(e.getMessage().contains("start_ns"), e.getMessage());
            rep.startNs = 0;
            rep.flags = EnumSet.of(RepFlag.PARTIAL);
            s.addRep(rep);
            assertEquals(EnumSet.of(RepFlag.PARTIAL), s.rep(ex, 0, 0).flags);
            assertTrue(s.lastError().isEmpty() || s.lastError().length() > 0);
        }
    }

    @Test
    void importErrors() {
        try (Session s = new Session()) {
            HipException e = assertHip(Status.FORMAT, () -> s.importJson("{\"format\": \"hiptrack.session\", \"version\": 1, "
                    + "\"start_ns\": 10, \"utc_offset_min\": 0, \"end_ns\": 20, "
                    + "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"rpe\": 11, \"reps\": []}]}]}"));
            assertTrue(e.getMessage().contains("exercises[0].sets[0].rpe: expected an integer 0..10"), e.getMessage());
            e = assertHip(Status.FORMAT, () -> s.importJson("{\"format\": \"hiptrack.session\", \"version\": 1, \"start_ns\": 1,}"));
            assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
            assertEquals(SessionState.NEW, s.state());   // all or nothing
            assertHip(Status.INVALID, () -> s.importJson(null));
        }
        assertHip(Status.FORMAT, () -> Session.fromJson("[]"));
        try (Session s = new Session()) {
            s.start(T0, 0);
            assertHip(Status.STATE, () -> s.importJson("{}"));
        }
    }

    @Test
    void closeTwiceAndUseAfterClose() {
        Session s = new Session();
        s.close();
        s.close();
        assertTrue(s.isClosed());
        assertHip(Status.STATE, s::info);
        assertHip(Status.STATE, () -> s.start(T0, 0));
        assertHip(Status.STATE, () -> s.addRep(events.get(0)));
        assertHip(Status.STATE, s::exportJson);
        Program p = new Program();
        p.close();
        try (Session t = new Session()) {
            t.start(T0, 0);
            assertHip(Status.STATE, () -> t.planProgram(p, 0));
        }
    }
}
