package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramTest {
    static final CivilDate START = CivilDate.of(2026, 11, 2);

    static Program twoVersions() {
        Program program = new Program();
        program.begin(START, 3, "initial prescription");
        Prescription bridge = new Prescription("bridge");
        bridge.holdS = 2;
        program.add(bridge);
        program.add(new Prescription("clamshell"));
        program.commit();
        program.begin(START.plusDays(14), 4, "progress");
        Prescription harder = new Prescription("marching_bridge");
        harder.side = Side.ALTERNATING;
        program.replace(0, harder);
        program.commit();
        return program;
    }

    @Test
    void prescriptionDefaults() {
        Prescription p = new Prescription("bridge");
        assertEquals("bridge", p.exerciseId);
        assertEquals(3, p.sets);
        assertEquals(10, p.reps);
        assertEquals(120.0, p.restS);
        assertEquals(5, p.painCeiling);
        assertEquals(Side.BOTH, p.side);
        assertTrue(p.toString().contains("3 x 10"));
    }

    @Test
    void versions() {
        try (Program program = twoVersions()) {
            assertEquals(2, program.versionCount());
            ProgramVersion v1 = program.version(0);
            assertEquals(1, v1.number);
            assertEquals(START, v1.effective);
            assertEquals(3, v1.sessionsPerWeek);
            assertEquals(2, v1.exerciseCount);
            assertEquals("initial prescription", v1.note);
            assertTrue(v1.toString().contains("2026-11-02"));
            List<Prescription> ex2 = program.exercises(1);
            assertEquals("marching_bridge", ex2.get(0).exerciseId);
            assertEquals(Side.ALTERNATING, ex2.get(0).side);
            assertEquals(2.0, program.exercises(0).get(0).holdS);
            assertEquals(2, program.versions().size());
            assertEquals(-1, program.versionOn(START.plusDays(-1)));
            assertEquals(0, program.versionOn(START.plusDays(13)));
            assertEquals(1, program.versionOn(START.plusDays(14)));
            assertHip(Status.RANGE, () -> program.version(2));
            assertHip(Status.RANGE, () -> program.exercises(5));
            try (Catalog catalog = new Catalog()) {
                program.check(catalog);
            }
        }
    }

    @Test
    void draftEditing() {
        try (Program program = new Program()) {
            assertHip(Status.STATE, program::commit);
            assertHip(Status.STATE, program::draft);
            assertHip(Status.STATE, () -> program.add(new Prescription("bridge")));
            program.begin(START, 3, null);
            assertHip(Status.STATE, () -> program.begin(START, 3, null));
            assertHip(Status.STATE, program::commit);   // an empty draft
            program.add(new Prescription("bridge"));
            program.add(new Prescription("squat"));
            assertHip(Status.EXISTS, () -> program.add(new Prescription("bridge")));
            Prescription bad = new Prescription("squat");
            bad.sets = 0;
            HipException e = assertHip(Status.INVALID, () -> program.replace(1, bad));
            assertTrue(e.getMessage().contains("sets"), e.getMessage());
            assertEquals(e.getMessage(), program.lastError());
            Prescription noSide = new Prescription("squat");
            noSide.side = null;
            assertHip(Status.INVALID, () -> program.add(noSide));
            assertHip(Status.INVALID, () -> program.add(null));
            assertHip(Status.INVALID, () -> new Prescription(null));
            assertHip(Status.RANGE, () -> program.remove(5));
            assertEquals(2, program.draft().size());
            program.remove(0);
            assertEquals("squat", program.draft().get(0).exerciseId);
            program.discard();
            assertEquals(0, program.versionCount());
            assertHip(Status.INVALID, () -> program.begin(null, 3, null));
            assertHip(Status.RANGE, () -> program.begin(START, 99, null));
        }
    }

    @Test
    void checkAgainstCatalog() {
        try (Program program = new Program()) {
            program.begin(START, 3, null);
            program.add(new Prescription("bridge"));
            program.commit();
            Catalog empty = new Catalog(false);
            HipException e = assertHip(Status.NOT_FOUND, () -> program.check(empty));
            assertTrue(e.getMessage().contains("bridge"), e.getMessage());
            empty.close();
            assertHip(Status.STATE, () -> program.check(empty));
            assertHip(Status.INVALID, () -> program.check(null));
        }
    }

    @Test
    void jsonRoundTrip() {
        String json;
        try (Program program = twoVersions()) {
            json = program.exportJson();
            assertTrue(json.contains("\"hiptrack.program\""));
        }
        try (Program copy = new Program()) {
            copy.importJson(json);
            assertEquals(2, copy.versionCount());
            assertEquals(json, copy.exportJson());
            HipException e = assertHip(Status.FORMAT, () -> copy.importJson("{"));
            assertTrue(e.getMessage().contains("line"), e.getMessage());
            String broken = json.replaceFirst("\"sets\": 3", "\"sets\": 300");
            e = assertHip(Status.FORMAT, () -> copy.importJson(broken));
            assertTrue(e.getMessage().contains("sets"), e.getMessage());
            assertEquals(2, copy.versionCount(), "a failed import changes nothing");
            copy.begin(START.plusDays(30), 3, null);
            assertHip(Status.STATE, () -> copy.importJson(json));
        }
    }

    @Test
    void closeTwiceAndUseAfterClose() {
        Program program = twoVersions();
        program.close();
        program.close();
        assertHip(Status.STATE, program::versionCount);
        assertHip(Status.STATE, () -> program.version(0));
        assertHip(Status.STATE, program::exportJson);
        assertHip(Status.STATE, () -> program.begin(START, 3, null));
    }
}
