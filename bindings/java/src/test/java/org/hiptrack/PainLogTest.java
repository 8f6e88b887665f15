package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PainLogTest {
    /** 2026-03-02T08:00:00Z. */
    static final long T0 = 1772438400000000000L;
    static final long DAY = 86_400_000_000_000L;
    static final CivilDate D0 = CivilDate.of(2026, 3, 2);

    static PainLog daily(int... nrs) {
        PainLog log = new PainLog();
        for (int i = 0; i < nrs.length; i++) log.add(new PainEntry(T0 + i * DAY, 60, nrs[i], PainContext.AVG_24H));
        return log;
    }

    @Test
    void entries() {
        PainEntry d = new PainEntry();
        assertEquals(PainContext.CURRENT, d.context);
        assertEquals(PainLocation.UNSPECIFIED, d.location);
        assertEquals(PainSide.UNSPECIFIED, d.side);
        assertTrue(d.symptoms.isEmpty());
        assertEquals("", d.note);
        try (PainLog log = new PainLog()) {
            PainEntry e = new PainEntry(T0 + DAY, 60, 4, PainContext.CURRENT);
            e.location = PainLocation.LATERAL_HIP;
            e.side = PainSide.LEFT;
            e.symptoms = EnumSet.of(PainSymptom.CLICKING, PainSymptom.LIMP);
            e.timeOfDay = PainTimeOfDay.MORNING;
            e.setting = PainSetting.ACTIVITY;
            e.note = "stairs \u00e9\u20ac";
            log.add(e);
            log.add(new PainEntry(T0, 60, 2, PainContext.CURRENT));   // earlier: placed first
            assertEquals(2, log.count());
            assertEquals(2, log.entry(0).nrs);
            PainEntry back = log.entry(1);
            assertEquals(PainLocation.LATERAL_HIP, back.location);
            assertEquals(EnumSet.of(PainSymptom.CLICKING, PainSymptom.LIMP), back.symptoms);
            assertEquals("stairs \u00e9\u20ac", back.note);
            assertEquals(PainSetting.ACTIVITY, back.setting);
            assertEquals(2, log.entries().size());
            assertHip(Status.EXISTS, () -> log.add(e));
            log.remove(0);
            assertEquals(1, log.count());
            assertHip(Status.RANGE, () -> log.remove(5));
            assertHip(Status.RANGE, () -> log.entry(1));
        }
    }

    @Test
    void entryErrorsNameTheField() {
        try (PainLog log = new PainLog()) {
            PainEntry e = new PainEntry(T0, 0, 11, PainContext.CURRENT);
            HipException x = assertHip(Status.RANGE, () -> log.add(e));
            assertTrue(x.getMessage().contains("nrs: expected an integer 0..10, got 11"), x.getMessage());
            e.nrs = -1;
            assertHip(Status.RANGE, () -> log.add(e));
            e.nrs = 5;
            e.utcOffsetMin = 1081;
            x = assertHip(Status.RANGE, () -> log.add(e));
            assertTrue(x.getMessage().contains("utc_offset_min"), x.getMessage());
            e.utcOffsetMin = 0;
            e.context = null;
            assertHip(Status.INVALID, () -> log.add(e));
            e.context = PainContext.CURRENT;
            e.note = new String(new char[300]).replace('\0', 'a');
            assertHip(Status.RANGE, () -> log.add(e));   // refused, never cut
            assertHip(Status.INVALID, () -> log.add(null));
            assertEquals(0, log.count());   // unchanged on failure
        }
        PainLog.Config bad = new PainLog.Config();
        bad.baselineDays = 0;
        assertHip(Status.INVALID, () -> new PainLog(bad));
    }

    @Test
    void analytics() {
        // 7 days at 2, then 3 days at 5 (a flare), then 4 days at 2.
        try (PainLog log = daily(2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 2, 2, 2, 2)) {
            PainLog.Baseline b = log.baseline(PainContext.AVG_24H);
            assertEquals(2.0, b.nrs);
            assertEquals(D0, b.firstDay);
            assertEquals(7, b.dayCount);
            assertEquals(7, b.entryCount);
            assertHip(Status.NOT_FOUND, () -> log.baseline(PainContext.AVG_7D));
            PainLog.Window w = log.rollingMean(PainContext.AVG_24H, D0.plusDays(9));
            assertEquals(D0.plusDays(9), w.lastDay);
            assertEquals(7, w.dayCount);
            assertEquals((4 * 2 + 3 * 5) / 7.0, w.meanNrs, 1e-9);
            PainLog.Change c = log.changeOn(PainContext.AVG_24H, D0.plusDays(13));
            assertEquals(2.0, c.baseline);
            List<PainLog.Flare> flares = log.flares(PainContext.AVG_24H);
            assertEquals(1, flares.size(), flares.toString());
            PainLog.Flare f = flares.get(0);
            assertEquals(D0.plusDays(7), f.startDay);
            assertEquals(D0.plusDays(8), f.onDay);
            assertFalse(f.ongoing);
            assertTrue(f.offDay.compareTo(f.lastDay) > 0);
            assertEquals(5.0, f.peakNrs);
            assertEquals(0, f.escalate & PainLog.Flare.LONG);
            assertHip(Status.NOT_FOUND, () -> log.flares(PainContext.CURRENT));
            PainLog.PatternResult p = log.pattern(PainContext.AVG_24H, D0, D0.plusDays(13));
            assertEquals(PainPattern.UNDETERMINED, p.pattern);
        }
        try (PainLog log = daily(2, 2, 2, 2, 2, 2, 2, 5, 5, 5)) {
            PainLog.Flare f = log.flares(PainContext.AVG_24H).get(0);
            assertTrue(f.ongoing);
            assertNull(f.offDay);
        }
    }

    /** CLINICAL.md §1.3: 6 to 4 is a 33 % and 2-point reduction (responder); 0 is NOT_EVALUABLE. */
    @Test
    void changeBandsAndDuration() {
        PainLog.Change c = PainLog.change(6, 4);
        assertEquals(2.0, c.deltaAbs);
        assertEquals(100.0 / 3.0, c.deltaPct, 1e-9);
        assertEquals(PainVerdict.YES, c.respPct);
        assertEquals(PainVerdict.YES, c.respAbs);
        assertEquals(PainVerdict.YES, c.responder);
        assertEquals(PainCriterion.PCT, c.criterion);
        PainLog.Change zero = PainLog.change(0, 0);
        assertEquals(PainVerdict.NOT_EVALUABLE, zero.pctStatus);
        assertEquals(0.0, zero.deltaPct);
        assertEquals(PainVerdict.YES, PainLog.change(3, 6).worseAbs);
        assertHip(Status.RANGE, () -> PainLog.change(11, 4));
        assertHip(Status.RANGE, () -> PainLog.change(6, Double.NaN));
        PainLog.Config cfg = new PainLog.Config();
        cfg.responderCriterion = PainCriterion.BOTH;
        cfg.respAbs = 3;
        assertEquals(PainVerdict.NO, PainLog.change(6, 4, cfg).responder);

        assertEquals(PainBand.NONE, PainLog.band(0));
        assertEquals(PainBand.MILD, PainLog.band(3));
        assertEquals(PainBand.MODERATE, PainLog.band(4));
        assertEquals(PainBand.SEVERE, PainLog.band(9));
        assertEquals(PainBand.EXCRUCIATING, PainLog.band(10));
        assertHip(Status.RANGE, () -> PainLog.band(11));
        assertHip(Status.RANGE, () -> PainLog.band(-1));

        assertEquals(PainDuration.ACUTE, PainLog.durationClass(D0, D0.plusDays(84)));
        assertEquals(PainDuration.CHRONIC, PainLog.durationClass(D0, D0.plusDays(85)));
        assertHip(Status.RANGE, () -> PainLog.durationClass(D0.plusDays(1), D0));

        // 23:30Z at +60 is the next local day.
        assertEquals(D0.plusDays(1), PainLog.localDay(T0 + 15 * 3_600_000_000_000L + 30 * 60_000_000_000L, 60));
        assertHip(Status.RANGE, () -> PainLog.localDay(T0, 1081));
    }

    /** CLINICAL.md §1.4 worked vector: ratio 32.0, mean 31.25, both responder rates 50 %. */
    @Test
    void cohortVector() {
        PainLog.Cohort c = PainLog.cohort(new double[] {8, 6, 4, 7}, new double[] {4, 3, 3, 7});
        assertEquals(4, c.enrolled);
        assertEquals(4, c.completers);
        assertEquals(32.0, c.pctRatio.getAsDouble(), 1e-9);
        assertEquals(31.25, c.pctMean.getAsDouble(), 1e-9);
        assertEquals(2, c.respondersPct);
        assertEquals(2, c.respondersAbs);
        assertEquals(50.0, c.respPctRateItt.getAsDouble(), 1e-9);
        assertEquals(50.0, c.respAbsRateCompleters.getAsDouble(), 1e-9);
        PainLog.Cohort m = PainLog.cohort(new double[] {5, 0}, new double[] {PainLog.MISSING, 2});
        assertEquals(2, m.enrolled);
        assertEquals(1, m.completers);
        assertFalse(m.pctMean.isPresent());
        assertEquals(1, m.pctMeanExcluded);
        assertHip(Status.RANGE, () -> PainLog.cohort(new double[] {11}, new double[] {2}));
        assertHip(Status.NOT_FOUND, () -> PainLog.cohort(new double[0], new double[0]));
        HipException e = assertHip(Status.INVALID, () -> PainLog.cohort(new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("differ in length"), e.getMessage());
    }

    @Test
    void json() {
        try (PainLog log = daily(2, 3, 4)) {
            String json = log.exportJson();
            assertTrue(json.contains("\"format\": \"hiptrack.painlog\""), json);
            assertTrue(json.contains("\"time\": \"2026-03-02T09:00:00+01:00\""), json);
            try (PainLog back = PainLog.fromJson(json)) {
                assertEquals(3, back.count());
                assertEquals(json, back.exportJson());
            }
            String hdr = "{\"format\": \"hiptrack.painlog\", \"version\": 1, \"entries\": [";
            String e0 = "{\"time\": \"2026-03-02T09:00:00+01:00\", \"nrs\": 3, \"context\": \"current\"";
            HipException e = assertHip(Status.FORMAT, () -> log.importJson(hdr + e0 + ", \"mood\": 3}]}"));
            assertTrue(e.getMessage().contains("entries[0]: unknown field \"mood\""), e.getMessage());
            e = assertHip(Status.EXISTS, () -> log.importJson(hdr + e0 + "}, " + e0 + "}]}"));
            assertTrue(e.getMessage().contains("entries[1]: an exact duplicate of entries[0]"), e.getMessage());
            assertEquals(3, log.count());   // all or nothing
            assertHip(Status.FORMAT, () -> PainLog.fromJson("nope"));
        }
    }

    @Test
    void closeTwiceAndUseAfterClose() {
        PainLog log = new PainLog();
        log.close();
        log.close();
        assertTrue(log.isClosed());
        assertHip(Status.STATE, log::count);
        assertHip(Status.STATE, () -> log.add(new PainEntry()));
        assertHip(Status.STATE, () -> log.flares(PainContext.AVG_24H));
        assertHip(Status.STATE, log::exportJson);
    }
}
