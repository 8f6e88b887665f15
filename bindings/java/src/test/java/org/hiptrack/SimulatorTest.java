package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    static Exercise bridge;

    @BeforeAll
    static void lookUp() {
        try (Catalog catalog = new Catalog()) {
            bridge = catalog.require("bridge");
        }
    }

    static SimulatorConfig config(long seed) {
        SimulatorConfig c = new SimulatorConfig(bridge);
        c.seed = seed;
        c.sets = 2;
        c.repsPerSet = 5;
        return c;
    }

    @Test
    void defaults() {
        SimulatorConfig c = new SimulatorConfig(bridge);
        assertEquals(1, c.sets);
        assertEquals(10, c.repsPerSet);
        assertEquals(50.0, c.rateHz);
        assertTrue(c.placementFromExercise);
        assertTrue(c.randomMounting);
        assertEquals("bridge", c.exercise.id);
    }

    @Test
    void streamAndTruth() {
        try (Simulator sim = new Simulator(config(1))) {
            int n = sim.sampleCount();
            assertTrue(n > 0);
            assertEquals(n / 50.0, sim.durationS(), 1.0);
            List<SimRep> reps = sim.reps();
            assertEquals(10, reps.size());
            assertEquals(1, reps.get(9).set);
            assertEquals(9, reps.get(9).index);
            for (SimRep r : reps) {
                assertTrue(r.startNs < r.peakNs && r.peakNs <= r.endNs);
                assertTrue(r.excursionDeg > 0);
                assertEquals(SimRepKind.NORMAL, r.kind);
                assertFalse(r.toString().isEmpty());
            }
            Simulator.Recording all = sim.readAll();
            assertEquals(n, all.size());
            assertEquals(n * 6, all.samples.length);
            assertEquals(0, sim.read(new long[8], new float[48]), "the end of the stream");

            // chunk-independent: odd chunk sizes, arrays and direct buffers give the same samples
            sim.rewind();
            long[] t = new long[n];
            float[] v = new float[n * 6];
            int done = 0;
            while (done < n) {
                long[] tc = new long[7];
                float[] vc = new float[7 * 6];
                int got = sim.read(tc, vc);
                System.arraycopy(tc, 0, t, done, got);
                System.arraycopy(vc, 0, v, done * 6, got * 6);
                done += got;
            }
            assertArrayEquals(all.tNs, t);
            assertArrayEquals(all.samples, v);

            sim.rewind();
            LongBuffer tb = ByteBuffer.allocateDirect(n * 8).order(ByteOrder.nativeOrder()).asLongBuffer();
            FloatBuffer vb = ByteBuffer.allocateDirect(n * 24).order(ByteOrder.nativeOrder()).asFloatBuffer();
            while (sim.read(tb, vb) > 0) {
                // until the end
            }
            assertEquals(n, tb.position());
            tb.flip();
            vb.flip();
            long[] t2 = new long[n];
            float[] v2 = new float[n * 6];
            tb.get(t2);
            vb.get(v2);
            assertArrayEquals(all.tNs, t2);
            assertArrayEquals(all.samples, v2);
            assertHip(Status.INVALID, () -> sim.read(LongBuffer.wrap(new long[4]).asReadOnlyBuffer(), FloatBuffer.wrap(new float[24])));
        }
    }

    @Test
    void seeds() {
        Simulator.Recording a, b, c;
        try (Simulator s = new Simulator(config(42))) {
            a = s.readAll();
        }
        try (Simulator s = new Simulator(config(42))) {
            b = s.readAll();
        }
        try (Simulator s = new Simulator(config(-7))) {   // a uint64 seed with the high bit set
            c = s.readAll();
        }
        assertArrayEquals(a.samples, b.samples);
        assertFalse(Arrays.equals(a.samples, c.samples));
    }

    @Test
    void invalidConfiguration() {
        SimulatorConfig c = config(1);
        c.repsPerSet = 0;
        HipException e = assertHip(Status.RANGE, () -> new Simulator(c));
        assertTrue(e.getMessage().contains("reps_per_set"), e.getMessage());
        SimulatorConfig d = config(1);
        d.rateHz = Double.NaN;
        assertHip(Status.RANGE, () -> new Simulator(d));
        SimulatorConfig f = config(1);
        f.exercise = null;
        assertHip(Status.INVALID, () -> new Simulator(f));
        assertHip(Status.INVALID, () -> new Simulator(null));
    }

    @Test
    void closeTwiceAndUseAfterClose() {
        Simulator sim = new Simulator(config(3));
        sim.close();
        sim.close();
        assertHip(Status.STATE, sim::sampleCount);
        assertHip(Status.STATE, sim::readAll);
        assertHip(Status.STATE, sim::rewind);
        assertHip(Status.STATE, sim::reps);
    }
}
