/* The public rep detector: validation, sample plumbing, the event queue, workspaces and snapshots
 * around the streaming engine in reps_engine.c (front ends, rep engine, arbiter). */
#include "hiptrack/hip_reps.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "reps_engine.h"

#define HIP__REPS_MAGIC 0x52455053u        /* "REPS": a live detector */
#define HIP__REPS_DEAD 0x44454144u         /* "DEAD": destroyed */
#define HIP__SNAP_MAGIC 0x50414E53u        /* "SNAP" */
#define HIP__SNAP_FORMAT 1u                /* snapshot header layout */
/* Bump when hip__re_reps changes layout or meaning: old snapshots are then refused. */
#define HIP__SNAP_ENGINE_VERSION 8u
#define HIP__ERRMSG 80

struct hip_reps {
    uint32_t magic;
    uint32_t owns_memory;
    hip_reps_input input;
    uint32_t reserved;
    uint64_t samples;                  /* accepted samples, for messages */
    hip_allocator alloc;
    char errmsg[HIP__ERRMSG];
    hip__re_reps engine;
};

typedef struct snapshot_header {
    uint32_t magic;
    uint32_t format;
    uint32_t engine_version;
    uint32_t state_size;
    uint32_t input;
    uint32_t endian;                   /* 0x01020304 as written */
    uint64_t samples;
    uint64_t checksum;                 /* FNV-1a 64 of the header (checksum zeroed) and state */
} snapshot_header;

_Static_assert(sizeof(struct hip_reps) <= HIPTRACK_REPS_STATE_MAX, "detector state must fit in 4 KiB");
_Static_assert(HIPTRACK_REPS_QUEUE == HIP__RE_EVQ_LEN, "public queue size matches the engine's");

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static hip_status seterr(hip_reps *r, hip_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->errmsg, sizeof r->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

static int live(const hip_reps *r) { return r && r->magic == HIP__REPS_MAGIC; }

size_t hip_reps_input_width(hip_reps_input input)
{
    switch (input) {
    case HIP_REPS_INPUT_IMU: return 6;
    case HIP_REPS_INPUT_ACCEL: return 3;
    case HIP_REPS_INPUT_ANGLE: return 1;
    }
    return 0;
}

const char *hip_reps_input_name(hip_reps_input input)
{
    switch (input) {
    case HIP_REPS_INPUT_IMU: return "imu";
    case HIP_REPS_INPUT_ACCEL: return "accel";
    case HIP_REPS_INPUT_ANGLE: return "angle";
    }
    return "unknown";
}

const char *hip_rep_source_name(hip_rep_source source)
{
    return source == HIP_REP_SOURCE_ROTATION ? "rotation"
         : source == HIP_REP_SOURCE_TRANSLATION ? "translation" : "unknown";
}

const char *hip_rep_flag_name(hip_rep_flag flag)
{
    switch (flag) {
    case HIP_REP_PARTIAL: return "partial";
    case HIP_REP_TOO_FAST: return "too_fast";
    case HIP_REP_TOO_SLOW: return "too_slow";
    case HIP_REP_HOLD_SHORT: return "hold_short";
    }
    return "unknown";
}

void hip_reps_config_init(hip_reps_config *c, hip_reps_input input)
{
    if (!c) return;
    memset(c, 0, sizeof *c);
    c->struct_size = sizeof *c;
    c->input = input;
    c->max_gap_s = 1.0;
    c->reference_reps = 3;
    c->partial_ratio = 0.78;
    c->fast_ratio = 0.6;
    c->slow_ratio = 1.8;
    c->hold_tolerance = 0.8;
}

hip_status hip_reps_config_for_exercise(hip_reps_config *c, const hip_exercise *ex)
{
    if (!c || !ex) return HIP_ERR_INVALID;
    c->use_profile = 1;
    c->profile = ex->motion;
    if (c->target_hold_s <= 0 && ex->dose.hold_s_min > 0 && ex->motion.count == HIP_COUNT_REPS)
        c->target_hold_s = ex->dose.hold_s_min;
    return HIP_OK;
}

size_t hip_reps_state_size(void) { return sizeof(struct hip_reps); }

size_t hip_reps_snapshot_size(void) { return sizeof(snapshot_header) + sizeof(hip__re_reps); }

/* Checks a config; the message names the field. */
static hip_status check_config(const hip_reps_config *c, char *msg, size_t cap)
{
#define BAD(...) (snprintf(msg, cap, __VA_ARGS__), HIP_ERR_INVALID)
    if (c->struct_size < sizeof(hip_reps_config)) return BAD("struct_size: call hip_reps_config_init");
    if (hip_reps_input_width(c->input) == 0) return BAD("input: unknown kind %d", (int)c->input);
    if (!hip__alloc_valid(&c->allocator)) return BAD("allocator: set both alloc and free, or neither");
    if (!(c->max_gap_s >= 0.2 && c->max_gap_s <= 10)) return BAD("max_gap_s: expected 0.2..10");
    if (c->reference_reps < 1 || c->reference_reps > 5) return BAD("reference_reps: expected 1..5");
    if (!(c->partial_ratio > 0 && c->partial_ratio <= 1)) return BAD("partial_ratio: expected (0, 1]");
    if (!(c->fast_ratio > 0 && c->fast_ratio <= 1)) return BAD("fast_ratio: expected (0, 1]");
    if (!(c->slow_ratio >= 1 && c->slow_ratio <= 10)) return BAD("slow_ratio: expected 1..10");
    if (!(c->hold_tolerance > 0 && c->hold_tolerance <= 1)) return BAD("hold_tolerance: expected (0, 1]");
    if (!(c->target_excursion_deg >= 0 && c->target_excursion_deg <= 360))
        return BAD("target_excursion_deg: expected 0..360");
    if (!(c->target_hold_s >= 0 && c->target_hold_s <= 600)) return BAD("target_hold_s: expected 0..600");
    if (c->use_profile) {
        const hip_motion_profile *p = &c->profile;
        if (!(p->rep_s_min >= 0 && p->rep_s_max >= p->rep_s_min && p->rep_s_max <= 600))
            return BAD("profile.rep_s: expected 0 <= min <= max <= 600");
        if (!(p->excursion_deg_min >= 0 && p->excursion_deg_max >= p->excursion_deg_min &&
              p->excursion_deg_max <= 360))
            return BAD("profile.excursion_deg: expected 0 <= min <= max <= 360");
        if (!(p->travel_cm_min >= 0 && p->travel_cm_max >= p->travel_cm_min && p->travel_cm_max <= 200))
            return BAD("profile.travel_cm: expected 0 <= min <= max <= 200");
        if (!(p->hold_s_min >= 0 && p->hold_s_max >= p->hold_s_min && p->hold_s_max <= 600))
            return BAD("profile.hold_s: expected 0 <= min <= max <= 600");
    }
    return HIP_OK;
#undef BAD
}

/* Moving away from the start position is eccentric when the body lowers itself first (squat,
 * lunge, hinge): hip or trunk flexion that moves the body down or pitches the trunk. */
static int out_is_concentric(const hip_motion_profile *p)
{
    int lowering = (p->motion == HIP_MOTION_HIP_FLEXION &&
                    (p->travel_cm_max > 0 || p->segment == HIP_SEGMENT_TRUNK || p->segment == HIP_SEGMENT_PELVIS)) ||
                   p->motion == HIP_MOTION_TRUNK_FLEXION;
    return !lowering;
}

static void engine_config(const hip_reps_config *c, hip__re_reps_config *e)
{
    static const hip__re_input_mode modes[] = {HIP__RE_INPUT_IMU, HIP__RE_INPUT_ACCEL, HIP__RE_INPUT_ANGLE};
    hip__re_reps_config_default(e, modes[c->input]);
    if (c->use_profile) {
        const hip_motion_profile *p = &c->profile;
        hip__re_profile prof;
        memset(&prof, 0, sizeof prof);
        prof.excursion_deg = (float)((p->excursion_deg_min + p->excursion_deg_max) / 2);
        prof.travel_cm = (float)((p->travel_cm_min + p->travel_cm_max) / 2);
        prof.rep_min_s = (float)p->rep_s_min;
        prof.rep_max_s = (float)(p->rep_s_max + p->hold_s_max);
        prof.hold_s = (float)(c->target_hold_s > 0 ? c->target_hold_s : p->hold_s_min);
        prof.out_is_concentric = out_is_concentric(p);
        hip__re_reps_config_apply_profile(e, &prof);
    } else if (c->target_hold_s > 0) {
        e->profile.hold_s = (float)c->target_hold_s;
    }
    e->prescribed_excursion_deg = (float)c->target_excursion_deg;
    e->gap_s = (float)c->max_gap_s;
    e->ref_reps = (int)c->reference_reps;
    e->partial_frac = (float)c->partial_ratio;
    e->fast_frac = (float)c->fast_ratio;
    e->slow_frac = (float)c->slow_ratio;
    e->hold_tol = (float)c->hold_tolerance;
}

static void init_state(hip_reps *r, const hip_reps_config *c)
{
    hip__re_reps_config e;
    engine_config(c, &e);
    hip__re_reps_init(&r->engine, &e);
    r->samples = 0;
    r->errmsg[0] = '\0';
}

static hip_status setup(const hip_reps_config *c, void *mem, int owns, hip_reps **out)
{
    hip_reps *r = mem;
    memset(r, 0, sizeof *r);
    r->magic = HIP__REPS_MAGIC;
    r->owns_memory = (uint32_t)owns;
    r->input = c->input;
    r->alloc = c->allocator;
    init_state(r, c);
    *out = r;
    return HIP_OK;
}

hip_status hip_reps_config_check(const hip_reps_config *config, char *message_out, size_t message_cap)
{
    char msg[HIP__ERRMSG];
    if (message_out && message_cap) message_out[0] = '\0';
    if (!config) {
        if (message_out && message_cap) snprintf(message_out, message_cap, "config is NULL");
        return HIP_ERR_INVALID;
    }
    hip_status st = check_config(config, msg, sizeof msg);
    if (st != HIP_OK && message_out && message_cap) snprintf(message_out, message_cap, "%s", msg);
    return st;
}

hip_reps_input hip_reps_input_of(const hip_reps *r) { return live(r) ? r->input : HIP_REPS_INPUT_IMU; }

hip_status hip_reps_create(const hip_reps_config *config, hip_reps **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    if (!config) return HIP_ERR_INVALID;
    char msg[HIP__ERRMSG];
    if (check_config(config, msg, sizeof msg) != HIP_OK) return HIP_ERR_INVALID;
    void *mem = hip__alloc(&config->allocator, sizeof(struct hip_reps));
    if (!mem) return HIP_ERR_NOMEM;
    return setup(config, mem, 1, out);
}

hip_status hip_reps_create_in(const hip_reps_config *config, void *workspace, size_t size,
                              hip_reps **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    char msg[HIP__ERRMSG];
    if (!config || !workspace || size < sizeof(struct hip_reps) || ((uintptr_t)workspace % 8) != 0 ||
        check_config(config, msg, sizeof msg) != HIP_OK)
        return HIP_ERR_INVALID;
    return setup(config, workspace, 0, out);
}

void hip_reps_destroy(hip_reps *r)
{
    if (!live(r)) return;
    r->magic = HIP__REPS_DEAD;
    if (r->owns_memory) {
        hip_allocator a = r->alloc;
        hip__free(&a, r);
    }
}

hip_status hip_reps_reset(hip_reps *r)
{
    if (!live(r)) return HIP_ERR_INVALID;
    /* The engine keeps its own configuration; start it again from that. */
    hip__re_reps_config cfg = r->engine.cfg;
    hip__re_reps_init(&r->engine, &cfg);
    r->samples = 0;
    r->errmsg[0] = '\0';
    return HIP_OK;
}

const char *hip_reps_last_error(const hip_reps *r) { return live(r) ? r->errmsg : ""; }

static const char *const column_names[3][6] = {
    {"ax", "ay", "az", "gx", "gy", "gz"}, {"ax", "ay", "az", "", "", ""}, {"angle", "", "", "", "", ""}};

/* Number of leading samples of a block that check_sample accepts for their values and timestamps
 * (the same tests, in one tight loop; the queue is the engine loop's business). IMU and
 * accelerometer-only input. */
static size_t valid_prefix(const hip_reps *r, const int64_t *t_ns, const float *s, size_t count)
{
    int64_t prev = r->engine.t_prev_ns;
    int have = r->engine.have_prev;
    size_t i = 0;
    if (r->input == HIP_REPS_INPUT_IMU) {
#if (defined(__GNUC__) || defined(__clang__)) && !defined(HIP__RE_SCALAR)
        /* the same tests on two 4-float loads per sample, s[0..3] and s[2..5] (inside the sample):
         * |v| as the bits without the sign, and NaN fails <= as in the scalar test */
        typedef float v4f __attribute__((vector_size(16)));
        typedef int32_t v4i __attribute__((vector_size(16)));
        const v4f lim_lo = {1000.0f, 1000.0f, 1000.0f, 100.0f}, lim_hi = {1000.0f, 100.0f, 100.0f, 100.0f};
        const v4i abs_mask = {0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff};
        for (; i < count; i++, s += 6) {
            v4i lo, hi;
            memcpy(&lo, s, sizeof lo);
            memcpy(&hi, s + 2, sizeof hi);
            v4f alo, ahi;
            lo &= abs_mask;
            hi &= abs_mask;
            memcpy(&alo, &lo, sizeof alo);
            memcpy(&ahi, &hi, sizeof ahi);
            v4i ok = (alo <= lim_lo) & (ahi <= lim_hi);
            if (!(ok[0] & ok[1] & ok[2] & ok[3]) || (have && t_ns[i] <= prev)) break;
            prev = t_ns[i];
            have = 1;
        }
#else
        for (; i < count; i++, s += 6) {
            /* !(|v| <= limit) is also true for NaN and infinity */
            int bad = !(fabsf(s[0]) <= 1000.0f) | !(fabsf(s[1]) <= 1000.0f) | !(fabsf(s[2]) <= 1000.0f) |
                      !(fabsf(s[3]) <= 100.0f) | !(fabsf(s[4]) <= 100.0f) | !(fabsf(s[5]) <= 100.0f) |
                      (have && t_ns[i] <= prev);
            if (bad) break;
            prev = t_ns[i];
            have = 1;
        }
#endif
    } else {
        for (; i < count; i++, s += 3) {
            int bad = !(fabsf(s[0]) <= 1000.0f) | !(fabsf(s[1]) <= 1000.0f) | !(fabsf(s[2]) <= 1000.0f) |
                      (have && t_ns[i] <= prev);
            if (bad) break;
            prev = t_ns[i];
            have = 1;
        }
    }
    return i;
}

/* NaN, infinity and physically implausible values are refused before they reach the filters. */
static hip_status check_sample(hip_reps *r, int64_t t_ns, const float *s)
{
    size_t w = hip_reps_input_width(r->input);
    /* fast path: the block validation's tests; a refusal (or angle input) takes the general test
     * below, which names the value (a timestamp refusal finds no bad value and is named after it) */
    int bad = r->input == HIP_REPS_INPUT_ANGLE || valid_prefix(r, &t_ns, s, 1) == 0;
    for (size_t k = 0; bad && k < w; k++) {
        float v = s[k];
        double limit = r->input == HIP_REPS_INPUT_ANGLE ? 3600.0 : k < 3 ? 1000.0 : 100.0;
        if (isnan(v) || isinf(v) || fabs((double)v) > limit)
            return seterr(r, HIP_ERR_RANGE, "sample %llu: %s is %s (limit +-%g)",
                          (unsigned long long)r->samples, column_names[r->input][k],
                          isnan(v) ? "NaN" : isinf(v) ? "infinite" : "out of range", limit);
    }
    if (r->engine.have_prev && t_ns <= r->engine.t_prev_ns)
        return seterr(r, HIP_ERR_RANGE, "sample %llu: timestamp %lld ns is not after the previous one (%lld ns)",
                      (unsigned long long)r->samples, (long long)t_ns, (long long)r->engine.t_prev_ns);
    if (r->engine.qlen > HIP__RE_EVQ_LEN - HIPTRACK_REPS_PUSH_ROOM)
        return seterr(r, HIP_ERR_BUFSIZE, "event queue holds %d events: call hip_reps_next_event",
                      r->engine.qlen);
    return HIP_OK;
}

static void feed(hip_reps *r, int64_t t_ns, const float *s)
{
    switch (r->input) {
    case HIP_REPS_INPUT_IMU: hip__re_reps_push_imu(&r->engine, t_ns, s[0], s[1], s[2], s[3], s[4], s[5]); break;
    case HIP_REPS_INPUT_ACCEL: hip__re_reps_push_accel(&r->engine, t_ns, s[0], s[1], s[2]); break;
    case HIP_REPS_INPUT_ANGLE: hip__re_reps_push_angle(&r->engine, t_ns, s[0]); break;
    }
    r->samples++;
}

hip_status hip_reps_push(hip_reps *r, int64_t t_ns, const float *sample)
{
    if (!live(r)) return HIP_ERR_INVALID;
    if (!sample) return seterr(r, HIP_ERR_INVALID, "sample is NULL");
    hip_status st = check_sample(r, t_ns, sample);
    if (st != HIP_OK) return st;
    feed(r, t_ns, sample);
    return HIP_OK;
}

static int queue_full(const hip_reps *r) { return r->engine.qlen > HIP__RE_EVQ_LEN - HIPTRACK_REPS_PUSH_ROOM; }

hip_status hip_reps_push_block(hip_reps *r, const int64_t *t_ns, const float *samples, size_t count,
                               size_t *consumed_out)
{
    if (consumed_out) *consumed_out = 0;
    if (!live(r)) return HIP_ERR_INVALID;
    if (!consumed_out || (count && (!t_ns || !samples)))
        return seterr(r, HIP_ERR_INVALID, "t_ns, samples and consumed_out must not be NULL");
    size_t w = hip_reps_input_width(r->input);
    size_t i = 0;
    while (i < count) {
        /* A full queue ends the block early without an error (drain, then push the rest). */
        if (queue_full(r)) return HIP_OK;
        if (r->input != HIP_REPS_INPUT_ANGLE) {
            /* the common case: validate a run of samples, then the engine takes the run in one
             * loop (stopping when the queue fills) */
            /* at most 256 at a time: a queue that fills ends the call, and the caller pushes
             * the rest again */
            size_t run = count - i < 256 ? count - i : 256;
            size_t ok = valid_prefix(r, t_ns + i, samples + i * w, run);
            size_t done = hip__re_reps_push_motion_block(&r->engine, t_ns + i, samples + i * w, ok,
                                                         HIP__RE_EVQ_LEN - HIPTRACK_REPS_PUSH_ROOM);
            r->samples += done;
            i += done;
            *consumed_out = i;
            if (done < ok || i == count || queue_full(r)) return HIP_OK;
            if (ok == run) continue;
        }
        /* angle input, or the sample valid_prefix stopped at: check_sample says what is wrong */
        hip_status st = check_sample(r, t_ns[i], samples + i * w);
        if (st != HIP_OK) return st;
        feed(r, t_ns[i], samples + i * w);
        *consumed_out = ++i;
    }
    return HIP_OK;
}

hip_status hip_reps_finish(hip_reps *r)
{
    if (!live(r)) return HIP_ERR_INVALID;
    if (r->engine.qlen > HIP__RE_EVQ_LEN - HIPTRACK_REPS_PUSH_ROOM)
        return seterr(r, HIP_ERR_BUFSIZE, "event queue holds %d events: call hip_reps_next_event",
                      r->engine.qlen);
    hip__re_reps_flush(&r->engine);
    /* The stream ends here: a later push starts a new segment. */
    r->engine.have_prev = 0;
    return HIP_OK;
}

hip_status hip_reps_next_event(hip_reps *r, hip_rep_event *out)
{
    if (!live(r) || !out) return HIP_ERR_INVALID;
    hip__re_rep_event e;
    if (!hip__re_reps_pop_event(&r->engine, &e)) return HIP_DONE;
    memset(out, 0, sizeof *out);
    out->index = e.index;
    out->flags = e.flags;
    out->source = e.channel == HIP__RE_CH_TRANS ? HIP_REP_SOURCE_TRANSLATION : HIP_REP_SOURCE_ROTATION;
    out->start_ns = e.t_start_ns;
    out->peak_ns = e.t_peak_ns;
    out->end_ns = e.t_end_ns;
    out->emitted_ns = e.t_emit_ns;
    out->excursion_deg = e.excursion_deg;
    out->travel_cm = e.travel_cm;
    out->concentric_s = e.concentric_s;
    out->eccentric_s = e.eccentric_s;
    out->hold_s = e.hold_s;
    out->peak_speed_dps = e.peak_speed_dps;
    out->smoothness = e.ldlj;
    return HIP_OK;
}

size_t hip_reps_pending_events(const hip_reps *r) { return live(r) ? (size_t)r->engine.qlen : 0; }

static uint64_t fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint64_t snapshot_checksum(const snapshot_header *h, const void *state)
{
    snapshot_header tmp = *h;
    tmp.checksum = 0;
    return fnv1a(fnv1a(0xcbf29ce484222325ull, &tmp, sizeof tmp), state, sizeof(hip__re_reps));
}

hip_status hip_reps_snapshot(const hip_reps *r, void *buf, size_t cap, size_t *len_out)
{
    if (!live(r) || !len_out || (!buf && cap)) return HIP_ERR_INVALID;
    *len_out = hip_reps_snapshot_size();
    if (!buf) return HIP_OK;
    if (cap < *len_out) return HIP_ERR_BUFSIZE;
    snapshot_header h;
    memset(&h, 0, sizeof h);
    h.magic = HIP__SNAP_MAGIC;
    h.format = HIP__SNAP_FORMAT;
    h.engine_version = HIP__SNAP_ENGINE_VERSION;
    h.state_size = (uint32_t)sizeof(hip__re_reps);
    h.input = (uint32_t)r->input;
    h.endian = 0x01020304u;
    h.samples = r->samples;
    h.checksum = snapshot_checksum(&h, &r->engine);
    memcpy(buf, &h, sizeof h);
    memcpy((char *)buf + sizeof h, &r->engine, sizeof r->engine);
    return HIP_OK;
}

/* A snapshot with a valid checksum can still be forged or come from a bug: every field that is
 * used as an index or a count is range-checked before the state is adopted. */
static int state_valid(const hip__re_reps *s, hip_reps_input input)
{
    if (s->nchan != (input == HIP_REPS_INPUT_ANGLE ? 1 : 2)) return 0;
    if (s->sel < 0 || s->sel >= HIP__RE_NCHAN || s->qhead < 0 || s->qhead >= HIP__RE_EVQ_LEN ||
        s->qlen < 0 || s->qlen > HIP__RE_EVQ_LEN)
        return 0;
    if ((int)s->cfg.input != (int)input || s->cfg.ref_reps < 1 || s->cfg.ref_reps > 5) return 0;
    /* the engine grid (a zero step would never advance) and the decimation block */
    if (s->hz < 1 || s->hz > 100 || s->hz != s->cfg.engine_hz || s->grid_ns != 1000000000LL / s->hz ||
        s->dt_e != 1.0 / s->hz || s->still_w < 0 || s->still_w >= HIP__RE_MRING || s->fe.blk_n < 0 ||
        s->fe.kc_next < 0 || s->fe.kc_next >= HIP__RE_KCACHE)
        return 0;
    for (int ch = 0; ch < HIP__RE_NCHAN; ch++) {
        const hip__re_chan *c = &s->ch[ch];
        if (c->nswing < 0 || c->nswing > 4 || c->nref < 0 || c->nref > 4 || c->dir < -1 || c->dir > 1)
            return 0;
    }
    return 1;
}

hip_status hip_reps_restore(hip_reps *r, const void *buf, size_t len)
{
    if (!live(r)) return HIP_ERR_INVALID;
    if (!buf) return seterr(r, HIP_ERR_INVALID, "snapshot is NULL");
    snapshot_header h;
    if (len < sizeof h) return seterr(r, HIP_ERR_CORRUPT, "snapshot: %zu bytes is too short", len);
    memcpy(&h, buf, sizeof h);
    if (h.magic != HIP__SNAP_MAGIC) return seterr(r, HIP_ERR_CORRUPT, "snapshot: not a hiptrack detector snapshot");
    if (h.endian != 0x01020304u || h.format != HIP__SNAP_FORMAT || h.engine_version != HIP__SNAP_ENGINE_VERSION ||
        h.state_size != sizeof(hip__re_reps))
        return seterr(r, HIP_ERR_VERSION, "snapshot: made by another build (format %u, engine %u, %u bytes)",
                      (unsigned)h.format, (unsigned)h.engine_version, (unsigned)h.state_size);
    if (len != sizeof h + sizeof(hip__re_reps))
        return seterr(r, HIP_ERR_CORRUPT, "snapshot: %zu bytes, expected %zu", len, hip_reps_snapshot_size());
    /* Copy first: buf may be unaligned for the state struct. */
    hip__re_reps state;
    memcpy(&state, (const char *)buf + sizeof h, sizeof state);
    if (snapshot_checksum(&h, &state) != h.checksum)
        return seterr(r, HIP_ERR_CORRUPT, "snapshot: checksum mismatch");
    if (h.input != (uint32_t)r->input)
        return seterr(r, HIP_ERR_INVALID, "snapshot: of an '%s' detector, this one takes '%s'",
                      hip_reps_input_name((hip_reps_input)h.input), hip_reps_input_name(r->input));
    if (!state_valid(&state, r->input))
        return seterr(r, HIP_ERR_CORRUPT, "snapshot: state fails its consistency checks");
    r->engine = state;
    r->samples = h.samples;
    r->errmsg[0] = '\0';
    return HIP_OK;
}
