/* Camera pose front end: body keypoints from a phone or depth camera (MediaPipe Pose, Apple Vision,
 * COCO-17 models, Kinect-style skeletons) in, per-frame hip, knee, trunk and pelvis angles out.
 *
 * Skeletons and joints:
 * - A frame is an array of hip_keypoint in one skeleton's order (hip_pose_skeleton_joint_count
 *   entries), with 2 or 3 coordinates used (dims). The skeletons' joints map to one canonical set
 *   (hip_joint), whose order is the library's own named-joint layout (the pose CSV of docs/pose.md).
 * - Joints a skeleton lacks are derived when possible: the pelvis is the midpoint of the hips and
 *   the shoulder centre (HIP_JOINT_SPINE_SHOULDER) the midpoint of the shoulders; spine_mid is the
 *   midpoint of pelvis and shoulder centre; the head is the nose (MediaPipe, COCO, Vision 2-D) or
 *   the top of the head (Vision 3-D). A derived joint's confidence is the smaller of its sources'.
 *   Feet: MediaPipe's foot index (toe) is HIP_JOINT_FOOT_*; no other skeleton here has a foot point.
 * - Coordinates: every skeleton has a default convention (hip_pose_angles_config_init): y up for the
 *   hiptrack layout (metres, x to the camera's right, z towards the camera) and for Apple Vision
 *   (2-D: normalised image coordinates with the origin at the bottom left; 3-D: metres); y down for
 *   MediaPipe (normalised image coordinates, and its world landmarks) and COCO (pixels). A y-down
 *   frame is turned 180 degrees about x (y and z negated), which keeps it right-handed. Normalised
 *   image coordinates need x_scale = image width / height for true angles.
 * - A joint is missing when its confidence is below min_confidence or a coordinate is NaN or
 *   infinite (a common "not detected" marker): angles that need it are then invalid.
 *
 * Angles (degrees; _L/_R are the subject's own left and right):
 * - hip flexion: the thigh (hip to knee) in the trunk's sagittal plane, against the trunk line
 *   (shoulder centre to pelvis): 0 standing, 90 with the thigh forward and level, negative in
 *   extension. Without shoulders the vertical stands in for the trunk.
 * - hip abduction: the thigh out of the pelvis's sagittal plane, positive away from the midline.
 * - hip rotation (3-D only, knee flexed at least rotation_min_knee_deg): the shank about the thigh,
 *   positive internal (foot moving outwards).
 * - knee flexion: 180 minus the hip-knee-ankle angle.
 * - trunk lean: the trunk line against the vertical, sagittal (positive forwards) and frontal
 *   (positive towards the subject's left).
 * - pelvic obliquity: the hip line against the horizontal, positive when the left hip is higher
 *   (the right side dropped).
 * - knee valgus: the frontal-plane projection angle at the knee (180 minus the hip-knee-ankle angle
 *   seen from the front), positive when the knee is inside the hip-ankle line.
 * In 3-D everything is measured in the body's own frame (the hip line and the trunk), so it does
 * not matter where the camera stands. In 2-D only the angles in the image plane are valid:
 *   side view  (the camera looks at the subject's side): hip flexion, knee flexion, sagittal trunk
 *              lean (the facing direction comes from the toes, else from the bent knees);
 *   front view (the camera faces the subject, or their back): hip abduction, frontal trunk lean,
 *              pelvic obliquity, knee valgus.
 * An angle that cannot be computed is marked invalid (its bit clear in `valid`) and holds 0; no NaN
 * ever crosses the API. */
#ifndef HIPTRACK_HIP_POSE_H
#define HIPTRACK_HIP_POSE_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hip_skeleton {
    HIP_SKELETON_HIPTRACK = 0,          /* the 18 canonical joints, in hip_joint order */
    HIP_SKELETON_MEDIAPIPE_POSE33 = 1,  /* MediaPipe / BlazePose, 33 landmarks */
    HIP_SKELETON_APPLE_VISION_2D = 2,   /* VNHumanBodyPoseObservation, 19 joints */
    HIP_SKELETON_APPLE_VISION_3D = 3,   /* VNHumanBodyPose3DObservation, 17 joints */
    HIP_SKELETON_COCO17 = 4             /* COCO keypoints (OpenPose/MoveNet/YOLO-pose), 17 */
} hip_skeleton;
#define HIPTRACK_SKELETON_COUNT 5

/* Canonical joints; the order is the hiptrack layout's. */
typedef enum hip_joint {
    HIP_JOINT_PELVIS = 0,         /* hip centre */
    HIP_JOINT_SPINE_MID = 1,
    HIP_JOINT_SPINE_SHOULDER = 2, /* between the shoulders */
    HIP_JOINT_HEAD = 3,
    HIP_JOINT_SHOULDER_L = 4,
    HIP_JOINT_SHOULDER_R = 5,
    HIP_JOINT_ELBOW_L = 6,
    HIP_JOINT_ELBOW_R = 7,
    HIP_JOINT_WRIST_L = 8,
    HIP_JOINT_WRIST_R = 9,
    HIP_JOINT_HIP_L = 10,
    HIP_JOINT_HIP_R = 11,
    HIP_JOINT_KNEE_L = 12,
    HIP_JOINT_KNEE_R = 13,
    HIP_JOINT_ANKLE_L = 14,
    HIP_JOINT_ANKLE_R = 15,
    HIP_JOINT_FOOT_L = 16,        /* toes */
    HIP_JOINT_FOOT_R = 17
} hip_joint;
#define HIPTRACK_JOINT_COUNT 18
#define HIPTRACK_SKELETON_MAX_JOINTS 33   /* the largest skeleton's joint count */

/* One keypoint: position (z ignored for 2-D) and the detector's confidence 0..1 (1 when the source
 * has none). */
typedef struct hip_keypoint {
    float x, y, z;
    float confidence;
} hip_keypoint;

/* Per-frame angles, indexes of hip_pose_angles.deg. */
typedef enum hip_pose_angle {
    HIP_POSE_HIP_FLEXION_L = 0,
    HIP_POSE_HIP_FLEXION_R = 1,
    HIP_POSE_HIP_ABDUCTION_L = 2,
    HIP_POSE_HIP_ABDUCTION_R = 3,
    HIP_POSE_HIP_ROTATION_L = 4,
    HIP_POSE_HIP_ROTATION_R = 5,
    HIP_POSE_KNEE_FLEXION_L = 6,
    HIP_POSE_KNEE_FLEXION_R = 7,
    HIP_POSE_TRUNK_LEAN_SAGITTAL = 8,
    HIP_POSE_TRUNK_LEAN_FRONTAL = 9,
    HIP_POSE_PELVIC_OBLIQUITY = 10,
    HIP_POSE_KNEE_VALGUS_L = 11,
    HIP_POSE_KNEE_VALGUS_R = 12
} hip_pose_angle;
#define HIPTRACK_POSE_ANGLE_COUNT 13

/* Which way a 2-D camera looks at the subject. */
typedef enum hip_pose_view {
    HIP_POSE_VIEW_AUTO = 0,   /* 2-D: decided per frame from the hip width against the trunk */
    HIP_POSE_VIEW_FRONT = 1,  /* the image plane is the subject's frontal plane */
    HIP_POSE_VIEW_SIDE = 2    /* the image plane is the subject's sagittal plane */
} hip_pose_view;

typedef struct hip_pose_angles {
    double deg[HIPTRACK_POSE_ANGLE_COUNT];  /* by hip_pose_angle; 0 where invalid */
    uint32_t valid;                         /* bit (1u << angle) set when deg[angle] is valid */
    hip_pose_view view;                     /* 2-D: the view used (FRONT or SIDE); 3-D: AUTO */
} hip_pose_angles;

typedef struct hip_pose_angles_config {
    uint32_t struct_size;        /* set by hip_pose_angles_config_init */
    hip_skeleton skeleton;
    uint32_t dims;               /* 2 or 3 */
    int y_down;                  /* 1: y grows downwards (image rows); default from the skeleton */
    double x_scale;              /* x is multiplied by this (image width/height for normalised
                                    coordinates); 0.01..100, default 1 */
    double min_confidence;       /* joints below are missing; 0..1, default 0.3 [DD] */
    hip_pose_view view;          /* 2-D only; default AUTO */
    double rotation_min_knee_deg;  /* hip rotation needs this much knee flexion; 5..90, default 20 */
} hip_pose_angles_config;

HIPTRACK_API size_t hip_pose_skeleton_joint_count(hip_skeleton skeleton);
/* The joint's name in the skeleton ("left_hip" for MediaPipe, "hip_l" for hiptrack, ...), the
 * column stem of the pose CSV; NULL past the end or for an unknown skeleton. */
HIPTRACK_API const char *hip_pose_skeleton_joint_name(hip_skeleton skeleton, size_t index);
/* "hiptrack", "mediapipe_pose33", "apple_vision_2d", "apple_vision_3d", "coco17"; "unknown". */
HIPTRACK_API const char *hip_pose_skeleton_name(hip_skeleton skeleton);
/* HIP_OK and the skeleton for a name above; HIP_ERR_NOT_FOUND otherwise. */
HIPTRACK_API hip_status hip_pose_skeleton_from_name(const char *name, hip_skeleton *out);
/* The canonical joint a skeleton's point index maps to: HIP_OK, or HIP_ERR_NOT_FOUND for a point
 * with no canonical joint (eyes, ears, fingers, heels) or an index past the end. */
HIPTRACK_API hip_status hip_pose_joint_from_skeleton(hip_skeleton skeleton, size_t index,
                                                     hip_joint *out);
/* The skeleton's point index for a canonical joint: HIP_OK, or HIP_ERR_NOT_FOUND when the skeleton
 * has no such point (it may still be derived: see the top of this header). */
HIPTRACK_API hip_status hip_pose_skeleton_index(hip_skeleton skeleton, hip_joint joint,
                                                size_t *index_out);
/* "pelvis", "spine_mid", ..., "foot_r"; "unknown". */
HIPTRACK_API const char *hip_joint_name(hip_joint joint);
/* "hip_flexion_l", ..., "knee_valgus_r"; "unknown". */
HIPTRACK_API const char *hip_pose_angle_name(hip_pose_angle angle);
/* "auto", "front", "side"; "unknown". */
HIPTRACK_API const char *hip_pose_view_name(hip_pose_view view);

/* Defaults for a skeleton and dims (y_down from the skeleton's convention). */
HIPTRACK_API void hip_pose_angles_config_init(hip_pose_angles_config *config, hip_skeleton skeleton,
                                              uint32_t dims);
/* HIP_OK, or HIP_ERR_INVALID naming the field ("dims: expected 2 or 3"; message_out may be NULL). */
HIPTRACK_API hip_status hip_pose_angles_config_check(const hip_pose_angles_config *config,
                                                     char *message_out, size_t message_cap);
/* Brings a skeleton's frame to the canonical joints (derived joints filled in, coordinates turned
 * to y up and scaled; a missing joint has confidence 0 and zero coordinates). count must be the
 * skeleton's joint count. */
HIPTRACK_API hip_status hip_pose_to_canonical(const hip_pose_angles_config *config,
                                              const hip_keypoint *keypoints, size_t count,
                                              hip_keypoint out[HIPTRACK_JOINT_COUNT]);
/* All angles of one frame. HIP_ERR_INVALID for a NULL pointer, a bad configuration or a count that
 * is not the skeleton's joint count. Missing joints are not an error: their angles are invalid. */
HIPTRACK_API hip_status hip_pose_angles_compute(const hip_pose_angles_config *config,
                                                const hip_keypoint *keypoints, size_t count,
                                                hip_pose_angles *out);

#ifdef __cplusplus
}
#endif
#endif
