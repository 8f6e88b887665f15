/* The motion simulator (hip_sim.h).
 *
 * hip_sim_create plans the whole session once (every rep, pause, rest and fidget with its random
 * draws, in one allocation-time pass); hip_sim_read then computes each sample from the plan and a
 * counter-based hash of (seed, sample index) alone. Nothing depends on how far or in which chunks
 * the stream has been read, so chunking is invisible and rewind only resets a cursor.
 *
 * Frames: world x forward, y left, z up (m, s). A body segment is a rigid lever from a pivot (the
 * joint it turns about) to the sensor. At time t the sensor sits at
 *     p(t) = pivot + d(t) + Rot(axis, a(t)) r0        and is oriented  R(t) = Rot(axis, a(t)) R0,
 * where r0 and R0 come from the posture (sim_body.c), a(t) = gain * primary angle, and d(t) is the
 * pivot's vertical travel. The accelerometer reads R^T (p'' + g z) (specific force: +9.81 m/s^2 along
 * "up" at rest) and the gyroscope R^T axis a'(t), both from analytic derivatives of smooth phases. */
/* The same floats on every compiler and CPU: no fused multiply-add contraction (clang contracts
 * by default; CMake also passes -ffp-contract=off, but SwiftPM and Xcode builds do not). */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#include "hiptrack/hip_sim.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "alloc.h"
#include "catalog_internal.h"
#include "error.h"
#include "sim_internal.h"

#define SIM_G 9.80665
#define SIM_TAIL_S 2.0                      /* still time after the last rep */
#define SIM_MAX_STREAM_S (48.0 * 3600.0)    /* keeps sample indices and ns times far from limits */
#define SIM_MAX_FIDGETS_PER_REST 100
#define SIM_GOLDEN 0x9E3779B97F4A7C15ull

typedef enum sim_move_kind {
    SIM_MOVE_REP,      /* rise, hold, return (minimum-jerk phases) */
    SIM_MOVE_CYCLE,    /* one raised-cosine period (a pedal revolution) */
    SIM_MOVE_STEP,     /* a gait step: half a sine of the swing, a raised-cosine bounce */
    SIM_MOVE_FIDGET    /* a small out-and-back turn about a random axis with a small shift */
} sim_move_kind;

typedef struct sim_move {
    double t0, up_s, hold_s, down_s;   /* CYCLE/STEP: up_s is the period */
    double angle_rad;                  /* peak primary angle; signed for alternating steps */
    double travel_m;                   /* peak vertical travel of the exercise */
    double wobble_rad, wobble_hz, wobble_phase;   /* tremor while holding */
    double axis[3], shift_m[3];        /* fidgets only (world) */
    sim_move_kind kind;
} sim_move;

struct hip_sim {
    hip_allocator alloc;
    uint64_t noise_key;
    double rate_hz, jitter, accel_sd, gyro_sd;
    double duration_s;
    size_t n_samples, cursor;
    hip__sim_rig rig;
    sim_move *moves;   /* reps and fidgets in time order, never overlapping */
    size_t n_moves;
    hip_sim_rep *reps;
    size_t n_reps;
};

/* ---- Deterministic randomness ---- */

/* splitmix64's output function: a strong 64-bit mixer, also usable as a counter-based hash. */
static uint64_t sim_mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double hip__sim_uniform(hip__sim_rng *r)
{
    r->state += SIM_GOLDEN;
    return (double)(sim_mix(r->state) >> 11) * (1.0 / 9007199254740992.0);
}

static double sim_between(hip__sim_rng *r, double lo, double hi)
{
    return lo + (hi - lo) * hip__sim_uniform(r);
}

static double sim_gauss(hip__sim_rng *r)
{
    double u1 = 1.0 - hip__sim_uniform(r);   /* (0, 1]: log is finite */
    double u2 = hip__sim_uniform(r);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * HIP__SIM_PI * u2);
}

static double sim_clamp(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

/* A relative variation 1 + sd * N(0,1), kept within [lo, hi] so no draw makes a rep absurd. */
static double sim_vary(hip__sim_rng *r, double sd, double lo, double hi)
{
    return sim_clamp(1.0 + sd * sim_gauss(r), lo, hi);
}

void hip__sim_unit_vector(hip__sim_rng *r, double out[3])
{
    double z = 2.0 * hip__sim_uniform(r) - 1.0, phi = 2.0 * HIP__SIM_PI * hip__sim_uniform(r);
    double s = sqrt(1.0 - z * z);
    out[0] = s * cos(phi);
    out[1] = s * sin(phi);
    out[2] = z;
}

/* Per-sample draws: the sample index is the counter, so any sample can be made on its own. */
static double sim_hash_uniform(uint64_t key, uint64_t k, uint64_t channel)
{
    return (double)(sim_mix(key + (k * 8u + channel + 1u) * SIM_GOLDEN) >> 11) *
           (1.0 / 9007199254740992.0);
}

/* ---- Configuration ---- */

void hip_sim_config_init(hip_sim_config *config)
{
    if (!config) return;
    memset(config, 0, sizeof *config);
    config->struct_size = sizeof *config;
    hip_exercise_init(&config->exercise);
    config->placement_from_exercise = 1;
    config->placement = HIP_SEGMENT_THIGH;
    config->sets = 1;
    config->reps_per_set = 10;
    config->rate_hz = 50.0;
    config->rate_jitter = 0.02;   /* phones deliver samples a few % of a period early or late */
    config->lead_in_s = 2.0;
    config->rest_s = 20.0;
    config->tempo_variation = 0.1;
    config->excursion_variation = 0.05;
    config->pause_probability = 0.1;
    config->fidget = 0.3;
    config->accel_noise = 0.05;
    config->gyro_noise = 0.01;
    config->accel_bias = 0.05;
    config->gyro_bias = 0.005;
    config->random_mounting = 1;
}

typedef struct sim_field {
    const char *name;
    size_t offset;
    double lo, hi;
    const char *range;   /* the bounds as text: messages carry no floating-point formatting */
} sim_field;

static const sim_field sim_fields[] = {
    {"rate_hz", offsetof(hip_sim_config, rate_hz), 10.0, 200.0, "10..200"},
    {"rate_jitter", offsetof(hip_sim_config, rate_jitter), 0.0, 0.5, "0..0.5"},
    {"lead_in_s", offsetof(hip_sim_config, lead_in_s), 0.0, 600.0, "0..600"},
    {"rest_s", offsetof(hip_sim_config, rest_s), 0.0, 3600.0, "0..3600"},
    {"tempo_variation", offsetof(hip_sim_config, tempo_variation), 0.0, 0.5, "0..0.5"},
    {"excursion_variation", offsetof(hip_sim_config, excursion_variation), 0.0, 0.5, "0..0.5"},
    {"pause_probability", offsetof(hip_sim_config, pause_probability), 0.0, 1.0, "0..1"},
    {"partial_fraction", offsetof(hip_sim_config, partial_fraction), 0.0, 1.0, "0..1"},
    {"fast_fraction", offsetof(hip_sim_config, fast_fraction), 0.0, 1.0, "0..1"},
    {"fidget", offsetof(hip_sim_config, fidget), 0.0, 1.0, "0..1"},
    {"accel_noise", offsetof(hip_sim_config, accel_noise), 0.0, 10.0, "0..10"},
    {"gyro_noise", offsetof(hip_sim_config, gyro_noise), 0.0, 5.0, "0..5"},
    {"accel_bias", offsetof(hip_sim_config, accel_bias), 0.0, 5.0, "0..5"},
    {"gyro_bias", offsetof(hip_sim_config, gyro_bias), 0.0, 1.0, "0..1"},
};

static hip_status sim_check_numbers(const hip_sim_config *c, hip__error *e)
{
    if (c->sets < 1 || c->sets > 20)
        return hip__seterr(e, HIP_ERR_RANGE, "sets: expected 1..20");
    if (c->reps_per_set < 1 || c->reps_per_set > 200)
        return hip__seterr(e, HIP_ERR_RANGE, "reps_per_set: expected 1..200");
    for (size_t i = 0; i < sizeof sim_fields / sizeof sim_fields[0]; i++) {
        const sim_field *f = &sim_fields[i];
        double v;
        memcpy(&v, (const char *)c + f->offset, sizeof v);
        if (!(v >= f->lo && v <= f->hi))   /* also catches NaN */
            return hip__seterr(e, HIP_ERR_RANGE, "%s: expected %s", f->name, f->range);
    }
    if (c->partial_fraction + c->fast_fraction > 1.0)
        return hip__seterr(e, HIP_ERR_RANGE, "partial_fraction + fast_fraction: expected at most 1");
    return HIP_OK;
}

static hip_status sim_check_config(const hip_sim_config *c, hip__error *e)
{
    if (c->struct_size < sizeof(hip_sim_config))
        return hip__seterr(e, HIP_ERR_INVALID,
                           "struct_size: expected sizeof(hip_sim_config) (use hip_sim_config_init)");
    if (!hip__alloc_valid(&c->allocator))
        return hip__seterr(e, HIP_ERR_INVALID, "allocator: expected both functions or neither");
    if (c->placement_from_exercise != 0 && c->placement_from_exercise != 1)
        return hip__seterr(e, HIP_ERR_INVALID, "placement_from_exercise: expected 0 or 1");
    if (!c->placement_from_exercise && (unsigned)c->placement > (unsigned)HIP_SEGMENT_FOREARM)
        return hip__seterr(e, HIP_ERR_INVALID, "placement: unknown segment %d", (int)c->placement);
    if (c->random_mounting != 0 && c->random_mounting != 1)
        return hip__seterr(e, HIP_ERR_INVALID, "random_mounting: expected 0 or 1");
    hip_status st = sim_check_numbers(c, e);
    if (st != HIP_OK) return st;
    /* The simulator needs only the dose and motion profile: an exercise without an id or name
     * (hip_sim_config_init's generic one) is fine, everything else is checked as the catalog does. */
    hip_exercise ex = c->exercise;
    if (!ex.id[0]) memcpy(ex.id, "generic", sizeof "generic");
    if (!ex.name[0]) memcpy(ex.name, "generic", sizeof "generic");
    if ((st = hip__exercise_validate(&ex, "exercise", e)) != HIP_OK) return st;
    if (ex.motion.count == HIP_COUNT_HOLDS && ex.dose.hold_s_max <= 0 && ex.motion.hold_s_max <= 0)
        return hip__seterr(e, HIP_ERR_INVALID,
                           "exercise.dose.hold_s: a static hold needs hold_s_max > 0");
    return HIP_OK;
}

/* ---- The dose the plan draws from ---- */

typedef struct sim_dose {
    hip_count_kind count;
    double exc_lo, exc_hi;         /* deg */
    double travel_lo, travel_hi;   /* m */
    double rep_lo, rep_hi;         /* s of movement per rep (holds excluded) */
    double hold_lo, hold_hi;       /* s */
    double fidget_rad, fidget_m;   /* largest fidget: well below a rep */
    int alternate;                 /* gait: the swing alternates sides step by step */
} sim_dose;

static sim_dose sim_dose_of(const hip_exercise *ex, const hip__sim_row *row)
{
    const hip_motion_profile *m = &ex->motion;
    const hip_dose *d = &ex->dose;
    sim_dose s;
    memset(&s, 0, sizeof s);
    s.count = m->count;
    s.exc_lo = m->excursion_deg_min;
    s.exc_hi = m->excursion_deg_max;
    if (s.exc_hi <= 0) s.exc_lo = s.exc_hi = row->default_excursion_deg;
    s.travel_lo = m->travel_cm_min / 100.0;
    s.travel_hi = m->travel_cm_max / 100.0;
    if (s.travel_hi <= 0) {   /* e.g. sit-to-stand: the catalog gives the angle, not the rise */
        s.travel_lo = 0.9 * row->default_travel_cm / 100.0;
        s.travel_hi = 1.1 * row->default_travel_cm / 100.0;
    }
    if (m->count == HIP_COUNT_HOLDS || m->rep_s_max <= 0) {
        s.rep_lo = 2.5;   /* moving into and out of a static hold, unhurried */
        s.rep_hi = 5.0;
    } else {
        s.rep_lo = m->rep_s_min > 0.3 ? m->rep_s_min : 0.3;
        s.rep_hi = m->rep_s_max > s.rep_lo ? m->rep_s_max : s.rep_lo;
    }
    if (m->count == HIP_COUNT_CYCLES) {
        s.hold_lo = s.hold_hi = 0;
    } else if (d->hold_s_max > 0) {
        s.hold_lo = d->hold_s_min;
        s.hold_hi = d->hold_s_max;
    } else if (m->count == HIP_COUNT_HOLDS) {
        s.hold_lo = m->hold_s_min;
        s.hold_hi = m->hold_s_max;
    } else {   /* the profile's optional hold range starts at 0; only its minimum is prescribed */
        s.hold_lo = s.hold_hi = m->hold_s_min;
    }
    /* Fidgets stay under a fifth of the smallest rep, so no detector should take one for a rep
     * (CLINICAL.md §4.2: a rep leaves a start zone of 20 % of the excursion). */
    s.fidget_rad = (s.exc_lo > 0 ? fmin(5.0, 0.2 * s.exc_lo) : 5.0) * HIP__SIM_DEG;
    s.fidget_m = s.travel_lo > 0 ? fmin(0.03, 0.2 * s.travel_lo) : 0.02;
    s.alternate = m->motion == HIP_MOTION_GAIT;
    return s;
}

static size_t sim_fidgets_per_rest(const hip_sim_config *c)
{
    double n = floor(c->rest_s * c->fidget / 4.0 + 0.5);   /* one every ~4 s at fidget 1 */
    return n > SIM_MAX_FIDGETS_PER_REST ? SIM_MAX_FIDGETS_PER_REST : (size_t)n;
}

/* An upper bound of the stream's length, checked before anything is allocated. */
static double sim_longest_stream_s(const hip_sim_config *c, const sim_dose *d)
{
    double per_rep = d->rep_hi * 1.6 + d->hold_hi * 1.2 + 0.6 + 4.0;
    return c->lead_in_s + SIM_TAIL_S + (double)c->sets * (double)c->reps_per_set * per_rep +
           (double)(c->sets - 1) * c->rest_s;
}

/* ---- Planning ---- */

static int64_t sim_ns(double t_s) { return (int64_t)floor(t_s * 1e9 + 0.5); }

static double sim_move_length(const sim_move *m)
{
    return m->kind == SIM_MOVE_CYCLE || m->kind == SIM_MOVE_STEP ? m->up_s
                                                                  : m->up_s + m->hold_s + m->down_s;
}

/* Fidgets in the rest [t, t + rest): one per equal slot, so they never overlap. */
static void sim_plan_rest(hip_sim *s, const hip_sim_config *c, const sim_dose *d, hip__sim_rng *r,
                          double t)
{
    size_t n = sim_fidgets_per_rest(c);
    if (n == 0) return;
    double slot = c->rest_s / (double)n;
    for (size_t i = 0; i < n; i++) {
        sim_move *m = &s->moves[s->n_moves++];
        memset(m, 0, sizeof *m);
        m->kind = SIM_MOVE_FIDGET;
        double len = sim_between(r, 0.8, 2.5);
        if (len > 0.8 * slot) len = 0.8 * slot;
        m->t0 = t + (double)i * slot + sim_between(r, 0.0, slot - len);
        m->up_s = m->down_s = len / 2.0;
        m->angle_rad = sim_between(r, 0.3, 1.0) * d->fidget_rad;
        hip__sim_unit_vector(r, m->axis);
        hip__sim_unit_vector(r, m->shift_m);
        double shift = sim_between(r, 0.3, 1.0) * d->fidget_m;
        for (int k = 0; k < 3; k++) m->shift_m[k] *= shift;
    }
}

typedef struct sim_set {
    double rep_s, excursion_deg, travel_m, hold_s;   /* this set's tempo, depth and hold */
    size_t need_partial, need_fast, left;            /* exact shares over the whole stream */
} sim_set;

/* Sequential sampling without replacement: over the stream exactly need_partial and need_fast
 * reps get those kinds, spread at random. */
static hip_sim_rep_kind sim_pick_kind(hip__sim_rng *r, sim_set *k)
{
    double x = hip__sim_uniform(r) * (double)k->left;
    k->left--;
    if (x < (double)k->need_partial) {
        k->need_partial--;
        return HIP_SIM_REP_PARTIAL;
    }
    if (x < (double)(k->need_partial + k->need_fast)) {
        k->need_fast--;
        return HIP_SIM_REP_FAST;
    }
    return HIP_SIM_REP_NORMAL;
}

/* Plans one rep starting at t; returns its end. */
static double sim_plan_rep(hip_sim *s, const hip_sim_config *c, const sim_dose *d,
                           hip__sim_rng *r, sim_set *set, uint32_t set_no, double t)
{
    hip_sim_rep_kind kind = sim_pick_kind(r, set);
    double depth = sim_vary(r, c->excursion_variation, 0.6, 1.4);
    if (kind == HIP_SIM_REP_PARTIAL) depth *= sim_between(r, 0.4, 0.6);
    double tempo = sim_vary(r, c->tempo_variation, 0.5, 1.6);
    double hold = set->hold_s * sim_vary(r, 0.05, 0.8, 1.2);
    if (kind == HIP_SIM_REP_FAST) {
        double f = sim_between(r, 0.35, 0.55);
        tempo *= f;
        hold *= f;
    }
    double len = set->rep_s * tempo;
    size_t index = s->n_reps;
    sim_move *m = &s->moves[s->n_moves++];
    memset(m, 0, sizeof *m);
    m->t0 = t;
    m->angle_rad = set->excursion_deg * depth * HIP__SIM_DEG;
    m->travel_m = set->travel_m * depth;
    if (d->count == HIP_COUNT_CYCLES) {
        m->kind = d->alternate ? SIM_MOVE_STEP : SIM_MOVE_CYCLE;
        m->up_s = len;
        if (d->alternate && index % 2 == 1) m->angle_rad = -m->angle_rad;
    } else {
        m->kind = SIM_MOVE_REP;
        m->up_s = len * sim_between(r, 0.42, 0.5);   /* lowering is a little slower */
        m->down_s = len - m->up_s;
        m->hold_s = hold;
        if (hold >= 0.5) {   /* holding still is never perfectly still */
            m->wobble_rad = (0.4 + 0.01 * set->excursion_deg) * HIP__SIM_DEG *
                            sim_between(r, 0.5, 1.0);
            m->wobble_hz = sim_between(r, 0.4, 1.2);
            m->wobble_phase = sim_between(r, 0.0, 2.0 * HIP__SIM_PI);
        }
    }
    hip_sim_rep *rep = &s->reps[s->n_reps++];
    double end = t + sim_move_length(m);
    rep->set = set_no;
    rep->index = (uint32_t)index;
    rep->start_ns = sim_ns(t);
    rep->peak_ns = sim_ns(m->kind == SIM_MOVE_REP ? t + m->up_s : t + len / 2.0);
    rep->end_ns = sim_ns(end);
    rep->excursion_deg = fabs(m->angle_rad) / HIP__SIM_DEG;
    rep->travel_cm = fabs(s->rig.travel_gain) * m->travel_m * 100.0;
    rep->hold_s = m->hold_s;
    rep->kind = kind;
    return end;
}

static void sim_plan(hip_sim *s, const hip_sim_config *c, const sim_dose *d, hip__sim_rng *r)
{
    size_t total = (size_t)c->sets * c->reps_per_set;
    sim_set set;
    memset(&set, 0, sizeof set);
    set.left = total;
    set.need_partial = (size_t)floor(c->partial_fraction * (double)total + 0.5);
    set.need_fast = (size_t)floor(c->fast_fraction * (double)total + 0.5);
    if (set.need_partial > total) set.need_partial = total;
    if (set.need_fast > total - set.need_partial) set.need_fast = total - set.need_partial;
    double t = c->lead_in_s;
    for (uint32_t k = 0; k < c->sets; k++) {
        if (k > 0) {
            sim_plan_rest(s, c, d, r, t);
            t += c->rest_s;
        }
        /* A person keeps roughly one tempo, depth and hold within a set. */
        set.rep_s = sim_between(r, d->rep_lo, d->rep_hi);
        set.excursion_deg = sim_between(r, d->exc_lo, d->exc_hi);
        set.travel_m = sim_between(r, d->travel_lo, d->travel_hi);
        set.hold_s = sim_between(r, d->hold_lo, d->hold_hi);
        for (uint32_t i = 0; i < c->reps_per_set; i++) {
            t = sim_plan_rep(s, c, d, r, &set, k, t);
            if (d->count == HIP_COUNT_CYCLES || i + 1 == c->reps_per_set) continue;
            t += sim_between(r, 0.1, 0.6);   /* cycles run back to back; reps have short gaps */
            if (hip__sim_uniform(r) < c->pause_probability) t += sim_between(r, 1.0, 4.0);
        }
    }
    s->duration_s = t + SIM_TAIL_S;
    s->n_samples = (size_t)floor(s->duration_s * c->rate_hz) + 1;
}

/* ---- Creation ---- */

static hip_status sim_fail(hip__error *e, hip_status st, char *message_out, size_t message_cap)
{
    if (message_out && message_cap > 0) {
        size_t n = strlen(e->message);
        if (n >= message_cap) n = message_cap - 1;
        memcpy(message_out, e->message, n);
        message_out[n] = '\0';
    }
    return st;
}

hip_status hip_sim_create(const hip_sim_config *config, hip_sim **out, char *message_out,
                          size_t message_cap)
{
    hip__error e;
    hip__clearerr(&e);
    if (out) *out = NULL;
    if (!config || !out)
        return sim_fail(&e, hip__seterr(&e, HIP_ERR_INVALID, "%s: must not be NULL",
                                        config ? "out" : "config"), message_out, message_cap);
    hip_status st = sim_check_config(config, &e);
    if (st != HIP_OK) return sim_fail(&e, st, message_out, message_cap);
    const hip_exercise *ex = &config->exercise;
    const hip__sim_row *row = hip__sim_row_for(ex);
    sim_dose dose = sim_dose_of(ex, row);
    if (sim_longest_stream_s(config, &dose) > SIM_MAX_STREAM_S)
        return sim_fail(&e, hip__seterr(&e, HIP_ERR_RANGE,
                                        "sets * reps_per_set: the stream could last more than 48 h"),
                        message_out, message_cap);

    size_t n_reps = (size_t)config->sets * config->reps_per_set;
    size_t n_moves = n_reps + sim_fidgets_per_rest(config) * (config->sets - 1);
    const hip_allocator *a = &config->allocator;
    hip_sim *s = hip__calloc(a, 1, sizeof *s);
    if (s) {
        s->alloc = *a;
        s->moves = hip__calloc(a, n_moves, sizeof *s->moves);
        s->reps = hip__calloc(a, n_reps, sizeof *s->reps);
    }
    if (!s || !s->moves || !s->reps) {
        hip_sim_destroy(s);
        return sim_fail(&e, hip__seterr(&e, HIP_ERR_NOMEM, "out of memory"), message_out,
                        message_cap);
    }
    /* Separate streams for the plan and for per-sample noise, both from the one seed. */
    hip__sim_rng rng = {config->seed ^ 0x6A09E667F3BCC909ull};
    s->noise_key = sim_mix(config->seed ^ 0xBB67AE8584CAA73Bull);
    s->rate_hz = config->rate_hz;
    s->jitter = config->rate_jitter;
    s->accel_sd = config->accel_noise;
    s->gyro_sd = config->gyro_noise;
    hip_segment seg = config->placement_from_exercise ? ex->motion.segment : config->placement;
    hip__sim_rig_build(ex, row, seg, config->random_mounting, &rng, &s->rig);
    double bias[3];
    hip__sim_unit_vector(&rng, bias);
    for (int k = 0; k < 3; k++) s->rig.accel_bias[k] = config->accel_bias * bias[k];
    hip__sim_unit_vector(&rng, bias);
    for (int k = 0; k < 3; k++) s->rig.gyro_bias[k] = config->gyro_bias * bias[k];
    sim_plan(s, config, &dose, &rng);
    *out = s;
    return sim_fail(&e, HIP_OK, message_out, message_cap);
}

void hip_sim_destroy(hip_sim *sim)
{
    if (!sim) return;
    hip_allocator a = sim->alloc;
    hip__free(&a, sim->moves);
    hip__free(&a, sim->reps);
    hip__free(&a, sim);
}

size_t hip_sim_sample_count(const hip_sim *sim) { return sim ? sim->n_samples : 0; }
double hip_sim_duration_s(const hip_sim *sim) { return sim ? sim->duration_s : 0.0; }
size_t hip_sim_rep_count(const hip_sim *sim) { return sim ? sim->n_reps : 0; }

hip_status hip_sim_rep_at(const hip_sim *sim, size_t index, hip_sim_rep *out)
{
    if (!sim || !out) return HIP_ERR_INVALID;
    if (index >= sim->n_reps) return HIP_ERR_RANGE;
    *out = sim->reps[index];
    return HIP_OK;
}

const char *hip_sim_rep_kind_name(hip_sim_rep_kind kind)
{
    switch (kind) {
    case HIP_SIM_REP_NORMAL: return "normal";
    case HIP_SIM_REP_PARTIAL: return "partial";
    case HIP_SIM_REP_FAST: return "fast";
    case HIP_SIM_REP_SLOW: return "slow";
    }
    return "unknown";
}

/* ---- Kinematics ---- */

/* Minimum-jerk rise from 0 to 1 over len: value, rate, acceleration; zero speed and acceleration
 * at both ends, so phases join without jumps in the accelerometer. */
static void sim_minjerk(double tau, double len, double out[3])
{
    double u = sim_clamp(tau / len, 0.0, 1.0), v = 1.0 - u;
    out[0] = u * u * u * (10.0 - 15.0 * u + 6.0 * u * u);
    out[1] = 30.0 * u * u * v * v / len;
    out[2] = 60.0 * u * v * (1.0 - 2.0 * u) / (len * len);
}

/* Raised cosine 0 -> 1 -> 0 over one period: a pedal revolution or a step's bounce. */
static void sim_raised_cosine(double tau, double len, double out[3])
{
    double w = 2.0 * HIP__SIM_PI / len, ph = w * tau;
    out[0] = 0.5 * (1.0 - cos(ph));
    out[1] = 0.5 * w * sin(ph);
    out[2] = 0.5 * w * w * cos(ph);
}

/* Half a sine over one step: the swing of one leg, continuing smoothly into the other's. */
static void sim_half_sine(double tau, double len, double out[3])
{
    double w = HIP__SIM_PI / len, ph = w * tau;
    out[0] = sin(ph);
    out[1] = w * cos(ph);
    out[2] = -w * w * sin(ph);
}

/* Tremor during a hold, faded in and out (sin^2 window) so it starts and ends smoothly. */
static void sim_wobble(const sim_move *m, double tau, double out[3])
{
    double wh = 2.0 * HIP__SIM_PI / m->hold_s, wq = 2.0 * HIP__SIM_PI * m->wobble_hz;
    double w0 = 0.5 * (1.0 - cos(wh * tau)), w1 = 0.5 * wh * sin(wh * tau);
    double w2 = 0.5 * wh * wh * cos(wh * tau);
    double q0 = sin(wq * tau + m->wobble_phase), q1 = wq * cos(wq * tau + m->wobble_phase);
    double q2 = -wq * wq * q0;
    out[0] = m->wobble_rad * w0 * q0;
    out[1] = m->wobble_rad * (w1 * q0 + w0 * q1);
    out[2] = m->wobble_rad * (w2 * q0 + 2.0 * w1 * q1 + w0 * q2);
}

/* A rep's normalized profile (0 at rest, 1 at the peak) at tau seconds into it: the angle (rot)
 * and the travel (trav) follow the same phases. */
static void sim_rep_shape(const sim_move *m, double tau, double rot[3], double trav[3])
{
    if (tau < m->up_s) {
        sim_minjerk(tau, m->up_s, trav);
    } else if (tau < m->up_s + m->hold_s) {
        trav[0] = 1.0;
        trav[1] = trav[2] = 0.0;
    } else {
        sim_minjerk(tau - m->up_s - m->hold_s, m->down_s, trav);
        trav[0] = 1.0 - trav[0];
        trav[1] = -trav[1];
        trav[2] = -trav[2];
    }
    memcpy(rot, trav, 3 * sizeof *rot);
}

typedef struct sim_motion {
    double axis[3];              /* world */
    double ang[3];               /* rotation about axis: rad, rad/s, rad/s^2 */
    double lin_acc[3];           /* pivot acceleration, world, m/s^2 */
} sim_motion;

/* The move active at t (binary search over start times), or NULL while still. */
static const sim_move *sim_find_move(const hip_sim *s, double t)
{
    size_t lo = 0, hi = s->n_moves;
    while (lo < hi) {   /* first move starting after t */
        size_t mid = lo + (hi - lo) / 2;
        if (s->moves[mid].t0 <= t) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return NULL;
    const sim_move *m = &s->moves[lo - 1];
    return t < m->t0 + sim_move_length(m) ? m : NULL;
}

static void sim_motion_at(const hip_sim *s, double t, sim_motion *out)
{
    memset(out, 0, sizeof *out);
    memcpy(out->axis, s->rig.axis, sizeof out->axis);
    const sim_move *m = sim_find_move(s, t);
    if (!m) return;
    double tau = t - m->t0, rot[3], trav[3];
    if (m->kind == SIM_MOVE_FIDGET) {
        sim_minjerk(tau < m->up_s ? tau : m->up_s + m->down_s - tau,
                    tau < m->up_s ? m->up_s : m->down_s, rot);
        if (tau >= m->up_s) rot[1] = -rot[1];   /* the return runs the rise backwards */
        memcpy(out->axis, m->axis, sizeof out->axis);
        for (int k = 0; k < 3; k++) {
            out->ang[k] = m->angle_rad * rot[k];
            out->lin_acc[k] = m->shift_m[k] * rot[2];
        }
        return;
    }
    if (m->kind == SIM_MOVE_REP) {
        sim_rep_shape(m, tau, rot, trav);
    } else {
        sim_raised_cosine(tau, m->up_s, trav);
        if (m->kind == SIM_MOVE_STEP) sim_half_sine(tau, m->up_s, rot);
        else memcpy(rot, trav, sizeof rot);
    }
    double wob[3] = {0.0, 0.0, 0.0};
    if (m->wobble_rad > 0 && tau >= m->up_s && tau < m->up_s + m->hold_s)
        sim_wobble(m, tau - m->up_s, wob);
    for (int k = 0; k < 3; k++) out->ang[k] = s->rig.gain * (m->angle_rad * rot[k] + wob[k]);
    out->lin_acc[2] = s->rig.travel_gain * m->travel_m * trav[2];
}

/* Specific force and angular rate in the sensor frame at time t, without noise or bias. */
static void sim_ideal(const hip_sim *s, double t, double f_out[3], double w_out[3])
{
    sim_motion m;
    sim_motion_at(s, t, &m);
    double r[3], ar[3], aar[3], f[3], fb[3];
    hip__sim_rotate(m.axis, m.ang[0], s->rig.r0, r);
    hip__sim_cross(m.axis, r, ar);
    hip__sim_cross(m.axis, ar, aar);
    for (int k = 0; k < 3; k++)   /* tangential + centripetal + pivot acceleration */
        f[k] = m.lin_acc[k] + m.ang[2] * ar[k] + m.ang[1] * m.ang[1] * aar[k];
    f[2] += SIM_G;
    hip__sim_rotate(m.axis, -m.ang[0], f, fb);
    hip__sim_mat_t_vec(s->rig.R0, fb, f_out);
    hip__sim_mat_t_vec(s->rig.R0, m.axis, w_out);
    for (int k = 0; k < 3; k++) w_out[k] *= m.ang[1];
}

static void sim_sample(const hip_sim *s, size_t k, int64_t *t_ns, float out[6])
{
    uint64_t key = s->noise_key, kk = (uint64_t)k;
    /* t_k = (k + jitter * u_k) / rate: strictly increasing because jitter <= 0.5. */
    double tn = floor(((double)k + s->jitter * sim_hash_uniform(key, kk, 0)) * (1e9 / s->rate_hz) + 0.5);
    *t_ns = (int64_t)tn;
    double f[3], w[3], v[6];
    sim_ideal(s, tn * 1e-9, f, w);
    for (int i = 0; i < 3; i++) {
        v[i] = f[i] + s->rig.accel_bias[i];
        v[3 + i] = w[i] + s->rig.gyro_bias[i];
    }
    if (s->accel_sd > 0 || s->gyro_sd > 0) {
        for (int p = 0; p < 3; p++) {   /* Box-Muller: two normal deviates per pair of draws */
            double u1 = 1.0 - sim_hash_uniform(key, kk, (uint64_t)(1 + 2 * p));
            double u2 = sim_hash_uniform(key, kk, (uint64_t)(2 + 2 * p));
            double rad = sqrt(-2.0 * log(u1)), ph = 2.0 * HIP__SIM_PI * u2;
            v[2 * p] += (2 * p < 3 ? s->accel_sd : s->gyro_sd) * rad * cos(ph);
            v[2 * p + 1] += (2 * p + 1 < 3 ? s->accel_sd : s->gyro_sd) * rad * sin(ph);
        }
    }
    for (int i = 0; i < 6; i++) out[i] = (float)v[i];
}

hip_status hip_sim_read(hip_sim *sim, int64_t *t_ns_out, float *samples_out, size_t max,
                        size_t *n_out)
{
    if (n_out) *n_out = 0;
    if (!sim || !n_out || (max > 0 && (!t_ns_out || !samples_out))) return HIP_ERR_INVALID;
    if (sim->cursor >= sim->n_samples) return HIP_DONE;
    size_t n = sim->n_samples - sim->cursor;
    if (n > max) n = max;
    for (size_t i = 0; i < n; i++)
        sim_sample(sim, sim->cursor + i, &t_ns_out[i], &samples_out[i * HIPTRACK_SIM_COLUMNS]);
    sim->cursor += n;
    *n_out = n;
    return HIP_OK;
}

hip_status hip_sim_rewind(hip_sim *sim)
{
    if (!sim) return HIP_ERR_INVALID;
    sim->cursor = 0;
    return HIP_OK;
}
