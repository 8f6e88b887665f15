package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pose_view;

/** Where a 2-D camera looks from ({@code hip_pose_view}). */
public enum PoseView {
    /** {@code HIP_POSE_VIEW_AUTO}: 2-D: decided per frame from the hip width against the trunk. */
    AUTO(hip_pose_view.HIP_POSE_VIEW_AUTO),
    /** {@code HIP_POSE_VIEW_FRONT}: The image plane is the subject's frontal plane. */
    FRONT(hip_pose_view.HIP_POSE_VIEW_FRONT),
    /** {@code HIP_POSE_VIEW_SIDE}: The image plane is the subject's sagittal plane. */
    SIDE(hip_pose_view.HIP_POSE_VIEW_SIDE);

    private final int value;

    PoseView(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pose_view} number
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
        return HiptrackNative.hip_pose_view_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pose_view} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PoseView fromValue(int value) {
        for (PoseView e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PoseView with value " + value);
    }
}
