package org.hiptrack;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_exercise;
import org.hiptrack.internal.hip_pose_angles;
import org.hiptrack.internal.hip_pose_angles_config;

/**
 * Skeleton tables and per-frame joint angles of the camera pose front end ({@code hip_pose.h}).
 * Keypoints are flat {@code float} arrays of x, y, z, confidence per joint, in the skeleton's
 * order (z ignored for 2-D; confidence 1 when the source has none).
 */
public final class Pose {
    private Pose() {}

    /** Angles per frame: {@link #deg} by {@link PoseAngle#value()}, NaN where not valid. */
    public static final class Angles {
        /** Degrees by {@link PoseAngle#value()}; NaN where the angle could not be computed. */
        public final double[] deg;
        /** The view used for 2-D keypoints (FRONT or SIDE); AUTO for 3-D. */
        public final PoseView view;

        Angles(hip_pose_angles a) {
            deg = new double[PoseAngle.values().length];
            long bits = a.getValid();
            for (int i = 0; i < deg.length; i++) deg[i] = ((bits >> i) & 1) != 0 ? a.angle(i) : Double.NaN;
            view = PoseView.fromValue(a.getView());
        }

        /**
         * One angle.
         *
         * @param angle which
         * @return degrees, or NaN when not valid
         */
        public double get(PoseAngle angle) {
            return deg[angle.value()];
        }
    }

    /**
     * The skeleton's joint names in its order (the pose CSV's column stems).
     *
     * @param skeleton the skeleton
     * @return the names
     */
    public static List<String> jointNames(Skeleton skeleton) {
        int n = (int) HiptrackNative.hip_pose_skeleton_joint_count(skeleton.value());
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(HiptrackNative.hip_pose_skeleton_joint_name(skeleton.value(), i));
        return out;
    }

    /**
     * The skeleton's point index for a canonical joint.
     *
     * @param skeleton the skeleton
     * @param joint    the canonical joint
     * @return the index, or -1 when the skeleton has no such point (it may be derived)
     */
    public static int skeletonIndex(Skeleton skeleton, Joint joint) {
        long[] index = new long[1];
        try {
            HiptrackNative.hip_pose_skeleton_index(skeleton.value(), joint.value(), index);
        } catch (HipException e) {
            if (e.code() == Status.NOT_FOUND) return -1;
            throw e;
        }
        return (int) index[0];
    }

    /**
     * What a camera must see to count an exercise.
     *
     * @param exercise the catalog exercise
     * @return side view, front view, 3-D or untrackable
     */
    public static PoseNeed needFor(Exercise exercise) {
        try (hip_exercise e = Values.nonNull(exercise, "exercise").toNative()) {
            return PoseNeed.fromValue(HiptrackNative.hip_pose_need_for_exercise(e));
        }
    }

    /**
     * The angles of one frame with the skeleton's default conventions.
     *
     * @param skeleton  the skeleton
     * @param dims      2 or 3
     * @param keypoints joints x 4 floats (x, y, z, confidence)
     * @return the angles
     * @throws HipException {@link Status#INVALID} for a wrong length or dims
     */
    public static Angles angles(Skeleton skeleton, int dims, float[] keypoints) {
        return angles(skeleton, dims, null, 0, keypoints);
    }

    /**
     * The angles of one frame.
     *
     * @param skeleton  the skeleton
     * @param dims      2 or 3
     * @param view      for 2-D: the camera's view, or null for AUTO
     * @param xScale    image width / height for normalised coordinates, or 0 for 1
     * @param keypoints joints x 4 floats (x, y, z, confidence)
     * @return the angles
     * @throws HipException {@link Status#INVALID} for a wrong length or configuration
     */
    public static Angles angles(Skeleton skeleton, int dims, PoseView view, double xScale, float[] keypoints) {
        try (hip_pose_angles_config c = new hip_pose_angles_config(skeleton.value(), dims);
             hip_pose_angles out = new hip_pose_angles()) {
            if (view != null) c.setView(view.value());
            if (xScale > 0) c.setX_scale(xScale);
            HiptrackNative.hip__bind_pose_angles(c, FloatBuffer.wrap(Values.nonNull(keypoints, "keypoints")), out);
            return new Angles(out);
        }
    }
}
