/*
 * reps_engine.h - streaming repetition detector for body-worn IMUs (hiptrack prototype).
 *
 * Pipeline (see NOTES.md for the full description and the reasons behind each parameter):
 *
 *   samples (t_ns, accel, gyro | accel | angle)       any rate 10-200 Hz, irregular timestamps
 *     -> FRONT END (native rate, dt from timestamps)
 *          rotation channel:    gravity direction (complementary filter, or low-passed accel),
 *                               streaming PCA of it -> tilt angle in the dominant plane [deg]
 *          translation channel: linear acceleration (gravity removed with the tilt estimate),
 *                               band-limited double integration -> 3-D displacement,
 *                               streaming PCA -> displacement along the motion axis [cm]
 *          angle input:         the given angle [deg] feeds the rotation channel directly
 *          motion measure:      |gyro| (or the angular speed of the gravity direction)
 *          all: two cascaded 1st-order low-passes, then resampling to a fixed-rate grid
 *          (25 Hz for angle input, 10 Hz for the IMU and accelerometer front ends)
 *     -> REP ENGINE (fixed grid rate, one instance per channel, identical code)
 *          zig-zag extremes with adaptive hysteresis -> polarity (which extreme is "far":
 *          dwell vote, stillness vote, rest vote; forgotten when the signal axis turns) ->
 *          pairing -> reps -> boundaries, phases, speed, smoothness, flags
 *     -> ARBITER: per channel activity normalised by its noise floor; the active channel's reps
 *          become events.
 *
 * Latency: an event is emitted at the latest while the input sample with timestamp
 * t_end + latency_max_s (3 s by default; t_end = the reported rep end) is pushed; a rep that
 * could not be emitted by then is dropped. After a gap in the input (> gap_s) or at flush, pending
 * reps are emitted while the first sample after the gap, or hip__re_reps_flush(), is processed.
 *
 * Contract: causal, one sample at a time (chunking cannot change results), no allocation,
 * fixed-size state (sizeof(hip__re_reps) <= 4 KiB, checked at compile time in reps_engine.c),
 * deterministic floating point (no libm transcendental calls; compile with -ffp-contract=off).
 * Not thread-safe per instance; separate instances are independent.
 */
#ifndef HIPTRACK_SRC_REPS_ENGINE_H
#define HIPTRACK_SRC_REPS_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Fixed internal rate of the rep engine, per input mode (cfg.engine_hz, set by
 * hip__re_reps_config_default), and the length of its history (power of two). Angle input keeps
 * the 25 Hz grid it was tuned on; the IMU and accelerometer front ends feed a 10 Hz grid: their
 * smoothed signals hold nothing above ~1.5 Hz, and the engine then costs 2.5 times less (same
 * dev-set counts or better, docs/detector.md). */
#define HIP__RE_ENGINE_HZ_ANGLE 25
#define HIP__RE_ENGINE_HZ_MOTION 10
#define HIP__RE_RING_LEN 256 /* 10.24 s of history per channel at 25 Hz, 25.6 s at 10 Hz */
#define HIP__RE_EVQ_LEN 12   /* output event queue (HIPTRACK_REPS_QUEUE) */
#define HIP__RE_NCHAN 2
#define HIP__RE_MRING 16  /* motion history for the stillness of extremes (power of two) */

typedef enum {
    HIP__RE_INPUT_IMU = 0,   /* accelerometer (m/s^2, with gravity) + gyroscope (rad/s) */
    HIP__RE_INPUT_ACCEL = 1, /* accelerometer only: gravity from low-passed acceleration */
    HIP__RE_INPUT_ANGLE = 2  /* a 1-D angle in degrees (e.g. a joint angle from camera pose) */
} hip__re_input_mode;

typedef enum { HIP__RE_CH_ROT = 0, HIP__RE_CH_TRANS = 1 } hip__re_channel;

/* Rep flags (bit mask). */
#define HIP__RE_FLAG_PARTIAL 1u    /* excursion < partial_frac x reference */
#define HIP__RE_FLAG_FAST 2u       /* duration < fast_frac x reference (or < profile minimum) */
#define HIP__RE_FLAG_SLOW 4u       /* duration > slow_frac x reference (or > profile maximum) */
#define HIP__RE_FLAG_HOLD_SHORT 8u /* prescribed hold not reached */

/* Motion profile of an exercise (CLINICAL.md 4.2). Zero means "unknown". */
typedef struct {
    float excursion_deg;     /* typical segment excursion (informative; not used for counting) */
    float travel_cm;         /* typical translation travel (informative) */
    float rep_min_s;         /* rep duration range */
    float rep_max_s;
    float hold_s;            /* prescribed isometric hold at the far position */
    int out_is_concentric;   /* 1: moving away from home is concentric (curl, raise); 0: squat */
} hip__re_profile;

typedef struct {
    hip__re_input_mode input;
    hip__re_profile profile;            /* from hip__re_profile_lookup(), or all zero for "auto" */
    float prescribed_excursion_deg; /* PT prescription; 0 = use the person's own reference */

    /* timing */
    float gap_s;          /* a timestamp step larger than this ends pending reps (default 1 s) */
    float report_delay_s; /* subtracted from reported times: group delay of the smoothing */

    /* front end */
    float cf_tau_s;       /* complementary filter accel correction time constant */
    float cf_gate;        /* accel correction only when | |a| - g | < cf_gate (m/s^2) */
    float acc_lp_tau_s;   /* accelerometer-only mode: gravity low-pass time constant */
    float pca_tau_s;      /* streaming PCA memory */
    float lp_hz;          /* corner of each of the two cascaded smoothing low-passes */
    float trans_hp_tau_s; /* linear acceleration high-pass (bias removal) */
    float trans_leak_tau_s; /* leak of the velocity and displacement integrators */

    /* rep engine (units of the channel: deg for rotation, cm for translation) */
    float floor_rot_deg;  /* minimum hysteresis, rotation channel */
    float floor_trans_cm; /* minimum hysteresis, translation channel */
    float hyst_frac;      /* hysteresis = max(floor, hyst_frac x median of last 4 swings) */
    float flush_frac;     /* at end of stream a pending extreme counts if back by this x delta */
    float pol_gain;       /* dwell polarity EMA gain per extreme */
    float pol_on;         /* polarity is set when |P| exceeds this */
    float still_frac;     /* still: activity below still_frac x floor ... */
    float still_s;        /* ... for this long */
    float rest_gain;      /* polarity vote of the first swing after a still period (0 = off) */
    float bound_frac;     /* rep start/end where the signal is within this x excursion of home */
    float bound_max_s;    /* rep start/end at most this far from the far extreme */
    float confirm_max_s;  /* a far extreme confirmed later than this is not a rep */
    float onset_frac;     /* ... or where the speed (home half) < onset_frac x the swing's peak */

    /* arbiter */
    float act_tau_s;      /* activity (EW standard deviation) time constant */
    float trans_bias;     /* translation must be this many times more active (in floor units) */
    float switch_hyst;    /* multiplicative hysteresis of the channel switch */
    float rot_weak;       /* translation only while rotation activity < rot_weak floor units */
    float trans_on;       /* ... and translation activity > trans_on floor units */
    float rot_mem_s;      /* decay of the rotation activity peak used for that test */
    float trans_min_cm;   /* a translation rep needs at least this travel */

    /* flags */
    int ref_reps;         /* reference = median of the first ref_reps reps */
    float partial_frac;
    float fast_frac;
    float slow_frac;
    float hold_tol;       /* hold too short if hold < hold_tol x prescribed hold */

    /* appended after the first integration (the fields above keep their order) */
    float latency_max_s;  /* hard bound on (event time - reported rep end), s; a rep that would be
                           * later is dropped (0 = no bound) */
    float min_rep_s;      /* a rep shorter than this (start to end) is a wiggle, not counted */
    float hold_max_s;     /* while the polarity does not yet confirm a rep's far extreme, the rep
                           * waits up to this long after its end for the next extreme; dropped if
                           * that extreme decides the opposite polarity (0 = emit at once) */
    float still_w;        /* weight of the stillness vote in the first polarity decision (0 = off) */
    float still_move;     /* the stillness vote needs one extreme moving more than this (rad/s) ... */
    float still_calm;     /* ... and the other moving less than this (rad/s) */
    float still_win_s;    /* motion at an extreme = least smoothed motion within +- this window */
    float axis_reset_deg; /* polarity is forgotten when the signal axis turned this far since it was
                           * decided (0 = never) */
    float axis_restart;   /* 1: after such a reset the next extreme is a far candidate */
    float rest_motion;    /* rest (for the rest vote) also when the sensor's smoothed motion stays below
                           * this (rad/s) for still_s; 0 = signal activity only */
    float restart_back_frac; /* the first rep after an axis reset is a change of posture, not a rep,
                              * when its return swing overshoots home by more than this x its
                              * excursion before its phase is confirmed (0 = off) */
    int engine_hz;        /* rate of the engine grid, 1..100 (default by input mode, see above) */
} hip__re_reps_config;

/* One repetition. Times are stream timestamps (ns) shifted back by report_delay_s. */
typedef struct {
    int64_t t_start_ns, t_peak_ns, t_end_ns;
    int64_t t_emit_ns;       /* timestamp of the input sample during which it was emitted */
    uint32_t index;          /* 1-based rep number */
    uint32_t flags;          /* HIP__RE_FLAG_* */
    int channel;             /* hip__re_channel that detected it */
    float excursion_deg;     /* rotation-channel excursion of this rep (home -> far) */
    float travel_cm;         /* translation-channel travel over the rep (max - min) */
    float out_s, hold_s, back_s; /* away-from-home, far-zone dwell, return durations */
    float concentric_s, eccentric_s;
    float peak_speed_dps;    /* peak angular speed of the rotation signal, deg/s */
    float peak_lin_speed_cms; /* peak speed of the translation signal, cm/s */
    float ldlj;              /* log dimensionless jerk (velocity based), detecting channel */
} hip__re_rep_event;

/* ---- internal state (opaque to callers; exposed so it can live on the stack / be copied) ---- */

typedef struct { int64_t i; float v; int16_t s_mr; int16_t type; } hip__re_ext; /* s_mr: motion at the extreme (mrad/s), < 0 unknown */

typedef struct {                /* a rep whose far extreme is confirmed, end not yet known */
    int64_t far_i, start_i, best_i;
    float far_v, home_v, level, best_v;
    float swing;                /* zig-zag out-swing (far - preceding extreme), channel units */
    float half, vpk;            /* mid level and out-swing peak speed (per sample), far-type sign */
    int type;                   /* +1: far extreme is a maximum */
    int active;                 /* 0 free, 1 open, 2 open and the first rep after an axis reset,
                                 * 3 open and found by dip_check (not a reference rep) */
} hip__re_pending;

typedef struct {
    int16_t ring[HIP__RE_RING_LEN];  /* smoothed signal on the engine grid, 1/100 units (deg, cm) */
    /* zig-zag */
    int dir;                    /* 0 undecided, +1 tracking a max, -1 tracking a min */
    float run_v, lo_v, hi_v;
    int64_t run_i, lo_i, hi_i;
    float swings[4];
    int nswing;                 /* swings stored (<= 4), ring position = nswing_total % 4 */
    uint32_t nswing_total;
    hip__re_ext ext[3];              /* last three confirmed extremes, ext[0] newest */
    int32_t next_serial;        /* serial number of the next confirmed extreme */
    int32_t cand_serial;        /* serial of the next candidate far extreme */
    /* dwell polarity */
    float pol_p;
    int pol;
    int32_t still_n;            /* consecutive still samples */
    int8_t rest_armed;          /* 1: resting; 2: moving again, the next extreme casts the rest vote */
    int8_t restart;             /* the next far candidate follows an axis reset (check overlap) */
    int8_t held_restart;        /* the held rep is the first one after an axis reset */
    int8_t axis_dirty;          /* the signal axis or axis_ref changed since the last axis check */
    int8_t dormant;             /* translation only: extremes not tracked (the arbiter cannot pick it) */
    int8_t dip_open;            /* dip_check is confirming a dip's extremes (rep_open marks the rep) */
    int64_t rest_end_i;         /* engine index where the last rest ended */
    int64_t restart_i;          /* engine index of the last axis reset */
    float pol_s;                /* stillness polarity vote (EMA), > 0: maxima are far */
    /* pending reps */
    hip__re_pending pend[2];
    /* activity (EW mean and variance of the signal) */
    float act_mean, act_var;
    float run_s;                /* least motion near the running extreme so far */
    float delta;                /* zig-zag hysteresis (cached; changes only with the swings) */
    /* per-channel reference for flags */
    float ref_exc[4], ref_dur[4];
    int nref;
    float axis_ref[3];          /* signal axis (PCA) when the polarity was last decided */
    int64_t last_end_i;         /* end of the last rep of this channel */
    int64_t held_start_i, held_end_i;
    int held_valid;
    int held_wait;              /* far type of a held rep waiting for the next extreme, 0 = none */
    float held_home_v, held_far_v; /* home and far level of the held rep (channel units) */
    hip__re_rep_event held;          /* newest rep of this channel (emitted if/when it is selected) */
} hip__re_chan;

/* Filter coefficients of the front end for one time step dt (s; < 0: unused). */
typedef struct {
    double dt, k_lp;
    float k_cf, k_acc, k_g, k_pca, k_hp, k_leak;
} hip__re_coefs;
#define HIP__RE_KCACHE 3

/* Streaming PCA of a 3-vector, laid out for 4-wide arithmetic (pca_step in reps_engine.c): lane
 * 3 of every group of four is 0. */
typedef struct {
    float mu[4];                /* mean */
    float cov[12];              /* covariance as three columns (xy, xz, yz stored twice) */
    float e[4];                 /* principal axis (unit vector) */
} hip__re_pca;

typedef struct {
    /* The IMU/accelerometer front end computes in single precision (a unit vector, covariances
     * and displacements over seconds need no more; float halves the state and the work). The
     * output smoothing (lp, k_lp) stays in double: the angle path shares it and its events are
     * pinned bit for bit. */
    /* gravity direction and PCA of it (rotation channel) */
    float u[4];                 /* lane 3 is 0 (pca_step reads four) */
    hip__re_pca prot;
    /* translation channel */
    float alp[4];               /* slow mean of linear acceleration (bias); lane 3 is 0 */
    float vel[4], pos[4];       /* lane 3 is 0 */
    hip__re_pca ptr;
    /* smoothing low-passes, per channel two stages */
    double lp[HIP__RE_NCHAN][2];
    float mlp[2];               /* motion measure (rad/s), same two-stage smoothing */
    float g_mag;                /* gravity magnitude estimate */
    float a_var;                /* IMU input: EW variance of |a| - g_mag (tau cf_tau_s), m^2/s^4 */
    /* filter coefficients for the time step k.dt, and those of the HIP__RE_KCACHE time steps used
     * before it (timestamps with jitter take a few distinct steps: recomputing the coefficients at
     * every change cost ~6 % of the time) */
    hip__re_coefs k, kc[HIP__RE_KCACHE];
    int64_t pca_next_ns;        /* the principal axes are next refreshed at this input time */
    float blk_a[3], blk_g[3];   /* sums of the raw samples not yet processed (decimation block) */
    int32_t blk_n;              /* number of raw samples in those sums */
    int32_t started;
    uint32_t n_iter;            /* axis refreshes so far (the translation axis takes every other one) */
    int32_t kc_next;            /* cache slot replaced next (fields ordered to leave no padding) */
} hip__re_front;

typedef struct {
    hip__re_reps_config cfg;
    hip__re_front fe;
    hip__re_chan ch[HIP__RE_NCHAN];
    int nchan;
    /* time base */
    int32_t hz;                 /* engine grid rate (cfg.engine_hz, validated) */
    double dt_e;                /* engine grid step, s */
    int64_t grid_ns;            /* engine grid step, ns */
    int64_t t_prev_ns, t_emit_ns; /* last accepted input sample; sample being processed */
    int64_t t_out_ns;           /* time of the last front-end output (y_prev, m_prev) */
    int64_t grid_next_ns;       /* next engine grid time */
    int64_t n;                  /* engine samples pushed (global index) */
    int64_t seg_start;          /* first engine index of the current segment (after a gap) */
    int64_t anchor_ns;          /* time of engine index seg_start */
    float y_prev[HIP__RE_NCHAN];     /* front-end outputs at t_prev (for interpolation) */
    float m_prev;               /* smoothed motion measure at t_prev */
    uint16_t mring[HIP__RE_MRING];   /* smoothed motion on the engine grid, mrad/s (saturating) */
    /* arbiter */
    int sel;
    double rot_peak;            /* decaying peak of rotation activity */
    double k_act, k_rot_decay;  /* fixed-rate coefficients (activity EW gain, rot_peak decay) */
    double axis_cth;            /* cos(axis_reset_deg) */
    int32_t still_w;            /* still window in engine samples */
    int have_prev;              /* (here: fills the alignment hole after still_w) */
    int64_t last_emit_end_i;
    int last_emit_ch;
    /* event queue */
    hip__re_rep_event q[HIP__RE_EVQ_LEN];
    int qhead, qlen;
    uint32_t nevents;
    uint32_t dropped;
} hip__re_reps;

/* Defaults for the given input mode (the "auto" profile). */
void hip__re_reps_config_default(hip__re_reps_config *cfg, hip__re_input_mode input);
/* Fill *p with the catalog profile of an exercise id; returns 0 if unknown (auto). */
int hip__re_profile_lookup(const char *exercise_id, hip__re_profile *p);
/* Apply a profile to a configuration (only timing/flag related fields are affected). */
void hip__re_reps_config_apply_profile(hip__re_reps_config *cfg, const hip__re_profile *p);

int hip__re_reps_init(hip__re_reps *r, const hip__re_reps_config *cfg); /* 0 on success */
/* Push one sample. Samples with a timestamp not after the previous one are ignored. */
void hip__re_reps_push_imu(hip__re_reps *r, int64_t t_ns, float ax, float ay, float az,
                      float gx, float gy, float gz);
void hip__re_reps_push_accel(hip__re_reps *r, int64_t t_ns, float ax, float ay, float az);
void hip__re_reps_push_angle(hip__re_reps *r, int64_t t_ns, float angle_deg);
/* Push n samples of the IMU (6 floats each: accel, gyro) or accelerometer-only (3 floats) input,
 * as hip__re_reps_push_imu/_accel would one by one, until the event queue holds more than qmax
 * events. Returns the number of samples taken. The caller has validated them. */
size_t hip__re_reps_push_motion_block(hip__re_reps *r, const int64_t *t_ns, const float *samples, size_t n,
                                      int qmax);
/* End of stream: settles a pending extreme and finishes pending reps. */
void hip__re_reps_flush(hip__re_reps *r);
/* Pop the oldest event; returns 1 if one was written to *ev, 0 if the queue is empty. */
int hip__re_reps_pop_event(hip__re_reps *r, hip__re_rep_event *ev);

#ifdef __cplusplus
}
#endif
#endif
