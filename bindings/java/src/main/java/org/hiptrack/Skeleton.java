package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_skeleton;

/** A keypoint layout ({@code hip_skeleton}). */
public enum Skeleton {
    /** {@code HIP_SKELETON_HIPTRACK}: The 18 canonical joints, in hip_joint order. */
    HIPTRACK(hip_skeleton.HIP_SKELETON_HIPTRACK),
    /** {@code HIP_SKELETON_MEDIAPIPE_POSE33}: MediaPipe / BlazePose, 33 landmarks. */
    MEDIAPIPE_POSE33(hip_skeleton.HIP_SKELETON_MEDIAPIPE_POSE33),
    /** {@code HIP_SKELETON_APPLE_VISION_2D}: VNHumanBodyPoseObservation, 19 joints. */
    APPLE_VISION_2D(hip_skeleton.HIP_SKELETON_APPLE_VISION_2D),
    /** {@code HIP_SKELETON_APPLE_VISION_3D}: VNHumanBodyPose3DObservation, 17 joints. */
    APPLE_VISION_3D(hip_skeleton.HIP_SKELETON_APPLE_VISION_3D),
    /** {@code HIP_SKELETON_COCO17}: COCO keypoints (OpenPose/MoveNet/YOLO-pose), 17. */
    COCO17(hip_skeleton.HIP_SKELETON_COCO17);

    private final int value;

    Skeleton(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_skeleton} number
     */
    public int value() {
        return value;
    }

    /**
     * The library's stable lower-case name, as used in JSON and by the CLI.
     *
     * @return the name
     */
    public String id() {
        return HiptrackNative.hip_pose_skeleton_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_skeleton} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Skeleton fromValue(int value) {
        for (Skeleton e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Skeleton with value " + value);
    }
}
