package org.hiptrack;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Set;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_rep_event;

/** One detected repetition ({@code hip_rep_event}); times are in the stream's time base (ns). */
public final class RepEvent {
    /** 1, 2, ... over the stream. */
    public final int index;
    /** Quality flags (unmodifiable); empty for a good rep. */
    public final Set<RepFlag> flags;
    /** Which signal the rep was counted on. */
    public final RepSource source;
    /** Start of the rep, ns. */
    public final long startNs;
    /** The far point, ns. */
    public final long peakNs;
    /** End of the rep, ns. */
    public final long endNs;
    /** Timestamp of the sample whose push produced the event, ns. */
    public final long emittedNs;
    /** Tilt (or angle) excursion from the start position to the far point, degrees. */
    public final double excursionDeg;
    /** Displacement range over the rep, cm. */
    public final double travelCm;
    /** Concentric phase, seconds. */
    public final double concentricS;
    /** Eccentric phase, seconds. */
    public final double eccentricS;
    /** Hold at the far point, seconds. */
    public final double holdS;
    /** Peak angular speed of the smoothed tilt or angle, degrees per second. */
    public final double peakSpeedDps;
    /** Log dimensionless jerk: closer to 0 is smoother (about -7 typical). */
    public final double smoothness;

    /** The C layout, read once from the native library (hiptrack.i exports the offsets). */
    static final int SIZE = (int) HiptrackNative.hip__bind_rep_event_size();
    private static final int OFF_INDEX = (int) HiptrackNative.HIP_REP_EVENT_OFF_INDEX;
    private static final int OFF_FLAGS = (int) HiptrackNative.HIP_REP_EVENT_OFF_FLAGS;
    private static final int OFF_SOURCE = (int) HiptrackNative.HIP_REP_EVENT_OFF_SOURCE;
    private static final int OFF_START_NS = (int) HiptrackNative.HIP_REP_EVENT_OFF_START_NS;
    private static final int OFF_PEAK_NS = (int) HiptrackNative.HIP_REP_EVENT_OFF_PEAK_NS;
    private static final int OFF_END_NS = (int) HiptrackNative.HIP_REP_EVENT_OFF_END_NS;
    private static final int OFF_EMITTED_NS = (int) HiptrackNative.HIP_REP_EVENT_OFF_EMITTED_NS;
    private static final int OFF_EXCURSION_DEG = (int) HiptrackNative.HIP_REP_EVENT_OFF_EXCURSION_DEG;
    private static final int OFF_TRAVEL_CM = (int) HiptrackNative.HIP_REP_EVENT_OFF_TRAVEL_CM;
    private static final int OFF_CONCENTRIC_S = (int) HiptrackNative.HIP_REP_EVENT_OFF_CONCENTRIC_S;
    private static final int OFF_ECCENTRIC_S = (int) HiptrackNative.HIP_REP_EVENT_OFF_ECCENTRIC_S;
    private static final int OFF_HOLD_S = (int) HiptrackNative.HIP_REP_EVENT_OFF_HOLD_S;
    private static final int OFF_PEAK_SPEED_DPS = (int) HiptrackNative.HIP_REP_EVENT_OFF_PEAK_SPEED_DPS;
    private static final int OFF_SMOOTHNESS = (int) HiptrackNative.HIP_REP_EVENT_OFF_SMOOTHNESS;

    /** Decodes the i-th C record of a native-order buffer. */
    RepEvent(ByteBuffer b, int i) {
        int base = i * SIZE;
        index = b.getInt(base + OFF_INDEX);
        flags = Collections.unmodifiableSet(RepFlag.fromBits(b.getInt(base + OFF_FLAGS)));
        source = RepSource.fromValue(b.getInt(base + OFF_SOURCE));
        startNs = b.getLong(base + OFF_START_NS);
        peakNs = b.getLong(base + OFF_PEAK_NS);
        endNs = b.getLong(base + OFF_END_NS);
        emittedNs = b.getLong(base + OFF_EMITTED_NS);
        excursionDeg = b.getDouble(base + OFF_EXCURSION_DEG);
        travelCm = b.getDouble(base + OFF_TRAVEL_CM);
        concentricS = b.getDouble(base + OFF_CONCENTRIC_S);
        eccentricS = b.getDouble(base + OFF_ECCENTRIC_S);
        holdS = b.getDouble(base + OFF_HOLD_S);
        peakSpeedDps = b.getDouble(base + OFF_PEAK_SPEED_DPS);
        smoothness = b.getDouble(base + OFF_SMOOTHNESS);
    }

    /** Copies a C event. */
    RepEvent(hip_rep_event e) {
        index = (int) e.getIndex();
        flags = Collections.unmodifiableSet(RepFlag.fromBits((int) e.getFlags()));
        source = RepSource.fromValue(e.getSource());
        startNs = e.getStart_ns();
        peakNs = e.getPeak_ns();
        endNs = e.getEnd_ns();
        emittedNs = e.getEmitted_ns();
        excursionDeg = e.getExcursion_deg();
        travelCm = e.getTravel_cm();
        concentricS = e.getConcentric_s();
        eccentricS = e.getEccentric_s();
        holdS = e.getHold_s();
        peakSpeedDps = e.getPeak_speed_dps();
        smoothness = e.getSmoothness();
    }

    /** A new C event holding this one; the caller closes it. */
    hip_rep_event toNative() {
        hip_rep_event e = new hip_rep_event();
        e.setIndex(Values.u32(index));
        e.setFlags(Values.u32(RepFlag.toBits(flags)));
        e.setSource(source.value());
        e.setStart_ns(startNs);
        e.setPeak_ns(peakNs);
        e.setEnd_ns(endNs);
        e.setEmitted_ns(emittedNs);
        e.setExcursion_deg(excursionDeg);
        e.setTravel_cm(travelCm);
        e.setConcentric_s(concentricS);
        e.setEccentric_s(eccentricS);
        e.setHold_s(holdS);
        e.setPeak_speed_dps(peakSpeedDps);
        e.setSmoothness(smoothness);
        return e;
    }

    /**
     * Whether a flag is set.
     *
     * @param flag the flag
     * @return true when the rep has it
     */
    public boolean has(RepFlag flag) {
        return flags.contains(flag);
    }

    /**
     * The rep's duration, start to end.
     *
     * @return seconds
     */
    public double durationS() {
        return (endNs - startNs) * 1e-9;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "RepEvent[%d: %.3f-%.3f s, %.1f deg%s]", index,
                startNs * 1e-9, endNs * 1e-9, excursionDeg, flags.isEmpty() ? "" : ", " + flags);
    }
}
