package org.hiptrack;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hiptrack.internal.hip_sim;
import org.hiptrack.internal.hip_sim_config;
import org.hiptrack.internal.hip_sim_rep;

/**
 * The motion simulator ({@code hip_sim}): seeded, deterministic IMU streams of a catalog exercise
 * with the true reps, for tests and demos. Samples are 6 floats: ax ay az (m/s^2, gravity
 * included), gx gy gz (rad/s). Reading is chunk-independent; {@link #rewind()} starts again.
 */
public final class Simulator extends NativeHandle<hip_sim> {
    /** Floats per sample. */
    public static final int COLUMNS = 6;

    /** A whole simulated stream: timestamps (ns) and samples (6 floats each, row-major). */
    public static final class Recording {
        /** Timestamps, ns. */
        public final long[] tNs;
        /** Samples, {@code tNs.length * 6} floats. */
        public final float[] samples;

        Recording(long[] tNs, float[] samples) {
            this.tNs = tNs;
            this.samples = samples;
        }

        /**
         * The number of samples.
         *
         * @return tNs.length
         */
        public int size() {
            return tNs.length;
        }
    }

    /**
     * Plans the whole stream.
     *
     * @param config what to simulate (copied)
     * @throws HipException {@link Status#INVALID} or {@link Status#RANGE} naming the bad field
     */
    public Simulator(SimulatorConfig config) {
        super(create(config), "Simulator");
    }

    private static hip_sim create(SimulatorConfig config) {
        try (hip_sim_config c = Values.nonNull(config, "config").toNative()) {
            return new hip_sim(c);
        }
    }

    /**
     * The number of samples in the stream.
     *
     * @return the count
     */
    public int sampleCount() {
        return (int) proxy().sample_count();
    }

    /**
     * The stream's duration.
     *
     * @return seconds
     */
    public double durationS() {
        return proxy().duration_s();
    }

    /**
     * Reads the next samples: up to min(tNs.length, samples.length / 6).
     *
     * @param tNs     receives timestamps, ns
     * @param samples receives 6 floats per sample
     * @return the number read; 0 at the end of the stream
     */
    public int read(long[] tNs, float[] samples) {
        return read(LongBuffer.wrap(Values.nonNull(tNs, "tNs")),
                FloatBuffer.wrap(Values.nonNull(samples, "samples")));
    }

    /**
     * Reads the next samples into buffers (direct ones are written in place); both positions
     * advance past what was written.
     *
     * @param tNs     receives timestamps, ns, from its position
     * @param samples receives 6 floats per sample from its position
     * @return the number read; 0 at the end of the stream
     */
    public int read(LongBuffer tNs, FloatBuffer samples) {
        hip_sim s = proxy();
        long[] n = new long[1];
        s.read_into(Values.nonNull(tNs, "tNs"), Values.nonNull(samples, "samples"), n);
        int got = (int) n[0];
        tNs.position(tNs.position() + got);
        samples.position(samples.position() + got * COLUMNS);
        return got;
    }

    /**
     * Reads the rest of the stream.
     *
     * @return the samples not yet read
     */
    public Recording readAll() {
        int n = sampleCount();
        long[] t = new long[n];
        float[] v = new float[n * COLUMNS];
        LongBuffer tb = LongBuffer.wrap(t);
        FloatBuffer vb = FloatBuffer.wrap(v);
        while (read(tb, vb) > 0) {
            // read until the end
        }
        int got = tb.position();
        if (got == n) return new Recording(t, v);
        long[] t2 = new long[got];
        float[] v2 = new float[got * COLUMNS];
        System.arraycopy(t, 0, t2, 0, got);
        System.arraycopy(v, 0, v2, 0, got * COLUMNS);
        return new Recording(t2, v2);
    }

    /** Starts the stream again from its first sample. */
    public void rewind() {
        proxy().rewind();
    }

    /**
     * The true reps of the stream.
     *
     * @return an unmodifiable list
     */
    public List<SimRep> reps() {
        hip_sim s = proxy();
        int n = (int) s.rep_count();
        List<SimRep> list = new ArrayList<>(n);
        try (hip_sim_rep r = new hip_sim_rep()) {
            for (int i = 0; i < n; i++) {
                s.rep_at(i, r);
                list.add(SimRep.from(r));
            }
        }
        return Collections.unmodifiableList(list);
    }
}
