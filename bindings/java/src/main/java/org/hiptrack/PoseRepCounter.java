package org.hiptrack;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import org.hiptrack.internal.hip_exercise;
import org.hiptrack.internal.hip_pose_rep_event;
import org.hiptrack.internal.hip_pose_reps;
import org.hiptrack.internal.hip_pose_reps_config;
import org.hiptrack.internal.hip_status;

/**
 * Counts repetitions from camera keypoints ({@code hip_pose_reps}) with the same rep engine as
 * {@link RepDetector}, and flags compensations (trunk lean, pelvic drop, knee valgus, left/right
 * asymmetry). Frames are flat {@code float} arrays of joints x 4 (x, y, z, confidence) in the
 * skeleton's order; however the stream is cut into pushes, the events are the same.
 *
 * <pre>{@code
 * try (PoseRepCounter counter = new PoseRepCounter(Skeleton.MEDIAPIPE_POSE33, 2, squat)) {
 *     List<PoseRepEvent> reps = counter.push(tNs, frames);   // frames: tNs.length x 33 x 4
 *     reps.addAll(counter.finish());
 * }
 * }</pre>
 */
public final class PoseRepCounter extends NativeHandle<hip_pose_reps> {
    private final int joints;
    private final long[] consumedOut = new long[1];

    /**
     * A generic ("auto") counter: the larger of hip and knee flexion on either side.
     *
     * @param skeleton the keypoint layout
     * @param dims     2 or 3
     */
    public PoseRepCounter(Skeleton skeleton, int dims) {
        this(skeleton, dims, null);
    }

    /**
     * A counter for a catalog exercise (its signal angle, motion profile, 2-D view and checks).
     *
     * @param skeleton the keypoint layout
     * @param dims     2 or 3
     * @param exercise the exercise, or null for auto
     * @throws HipException {@link Status#UNSUPPORTED} when the exercise cannot be counted from
     *                      these keypoints
     */
    public PoseRepCounter(Skeleton skeleton, int dims, Exercise exercise) {
        super(create(skeleton, dims, exercise), "PoseRepCounter");
        joints = (int) proxy().joint_count();
    }

    private static hip_pose_reps create(Skeleton skeleton, int dims, Exercise exercise) {
        try (hip_pose_reps_config c = new hip_pose_reps_config(Values.nonNull(skeleton, "skeleton").value(), dims)) {
            if (exercise != null) {
                try (hip_exercise e = exercise.toNative()) {
                    c.apply_exercise(e);
                }
            }
            return new hip_pose_reps(c);
        }
    }

    /**
     * Keypoints per frame.
     *
     * @return the skeleton's joint count
     */
    public int joints() {
        return joints;
    }

    /**
     * Pushes frames and returns the events they produced.
     *
     * @param tNs       timestamps, ns, increasing
     * @param keypoints tNs.length x {@link #joints()} x 4 floats
     * @return the events (possibly none)
     * @throws HipException {@link Status#RANGE} for a timestamp not after the previous one (the
     *                      frames before it are kept), {@link Status#INVALID} for a wrong length
     */
    public List<PoseRepEvent> push(long[] tNs, float[] keypoints) {
        hip_pose_reps r = proxy();
        Values.nonNull(tNs, "tNs");
        Values.nonNull(keypoints, "keypoints");
        List<PoseRepEvent> out = new ArrayList<>();
        int done = 0, per = joints * 4;
        while (done < tNs.length) {
            LongBuffer t = LongBuffer.wrap(tNs, done, tNs.length - done);
            FloatBuffer k = FloatBuffer.wrap(keypoints, Math.min(keypoints.length, done * per),
                    Math.max(0, keypoints.length - done * per));
            r.push_frames(t, k, consumedOut);
            done += (int) consumedOut[0];
            drain(out);
        }
        drain(out);
        return out;
    }

    /**
     * End of the stream: settles the last rep.
     *
     * @return the remaining events
     */
    public List<PoseRepEvent> finish() {
        proxy().finish();
        List<PoseRepEvent> out = new ArrayList<>();
        drain(out);
        return out;
    }

    /** Back to the state right after construction. */
    public void reset() {
        proxy().reset();
    }

    private void drain(List<PoseRepEvent> out) {
        hip_pose_reps r = proxy();
        try (hip_pose_rep_event e = new hip_pose_rep_event()) {
            while (r.next_event(e) != hip_status.HIP_DONE) out.add(new PoseRepEvent(e));
        }
    }
}
