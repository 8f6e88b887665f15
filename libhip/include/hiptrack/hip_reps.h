/* The streaming rep detector: samples in, one event per repetition out.
 *
 * Three front ends feed one rep engine: accelerometer + gyroscope (m/s^2 with gravity, rad/s),
 * accelerometer only, or a 1-D angle in degrees (a joint angle from camera pose keypoints). The
 * IMU front ends follow both the sensor's tilt (rotation) and its gravity-free displacement
 * (translation), so a phone in a pocket at any orientation, a wrist during a press or a phone at
 * the waist during a squat are all counted; the rotation signal is preferred and the translation
 * signal takes over only while rotation stays quiet.
 *
 * Streaming contract:
 * - Push samples one at a time or in blocks (row-major floats, int64 timestamps in ns); how the
 *   stream is cut into pushes never changes the events (chunking invariance).
 * - Any rate from 10 to 200 Hz, irregular timestamps. A timestamp step longer than max_gap_s ends
 *   the current rep without inventing one. Timestamps must increase: a sample at or before the
 *   previous one is refused with HIP_ERR_RANGE, as is a NaN or infinite value; a refused sample
 *   leaves the detector unchanged.
 * - Events are pulled with hip_reps_next_event until HIP_DONE. The queue holds
 *   HIPTRACK_REPS_QUEUE events; a push that finds it full is refused with HIP_ERR_BUFSIZE (nothing
 *   consumed), and hip_reps_push_block stops early and says how many samples it consumed.
 * - Latency: a rep's event is emitted at the latest by the sample that arrives
 *   HIPTRACK_REPS_MAX_END_LATENCY_S after the rep's reported end (a rep that cannot be decided by then
 *   is dropped, not reported late), and never later than HIPTRACK_REPS_MAX_LATENCY_S after its far
 *   point; typically 0.5-1 s after the end. After a gap the pending rep goes out with the first
 *   sample after the gap; hip_reps_finish settles the last rep at the end of a stream.
 * - No allocation after create; the whole state is hip_reps_state_size() bytes (at most 4 KiB),
 *   can live in caller memory (hip_reps_create_in), and can be saved and restored as bytes.
 */
#ifndef HIPTRACK_HIP_REPS_H
#define HIPTRACK_HIP_REPS_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"
#include "hip_catalog.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_REPS_QUEUE 12            /* events the detector holds for next_event */
#define HIPTRACK_REPS_PUSH_ROOM 6         /* free queue slots a push needs */
#define HIPTRACK_REPS_MAX_LATENCY_S 8.0   /* latest event after a rep's far point, seconds */
#define HIPTRACK_REPS_MAX_END_LATENCY_S 3.0 /* latest event after a rep's reported end, seconds */
#define HIPTRACK_REPS_STATE_MAX 4096      /* hip_reps_state_size() never exceeds this */

typedef enum hip_reps_input {
    HIP_REPS_INPUT_IMU = 0,    /* 6 floats: ax ay az (m/s^2, gravity included), gx gy gz (rad/s) */
    HIP_REPS_INPUT_ACCEL = 1,  /* 3 floats: ax ay az (m/s^2, gravity included) */
    HIP_REPS_INPUT_ANGLE = 2   /* 1 float: an angle in degrees */
} hip_reps_input;

/* Rep flags, judged against the prescription when one is given, else against the person's own
 * reference (the median of the first reference_reps reps of the stream). */
typedef enum hip_rep_flag {
    HIP_REP_PARTIAL = 1,       /* excursion below partial_ratio x reference */
    HIP_REP_TOO_FAST = 2,      /* duration below fast_ratio x reference */
    HIP_REP_TOO_SLOW = 4,      /* duration above slow_ratio x reference */
    HIP_REP_HOLD_SHORT = 8     /* hold below hold_tolerance x the prescribed hold */
} hip_rep_flag;

/* Which signal a rep was counted on. */
typedef enum hip_rep_source {
    HIP_REP_SOURCE_ROTATION = 0,     /* the tilt of the sensor (or the input angle) */
    HIP_REP_SOURCE_TRANSLATION = 1   /* the gravity-free displacement of the sensor */
} hip_rep_source;

typedef struct hip_rep_event {
    uint32_t index;            /* 1, 2, ... over the stream */
    uint32_t flags;            /* hip_rep_flag bits */
    hip_rep_source source;
    int64_t start_ns, peak_ns, end_ns;   /* in the stream's time base */
    int64_t emitted_ns;        /* timestamp of the sample whose push produced the event */
    double excursion_deg;      /* tilt (or angle) excursion from the start position to the far point */
    double travel_cm;          /* displacement range over the rep */
    double concentric_s, eccentric_s, hold_s;
    double peak_speed_dps;     /* peak angular speed of the smoothed tilt or angle signal */
    double smoothness;         /* log dimensionless jerk: closer to 0 is smoother (about -7 typical) */
} hip_rep_event;

typedef struct hip_reps_config {
    uint32_t struct_size;      /* set by hip_reps_config_init */
    hip_allocator allocator;   /* used by hip_reps_create only */
    hip_reps_input input;
    int use_profile;           /* 1: the motion profile below applies; 0: generic ("auto") */
    hip_motion_profile profile;
    double target_excursion_deg;   /* prescribed excursion; 0 = the person's own reference */
    double target_hold_s;          /* prescribed hold at the far point; 0 = the profile's, if any */
    double max_gap_s;              /* a longer timestamp step ends the current rep; 0.2..10, default 1 */
    uint32_t reference_reps;       /* reps that form the person's reference, 1..5, default 3 */
    double partial_ratio;          /* default 0.78 */
    double fast_ratio;             /* default 0.6 */
    double slow_ratio;             /* default 1.8 */
    double hold_tolerance;         /* default 0.8 */
} hip_reps_config;

typedef struct hip_reps hip_reps;

/* Generic ("auto") defaults for an input kind. */
HIPTRACK_API void hip_reps_config_init(hip_reps_config *config, hip_reps_input input);
/* Applies a catalog exercise: its motion profile and, when the dose has one, its hold. */
HIPTRACK_API hip_status hip_reps_config_for_exercise(hip_reps_config *config,
                                                     const hip_exercise *exercise);
/* Floats per sample for an input kind (6, 3 or 1); 0 for an unknown kind. */
HIPTRACK_API size_t hip_reps_input_width(hip_reps_input input);

/* Checks a configuration without creating anything: HIP_OK, or HIP_ERR_INVALID with the field
 * and its valid range in message_out ("max_gap_s: expected 0.2..10"; may be NULL). */
HIPTRACK_API hip_status hip_reps_config_check(const hip_reps_config *config, char *message_out,
                                              size_t message_cap);

/* Bytes a detector occupies (the same for every configuration; at most HIPTRACK_REPS_STATE_MAX). */
HIPTRACK_API size_t hip_reps_state_size(void);
HIPTRACK_API hip_status hip_reps_create(const hip_reps_config *config, hip_reps **out);
/* No heap at all: the detector lives in workspace (hip_reps_state_size() bytes, aligned to 8).
 * hip_reps_destroy then only marks it dead; the caller owns the memory. */
HIPTRACK_API hip_status hip_reps_create_in(const hip_reps_config *config, void *workspace,
                                           size_t workspace_size, hip_reps **out);
HIPTRACK_API void hip_reps_destroy(hip_reps *reps);
/* Back to the state right after create (same configuration). */
HIPTRACK_API hip_status hip_reps_reset(hip_reps *reps);
HIPTRACK_API const char *hip_reps_last_error(const hip_reps *reps);
/* The input kind the detector was created for (so a binding can check array widths). */
HIPTRACK_API hip_reps_input hip_reps_input_of(const hip_reps *reps);

/* One sample of hip_reps_input_width() floats. HIP_ERR_RANGE for a NaN, infinite or implausible
 * value (|accel| > 1000 m/s^2, |gyro| > 100 rad/s, |angle| > 3600 deg) or a timestamp not after the
 * previous one; HIP_ERR_BUFSIZE when fewer than HIPTRACK_REPS_PUSH_ROOM queue slots are free.
 * A refused sample changes nothing. */
HIPTRACK_API hip_status hip_reps_push(hip_reps *reps, int64_t t_ns, const float *sample);
/* count samples, row-major (count x width floats). Stops at the first refused sample (its
 * status is returned, *consumed_out says how many were taken) or, with HIP_OK and
 * *consumed_out < count, when the event queue needs draining. */
HIPTRACK_API hip_status hip_reps_push_block(hip_reps *reps, const int64_t *t_ns, const float *samples,
                                            size_t count, size_t *consumed_out);
/* End of the stream: settles the last rep. Pushing again starts a new segment. */
HIPTRACK_API hip_status hip_reps_finish(hip_reps *reps);
/* HIP_OK with the oldest event, or HIP_DONE when there is none. */
HIPTRACK_API hip_status hip_reps_next_event(hip_reps *reps, hip_rep_event *out);
HIPTRACK_API size_t hip_reps_pending_events(const hip_reps *reps);

/* Snapshot of the whole state (configuration included), versioned and checksummed; two-call
 * pattern. Restore refuses a corrupt (HIP_ERR_CORRUPT), foreign or other-version (HIP_ERR_VERSION)
 * or other-input (HIP_ERR_INVALID) snapshot and then changes nothing. Snapshots are for suspending
 * and resuming on the same build; they are not an archive format. */
HIPTRACK_API size_t hip_reps_snapshot_size(void);
HIPTRACK_API hip_status hip_reps_snapshot(const hip_reps *reps, void *buf, size_t cap, size_t *len_out);
HIPTRACK_API hip_status hip_reps_restore(hip_reps *reps, const void *buf, size_t len);

HIPTRACK_API const char *hip_reps_input_name(hip_reps_input input);
HIPTRACK_API const char *hip_rep_source_name(hip_rep_source source);
/* "partial", "too_fast", "too_slow", "hold_short" for one flag; "unknown" otherwise. */
HIPTRACK_API const char *hip_rep_flag_name(hip_rep_flag flag);

#ifdef __cplusplus
}
#endif
#endif
