package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssessTest {
    static final double G = 9.80665;
    static final CivilDate D0 = CivilDate.of(2026, 11, 2);

    /** A standing thigh abducted by angleDeg (sensor = thigh frame), 50 Hz: 2 s still, 2 s out,
     * 1 s hold, 2 s back, 1 s still. */
    static float[] stream(double angleDeg, long[] t) {
        int n = t.length;
        float[] x = new float[n * 6];
        double prev = 0;
        for (int i = 0; i < n; i++) {
            double s = i / 50.0;
            double u = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(Math.max((s - 2) / 2, 0), 1));
            double d = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(Math.max((s - 5) / 2, 0), 1));
            double th = Math.toRadians(angleDeg) * (u - d);
            t[i] = i * 20_000_000L;
            x[i * 6 + 1] = (float) (G * Math.sin(th));
            x[i * 6 + 2] = (float) (G * Math.cos(th));
            x[i * 6 + 3] = (float) (i == 0 ? 0 : (th - prev) * 50.0);
            prev = th;
        }
        return x;
    }

    @Test
    void imuKnownAbduction() {
        long[] t = new long[400];
        float[] x = stream(35, t);
        Assessment.Config c = new Assessment.Config(RomMotion.ABDUCTION, AssessSide.RIGHT);
        c.day = D0;
        try (Assessment a = new Assessment(c)) {
            assertEquals(AssessState.WAITING, a.state());
            assertFalse(a.currentDeg().isPresent());
            assertFalse(a.result().isPresent());
            List<AssessState> seen = new ArrayList<>();
            for (int i = 0; i < t.length && a.state().compareTo(AssessState.DONE) < 0; i++) {
                a.pushImu(t[i], java.util.Arrays.copyOfRange(x, i * 6, i * 6 + 6));
                if (seen.isEmpty() || seen.get(seen.size() - 1) != a.state()) seen.add(a.state());
            }
            assertEquals(List.of(AssessState.WAITING, AssessState.CALIBRATING, AssessState.READY,
                    AssessState.MOVING, AssessState.HELD, AssessState.DONE), seen);
            AssessResult r = a.result().get();
            assertEquals(35, r.rangeDeg, 1.0);
            assertEquals(RomMotion.ABDUCTION, r.motion);
            assertEquals(D0, r.day);
            assertTrue(r.compensations.isEmpty());
            assertHip(Status.STATE, () -> a.pushImu(t[399] + 1, new float[6]));
            a.reset();
            int used = a.pushImu(t, x);
            assertTrue(used > 200 && used < t.length);
            assertEquals(r.rangeDeg, a.result().get().rangeDeg, 1e-9);
            assertEquals(RomBand.REDUCED, r.compareNormal(RomNormals.aaos()).band);   // 35 of 45
        }
    }

    @Test
    void errors() {
        Assessment.Config c = new Assessment.Config(RomMotion.FLEXION, AssessSide.LEFT);
        c.moveDeg = 1;
        HipException e = assertHip(Status.INVALID, () -> new Assessment(c));
        assertEquals("move_deg: expected 2..30", e.getMessage());
        Assessment a = new Assessment(new Assessment.Config(RomMotion.FLEXION, AssessSide.LEFT));
        {
            a.pushImu(100, new float[] {0, 0, 9.8f, 0, 0, 0});
            assertTrue(assertHip(Status.RANGE, () -> a.pushImu(100, new float[] {0, 0, 9.8f, 0, 0, 0}))
                    .getMessage().startsWith("t_ns"));
            assertHip(Status.RANGE, () -> a.pushImu(200, new float[] {0, 0, Float.NaN, 0, 0, 0}));
            assertHip(Status.INVALID, () -> a.pushImu(300, new float[3]));
            assertHip(Status.STATE, () -> a.pushAngles(400, new Assessment.Angles()));
            a.finish();
            assertEquals(AssessFailure.NO_STILLNESS, a.failure());
            assertTrue(assertHip(Status.STATE, a::result).getMessage().contains("no_stillness"));
            a.close();
            assertHip(Status.STATE, a::state);
        }
    }

    @Test
    void poseAngles() {
        Assessment.Config c = new Assessment.Config(RomMotion.FLEXION, AssessSide.LEFT, AssessSource.POSE);
        try (Assessment a = new Assessment(c)) {
            for (int i = 0; i < 240 && a.state().compareTo(AssessState.DONE) < 0; i++) {
                double s = i / 30.0;
                double u = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(Math.max((s - 2) / 2, 0), 1));
                double d = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(Math.max((s - 5) / 2, 0), 1));
                Assessment.Angles f = new Assessment.Angles();
                f.hipFlexionDeg = 4 + 70 * (u - d);
                f.hipAbductionDeg = 2 + 15 * (u - d) * (u - d);
                a.pushAngles(i * 33_333_333L, f);
            }
            AssessResult r = a.result().get();
            assertEquals(4, r.startDeg, 0.5);
            assertEquals(70, r.rangeDeg, 1.5);
            assertEquals(EnumSet.of(AssessComp.OUT_OF_PLANE), r.compensations);
            assertEquals(15, r.outOfPlaneDeg, 1.0);
        }
    }

    /** A standing skeleton facing the camera whose left thigh swings forward by 60 degrees. */
    @Test
    void keypointsThroughHipPose() {
        float[][] base = {{0, 1.0f, 0}, {0, 1.25f, 0}, {0, 1.5f, 0}, {0, 1.7f, 0}, {0.2f, 1.45f, 0},
                {-0.2f, 1.45f, 0}, {0.25f, 1.2f, 0}, {-0.25f, 1.2f, 0}, {0.25f, 1.0f, 0}, {-0.25f, 1.0f, 0},
                {0.1f, 1.0f, 0}, {-0.1f, 1.0f, 0}, {0.1f, 0.55f, 0}, {-0.1f, 0.55f, 0}, {0.1f, 0.1f, 0},
                {-0.1f, 0.1f, 0}, {0.1f, 0.05f, 0.12f}, {-0.1f, 0.05f, 0.12f}};
        try (Assessment a = new Assessment(new Assessment.Config(RomMotion.FLEXION, AssessSide.LEFT, AssessSource.POSE))) {
            for (int i = 0; i < 240 && a.state().compareTo(AssessState.DONE) < 0; i++) {
                double s = i / 30.0;
                double u = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(Math.max((s - 2) / 2, 0), 1));
                double d = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(Math.max((s - 5) / 2, 0), 1));
                double th = Math.toRadians(60 * (u - d));
                float[] k = new float[18 * 4];
                for (int j = 0; j < 18; j++) {
                    k[j * 4] = base[j][0];
                    k[j * 4 + 1] = base[j][1];
                    k[j * 4 + 2] = base[j][2];
                    k[j * 4 + 3] = 1;
                }
                k[12 * 4 + 1] = (float) (1.0 - 0.45 * Math.cos(th));
                k[12 * 4 + 2] = (float) (0.45 * Math.sin(th));
                k[14 * 4 + 1] = (float) (1.0 - 0.9 * Math.cos(th));
                k[14 * 4 + 2] = (float) (0.9 * Math.sin(th));
                k[16 * 4 + 1] = k[14 * 4 + 1] - 0.05f;
                k[16 * 4 + 2] = k[14 * 4 + 2] + 0.12f;
                a.pushKeypoints(i * 33_333_333L, Skeleton.HIPTRACK, 3, null, k);
            }
            assertEquals(60, a.result().get().rangeDeg, 3);
            a.reset();
            assertTrue(assertHip(Status.INVALID, () -> a.pushKeypoints(0, Skeleton.HIPTRACK, 3, null, new float[12]))
                    .getMessage().contains("keypoints hold 12 floats"));
        }
    }

    @Test
    void normalsHistoryJson() {
        AssessResult ir = AssessResult.of(RomMotion.INTERNAL_ROTATION, AssessSide.LEFT, D0, 30);
        assertEquals(RomBand.MARKEDLY_REDUCED, ir.compareNormal(RomNormals.aaos()).band);
        assertEquals(100, ir.compareNormal(RomNormals.conservative()).pctOfNormal, 1e-9);
        RomNormals mine = RomNormals.aaos().with(RomMotion.INTERNAL_ROTATION, 35).with("clinic", 90, 70);
        assertEquals(RomBand.REDUCED, ir.compareNormal(mine).band);
        assertEquals("clinic", mine.source);
        assertHip(Status.RANGE, () -> ir.compareNormal(RomNormals.aaos().with(RomMotion.INTERNAL_ROTATION, 0)));
        AssessResult later = AssessResult.of(RomMotion.INTERNAL_ROTATION, AssessSide.LEFT, D0.plusDays(30), 38);
        assertEquals(8, later.changeSince(ir), 1e-9);
        assertHip(Status.INVALID, () -> later.changeSince(AssessResult.of(RomMotion.FLEXION, AssessSide.LEFT, D0, 1)));
        try (AssessmentHistory h = new AssessmentHistory()) {
            h.add(later);
            h.add(ir);
            assertEquals(2, h.count());
            assertEquals(ir, h.get(0));
            assertEquals(later, h.latest(RomMotion.INTERNAL_ROTATION, AssessSide.LEFT, D0.plusDays(99)).get());
            assertFalse(h.latest(RomMotion.INTERNAL_ROTATION, AssessSide.RIGHT, D0).isPresent());
            assertEquals(8, h.change(RomMotion.INTERNAL_ROTATION, AssessSide.LEFT, D0.plusDays(99)).getAsDouble(), 1e-9);
            assertFalse(h.change(RomMotion.FLEXION, AssessSide.LEFT, D0).isPresent());
            assertHip(Status.RANGE, () -> h.get(2));
            AssessResult bad = new AssessResult(RomMotion.FLEXION, AssessSide.LEFT, AssessSource.IMU,
                    AssessPosture.STANDING, D0, 0, 90, 80, 0, EnumSet.noneOf(AssessComp.class), 0, 0, 0, 0, 1);
            assertEquals("result.range_deg: expected max_deg - start_deg",
                    assertHip(Status.INVALID, () -> h.add(bad)).getMessage());
            String json = h.exportJson();
            assertTrue(json.contains("\"format\": \"hiptrack.assessment\""));
            try (AssessmentHistory g = AssessmentHistory.fromJson(json)) {
                assertEquals(h.results(), g.results());
                assertTrue(assertHip(Status.FORMAT, () -> g.importJson(json.replace("\"range_deg\": 30", "\"range_deg\": 31")))
                        .getMessage().startsWith("assessments[0].range_deg"));
                assertEquals(2, g.count());
            }
        }
    }

    @Test
    void progressionRuleOnRom() {
        try (Program p = new Program(); RuleSet rules = RuleSet.parse(
                "rule rom_ready when rom_flexion_pct >= 75 then reps +2 max 15 say \"flexion is back\"\n");
             AssessmentHistory h = new AssessmentHistory()) {
            p.begin(D0, 3, null);
            Prescription rx = new Prescription("standing_march");
            rx.side = Side.LEFT;
            p.add(rx);
            p.commit();
            ProgressionHistory hist = new ProgressionHistory(p).assessments(h);
            h.add(AssessResult.of(RomMotion.FLEXION, AssessSide.LEFT, D0.plusDays(3), 84));   // 70 %
            assertEquals("", rules.evaluate(hist, D0.plusDays(4), 0).ruleId);
            h.add(AssessResult.of(RomMotion.FLEXION, AssessSide.LEFT, D0.plusDays(10), 96));  // 80 %
            Decision d = rules.evaluate(hist, D0.plusDays(10), 0);
            assertEquals("rom_ready", d.ruleId);
            assertEquals(12, d.after().reps);
            assertEquals("rom_flexion_pct", d.inputs.get(0).metric);
            assertEquals(80, d.inputs.get(0).value, 1e-9);
            hist.romNormals(RomNormals.aaos().with(RomMotion.FLEXION, 140));
            assertEquals("", rules.evaluate(hist, D0.plusDays(10), 0).ruleId);
        }
    }

    /** The enums against the library: value round trip and (where it has one) the name. */
    @Test
    void enums() throws Exception {
        Class<?>[] named = {RomMotion.class, RomBand.class, AssessSide.class, AssessSource.class,
                AssessPosture.class, AssessState.class, AssessFailure.class};
        for (Class<?> cls : named) {
            Method value = cls.getMethod("value");
            Method id = cls.getMethod("id");
            Method fromValue = cls.getMethod("fromValue", int.class);
            for (Object constant : cls.getEnumConstants()) {
                assertEquals(constant, fromValue.invoke(null, (Integer) value.invoke(constant)));
                assertEquals(((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT), id.invoke(constant));
            }
        }
        assertEquals(EnumSet.of(AssessComp.TRUNK_LEAN, AssessComp.OUT_OF_PLANE), AssessComp.fromBits(5));
        assertEquals(64, AssessAngle.toBits(EnumSet.of(AssessAngle.PELVIC_OBLIQUITY)));
    }
}
