package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OutcomeResponseTest {
    static void fill(OutcomeResponse r, String ids, int... answers) {
        String[] id = ids.split(" ");
        for (int i = 0; i < id.length; i++) {
            if (answers[i] < 0) r.setMissing(id[i]);
            else r.setAnswer(id[i], answers[i]);
        }
    }

    static final int M = -1;

    /** CLINICAL.md §2.1 H3, H5 (missing items) and H7 (not scoreable). */
    @Test
    void hoosVectors() {
        try (OutcomeResponse r = new OutcomeResponse(Instrument.HOOS)) {
            fill(r, "P1 P2 P3 P4 P5 P6 P7 P8 P9 P10", 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
            OutcomeResponse.ScaleScore pain = r.score().scale(OutcomeScale.HOOS_PAIN);
            assertEquals(OutcomeState.SCORED, pain.state);
            assertEquals(50.0, pain.value, 1e-9);   // H3
            assertEquals(10, pain.answered);
            assertEquals(20, pain.rawSum);
            assertTrue(pain.higherIsBetter);
            r.clear();
            fill(r, "P1 P2 P3 P4 P5 P6 P7 P8 P9 P10", 1, 1, 2, M, 3, 0, M, 2, M, M);
            assertEquals(62.5, r.score().scale(OutcomeScale.HOOS_PAIN).value, 1e-9);   // H5
            r.clear();
            fill(r, "P1 P2 P3 P4 P5 P6 P7 P8 P9 P10", 1, M, 2, M, 3, M, M, M, M, M);
            OutcomeResponse.ScaleScore h7 = r.score().scale(OutcomeScale.HOOS_PAIN);
            assertEquals(OutcomeState.NOT_SCOREABLE, h7.state);   // H7: never NaN
            assertFalse(h7.scored());
            assertEquals(0.0, h7.value);
            assertEquals(5, r.score().scales.size());
        }
        // H8: the 2003 rule refuses H5's answers.
        try (OutcomeResponse r = new OutcomeResponse(Instrument.HOOS, HoosMissingRule.MISSING_2003,
                HoosPsDirection.HOOS_ALIGNED)) {
            fill(r, "P1 P2 P3 P4 P5 P6 P7 P8 P9 P10", 1, 1, 2, M, 3, 0, M, 2, M, M);
            assertEquals(OutcomeState.NOT_SCOREABLE, r.score().scale(OutcomeScale.HOOS_PAIN).state);
        }
    }

    /** CLINICAL.md §2.3 HOOS JR raw 10 = 58.930 and §2.2 HOOS-12 T1 = 62.5. */
    @Test
    void shortFormVectors() {
        try (OutcomeResponse r = new OutcomeResponse(Instrument.HOOS_JR)) {
            fill(r, "P5 P10 A3 A5 A12 A14", 1, 2, 1, 2, 2, 2);
            OutcomeResponse.Score s = r.score();
            assertEquals(Instrument.HOOS_JR, s.instrument);
            assertEquals(58.930, s.scale(OutcomeScale.HOOS_JR).value, 0.0005);
            assertEquals(10, s.scale(OutcomeScale.HOOS_JR).rawSum);
            assertHip(Status.NOT_FOUND, () -> s.scale(OutcomeScale.PSFS));
            HipException e = assertHip(Status.INVALID, () -> r.scoreAs(Instrument.HOOS));
            assertTrue(e.getMessage().contains("cannot be scored as hoos"), e.getMessage());
        }
        try (OutcomeResponse r = new OutcomeResponse(Instrument.HOOS12)) {
            fill(r, "P1 P4 P5 P7", 1, 2, 2, 1);
            assertEquals(62.5, r.score().scale(OutcomeScale.HOOS12_PAIN).value, 1e-9);
        }
        // A full HOOS also yields HOOS JR.
        try (OutcomeResponse r = new OutcomeResponse(Instrument.HOOS)) {
            for (OutcomeResponse.Item it : OutcomeResponse.items(Instrument.HOOS)) r.setAnswer(it.id, 0);
            assertEquals(100.0, r.scoreAs(Instrument.HOOS_JR).scale(OutcomeScale.HOOS_JR).value, 0.0005);
        }
    }

    /** CLINICAL.md §2.5 PSFS 3,5,4 -> 6,7,6: mean 4 -> 19/3, change 7/3 meets the MDC 2. */
    @Test
    void psfsCompare() {
        try (OutcomeResponse before = new OutcomeResponse(Instrument.PSFS);
             OutcomeResponse after = new OutcomeResponse(Instrument.PSFS)) {
            fill(before, "ACT1 ACT2 ACT3", 3, 5, 4);
            fill(after, "ACT1 ACT2 ACT3", 6, 7, 6);
            before.setActivityName("ACT1", "Stairs – up \u00e9");
            assertEquals("Stairs – up \u00e9", before.activityName("ACT1"));
            assertEquals("", before.activityName("ACT2"));
            OutcomeResponse.Score s = before.score();
            assertEquals(4.0, s.scale(OutcomeScale.PSFS).value, 1e-9);
            assertEquals(3, s.activities.size());
            assertEquals("ACT1", s.activities.get(0).id);
            assertEquals(3, s.activities.get(0).value);
            OutcomeResponse.Change c = OutcomeResponse.compare(before, after);
            OutcomeResponse.ScaleChange psfs = c.scale(OutcomeScale.PSFS);
            assertEquals(OutcomeState.SCORED, psfs.state);
            assertEquals(7.0 / 3.0, psfs.delta, 1e-9);
            assertEquals(2.0, psfs.threshold);
            assertEquals(ChangeCriterion.MDC, psfs.criterion);
            assertTrue(psfs.improved);
            assertFalse(psfs.worsened);
            assertEquals(3, c.activities.size());
            assertEquals(3, c.activities.get(0).delta);
            assertTrue(c.activities.get(0).improved);
            assertFalse(c.activities.get(1).improved);
            // A stricter threshold: no longer improved.
            OutcomeResponse.Thresholds t = new OutcomeResponse.Thresholds();
            assertEquals(24.0, t.threshold.get(OutcomeScale.HOOS12_PAIN));
            assertEquals(3.0, t.psfsActivityThreshold);
            t.set(OutcomeScale.PSFS, 3, ChangeCriterion.MDC);
            assertFalse(OutcomeResponse.compare(before, after, t).scale(OutcomeScale.PSFS).improved);
            t.set(OutcomeScale.PSFS, -1, ChangeCriterion.MDC);
            assertHip(Status.INVALID, () -> OutcomeResponse.compare(before, after, t));
            try (OutcomeResponse hoos = new OutcomeResponse(Instrument.HOOS)) {
                assertHip(Status.INVALID, () -> OutcomeResponse.compare(before, hoos));
            }
        }
    }

    @Test
    void answersMissingIsNotZero() {
        try (OutcomeResponse r = new OutcomeResponse(Instrument.HOOS_JR)) {
            assertEquals(Instrument.HOOS_JR, r.instrument());
            assertEquals(OptionalInt.empty(), r.answer("P5"));
            r.setAnswer("P5", 0);
            assertEquals(OptionalInt.of(0), r.answer("P5"));
            r.setMissing("P5");
            assertFalse(r.answer("P5").isPresent());
            HipException e = assertHip(Status.RANGE, () -> r.setAnswer("P5", 5));
            assertTrue(e.getMessage().contains("P5"), e.getMessage());
            e = assertHip(Status.RANGE, () -> r.setAnswer("P5", -1));
            assertTrue(e.getMessage().contains("set_missing"), e.getMessage());
            assertHip(Status.NOT_FOUND, () -> r.setAnswer("Q9", 1));
            assertHip(Status.NOT_FOUND, () -> r.setMissing("Q9"));
            assertHip(Status.NOT_FOUND, () -> r.answer("Q9"));
            assertHip(Status.INVALID, () -> r.setAnswer(null, 1));
            assertHip(Status.STATE, () -> r.setActivityName("ACT1", "x"));
            assertFalse(r.lastError().isEmpty());
            // Dates.
            assertFalse(r.date().isPresent());
            r.setDate(CivilDate.of(2026, 11, 2));
            assertEquals(CivilDate.of(2026, 11, 2), r.date().get());
            assertEquals(CivilDate.of(2026, 11, 2), r.score().date.get());
            r.clearDate();
            assertFalse(r.date().isPresent());
        }
    }

    @Test
    void itemsAndAvailability() {
        List<OutcomeResponse.Item> hoos = OutcomeResponse.items(Instrument.HOOS);
        assertEquals(40, hoos.size());
        assertEquals(6, OutcomeResponse.items(Instrument.HOOS_JR).size());
        OutcomeResponse.Item sp4 = OutcomeResponse.item(Instrument.HOOS, "SP4");
        assertEquals(0, sp4.min);
        assertEquals(4, sp4.max);
        assertEquals(OutcomeScale.HOOS_SPORT, sp4.scale);
        assertHip(Status.NOT_FOUND, () -> OutcomeResponse.item(Instrument.HOOS, "ZZ1"));
        assertTrue(OutcomeResponse.available(Instrument.HOOS));
        assertEquals("hoos_jr", Instrument.HOOS_JR.id());
        if (!OutcomeResponse.available(Instrument.OXFORD)) {
            try (OutcomeResponse r = new OutcomeResponse(Instrument.OXFORD)) {
                HipException e = assertHip(Status.UNSUPPORTED, r::score);
                assertTrue(e.getMessage().contains("HIPTRACK_WITH_LICENSED_OUTCOMES"), e.getMessage());
            }
        }
    }

    @Test
    void json() {
        try (OutcomeResponse r = new OutcomeResponse(Instrument.PSFS)) {
            fill(r, "ACT1 ACT2", 0, 5);
            r.setDate(CivilDate.of(2025, 11, 2));
            String json = r.exportJson();
            assertTrue(json.contains("\"instrument\": \"psfs\""), json);
            assertTrue(json.contains("\"ACT1\": 0"), json);
            assertFalse(json.contains("ACT3"), json);
            try (OutcomeResponse back = OutcomeResponse.fromJson(json)) {
                assertEquals(Instrument.PSFS, back.instrument());
                assertEquals(OptionalInt.of(0), back.answer("ACT1"));
                assertFalse(back.answer("ACT3").isPresent());
                assertEquals(json, back.exportJson());
            }
            HipException e = assertHip(Status.FORMAT, () -> r.importJson("{\"format\": \"hiptrack.outcome\", \"version\": 1, "
                    + "\"instrument\": \"psfs\", \"answers\": {\"ACT1\": 11}}"));
            assertTrue(e.getMessage().contains("answers.ACT1"), e.getMessage());
            assertEquals(OptionalInt.of(5), r.answer("ACT2"));   // all or nothing
            assertHip(Status.FORMAT, () -> OutcomeResponse.fromJson("{"));
        }
    }

    @Test
    void closeTwiceAndUseAfterClose() {
        OutcomeResponse r = new OutcomeResponse(Instrument.HOOS);
        r.close();
        r.close();
        assertTrue(r.isClosed());
        assertHip(Status.STATE, () -> r.setAnswer("P1", 1));
        assertHip(Status.STATE, r::score);
        assertHip(Status.STATE, r::instrument);
        try (OutcomeResponse other = new OutcomeResponse(Instrument.HOOS)) {
            assertHip(Status.STATE, () -> OutcomeResponse.compare(r, other));
        }
    }
}
