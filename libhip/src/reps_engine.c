/*
 * reps_engine.c - streaming repetition detector (see reps_engine.h and NOTES.md).
 *
 * Determinism: only +, -, *, / and sqrt are used on floating point values (all correctly rounded
 * in IEEE 754); exp, atan/asin and log are computed by the small routines below so results do
 * not depend on the platform's libm. Build with -ffp-contract=off (no fused multiply-add) and,
 * on 32-bit x86, with SSE2 arithmetic.
 */
/* The same floats on every compiler and CPU: no fused multiply-add contraction (clang contracts
 * by default; CMake also passes -ffp-contract=off, but SwiftPM and Xcode builds do not). */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#include "reps_engine.h"

#include <math.h>   /* sqrt, fabs, frexp, ldexp only (exact or correctly rounded) */
#include <string.h>

/* The library contract: fixed state of at most 4 KiB. */
_Static_assert((HIP__RE_RING_LEN & (HIP__RE_RING_LEN - 1)) == 0, "ring length must be a power of two");

#define HIP__RE_PI 3.14159265358979323846
#define HIP__RE_RAD2DEG (180.0 / HIP__RE_PI)
#define HIP__RE_G0 9.81
/* Small per-sample helpers on the hot path are inlined (an optimisation only: same operations). */
#if defined(__GNUC__) || defined(__clang__)
#define HIP__RE_INLINE static inline __attribute__((always_inline))
#else
#define HIP__RE_INLINE static inline
#endif
#define HIP__RE_PCA_ITER_NS 80000000LL /* principal axes refreshed at most every 80 ms */
/* The IMU/accelerometer front end runs at most once per HIP__RE_FE_STEP_NS of input time: faster
 * input is averaged over blocks (a box anti-alias filter; the gyro mean times the block time is
 * the rotation over the block), so 25-200 Hz input costs a few additions per raw sample plus one
 * front-end step per block (input at 25 Hz or slower: one step per sample, as before). */
#define HIP__RE_FE_STEP_NS 40000000LL
/* While rotation is selected and its activity peak is above HIP__RE_TRANS_WAKE x rot_weak, the
 * arbiter cannot pick translation for a long while (the peak decays with rot_mem_s): the
 * translation channel then keeps its ring, activity and rest bookkeeping but does not track
 * extremes (it has no open or held rep). Below that it wakes, and its zig-zag restarts with a home
 * extreme, well before the arbiter could pick it (at 1 x, uci-s2-e4 counted 31 of 30; at 3 x,
 * events are identical on every dev and simulated stream we have). */
#define HIP__RE_TRANS_WAKE 3.0
/* The translation axis is refreshed at every second refresh of the rotation axis (every 160 ms):
 * it decides no count on the dev set (same counts and flags with every 2nd, 3rd or 4th) and
 * moves only the reported travel (median 0.3 %, 90th percentile 2.6 %). */
#define HIP__RE_TR_ITER_EVERY 2
/* A waiting rep whose return swing passes its home by more than this x its excursion is not a
 * home -> far -> home cycle (held_resolve). Over the dev set and its perturbations the mean exact
 * share is flat from 1 to 3 (86.5-86.6 %, measured before the short-rep wait below); at 4 the start of uci-s1-e7 (ratio 3.0) is no longer
 * re-phased; the real first swings measured reach 1.2 (a burpee set after an axis reset). */
#define HIP__RE_PHASE_BACK 2.0f
/* A rep shorter than this x min_rep_s waits for its return swing (rep_finish). Mean exact over the
 * same 12 runs: 86.6 / 86.8 / 86.9 / 86.9 / 87.1 % at 1 (off) / 1.5 / 2 / 3 / 4; the share of
 * dev reps emitted more than 2 s after their end: 23.3 / 23.3 / 23.6 / 30.5 / 46.1 %. */
#define HIP__RE_SHORT_REP 2.0f
/* A partial repetition next to full ones can swing less than the zig-zag hysteresis (0.30 x the
 * median of the last four swings): a 30 deg partial squat is a 20 deg dip after the smoothing,
 * against 24 deg. Such a dip that returns home (within bound_frac of its depth) confirms its two
 * extremes when it looks like a partial version of the person's reference rep (dip_check): depth
 * at least HIP__RE_DIP_MIN and at most partial_frac x the reference excursion, duration at least
 * HIP__RE_DIP_DUR x the reference duration (a burpee's sub-movement or a sway is much shorter),
 * and the recent swings (their median) at most HIP__RE_DIP_REF_SWING x the reference excursion
 * (in a recording of several exercises the reference can come from a smaller movement than the
 * current one: Exermote burpees after a smaller first exercise, ratios 6-11, made extras).
 * Sensitivity (docs/detector-robustness.md, "Partial reps judged against the reference rep"):
 * each constant at 0.5x and 2x keeps the simulated partial table at 660-664 of 720 (650 without
 * the rule) and the 16-row perturbation mean at 86.64-87.33 % (86.64 without). */
#define HIP__RE_DIP_MIN 0.15f
#define HIP__RE_DIP_DUR 0.5f
#define HIP__RE_DIP_REF_SWING 4.0f
/* The partial rep can be the 2nd-4th of a recording: the rule acts once HIP__RE_DIP_NREF (capped
 * at ref_reps) reference reps exist (the reference so far; 1, 2 and 3 measured: simulated partial
 * table 687 / 679 / 672 of 720, dev and perturbations unchanged); a rep it finds before ref_reps
 * exist is judged against them and does not join the reference. While the polarity is still
 * unknown the in-order pairing names the far extreme; that pairing is a guess (a burpee's
 * sub-movements, 0.5-0.66 x the reference rep's duration, made extras on perturbed Exermote sets),
 * so the dip must then last at least HIP__RE_DIP_DUR_UNPOL x the reference duration (the
 * simulated partial reps: 1.2-1.3 x; 0.4 / 1.6: 16-row mean 87.16, partial table 687 / 670). */
#define HIP__RE_DIP_NREF 1
#define HIP__RE_DIP_DUR_UNPOL 0.8f
/* Gyroscope noise makes the gyro-integrated gravity direction u wander by a fraction of a degree
 * between accelerometer corrections, and g x (that error) is a slow acceleration perpendicular to
 * u, which the translation channel integrates twice into 10-25 cm of "travel" while the sensor
 * rests. Real translation makes the accelerometer's magnitude move (|a| - g, the component along
 * gravity, is first-order immune to that error); while its EW standard deviation stays below
 * HIP__RE_ACC_CALM (m/s^2; sensor noise of a poor accelerometer is 0.2 m/s^2 per axis) the
 * perpendicular part of the high-passed linear acceleration is mostly gravity-direction error: it
 * is weighted by var / (var + HIP__RE_ACC_CALM^2), var the EW variance of |a| - g. It is
 * the high-passed part that is gated: a constant error of u (gyro bias) is removed by the
 * high-pass first, so that switching the gate does not turn it into a step. IMU input only
 * (accelerometer-only input has no gyro to integrate). */
/* Accelerometer-only input: the accelerometer's direction is gravity's only while the body does
 * not accelerate, and |a| - g is the part of that acceleration it shows. The gravity low-pass
 * therefore takes each sample with the weight 1 / (1 + ((|a| - g) / HIP__RE_ACC_DEV)^2) (m/s^2):
 * the jumps and floor contacts of a burpee (|a| off by 5-20 m/s^2) hardly move it, which lets its
 * own time constant (acc_lp_tau_s) be short enough not to halve the rep band (0.3-1 Hz) of a squat
 * or sit-up, as the former unweighted 0.5 s low-pass did. */
#ifndef HIP__RE_ACC_DEV
#define HIP__RE_ACC_DEV 4.0f
#endif
#ifndef HIP__RE_ACC_CALM
#define HIP__RE_ACC_CALM 0.3f
#endif

/* ------------------------------------------------------------------------------------------ */
/* Deterministic elementary functions                                                          */
/* ------------------------------------------------------------------------------------------ */

/* exp(-x) for x >= 0: halve x until <= 1/8, (2,2) Pade approximant, square back.
 * Relative error < 1e-9 over the range used (x <= ~40). */
static double hip__re_exp_neg(double x)
{
    int k = 0;
    if (x <= 0.0) return 1.0;
    if (x > 700.0) return 0.0;
    while (x > 0.125) {
        x *= 0.5;
        k++;
    }
    double x2 = x * x / 12.0;
    double y = (1.0 - 0.5 * x + x2) / (1.0 + 0.5 * x + x2);
    while (k-- > 0) y = y * y;
    return y;
}

/* Weight of a new sample in a first-order low-pass with time constant tau after dt seconds.
 * Exact discretisation (1 - e^(-dt/tau)): the same corner at every sampling rate. */
static double hip__re_alpha(double dt, double tau)
{
    if (tau <= 0.0) return 1.0;
    return 1.0 - hip__re_exp_neg(dt / tau);
}

/* asin (Cephes asinf: polynomial on |x| <= 0.5, asin(x) = pi/2 - 2 asin(sqrt((1 - x)/2)) above;
 * abs error ~1e-7 rad). No division; one sqrt only above 0.5. */
static double hip__re_asin(double x)
{
    double a = x < 0.0 ? -x : x, z, y;
    int big = a > 0.5;
    if (a >= 1.0) return x < 0.0 ? -HIP__RE_PI / 2.0 : HIP__RE_PI / 2.0;
    if (big) {
        z = 0.5 * (1.0 - a);
        a = sqrt(z);
    } else {
        z = a * a;
    }
    y = ((((4.2163199048e-2 * z + 2.4181311049e-2) * z + 4.5470025998e-2) * z + 7.4953002686e-2) * z
         + 1.6666752422e-1) * z * a + a;
    if (big) y = HIP__RE_PI / 2.0 - 2.0 * y;
    return x < 0.0 ? -y : y;
}

/* Natural log for x > 0 (frexp is exact; atanh series on [1/sqrt2, sqrt2]). */
static double hip__re_log(double x)
{
    int e;
    if (!(x > 0.0)) return -1e30;
    double m = frexp(x, &e); /* x = m 2^e, m in [0.5, 1) */
    if (m < 0.7071067811865476) {
        m *= 2.0;
        e -= 1;
    }
    double z = (m - 1.0) / (m + 1.0), z2 = z * z, term = z, sum = 0.0;
    for (int k = 1; k <= 21; k += 2) {
        sum += term / k;
        term *= z2;
    }
    return 2.0 * sum + e * 0.6931471805599453;
}

/* ------------------------------------------------------------------------------------------ */
/* Configuration and exercise profiles                                                         */
/* ------------------------------------------------------------------------------------------ */

void hip__re_reps_config_default(hip__re_reps_config *c, hip__re_input_mode input)
{
    memset(c, 0, sizeof *c);
    c->input = input;
    c->profile.out_is_concentric = 1;
    c->gap_s = 1.0f;
    c->cf_tau_s = 1.0f;
    c->cf_gate = 3.0f;
    c->acc_lp_tau_s = 0.15f;
    c->pca_tau_s = 6.0f;
    c->lp_hz = 0.65f;
    /* Group delay of two cascaded first-order low-passes: 2 tau = 2 / (2 pi fc). */
    c->report_delay_s = (float)(2.0 / (2.0 * HIP__RE_PI * c->lp_hz));
    c->trans_hp_tau_s = 2.0f;
    c->trans_leak_tau_s = 2.0f;
    /* Smallest rotation swing the zig-zag follows, and the unit of the rotation activity (arbiter,
     * stillness). 3.5 deg for a body-worn sensor: a half-depth squat tilts the pelvis by 4-5 deg,
     * which a 5 deg floor never followed (simulated squats at the pelvis with 30 % partial reps:
     * 1-2 of 30 sets exact at 5 deg, 23-24 at 3.5; dev counts unchanged; docs/detector-robustness.md,
     * "Rotation floor"). Angle input keeps the 5 deg it was tuned with (its events are pinned). */
    c->floor_rot_deg = input == HIP__RE_INPUT_ANGLE ? 5.0f : 3.5f;
    c->floor_trans_cm = 4.0f;
    c->hyst_frac = 0.30f;
    c->flush_frac = 0.5f;
    c->pol_gain = 0.3f;
    c->pol_on = 0.25f;
    c->bound_frac = 0.20f;
    c->bound_max_s = 4.0f;
    c->onset_frac = 0.10f;
    c->confirm_max_s = 8.0f;
    c->latency_max_s = 3.0f;
    c->min_rep_s = 0.6f;
    c->still_w = 2.0f;
    c->hold_max_s = 2.5f;
    c->axis_reset_deg = 65.0f;
    c->axis_restart = 1.0f;
    c->still_move = 0.7f;
    c->still_calm = 0.5f;
    c->still_win_s = 0.3f;
    c->rest_motion = 0.03f;
    c->restart_back_frac = 0.4f;
    c->engine_hz = input == HIP__RE_INPUT_ANGLE ? HIP__RE_ENGINE_HZ_ANGLE : HIP__RE_ENGINE_HZ_MOTION;
    c->act_tau_s = 2.0f;
    c->trans_bias = 3.0f;
    c->rot_weak = 0.8f;
    c->trans_on = 1.0f;
    c->rot_mem_s = 20.0f;
    c->still_frac = 0.2f;
    c->still_s = 5.0f;
    c->rest_gain = 1.0f;
    c->trans_min_cm = 8.0f;
    c->switch_hyst = 1.25f;
    c->ref_reps = 3;
    c->partial_frac = 0.78f;
    c->fast_frac = 0.6f;
    c->slow_frac = 1.8f;
    c->hold_tol = 0.8f;
}

/* Catalog motion profiles (CLINICAL.md 4.1/4.2). Only timing, hold and the concentric direction
 * are used; the excursions are joint angles, which a single segment sensor does not measure, so
 * they are informative only. Ids follow the catalog names in snake_case. */
typedef struct {
    const char *id;
    hip__re_profile p;
} hip__re_profile_entry;

static const hip__re_profile_entry hip__re_profiles[] = {
    /* id                          exc  travel min  max  hold concentric-out */
    {"squat",                    {80.f, 30.f, 2.f, 5.f, 0.f, 0}},
    {"sit_to_stand",             {85.f, 0.f,  2.f, 4.f, 0.f, 1}},
    {"seated_march",             {22.f, 0.f,  2.f, 3.f, 0.f, 1}},
    {"clamshell",                {38.f, 0.f,  2.f, 4.f, 2.f, 1}},
    {"glute_bridge",             {50.f, 15.f, 2.f, 4.f, 3.f, 1}},
    {"standing_hip_abduction",   {25.f, 0.f,  2.f, 4.f, 0.f, 1}},
    {"side_lying_hip_abduction", {35.f, 0.f,  2.f, 4.f, 1.f, 1}},
    {"straight_leg_raise",       {38.f, 0.f,  2.f, 4.f, 2.f, 1}},
    {"hip_hinge",                {75.f, 0.f,  3.f, 4.f, 0.f, 0}},
    {"step_up",                  {50.f, 15.f, 2.f, 4.f, 0.f, 1}},
    {"heel_raise",               {28.f, 6.f,  2.f, 3.f, 0.f, 1}},
    {"lunge",                    {90.f, 40.f, 2.f, 4.f, 0.f, 0}},
    {"prone_hip_extension",      {15.f, 0.f,  2.f, 3.f, 1.5f, 1}},
    {"quadruped_hip_extension",  {90.f, 0.f,  2.f, 4.f, 3.f, 1}},
    {"seated_knee_extension",    {85.f, 0.f,  2.f, 4.f, 1.5f, 1}},
    {"standing_march",           {75.f, 0.f,  2.f, 3.f, 0.f, 1}},
};

int hip__re_profile_lookup(const char *id, hip__re_profile *p)
{
    memset(p, 0, sizeof *p);
    p->out_is_concentric = 1;
    if (!id) return 0;
    for (unsigned k = 0; k < sizeof hip__re_profiles / sizeof hip__re_profiles[0]; k++) {
        if (strcmp(hip__re_profiles[k].id, id) == 0) {
            *p = hip__re_profiles[k].p;
            return 1;
        }
    }
    return 0;
}

void hip__re_reps_config_apply_profile(hip__re_reps_config *c, const hip__re_profile *p)
{
    c->profile = *p;
}

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                               */
/* ------------------------------------------------------------------------------------------ */

/* The history is kept as int16 hundredths (0.01 deg or 0.01 cm, +-327): it halves the largest part
 * of the state so the whole detector fits in 4 KiB; the resolution is far below sensor noise. */
static int16_t ring_quantize(float s)
{
    float q = s * 100.0f;
    if (!(q > -32767.0f)) q = -32767.0f;   /* also maps NaN to the rail */
    if (q > 32767.0f) q = 32767.0f;
    return (int16_t)(q < 0 ? q - 0.5f : q + 0.5f);
}

static float ring_at(const hip__re_chan *c, int64_t i) { return (float)c->ring[i & (HIP__RE_RING_LEN - 1)] * 0.01f; }

static int64_t time_of(const hip__re_reps *r, int64_t i)
{
    return r->anchor_ns + (i - r->seg_start) * r->grid_ns;
}

/* Oldest engine index still in the ring and in the current segment (newest is r->n - 1). */
static int64_t valid_lo(const hip__re_reps *r)
{
    int64_t lo = r->n - HIP__RE_RING_LEN;
    if (lo < 0) lo = 0;
    return lo > r->seg_start ? lo : r->seg_start;
}

static float median_small(const float *v, int n)
{
    float s[8];
    for (int i = 0; i < n; i++) s[i] = v[i];
    for (int i = 1; i < n; i++) { /* insertion sort, n <= 8 */
        float x = s[i];
        int j = i - 1;
        while (j >= 0 && s[j] > x) {
            s[j + 1] = s[j];
            j--;
        }
        s[j + 1] = x;
    }
    if (n <= 0) return 0.0f;
    return (n & 1) ? s[n / 2] : 0.5f * (s[n / 2 - 1] + s[n / 2]);
}

/* Number of ring samples in [a, b] (b - a < HIP__RE_RING_LEN) whose stored value is >= q; the
 * range is split at the ring's wrap so that each part is a plain loop over contiguous memory. */
static int ring_count_ge(const hip__re_chan *c, int64_t a, int64_t b, int q)
{
    int n = 0;
    while (a <= b) {
        int ia = (int)(a & (HIP__RE_RING_LEN - 1));
        int64_t run = HIP__RE_RING_LEN - ia;
        int len = (int)(b - a + 1 < run ? b - a + 1 : run);
        const int16_t *p = c->ring + ia;
        for (int k = 0; k < len; k++) n += p[k] >= q;
        a += len;
    }
    return n;
}

/* Smoothed motion (rad/s) at engine index i (only the last HIP__RE_MRING samples are kept). */
static float motion_at(const hip__re_reps *r, int64_t i) { return 0.001f * (float)r->mring[i & (HIP__RE_MRING - 1)]; }

/* Least motion over the last w samples up to and including i (within the segment). */
static float motion_min_back(const hip__re_reps *r, int64_t i, int w)
{
    /* the minimum of the stored integers, converted once (the conversion is monotonic) */
    int64_t jlo = i - w;
    if (jlo < r->seg_start) jlo = r->seg_start;
    if (jlo < r->n - HIP__RE_MRING + 1) jlo = r->n - HIP__RE_MRING + 1;
    unsigned m = r->mring[i & (HIP__RE_MRING - 1)];
    int cnt = (int)(i - jlo); /* < HIP__RE_MRING */
    for (int k = 1, j = (int)(i & (HIP__RE_MRING - 1)); k <= cnt; k++) {
        unsigned v = r->mring[(j - k) & (HIP__RE_MRING - 1)];
        if (v < m) m = v;
    }
    return 0.001f * (float)m;
}

static int still_win(const hip__re_reps *r)
{
    int w = (int)(r->cfg.still_win_s * (float)r->hz + 0.5f);
    if (w > HIP__RE_MRING / 2 - 1) w = HIP__RE_MRING / 2 - 1;
    return w < 0 ? 0 : w;
}

static float chan_floor(const hip__re_reps *r, int ch)
{
    return ch == HIP__RE_CH_ROT ? r->cfg.floor_rot_deg : r->cfg.floor_trans_cm;
}

/* Hysteresis: a reversal is confirmed after the signal has come back by delta. */
static float chan_delta(const hip__re_reps *r, const hip__re_chan *c, int ch)
{
    float fl = chan_floor(r, ch);
    if (c->nswing == 0) return fl;
    float d = r->cfg.hyst_frac * median_small(c->swings, c->nswing);
    return d > fl ? d : fl;
}

/* One exponentially weighted PCA step: mean and covariance every sample; the principal axis
 * (two power iterations from the previous axis, sign kept continuous) only when iter is set: the
 * axis moves with the pca_tau_s (6 s) memory, so it is refreshed at about 12 Hz
 * (HIP__RE_PCA_ITER_NS), not at the input rate. Returns the centred projection of x (4 floats,
 * the last 0).
 *
 * With GCC and Clang the step runs four lanes at a time (vector extension: one SSE/NEON register
 * holds the mean, one covariance column or the axis); other compilers run the scalar loops. Both
 * do the same IEEE single-precision operations in the same order per element (-ffp-contract=off
 * keeps them unfused; the covariance's repeated entries xy, xz, yz are computed twice with the
 * factors swapped, which multiplication does not notice), so they give the same bits.
 * HIP__RE_SCALAR forces the scalar version (to check that). */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(HIP__RE_SCALAR)
#define HIP__RE_VEC 1
typedef float hip__re_v4f __attribute__((vector_size(16)));

HIP__RE_INLINE hip__re_v4f v4_load(const float *p)
{
    hip__re_v4f v;
    memcpy(&v, p, sizeof v);
    return v;
}

HIP__RE_INLINE void v4_store(float *p, hip__re_v4f v) { memcpy(p, &v, sizeof v); }

HIP__RE_INLINE hip__re_v4f v4_splat(float x) { return (hip__re_v4f){x, x, x, x}; }

/* m v for the symmetric matrix m given as three columns: ((c0 v0) + (c1 v1)) + (c2 v2) per lane */
HIP__RE_INLINE hip__re_v4f v4_symmul(hip__re_v4f c0, hip__re_v4f c1, hip__re_v4f c2, hip__re_v4f v)
{
    return c0 * v4_splat(v[0]) + c1 * v4_splat(v[1]) + c2 * v4_splat(v[2]);
}

/* (a0 b0 + a1 b1) + a2 b2 */
HIP__RE_INLINE float v4_dot3(hip__re_v4f a, hip__re_v4f b)
{
    hip__re_v4f p = a * b;
    return p[0] + p[1] + p[2];
}

HIP__RE_INLINE float pca_step(hip__re_pca *p, const float *x, float k, int iter)
{
    const hip__re_v4f kv = v4_splat(k), xv = v4_load(x);
    hip__re_v4f mv = v4_load(p->mu);
    mv += kv * (xv - mv);
    v4_store(p->mu, mv);
    hip__re_v4f d = xv - mv;
    hip__re_v4f c0 = v4_load(p->cov), c1 = v4_load(p->cov + 4), c2 = v4_load(p->cov + 8);
    c0 += kv * (d * v4_splat(d[0]) - c0);
    c1 += kv * (d * v4_splat(d[1]) - c1);
    c2 += kv * (d * v4_splat(d[2]) - c2);
    v4_store(p->cov, c0);
    v4_store(p->cov + 4, c1);
    v4_store(p->cov + 8, c2);
    hip__re_v4f e = v4_load(p->e);
    if (!iter) return v4_dot3(d, e);
    hip__re_v4f w = v4_symmul(c0, c1, c2, v4_symmul(c0, c1, c2, e));
    /* the norm in double: |w|^2 of a near-still translation channel is below float's range */
    double n = sqrt((double)w[0] * w[0] + (double)w[1] * w[1] + (double)w[2] * w[2]);
    if (n > 1e-30) {
        float s = v4_dot3(w, e) < 0.0f ? -1.0f : 1.0f;
        s = (float)(s / n);
        e = v4_splat(s) * w;
        v4_store(p->e, e);
    }
    return v4_dot3(d, e);
}
#else
#define HIP__RE_VEC 0
/* m v for the symmetric matrix m given as three columns of four */
HIP__RE_INLINE void sym_mul(const float *m, const float *v, float *o)
{
    for (int i = 0; i < 4; i++) o[i] = m[i] * v[0] + m[4 + i] * v[1] + m[8 + i] * v[2];
}

HIP__RE_INLINE float pca_step(hip__re_pca *p, const float *x, float k, int iter)
{
    float d[4], t[4], w[4];
    for (int j = 0; j < 4; j++) {
        p->mu[j] += k * (x[j] - p->mu[j]);
        d[j] = x[j] - p->mu[j];
    }
    for (int c = 0; c < 3; c++)
        for (int j = 0; j < 4; j++) p->cov[4 * c + j] += k * (d[j] * d[c] - p->cov[4 * c + j]);
    float *e = p->e;
    if (!iter) return d[0] * e[0] + d[1] * e[1] + d[2] * e[2];
    sym_mul(p->cov, e, t);
    sym_mul(p->cov, t, w);
    /* the norm in double: |w|^2 of a near-still translation channel is below float's range */
    double n = sqrt((double)w[0] * w[0] + (double)w[1] * w[1] + (double)w[2] * w[2]);
    if (n > 1e-30) {
        float s = (w[0] * e[0] + w[1] * e[1] + w[2] * e[2]) < 0.0f ? -1.0f : 1.0f;
        s = (float)(s / n);
        for (int j = 0; j < 4; j++) e[j] = s * w[j];
    }
    return d[0] * e[0] + d[1] * e[1] + d[2] * e[2];
}
#endif

/* ------------------------------------------------------------------------------------------ */
/* Event output and arbiter                                                                    */
/* ------------------------------------------------------------------------------------------ */

static void queue_push(hip__re_reps *r, const hip__re_rep_event *ev)
{
    if (r->qlen == HIP__RE_EVQ_LEN) { /* caller is not popping: drop the oldest */
        r->qhead = (r->qhead + 1) % HIP__RE_EVQ_LEN;
        r->qlen--;
        r->dropped++;
    }
    r->q[(r->qhead + r->qlen) % HIP__RE_EVQ_LEN] = *ev;
    r->qlen++;
}

int hip__re_reps_pop_event(hip__re_reps *r, hip__re_rep_event *ev)
{
    if (r->qlen == 0) return 0;
    *ev = r->q[r->qhead];
    r->qhead = (r->qhead + 1) % HIP__RE_EVQ_LEN;
    r->qlen--;
    return 1;
}

/* Channel activity: EW standard deviation of the smoothed signal in units of its noise floor. */
static double chan_activity(const hip__re_reps *r, int ch)
{
    double v = r->ch[ch].act_var;
    return sqrt(v > 0.0 ? v : 0.0) / chan_floor(r, ch);
}

static void arbiter_emit_held(hip__re_reps *r, int ch, int at_switch)
{
    hip__re_chan *c = &r->ch[ch];
    if (!c->held_valid) return;
    c->held_valid = 0;
    if ((c->held_start_i + c->held_end_i) / 2 <= r->last_emit_end_i) return;
    /* after a switch, a rep overlapping the other channel's last event is the same movement */
    if (ch != r->last_emit_ch && c->held_start_i < r->last_emit_end_i) return;
    /* at a switch, a held rep is only worth emitting shortly after it ended */
    if (at_switch && r->n - 1 - c->held_end_i > (int64_t)(r->cfg.bound_max_s * (float)r->hz)) return;
    /* hard latency bound: a rep whose end lies more than latency_max_s (input time, including the
     * reported smoothing delay and one grid step) in the past is not emitted */
    if (r->cfg.latency_max_s > 0.0f &&
        (double)(r->n - 1 - c->held_end_i) * r->dt_e > (double)r->cfg.latency_max_s - r->cfg.report_delay_s - r->dt_e)
        return;
    c->held.index = ++r->nevents;
    c->held.t_emit_ns = r->t_emit_ns;
    r->last_emit_end_i = c->held_end_i;
    r->last_emit_ch = ch;
    queue_push(r, &c->held);
}

/* A rep waiting for the next extreme (hold_max_s): with judge set, it is dropped if the polarity
 * now says its far extreme was of the home type (the rep was half a period off; the rep of the
 * right phase is then counted instead), otherwise it is emitted (or kept for a switch). */
/* How far the signal has gone past the held rep's home (far type ty) since the rep ended, in
 * channel units (0 if it has not), and the rep's excursion in *exc: the measure of "a repetition
 * comes back to where it started" used by both checks in held_resolve. */
static float held_overshoot(const hip__re_reps *r, const hip__re_chan *c, int ty, float *exc)
{
    float fty = (float)ty, hx = fty * c->held_home_v;
    *exc = fty * (c->held_far_v - c->held_home_v);
    int64_t a = c->held_end_i, lo = valid_lo(r);
    if (a < lo) a = lo;
    float xmin = hx;
    for (int64_t i = a; i < r->n; i++) {
        float x = fty * ring_at(c, i);
        if (x < xmin) xmin = x;
    }
    return hx - xmin;
}

static void held_resolve(hip__re_reps *r, int ch, int judge)
{
    hip__re_chan *c = &r->ch[ch];
    if (!c->held_valid || !c->held_wait) return;
    int ty = c->held_wait;
    c->held_wait = 0;
    /* The first swing after the signal axis turned, still unpaired with a next extreme when its
     * wait ends, is a change of posture and not a repetition when it is isolated: it starts from a
     * calm position, the sensor is calm again (no further movement follows) and the return swing
     * did not stop near home but went past it by more than restart_back_frac x the excursion (the
     * limb moved from one position to another). A repetition returns to where it started, and a
     * set goes on moving. */
    if (c->held_restart && !judge && r->cfg.restart_back_frac > 0.0f) {
        float exc, back = held_overshoot(r, c, ty, &exc);
        int calm_mr = (int)(r->cfg.still_calm * 1000.0f);
        int calm_before = c->ext[0].type == ty && c->ext[1].s_mr >= 0 && c->ext[1].s_mr < calm_mr;
        int calm_now = r->n > 0 && motion_at(r, r->n - 1) < r->cfg.still_calm;
        if (calm_before && calm_now && back > r->cfg.restart_back_frac * exc) {
            c->held_valid = 0;
            return;
        }
    }
    /* A repetition comes back to where it started. When the return swing of a waiting rep goes
     * past its home by more than HIP__RE_PHASE_BACK x its excursion, the rep was not a cycle:
     * - paired in order (polarity unknown), its out-swing was the approach to the turning point
     *   the set starts from (a recording that starts in motion, a settling front end): its far
     *   extreme was that home, so the extreme the return swing heads for is the next far candidate;
     * - with the polarity known (a partial and too fast, or a short rep: rep_finish), it was a
     *   ripple on a larger movement (a 5-10 deg notch in a 100 deg swing at a set start, where the hysteresis
     *   still has the small swings from before the set). */
    if ((c->pol == 0 || c->pol == ty) && r->cfg.input != HIP__RE_INPUT_ANGLE) {
        float exc, back = held_overshoot(r, c, ty, &exc);
        if (back > (float)HIP__RE_PHASE_BACK * exc) {
            c->held_valid = 0;
            c->last_end_i = c->held_start_i;
            if (c->pol == 0) c->cand_serial = judge ? c->next_serial - 1 : c->next_serial;
            return;
        }
    }
    if (judge && c->pol != 0 && c->pol != ty) {
        c->held_valid = 0;
        c->last_end_i = c->held_start_i; /* the rep of the right phase may overlap it */
        return;
    }
    if (ch == r->sel) arbiter_emit_held(r, ch, 0);
}

/* Samples a held rep may wait (hold_max_s) so that the event stays within latency_max_s. */
static int64_t hold_limit(const hip__re_reps *r)
{
    double lim = r->cfg.hold_max_s;
    if (r->cfg.latency_max_s > 0.0f) {
        double lat = (double)r->cfg.latency_max_s - r->cfg.report_delay_s - 2.0 * r->dt_e;
        if (lat < lim) lim = lat;
    }
    return lim > 0.0 ? (int64_t)(lim * r->hz) : 0;
}

/* Channel choice. Rotation (tilt) is the primary signal: it has no drift and no integration
 * error. Translation is chosen only while the rotation signal is weak (its activity below
 * rot_weak floor units) and the translation signal is clearly more active than the rotation
 * signal, both measured in units of their own noise floor. Hysteresis avoids flapping. */
static void arbiter_update(hip__re_reps *r)
{
    if (r->nchan < 2) return;
    double ar = chan_activity(r, HIP__RE_CH_ROT);
    double h = r->cfg.switch_hyst, b = r->cfg.trans_bias, w = r->cfg.rot_weak;
    /* decaying peak of the rotation activity: the fallback is trusted only after rotation has
     * been quiet for a while (a pause inside a rotational session is not a change of signal) */
    double decay = r->k_rot_decay;
    r->rot_peak = ar > r->rot_peak * decay ? ar : r->rot_peak * decay;
    if (r->sel == HIP__RE_CH_ROT) {
        if (!(r->rot_peak < w)) return; /* the translation activity is needed only below */
        double at = chan_activity(r, HIP__RE_CH_TRANS);
        if (at > b * h * ar && at > r->cfg.trans_on) {
            r->sel = HIP__RE_CH_TRANS;
            arbiter_emit_held(r, HIP__RE_CH_TRANS, 1);
        }
    } else {
        double at = chan_activity(r, HIP__RE_CH_TRANS);
        if (ar > w * h || at * h < b * ar || at < 0.5) {
            r->sel = HIP__RE_CH_ROT;
            arbiter_emit_held(r, HIP__RE_CH_ROT, 1);
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Rep engine (per channel)                                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Range (max - min) of a ring over [a, b]. */
static float ring_range(const hip__re_chan *c, int64_t a, int64_t b)
{
    int lo = c->ring[a & (HIP__RE_RING_LEN - 1)], hi = lo;
    for (int64_t i = a + 1; i <= b; i++) {
        int v = c->ring[i & (HIP__RE_RING_LEN - 1)];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
    }
    return (float)hi * 0.01f - (float)lo * 0.01f;
}

/* Peak |d/dt| (central differences) over [a, b] in units per second. */
static float ring_peak_speed(const hip__re_reps *r, const hip__re_chan *c, int64_t a, int64_t b)
{
    int64_t lo = valid_lo(r), hi = r->n - 1;
    float pk = 0.0f;
    /* interior samples (central difference over 2 steps): the largest |difference| gives the
     * largest speed (same divisor), so divide once; the edges are computed as before */
    int64_t ia = a - 1 < lo ? lo + 1 : a, ib = b + 1 > hi ? hi - 1 : b;
    for (int64_t i = a; i <= b && i < ia; i++) {
        int64_t i0 = i - 1 < lo ? lo : i - 1, i1 = i + 1 > hi ? hi : i + 1;
        if (i1 <= i0) continue;
        float v = (float)(fabs((double)ring_at(c, i1) - ring_at(c, i0)) / ((double)(i1 - i0) * r->dt_e));
        if (v > pk) pk = v;
    }
    if (ia <= ib) {
        int dmax = 0;
        for (int64_t i = ia; i <= ib; i++) {
            int d = (int)c->ring[(i + 1) & (HIP__RE_RING_LEN - 1)] - (int)c->ring[(i - 1) & (HIP__RE_RING_LEN - 1)];
            if (d < 0) d = -d;
            if (d > dmax) dmax = d;
        }
        /* |ring_at(i1) - ring_at(i0)| for the pair with the largest integer difference */
        for (int64_t i = ia; i <= ib; i++) {
            int d = (int)c->ring[(i + 1) & (HIP__RE_RING_LEN - 1)] - (int)c->ring[(i - 1) & (HIP__RE_RING_LEN - 1)];
            if (d == dmax || d == -dmax) {
                float v = (float)(fabs((double)ring_at(c, i + 1) - ring_at(c, i - 1)) / (2.0 * r->dt_e));
                if (v > pk) pk = v;
            }
        }
    }
    for (int64_t i = (ib + 1 > ia ? ib + 1 : ia); i <= b; i++) {
        int64_t i0 = i - 1 < lo ? lo : i - 1, i1 = i + 1 > hi ? hi : i + 1;
        if (i1 <= i0) continue;
        float v = (float)(fabs((double)ring_at(c, i1) - ring_at(c, i0)) / ((double)(i1 - i0) * r->dt_e));
        if (v > pk) pk = v;
    }
    return pk;
}

/* Peak |d/dt| over [a, b] on a coarse grid (below 25 Hz, the IMU/accelerometer engine): a central
 * difference over two 0.1 s steps reads a smooth speed peak 2-4 % low (curvature of the signal over
 * the stencil, and the peak falling between grid points). Fourth-order central differences
 * (-x[i+2] + 8 x[i+1] - 8 x[i-1] + x[i-2]) / 12h cut the first error to ~0.1 % for reps of 1 s and
 * longer, and a parabola through the largest speed and its neighbours the second. Near the edges
 * of the history it falls back to the differences of ring_peak_speed. */
static float ring_speed_at(const hip__re_reps *r, const hip__re_chan *c, int64_t i, int64_t lo, int64_t hi)
{
    const int16_t *q = c->ring;
    const int m = HIP__RE_RING_LEN - 1;
    if (i - 2 >= lo && i + 2 <= hi) {
        int d = -(int)q[(i + 2) & m] + 8 * (int)q[(i + 1) & m] - 8 * (int)q[(i - 1) & m] + (int)q[(i - 2) & m];
        return (float)(fabs((double)d) * 0.01 / (12.0 * r->dt_e));
    }
    int64_t i0 = i - 1 < lo ? lo : i - 1, i1 = i + 1 > hi ? hi : i + 1;
    if (i1 <= i0) return 0.0f;
    return (float)(fabs((double)ring_at(c, i1) - ring_at(c, i0)) / ((double)(i1 - i0) * r->dt_e));
}

static float ring_peak_speed_coarse(const hip__re_reps *r, const hip__re_chan *c, int64_t a, int64_t b)
{
    int64_t lo = valid_lo(r), hi = r->n - 1, bi = -1;
    float pk = 0.0f;
    /* The first largest speed over [a, b], in index order. Inside [lo + 2, hi - 2] the speed is a
     * monotonic function of the integer stencil |d| (distinct |d| < 2^20 give distinct floats), so
     * the first largest |d| is found in integers and converted once; the edges use the fallback. */
    int64_t ia = a > lo + 2 ? a : lo + 2, ib = b < hi - 2 ? b : hi - 2;
    for (int64_t i = a; i <= b && i < ia; i++) {
        float v = ring_speed_at(r, c, i, lo, hi);
        if (v > pk) {
            pk = v;
            bi = i;
        }
    }
    if (ia <= ib) {
        const int16_t *q = c->ring;
        const int m = HIP__RE_RING_LEN - 1;
        int dmax = -1;
        int64_t imax = ia;
        for (int64_t i = ia; i <= ib; i++) {
            int d = -(int)q[(i + 2) & m] + 8 * (int)q[(i + 1) & m] - 8 * (int)q[(i - 1) & m] + (int)q[(i - 2) & m];
            if (d < 0) d = -d;
            if (d > dmax) {
                dmax = d;
                imax = i;
            }
        }
        float v = ring_speed_at(r, c, imax, lo, hi);
        if (v > pk) {
            pk = v;
            bi = imax;
        }
    }
    for (int64_t i = (ib + 1 > ia ? ib + 1 : ia); i <= b; i++) {
        float v = ring_speed_at(r, c, i, lo, hi);
        if (v > pk) {
            pk = v;
            bi = i;
        }
    }
    if (bi - 1 >= lo && bi + 1 <= hi) {
        float vm = ring_speed_at(r, c, bi - 1, lo, hi), vp = ring_speed_at(r, c, bi + 1, lo, hi);
        float den = 2.0f * pk - vm - vp;
        if (den > 0.0f) {
            float dv = (vp - vm) * (vp - vm) / (8.0f * den);
            if (dv < 0.25f * pk) pk += dv; /* a peak, not a plateau edge or noise */
        }
    }
    return pk;
}

/* Log dimensionless jerk, velocity based (Balasubramanian et al. 2015, IEEE TBME 62(2)):
 * LDLJ = -ln( T^3 / v_peak^2 * integral (d^2 v / dt^2)^2 dt ), on the smoothed signal on the engine grid.
 * A clean minimum-jerk reach gives about -6 to -7 on this signal; more negative = less smooth. */
static float ring_ldlj(const hip__re_reps *r, const hip__re_chan *c, int64_t a, int64_t b, float vpk)
{
    int64_t lo = valid_lo(r), hi = r->n - 1;
    double dt = r->dt_e;
    if (b - a < 4 || vpk <= 0.0f) return 0.0f;
    /* third differences of the stored hundredths, summed exactly in integers, scaled once */
    int64_t a2 = a - 2 < lo ? lo + 2 : a, b2 = b + 2 > hi ? hi - 2 : b;
    uint64_t acc_i = 0;
    for (int64_t i = a2; i <= b2; i++) {
        int64_t j = (int64_t)c->ring[(i + 2) & (HIP__RE_RING_LEN - 1)] - 2 * (int64_t)c->ring[(i + 1) & (HIP__RE_RING_LEN - 1)] +
                    2 * (int64_t)c->ring[(i - 1) & (HIP__RE_RING_LEN - 1)] - (int64_t)c->ring[(i - 2) & (HIP__RE_RING_LEN - 1)];
        acc_i += (uint64_t)(j * j);
    }
    /* (0.01 j / (2 dt^3))^2 dt per sample */
    double acc = (double)acc_i * (1e-4 / (4.0 * dt * dt * dt * dt * dt));
    double T = (double)(b - a) * dt;
    double dlj = T * T * T / ((double)vpk * vpk) * acc;
    if (dlj <= 0.0) return 0.0f;
    return (float)(-hip__re_log(dlj));
}

/* The rep of pending entry p ends at engine index end_i: measure, flag and submit it. */
static void rep_finish(hip__re_reps *r, int ch, hip__re_pending *p, int64_t end_i)
{
    hip__re_chan *c = &r->ch[ch];
    const hip__re_reps_config *cf = &r->cfg;
    int64_t lo = valid_lo(r);
    int64_t a = p->start_i < lo ? lo : p->start_i, b = end_i;
    int first_after_reset = p->active == 2, dip_found = p->active == 3;
    p->active = 0;
    if (b > r->n - 1) b = r->n - 1;
    if (b < p->far_i) b = p->far_i;
    if (a > p->far_i) a = p->far_i;

    c->last_end_i = b;

    hip__re_rep_event ev;
    memset(&ev, 0, sizeof ev);
    ev.channel = ch;
    int64_t dly = (int64_t)((double)cf->report_delay_s * 1e9);
    ev.t_start_ns = time_of(r, a) - dly;
    ev.t_peak_ns = time_of(r, p->far_i) - dly;
    ev.t_end_ns = time_of(r, b) - dly;
    ev.t_emit_ns = r->t_emit_ns;

    float ty = (float)p->type;
    float exc = ty * (p->far_v - p->home_v); /* channel units */
    if (exc < 0.0f) exc = 0.0f;

    /* Phases: the far zone is within 10 % of the excursion of the far extreme
     * (the tolerance of the generic detector contract in CLINICAL.md 4.2). */
    float zone = ty * p->far_v - 0.1f * exc;
    int64_t in0 = p->far_i, in1 = p->far_i;
    for (int64_t i = a; i <= b; i++)
        if (ty * ring_at(c, i) >= zone) {
            in0 = i;
            break;
        }
    for (int64_t i = b; i >= a; i--)
        if (ty * ring_at(c, i) >= zone) {
            in1 = i;
            break;
        }
    ev.out_s = (float)((double)(in0 - a) * r->dt_e);
    ev.hold_s = (float)((double)(in1 - in0) * r->dt_e);
    ev.back_s = (float)((double)(b - in1) * r->dt_e);
    if (cf->profile.out_is_concentric) {
        ev.concentric_s = ev.out_s;
        ev.eccentric_s = ev.back_s;
    } else {
        ev.concentric_s = ev.back_s;
        ev.eccentric_s = ev.out_s;
    }

    const hip__re_chan *cr = &r->ch[HIP__RE_CH_ROT];
    const hip__re_chan *ct = &r->ch[HIP__RE_CH_TRANS];
    ev.excursion_deg = ch == HIP__RE_CH_ROT ? exc : ring_range(cr, a, b);
    /* the 25 Hz grid (angle input) keeps its two-step central differences: its events are fixed */
    float (*peak_speed)(const hip__re_reps *, const hip__re_chan *, int64_t, int64_t) =
        r->hz < HIP__RE_ENGINE_HZ_ANGLE ? ring_peak_speed_coarse : ring_peak_speed;
    ev.peak_speed_dps = peak_speed(r, cr, a, b);
    if (r->nchan > 1) {
        /* travel: peak-to-peak displacement over the rep, or the out-swing of a translation rep */
        ev.travel_cm = ring_range(ct, a, b);
        if (ch == HIP__RE_CH_TRANS && p->swing > ev.travel_cm) ev.travel_cm = p->swing;
        ev.peak_lin_speed_cms = peak_speed(r, ct, a, b);
    }
    float vpk = ch == HIP__RE_CH_ROT ? ev.peak_speed_dps : ev.peak_lin_speed_cms;
    ev.ldlj = ring_ldlj(r, c, a, b, vpk);

    /* Flags against the person's own reference (median of the first ref_reps reps of this
     * channel), or the prescription / profile while no reference exists yet. */
    float dur = (float)((double)(b - a) * r->dt_e);
    float ref_exc = 0.0f, ref_dur = 0.0f;
    if (c->nref >= cf->ref_reps && cf->ref_reps > 0) {
        ref_exc = median_small(c->ref_exc, c->nref);
        ref_dur = median_small(c->ref_dur, c->nref);
    } else {
        if (cf->profile.rep_max_s > 0.0f) ref_dur = 0.5f * (cf->profile.rep_min_s + cf->profile.rep_max_s);
        int ok = cf->profile.rep_max_s <= 0.0f ||
                 (dur >= 0.5f * cf->profile.rep_min_s && dur <= 2.0f * cf->profile.rep_max_s);
        /* a rep found by dip_check (before ref_reps reference reps exist) is judged against
         * the reference so far and does not join it */
        if (dip_found && c->nref > 0) ref_exc = median_small(c->ref_exc, c->nref);
        if (ok && !dip_found && c->nref < cf->ref_reps && c->nref < 4) {
            c->ref_exc[c->nref] = exc;
            c->ref_dur[c->nref] = dur;
            c->nref++;
            ref_dur = 0.0f; /* reference reps are not judged on time */
        }
    }
    if (ch == HIP__RE_CH_ROT && cf->prescribed_excursion_deg > 0.0f) ref_exc = cf->prescribed_excursion_deg;
    if (ref_exc > 0.0f && exc < cf->partial_frac * ref_exc) ev.flags |= HIP__RE_FLAG_PARTIAL;
    if (ref_dur > 0.0f && dur < cf->fast_frac * ref_dur) ev.flags |= HIP__RE_FLAG_FAST;
    if (ref_dur > 0.0f && dur > cf->slow_frac * ref_dur) ev.flags |= HIP__RE_FLAG_SLOW;
    if (cf->profile.hold_s > 0.0f && ev.hold_s < cf->hold_tol * cf->profile.hold_s)
        ev.flags |= HIP__RE_FLAG_HOLD_SHORT;

    /* Arbiter: only the active channel's reps become events. The newest rep of the other channel
     * is kept so that a switch can still emit it (the first rep of a set is what makes the
     * activity rise). Reps overlapping the last emitted one are duplicates. */
    if (c->held_valid && c->held_wait) held_resolve(r, ch, 0); /* a previous one still waiting */
    c->held = ev;
    c->held_wait = 0;
    c->held_start_i = a;
    c->held_end_i = b;
    c->held_valid = 1;
    c->held_restart = (int8_t)first_after_reset;
    c->held_home_v = p->home_v;
    c->held_far_v = p->far_v;
    /* translation is a fallback signal: it needs a clear travel to count */
    if (ch == HIP__RE_CH_TRANS && ev.travel_cm < cf->trans_min_cm) c->held_valid = 0;
    /* a "rep" shorter than min_rep_s between its 20 % levels is a wiggle: the smoothing alone
     * spreads any real excursion over more than that */
    if (dur < cf->min_rep_s) c->held_valid = 0;
    /* While the polarity does not confirm this rep's far type (it was paired in order), the rep
     * waits for the next extreme, which may decide the polarity (hold_max_s, latency bound). So
     * does, for IMU/accelerometer input, a rep both partial and too fast, or one shorter than
     * HIP__RE_SHORT_REP x min_rep_s (near the limit where a ripple on a faster movement passes the
     * smoothing as a cycle): its return swing shows whether it was a cycle (held_resolve). Waiting
     * on either flag alone instead counted fewer sets right and delayed 37 % of the dev reps by
     * over 2 s (median latency 0.68 -> 1.19 s); as here, 23.6 % (from 22.2 %; median 0.69 s). */
    const uint32_t suspect = HIP__RE_FLAG_PARTIAL | HIP__RE_FLAG_FAST;
    if (c->held_valid && cf->hold_max_s > 0.0f &&
        (c->pol != p->type ||
         (cf->input != HIP__RE_INPUT_ANGLE && ((ev.flags & suspect) == suspect || dur < HIP__RE_SHORT_REP * cf->min_rep_s))))
        c->held_wait = p->type;
    else if (ch == r->sel) arbiter_emit_held(r, ch, 0);
}

/* End of the back-swing in the home half: its speed fell below onset_frac of the out-swing's
 * peak speed (the person stopped short of home, or paused before the next rep). */
static int rep_offset(const hip__re_reps *r, const hip__re_chan *c, const hip__re_pending *p, int64_t i, float x)
{
    if (x >= p->half || i - 1 <= p->far_i) return 0;
    float v = (float)p->type * (ring_at(c, i - 1) - ring_at(c, i)); /* speed toward home */
    return v < r->cfg.onset_frac * p->vpk;
}

/* Check pending reps against sample i (already in the ring). */
static void pending_step(hip__re_reps *r, int ch, int64_t i)
{
    hip__re_chan *c = &r->ch[ch];
    if (!c->pend[0].active && !c->pend[1].active) return;
    int64_t lim = (int64_t)(r->cfg.bound_max_s * (float)r->hz + 0.5f);
    for (int k = 0; k < 2; k++) {
        hip__re_pending *p = &c->pend[k];
        if (!p->active || i <= p->far_i) continue;
        float x = (float)p->type * ring_at(c, i);
        if (x <= p->level || rep_offset(r, c, p, i, x)) {
            rep_finish(r, ch, p, i);
            continue;
        }
        if (x < p->best_v) {
            p->best_v = x;
            p->best_i = i;
        }
        if (i - p->far_i >= lim) rep_finish(r, ch, p, p->best_i);
    }
}

/* A far extreme was confirmed and paired: open a pending rep and find its start. */
static int rep_open(hip__re_reps *r, int ch, const hip__re_ext *far, const hip__re_ext *home, int check_overlap)
{
    hip__re_chan *c = &r->ch[ch];
    int64_t lim = (int64_t)(r->cfg.bound_max_s * (float)r->hz + 0.5f);
    int64_t lo = valid_lo(r);
    int64_t w0 = far->i - lim;
    if (w0 < lo) w0 = lo;
    if (home && home->i > w0) w0 = home->i;
    float ty = (float)far->type;
    /* home level: the lowest (in far-type sign) point between the preceding home and the far
     * extreme, within the window. */
    float hx = ty * ring_at(c, far->i);
    for (int64_t i = w0; i <= far->i; i++) {
        float x = ty * ring_at(c, i);
        if (x < hx) hx = x;
    }
    float fx = ty * far->v;
    float level = hx + r->cfg.bound_frac * (fx - hx);
    float half = 0.5f * (hx + fx);
    /* peak speed of the out-swing (per sample) */
    float vpk = 0.0f;
    for (int64_t i = w0 + 1; i <= far->i; i++) {
        float v = ty * (ring_at(c, i) - ring_at(c, i - 1));
        if (v > vpk) vpk = v;
    }
    /* start: walking back from the far extreme, the first sample within bound_frac of home, or
     * (in the home half) where the out-swing's speed fell below onset_frac of its peak: the
     * movement onset after a pause that is not at the home level. */
    int64_t st = w0;
    for (int64_t i = far->i; i >= w0; i--) {
        float x = ty * ring_at(c, i);
        if (x <= level) {
            st = i;
            break;
        }
        if (i > w0 && x < half && x - ty * ring_at(c, i - 1) < r->cfg.onset_frac * vpk) {
            st = i;
            break;
        }
    }
    if (check_overlap && st < c->last_end_i) return 0;
    c->cand_serial = c->next_serial + 1; /* keeps the in-order pairing in phase if polarity is lost */

    hip__re_pending *p = &c->pend[0];
    if (p->active) p = &c->pend[1];
    if (p->active) rep_finish(r, ch, p, r->n - 1); /* cannot happen with 2 slots; be safe */
    p->active = check_overlap == 2 ? 2 : c->dip_open ? 3 : 1; /* 2: the first candidate after an axis reset */
    p->far_i = far->i;
    p->far_v = far->v;
    p->home_v = ty * hx;
    p->type = far->type;
    p->start_i = st;
    p->level = level;
    p->swing = home ? (far->v > home->v ? far->v - home->v : home->v - far->v) : fx - hx;
    p->best_v = fx;
    p->best_i = far->i;
    p->half = half;
    p->vpk = vpk;
    /* samples between the far extreme and now, within the end window */
    for (int64_t i = far->i + 1; i < r->n && p->active; i++) {
        float x = ty * ring_at(c, i);
        if (x <= level || rep_offset(r, c, p, i, x)) {
            rep_finish(r, ch, p, i);
            break;
        }
        if (x < p->best_v) {
            p->best_v = x;
            p->best_i = i;
        }
        if (i - far->i >= lim) rep_finish(r, ch, p, p->best_i);
    }
    return 1;
}

static void pol_decide(const hip__re_reps *r, hip__re_chan *c);

/* Axis of the channel's signal (unit vector of the streaming PCA). */
static const float *chan_axis(const hip__re_reps *r, const hip__re_chan *c)
{
    return c == &r->ch[HIP__RE_CH_ROT] ? r->fe.prot.e : r->fe.ptr.e;
}

static void axis_remember(const hip__re_reps *r, hip__re_chan *c)
{
    const float *e = chan_axis(r, c);
    for (int j = 0; j < 3; j++) c->axis_ref[j] = e[j];
    c->axis_dirty = 1;
}

/* The polarity says which sign of the signal is "far"; it refers to the signal axis. When the
 * axis has turned by more than axis_reset_deg since the decision (a new movement, another
 * exercise), the polarity is forgotten and decided afresh. */
/* cos of the reset threshold, from the deterministic cos(x) = 1 - 2 sin^2(x/2) with a short series */
static double axis_cos(const hip__re_reps *r)
{
    double x = (double)r->cfg.axis_reset_deg * HIP__RE_PI / 360.0, s = x - x * x * x / 6.0 + x * x * x * x * x / 120.0;
    return 1.0 - 2.0 * s * s;
}

static void axis_check(hip__re_reps *r, int ch)
{
    hip__re_chan *c = &r->ch[ch];
    /* the test can only change its answer when the axis (refreshed by the front end at most every
     * HIP__RE_PCA_ITER_NS) or the reference (a polarity decision) changed since the last test */
    if (!c->axis_dirty) return;
    c->axis_dirty = 0;
    if (r->cfg.axis_reset_deg <= 0.0f || r->cfg.input == HIP__RE_INPUT_ANGLE) return;
    if (c->pol == 0) return;
    const float *e = chan_axis(r, c);
    double d = (double)e[0] * c->axis_ref[0] + (double)e[1] * c->axis_ref[1] + (double)e[2] * c->axis_ref[2];
    if (d < r->axis_cth) {
        c->pol = 0;
        c->pol_p = 0.0f;
        c->pol_s = 0.0f;
        /* a new movement starts from where the person is: the next extreme is a far candidate */
        if (r->cfg.axis_restart > 0.0f) {
            c->cand_serial = c->next_serial;
            c->restart = 1;
            c->restart_i = r->n;
        }
    }
}

/* Dwell polarity from the last full cycle [ext2, ext0]: share of samples above the mid level. */
static void polarity_update(hip__re_reps *r, hip__re_chan *c)
{
    const hip__re_ext *e0 = &c->ext[0], *e1 = &c->ext[1], *e2 = &c->ext[2];
    int64_t a = e2->i, lo = valid_lo(r);
    if (a < lo) a = lo; /* cycles longer than the history: use its recent part */
    if (e0->i - a < 2) return;
    /* With a prescribed hold at the far point the far point is where the body dwells, so the dwell
     * vote points the wrong way: it neither decides nor flips the polarity there (in-order pairing,
     * the stillness and the rest vote do). Without this, uci-s1-e5 (4 s holds) locked onto the
     * return half and simulated bridges (3 s holds) flipped before their last rep. Not for angle
     * input, whose events stay those of the detector it was tuned with. */
    if (r->cfg.input != HIP__RE_INPUT_ANGLE && r->cfg.profile.hold_s > 0.0f) return;
    float mid = 0.5f * (e1->v + 0.5f * (e2->v + e0->v));
    /* ring_at() is monotonic in the stored integer: find the smallest integer above mid once */
    int qa;
    if (mid < -400.0f) qa = -32768;             /* every stored value (>= -327.68) is above */
    else if (!(mid < 400.0f)) qa = 32768;       /* none is (also NaN, as with the float test) */
    else {
        qa = (int)(mid * 100.0f) - 2;
        while ((float)qa * 0.01f <= mid) qa++;
        while (qa > -32768 && (float)(qa - 1) * 0.01f > mid) qa--;
    }
    int above = ring_count_ge(c, a, e0->i, qa), tot = (int)(e0->i - a + 1);
    float duty = (float)above / (float)tot;
    c->pol_p += r->cfg.pol_gain * ((0.5f - duty) - c->pol_p);
    pol_decide(r, c);
}

/* Polarity decision from the dwell vote and the stillness vote, sticky with hysteresis. */
static void pol_decide(const hip__re_reps *r, hip__re_chan *c)
{
    /* the stillness vote takes part in the first decision only; flips need the dwell vote */
    float d = c->pol_p + (c->pol == 0 ? r->cfg.still_w * c->pol_s : 0.0f);
    int old = c->pol;
    if (c->pol == 0) {
        if (d > r->cfg.pol_on) c->pol = 1;
        else if (d < -r->cfg.pol_on) c->pol = -1;
    } else if (d * (float)c->pol < -r->cfg.pol_on) {
        c->pol = -c->pol;
    }
    if (c->pol != old) axis_remember(r, c);
}

static void ext_confirm(hip__re_reps *r, int ch, float v, int64_t i, int type, float mot)
{
    hip__re_chan *c = &r->ch[ch];
    int32_t serial = c->next_serial++;
    int have_prev = serial > 0 && c->ext[0].i >= r->seg_start;
    if (have_prev) {
        float sw = v - c->ext[0].v;
        c->swings[c->nswing_total % 4] = sw < 0.0f ? -sw : sw;
        c->nswing_total++;
        if (c->nswing < 4) c->nswing++;
        c->delta = chan_delta(r, c, ch); /* cached: changes only with the swings */
    }
    c->ext[2] = c->ext[1];
    c->ext[1] = c->ext[0];
    c->ext[0].v = v;
    c->ext[0].s_mr = (int16_t)(mot < 0.0f ? -1.0f : mot * 1000.0f > 32767.0f ? 32767.0f : mot * 1000.0f + 0.5f);
    c->ext[0].i = i;
    c->ext[0].type = (int16_t)type;

    /* a home extreme after a pending far one ends that rep */
    for (int k = 0; k < 2; k++) {
        hip__re_pending *p = &c->pend[k];
        if (p->active && i > p->far_i && type != p->type) rep_finish(r, ch, p, i);
    }
    /* Stillness vote: home is where the body comes to rest (supported), the far extreme is a
     * turnaround. Compared between this extreme and the previous one (opposite type); it votes
     * only when one of them clearly moves (> still_move) and the other is calm (< still_calm). */
    if (have_prev && r->cfg.still_w > 0.0f && c->ext[0].s_mr >= 0 && c->ext[1].s_mr >= 0) {
        float s0 = 0.001f * (float)c->ext[0].s_mr, s1 = 0.001f * (float)c->ext[1].s_mr;
        float mhi = s0 > s1 ? s0 : s1, mlo = s0 > s1 ? s1 : s0;
        if (mhi > r->cfg.still_move && mlo < r->cfg.still_calm) {
            float vote = (float)type * (s0 - s1) / (s0 + s1);
            c->pol_s += r->cfg.pol_gain * (vote - c->pol_s);
            pol_decide(r, c);
        }
    }
    if (serial >= 2 && c->ext[2].i >= r->seg_start) polarity_update(r, c);
    /* Rest vote: after a still period the first swing goes from home to far, so the first
     * extreme away from the rest level is of the far type. */
    if (c->rest_armed == 2) {
        c->rest_armed = 0;
        /* The test is on time, not on the signal level: the level drifts while the person rests
         * (the PCA mean follows the rest position), so after a rest at a held-out position the
         * next extreme could look "away" from a stale rest level. An extreme confirmed inside the
         * rest is the rest position itself (home): no vote. */
        float away = i > c->rest_end_i ? 1.0f : -1.0f;
        if (away > 0.0f && r->cfg.rest_gain > 0.0f) {
            c->pol_p += r->cfg.rest_gain * (0.5f * (float)type - c->pol_p);
            if (c->pol_p * (float)type > r->cfg.pol_on && c->pol != type) {
                c->pol = type;
                axis_remember(r, c);
            }
        }
    }
    /* a rep waiting for this extreme is judged with the polarity as it now stands */
    held_resolve(r, ch, 1);

    /* Pairing: a rep is (home, far, home). With a known polarity every extreme of the far type
     * is a candidate; it is refused only when its out-swing overlaps the back-swing of the rep
     * counted just before (a polarity flip inside continuous motion). Before the polarity is
     * known, swings pair in order, the first swing being "out". */
    /* A far extreme confirmed only after confirm_max_s (the signal stayed near it) is a change of
     * posture, not a repetition; refusing it also bounds the event latency. */
    int late = (r->n - 1 - i) > (int64_t)(r->cfg.confirm_max_s * (float)r->hz);
    if (late) {
        /* The signal stayed at this extreme: with the polarity unknown, it is where the body
         * rested, i.e. home, and the next extreme is the far candidate (in-order pairing kept the
         * alternation instead, which a late extreme from a pre-set fidget puts half a cycle off).
         * Angle input keeps the events it was tuned with. */
        if (c->pol == 0 && r->cfg.input != HIP__RE_INPUT_ANGLE) c->cand_serial = serial + 1;
        else if (c->pol != 0 || serial == c->cand_serial) c->cand_serial = serial + 2;
    } else if (c->pol != 0) {
        if (type == c->pol) rep_open(r, ch, &c->ext[0], have_prev ? &c->ext[1] : 0, 1);
    } else if (c->restart && i < c->restart_i) {
        /* an extreme from before the axis turned belongs to the old movement, not the new one */
        c->cand_serial = serial + 1;
    } else if (serial == c->cand_serial) {
        /* after an axis reset, a first candidate overlapping the last rep is the same movement */
        rep_open(r, ch, &c->ext[0], have_prev ? &c->ext[1] : 0, c->restart ? 2 : 0);
        c->cand_serial = serial + 2;
        c->restart = 0;
    } else if (serial > c->cand_serial) {
        c->cand_serial = serial + 1;
    }
}

/* One engine sample for one channel. */
static float mmin_get(const hip__re_reps *r, int sw, float *mmin)
{
    if (*mmin < 0.0f) *mmin = motion_min_back(r, r->n, sw);
    return *mmin;
}

/* median_small for the three reference reps and the four swings without the sort (the same value:
 * a selection, and the two middle values added in the same order); dip_check_ref runs it at a few
 * per cent of the engine steps. */
static float median_34(const float *v, int n)
{
    if (n == 3) {
        float lo = v[0] < v[1] ? v[0] : v[1], hi = v[0] < v[1] ? v[1] : v[0];
        float m = hi < v[2] ? hi : v[2];
        return lo > m ? lo : m;
    }
    if (n == 4) {
        float l0 = v[0] < v[1] ? v[0] : v[1], h0 = v[0] < v[1] ? v[1] : v[0];
        float l1 = v[2] < v[3] ? v[2] : v[3], h1 = v[2] < v[3] ? v[3] : v[2];
        float a = l0 > l1 ? l0 : l1, b = h0 < h1 ? h0 : h1; /* the two middle values */
        return 0.5f * (a + b);
    }
    return median_small(v, n);
}

/* A dip under the hysteresis that returns home, judged against the person's reference rep
 * (HIP__RE_DIP_*; IMU input once the far type and the reference are known: with accelerometer-only
 * input the tilt of a burpee's jumps dips by as much, dev burpees 5 -> 8, 8 -> 12 reps). While
 * the zig-zag runs towards an extreme (run_v) and the signal s comes back to within bound_frac of
 * the dip's depth from it, the dip is a repetition when:
 *  - the running extreme is home (dir = -pol): the rep is run -> dip -> back, excursion = depth;
 *  - the running extreme is far (dir = pol): the rep is ext[0] (home) -> run -> dip (home again),
 *    its excursion run - ext[0] (itself over the hysteresis: its home was confirmed), the dip is
 *    its return and the signal is now leaving home for the next rep.
 * Then both the running extreme and the dip's extreme are confirmed, and the zig-zag keeps running
 * the same way from the signal's extreme since the dip. Returns 1 if it confirmed them. dip_check
 * below tests the cheap conditions first. */
static int dip_check_ref(hip__re_reps *r, int ch, float s, int64_t i, int sw, float *mmin, int pol)
{
    hip__re_chan *c = &r->ch[ch];
    const hip__re_reps_config *cf = &r->cfg;
    float ty = (float)c->dir, bf = cf->bound_frac;
    float hx = ty * c->run_v, x = ty * s, xp = ty * ring_at(c, i - 1);
    float rmin = c->ref_exc[0];
    for (int k = 1; k < c->nref; k++)
        if (c->ref_exc[k] < rmin) rmin = c->ref_exc[k];
    if (!(hx - xp > bf * HIP__RE_DIP_MIN * rmin) || c->run_i < valid_lo(r)) return 0; /* dmin >= that */
    float rexc = median_34(c->ref_exc, c->nref);
    float dmin = HIP__RE_DIP_MIN * rexc;
    if (dmin < chan_floor(r, ch)) dmin = chan_floor(r, ch);
    if (!(hx - xp > bf * dmin)) return 0;
    if (median_34(c->swings, c->nswing) > HIP__RE_DIP_REF_SWING * rexc) return 0;
    float dx = hx;
    int64_t di = c->run_i;
    for (int64_t k = c->run_i + 1; k < i; k++) {
        float y = ty * ring_at(c, k);
        if (y < dx) {
            dx = y;
            di = k;
        }
    }
    float depth = hx - dx;
    if (depth < dmin || hx - x > bf * depth || !(hx - xp > bf * depth)) return 0;
    float exc;
    int64_t st = c->run_i, en;
    if (c->dir != pol) { /* home -> dip -> home: the dip is the far point */
        for (int64_t k = di; k > c->run_i; k--)
            if (hx - ty * ring_at(c, k) <= bf * depth) {
                st = k;
                break;
            }
        exc = depth;
        en = i;
    } else { /* ext[0] (home) -> run (far) -> dip (home) */
        if (c->ext[0].i < valid_lo(r)) return 0;
        float e0 = ty * c->ext[0].v;
        exc = hx - e0;
        st = c->ext[0].i;
        for (int64_t k = c->ext[0].i; k < c->run_i; k++)
            if (ty * ring_at(c, k) - e0 > bf * exc) {
                st = k;
                break;
            }
        en = di;
    }
    float dur = (float)((double)(en - st) * r->dt_e);
    if (exc < dmin || exc > cf->partial_frac * rexc ||
        dur < (c->pol ? HIP__RE_DIP_DUR : HIP__RE_DIP_DUR_UNPOL) * median_34(c->ref_dur, c->nref))
        return 0;
    int d0 = c->dir;
    float hv = c->run_v, hs = c->run_s;
    int64_t hi = c->run_i;
    c->dip_open = 1;
    ext_confirm(r, ch, hv, hi, d0, hs);
    ext_confirm(r, ch, ty * dx, di, -d0, -1.0f);
    c->dip_open = 0;
    c->dir = d0;
    c->run_v = s;
    c->run_i = i;
    for (int64_t k = di + 1; k < i; k++)
        if (ty * ring_at(c, k) > ty * c->run_v) {
            c->run_v = ring_at(c, k);
            c->run_i = k;
        }
    c->run_s = mmin_get(r, sw, mmin);
    return 1;
}

/* The cheap necessary conditions of dip_check_ref, inline on the zig-zag's path: IMU input,
 * polarity and reference known, and the signal crossed into the return zone (within bound_frac of
 * the hysteresis, and of the floor, from the running extreme) just now. */
HIP__RE_INLINE int dip_check(hip__re_reps *r, int ch, float s, int64_t i, int sw, float *mmin)
{
    const hip__re_chan *c = &r->ch[ch];
    const hip__re_reps_config *cf = &r->cfg;
    float ty = (float)c->dir, bf = cf->bound_frac, hx = ty * c->run_v;
    if (hx - ty * s > bf * c->delta) return 0; /* most samples: moving away from the extreme */
    /* with the polarity not yet known, the in-order pairing says which extreme is the far one */
    int pol = c->pol;
    if (pol == 0 && !c->restart) {
        if (c->cand_serial == c->next_serial) pol = c->dir;
        else if (c->cand_serial == c->next_serial + 1) pol = -c->dir;
    }
    int nref = cf->ref_reps < HIP__RE_DIP_NREF ? cf->ref_reps : HIP__RE_DIP_NREF;
    if (cf->input != HIP__RE_INPUT_IMU || pol == 0 || nref <= 0 || c->nref < nref || i - 1 <= c->run_i ||
        !(hx - ty * ring_at(c, i - 1) > bf * chan_floor(r, ch)))
        return 0;
    return dip_check_ref(r, ch, s, i, sw, mmin, pol);
}

static void chan_push(hip__re_reps *r, int ch, float s, int sw, float *mmin)
{
    hip__re_chan *c = &r->ch[ch];
    int64_t i = r->n;
    c->ring[i & (HIP__RE_RING_LEN - 1)] = ring_quantize(s);

    /* activity */
    double k = r->k_act;
    if (i == r->seg_start && c->next_serial == 0 && c->act_var == 0.0f) c->act_mean = s;
    c->act_mean += (float)(k * ((double)s - c->act_mean));
    double d = (double)s - c->act_mean;
    c->act_var += (float)(k * (d * d - c->act_var));

    /* Rest: still for still_s seconds arms a rest vote, cast by the first extreme after the rest
     * ends. Still = the signal's activity below still_frac of the floor, or the sensor's motion
     * below rest_motion. The motion test is needed after a set that ends away from the PCA mean:
     * the signal then drifts towards the mean for ~3 x pca_tau_s although the sensor is at rest,
     * which the activity test reads as movement. still_s (5 s) is longer than any prescribed hold
     * at the far position (<= 3 s), so a hold is never taken for a rest. */
    float still_thr = r->cfg.still_frac * chan_floor(r, ch); /* sqrt(var) < thr, without the sqrt */
    int still = (still_thr > 0.0f && (double)c->act_var < (double)still_thr * (double)still_thr) ||
                (r->cfg.input != HIP__RE_INPUT_ANGLE && motion_at(r, i) < r->cfg.rest_motion);
    if (still) {
        if (++c->still_n >= (int32_t)(r->cfg.still_s * (float)r->hz)) {
            c->rest_armed = 1;
        }
    } else {
        if (c->rest_armed == 1) { /* movement resumed after a rest */
            c->rest_armed = 2;
            c->rest_end_i = i;
        }
        c->still_n = 0;
    }

    pending_step(r, ch, i);
    if (c->held_wait && i - c->held_end_i >= hold_limit(r)) held_resolve(r, ch, 0);

    if (ch == HIP__RE_CH_TRANS && r->sel == HIP__RE_CH_ROT && !(r->rot_peak < HIP__RE_TRANS_WAKE * r->cfg.rot_weak) &&
        !c->pend[0].active && !c->pend[1].active && !c->held_wait) {
        c->dormant = 1;
        return;
    }
    if (c->dormant) { /* waking: the zig-zag restarts here, the first extreme is a home */
        c->dormant = 0;
        c->dir = 0;
        c->cand_serial = c->next_serial + 1;
        c->lo_v = c->hi_v = s;
        c->lo_i = c->hi_i = i;
        return;
    }

    float delta = c->delta;
    if (c->dir == 0) {
        if (i == r->seg_start) {
            c->lo_v = c->hi_v = s;
            c->lo_i = c->hi_i = i;
            return;
        }
        if (s > c->hi_v) { c->hi_v = s; c->hi_i = i; }
        if (s < c->lo_v) { c->lo_v = s; c->lo_i = i; }
        if (s - c->lo_v >= delta) {
            c->dir = 1;
            c->run_v = s;
            c->run_i = i;
            c->run_s = mmin_get(r, sw, mmin);
            ext_confirm(r, ch, c->lo_v, c->lo_i, -1, -1.0f);
        } else if (c->hi_v - s >= delta) {
            c->dir = -1;
            c->run_v = s;
            c->run_i = i;
            c->run_s = mmin_get(r, sw, mmin);
            ext_confirm(r, ch, c->hi_v, c->hi_i, 1, -1.0f);
        }
        return;
    }
    /* motion near the running extreme: minimum over +- still_win samples around it */
    if (i - c->run_i <= sw) {
        float m = motion_at(r, i);
        if (m < c->run_s) c->run_s = m;
    }
    if (c->dir > 0) {
        if (s >= c->run_v) {
            c->run_v = s;
            c->run_i = i;
            c->run_s = mmin_get(r, sw, mmin);
        } else if (dip_check(r, ch, s, i, sw, mmin)) {
            /* a partial rep under the hysteresis: both extremes confirmed */
        } else if (c->run_v - s >= delta) {
            float v = c->run_v, ms = c->run_s;
            int64_t vi = c->run_i;
            c->dir = -1;
            c->run_v = s;
            c->run_i = i;
            c->run_s = mmin_get(r, sw, mmin);
            ext_confirm(r, ch, v, vi, 1, ms);
        }
    } else {
        if (s <= c->run_v) {
            c->run_v = s;
            c->run_i = i;
            c->run_s = mmin_get(r, sw, mmin);
        } else if (dip_check(r, ch, s, i, sw, mmin)) {
            /* a partial rep under the hysteresis: both extremes confirmed */
        } else if (s - c->run_v >= delta) {
            float v = c->run_v, ms = c->run_s;
            int64_t vi = c->run_i;
            c->dir = 1;
            c->run_v = s;
            c->run_i = i;
            c->run_s = mmin_get(r, sw, mmin);
            ext_confirm(r, ch, v, vi, -1, ms);
        }
    }
}

/* End the current segment (gap or end of stream): pending reps end at the last sample. */
static void chan_end_segment(hip__re_reps *r, int ch, int settle)
{
    hip__re_chan *c = &r->ch[ch];
    if (r->n <= r->seg_start) return;
    if (settle && c->dir != 0) {
        /* end of stream: a running extreme counts if the signal has come back by flush_frac x delta */
        float s = ring_at(c, r->n - 1);
        float delta = chan_delta(r, c, ch);
        if ((float)c->dir * (c->run_v - s) >= r->cfg.flush_frac * delta)
            ext_confirm(r, ch, c->run_v, c->run_i, c->dir, c->run_s);
    }
    for (int k = 0; k < 2; k++)
        if (c->pend[k].active) rep_finish(r, ch, &c->pend[k], c->pend[k].best_i);
    held_resolve(r, ch, 0);
    /* a gap leaves no phase: the first extreme of the next segment is a home */
    c->dir = 0;
    c->cand_serial = c->next_serial + 1;
}

/* ------------------------------------------------------------------------------------------ */
/* Front end                                                                                   */
/* ------------------------------------------------------------------------------------------ */

int hip__re_reps_init(hip__re_reps *r, const hip__re_reps_config *cfg)
{
    if (!r || !cfg) return -1;
    memset(r, 0, sizeof *r);
    r->cfg = *cfg;
    r->hz = cfg->engine_hz >= 1 && cfg->engine_hz <= 100 ? cfg->engine_hz : HIP__RE_ENGINE_HZ_ANGLE;
    r->cfg.engine_hz = r->hz;
    r->dt_e = 1.0 / r->hz;
    r->grid_ns = 1000000000LL / r->hz;
    r->nchan = cfg->input == HIP__RE_INPUT_ANGLE ? 1 : 2;
    r->sel = HIP__RE_CH_ROT;
    r->last_emit_end_i = -1;
    /* coefficients of the fixed-rate engine, computed once */
    r->k_act = hip__re_alpha(r->dt_e, r->cfg.act_tau_s);
    r->k_rot_decay = hip__re_exp_neg(r->dt_e / r->cfg.rot_mem_s);
    r->axis_cth = axis_cos(r);
    r->still_w = still_win(r);
    r->fe.k.dt = -1.0;
    for (int i = 0; i < HIP__RE_KCACHE; i++) r->fe.kc[i].dt = -1.0;
    for (int ch = 0; ch < HIP__RE_NCHAN; ch++) {
        r->ch[ch].cand_serial = 1;
        r->ch[ch].delta = chan_floor(r, ch);
    }
    return 0;
}

/* Push the front-end outputs y (at time t) onto the engine grid by linear interpolation. */
static void grid_feed(hip__re_reps *r, int64_t t, const float *y, float m)
{
    if (r->grid_next_ns > t) { /* no engine sample due (input faster than the grid) */
        for (int ch = 0; ch < r->nchan; ch++) r->y_prev[ch] = y[ch];
        r->m_prev = m;
        r->t_prev_ns = r->t_out_ns = t;
        r->have_prev = 1;
        return;
    }
    int sw = r->still_w;
    while (r->grid_next_ns <= t) {
        float v[HIP__RE_NCHAN];
        float mv = m;
        if (!r->have_prev || t == r->t_out_ns) {
            for (int ch = 0; ch < r->nchan; ch++) v[ch] = y[ch];
        } else {
            double f = (double)(r->grid_next_ns - r->t_out_ns) / (double)(t - r->t_out_ns);
            for (int ch = 0; ch < r->nchan; ch++) v[ch] = (float)(r->y_prev[ch] + f * (y[ch] - r->y_prev[ch]));
            mv = (float)(r->m_prev + f * (m - r->m_prev));
        }
        mv = mv * 1000.0f + 0.5f;
        r->mring[r->n & (HIP__RE_MRING - 1)] = (uint16_t)(mv < 0.0f ? 0.0f : mv > 65535.0f ? 65535.0f : mv);
        /* least motion over the still window ending now: the same for both channels, computed
         * when a channel first needs it */
        float mmin = -1.0f;
        for (int ch = 0; ch < r->nchan; ch++) {
            axis_check(r, ch);
            chan_push(r, ch, v[ch], sw, &mmin);
        }
        r->n++;
        arbiter_update(r);
        r->grid_next_ns += r->grid_ns;
    }
    for (int ch = 0; ch < r->nchan; ch++) r->y_prev[ch] = y[ch];
    r->m_prev = m;
    r->t_prev_ns = r->t_out_ns = t;
    r->have_prev = 1;
}

/* Time step handling shared by all inputs. Returns dt (s), 0 for the first sample of a segment,
 * or -1 if the sample must be ignored. */
static double time_step(hip__re_reps *r, int64_t t)
{
    r->t_emit_ns = t;
    if (!r->have_prev) {
        r->anchor_ns = t;
        r->grid_next_ns = t;
        r->seg_start = r->n;
        return 0.0;
    }
    if (t <= r->t_prev_ns) return -1.0;
    double dt = (double)(t - r->t_prev_ns) * 1e-9;
    if (dt > r->cfg.gap_s) {
        for (int ch = 0; ch < r->nchan; ch++) chan_end_segment(r, ch, 0);
        r->have_prev = 0;
        r->anchor_ns = t;
        r->grid_next_ns = t;
        r->seg_start = r->n;
        return 0.0;
    }
    return dt;
}

/* Filter coefficients for a time step dt (> 0). Input timestamps are usually regular or take a few
 * distinct steps (jitter of a millisecond), so they are computed only for a step not among the last
 * 1 + HIP__RE_KCACHE (a cached set is exactly what a fresh computation gives). */
static void coef_update(hip__re_reps *r, double dt)
{
    hip__re_front *fe = &r->fe;
    const hip__re_reps_config *cf = &r->cfg;
    if (dt == fe->k.dt) return;
    for (int i = 0; i < HIP__RE_KCACHE; i++) {
        if (fe->kc[i].dt == dt) {
            hip__re_coefs tmp = fe->k;
            fe->k = fe->kc[i];
            fe->kc[i] = tmp;
            return;
        }
    }
    fe->kc[fe->kc_next] = fe->k;
    fe->kc_next = (fe->kc_next + 1) % HIP__RE_KCACHE;
    hip__re_coefs *k = &fe->k;
    k->dt = dt;
    k->k_lp = hip__re_alpha(dt, 1.0 / (2.0 * HIP__RE_PI * cf->lp_hz));
    if (cf->input == HIP__RE_INPUT_ANGLE) return;
    k->k_cf = (float)hip__re_alpha(dt, cf->cf_tau_s);
    if (cf->input == HIP__RE_INPUT_ACCEL) k->k_acc = (float)hip__re_alpha(dt, cf->acc_lp_tau_s);
    k->k_g = (float)hip__re_alpha(dt, 10.0);
    k->k_pca = (float)hip__re_alpha(dt, cf->pca_tau_s);
    double leak = hip__re_exp_neg(dt / cf->trans_leak_tau_s);
    k->k_leak = (float)leak;
    if (cf->trans_hp_tau_s == cf->trans_leak_tau_s && cf->trans_hp_tau_s > 0.0f) /* the default: one exp */
        k->k_hp = (float)(1.0 - leak);
    else
        k->k_hp = (float)hip__re_alpha(dt, cf->trans_hp_tau_s);
}

/* Two cascaded first-order low-passes; on the first sample of a segment they start settled. */
static float smooth(hip__re_reps *r, int ch, double x, double dt)
{
    double *lp = r->fe.lp[ch];
    if (dt <= 0.0) {
        lp[0] = lp[1] = x;
    } else {
        double k = r->fe.k.k_lp;
        lp[0] += k * (x - lp[0]);
        lp[1] += k * (lp[0] - lp[1]);
    }
    return (float)lp[1];
}

/* Weight of an accelerometer-only sample in the gravity low-pass: its gain, lowered by the
 * sample's |a| deviation from g (HIP__RE_ACC_DEV), since only an unaccelerated sensor measures
 * gravity's direction. */
HIP__RE_INLINE float accel_only_gain(const hip__re_front *fe, float na)
{
    float e = (na - fe->g_mag) * (1.0f / HIP__RE_ACC_DEV);
    return fe->k.k_acc / (1.0f + e * e);
}

/* One front-end step at time t over dt seconds (0: first sample of a segment) with the mean
 * acceleration a and angular rate g of the block. */
static void front_step(hip__re_reps *r, int64_t t, const float *a, const float *g, int has_gyro, double dt)
{
    if (dt > 0.0) coef_update(r, dt);
    hip__re_front *fe = &r->fe;
    const hip__re_reps_config *cf = &r->cfg;
    const float G0 = (float)HIP__RE_G0, gate = cf->cf_gate, dtf = (float)dt;
    float av[3] = {a[0], a[1], a[2]};
    float na = sqrtf(av[0] * av[0] + av[1] * av[1] + av[2] * av[2]);
    const float u_prev[3] = {fe->u[0], fe->u[1], fe->u[2]}; /* for the accelerometer-only motion */

    if (!fe->started) {
        /* first sample of the stream: gravity = measured acceleration */
        float n0 = na > 1e-6f ? na : 1.0f;
        for (int j = 0; j < 3; j++) {
            fe->u[j] = na > 1e-6f ? av[j] / n0 : (float)(j == 2);
            fe->prot.mu[j] = fe->u[j];
            fe->prot.e[j] = (float)(j == 0);
            fe->ptr.e[j] = (float)(j == 0);
        }
        fe->g_mag = na > 1e-6f ? na : G0;
        fe->a_var = 4.0f * HIP__RE_ACC_CALM * HIP__RE_ACC_CALM; /* not known to be calm yet */
        fe->started = 1;
        fe->pca_next_ns = t;
    } else if (dt > 0.0) {
#if HIP__RE_VEC
        /* the scalar code below, lane by lane (lane 3 stays 0) */
        const hip__re_v4f avv = {av[0], av[1], av[2], 0.0f};
        hip__re_v4f u = v4_load(fe->u);
        if (has_gyro) {
            /* gravity in the sensor frame rotates opposite to the body: du/dt = u x w */
            const hip__re_v4f wv = {g[0], g[1], g[2], 0.0f};
            const hip__re_v4f c = (hip__re_v4f){u[1], u[2], u[0], 0.0f} * (hip__re_v4f){wv[2], wv[0], wv[1], 0.0f} -
                                  (hip__re_v4f){u[2], u[0], u[1], 0.0f} * (hip__re_v4f){wv[1], wv[2], wv[0], 0.0f};
            u += c * v4_splat(dtf);
            if (na > 1e-6f && fabsf(na - G0) < gate) {
                float k = fe->k.k_cf, ina = 1.0f / na;
                u += v4_splat(k) * (avv * v4_splat(ina) - u);
            }
        } else {
            /* accelerometer only: gravity direction from low-passed acceleration */
            float k = accel_only_gain(fe, na), ina = 1.0f / (na > 1e-6f ? na : 1.0f);
            u += v4_splat(k) * (avv * v4_splat(ina) - u);
        }
        float nu = sqrtf(v4_dot3(u, u));
        if (nu > 1e-9f) u *= v4_splat(1.0f / nu);
        v4_store(fe->u, u);
#else
        if (has_gyro) {
            /* gravity in the sensor frame rotates opposite to the body: du/dt = u x w */
            float w0 = g[0], w1 = g[1], w2 = g[2];
            float c0 = fe->u[1] * w2 - fe->u[2] * w1;
            float c1 = fe->u[2] * w0 - fe->u[0] * w2;
            float c2 = fe->u[0] * w1 - fe->u[1] * w0;
            fe->u[0] += c0 * dtf;
            fe->u[1] += c1 * dtf;
            fe->u[2] += c2 * dtf;
            if (na > 1e-6f && fabsf(na - G0) < gate) {
                float k = fe->k.k_cf, ina = 1.0f / na;
                for (int j = 0; j < 3; j++) fe->u[j] += k * (av[j] * ina - fe->u[j]);
            }
        } else {
            /* accelerometer only: gravity direction from low-passed acceleration */
            float k = accel_only_gain(fe, na), ina = 1.0f / (na > 1e-6f ? na : 1.0f);
            for (int j = 0; j < 3; j++) fe->u[j] += k * (av[j] * ina - fe->u[j]);
        }
        float nu = sqrtf(fe->u[0] * fe->u[0] + fe->u[1] * fe->u[1] + fe->u[2] * fe->u[2]);
        if (nu > 1e-9f) {
            float inu = 1.0f / nu;
            for (int j = 0; j < 3; j++) fe->u[j] *= inu;
        }
#endif
        /* gravity magnitude: slow average of |a| while quasi-static */
        if (fabsf(na - G0) < gate) fe->g_mag += fe->k.k_g * (na - fe->g_mag);
        if (has_gyro) {
            float dv = na - fe->g_mag;
            fe->a_var += fe->k.k_cf * (dv * dv - fe->a_var);
        }
    }
    /* weight of the perpendicular linear acceleration: var / (var + calm^2), i.e. 1/2 at a
     * deviation of HIP__RE_ACC_CALM, 0.1 at the rest noise of a good sensor (0.1 m/s^2) */
    float wperp = 1.0f;
    if (has_gyro) wperp = fe->a_var / (fe->a_var + HIP__RE_ACC_CALM * HIP__RE_ACC_CALM);

    /* rotation channel: tilt along the principal plane of the gravity direction's motion */
    float kp = dt > 0.0 ? fe->k.k_pca : 0.0f;
    int iter = t >= fe->pca_next_ns;
    if (iter) {
        fe->pca_next_ns = t + HIP__RE_PCA_ITER_NS;
        r->ch[HIP__RE_CH_ROT].axis_dirty = 1;
    }
    float proj = pca_step(&fe->prot, fe->u, kp, iter);
    if (proj > 1.0f) proj = 1.0f;
    if (proj < -1.0f) proj = -1.0f;
    double s_rot = hip__re_asin(proj) * HIP__RE_RAD2DEG;

    /* translation channel: linear acceleration -> band-limited displacement -> principal axis */
#if HIP__RE_VEC
    /* the scalar code below, lane by lane (lane 3 stays 0) */
    {
        const hip__re_v4f avv = {av[0], av[1], av[2], 0.0f};
        const hip__re_v4f lin = avv - v4_splat(fe->g_mag) * v4_load(fe->u);
        if (dt <= 0.0) {
            v4_store(fe->alp, lin);
            v4_store(fe->vel, v4_splat(0.0f));
            v4_store(fe->pos, v4_splat(0.0f));
        } else {
            const hip__re_v4f dtv = v4_splat(dtf), leak = v4_splat(fe->k.k_leak);
            hip__re_v4f alp = v4_load(fe->alp);
            alp += v4_splat(fe->k.k_hp) * (lin - alp);
            hip__re_v4f ah = lin - alp;
            if (wperp < 1.0f) {
                const hip__re_v4f uu = v4_load(fe->u), rad = v4_splat(v4_dot3(ah, uu)) * uu;
                ah = rad + v4_splat(wperp) * (ah - rad);
            }
            const hip__re_v4f vel = (v4_load(fe->vel) + ah * dtv) * leak;
            const hip__re_v4f pos = (v4_load(fe->pos) + vel * dtv) * leak;
            v4_store(fe->alp, alp);
            v4_store(fe->vel, vel);
            v4_store(fe->pos, pos);
        }
    }
#else
    float lin[3];
    for (int j = 0; j < 3; j++) lin[j] = av[j] - fe->g_mag * fe->u[j];
    if (dt <= 0.0) {
        for (int j = 0; j < 3; j++) {
            fe->alp[j] = lin[j];
            fe->vel[j] = fe->pos[j] = 0.0f;
        }
    } else {
        float kh = fe->k.k_hp;
        float leak = fe->k.k_leak;
        float ah[3];
        for (int j = 0; j < 3; j++) {
            fe->alp[j] += kh * (lin[j] - fe->alp[j]);
            ah[j] = lin[j] - fe->alp[j];
        }
        if (wperp < 1.0f) {
            float ar = ah[0] * fe->u[0] + ah[1] * fe->u[1] + ah[2] * fe->u[2];
            for (int j = 0; j < 3; j++) ah[j] = ar * fe->u[j] + wperp * (ah[j] - ar * fe->u[j]);
        }
        for (int j = 0; j < 3; j++) {
            fe->vel[j] = (fe->vel[j] + ah[j] * dtf) * leak;
            fe->pos[j] = (fe->pos[j] + fe->vel[j] * dtf) * leak;
        }
    }
#endif
    int iter_tr = iter && (fe->n_iter++ % HIP__RE_TR_ITER_EVERY) == 0u;
    if (iter_tr) r->ch[HIP__RE_CH_TRANS].axis_dirty = 1; /* its axis moves only now */
    double s_tr = (double)pca_step(&fe->ptr, fe->pos, kp, iter_tr) * 100.0;

    float y[HIP__RE_NCHAN];
    y[HIP__RE_CH_ROT] = smooth(r, HIP__RE_CH_ROT, s_rot, dt);
    y[HIP__RE_CH_TRANS] = smooth(r, HIP__RE_CH_TRANS, s_tr, dt);

    /* motion measure for the stillness of extremes: |gyro| (rad/s), or without a gyro the
     * angular speed of the gravity direction; same two-stage smoothing as the signals */
    float mraw = 0.0f;
    if (has_gyro) {
        mraw = sqrtf(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
    } else if (dt > 0.0) {
        float q0 = fe->u[0] - u_prev[0], q1 = fe->u[1] - u_prev[1], q2 = fe->u[2] - u_prev[2];
        mraw = (float)(sqrt((double)(q0 * q0 + q1 * q1 + q2 * q2)) / dt);
    }
    if (dt <= 0.0) {
        fe->mlp[0] = fe->mlp[1] = mraw;
    } else {
        float k = (float)fe->k.k_lp;
        fe->mlp[0] += k * (mraw - fe->mlp[0]);
        fe->mlp[1] += k * (fe->mlp[0] - fe->mlp[1]);
    }
    grid_feed(r, t, y, fe->mlp[1]);
}

/* Process the raw samples of the current block (if any) as one front-end step at time t. */
static void block_flush(hip__re_reps *r, int64_t t, int has_gyro)
{
    hip__re_front *fe = &r->fe;
    if (fe->blk_n == 0) return;
    float a[3], g[3], inv = 1.0f / (float)fe->blk_n;
    for (int j = 0; j < 3; j++) {
        a[j] = fe->blk_a[j] * inv;
        g[j] = fe->blk_g[j] * inv;
        fe->blk_a[j] = fe->blk_g[j] = 0.0f;
    }
    fe->blk_n = 0;
    front_step(r, t, a, g, has_gyro, (double)(t - r->t_out_ns) * 1e-9);
}

HIP__RE_INLINE void front_motion(hip__re_reps *r, int64_t t, const float *a, const float *g, int has_gyro)
{
    hip__re_front *fe = &r->fe;
    r->t_emit_ns = t;
    if (r->have_prev && t > r->t_prev_ns) {
        double dt = (double)(t - r->t_prev_ns) * 1e-9;
        if (!(dt > r->cfg.gap_s)) {
            if (fe->blk_n == 0 && t - r->t_out_ns >= HIP__RE_FE_STEP_NS) { /* input at or below the step rate */
                front_step(r, t, a, g, has_gyro, dt);
                return;
            }
            /* faster input: add the sample to the block; one front-end step per block */
            for (int j = 0; j < 3; j++) {
                fe->blk_a[j] += a[j];
                fe->blk_g[j] += g[j];
            }
            fe->blk_n++;
            r->t_prev_ns = t;
            if (t - r->t_out_ns >= HIP__RE_FE_STEP_NS) block_flush(r, t, has_gyro);
            return;
        }
        /* a gap ends the segment in time_step(): the samples before it are processed first */
        block_flush(r, r->t_prev_ns, has_gyro);
    }
    if (time_step(r, t) < 0.0) return;
    /* first sample of a segment (time_step returned 0): processed at once */
    fe->blk_n = 0;
    for (int j = 0; j < 3; j++) fe->blk_a[j] = fe->blk_g[j] = 0.0f;
    front_step(r, t, a, g, has_gyro, 0.0);
}

void hip__re_reps_push_imu(hip__re_reps *r, int64_t t_ns, float ax, float ay, float az,
                      float gx, float gy, float gz)
{
    const float a[3] = {ax, ay, az}, g[3] = {gx, gy, gz};
    front_motion(r, t_ns, a, g, r->cfg.input == HIP__RE_INPUT_IMU);
}

/* IMU samples from index i that only add to the current decimation block (input faster than the
 * front-end step, no gap, not the block's last sample): the sums are kept in registers over the
 * run. Exactly what front_motion does to them one by one (each lane adds in the same order).
 * Returns the index after the run. */
static size_t accumulate_run(hip__re_reps *r, const int64_t *t_ns, const float *s, size_t i, size_t n)
{
    hip__re_front *fe = &r->fe;
    const int64_t t_out = r->t_out_ns;
    int64_t tp = r->t_prev_ns;
    int32_t bn = fe->blk_n;
#if HIP__RE_VEC
    /* lanes 0-2 of sa are the acceleration sums, lanes 1-3 of sg the gyro sums (the loads are
     * s[0..3] and s[2..5], inside the sample); the other lanes are never read */
    hip__re_v4f sa = {fe->blk_a[0], fe->blk_a[1], fe->blk_a[2], 0.0f};
    hip__re_v4f sg = {0.0f, fe->blk_g[0], fe->blk_g[1], fe->blk_g[2]};
    do {
        sa += v4_load(s + 6 * i);
        sg += v4_load(s + 6 * i + 2);
        tp = t_ns[i];
        bn++;
        i++;
    } while (i < n && t_ns[i] - t_out < HIP__RE_FE_STEP_NS && t_ns[i] > tp);
    for (int j = 0; j < 3; j++) {
        fe->blk_a[j] = sa[j];
        fe->blk_g[j] = sg[j + 1];
    }
#else
    float a0 = fe->blk_a[0], a1 = fe->blk_a[1], a2 = fe->blk_a[2];
    float g0 = fe->blk_g[0], g1 = fe->blk_g[1], g2 = fe->blk_g[2];
    do {
        const float *x = s + 6 * i;
        a0 += x[0];
        a1 += x[1];
        a2 += x[2];
        g0 += x[3];
        g1 += x[4];
        g2 += x[5];
        tp = t_ns[i];
        bn++;
        i++;
    } while (i < n && t_ns[i] - t_out < HIP__RE_FE_STEP_NS && t_ns[i] > tp);
    fe->blk_a[0] = a0, fe->blk_a[1] = a1, fe->blk_a[2] = a2;
    fe->blk_g[0] = g0, fe->blk_g[1] = g1, fe->blk_g[2] = g2;
#endif
    fe->blk_n = bn;
    r->t_prev_ns = r->t_emit_ns = tp;
    return i;
}

size_t hip__re_reps_push_motion_block(hip__re_reps *r, const int64_t *t_ns, const float *samples, size_t n,
                                      int qmax)
{
    static const float zero[3] = {0.0f, 0.0f, 0.0f};
    size_t i = 0;
    /* one loop per input kind, so that front_motion is inlined with has_gyro a constant */
    if (r->cfg.input == HIP__RE_INPUT_IMU) {
        /* a sample less than a front-end step after the last step cannot be after a gap */
        const int no_gap_in_step = (double)r->cfg.gap_s >= (double)HIP__RE_FE_STEP_NS * 1e-9;
        while (i < n && r->qlen <= qmax) {
            if (no_gap_in_step && r->have_prev && t_ns[i] - r->t_out_ns < HIP__RE_FE_STEP_NS && t_ns[i] > r->t_prev_ns) {
                i = accumulate_run(r, t_ns, samples, i, n);
                continue;
            }
            front_motion(r, t_ns[i], samples + 6 * i, samples + 6 * i + 3, 1);
            i++;
        }
    } else if (r->cfg.input == HIP__RE_INPUT_ACCEL) {
        for (; i < n && r->qlen <= qmax; i++) front_motion(r, t_ns[i], samples + 3 * i, zero, 0);
    }
    return i;
}

void hip__re_reps_push_accel(hip__re_reps *r, int64_t t_ns, float ax, float ay, float az)
{
    const float a[3] = {ax, ay, az}, g[3] = {0, 0, 0};
    front_motion(r, t_ns, a, g, 0);
}

void hip__re_reps_push_angle(hip__re_reps *r, int64_t t_ns, float angle_deg)
{
    double dt = time_step(r, t_ns);
    if (dt < 0.0) return;
    if (dt > 0.0) coef_update(r, dt);
    float y[HIP__RE_NCHAN] = {0.0f, 0.0f};
    y[HIP__RE_CH_ROT] = smooth(r, HIP__RE_CH_ROT, angle_deg, dt);
    grid_feed(r, t_ns, y, 0.0f);
}

void hip__re_reps_flush(hip__re_reps *r)
{
    if (r->cfg.input != HIP__RE_INPUT_ANGLE && r->have_prev)
        block_flush(r, r->t_prev_ns, r->cfg.input == HIP__RE_INPUT_IMU);
    for (int ch = 0; ch < r->nchan; ch++) chan_end_segment(r, ch, 1);
}
