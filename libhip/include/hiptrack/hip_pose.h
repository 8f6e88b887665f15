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
 * In 3-D the hip and knee angles are measured in the body's own frame (the hip line and the trunk),
 * so it does not matter where the camera stands or which way the subject faces; trunk lean and
 * pelvic obliquity are against the vertical, the frame's y axis (camera upright, or world
 * coordinates). In 2-D only the angles in the image plane are valid:
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
#include "hip_alloc.h"
#include "hip_catalog.h"
#include "hip_reps.h"

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

/* ---- Which view an exercise needs, and which angle counts it ---------------------------------- */

/* What a camera must see to count an exercise (hip_pose_need_for_exercise). */
typedef enum hip_pose_need {
    HIP_POSE_NEED_SIDE = 0,       /* sagittal motion: a 2-D side view (or 3-D) */
    HIP_POSE_NEED_FRONT = 1,      /* frontal motion: a 2-D front view (or 3-D) */
    HIP_POSE_NEED_3D = 2,         /* rotation about the thigh: 3-D keypoints only */
    HIP_POSE_NEED_UNTRACKABLE = 3 /* ankle motion, steps, pedalling: no angle here follows it */
} hip_pose_need;

/* The 1-D angle fed to the rep engine, taken on the side where it is larger (so a unilateral or
 * alternating exercise is counted on whichever leg moves). */
typedef enum hip_pose_signal {
    HIP_POSE_SIGNAL_LIMB_FLEXION = 0,  /* the larger of hip and knee flexion: squats, lunges,
                                          sit-to-stand, leg raises alike ("auto") */
    HIP_POSE_SIGNAL_HIP_FLEXION = 1,
    HIP_POSE_SIGNAL_KNEE_FLEXION = 2,
    HIP_POSE_SIGNAL_HIP_ABDUCTION = 3,
    HIP_POSE_SIGNAL_HIP_ROTATION = 4,
    HIP_POSE_SIGNAL_TRUNK_LEAN = 5     /* sagittal: hinges */
} hip_pose_signal;
#define HIPTRACK_POSE_SIGNAL_COUNT 6

/* From the exercise's motion profile: hip flexion/extension, knee extension, trunk flexion and
 * static holds are sagittal (SIDE), abduction is frontal (FRONT), rotation needs 3-D, ankle, gait
 * and pedalling motions are UNTRACKABLE. HIP_POSE_NEED_UNTRACKABLE also for NULL. */
HIPTRACK_API hip_pose_need hip_pose_need_for_exercise(const hip_exercise *exercise);
/* The signal for an exercise: trunk lean when the tracked segment is the trunk (hinges); limb
 * flexion for hip flexion exercises and holds (the knee bends with the hip or stays straight);
 * hip flexion for hip extension exercises (the knee is often held bent: bridges); knee flexion
 * for knee extension; abduction; rotation.
 * HIP_ERR_UNSUPPORTED for an untrackable exercise, HIP_ERR_INVALID for NULL. */
HIPTRACK_API hip_status hip_pose_signal_for_exercise(const hip_exercise *exercise,
                                                     hip_pose_signal *out);
/* "side", "front", "3d", "untrackable"; "unknown". */
HIPTRACK_API const char *hip_pose_need_name(hip_pose_need need);
/* "limb_flexion", "hip_flexion", "knee_flexion", "hip_abduction", "hip_rotation", "trunk_lean". */
HIPTRACK_API const char *hip_pose_signal_name(hip_pose_signal signal);

/* ---- Streaming rep counter --------------------------------------------------------------------
 * Frames in (keypoints with a timestamp), hip_pose_rep_event out: the rep engine's own event (the
 * same engine and rules as for worn sensors, fed the signal angle) plus compensation flags and a
 * per-rep summary of the angles an IMU cannot see.
 * Per frame: angles -> signal; a signal missing for at most gap_fill_s is interpolated, a longer
 * gap ends the current rep (the engine's max_gap_s is set to max(gap_fill_s, 0.2)); a running
 * median over median_window frames removes the short spikes depth cameras and pose models
 * produce (a Kinect ankle can jump a metre for a frame or two). The median delays the signal by
 * (median_window - 1) / 2 frames; events carry the frames' own timestamps.
 * 2-D front view and the LIMB_FLEXION signal: movements in depth are seen through the heights
 * they change, in equivalent degrees: the pelvis's drop d below its standing height as
 * 2 acos(1 - d) (d in leg lengths: the knee flexion of a leg with equal thigh and shank that
 * lowers the hip by d) and one ankle's height e over the other as acos(1 - e) (the hip flexion of
 * a straight leg that lifts the ankle by e), whichever is larger. Leg length is the longest
 * hip-to-ankle length seen, the standing height the highest pelvis, both medians of 3 frames; the
 * standing height sinks by 0.02 leg lengths per second so that a stance that settles lower is
 * forgotten. Until an ankle has been seen, and for the HIP_FLEXION and KNEE_FLEXION signals,
 * flexion is estimated from how much shorter the thigh looks than its longest length so far
 * (foreshortening) and from the knee angle in the image. The per-side excursions of an event
 * keep the per-leg estimate (the pelvis is shared by both legs).
 * Chunking invariance, refused frames changing nothing, and the event queue work as in hip_reps. */

/* Compensation flags (hip_pose_rep_event.pose_flags). */
typedef enum hip_pose_flag {
    HIP_POSE_FLAG_TRUNK_LEAN = 1,      /* trunk leaned forwards beyond trunk_lean_max_deg or
                                          sideways beyond trunk_lateral_max_deg */
    HIP_POSE_FLAG_PELVIC_DROP = 2,     /* pelvic obliquity moved beyond pelvic_change_max_deg from
                                          the rep's start (drop or hitch) */
    HIP_POSE_FLAG_KNEE_VALGUS = 4,     /* a knee inside the hip-ankle line beyond knee_valgus_max_deg */
    HIP_POSE_FLAG_ASYMMETRY = 8        /* the smaller side's excursion below asymmetry_min_ratio x
                                          the larger (bilateral exercises) */
} hip_pose_flag;

/* Which summary values of an event were measured (hip_pose_rep_event.measured). */
typedef enum hip_pose_measured {
    HIP_POSE_MEASURED_TRUNK_LEAN = 1,
    HIP_POSE_MEASURED_TRUNK_LATERAL = 2,
    HIP_POSE_MEASURED_PELVIC = 4,
    HIP_POSE_MEASURED_KNEE_VALGUS = 8,
    HIP_POSE_MEASURED_SIDES = 16
} hip_pose_measured;

typedef struct hip_pose_rep_event {
    hip_rep_event rep;                 /* the rep engine's event (excursion of the signal angle) */
    uint32_t pose_flags;               /* hip_pose_flag bits */
    uint32_t measured;                 /* hip_pose_measured bits; unmeasured values are 0 */
    double trunk_lean_max_deg;         /* largest forward trunk lean during the rep */
    double trunk_lateral_max_deg;      /* largest sideways trunk lean, either side */
    double pelvic_change_max_deg;      /* largest change of pelvic obliquity from the rep's start */
    double knee_valgus_max_deg;        /* largest knee valgus of either knee (negative: varus) */
    double excursion_l_deg, excursion_r_deg;  /* the signal angle's range on each side */
} hip_pose_rep_event;

#define HIPTRACK_POSE_QUEUE 32       /* events a counter holds */
#define HIPTRACK_POSE_PUSH_ROOM 16   /* free slots a frame needs */
#define HIPTRACK_POSE_FILL_MAX 256   /* missing frames a gap fill can bridge */

typedef struct hip_pose_reps_config {
    uint32_t struct_size;          /* set by hip_pose_reps_config_init */
    hip_allocator allocator;       /* used by hip_pose_reps_create only */
    hip_pose_angles_config angles; /* skeleton, dims, conventions (view: set from the exercise) */
    hip_reps_config reps;          /* the rep engine's (input is forced to ANGLE; max_gap_s set
                                      from gap_fill_s) */
    hip_pose_signal signal;
    double gap_fill_s;             /* missing signal up to this long is interpolated; 0..1,
                                      default 0.3 [DD]: a brief occlusion, shorter than any rep */
    uint32_t median_window;        /* odd, 1..9 frames; default 5 [DD]: removes 1-2 frame spikes */
    uint32_t history_frames;       /* frames kept for the per-rep summary; 64..65536, default 4096 */
    uint32_t checks;               /* hip_pose_flag bits to evaluate; default TRUNK_LEAN |
                                      PELVIC_DROP | KNEE_VALGUS, + ASYMMETRY for bilateral exercises */
    double trunk_lean_max_deg;     /* default 50 [DD]: squats lean 30-45 deg forwards normally */
    double trunk_lateral_max_deg;  /* default 10 [DD]: a sideways lean shifts load off the hip */
    double pelvic_change_max_deg;  /* default 5 [DD]: a visible drop or hitch of the pelvis */
    double knee_valgus_max_deg;    /* default 10 [DD]: frontal-plane projection angle */
    double asymmetry_min_ratio;    /* default 0.8 [DD] */
} hip_pose_reps_config;

typedef struct hip_pose_reps hip_pose_reps;

/* Generic ("auto") defaults: the LIMB_FLEXION signal, the engine's generic angle defaults. */
HIPTRACK_API void hip_pose_reps_config_init(hip_pose_reps_config *config, hip_skeleton skeleton,
                                            uint32_t dims);
/* Applies a catalog exercise: the engine's profile, the signal, the checks (ASYMMETRY for
 * bilateral exercises). The 2-D view stays as configured (AUTO detects it): the camera should be
 * placed as hip_pose_need_for_exercise says; one placed otherwise is detected, though a sagittal
 * movement seen from the front is only estimated (see the counter's notes). HIP_ERR_UNSUPPORTED for an untrackable exercise and for a
 * rotation exercise with 2-D keypoints; the config is unchanged then. */
HIPTRACK_API hip_status hip_pose_reps_config_for_exercise(hip_pose_reps_config *config,
                                                          const hip_exercise *exercise);
/* HIP_OK or HIP_ERR_INVALID naming the field (message_out may be NULL). */
HIPTRACK_API hip_status hip_pose_reps_config_check(const hip_pose_reps_config *config,
                                                   char *message_out, size_t message_cap);
HIPTRACK_API hip_status hip_pose_reps_create(const hip_pose_reps_config *config, hip_pose_reps **out);
HIPTRACK_API void hip_pose_reps_destroy(hip_pose_reps *counter);
HIPTRACK_API hip_status hip_pose_reps_reset(hip_pose_reps *counter);
HIPTRACK_API const char *hip_pose_reps_last_error(const hip_pose_reps *counter);
/* Joints per frame this counter takes (the skeleton's joint count). */
HIPTRACK_API size_t hip_pose_reps_joint_count(const hip_pose_reps *counter);

/* One frame: count keypoints in the skeleton's order. HIP_ERR_INVALID for a wrong count,
 * HIP_ERR_RANGE for a timestamp not after the previous frame's, HIP_ERR_BUFSIZE when fewer than
 * HIPTRACK_POSE_PUSH_ROOM event slots are free. A refused frame changes nothing. Missing joints
 * are not errors. */
HIPTRACK_API hip_status hip_pose_reps_push(hip_pose_reps *counter, int64_t t_ns,
                                           const hip_keypoint *keypoints, size_t count);
/* frames frames of count keypoints each (frames x count, row-major). Stops at the first refused
 * frame (its status returned) or, with HIP_OK and *consumed_out < frames, when the queue needs
 * draining. */
HIPTRACK_API hip_status hip_pose_reps_push_block(hip_pose_reps *counter, const int64_t *t_ns,
                                                 const hip_keypoint *keypoints, size_t frames,
                                                 size_t count, size_t *consumed_out);
/* End of the stream: flushes the filter and settles the last rep. */
HIPTRACK_API hip_status hip_pose_reps_finish(hip_pose_reps *counter);
HIPTRACK_API hip_status hip_pose_reps_next_event(hip_pose_reps *counter, hip_pose_rep_event *out);
HIPTRACK_API size_t hip_pose_reps_pending_events(const hip_pose_reps *counter);
/* The angles of the last frame pushed and the signal value fed for it (before the median): HIP_OK,
 * or HIP_ERR_NOT_FOUND before the first frame. signal_valid_out (may be NULL) is 0 when the
 * frame had no signal. */
HIPTRACK_API hip_status hip_pose_reps_last_angles(const hip_pose_reps *counter, hip_pose_angles *out,
                                                  double *signal_deg_out, int *signal_valid_out);
/* "trunk_lean", "pelvic_drop", "knee_valgus", "asymmetry" for one flag; "unknown". */
HIPTRACK_API const char *hip_pose_flag_name(hip_pose_flag flag);

#ifdef __cplusplus
}
#endif
#endif
