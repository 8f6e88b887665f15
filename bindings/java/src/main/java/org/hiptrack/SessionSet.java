package org.hiptrack;

import org.hiptrack.internal.hip_session_set;

/**
 * One set as performed ({@code hip_session_set}): a plain value. RPE and pain are {@link
 * Session#NOT_RECORDED} (-1) when not asked, never 0.
 */
public final class SessionSet {
    /** Start of the set, ns since the epoch; 0 = not recorded. */
    public long startNs;
    /** Load, kg, 0..500. */
    public double loadKg;
    /** Rate of perceived exertion 0..10, or {@link Session#NOT_RECORDED}. */
    public int rpe;
    /** Pain during this set 0..10, or {@link Session#NOT_RECORDED}. */
    public int pain;
    /** Output only: reps logged in the set (ignored when adding). */
    public int repCount;

    /** A set with RPE and pain not recorded and everything else 0 ({@code hip_session_set_init}). */
    public SessionSet() {
        try (hip_session_set s = new hip_session_set()) {
            copyFrom(s);
        }
    }

    static SessionSet from(hip_session_set s) {
        SessionSet o = new SessionSet();
        o.copyFrom(s);
        return o;
    }

    private void copyFrom(hip_session_set s) {
        startNs = s.getStart_ns();
        loadKg = s.getLoad_kg();
        rpe = s.getRpe();
        pain = s.getPain();
        repCount = (int) s.getRep_count();
    }

    /** A new C value; the caller closes it. */
    hip_session_set toNative() {
        hip_session_set s = new hip_session_set();
        s.setStart_ns(startNs);
        s.setLoad_kg(loadKg);
        s.setRpe(rpe);
        s.setPain(pain);
        return s;
    }

    @Override
    public String toString() {
        return "SessionSet[" + repCount + " reps, load " + loadKg + " kg, rpe " + rpe + ", pain " + pain + "]";
    }
}
