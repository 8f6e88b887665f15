package org.hiptrack;

import org.hiptrack.internal.hip_sim_rep;

/** A rep the simulator made: the truth a detector is judged against ({@code hip_sim_rep}). */
public final class SimRep {
    /** 0-based set number. */
    public final int set;
    /** 0-based rep number over the whole stream. */
    public final int index;
    /** Start, ns. */
    public final long startNs;
    /** The far point, ns. */
    public final long peakNs;
    /** End, ns. */
    public final long endNs;
    /** Excursion of the primary angle, degrees. */
    public final double excursionDeg;
    /** Vertical travel of the sensor's segment, cm (0 if none). */
    public final double travelCm;
    /** Hold, seconds. */
    public final double holdS;
    /** What kind of rep it is. */
    public final SimRepKind kind;

    private SimRep(hip_sim_rep r) {
        set = (int) r.getSet();
        index = (int) r.getIndex();
        startNs = r.getStart_ns();
        peakNs = r.getPeak_ns();
        endNs = r.getEnd_ns();
        excursionDeg = r.getExcursion_deg();
        travelCm = r.getTravel_cm();
        holdS = r.getHold_s();
        kind = SimRepKind.fromValue(r.getKind());
    }

    static SimRep from(hip_sim_rep r) {
        return new SimRep(r);
    }

    @Override
    public String toString() {
        return "SimRep[" + index + " " + kind.id() + "]";
    }
}
