package org.hiptrack;

import java.util.Collections;
import java.util.Set;
import org.hiptrack.internal.hip_pose_rep_event;

/**
 * One repetition counted from camera keypoints ({@code hip_pose_rep_event}): the rep engine's
 * {@link RepEvent} plus the compensations the camera saw and a summary of the rep's angles. A
 * summary value the view could not measure is {@code null}.
 */
public final class PoseRepEvent {
    /** The rep engine's event (excursion of the signal angle, durations, rep flags). */
    public final RepEvent rep;
    /** The compensations flagged in this rep. */
    public final Set<PoseFlag> poseFlags;
    /** Largest forward trunk lean during the rep, degrees, or null. */
    public final Double trunkLeanMaxDeg;
    /** Largest sideways trunk lean, either side, degrees, or null. */
    public final Double trunkLateralMaxDeg;
    /** Largest change of pelvic obliquity from the rep's start, degrees, or null. */
    public final Double pelvicChangeMaxDeg;
    /** Largest knee valgus of either knee (negative: varus), degrees, or null. */
    public final Double kneeValgusMaxDeg;
    /** The signal angle's range on the left side, degrees, or null. */
    public final Double excursionLDeg;
    /** The signal angle's range on the right side, degrees, or null. */
    public final Double excursionRDeg;

    PoseRepEvent(hip_pose_rep_event e) {
        rep = new RepEvent(e.getRep());
        poseFlags = Collections.unmodifiableSet(PoseFlag.fromBits((int) e.getPose_flags()));
        int m = (int) e.getMeasured();
        trunkLeanMaxDeg = (m & 1) != 0 ? e.getTrunk_lean_max_deg() : null;
        trunkLateralMaxDeg = (m & 2) != 0 ? e.getTrunk_lateral_max_deg() : null;
        pelvicChangeMaxDeg = (m & 4) != 0 ? e.getPelvic_change_max_deg() : null;
        kneeValgusMaxDeg = (m & 8) != 0 ? e.getKnee_valgus_max_deg() : null;
        excursionLDeg = (m & 16) != 0 ? e.getExcursion_l_deg() : null;
        excursionRDeg = (m & 16) != 0 ? e.getExcursion_r_deg() : null;
    }

    @Override
    public String toString() {
        return "PoseRepEvent{" + rep + ", poseFlags=" + poseFlags + "}";
    }
}
