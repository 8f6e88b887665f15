package org.hiptrack;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hiptrack.internal.hip_assess;
import org.hiptrack.internal.hip_assess_angles;
import org.hiptrack.internal.hip_assess_config;
import org.hiptrack.internal.hip_assess_result;
import org.hiptrack.internal.hip_pose_angles_config;

/**
 * One guided range-of-motion measurement ({@code hip_assess}, docs/assess.md): push IMU samples of
 * a thigh-worn phone (ax ay az in m/s², gx gy gz in rad/s) or per-frame pose angles, follow
 * {@link #state()} in the UI, and read the {@link #result()} once DONE.
 *
 * <pre>{@code
 * try (Assessment a = new Assessment(new Assessment.Config(RomMotion.FLEXION, AssessSide.LEFT))) {
 *     for (...) { a.pushImu(tNs, sample); if (a.state().compareTo(AssessState.DONE) >= 0) break; }
 *     a.result().ifPresent(r -> show(r.rangeDeg, r.compareNormal(RomNormals.aaos()).band));
 * }
 * }</pre>
 */
public final class Assessment extends NativeHandle<hip_assess> {
    /** Floats per IMU sample. */
    public static final int IMU_WIDTH = 6;

    /** The configuration ({@code hip_assess_config}); the constructor gives the library's defaults. */
    public static final class Config {
        /** The motion. */
        public RomMotion motion;
        /** The side. */
        public AssessSide side;
        /** IMU or pose angles. */
        public AssessSource source;
        /** The start posture (default seated for rotations, standing otherwise). */
        public AssessPosture posture;
        /** The day of the assessment. */
        public CivilDate day = CivilDate.ofDayNumber(0);
        /** Still time that makes the start pose, s (0.3..5). */
        public double calibrationS;
        /** IMU: still below this angular speed, deg/s. */
        public double stillGyroDps;
        /** IMU: and | |a| - g | below this, m/s². */
        public double stillAccel;
        /** Pose: still below this angular speed, deg/s. */
        public double stillAngleDps;
        /** Moving this far during calibration fails it, degrees. */
        public double calibrationToleranceDeg;
        /** Leaving the start by this much starts the movement, degrees. */
        public double moveDeg;
        /** Back within this share of the range = returned. */
        public double returnFraction;
        /** Still this long near the maximum = held, s. */
        public double holdS;
        /** Wait for stillness, then for movement, s. */
        public double maxWaitS;
        /** Longest movement, s. */
        public double maxDurationS;
        /** Longest timestamp step, s. */
        public double maxGapS;
        /** IMU: gravity tilt correction gain, 1/s (0 = gyro only). */
        public double tiltGain;
        /** Out-of-plane compensation threshold, degrees. */
        public double outOfPlaneDeg;
        /** Femur rotation compensation threshold, degrees. */
        public double thighRotationDeg;
        /** Trunk lean compensation threshold, degrees. */
        public double trunkLeanDeg;
        /** Pelvic obliquity compensation threshold, degrees. */
        public double pelvicDropDeg;

        /**
         * The library's defaults for an IMU measurement.
         *
         * @param motion the motion
         * @param side the side
         */
        public Config(RomMotion motion, AssessSide side) {
            this(motion, side, AssessSource.IMU);
        }

        /**
         * The library's defaults.
         *
         * @param motion the motion
         * @param side the side
         * @param source IMU or pose angles
         */
        public Config(RomMotion motion, AssessSide side, AssessSource source) {
            try (hip_assess_config c = new hip_assess_config(Values.nonNull(motion, "motion").value(),
                    Values.nonNull(side, "side").value(), Values.nonNull(source, "source").value())) {
                this.motion = motion;
                this.side = side;
                this.source = source;
                posture = AssessPosture.fromValue(c.getPosture());
                calibrationS = c.getCalibration_s();
                stillGyroDps = c.getStill_gyro_dps();
                stillAccel = c.getStill_accel();
                stillAngleDps = c.getStill_angle_dps();
                calibrationToleranceDeg = c.getCalibration_tolerance_deg();
                moveDeg = c.getMove_deg();
                returnFraction = c.getReturn_fraction();
                holdS = c.getHold_s();
                maxWaitS = c.getMax_wait_s();
                maxDurationS = c.getMax_duration_s();
                maxGapS = c.getMax_gap_s();
                tiltGain = c.getTilt_gain();
                outOfPlaneDeg = c.getOut_of_plane_deg();
                thighRotationDeg = c.getThigh_rotation_deg();
                trunkLeanDeg = c.getTrunk_lean_deg();
                pelvicDropDeg = c.getPelvic_drop_deg();
            }
        }

        hip_assess_config toNative() {
            hip_assess_config c = new hip_assess_config(Values.nonNull(motion, "motion").value(),
                    Values.nonNull(side, "side").value(), Values.nonNull(source, "source").value());
            c.setPosture(Values.nonNull(posture, "posture").value());
            c.setDay(Values.nonNull(day, "day").dayNumber());
            c.setCalibration_s(calibrationS);
            c.setStill_gyro_dps(stillGyroDps);
            c.setStill_accel(stillAccel);
            c.setStill_angle_dps(stillAngleDps);
            c.setCalibration_tolerance_deg(calibrationToleranceDeg);
            c.setMove_deg(moveDeg);
            c.setReturn_fraction(returnFraction);
            c.setHold_s(holdS);
            c.setMax_wait_s(maxWaitS);
            c.setMax_duration_s(maxDurationS);
            c.setMax_gap_s(maxGapS);
            c.setTilt_gain(tiltGain);
            c.setOut_of_plane_deg(outOfPlaneDeg);
            c.setThigh_rotation_deg(thighRotationDeg);
            c.setTrunk_lean_deg(trunkLeanDeg);
            c.setPelvic_drop_deg(pelvicDropDeg);
            return c;
        }
    }

    /**
     * One frame of pose angles of the measured side, degrees ({@code hip_assess_angles}); a null
     * angle is not valid in this frame.
     */
    public static final class Angles {
        /** Hip flexion (extension negative). */
        public Double hipFlexionDeg;
        /** Hip abduction (adduction negative). */
        public Double hipAbductionDeg;
        /** Hip rotation, internal positive. */
        public Double hipRotationDeg;
        /** Knee flexion. */
        public Double kneeFlexionDeg;
        /** Sagittal trunk lean. */
        public Double trunkLeanSagittalDeg;
        /** Frontal trunk lean. */
        public Double trunkLeanFrontalDeg;
        /** Pelvic obliquity. */
        public Double pelvicObliquityDeg;

        /** A frame without any valid angle. */
        public Angles() {}

        hip_assess_angles toNative() {
            hip_assess_angles a = new hip_assess_angles();
            int valid = 0;
            if (hipFlexionDeg != null) { a.setHip_flexion_deg(hipFlexionDeg); valid |= AssessAngle.HIP_FLEXION.value(); }
            if (hipAbductionDeg != null) { a.setHip_abduction_deg(hipAbductionDeg); valid |= AssessAngle.HIP_ABDUCTION.value(); }
            if (hipRotationDeg != null) { a.setHip_rotation_deg(hipRotationDeg); valid |= AssessAngle.HIP_ROTATION.value(); }
            if (kneeFlexionDeg != null) { a.setKnee_flexion_deg(kneeFlexionDeg); valid |= AssessAngle.KNEE_FLEXION.value(); }
            if (trunkLeanSagittalDeg != null) {
                a.setTrunk_lean_sagittal_deg(trunkLeanSagittalDeg);
                valid |= AssessAngle.TRUNK_LEAN_SAGITTAL.value();
            }
            if (trunkLeanFrontalDeg != null) {
                a.setTrunk_lean_frontal_deg(trunkLeanFrontalDeg);
                valid |= AssessAngle.TRUNK_LEAN_FRONTAL.value();
            }
            if (pelvicObliquityDeg != null) {
                a.setPelvic_obliquity_deg(pelvicObliquityDeg);
                valid |= AssessAngle.PELVIC_OBLIQUITY.value();
            }
            a.setValid(Values.u32(valid));
            return a;
        }
    }

    /**
     * A new measurement.
     *
     * @param config the configuration
     * @throws HipException {@link Status#INVALID} naming a field out of its range
     */
    public Assessment(Config config) {
        super(create(config), "Assessment");
    }

    private static hip_assess create(Config config) {
        try (hip_assess_config c = Values.nonNull(config, "config").toNative()) {
            return new hip_assess(c);
        }
    }

    /**
     * One IMU sample.
     *
     * @param tNs timestamp, ns (increasing)
     * @param sample ax ay az (m/s²) gx gy gz (rad/s)
     * @throws HipException {@link Status#RANGE} for a timestamp not after the previous one or a NaN
     *     or implausible value; {@link Status#STATE} after DONE/FAILED or for a pose measurement
     */
    public void pushImu(long tNs, float[] sample) {
        proxy().push_sample(tNs, FloatBuffer.wrap(Values.nonNull(sample, "sample")));
    }

    /**
     * Several IMU samples; stops early when the measurement ends (DONE/FAILED).
     *
     * @param tNs timestamps, ns
     * @param samples tNs.length x 6 floats, row-major
     * @return how many samples went in
     * @throws HipException at a refused sample (the ones before it went in)
     */
    public int pushImu(long[] tNs, float[] samples) {
        long[] used = new long[1];
        proxy().push_samples(LongBuffer.wrap(Values.nonNull(tNs, "tNs")),
                FloatBuffer.wrap(Values.nonNull(samples, "samples")), used);
        return (int) used[0];
    }

    /**
     * One frame of pose angles.
     *
     * @param tNs timestamp, ns (increasing)
     * @param angles the frame's angles
     * @throws HipException {@link Status#RANGE} for an angle beyond ±360 or a timestamp not after
     *     the previous one; {@link Status#STATE} after DONE/FAILED or for an IMU measurement
     */
    public void pushAngles(long tNs, Angles angles) {
        hip_assess h = proxy();
        try (hip_assess_angles a = Values.nonNull(angles, "angles").toNative()) {
            h.push_angles(tNs, a);
        }
    }

    /**
     * One frame of camera keypoints: the measured side's angles come from {@code
     * hip_pose_angles_compute} ({@link Pose#angles(Skeleton, int, float[])}).
     *
     * @param tNs       timestamp, ns (increasing)
     * @param skeleton  the keypoints' skeleton
     * @param dims      2 or 3
     * @param view      for 2-D: the camera's view, or null for AUTO
     * @param keypoints joints x 4 floats (x, y, z, confidence)
     * @throws HipException {@link Status#INVALID} for a wrong length or configuration; as {@link
     *     #pushAngles}
     */
    public void pushKeypoints(long tNs, Skeleton skeleton, int dims, PoseView view, float[] keypoints) {
        hip_assess h = proxy();
        try (hip_pose_angles_config c = new hip_pose_angles_config(Values.nonNull(skeleton, "skeleton").value(), dims)) {
            if (view != null) c.setView(view.value());
            h.push_keypoints_flat(tNs, c, FloatBuffer.wrap(Values.nonNull(keypoints, "keypoints")));
        }
    }

    /** The person says "done": a movement becomes DONE, otherwise FAILED. */
    public void finish() {
        proxy().finish();
    }

    /** Back to WAITING with the same configuration ("try again"). */
    public void reset() {
        proxy().reset();
    }

    /**
     * The state a UI follows.
     *
     * @return the state
     */
    public AssessState state() {
        return AssessState.fromValue(proxy().current_state());
    }

    /**
     * Why the measurement failed (NONE unless FAILED).
     *
     * @return the failure
     */
    public AssessFailure failure() {
        return AssessFailure.fromValue(proxy().failure_reason());
    }

    /**
     * The live angle from the start pose in the motion's direction.
     *
     * @return degrees; empty before calibration
     */
    public OptionalDouble currentDeg() {
        double[] out = new double[1];
        try {
            proxy().current_deg(out);
        } catch (HipException e) {
            if (e.code() == Status.NOT_FOUND) return OptionalDouble.empty();
            throw e;
        }
        return OptionalDouble.of(out[0]);
    }

    /**
     * The result once DONE.
     *
     * @return the result; empty while measuring
     * @throws HipException {@link Status#STATE} when the measurement failed (the message names why)
     */
    public Optional<AssessResult> result() {
        hip_assess h = proxy();
        if (state() == AssessState.FAILED)
            throw new HipException(Status.STATE.value(), "the assessment failed: " + failure().id());
        try (hip_assess_result r = new hip_assess_result()) {
            try {
                h.result_get(r);
            } catch (HipException e) {
                if (e.code() == Status.NOT_FOUND) return Optional.empty();
                throw e;
            }
            return Optional.of(new AssessResult(r));
        }
    }

    /**
     * The library's message of the last failed call.
     *
     * @return the message, "" if none
     */
    public String lastError() {
        return proxy().last_error();
    }
}
