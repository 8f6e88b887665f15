/* A motion simulator: seeded, deterministic IMU streams of any catalog exercise with the true rep
 * boundaries, for tests, demos and app developers' own tests.
 *
 * The model is kinematic. A body segment (thigh, shank, trunk, ...) follows the exercise's primary
 * angle through each rep (a smooth concentric phase, an optional hold, an eccentric phase) about the
 * exercise's axis, from a starting posture given by the exercise (standing, seated, supine,
 * side-lying, prone). The sensor sits on the segment named by the placement at a lever arm from the
 * joint and at a random mounting orientation; exercises that move the body up and down (squat, sit
 * to stand, bridge, step-up, lunge, heel raise) also translate it. The accelerometer reports the
 * specific force (gravity included, m/s^2), the gyroscope the angular rate (rad/s), both in the
 * sensor frame, with white noise, a constant bias, timestamp jitter and tempo variation between
 * reps, pauses, partial and fast reps, and fidgeting between sets.
 *
 * Reading is streaming and chunk-independent: the same seed gives the same samples however they
 * are read, and hip_sim_rewind starts again. */
#ifndef HIPTRACK_HIP_SIM_H
#define HIPTRACK_HIP_SIM_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"
#include "hip_catalog.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_SIM_COLUMNS 6   /* ax ay az (m/s^2) gx gy gz (rad/s) per sample */

/* What kind of rep the simulator made (the truth a detector's flags are judged against). */
typedef enum hip_sim_rep_kind {
    HIP_SIM_REP_NORMAL = 0,
    HIP_SIM_REP_PARTIAL = 1,   /* a fraction of the full excursion */
    HIP_SIM_REP_FAST = 2,      /* a fraction of the normal duration */
    HIP_SIM_REP_SLOW = 3       /* a multiple of the normal duration */
} hip_sim_rep_kind;

typedef struct hip_sim_rep {
    uint32_t set;              /* 0-based set number */
    uint32_t index;            /* 0-based rep number over the whole stream */
    int64_t start_ns, peak_ns, end_ns;
    double excursion_deg;      /* of the primary angle */
    double travel_cm;          /* vertical travel of the sensor's segment (0 if none) */
    double hold_s;
    hip_sim_rep_kind kind;
} hip_sim_rep;

typedef struct hip_sim_config {
    uint32_t struct_size;          /* set by hip_sim_config_init */
    hip_allocator allocator;
    uint64_t seed;
    hip_exercise exercise;         /* its motion profile and dose drive the simulation */
    int placement_from_exercise;   /* 1 (default): the sensor sits on exercise.motion.segment */
    hip_segment placement;         /* used when placement_from_exercise is 0 */
    uint32_t sets;                 /* 1..20, default 1 */
    uint32_t reps_per_set;         /* 1..200, default 10 */
    double rate_hz;                /* 10..200, default 50 */
    double rate_jitter;            /* timestamp jitter as a fraction of the period, 0..0.5 */
    double lead_in_s;              /* still time before the first set, default 2 */
    double rest_s;                 /* between sets, default 20 */
    double tempo_variation;        /* relative s.d. of rep duration, 0..0.5, default 0.1 */
    double excursion_variation;    /* relative s.d. of rep excursion, 0..0.5, default 0.05 */
    double pause_probability;      /* chance of a 1-4 s pause after a rep, 0..1, default 0.1 */
    double partial_fraction;       /* share of reps made partial (40-60 % range), 0..1 */
    double fast_fraction;          /* share of reps made fast (35-55 % duration), 0..1 */
    double fidget;                 /* 0..1: amount of small movement between sets, default 0.3 */
    double accel_noise;            /* white noise s.d., m/s^2, default 0.05 */
    double gyro_noise;             /* white noise s.d., rad/s, default 0.01 */
    double accel_bias;             /* bias magnitude, m/s^2 (random direction), default 0.05 */
    double gyro_bias;              /* bias magnitude, rad/s (random direction), default 0.005 */
    int random_mounting;           /* 1 (default): random sensor orientation on the segment */
} hip_sim_config;

typedef struct hip_sim hip_sim;

/* Defaults as documented above; the exercise is a zeroed generic one until the caller copies a
 * catalog exercise in (hip_catalog_find(catalog, "squat", &config.exercise)). */
HIPTRACK_API void hip_sim_config_init(hip_sim_config *config);
/* Plans the whole stream (all allocation happens here). HIP_ERR_INVALID / HIP_ERR_RANGE name the
 * bad field in *message_out when it is not NULL (message_cap bytes). A static-hold exercise
 * (count "holds") is simulated as holds of the dose's hold time. */
HIPTRACK_API hip_status hip_sim_create(const hip_sim_config *config, hip_sim **out,
                                       char *message_out, size_t message_cap);
HIPTRACK_API void hip_sim_destroy(hip_sim *sim);

HIPTRACK_API size_t hip_sim_sample_count(const hip_sim *sim);
HIPTRACK_API double hip_sim_duration_s(const hip_sim *sim);
/* Reads up to max samples: t_ns_out[i] and samples_out[i * 6 + 0..5]. *n_out says how many;
 * HIP_DONE (with *n_out == 0) once the stream is exhausted. */
HIPTRACK_API hip_status hip_sim_read(hip_sim *sim, int64_t *t_ns_out, float *samples_out, size_t max,
                                     size_t *n_out);
HIPTRACK_API hip_status hip_sim_rewind(hip_sim *sim);

HIPTRACK_API size_t hip_sim_rep_count(const hip_sim *sim);
HIPTRACK_API hip_status hip_sim_rep_at(const hip_sim *sim, size_t index, hip_sim_rep *out);

HIPTRACK_API const char *hip_sim_rep_kind_name(hip_sim_rep_kind kind);

#ifdef __cplusplus
}
#endif
#endif
