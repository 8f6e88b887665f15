package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoseTest {
    static final int FPS = 30;

    /** One frame of a side-view squat in the hiptrack layout, 2-D (x forwards, y up), depth 0..1. */
    static float[] squatFrame(double depth) {
        float[] k = new float[18 * 4];
        double hip = Math.toRadians(95 * depth), knee = Math.toRadians(105 * depth);
        double lean = Math.toRadians(10 + 25 * depth);
        double ax = 0, ay = 0.08, shank = knee - hip;
        double kx = ax + 0.42 * Math.sin(shank), ky = ay + 0.42 * Math.cos(shank);
        double a = hip - lean;
        double hx = kx - 0.45 * Math.sin(a), hy = ky + 0.45 * Math.cos(a);
        double sx = hx + 0.5 * Math.sin(lean), sy = hy + 0.5 * Math.cos(lean);
        double[][] p = new double[18][];
        p[Joint.PELVIS.value()] = new double[] {hx, hy};
        p[Joint.SPINE_MID.value()] = new double[] {(hx + sx) / 2, (hy + sy) / 2};
        p[Joint.SPINE_SHOULDER.value()] = new double[] {sx, sy};
        p[Joint.HEAD.value()] = new double[] {sx + 0.2 * Math.sin(lean), sy + 0.2 * Math.cos(lean)};
        for (int s = 0; s < 2; s++) {
            double off = s * 0.01;
            p[Joint.SHOULDER_L.value() + s] = new double[] {sx - off, sy};
            p[Joint.ELBOW_L.value() + s] = new double[] {sx + 0.05, sy - 0.28};
            p[Joint.WRIST_L.value() + s] = new double[] {sx + 0.3, sy - 0.28};
            p[Joint.HIP_L.value() + s] = new double[] {hx - off, hy};
            p[Joint.KNEE_L.value() + s] = new double[] {kx - off, ky};
            p[Joint.ANKLE_L.value() + s] = new double[] {ax - off, ay};
            p[Joint.FOOT_L.value() + s] = new double[] {ax + 0.13 - off, ay - 0.02};
        }
        for (int j = 0; j < 18; j++) {
            k[j * 4] = (float) p[j][0];
            k[j * 4 + 1] = (float) p[j][1];
            k[j * 4 + 3] = 1f;
        }
        return k;
    }

    /** reps squats of 2.5 s with 1.5 s rests, as (timestamps, frames). */
    static Object[] stream(int reps) {
        int n = (int) ((1.5 + reps * 4.0) * FPS);
        long[] t = new long[n];
        float[] k = new float[n * 18 * 4];
        for (int i = 0; i < n; i++) {
            double u = (double) i / FPS - 1.5, depth = 0;
            if (u > 0 && u < reps * 4.0 && (u % 4.0) < 2.5) depth = 0.5 - 0.5 * Math.cos(2 * Math.PI * (u % 4.0) / 2.5);
            t[i] = 1_000_000_000L + (long) i * 1_000_000_000L / FPS;
            System.arraycopy(squatFrame(depth), 0, k, i * 72, 72);
        }
        return new Object[] {t, k};
    }

    @Test
    void tables() {
        assertEquals(33, Pose.jointNames(Skeleton.MEDIAPIPE_POSE33).size());
        assertEquals("hip_l", Pose.jointNames(Skeleton.HIPTRACK).get(10));
        assertEquals(14, Pose.skeletonIndex(Skeleton.COCO17, Joint.KNEE_R));
        assertEquals(-1, Pose.skeletonIndex(Skeleton.COCO17, Joint.PELVIS));
        assertEquals("hip_flexion_l", PoseAngle.HIP_FLEXION_L.id());
        assertEquals("coco17", Skeleton.COCO17.id());
        try (Catalog catalog = new Catalog()) {
            assertEquals(PoseNeed.SIDE, Pose.needFor(catalog.require("squat")));
            assertEquals(PoseNeed.THREE_D, Pose.needFor(catalog.require("clamshell")));
            assertEquals(PoseNeed.UNTRACKABLE, Pose.needFor(catalog.require("walking")));
        }
    }

    @Test
    void anglesOfOneFrame() {
        Pose.Angles a = Pose.angles(Skeleton.HIPTRACK, 2, PoseView.SIDE, 0, squatFrame(1.0));
        assertEquals(95, a.get(PoseAngle.HIP_FLEXION_L), 0.5);
        assertEquals(70, a.get(PoseAngle.KNEE_FLEXION_L), 0.5);   // 105 - 35 of trunk lean in this chain
        assertEquals(35, a.get(PoseAngle.TRUNK_LEAN_SAGITTAL), 0.5);
        assertTrue(Double.isNaN(a.get(PoseAngle.PELVIC_OBLIQUITY)));
        assertEquals(PoseView.SIDE, a.view);
        assertHip(Status.INVALID, () -> Pose.angles(Skeleton.COCO17, 2, new float[18 * 4]));
        assertHip(Status.INVALID, () -> Pose.angles(Skeleton.HIPTRACK, 4, squatFrame(0)));
    }

    @Test
    void countsAndChunks() {
        Object[] s = stream(4);
        long[] t = (long[]) s[0];
        float[] k = (float[]) s[1];
        List<PoseRepEvent> all;
        try (PoseRepCounter c = new PoseRepCounter(Skeleton.HIPTRACK, 2)) {
            assertEquals(18, c.joints());
            all = c.push(t, k);
            all.addAll(c.finish());
        }
        assertEquals(4, all.size());
        PoseRepEvent e = all.get(0);
        assertTrue(e.poseFlags.isEmpty());
        assertEquals(35, e.trunkLeanMaxDeg, 3);
        assertNull(e.pelvicChangeMaxDeg);
        try (Catalog catalog = new Catalog();
             PoseRepCounter c = new PoseRepCounter(Skeleton.HIPTRACK, 2, catalog.require("squat"))) {
            List<PoseRepEvent> got = new ArrayList<>();
            for (int i = 0; i < t.length; i += 13) {
                int n = Math.min(13, t.length - i);
                long[] tt = new long[n];
                float[] kk = new float[n * 72];
                System.arraycopy(t, i, tt, 0, n);
                System.arraycopy(k, i * 72, kk, 0, n * 72);
                got.addAll(c.push(tt, kk));
            }
            got.addAll(c.finish());
            assertEquals(4, got.size());
            for (int i = 0; i < 4; i++) assertEquals(all.get(i).rep.endNs, got.get(i).rep.endNs);
        }
    }

    @Test
    void errors() {
        try (Catalog catalog = new Catalog()) {
            Exercise walking = catalog.require("walking");
            assertHip(Status.UNSUPPORTED, () -> new PoseRepCounter(Skeleton.COCO17, 2, walking));
        }
        PoseRepCounter c = new PoseRepCounter(Skeleton.HIPTRACK, 2);
        assertHip(Status.INVALID, () -> c.push(new long[] {1, 2}, new float[72]));
        c.push(new long[] {5}, squatFrame(0));
        assertHip(Status.RANGE, () -> c.push(new long[] {5}, squatFrame(0)));
        c.close();
        assertHip(Status.STATE, () -> c.finish());
        assertHip(Status.INVALID, () -> new PoseRepCounter(Skeleton.HIPTRACK, 5));
    }
}
