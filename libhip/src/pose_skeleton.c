/* Skeleton tables: joint names per skeleton and their mapping to the canonical joints. The names
 * are the column stems of the pose CSV, so they follow each vendor's own naming in snake case. */
#include "pose_internal.h"

#include <string.h>

static const char *const hiptrack_names[HIPTRACK_JOINT_COUNT] = {
    "pelvis", "spine_mid", "spine_shoulder", "head", "shoulder_l", "shoulder_r", "elbow_l",
    "elbow_r", "wrist_l", "wrist_r", "hip_l", "hip_r", "knee_l", "knee_r", "ankle_l", "ankle_r",
    "foot_l", "foot_r"};

#define NONE (-1)
#define J(x) ((signed char)HIP_JOINT_##x)

/* MediaPipe Pose landmark order (BlazePose GHUM topology). */
static const char *const mediapipe_names[33] = {
    "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye",
    "right_eye_outer", "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder",
    "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_pinky",
    "right_pinky", "left_index", "right_index", "left_thumb", "right_thumb", "left_hip",
    "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle", "left_heel",
    "right_heel", "left_foot_index", "right_foot_index"};
static const signed char mediapipe_map[33] = {
    J(HEAD), NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, J(SHOULDER_L),
    J(SHOULDER_R), J(ELBOW_L), J(ELBOW_R), J(WRIST_L), J(WRIST_R), NONE, NONE, NONE, NONE, NONE,
    NONE, J(HIP_L), J(HIP_R), J(KNEE_L), J(KNEE_R), J(ANKLE_L), J(ANKLE_R), NONE, NONE, J(FOOT_L),
    J(FOOT_R)};

/* Apple Vision VNHumanBodyPoseObservation joint names; the order is ours (Vision returns a
 * dictionary), the same as the JointName constants listed in Apple's documentation. */
static const char *const vision2d_names[19] = {
    "nose", "left_eye", "right_eye", "left_ear", "right_ear", "neck", "left_shoulder",
    "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "root",
    "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle"};
static const signed char vision2d_map[19] = {
    J(HEAD), NONE, NONE, NONE, NONE, J(SPINE_SHOULDER), J(SHOULDER_L), J(SHOULDER_R), J(ELBOW_L),
    J(ELBOW_R), J(WRIST_L), J(WRIST_R), J(PELVIS), J(HIP_L), J(HIP_R), J(KNEE_L), J(KNEE_R),
    J(ANKLE_L), J(ANKLE_R)};

/* Apple Vision VNHumanBodyPose3DObservation joint names (order ours, as above). */
static const char *const vision3d_names[17] = {
    "top_head", "center_head", "center_shoulder", "left_shoulder", "right_shoulder",
    "left_elbow", "right_elbow", "left_wrist", "right_wrist", "spine", "root", "left_hip",
    "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle"};
static const signed char vision3d_map[17] = {
    J(HEAD), NONE, J(SPINE_SHOULDER), J(SHOULDER_L), J(SHOULDER_R), J(ELBOW_L), J(ELBOW_R),
    J(WRIST_L), J(WRIST_R), J(SPINE_MID), J(PELVIS), J(HIP_L), J(HIP_R), J(KNEE_L), J(KNEE_R),
    J(ANKLE_L), J(ANKLE_R)};

/* COCO keypoint order. */
static const char *const coco_names[17] = {
    "nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder",
    "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip",
    "left_knee", "right_knee", "left_ankle", "right_ankle"};
static const signed char coco_map[17] = {
    J(HEAD), NONE, NONE, NONE, NONE, J(SHOULDER_L), J(SHOULDER_R), J(ELBOW_L), J(ELBOW_R),
    J(WRIST_L), J(WRIST_R), J(HIP_L), J(HIP_R), J(KNEE_L), J(KNEE_R), J(ANKLE_L), J(ANKLE_R)};

static const signed char hiptrack_map[HIPTRACK_JOINT_COUNT] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};

typedef struct skeleton_table {
    const char *name;
    size_t count;
    const char *const *joint_names;
    const signed char *map;
    int y_down;
} skeleton_table;

static const skeleton_table tables[HIPTRACK_SKELETON_COUNT] = {
    {"hiptrack", HIPTRACK_JOINT_COUNT, hiptrack_names, hiptrack_map, 0},
    {"mediapipe_pose33", 33, mediapipe_names, mediapipe_map, 1},
    {"apple_vision_2d", 19, vision2d_names, vision2d_map, 0},
    {"apple_vision_3d", 17, vision3d_names, vision3d_map, 0},
    {"coco17", 17, coco_names, coco_map, 1},
};

static const skeleton_table *table_of(hip_skeleton s)
{
    return (unsigned)s < HIPTRACK_SKELETON_COUNT ? &tables[s] : NULL;
}

int hip__pose_skeleton_y_down(hip_skeleton skeleton)
{
    const skeleton_table *t = table_of(skeleton);
    return t ? t->y_down : 0;
}

size_t hip_pose_skeleton_joint_count(hip_skeleton skeleton)
{
    const skeleton_table *t = table_of(skeleton);
    return t ? t->count : 0;
}

const char *hip_pose_skeleton_joint_name(hip_skeleton skeleton, size_t index)
{
    const skeleton_table *t = table_of(skeleton);
    return t && index < t->count ? t->joint_names[index] : NULL;
}

const char *hip_pose_skeleton_name(hip_skeleton skeleton)
{
    const skeleton_table *t = table_of(skeleton);
    return t ? t->name : "unknown";
}

hip_status hip_pose_skeleton_from_name(const char *name, hip_skeleton *out)
{
    if (!name || !out) return HIP_ERR_INVALID;
    for (unsigned i = 0; i < HIPTRACK_SKELETON_COUNT; i++)
        if (strcmp(tables[i].name, name) == 0) {
            *out = (hip_skeleton)i;
            return HIP_OK;
        }
    return HIP_ERR_NOT_FOUND;
}

hip_status hip_pose_joint_from_skeleton(hip_skeleton skeleton, size_t index, hip_joint *out)
{
    if (!out) return HIP_ERR_INVALID;
    const skeleton_table *t = table_of(skeleton);
    if (!t) return HIP_ERR_INVALID;
    if (index >= t->count || t->map[index] < 0) return HIP_ERR_NOT_FOUND;
    *out = (hip_joint)t->map[index];
    return HIP_OK;
}

hip_status hip_pose_skeleton_index(hip_skeleton skeleton, hip_joint joint, size_t *index_out)
{
    if (!index_out) return HIP_ERR_INVALID;
    const skeleton_table *t = table_of(skeleton);
    if (!t || (unsigned)joint >= HIPTRACK_JOINT_COUNT) return HIP_ERR_INVALID;
    for (size_t i = 0; i < t->count; i++)
        if (t->map[i] == (signed char)joint) {
            *index_out = i;
            return HIP_OK;
        }
    return HIP_ERR_NOT_FOUND;
}

const char *hip_joint_name(hip_joint joint)
{
    return (unsigned)joint < HIPTRACK_JOINT_COUNT ? hiptrack_names[joint] : "unknown";
}

const char *hip_pose_angle_name(hip_pose_angle angle)
{
    static const char *const names[HIPTRACK_POSE_ANGLE_COUNT] = {
        "hip_flexion_l", "hip_flexion_r", "hip_abduction_l", "hip_abduction_r",
        "hip_rotation_l", "hip_rotation_r", "knee_flexion_l", "knee_flexion_r",
        "trunk_lean_sagittal", "trunk_lean_frontal", "pelvic_obliquity", "knee_valgus_l",
        "knee_valgus_r"};
    return (unsigned)angle < HIPTRACK_POSE_ANGLE_COUNT ? names[angle] : "unknown";
}

const char *hip_pose_view_name(hip_pose_view view)
{
    static const char *const names[3] = {"auto", "front", "side"};
    return (unsigned)view < 3 ? names[view] : "unknown";
}

hip_status hip_pose_to_canonical(const hip_pose_angles_config *config,
                                 const hip_keypoint *keypoints, size_t count,
                                 hip_keypoint out[HIPTRACK_JOINT_COUNT])
{
    if (!config || !keypoints || !out) return HIP_ERR_INVALID;
    if (hip_pose_angles_config_check(config, NULL, 0) != HIP_OK) return HIP_ERR_INVALID;
    const skeleton_table *t = table_of(config->skeleton);
    if (count != t->count) return HIP_ERR_INVALID;
    memset(out, 0, sizeof(hip_keypoint) * HIPTRACK_JOINT_COUNT);
    double ysign = config->y_down ? -1.0 : 1.0;
    for (size_t i = 0; i < count; i++) {
        int j = t->map[i];
        if (j < 0) continue;
        const hip_keypoint *k = &keypoints[i];
        double x = k->x, y = k->y, z = config->dims == 3 ? k->z : 0.0, c = k->confidence;
        /* NaN fails every comparison: missing. */
        if (!(c >= config->min_confidence) || !(x - x == 0) || !(y - y == 0) || !(z - z == 0))
            continue;
        float fx = (float)(x * config->x_scale);
        if (!(fx - fx == 0)) continue;   /* scaled beyond the float range: missing */
        out[j].x = fx;
        out[j].y = (float)(y * ysign);
        out[j].z = (float)(z * ysign);
        /* A present joint keeps a positive confidence even when min_confidence is 0. */
        out[j].confidence = c > 1 ? 1.0f : c < 1e-6 ? 1e-6f : (float)c;
    }
    /* Derived joints: midpoints when the skeleton has no point of its own. */
    static const struct { int target, a, b; } derived[] = {
        {HIP_JOINT_PELVIS, HIP_JOINT_HIP_L, HIP_JOINT_HIP_R},
        {HIP_JOINT_SPINE_SHOULDER, HIP_JOINT_SHOULDER_L, HIP_JOINT_SHOULDER_R},
        {HIP_JOINT_SPINE_MID, HIP_JOINT_PELVIS, HIP_JOINT_SPINE_SHOULDER},
    };
    for (size_t i = 0; i < sizeof derived / sizeof derived[0]; i++) {
        hip_keypoint *d = &out[derived[i].target];
        const hip_keypoint *a = &out[derived[i].a], *b = &out[derived[i].b];
        if (d->confidence > 0 || a->confidence <= 0 || b->confidence <= 0) continue;
        d->x = (a->x + b->x) * 0.5f;
        d->y = (a->y + b->y) * 0.5f;
        d->z = (a->z + b->z) * 0.5f;
        d->confidence = a->confidence < b->confidence ? a->confidence : b->confidence;
    }
    return HIP_OK;
}
