package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RepDetectorTest {
    static Exercise squat;
    static Simulator.Recording rec;

    @BeforeAll
    static void simulate() {
        try (Catalog catalog = new Catalog()) {
            squat = catalog.require("squat");
            rec = Support.simulate(catalog, "squat", 12, 5);
        }
    }

    static List<RepEvent> drain(RepDetector d) {
        List<RepEvent> out = new ArrayList<>();
        for (RepEvent e : d.events()) out.add(e);
        return out;
    }

    static List<RepEvent> countAll(RepDetector d, long[] t, float[] v) {
        d.push(t, v);
        d.finish();
        return drain(d);
    }

    /** Compares events field by field (RepEvent is a value without equals). */
    static void assertSameEvents(List<RepEvent> a, List<RepEvent> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).toString(), b.get(i).toString());
            assertEquals(a.get(i).startNs, b.get(i).startNs);
            assertEquals(a.get(i).endNs, b.get(i).endNs);
            assertEquals(a.get(i).emittedNs, b.get(i).emittedNs);
            assertEquals(a.get(i).excursionDeg, b.get(i).excursionDeg);
            assertEquals(a.get(i).smoothness, b.get(i).smoothness);
        }
    }

    /** Events collected through the raw layer into the given record buffer (push only, no finish). */
    static List<RepEvent> collect(ByteBuffer events) {
        List<RepEvent> out = new ArrayList<>();
        long[] used = new long[1];
        long[] got = new long[1];
        try (RepDetector d = new RepDetector(squat)) {
            LongBuffer t = LongBuffer.wrap(rec.tNs);
            FloatBuffer s = FloatBuffer.wrap(rec.samples);
            while (t.hasRemaining()) {
                events.clear();
                int st = d.proxy().push_collect(t.duplicate(), s.duplicate(), events, used, got);
                assertTrue(st >= 0);
                for (int i = 0; i < got[0]; i++) out.add(new RepEvent(events, i));
                t.position(t.position() + (int) used[0]);
                s.position(s.position() + (int) used[0] * 6);
                if (used[0] == 0 && got[0] == 0) break;
            }
        }
        return out;
    }

    @Test
    void recordsIntoUnalignedAndHeapBuffers() {
        ByteOrder order = ByteOrder.nativeOrder();
        List<RepEvent> want = collect(ByteBuffer.allocateDirect(16 * RepEvent.SIZE).order(order));
        assertTrue(want.size() >= 10);
        ByteBuffer odd = ByteBuffer.allocateDirect(16 * RepEvent.SIZE + 3).order(order);
        odd.position(3);
        // A slice at byte 3: the C records cannot be written there in place (an aligned copy is).
        assertSameEvents(want, collect(odd.slice().order(order)));
        assertSameEvents(want, collect(ByteBuffer.allocate(16 * RepEvent.SIZE).order(order)));
    }

    @Test
    void countsSimulatedSquats() {
        try (RepDetector d = new RepDetector(squat)) {
            assertEquals(InputKind.IMU, d.inputKind());
            assertEquals(6, d.sampleWidth());
            List<RepEvent> reps = countAll(d, rec.tNs, rec.samples);
            assertEquals(12, reps.size());
            for (int i = 0; i < reps.size(); i++) {
                RepEvent r = reps.get(i);
                assertEquals(i + 1, r.index);
                assertTrue(r.startNs <= r.peakNs && r.peakNs <= r.endNs && r.endNs <= r.emittedNs);
                assertTrue(r.excursionDeg > 0);
                assertTrue(r.durationS() > 0);
                assertTrue(r.source == RepSource.ROTATION || r.source == RepSource.TRANSLATION);
                assertEquals(r.flags.contains(RepFlag.PARTIAL), r.has(RepFlag.PARTIAL));
                assertThrows(UnsupportedOperationException.class, () -> r.flags.add(RepFlag.PARTIAL));
            }
            assertEquals(0, d.pendingEvents());
            assertNull(d.nextEvent());
        }
    }

    @Test
    void chunkingAndBuffersGiveTheSameEvents() {
        List<RepEvent> whole;
        try (RepDetector d = new RepDetector(squat)) {
            whole = countAll(d, rec.tNs, rec.samples);
        }
        // one sample at a time
        try (RepDetector d = new RepDetector(squat)) {
            List<RepEvent> got = new ArrayList<>();
            float[] one = new float[6];
            for (int i = 0; i < rec.size(); i++) {
                System.arraycopy(rec.samples, i * 6, one, 0, 6);
                d.push(rec.tNs[i], one);
                RepEvent e;
                while ((e = d.nextEvent()) != null) got.add(e);
            }
            d.finish();
            got.addAll(drain(d));
            assertSameEvents(whole, got);
        }
        // direct buffers in native order, in uneven blocks, never drained until the end
        ByteBuffer bytes = ByteBuffer.allocateDirect(rec.samples.length * 4).order(ByteOrder.nativeOrder());
        FloatBuffer direct = bytes.asFloatBuffer();
        direct.put(rec.samples).flip();
        LongBuffer times = ByteBuffer.allocateDirect(rec.tNs.length * 8).order(ByteOrder.nativeOrder()).asLongBuffer();
        times.put(rec.tNs).flip();
        try (RepDetector d = new RepDetector(squat)) {
            int done = 0, block = 1;
            while (done < rec.size()) {
                int n = Math.min(block, rec.size() - done);
                times.limit(done + n);
                direct.limit((done + n) * 6);
                d.push(times, direct);
                assertEquals(done + n, times.position());
                assertEquals((done + n) * 6, direct.position());
                done += n;
                block = block * 3 % 97 + 1;
            }
            d.finish();
            assertSameEvents(whole, drain(d));
        }
        // a heap FloatBuffer over an offset slice of a larger array
        float[] padded = new float[rec.samples.length + 5];
        System.arraycopy(rec.samples, 0, padded, 5, rec.samples.length);
        try (RepDetector d = new RepDetector(squat)) {
            d.push(rec.tNs, FloatBuffer.wrap(padded, 5, rec.samples.length).slice());
            d.finish();
            assertSameEvents(whole, drain(d));
        }
    }

    @Test
    void refusedSampleKeepsWhatCameBefore() {
        int bad = rec.size() / 2;
        long[] t = rec.tNs.clone();
        t[bad] = t[bad - 1];   // not after the previous one
        List<RepEvent> whole;
        try (RepDetector d = new RepDetector(squat)) {
            d.push(java.util.Arrays.copyOf(rec.tNs, bad), java.util.Arrays.copyOf(rec.samples, bad * 6));
            whole = drain(d);
        }
        try (RepDetector d = new RepDetector(squat)) {
            LongBuffer tb = LongBuffer.wrap(t);
            FloatBuffer vb = FloatBuffer.wrap(rec.samples);
            HipException e = assertHip(Status.RANGE, () -> d.push(tb, vb));
            assertTrue(e.getMessage().startsWith("samples[" + bad + "]"), e.getMessage());
            assertEquals(bad, tb.position());
            assertEquals(bad * 6, vb.position());
            assertFalse(whole.isEmpty());
            assertSameEvents(whole, drain(d));
            // the stream continues after the refused sample
            d.push(java.util.Arrays.copyOfRange(rec.tNs, bad + 1, rec.size()),
                    java.util.Arrays.copyOfRange(rec.samples, (bad + 1) * 6, rec.samples.length));
            d.finish();
            assertTrue(drain(d).size() > 0);
            float[] nan = {Float.NaN, 0, 9.8f, 0, 0, 0};
            assertHip(Status.RANGE, () -> d.push(Long.MAX_VALUE - 1, nan));
        }
    }

    @Test
    void argumentErrors() {
        try (RepDetector d = new RepDetector(InputKind.IMU)) {
            HipException e = assertHip(Status.INVALID, () -> d.push(new long[2], new float[6]));
            assertTrue(e.getMessage().contains("6 per sample"), e.getMessage());
            assertHip(Status.INVALID, () -> d.push(0L, 1f, 2f));
            assertHip(Status.INVALID, () -> d.push((long[]) null, new float[0]));
            assertHip(Status.INVALID, () -> d.push(new long[0], (float[]) null));
            FloatBuffer bigEndian = ByteBuffer.allocateDirect(24)
                    .order(ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                    .asFloatBuffer();
            e = assertHip(Status.INVALID, () -> d.push(new long[] {1}, bigEndian));
            assertTrue(e.getMessage().contains("byte order"), e.getMessage());
            FloatBuffer readOnly = FloatBuffer.wrap(new float[6]).asReadOnlyBuffer();
            assertHip(Status.INVALID, () -> d.push(new long[] {1}, readOnly));
            assertEquals(0, d.push(new long[0], new float[0]));
        }
        RepDetectorConfig bad = new RepDetectorConfig(InputKind.IMU);
        bad.maxGapS = 100;
        HipException e = assertHip(Status.INVALID, () -> new RepDetector(bad));
        assertTrue(e.getMessage().contains("max_gap_s"), e.getMessage());
        RepDetectorConfig noInput = new RepDetectorConfig(InputKind.IMU);
        noInput.input = null;
        assertHip(Status.INVALID, () -> new RepDetector(noInput));
        assertHip(Status.INVALID, () -> new RepDetector((Exercise) null));
    }

    @Test
    void configuration() {
        RepDetectorConfig c = new RepDetectorConfig(InputKind.ACCEL);
        assertEquals(InputKind.ACCEL, c.input);
        assertFalse(c.useProfile);
        assertEquals(1.0, c.maxGapS);
        assertEquals(3, c.referenceReps);
        assertEquals(0.78, c.partialRatio, 1e-9);
        c.forExercise(squat);
        assertTrue(c.useProfile);
        assertEquals(squat.motion.segment, c.profile.segment);
        assertEquals(InputKind.ACCEL, c.input);
        try (RepDetector d = new RepDetector(c)) {
            assertEquals(3, d.sampleWidth());
        }
    }

    @Test
    void angleInput() {
        try (RepDetector d = new RepDetector(InputKind.ANGLE)) {
            int n = 50 * 40;   // 40 s at 50 Hz: 10 slow flexions of 60 degrees, 4 s each
            long[] t = new long[n];
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                t[i] = i * 20_000_000L;
                double s = i / 50.0;
                a[i] = (float) (30 * (1 - Math.cos(2 * Math.PI * s / 4)));
            }
            d.push(t, a);
            d.finish();
            int reps = drain(d).size();
            assertTrue(reps >= 9 && reps <= 10, "reps: " + reps);
        }
    }

    @Test
    void snapshotAndRestore() {
        int half = rec.size() / 2;
        List<RepEvent> whole;
        try (RepDetector d = new RepDetector(squat)) {
            whole = countAll(d, rec.tNs, rec.samples);
        }
        byte[] saved;
        List<RepEvent> got = new ArrayList<>();
        try (RepDetector d = new RepDetector(squat)) {
            d.push(java.util.Arrays.copyOf(rec.tNs, half), java.util.Arrays.copyOf(rec.samples, half * 6));
            got.addAll(drain(d));
            saved = d.snapshot();
            assertTrue(saved.length > 0);
        }
        try (RepDetector d = new RepDetector(squat)) {
            d.restore(saved);
            d.push(java.util.Arrays.copyOfRange(rec.tNs, half, rec.size()),
                    java.util.Arrays.copyOfRange(rec.samples, half * 6, rec.samples.length));
            d.finish();
            got.addAll(drain(d));
            assertSameEvents(whole, got);

            byte[] corrupt = saved.clone();
            corrupt[corrupt.length / 2] ^= 0x55;
            assertHip(Status.CORRUPT, () -> d.restore(corrupt));
            assertHip(Status.INVALID, () -> d.restore(null));
            assertHip(Status.CORRUPT, () -> d.restore(new byte[0]));
        }
        try (RepDetector angle = new RepDetector(InputKind.ANGLE)) {
            assertHip(Status.INVALID, () -> angle.restore(saved));
        }
    }

    @Test
    void resetAndIteration() {
        try (RepDetector d = new RepDetector(squat)) {
            d.push(rec.tNs, rec.samples);
            assertTrue(d.pendingEvents() > 0);
            d.reset();
            assertEquals(0, d.pendingEvents());
            Iterator<RepEvent> it = d.iterator();
            assertFalse(it.hasNext());
            assertThrows(NoSuchElementException.class, it::next);
            assertEquals(12, countAll(d, rec.tNs, rec.samples).size());
        }
    }

    @Test
    void closeTwiceAndUseAfterClose() {
        RepDetector d = new RepDetector(squat);
        d.push(rec.tNs, rec.samples);
        d.close();
        d.close();
        assertTrue(d.isClosed());
        assertHip(Status.STATE, () -> d.push(rec.tNs, rec.samples));
        assertHip(Status.STATE, d::finish);
        assertHip(Status.STATE, d::nextEvent);
        assertHip(Status.STATE, d::snapshot);
        assertHip(Status.STATE, d::pendingEvents);
        assertHip(Status.STATE, () -> d.iterator().hasNext());
        assertArrayEquals(new long[0], new long[0]);
    }
}
