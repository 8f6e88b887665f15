package org.hiptrack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.hiptrack.internal.hip_rep_event;
import org.hiptrack.internal.hip_reps;
import org.hiptrack.internal.hip_reps_config;
import org.hiptrack.internal.hip_status;

/**
 * The streaming rep detector ({@code hip_reps}): samples in, one {@link RepEvent} per repetition
 * out. Push samples one at a time or in blocks, from {@code float[]} or from a direct {@link
 * FloatBuffer} (read in place, no copy); however the stream is cut into pushes, the events are the
 * same. Events wait in the detector until taken with {@link #events()} or {@link #nextEvent()}.
 * A refused sample (a timestamp not after the previous one, NaN, an implausible value) throws a
 * {@link HipException} that names it; the samples before it were accepted and their events kept.
 *
 * <pre>{@code
 * try (RepDetector detector = new RepDetector(catalog.require("squat"))) {
 *     detector.push(timestampsNs, samples);       // 6 floats per sample: ax ay az gx gy gz
 *     detector.finish();
 *     for (RepEvent rep : detector.events())
 *         System.out.println(rep.index + ": " + rep.excursionDeg + " deg");
 * }
 * }</pre>
 *
 * One thread at a time; the detector allocates nothing per push beyond the events it returns.
 */
public final class RepDetector extends NativeHandle<hip_reps> implements Iterable<RepEvent> {
    private static final int EVENT_BATCH = 16;

    private final ArrayDeque<RepEvent> queue = new ArrayDeque<>();
    private final ByteBuffer eventBuffer =
            ByteBuffer.allocateDirect(EVENT_BATCH * RepEvent.SIZE).order(ByteOrder.nativeOrder());
    private final InputKind input;
    private final int width;
    private final long[] consumedOut = new long[1];
    private final long[] eventsOut = new long[1];

    /**
     * A generic ("auto") detector for an input kind.
     *
     * @param input what the detector is fed
     */
    public RepDetector(InputKind input) {
        this(new RepDetectorConfig(input));
    }

    /**
     * A detector for a catalog exercise, fed accelerometer + gyroscope samples.
     *
     * @param exercise the exercise whose motion profile and hold apply
     */
    public RepDetector(Exercise exercise) {
        this(new RepDetectorConfig(InputKind.IMU).forExercise(exercise));
    }

    /**
     * A detector with a full configuration.
     *
     * @param config the configuration (copied)
     * @throws HipException {@link Status#INVALID} for an invalid configuration
     */
    public RepDetector(RepDetectorConfig config) {
        super(create(config), "RepDetector");
        input = config.input;
        width = input.width();
    }

    private static hip_reps create(RepDetectorConfig config) {
        try (hip_reps_config c = Values.nonNull(config, "config").toNative()) {
            return new hip_reps(c);
        }
    }

    /**
     * What the detector is fed.
     *
     * @return the input kind
     */
    public InputKind inputKind() {
        return input;
    }

    /**
     * Floats per sample (6, 3 or 1).
     *
     * @return the width
     */
    public int sampleWidth() {
        return width;
    }

    /**
     * The message of the last refused call ("" if none).
     *
     * @return the message
     */
    public String lastError() {
        return proxy().last_error();
    }

    /**
     * Pushes one sample.
     *
     * @param tNs    its timestamp, ns, after the previous one
     * @param sample {@link #sampleWidth()} floats
     * @return the number of events now waiting
     */
    public int push(long tNs, float... sample) {
        return push(new long[] {tNs}, sample);
    }

    /**
     * Pushes a block of samples.
     *
     * @param tNs     timestamps, ns, increasing
     * @param samples tNs.length x {@link #sampleWidth()} floats, row-major
     * @return the number of events now waiting
     */
    public int push(long[] tNs, float[] samples) {
        Values.nonNull(tNs, "tNs");
        return push(LongBuffer.wrap(tNs), FloatBuffer.wrap(Values.nonNull(samples, "samples")));
    }

    /**
     * Pushes a block of samples from a buffer (a direct one is read in place).
     *
     * @param tNs     timestamps, ns, increasing
     * @param samples from its position, tNs.length x {@link #sampleWidth()} floats; its position
     *                advances past the samples taken
     * @return the number of events now waiting
     */
    public int push(long[] tNs, FloatBuffer samples) {
        return push(LongBuffer.wrap(Values.nonNull(tNs, "tNs")), samples);
    }

    /**
     * Pushes a block of samples from buffers (direct ones are read in place; direct buffers must be
     * in native byte order). Both positions advance past the samples taken, also when a sample is
     * refused.
     *
     * @param tNs     timestamps, ns, increasing, from position to limit
     * @param samples tNs.remaining() x {@link #sampleWidth()} floats from its position
     * @return the number of events now waiting
     * @throws HipException {@link Status#INVALID} when the lengths disagree, {@link Status#RANGE}
     *     for a refused sample (named by its index in this call)
     */
    public int push(LongBuffer tNs, FloatBuffer samples) {
        hip_reps r = proxy();
        Values.nonNull(tNs, "tNs");
        Values.nonNull(samples, "samples");
        int n = tNs.remaining();
        if ((long) samples.remaining() != (long) n * width)
            throw new HipException(Status.INVALID.value(), "samples hold " + samples.remaining()
                    + " values for " + n + " timestamps; expected " + ((long) n * width) + " ("
                    + width + " per sample)");
        int done = 0;
        while (true) {
            LongBuffer t = tNs.duplicate();
            FloatBuffer s = samples.duplicate();
            eventBuffer.clear();
            int st = r.push_collect(t, s, eventBuffer, consumedOut, eventsOut);
            int used = (int) consumedOut[0];
            int got = (int) eventsOut[0];
            for (int i = 0; i < got; i++) queue.add(new RepEvent(eventBuffer, i));
            tNs.position(tNs.position() + used);
            samples.position(samples.position() + used * width);
            done += used;
            if (st < 0) throw new HipException(st, "samples[" + done + "]: " + r.last_error());
            if (done == n || (used == 0 && got == 0)) break;
        }
        return pendingEvents();
    }

    /**
     * Ends the stream: settles the last rep. Pushing again starts a new segment.
     *
     * @return the number of events now waiting
     */
    public int finish() {
        proxy().finish();
        return pendingEvents();
    }

    /** Back to the state right after creation (same configuration); waiting events are dropped. */
    public void reset() {
        proxy().reset();
        queue.clear();
    }

    /**
     * The number of events waiting.
     *
     * @return the count
     */
    public int pendingEvents() {
        return queue.size() + (int) proxy().pending_events();
    }

    /**
     * Takes the oldest waiting event.
     *
     * @return the event, or null when none is waiting
     */
    public RepEvent nextEvent() {
        hip_reps r = proxy();
        RepEvent e = queue.poll();
        if (e != null) return e;
        try (hip_rep_event out = new hip_rep_event()) {
            if (r.next_event(out) == hip_status.HIP_DONE) return null;
            return new RepEvent(out);
        }
    }

    /**
     * The waiting events, taken as they are iterated (the same as {@link #iterator()}).
     *
     * @return a single-pass view of the event queue
     */
    public Iterable<RepEvent> events() {
        return this;
    }

    /**
     * An iterator that takes waiting events; {@code remove} is not supported.
     *
     * @return the iterator
     */
    @Override
    public Iterator<RepEvent> iterator() {
        return new Iterator<RepEvent>() {
            private RepEvent next;

            @Override
            public boolean hasNext() {
                if (next == null) next = nextEvent();
                return next != null;
            }

            @Override
            public RepEvent next() {
                if (!hasNext()) throw new NoSuchElementException();
                RepEvent e = next;
                next = null;
                return e;
            }
        };
    }

    /**
     * The whole state as bytes (versioned, checksummed) for suspending and resuming on the same
     * build. Events waiting in this object (not yet taken) are not part of it: take them first.
     *
     * @return the snapshot
     */
    public byte[] snapshot() {
        hip_reps r = proxy();
        long[] len = new long[1];
        r.snapshot(null, len);
        byte[] buf = new byte[(int) len[0]];
        r.snapshot(buf, len);
        return buf;
    }

    /**
     * Restores a snapshot; on failure nothing changes.
     *
     * @param snapshot bytes from {@link #snapshot()}
     * @throws HipException {@link Status#CORRUPT}, {@link Status#VERSION} or {@link
     *     Status#INVALID} (another input kind)
     */
    public void restore(byte[] snapshot) {
        proxy().restore(Values.nonNull(snapshot, "snapshot"));
        queue.clear();
    }
}
