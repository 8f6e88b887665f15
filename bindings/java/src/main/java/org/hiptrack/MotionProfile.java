package org.hiptrack;

import org.hiptrack.internal.hip_motion_profile;

/**
 * The motion model a rep detector is configured from ({@code hip_motion_profile}); design
 * defaults, not measured norms.
 */
public final class MotionProfile {
    /** The tracked body segment. */
    public Segment segment = Segment.THIGH;
    /** The primary motion. */
    public Motion motion = Motion.HIP_FLEXION;
    /** The plane of the motion. */
    public Plane plane = Plane.SAGITTAL;
    /** What one counted unit is. */
    public CountKind count = CountKind.REPS;
    /** Primary-angle excursion of a full rep, degrees, lower bound. */
    public double excursionDegMin;
    /** Excursion, degrees, upper bound. */
    public double excursionDegMax;
    /** Vertical travel of the segment, cm, lower bound; 0 if none. */
    public double travelCmMin;
    /** Vertical travel, cm, upper bound. */
    public double travelCmMax;
    /** Duration of one rep (holds excluded), seconds, lower bound. */
    public double repSMin;
    /** Duration of one rep, seconds, upper bound. */
    public double repSMax;
    /** Isometric hold in the end position, seconds, lower bound; 0 if none. */
    public double holdSMin;
    /** Hold, seconds, upper bound. */
    public double holdSMax;

    /** A zeroed profile (thigh, hip flexion, sagittal, reps). */
    public MotionProfile() {}

    static MotionProfile from(hip_motion_profile p) {
        MotionProfile o = new MotionProfile();
        o.segment = Segment.fromValue(p.getSegment());
        o.motion = Motion.fromValue(p.getMotion());
        o.plane = Plane.fromValue(p.getPlane());
        o.count = CountKind.fromValue(p.getCount());
        o.excursionDegMin = p.getExcursion_deg_min();
        o.excursionDegMax = p.getExcursion_deg_max();
        o.travelCmMin = p.getTravel_cm_min();
        o.travelCmMax = p.getTravel_cm_max();
        o.repSMin = p.getRep_s_min();
        o.repSMax = p.getRep_s_max();
        o.holdSMin = p.getHold_s_min();
        o.holdSMax = p.getHold_s_max();
        return o;
    }

    void to(hip_motion_profile p) {
        p.setSegment(Values.nonNull(segment, "profile.segment").value());
        p.setMotion(Values.nonNull(motion, "profile.motion").value());
        p.setPlane(Values.nonNull(plane, "profile.plane").value());
        p.setCount(Values.nonNull(count, "profile.count").value());
        p.setExcursion_deg_min(excursionDegMin);
        p.setExcursion_deg_max(excursionDegMax);
        p.setTravel_cm_min(travelCmMin);
        p.setTravel_cm_max(travelCmMax);
        p.setRep_s_min(repSMin);
        p.setRep_s_max(repSMax);
        p.setHold_s_min(holdSMin);
        p.setHold_s_max(holdSMax);
    }
}
