package org.hiptrack;

import java.util.Collections;
import java.util.Set;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_rep_event;
import org.hiptrack.internal.hip_session_rep;

/**
 * One repetition of a session (or one hold of a hold-only exercise), {@code hip_session_rep}: the
 * metrics of a {@link RepEvent}. A manual rep leaves what it does not know at 0.
 */
public final class SessionRep {
    /** Detector event or entered by hand. */
    public RepOrigin origin;
    /** Which signal the rep was counted on. */
    public RepSource source;
    /** Quality flags; empty for a good-quality rep. */
    public Set<RepFlag> flags;
    /** Start, ns in the stream's time base. */
    public long startNs;
    /** Far point, ns; start &lt;= peak &lt;= end. */
    public long peakNs;
    /** End, ns. */
    public long endNs;
    /** Excursion, degrees, 0..7200. */
    public double excursionDeg;
    /** Travel, cm, 0..10000. */
    public double travelCm;
    /** Concentric phase, seconds, 0..3600. */
    public double concentricS;
    /** Eccentric phase, seconds, 0..3600. */
    public double eccentricS;
    /** Hold, seconds, 0..3600. */
    public double holdS;
    /** Peak angular speed, degrees per second, 0..100000. */
    public double peakSpeedDps;
    /** Log dimensionless jerk, -1000..1000; 0 = unknown. */
    public double smoothness;

    /** A manual rep with every metric 0 ({@code hip_session_rep_init}). */
    public SessionRep() {
        try (hip_session_rep r = new hip_session_rep()) {
            copyFrom(r);
        }
    }

    /**
     * The rep of a detector event ({@code hip_session_rep_from_event}).
     *
     * @param event the event
     * @return a new value with origin DETECTOR
     */
    public static SessionRep fromEvent(RepEvent event) {
        try (hip_session_rep r = new hip_session_rep();
             hip_rep_event e = Values.nonNull(event, "event").toNative()) {
            HiptrackNative.hip_session_rep_from_event(r, e);
            return from(r);
        }
    }

    static SessionRep from(hip_session_rep r) {
        SessionRep o = new SessionRep();
        o.copyFrom(r);
        return o;
    }

    private void copyFrom(hip_session_rep r) {
        origin = RepOrigin.fromValue(r.getOrigin());
        source = RepSource.fromValue(r.getSource());
        flags = RepFlag.fromBits((int) r.getFlags());
        startNs = r.getStart_ns();
        peakNs = r.getPeak_ns();
        endNs = r.getEnd_ns();
        excursionDeg = r.getExcursion_deg();
        travelCm = r.getTravel_cm();
        concentricS = r.getConcentric_s();
        eccentricS = r.getEccentric_s();
        holdS = r.getHold_s();
        peakSpeedDps = r.getPeak_speed_dps();
        smoothness = r.getSmoothness();
    }

    /** A new C value; the caller closes it. */
    hip_session_rep toNative() {
        hip_session_rep r = new hip_session_rep();
        try {
            r.setOrigin(Values.nonNull(origin, "origin").value());
            r.setSource(Values.nonNull(source, "source").value());
            r.setFlags(Values.u32(RepFlag.toBits(flags == null ? Collections.<RepFlag>emptySet() : flags)));
            r.setStart_ns(startNs);
            r.setPeak_ns(peakNs);
            r.setEnd_ns(endNs);
            r.setExcursion_deg(excursionDeg);
            r.setTravel_cm(travelCm);
            r.setConcentric_s(concentricS);
            r.setEccentric_s(eccentricS);
            r.setHold_s(holdS);
            r.setPeak_speed_dps(peakSpeedDps);
            r.setSmoothness(smoothness);
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "SessionRep[" + origin + ", " + excursionDeg + " deg" + (flags == null || flags.isEmpty() ? "" : ", " + flags) + "]";
    }
}
