/* Which view an exercise needs and which angle counts it: a rule over the catalog's motion
 * profile (motion, tracked segment), so that new exercises get a choice without a table. */
#include "pose_internal.h"

hip_pose_need hip_pose_need_for_exercise(const hip_exercise *ex)
{
    if (!ex) return HIP_POSE_NEED_UNTRACKABLE;
    switch (ex->motion.motion) {
    case HIP_MOTION_HIP_FLEXION:
    case HIP_MOTION_HIP_EXTENSION:
    case HIP_MOTION_KNEE_EXTENSION:
    case HIP_MOTION_TRUNK_FLEXION:
    case HIP_MOTION_STATIC:           /* holds of a lifted or stretched thigh */
        return HIP_POSE_NEED_SIDE;
    case HIP_MOTION_HIP_ABDUCTION:
        return HIP_POSE_NEED_FRONT;
    case HIP_MOTION_HIP_ROTATION:
        return HIP_POSE_NEED_3D;
    default:
        return HIP_POSE_NEED_UNTRACKABLE;
    }
}

hip_status hip_pose_signal_for_exercise(const hip_exercise *ex, hip_pose_signal *out)
{
    if (!ex || !out) return HIP_ERR_INVALID;
    switch (ex->motion.motion) {
    case HIP_MOTION_HIP_FLEXION:
    case HIP_MOTION_HIP_EXTENSION:
    case HIP_MOTION_TRUNK_FLEXION:
    case HIP_MOTION_STATIC:
        /* A hinge is followed by the trunk. In hip flexion exercises the knee bends with the hip
         * (squat, lunge, march) or stays straight (leg raise), so the larger of the two follows
         * the movement and takes over where one of them is noisy; in extension exercises the
         * knee is often held bent (bridge, prone extension with the knee at 90 degrees), so only
         * the hip angle does. */
        if (ex->motion.segment == HIP_SEGMENT_TRUNK || ex->motion.motion == HIP_MOTION_TRUNK_FLEXION)
            *out = HIP_POSE_SIGNAL_TRUNK_LEAN;
        else if (ex->motion.motion == HIP_MOTION_HIP_EXTENSION)
            *out = HIP_POSE_SIGNAL_HIP_FLEXION;
        else
            *out = HIP_POSE_SIGNAL_LIMB_FLEXION;
        return HIP_OK;
    case HIP_MOTION_KNEE_EXTENSION:
        *out = HIP_POSE_SIGNAL_KNEE_FLEXION;
        return HIP_OK;
    case HIP_MOTION_HIP_ABDUCTION:
        *out = HIP_POSE_SIGNAL_HIP_ABDUCTION;
        return HIP_OK;
    case HIP_MOTION_HIP_ROTATION:
        *out = HIP_POSE_SIGNAL_HIP_ROTATION;
        return HIP_OK;
    default:
        return HIP_ERR_UNSUPPORTED;
    }
}

const char *hip_pose_need_name(hip_pose_need need)
{
    static const char *const names[4] = {"side", "front", "3d", "untrackable"};
    return (unsigned)need < 4 ? names[need] : "unknown";
}

const char *hip_pose_signal_name(hip_pose_signal signal)
{
    static const char *const names[HIPTRACK_POSE_SIGNAL_COUNT] = {
        "limb_flexion", "hip_flexion", "knee_flexion", "hip_abduction", "hip_rotation", "trunk_lean"};
    return (unsigned)signal < HIPTRACK_POSE_SIGNAL_COUNT ? names[signal] : "unknown";
}

const char *hip_pose_flag_name(hip_pose_flag flag)
{
    switch (flag) {
    case HIP_POSE_FLAG_TRUNK_LEAN: return "trunk_lean";
    case HIP_POSE_FLAG_PELVIC_DROP: return "pelvic_drop";
    case HIP_POSE_FLAG_KNEE_VALGUS: return "knee_valgus";
    case HIP_POSE_FLAG_ASYMMETRY: return "asymmetry";
    default: return "unknown";
    }
}
