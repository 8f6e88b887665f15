/* Internal: shared by sim.c (planning, sampling) and sim_body.c (postures, sensor placement). */
#ifndef HIPTRACK_SRC_SIM_INTERNAL_H
#define HIPTRACK_SRC_SIM_INTERNAL_H

#include <stdint.h>
#include "hiptrack/hip_catalog.h"

#define HIP__SIM_PI 3.14159265358979323846
#define HIP__SIM_DEG (HIP__SIM_PI / 180.0)
#define HIP__SIM_SEGMENTS 7   /* hip_segment values */

/* The plan's random stream (splitmix64), seeded from hip_sim_config.seed. */
typedef struct hip__sim_rng {
    uint64_t state;
} hip__sim_rng;

double hip__sim_uniform(hip__sim_rng *r);                 /* [0, 1) */
void hip__sim_unit_vector(hip__sim_rng *r, double out[3]); /* uniform on the sphere */

typedef enum hip__sim_posture {
    HIP__SIM_STANDING,
    HIP__SIM_SEATED,
    HIP__SIM_SUPINE,
    HIP__SIM_PRONE,
    HIP__SIM_SIDE_LYING,   /* on the right side: the sensor's (left) leg on top */
    HIP__SIM_QUADRUPED,
    HIP__SIM_KNEELING
} hip__sim_posture;

typedef enum hip__sim_axis {
    HIP__SIM_AXIS_PLANE,   /* from the exercise's plane */
    HIP__SIM_AXIS_ML,      /* body medio-lateral (sagittal motion) */
    HIP__SIM_AXIS_AP,      /* body antero-posterior (frontal motion) */
    HIP__SIM_AXIS_SUP,     /* body long axis (clamshell: about the hip-to-feet line) */
    HIP__SIM_AXIS_LONG     /* the femur's long axis (hip rotation), or a trunk's or arm's own */
} hip__sim_axis;

/* How an exercise moves the body: one row per built-in base exercise, and fallbacks by motion. */
typedef struct hip__sim_row {
    const char *id;               /* exercise or base id; NULL for a fallback */
    hip_motion motion;            /* the fallback's key */
    hip__sim_posture posture;
    double hip_deg, knee_deg;     /* joint angles of the moving leg at the start of a rep */
    hip__sim_axis axis;
    double travel_sign;           /* +1: the body rises during the rep; -1: it drops */
    double default_travel_cm;     /* when the catalog gives no travel (sit-to-stand) */
    double default_excursion_deg; /* when it gives no excursion (walking: thigh swing) */
    /* Per hip_segment: rotation per unit of primary angle (signed; positive turns about the axis
     * by the right-hand rule) and share of the vertical travel its pivot makes. */
    double gain[HIP__SIM_SEGMENTS], travel[HIP__SIM_SEGMENTS];
} hip__sim_row;

/* Where the sensor is and how it moves with the primary angle. */
typedef struct hip__sim_rig {
    double r0[3];          /* pivot -> sensor at the start posture, world, m */
    double R0[9];          /* sensor -> world at the start posture, row-major */
    double axis[3];        /* world axis the primary angle turns the segment about */
    double gain;           /* segment rotation per unit of primary angle */
    double travel_gain;    /* signed share of the exercise's travel (+ up) */
    double accel_bias[3], gyro_bias[3];   /* sensor frame */
} hip__sim_rig;

const hip__sim_row *hip__sim_row_for(const hip_exercise *ex);
void hip__sim_rig_build(const hip_exercise *ex, const hip__sim_row *row, hip_segment segment,
                        int random_mounting, hip__sim_rng *rng, hip__sim_rig *out);

/* Small vector helpers (3-vectors, row-major 3x3). */
void hip__sim_cross(const double a[3], const double b[3], double out[3]);
/* v turned by angle (rad) about the unit axis (Rodrigues). */
void hip__sim_rotate(const double axis[3], double angle, const double v[3], double out[3]);
void hip__sim_mat_t_vec(const double m[9], const double v[3], double out[3]);   /* m^T v */

#endif
