/* Internal: the assessment handle (assess.c), its IMU orientation math (assess_imu.c) and the names
 * and validation shared with the history and its JSON form (assess_history.c, assess_json.c). */
#ifndef HIPTRACK_SRC_ASSESS_INTERNAL_H
#define HIPTRACK_SRC_ASSESS_INTERNAL_H

#include "hiptrack/hip_assess.h"
#include "error.h"

#define HIP__ASSESS_G 9.80665
#define HIP__ASSESS_PI 3.14159265358979323846
#define HIP__ASSESS_DEG (180.0 / HIP__ASSESS_PI)

/* How the IMU path turns the thigh's orientation into the motion's angle. */
typedef enum hip__assess_geom {
    HIP__GEOM_AXIS = 0,      /* rotation vector about an axis locked early in the movement */
    HIP__GEOM_SWING = 1,     /* standing flexion/extension/abduction/adduction: the femur's swing */
    HIP__GEOM_TWIST = 2      /* standing rotation: the twist about the (vertical) femur */
} hip__assess_geom;

/* IMU orientation tracking from the calibrated start pose. q maps the current sensor frame into
 * the start sensor frame (w, x, y, z); up0 is the start's "up" in that frame. */
typedef struct hip__assess_imu {
    double bias[3];          /* gyroscope bias, rad/s */
    double up0[3];
    double q[4];
    double prev_w[3];        /* last bias-corrected rate (trapezoidal integration) */
    int have_prev;
    hip__assess_geom geom;
    int locked;
    double lock_dir[3];      /* AXIS: rotation axis; SWING: horizontal direction of the femur */
    double twist_sign;       /* TWIST: +1 or -1 */
} hip__assess_imu;

/* Angles the IMU path reads off the orientation, degrees. */
typedef struct hip__assess_reading {
    double primary_deg;      /* in the locked direction (>= 0 before the lock) */
    double out_of_plane_deg;
    double thigh_rotation_deg;
} hip__assess_reading;

void hip__assess_imu_start(hip__assess_imu *m, const double bias[3], const double up0[3],
                           hip__assess_geom geom);
/* Integrates one sample over dt_s (gyro rad/s, accel m/s^2); tilt_gain as the config's. */
void hip__assess_imu_step(hip__assess_imu *m, const double gyro[3], const double accel[3], double dt_s,
                          double tilt_gain);
/* Reads the angles; locks the direction once the excursion passes lock_deg. */
void hip__assess_imu_read(hip__assess_imu *m, double lock_deg, hip__assess_reading *out);

extern const char *const hip__rom_motion_names[HIPTRACK_ROM_MOTIONS];
extern const char *const hip__assess_side_names[2];
extern const char *const hip__assess_source_names[2];
extern const char *const hip__assess_posture_names[5];

/* Checks a result's fields (for history add and import); messages name fields below path. */
hip_status hip__assess_result_validate(const hip_assess_result *r, const char *path, hip__error *e);

/* For the JSON form (assess_json.c): swaps a decoded list in, and reads the history. */
void hip__assess_history_swap(hip_assess_history *h, hip_assess_result **items, size_t *n, size_t *cap);
hip__error *hip__assess_history_err(hip_assess_history *h);
const hip_allocator *hip__assess_history_alloc(const hip_assess_history *h);
const hip_assess_result *hip__assess_history_items(const hip_assess_history *h, size_t *n);

#endif
