package org.hiptrack;

import java.util.EnumSet;
import java.util.Objects;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_assess_result;
import org.hiptrack.internal.hip_rom_comparison;

/**
 * One range-of-motion measurement ({@code hip_assess_result}). IMU: {@code startDeg} is 0 (the
 * calibrated start pose) and {@code maxDeg == rangeDeg}; pose: absolute joint angles. The
 * compensation figures are the largest magnitudes seen; {@code compensations} holds those over
 * their thresholds.
 */
public final class AssessResult {
    /** The motion measured. */
    public final RomMotion motion;
    /** The side measured. */
    public final AssessSide side;
    /** IMU or pose. */
    public final AssessSource source;
    /** The start posture. */
    public final AssessPosture posture;
    /** The day of the assessment. */
    public final CivilDate day;
    /** The start angle, degrees (IMU: 0). */
    public final double startDeg;
    /** The furthest angle, degrees. */
    public final double maxDeg;
    /** maxDeg - startDeg, degrees. */
    public final double rangeDeg;
    /** From leaving the start to the maximum, seconds. */
    public final double durationS;
    /** Compensations over their thresholds. */
    public final EnumSet<AssessComp> compensations;
    /** Largest out-of-plane motion, degrees. */
    public final double outOfPlaneDeg;
    /** Largest rotation about the femur, degrees. */
    public final double thighRotationDeg;
    /** Largest trunk lean change (pose), degrees. */
    public final double trunkLeanDeg;
    /** Largest pelvic obliquity change (pose), degrees. */
    public final double pelvicDropDeg;
    /** 0..1. */
    public final double quality;

    /**
     * A result with every field (for a history kept elsewhere, or tests).
     *
     * @param motion the motion
     * @param side the side
     * @param source IMU or pose
     * @param posture the start posture
     * @param day the day
     * @param startDeg start angle
     * @param maxDeg furthest angle
     * @param rangeDeg maxDeg - startDeg
     * @param durationS seconds to the maximum
     * @param compensations flagged compensations
     * @param outOfPlaneDeg largest out-of-plane motion
     * @param thighRotationDeg largest femur rotation
     * @param trunkLeanDeg largest trunk lean change
     * @param pelvicDropDeg largest pelvic obliquity change
     * @param quality 0..1
     */
    public AssessResult(RomMotion motion, AssessSide side, AssessSource source, AssessPosture posture,
                        CivilDate day, double startDeg, double maxDeg, double rangeDeg, double durationS,
                        EnumSet<AssessComp> compensations, double outOfPlaneDeg, double thighRotationDeg,
                        double trunkLeanDeg, double pelvicDropDeg, double quality) {
        this.motion = Values.nonNull(motion, "motion");
        this.side = Values.nonNull(side, "side");
        this.source = Values.nonNull(source, "source");
        this.posture = Values.nonNull(posture, "posture");
        this.day = Values.nonNull(day, "day");
        this.startDeg = startDeg;
        this.maxDeg = maxDeg;
        this.rangeDeg = rangeDeg;
        this.durationS = durationS;
        this.compensations = EnumSet.copyOf(Values.nonNull(compensations, "compensations").isEmpty()
                ? EnumSet.noneOf(AssessComp.class) : compensations);
        this.outOfPlaneDeg = outOfPlaneDeg;
        this.thighRotationDeg = thighRotationDeg;
        this.trunkLeanDeg = trunkLeanDeg;
        this.pelvicDropDeg = pelvicDropDeg;
        this.quality = quality;
    }

    /**
     * A plain IMU result of a range (start 0, no compensations, quality 1).
     *
     * @param motion the motion
     * @param side the side
     * @param day the day
     * @param rangeDeg the range, degrees
     * @return the result
     */
    public static AssessResult of(RomMotion motion, AssessSide side, CivilDate day, double rangeDeg) {
        return new AssessResult(motion, side, AssessSource.IMU, AssessPosture.STANDING, day, 0, rangeDeg,
                rangeDeg, 0, EnumSet.noneOf(AssessComp.class), 0, 0, 0, 0, 1);
    }

    AssessResult(hip_assess_result r) {
        this(RomMotion.fromValue(r.getMotion()), AssessSide.fromValue(r.getSide()),
                AssessSource.fromValue(r.getSource()), AssessPosture.fromValue(r.getPosture()),
                CivilDate.ofDayNumber(r.getDay()), r.getStart_deg(), r.getMax_deg(), r.getRange_deg(),
                r.getDuration_s(), AssessComp.fromBits((int) r.getCompensations()), r.getOut_of_plane_deg(),
                r.getThigh_rotation_deg(), r.getTrunk_lean_deg(), r.getPelvic_drop_deg(), r.getQuality());
    }

    hip_assess_result toNative() {
        hip_assess_result r = new hip_assess_result();
        r.setMotion(motion.value());
        r.setSide(side.value());
        r.setSource(source.value());
        r.setPosture(posture.value());
        r.setDay(day.dayNumber());
        r.setStart_deg(startDeg);
        r.setMax_deg(maxDeg);
        r.setRange_deg(rangeDeg);
        r.setDuration_s(durationS);
        r.setCompensations(Values.u32(AssessComp.toBits(compensations)));
        r.setOut_of_plane_deg(outOfPlaneDeg);
        r.setThigh_rotation_deg(thighRotationDeg);
        r.setTrunk_lean_deg(trunkLeanDeg);
        r.setPelvic_drop_deg(pelvicDropDeg);
        r.setQuality(quality);
        return r;
    }

    /** This range against a normal value ({@code hip_rom_comparison}). */
    public static final class Comparison {
        /** rangeDeg / normal x 100. */
        public final double pctOfNormal;
        /** normal - rangeDeg (negative above normal). */
        public final double deficitDeg;
        /** The band. */
        public final RomBand band;

        Comparison(hip_rom_comparison c) {
            pctOfNormal = c.getPct_of_normal();
            deficitDeg = c.getDeficit_deg();
            band = RomBand.fromValue(c.getBand());
        }
    }

    /**
     * This result against a normal table ({@code hip_assess_compare_normal}).
     *
     * @param normals the table (see {@link RomNormals#aaos()})
     * @return percent of normal, deficit and band
     * @throws HipException {@link Status#RANGE} for a normal that is not positive or bands out of order
     */
    public Comparison compareNormal(RomNormals normals) {
        try (hip_assess_result r = toNative();
             org.hiptrack.internal.hip_rom_normals n = Values.nonNull(normals, "normals").toNative();
             hip_rom_comparison c = new hip_rom_comparison()) {
            HiptrackNative.hip_assess_compare_normal(r, n, c);
            return new Comparison(c);
        }
    }

    /**
     * The change of range from an earlier result of the same motion and side ({@code
     * hip_assess_compare}).
     *
     * @param earlier the earlier result
     * @return this rangeDeg - earlier.rangeDeg
     * @throws HipException {@link Status#INVALID} when motion or side differ
     */
    public double changeSince(AssessResult earlier) {
        double[] out = new double[1];
        try (hip_assess_result e = Values.nonNull(earlier, "earlier").toNative(); hip_assess_result l = toNative()) {
            HiptrackNative.hip_assess_compare(e, l, out);
            return out[0];
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AssessResult)) return false;
        AssessResult r = (AssessResult) o;
        return motion == r.motion && side == r.side && source == r.source && posture == r.posture
                && day.equals(r.day) && startDeg == r.startDeg && maxDeg == r.maxDeg && rangeDeg == r.rangeDeg
                && durationS == r.durationS && compensations.equals(r.compensations)
                && outOfPlaneDeg == r.outOfPlaneDeg && thighRotationDeg == r.thighRotationDeg
                && trunkLeanDeg == r.trunkLeanDeg && pelvicDropDeg == r.pelvicDropDeg && quality == r.quality;
    }

    @Override
    public int hashCode() {
        return Objects.hash(motion, side, day, rangeDeg);
    }

    @Override
    public String toString() {
        return "AssessResult[" + motion.id() + " " + side.id() + " " + day + ": " + rangeDeg + " deg]";
    }
}
