package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportTest {
    /** 2026-03-02T08:00:00Z. */
    static final long T0 = 1772438400000000000L;
    static final long DAY = 86_400_000_000_000L;

    static PainLog log() {
        PainLog log = new PainLog();
        PainEntry e = new PainEntry(T0, 60, 4, PainContext.AVG_24H);
        e.location = PainLocation.GROIN;
        e.side = PainSide.LEFT;
        e.symptoms = EnumSet.of(PainSymptom.CLICKING);
        e.note = "=1+1, \"x\"";
        log.add(e);
        log.add(new PainEntry(T0 + DAY, -300, 7, PainContext.NEXT_MORNING));
        return log;
    }

    static Session session(boolean finish) {
        Session s = new Session();
        s.start(T0, 60);
        SessionExercise ex = new SessionExercise("bridge");
        ex.prescribedSets = 2;
        ex.prescribedReps = 3;
        int i = s.addExercise(ex);
        s.addSet(i, new SessionSet());
        for (int k = 0; k < 3; k++) s.addRep(new SessionRep());
        s.setPain(PainMoment.BEFORE, 2);
        if (finish) s.finish(T0 + 1_800_000_000_000L, AbandonReason.NONE);
        return s;
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }

    @Test
    void bundleShapeAndRoundTrip() {
        try (PainLog log = log(); Session s = session(true); OutcomeResponse r = new OutcomeResponse(Instrument.HOOS_JR);
             Catalog cat = new Catalog(); PainLog back = new PainLog()) {
            for (String id : List.of("P5", "P10", "A3", "A5", "A12", "A14")) r.setAnswer(id, 1);
            r.setDate(CivilDate.of(2026, 3, 2));
            Export.Sources src = new Export.Sources();
            src.painLog = log;
            src.sessions.add(s);
            src.outcomes.add(r);
            src.catalog = cat;
            Export.FhirOptions o = new Export.FhirOptions("Patient/123");
            String b = Export.fhirBundle(src, null, null, o);
            assertTrue(b.startsWith("{\"resourceType\":\"Bundle\""));
            assertEquals(2, count(b, "\"72514-3\""));
            assertEquals(1, count(b, "\"exercise-session\""));
            assertEquals(1, count(b, "\"QuestionnaireResponse\""));
            assertEquals(1, count(b, "\"HOOS-JR\""));
            assertEquals(5, count(b, "\"fullUrl\":\"urn:uuid:"));
            assertFalse(b.contains("56840-2"));
            assertEquals(b, Export.fhirBundle(src, null, null, o));   // deterministic
            Export.importFhirPain(back, b);
            assertEquals(log.count(), back.count());
            assertEquals(log.entry(0).note, back.entry(0).note);
            assertEquals(log.entry(1).utcOffsetMin, back.entry(1).utcOffsetMin);
            String day1 = Export.fhirBundle(src, CivilDate.of(2026, 3, 2), CivilDate.of(2026, 3, 2), o);
            assertEquals(1, count(day1, "\"72514-3\""));
            o.bundleType = FhirBundleType.TRANSACTION;
            assertEquals(5, count(Export.fhirBundle(src, null, null, o), "\"method\":\"PUT\""));
        }
    }

    @Test
    void singleResources() {
        try (PainLog log = log(); Session s = session(true)) {
            Export.FhirOptions o = new Export.FhirOptions("Patient/123");
            o.painValue = FhirPainValue.ANSWER;
            o.snomedBodySite = true;
            String obs = Export.fhirPain(log.entry(0), o);
            assertTrue(obs.contains("\"LA6115-5\""));
            assertTrue(obs.contains("\"26893007\""));
            assertTrue(obs.contains("\"id\":\"" + Export.fhirPainId(log.entry(0), "Patient/123") + "\""));
            assertTrue(Export.fhirSession(s, null, o).contains("\"effectivePeriod\""));
        }
    }

    @Test
    void csvRoundTrip() {
        try (PainLog log = log(); PainLog back = new PainLog(); Session s = session(true)) {
            String csv = Export.csvPain(log, null, null);
            assertTrue(csv.startsWith("time,date,nrs,context,location,side,symptoms,time_of_day,setting,note\n"));
            assertTrue(csv.contains(",\"'=1+1, \"\"x\"\"\"\n"));
            Export.importCsvPain(back, csv);
            assertEquals(2, back.count());
            assertEquals("=1+1, \"x\"", back.entry(0).note);
            String sessions = Export.csvSessions(List.of(s), null, null, null);
            assertEquals(2, count(sessions, "\n"));
            assertTrue(sessions.contains(",bridge,,both,1,3,3,3,0,kg,"));
        }
    }

    @Test
    void errors() {
        try (PainLog log = log(); Session running = session(false)) {
            Export.Sources src = new Export.Sources();
            src.painLog = log;
            assertHip(Status.INVALID, () -> Export.fhirBundle(src, null, null, new Export.FhirOptions("123")));
            HipException e = assertHip(Status.INVALID, () -> Export.fhirBundle(src, CivilDate.of(2026, 3, 3),
                    CivilDate.of(2026, 3, 2), new Export.FhirOptions("Patient/1")));
            assertTrue(e.getMessage().contains("from_day is after to_day"));
            src.sessions.add(running);
            assertHip(Status.STATE, () -> Export.fhirBundle(src, null, null, new Export.FhirOptions("Patient/1")));
            e = assertHip(Status.FORMAT, () -> Export.importCsvPain(log, "time,nrs,context\n2026-01-02T09:00:00Z,11,current\n"));
            assertTrue(e.getMessage().contains("line 2, column 22 (nrs)"), e.getMessage());
            e = assertHip(Status.FORMAT, () -> Export.importFhirPain(log, "{\"resourceType\":\"Patient\"}"));
            assertTrue(e.getMessage().contains("expected Observation or Bundle"));
            assertEquals(2, log.count());
        }
    }

    @Test
    void assessmentObservationAndBundle() {
        AssessResult r = new AssessResult(RomMotion.ABDUCTION, AssessSide.LEFT, AssessSource.POSE,
                AssessPosture.STANDING, CivilDate.parse("2026-03-25"), 2, 42, 40, 1.5,
                EnumSet.of(AssessComp.TRUNK_LEAN), 0, 0, 11, 0, 0.9);
        Export.FhirOptions o = new Export.FhirOptions("Patient/123");
        String obs = Export.fhirAssessment(r, o);
        assertTrue(obs.contains("\"code\":\"exam\""), obs);
        assertTrue(obs.contains("\"code\":\"hip-rom-abduction\""), obs);
        assertTrue(obs.contains("\"valueQuantity\":{\"value\":40,\"unit\":\"deg\""), obs);
        assertTrue(obs.contains("\"code\":\"hip-left\""), obs);
        assertTrue(obs.contains("\"code\":\"trunk_lean\""), obs);
        assertEquals(obs, Export.fhirAssessment(r, o));
        Export.Sources s = new Export.Sources();
        s.assessments.add(r);
        String b = Export.fhirBundle(s, CivilDate.parse("2026-03-25"), CivilDate.parse("2026-03-25"), o);
        assertTrue(b.contains(obs.substring(obs.indexOf("\"id\""), obs.indexOf("\"id\"") + 44)), b);
        assertFalse(Export.fhirBundle(s, CivilDate.parse("2026-03-26"), null, o).contains("hip-rom"));
        AssessResult bad = new AssessResult(RomMotion.ABDUCTION, AssessSide.LEFT, AssessSource.POSE,
                AssessPosture.STANDING, CivilDate.parse("2026-03-25"), 2, 42, 3, 1.5,
                EnumSet.noneOf(AssessComp.class), 0, 0, 0, 0, 0.9);
        assertHip(Status.INVALID, () -> Export.fhirAssessment(bad, o));
    }
}
