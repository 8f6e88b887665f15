package org.hiptrack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;

    private static PainEntry entry(int day, int nrs) {
        long t = (1_772_395_200L + day * 86_400L) * 1_000_000_000L;  // 2026-03-01T20:00Z + day
        return new PainEntry(t, 0, nrs, PainContext.AVG_24H);
    }

    @Test
    void versionsHistoryAndAnalytics() {
        try (Store store = new Store(dir.resolve("m.db").toString())) {
            assertEquals(3, store.schemaVersion());
            Store.Record r1 = store.putPain("morning", entry(0, 4));
            Store.Record r2 = store.putPain("morning", entry(0, 5));
            assertEquals(1, r1.version());
            assertEquals(2, r2.version());
            assertEquals(Store.Kind.PAIN, r1.kind());
            assertEquals(CivilDate.parse("2026-03-01"), r1.day());
            try (PainLog now = store.loadPainLog(null, null, 0);
                 PainLog then = store.loadPainLog(null, null, r1.seq())) {
                assertEquals(5, now.entry(0).nrs);
                assertEquals(4, then.entry(0).nrs);
            }
            assertTrue(store.delete(Store.Kind.PAIN, "morning").deleted());
            HipException e = Support.assertHip(Status.NOT_FOUND, () -> store.get(Store.Kind.PAIN, "morning", 0));
            assertTrue(e.getMessage().contains("deleted"), e.getMessage());
            assertEquals(2, store.get(Store.Kind.PAIN, "morning", r2.seq()).version());
            List<Store.Record> all = store.list(null, null, null, true, true);
            assertEquals(3, all.size());
            assertTrue(store.json(r1.seq()).contains("hiptrack.painlog"));
            for (int d = 1; d <= 14; d++) store.putPain("p" + d, entry(d, d <= 7 ? 6 : 3));
            try (PainLog log = store.loadPainLog(CivilDate.parse("2026-03-02"), CivilDate.parse("2026-03-15"), 0)) {
                assertEquals(14, log.count());
            }
            assertEquals(6, store.list(Store.Kind.PAIN, CivilDate.parse("2026-03-10"), null, false, false).size());
            store.check();
        }
    }

    @Test
    void assessments() {
        try (Store store = new Store(dir.resolve("a.db").toString())) {
            Store.Record r1 = store.putAssessment("rom_1",
                    AssessResult.of(RomMotion.FLEXION, AssessSide.RIGHT, CivilDate.parse("2026-11-02"), 95));
            assertEquals(Store.Kind.ASSESSMENT, r1.kind());
            assertEquals(CivilDate.parse("2026-11-02"), r1.day());
            store.putAssessment("rom_2", AssessResult.of(RomMotion.FLEXION, AssessSide.RIGHT,
                    CivilDate.parse("2026-11-09"), 101.5));
            try (AssessmentHistory h = store.loadAssessments(null, null, 0);
                 AssessmentHistory early = store.loadAssessments(null, null, r1.seq());
                 AssessmentHistory later = store.loadAssessments(CivilDate.parse("2026-11-03"), null, 0)) {
                assertEquals(2, h.count());
                assertEquals(101.5, h.get(1).rangeDeg);
                assertEquals(6.5, h.change(RomMotion.FLEXION, AssessSide.RIGHT, CivilDate.parse("2026-12-31")).getAsDouble());
                assertEquals(1, early.count());
                assertEquals(1, later.count());
            }
            assertEquals(2, store.list(Store.Kind.ASSESSMENT, null, null, false, false).size());
        }
    }

    @Test
    void documentsRoundTrip() {
        try (Store store = new Store(dir.resolve("d.db").toString())) {
            store.putJson(Store.Kind.PROGRAM, "program", "{\"format\": \"hiptrack.program\", \"version\": 1, "
                    + "\"versions\": [{\"effective\": \"2026-11-02\", \"sessions_per_week\": 3, \"exercises\": "
                    + "[{\"exercise\": \"bridge\", \"sets\": 3, \"reps\": 10}]}]}");
            try (Program p = store.loadProgram("program", 0)) {
                assertEquals(1, p.versionCount());
                store.putProgram("copy", p);
            }
            store.putJson(Store.Kind.SESSION, "s1", "{\"format\": \"hiptrack.session\", \"version\": 1, "
                    + "\"start_ns\": 1772440200000000000, \"utc_offset_min\": 60, \"end_ns\": 1772442000000000000, "
                    + "\"exercises\": [{\"exercise\": \"bridge\", \"prescribed\": {\"sets\": 1, \"reps\": 5}, "
                    + "\"sets\": [{\"reps\": [{\"origin\": \"manual\"}]}]}]}");
            try (Session s = store.loadSession("s1", 0)) {
                store.putSession("s2", s);
            }
            store.putJson(Store.Kind.OUTCOME, "visit", "{\"format\": \"hiptrack.outcome\", \"version\": 1, "
                    + "\"instrument\": \"hoos_jr\", \"date\": \"2026-11-02\", \"answers\": {\"P5\": 1}}");
            try (OutcomeResponse r = store.loadOutcome("visit", 0)) {
                assertEquals(Instrument.HOOS_JR, r.instrument());
                assertEquals(2, store.putOutcome("visit", r).version());
            }
            Support.assertHip(Status.FORMAT, () -> store.putJson(Store.Kind.PROGRAM, "bad", "{\"format\": 1}"));
        }
    }

    @Test
    void refusesForeignFilesAndReadOnly() throws IOException {
        Path text = dir.resolve("notes.txt");
        byte[] bytes = "not a database, just notes".getBytes(StandardCharsets.UTF_8);
        Files.write(text, bytes);
        Support.assertHip(Status.FORMAT, () -> new Store(text.toString()));
        assertArrayEquals(bytes, Files.readAllBytes(text));
        Support.assertHip(Status.NOT_FOUND,
                () -> new Store(dir.resolve("missing.db").toString(), true, true, Store.Sync.FULL));
        try (Store store = new Store(dir.resolve("ro.db").toString(), false, true, Store.Sync.NORMAL)) {
            store.putPain("a", entry(1, 2));
        }
        try (Store ro = new Store(dir.resolve("ro.db").toString(), true, false, Store.Sync.FULL)) {
            assertEquals(1, ro.list(null, null, null, false, false).size());
            Support.assertHip(Status.STATE, () -> ro.putPain("b", entry(2, 2)));
        }
    }
}
