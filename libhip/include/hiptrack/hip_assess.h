/* Movement assessment: guided active range of motion (ROM) of the hip, the physical therapist's
 * first step. One measurement = one motion (flexion, extension, abduction, adduction, internal or
 * external rotation; knee flexion for completeness) of one side: the person holds still (the start
 * pose is calibrated), moves as far as they can, and returns or holds. The result gives the start,
 * the maximum and the range in degrees, the compensations seen and a quality figure, and can be
 * compared with normal values (CLINICAL.md §4) and with the person's earlier assessments.
 *
 * Two sources feed the same state machine:
 * - IMU: a phone or sensor strapped to the thigh (accelerometer m/s^2 with gravity, gyroscope
 *   rad/s, as hip_reps.h), at any orientation. The start pose is calibrated (gravity direction,
 *   gyroscope bias) while still; the thigh's rotation from the start pose is then integrated from
 *   the gyroscope with a gravity-based tilt correction, as ResearchKit's range-of-motion task
 *   follows the device attitude from its start. Rotation about the vertical (for example internal /
 *   external rotation of a vertical femur) has no gravity reference and drifts with the residual
 *   gyroscope bias (docs/assess.md gives the bound).
 * - Pose angles: per-frame joint angles from camera keypoints (degrees, each with a validity bit),
 *   for example from hip_pose.h. Pose angles are absolute, so start_deg is a real joint angle; for
 *   the IMU start_deg is 0 (the calibrated start pose) and max_deg == range_deg.
 *
 * The library has no clock: the caller gives the day of the assessment (hip_date day number).
 * JSON form of a history: {"format": "hiptrack.assessment", "version": 1, "assessments": [...]}. */
#ifndef HIPTRACK_HIP_ASSESS_H
#define HIPTRACK_HIP_ASSESS_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"
#include "hip_catalog.h"
#include "hip_pose.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_ROM_MOTIONS 7       /* hip_rom_motion values */
#define HIPTRACK_ASSESS_IMU_WIDTH 6  /* ax ay az (m/s^2) gx gy gz (rad/s) per IMU sample */

typedef enum hip_rom_motion {
    HIP_ROM_FLEXION = 0,
    HIP_ROM_EXTENSION = 1,
    HIP_ROM_ABDUCTION = 2,
    HIP_ROM_ADDUCTION = 3,
    HIP_ROM_INTERNAL_ROTATION = 4,
    HIP_ROM_EXTERNAL_ROTATION = 5,
    HIP_ROM_KNEE_FLEXION = 6      /* pose angles, or an IMU on the shank */
} hip_rom_motion;

/* Which side was measured. */
typedef enum hip_assess_side {
    HIP_ASSESS_LEFT = 0,
    HIP_ASSESS_RIGHT = 1
} hip_assess_side;

typedef enum hip_assess_source {
    HIP_ASSESS_SOURCE_IMU = 0,    /* push with hip_assess_push_imu */
    HIP_ASSESS_SOURCE_POSE = 1    /* push with hip_assess_push_angles */
} hip_assess_source;

/* The start posture the UI asks for. With STANDING the femur is vertical at the start, so an IMU
 * can split out-of-plane motion of a flexion/extension/abduction/adduction into rotation about the
 * femur's long axis and deviation from the plane; other postures report one out-of-plane figure. */
typedef enum hip_assess_posture {
    HIP_ASSESS_STANDING = 0,
    HIP_ASSESS_SEATED = 1,        /* hip and knee at 90 degrees (rotation is measured here) */
    HIP_ASSESS_SUPINE = 2,
    HIP_ASSESS_PRONE = 3,
    HIP_ASSESS_SIDE_LYING = 4
} hip_assess_posture;

/* The state a UI follows. */
typedef enum hip_assess_state {
    HIP_ASSESS_WAITING = 0,       /* waiting for the person to hold still */
    HIP_ASSESS_CALIBRATING = 1,   /* still: the start pose is being measured (calibration_s) */
    HIP_ASSESS_READY = 2,         /* start pose calibrated: "move now" */
    HIP_ASSESS_MOVING = 3,        /* moved more than move_deg from the start */
    HIP_ASSESS_HELD = 4,          /* still at (near) the maximum for hold_s */
    HIP_ASSESS_DONE = 5,          /* returned to the start (or finished): the result is ready */
    HIP_ASSESS_FAILED = 6         /* see hip_assess_failure */
} hip_assess_state;

typedef enum hip_assess_failure {
    HIP_ASSESS_FAIL_NONE = 0,
    HIP_ASSESS_FAIL_MOVED_DURING_CALIBRATION = 1,  /* moved before the start pose was measured */
    HIP_ASSESS_FAIL_NO_STILLNESS = 2,   /* never still for calibration within max_wait_s */
    HIP_ASSESS_FAIL_NO_MOVEMENT = 3,    /* finished (or max_wait_s passed) without moving move_deg */
    HIP_ASSESS_FAIL_GAP = 4,            /* a timestamp step longer than max_gap_s */
    HIP_ASSESS_FAIL_LOST_TRACKING = 5,  /* pose: no valid primary angle for max_gap_s */
    HIP_ASSESS_FAIL_TOO_LONG = 6        /* still moving after max_duration_s */
} hip_assess_failure;

/* Compensation flags: motion outside the measured plane (thresholds in the config). */
typedef enum hip_assess_comp {
    HIP_ASSESS_COMP_OUT_OF_PLANE = 1,    /* thigh left the plane (e.g. abduction during flexion) */
    HIP_ASSESS_COMP_THIGH_ROTATION = 2,  /* rotation about the femur's long axis (IMU, standing; pose) */
    HIP_ASSESS_COMP_TRUNK_LEAN = 4,      /* pose: trunk lean changed (sagittal or frontal) */
    HIP_ASSESS_COMP_PELVIC_DROP = 8      /* pose: pelvic obliquity changed (drop or hike) */
} hip_assess_comp;

/* Per-frame angles of the measured side from pose keypoints, degrees (hip_assess_angles_from_pose
 * fills them from hip_pose.h). A field counts only when its bit is set in valid. Conventions as
 * hip_pose.h: hip flexion positive (extension negative), hip abduction positive (adduction
 * negative), hip rotation internal positive, knee flexion positive; trunk lean and pelvic
 * obliquity are compared with their values at the start pose. */
typedef enum hip_assess_angle_bit {
    HIP_ASSESS_ANGLE_HIP_FLEXION = 1,
    HIP_ASSESS_ANGLE_HIP_ABDUCTION = 2,
    HIP_ASSESS_ANGLE_HIP_ROTATION = 4,
    HIP_ASSESS_ANGLE_KNEE_FLEXION = 8,
    HIP_ASSESS_ANGLE_TRUNK_LEAN_SAGITTAL = 16,
    HIP_ASSESS_ANGLE_TRUNK_LEAN_FRONTAL = 32,
    HIP_ASSESS_ANGLE_PELVIC_OBLIQUITY = 64
} hip_assess_angle_bit;

typedef struct hip_assess_angles {
    uint32_t valid;               /* hip_assess_angle_bit bits */
    double hip_flexion_deg;
    double hip_abduction_deg;
    double hip_rotation_deg;
    double knee_flexion_deg;
    double trunk_lean_sagittal_deg;
    double trunk_lean_frontal_deg;
    double pelvic_obliquity_deg;
} hip_assess_angles;

typedef struct hip_assess_config {
    uint32_t struct_size;         /* set by hip_assess_config_init */
    hip_allocator allocator;
    hip_rom_motion motion;
    hip_assess_side side;
    hip_assess_source source;
    hip_assess_posture posture;   /* default: seated for rotations, standing otherwise */
    int32_t day;                  /* hip_date day number of the assessment (copied to the result) */
    /* Stillness and calibration [DD, docs/assess.md]. */
    double calibration_s;         /* still time that makes the start pose; 0.3..5, default 1 */
    double still_gyro_dps;        /* IMU: "still" below this angular speed; 0.5..30, default 6 */
    double still_accel;           /* IMU: and | |a| - g | below this, m/s^2; 0.05..3, default 0.4 */
    double still_angle_dps;       /* pose: "still" below this angular speed of the primary angle;
                                     1..60, default 10 */
    double calibration_tolerance_deg; /* moving this far during calibration fails it; 0.5..10, default 3 */
    double move_deg;              /* leaving the start by this much starts the movement; 2..30, default 5 */
    double return_fraction;       /* back within this share of the range = returned; 0.05..0.9, default 0.3 */
    double hold_s;                /* still this long near the maximum = held; 0.2..10, default 1 */
    double max_wait_s;            /* for stillness, then for movement; 2..120, default 20 */
    double max_duration_s;        /* of the movement; 2..120, default 30 */
    double max_gap_s;             /* longest timestamp step; 0.05..5, default 0.5 */
    double tilt_gain;             /* IMU: gravity tilt correction gain (1/s); 0..5, default 0.5; 0 = gyro only */
    /* Compensation thresholds [DD]. */
    double out_of_plane_deg;      /* default 10 */
    double thigh_rotation_deg;    /* default 10 */
    double trunk_lean_deg;        /* default 10 */
    double pelvic_drop_deg;       /* default 5 */
} hip_assess_config;

typedef struct hip_assess_result {
    hip_rom_motion motion;
    hip_assess_side side;
    hip_assess_source source;
    hip_assess_posture posture;
    int32_t day;
    double start_deg;             /* pose: the calibrated joint angle in the motion's direction; IMU: 0 */
    double max_deg;               /* the furthest point, same reference as start_deg */
    double range_deg;             /* max_deg - start_deg, >= 0 */
    double duration_s;            /* from leaving the start to the maximum */
    uint32_t compensations;       /* hip_assess_comp bits over their thresholds */
    double out_of_plane_deg;      /* largest magnitude seen during the movement, >= 0 */
    double thigh_rotation_deg;    /* largest; 0 when the source cannot see it */
    double trunk_lean_deg;        /* largest change from the start, either plane (pose); 0 otherwise */
    double pelvic_drop_deg;       /* largest change of pelvic obliquity from the start (pose); 0 otherwise */
    double quality;               /* 0..1: 1 = clean calibration, steady tracking, no gaps */
} hip_assess_result;

typedef struct hip_assess hip_assess;

/* Defaults as above for a motion, side and source. */
HIPTRACK_API void hip_assess_config_init(hip_assess_config *config, hip_rom_motion motion,
                                         hip_assess_side side, hip_assess_source source);
/* HIP_OK, or HIP_ERR_INVALID naming the field ("still_gyro_dps: expected 0.5..30"). */
HIPTRACK_API hip_status hip_assess_config_check(const hip_assess_config *config, char *message_out,
                                                size_t message_cap);
HIPTRACK_API hip_status hip_assess_create(const hip_assess_config *config, hip_assess **out);
HIPTRACK_API void hip_assess_destroy(hip_assess *assess);
HIPTRACK_API const char *hip_assess_last_error(const hip_assess *assess);
/* Back to WAITING with the same configuration (after a failure: "try again"). */
HIPTRACK_API hip_status hip_assess_reset(hip_assess *assess);

/* One IMU sample (HIPTRACK_ASSESS_IMU_WIDTH floats). HIP_ERR_STATE for a pose handle or after
 * DONE/FAILED; HIP_ERR_RANGE for a timestamp not after the previous one, a NaN/infinite value or
 * |accel| > 1000 m/s^2, |gyro| > 100 rad/s. A refused sample changes nothing. */
HIPTRACK_API hip_status hip_assess_push_imu(hip_assess *assess, int64_t t_ns, const float *sample);
/* count samples, row-major; stops at the first refused one (its status; *consumed_out says how
 * many went in), or with HIP_OK as soon as the measurement is DONE or FAILED. */
HIPTRACK_API hip_status hip_assess_push_imu_block(hip_assess *assess, const int64_t *t_ns,
                                                  const float *samples, size_t count,
                                                  size_t *consumed_out);
/* One frame of pose angles. Errors as push_imu (|angle| > 360 is out of range); a frame without a
 * valid primary angle is accepted and counts toward a tracking loss. */
HIPTRACK_API hip_status hip_assess_push_angles(hip_assess *assess, int64_t t_ns,
                                               const hip_assess_angles *angles);
/* The measured side's angles of one hip_pose_angles_compute frame (hip_pose.h). */
HIPTRACK_API hip_status hip_assess_angles_from_pose(const hip_pose_angles *pose, hip_assess_side side,
                                                    hip_assess_angles *out);
/* One frame of keypoints: hip_pose_angles_compute with pose_config, then push_angles. Errors of
 * either (a bad pose configuration or joint count is HIP_ERR_INVALID). */
HIPTRACK_API hip_status hip_assess_push_keypoints(hip_assess *assess, int64_t t_ns,
                                                  const hip_pose_angles_config *pose_config,
                                                  const hip_keypoint *keypoints, size_t count);
/* The person says "done": a movement that reached move_deg becomes DONE; before that FAILED
 * (NO_MOVEMENT, or NO_STILLNESS while not yet calibrated). */
HIPTRACK_API hip_status hip_assess_finish(hip_assess *assess);

HIPTRACK_API hip_assess_state hip_assess_state_of(const hip_assess *assess);
HIPTRACK_API hip_assess_failure hip_assess_failure_of(const hip_assess *assess);
/* Live angle from the start pose in the motion's direction, for a UI gauge. HIP_ERR_NOT_FOUND before
 * calibration. */
HIPTRACK_API hip_status hip_assess_current_deg(const hip_assess *assess, double *deg_out);
/* The result once DONE; HIP_ERR_STATE when FAILED (hip_assess_failure_of says why),
 * HIP_ERR_NOT_FOUND while still measuring. */
HIPTRACK_API hip_status hip_assess_result_get(const hip_assess *assess, hip_assess_result *out);

/* ---- Normal values and comparison ---- */

/* Normal active ROM per motion, with the source it comes from. */
typedef struct hip_rom_normals {
    double normal_deg[HIPTRACK_ROM_MOTIONS];   /* > 0 */
    char source[HIPTRACK_TEXT_CAP];
    /* Bands [DD]: >= within_pct of normal is "within normal", >= reduced_pct "reduced", below
     * that "markedly reduced". Defaults 90 and 70. */
    double within_pct;
    double reduced_pct;
} hip_rom_normals;

typedef enum hip_rom_band {
    HIP_ROM_WITHIN_NORMAL = 0,
    HIP_ROM_REDUCED = 1,
    HIP_ROM_MARKEDLY_REDUCED = 2
} hip_rom_band;

/* AAOS values (CLINICAL.md §4 [S*]): flexion 120, extension 30, abduction 45, adduction 30,
 * internal and external rotation 45; knee flexion 135 (AAOS). */
HIPTRACK_API void hip_rom_normals_aaos(hip_rom_normals *out);
/* The lower ends of the other goniometry texts quoted in CLINICAL.md §4 [S*]: extension 10,
 * internal rotation 30, external rotation 40 (others as AAOS). */
HIPTRACK_API void hip_rom_normals_conservative(hip_rom_normals *out);

typedef struct hip_rom_comparison {
    double pct_of_normal;         /* range_deg / normal x 100 */
    double deficit_deg;           /* normal - range (negative when above normal) */
    hip_rom_band band;
} hip_rom_comparison;

HIPTRACK_API hip_status hip_assess_compare_normal(const hip_assess_result *result,
                                                  const hip_rom_normals *normals,
                                                  hip_rom_comparison *out);
/* later.range_deg - earlier.range_deg; HIP_ERR_INVALID when motion or side differ. */
HIPTRACK_API hip_status hip_assess_compare(const hip_assess_result *earlier,
                                           const hip_assess_result *later, double *change_deg_out);

/* ---- History: several results over time ---- */

typedef struct hip_assess_history hip_assess_history;

typedef struct hip_assess_history_config {
    uint32_t struct_size;
    hip_allocator allocator;
} hip_assess_history_config;

HIPTRACK_API void hip_assess_history_config_init(hip_assess_history_config *config);
HIPTRACK_API hip_status hip_assess_history_create(const hip_assess_history_config *config,
                                                  hip_assess_history **out);
HIPTRACK_API void hip_assess_history_destroy(hip_assess_history *history);
HIPTRACK_API const char *hip_assess_history_last_error(const hip_assess_history *history);
/* Adds a result (validated field by field); kept in day order, a same-day result after the others. */
HIPTRACK_API hip_status hip_assess_history_add(hip_assess_history *history,
                                               const hip_assess_result *result);
HIPTRACK_API size_t hip_assess_history_count(const hip_assess_history *history);
HIPTRACK_API hip_status hip_assess_history_at(const hip_assess_history *history, size_t index,
                                              hip_assess_result *out);
/* The latest result for a motion and side on or before day; HIP_ERR_NOT_FOUND if none. */
HIPTRACK_API hip_status hip_assess_history_latest(const hip_assess_history *history,
                                                  hip_rom_motion motion, hip_assess_side side,
                                                  int32_t day, hip_assess_result *out);
/* The change of the range between the first and the latest result of a motion and side (on or
 * before day); HIP_ERR_NOT_FOUND with fewer than two. */
HIPTRACK_API hip_status hip_assess_history_change(const hip_assess_history *history,
                                                  hip_rom_motion motion, hip_assess_side side,
                                                  int32_t day, double *change_deg_out);
/* Replaces the history with a hiptrack.assessment document; all or nothing. */
HIPTRACK_API hip_status hip_assess_history_import_json(hip_assess_history *history, const char *json,
                                                       size_t len);
/* Two-call pattern as hip_program_export_json. */
HIPTRACK_API hip_status hip_assess_history_export_json(const hip_assess_history *history, char *buf,
                                                       size_t cap, size_t *len_out);

HIPTRACK_API const char *hip_rom_motion_name(hip_rom_motion motion);   /* "flexion", ... */
HIPTRACK_API const char *hip_assess_side_name(hip_assess_side side);
HIPTRACK_API const char *hip_assess_source_name(hip_assess_source source);
HIPTRACK_API const char *hip_assess_posture_name(hip_assess_posture posture);
HIPTRACK_API const char *hip_assess_state_name(hip_assess_state state);
HIPTRACK_API const char *hip_assess_failure_name(hip_assess_failure failure);
HIPTRACK_API const char *hip_rom_band_name(hip_rom_band band);

#ifdef __cplusplus
}
#endif
#endif
