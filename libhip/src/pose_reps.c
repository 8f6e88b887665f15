/* The pose rep counter: per frame angles -> the signal angle -> gap fill -> running median -> the
 * rep engine (ANGLE input); engine events leave with a summary of the rep's other angles. */
#include "pose_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

#define DEG (180.0 / 3.14159265358979323846)
#define MEDIAN_MAX 9
/* 2-D front view: the standing pelvis height sinks by this many leg lengths per second towards
 * where the pelvis is (a stance that settles lower, a spike that set it too high, fade out);
 * 0.02/s is 1 cm/s for a 0.9 m leg, a few percent of a squat's drop over one rep. The pose-dev
 * projections count the same from 0.01 to 0.08. */
#define FRONT_STAND_DECAY 0.02

/* What the per-rep summary needs of one frame. */
typedef struct hist_frame {
    int64_t t_ns;
    float sag, lat, obl, valgus, side[2];
    uint32_t valid;   /* hip_pose_measured bits; SIDES split: 16 left, 32 right */
} hist_frame;

#define H_SIDE_L 16u
#define H_SIDE_R 32u

static void drain(hip_pose_reps *p);

struct hip_pose_reps {
    hip_allocator alloc;
    hip__error err;
    hip_pose_reps_config cfg;
    hip_reps *engine;
    size_t joints;
    /* last frame */
    int have_frame;
    int64_t last_t;
    hip_pose_angles last_angles;
    double last_signal;
    int last_signal_valid;
    /* gap fill: the last valid signal and the frames missing since */
    int have_valid, overflow;
    int64_t valid_t;
    double valid_v;
    size_t n_missing;
    int64_t missing_t[HIPTRACK_POSE_FILL_MAX];
    /* running median over the segment's last samples; pending = not yet fed */
    int64_t med_t[MEDIAN_MAX];
    double med_v[MEDIAN_MAX];
    size_t med_len, med_pending;
    /* 2-D front view: each thigh's longest apparent length (per hip width), last 3 ratios */
    double fs_ref[2], fs_hist[2][3];
    size_t fs_n[2];
    /* 2-D front view, limb flexion: each leg's longest apparent length (hip to ankle) and the
     * standing pelvis height (both from medians of 3 frames), the frame time of the latter */
    double leg_ref[2], leg_hist[2][3], stand_ref, stand_hist[3];
    size_t leg_n[2], stand_n;
    int64_t stand_t;
    /* 2-D AUTO view: a slow average of the hip width / trunk ratio, with hysteresis */
    double view_ratio;
    hip_pose_view view;
    /* summary history ring */
    hist_frame *hist;
    size_t hist_head, hist_len;
    /* events */
    hip_pose_rep_event queue[HIPTRACK_POSE_QUEUE];
    size_t q_head, q_len;
};

void hip_pose_reps_config_init(hip_pose_reps_config *c, hip_skeleton skeleton, uint32_t dims)
{
    if (!c) return;
    memset(c, 0, sizeof *c);
    c->struct_size = sizeof *c;
    hip_pose_angles_config_init(&c->angles, skeleton, dims);
    hip_reps_config_init(&c->reps, HIP_REPS_INPUT_ANGLE);
    c->signal = HIP_POSE_SIGNAL_LIMB_FLEXION;
    c->gap_fill_s = 0.3;
    c->median_window = 5;
    c->history_frames = 4096;
    c->checks = HIP_POSE_FLAG_TRUNK_LEAN | HIP_POSE_FLAG_PELVIC_DROP | HIP_POSE_FLAG_KNEE_VALGUS;
    c->trunk_lean_max_deg = 50;
    c->trunk_lateral_max_deg = 10;
    c->pelvic_change_max_deg = 5;
    c->knee_valgus_max_deg = 10;
    c->asymmetry_min_ratio = 0.8;
}

hip_status hip_pose_reps_config_for_exercise(hip_pose_reps_config *c, const hip_exercise *ex)
{
    if (!c || !ex) return HIP_ERR_INVALID;
    hip_pose_signal sig;
    hip_status st = hip_pose_signal_for_exercise(ex, &sig);
    if (st != HIP_OK) return st;
    hip_pose_need need = hip_pose_need_for_exercise(ex);
    if (need == HIP_POSE_NEED_3D && c->angles.dims == 2) return HIP_ERR_UNSUPPORTED;
    st = hip_reps_config_for_exercise(&c->reps, ex);
    if (st != HIP_OK) return st;
    c->signal = sig;
    c->checks = HIP_POSE_FLAG_TRUNK_LEAN | HIP_POSE_FLAG_PELVIC_DROP | HIP_POSE_FLAG_KNEE_VALGUS;
    if (ex->sidedness == HIP_SIDEDNESS_BILATERAL) c->checks |= HIP_POSE_FLAG_ASYMMETRY;
    return HIP_OK;
}

static void engine_config(const hip_pose_reps_config *c, hip_reps_config *out)
{
    *out = c->reps;
    out->input = HIP_REPS_INPUT_ANGLE;
    out->allocator = c->allocator;
    out->max_gap_s = c->gap_fill_s > 0.2 ? c->gap_fill_s : 0.2;
}

hip_status hip_pose_reps_config_check(const hip_pose_reps_config *c, char *msg, size_t cap)
{
    char inner[160];
#define BAD(...) (msg && cap ? (void)snprintf(msg, cap, __VA_ARGS__) : (void)0, HIP_ERR_INVALID)
    if (msg && cap) msg[0] = '\0';
    if (!c) return BAD("config: NULL");
    if (c->struct_size < sizeof *c) return BAD("struct_size: call hip_pose_reps_config_init");
    if (!hip__alloc_valid(&c->allocator)) return BAD("allocator: set both alloc and free, or neither");
    if (hip_pose_angles_config_check(&c->angles, inner, sizeof inner) != HIP_OK)
        return BAD("angles.%s", inner);
    if (c->reps.struct_size < sizeof c->reps) return BAD("reps.struct_size: call hip_reps_config_init");
    hip_reps_config rc;
    engine_config(c, &rc);
    if (hip_reps_config_check(&rc, inner, sizeof inner) != HIP_OK) return BAD("reps.%s", inner);
    if ((unsigned)c->signal >= HIPTRACK_POSE_SIGNAL_COUNT) return BAD("signal: unknown");
    if (c->signal == HIP_POSE_SIGNAL_HIP_ROTATION && c->angles.dims == 2)
        return BAD("signal: hip_rotation needs 3-D keypoints");
    if (!(c->gap_fill_s >= 0 && c->gap_fill_s <= 1)) return BAD("gap_fill_s: expected 0..1");
    if (c->median_window < 1 || c->median_window > MEDIAN_MAX || c->median_window % 2 == 0)
        return BAD("median_window: expected 1, 3, 5, 7 or 9");
    if (c->history_frames < 64 || c->history_frames > 65536)
        return BAD("history_frames: expected 64..65536");
    if (c->checks & ~15u) return BAD("checks: unknown flag bits");
    if (!(c->trunk_lean_max_deg >= 0 && c->trunk_lean_max_deg <= 180))
        return BAD("trunk_lean_max_deg: expected 0..180");
    if (!(c->trunk_lateral_max_deg >= 0 && c->trunk_lateral_max_deg <= 90))
        return BAD("trunk_lateral_max_deg: expected 0..90");
    if (!(c->pelvic_change_max_deg >= 0 && c->pelvic_change_max_deg <= 90))
        return BAD("pelvic_change_max_deg: expected 0..90");
    if (!(c->knee_valgus_max_deg >= 0 && c->knee_valgus_max_deg <= 90))
        return BAD("knee_valgus_max_deg: expected 0..90");
    if (!(c->asymmetry_min_ratio >= 0 && c->asymmetry_min_ratio <= 1))
        return BAD("asymmetry_min_ratio: expected 0..1");
#undef BAD
    return HIP_OK;
}

static void clear_state(hip_pose_reps *p)
{
    p->have_frame = 0;
    p->last_t = 0;
    memset(&p->last_angles, 0, sizeof p->last_angles);
    p->last_signal = 0;
    p->last_signal_valid = 0;
    p->have_valid = p->overflow = 0;
    p->valid_t = 0;
    p->valid_v = 0;
    p->n_missing = 0;
    p->med_len = p->med_pending = 0;
    memset(p->fs_ref, 0, sizeof p->fs_ref);
    memset(p->fs_n, 0, sizeof p->fs_n);
    memset(p->leg_ref, 0, sizeof p->leg_ref);
    memset(p->leg_n, 0, sizeof p->leg_n);
    p->stand_ref = 0;
    p->stand_n = 0;
    p->stand_t = 0;
    p->view_ratio = 0;
    p->view = HIP_POSE_VIEW_AUTO;
    p->hist_head = p->hist_len = 0;
    p->q_head = p->q_len = 0;
}

hip_status hip_pose_reps_create(const hip_pose_reps_config *config, hip_pose_reps **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    if (!config || hip_pose_reps_config_check(config, NULL, 0) != HIP_OK) return HIP_ERR_INVALID;
    hip_pose_reps *p = hip__calloc(&config->allocator, 1, sizeof *p);
    if (!p) return HIP_ERR_NOMEM;
    p->alloc = config->allocator;
    p->cfg = *config;
    p->joints = hip_pose_skeleton_joint_count(config->angles.skeleton);
    p->hist = hip__calloc(&config->allocator, config->history_frames, sizeof *p->hist);
    hip_reps_config rc;
    engine_config(config, &rc);
    hip_status st = p->hist ? hip_reps_create(&rc, &p->engine) : HIP_ERR_NOMEM;
    if (st != HIP_OK) {
        hip_pose_reps_destroy(p);
        return st;
    }
    clear_state(p);
    *out = p;
    return HIP_OK;
}

void hip_pose_reps_destroy(hip_pose_reps *p)
{
    if (!p) return;
    hip_allocator a = p->alloc;
    hip_reps_destroy(p->engine);
    hip__free(&a, p->hist);
    hip__free(&a, p);
}

hip_status hip_pose_reps_reset(hip_pose_reps *p)
{
    if (!p) return HIP_ERR_INVALID;
    hip_status st = hip_reps_reset(p->engine);
    if (st != HIP_OK) return st;
    clear_state(p);
    hip__clearerr(&p->err);
    return HIP_OK;
}

const char *hip_pose_reps_last_error(const hip_pose_reps *p) { return p ? hip__errmsg(&p->err) : ""; }

size_t hip_pose_reps_joint_count(const hip_pose_reps *p) { return p ? p->joints : 0; }

size_t hip_pose_reps_pending_events(const hip_pose_reps *p) { return p ? p->q_len : 0; }

hip_status hip_pose_reps_next_event(hip_pose_reps *p, hip_pose_rep_event *out)
{
    if (!p || !out) return HIP_ERR_INVALID;
    if (p->q_len == 0) drain(p);   /* events the full queue left in the engine */
    if (p->q_len == 0) return HIP_DONE;
    *out = p->queue[p->q_head];
    p->q_head = (p->q_head + 1) % HIPTRACK_POSE_QUEUE;
    p->q_len--;
    return HIP_OK;
}

hip_status hip_pose_reps_last_angles(const hip_pose_reps *p, hip_pose_angles *out,
                                     double *signal_deg_out, int *signal_valid_out)
{
    if (!p || !out) return HIP_ERR_INVALID;
    if (!p->have_frame) return HIP_ERR_NOT_FOUND;
    *out = p->last_angles;
    if (signal_deg_out) *signal_deg_out = p->last_signal;
    if (signal_valid_out) *signal_valid_out = p->last_signal_valid;
    return HIP_OK;
}

/* ---- per-rep summary ---- */

static void summarise(const hip_pose_reps *p, const hip_rep_event *e, hip_pose_rep_event *out)
{
    memset(out, 0, sizeof *out);
    out->rep = *e;
    double sag = -1e9, lat = 0, obl0 = 0, obl = 0, val = -1e9;
    double lo[2] = {1e9, 1e9}, hi[2] = {-1e9, -1e9};
    int have_obl0 = 0;
    uint32_t seen = 0;
    for (size_t i = 0; i < p->hist_len; i++) {
        size_t k = (p->hist_head + p->cfg.history_frames - p->hist_len + i) % p->cfg.history_frames;
        const hist_frame *h = &p->hist[k];
        if (h->t_ns < e->start_ns || h->t_ns > e->end_ns) continue;
        seen |= h->valid;
        if (h->valid & HIP_POSE_MEASURED_TRUNK_LEAN && h->sag > sag) sag = h->sag;
        if (h->valid & HIP_POSE_MEASURED_TRUNK_LATERAL && fabs(h->lat) > lat) lat = fabs(h->lat);
        if (h->valid & HIP_POSE_MEASURED_PELVIC) {
            if (!have_obl0) obl0 = h->obl, have_obl0 = 1;
            if (fabs(h->obl - obl0) > obl) obl = fabs(h->obl - obl0);
        }
        if (h->valid & HIP_POSE_MEASURED_KNEE_VALGUS && h->valgus > val) val = h->valgus;
        for (int s = 0; s < 2; s++)
            if (h->valid & (s ? H_SIDE_R : H_SIDE_L)) {
                if (h->side[s] < lo[s]) lo[s] = h->side[s];
                if (h->side[s] > hi[s]) hi[s] = h->side[s];
            }
    }
    const hip_pose_reps_config *c = &p->cfg;
    if (seen & HIP_POSE_MEASURED_TRUNK_LEAN) {
        out->measured |= HIP_POSE_MEASURED_TRUNK_LEAN;
        out->trunk_lean_max_deg = sag;
        /* In a hinge the forward lean is the exercise itself. */
        if (c->checks & HIP_POSE_FLAG_TRUNK_LEAN && c->signal != HIP_POSE_SIGNAL_TRUNK_LEAN &&
            sag > c->trunk_lean_max_deg)
            out->pose_flags |= HIP_POSE_FLAG_TRUNK_LEAN;
    }
    if (seen & HIP_POSE_MEASURED_TRUNK_LATERAL) {
        out->measured |= HIP_POSE_MEASURED_TRUNK_LATERAL;
        out->trunk_lateral_max_deg = lat;
        if (c->checks & HIP_POSE_FLAG_TRUNK_LEAN && lat > c->trunk_lateral_max_deg)
            out->pose_flags |= HIP_POSE_FLAG_TRUNK_LEAN;
    }
    if (seen & HIP_POSE_MEASURED_PELVIC) {
        out->measured |= HIP_POSE_MEASURED_PELVIC;
        out->pelvic_change_max_deg = obl;
        if (c->checks & HIP_POSE_FLAG_PELVIC_DROP && obl > c->pelvic_change_max_deg)
            out->pose_flags |= HIP_POSE_FLAG_PELVIC_DROP;
    }
    if (seen & HIP_POSE_MEASURED_KNEE_VALGUS) {
        out->measured |= HIP_POSE_MEASURED_KNEE_VALGUS;
        out->knee_valgus_max_deg = val;
        if (c->checks & HIP_POSE_FLAG_KNEE_VALGUS && val > c->knee_valgus_max_deg)
            out->pose_flags |= HIP_POSE_FLAG_KNEE_VALGUS;
    }
    if ((seen & H_SIDE_L) && (seen & H_SIDE_R)) {
        out->measured |= HIP_POSE_MEASURED_SIDES;
        out->excursion_l_deg = hi[0] - lo[0];
        out->excursion_r_deg = hi[1] - lo[1];
        double big = fmax(out->excursion_l_deg, out->excursion_r_deg);
        double small = fmin(out->excursion_l_deg, out->excursion_r_deg);
        /* Below 10 degrees both sides are at rest: no ratio worth judging. */
        if (c->checks & HIP_POSE_FLAG_ASYMMETRY && big >= 10 && small < c->asymmetry_min_ratio * big)
            out->pose_flags |= HIP_POSE_FLAG_ASYMMETRY;
    }
}

/* Moves the engine's events to the queue with their summaries. */
static void drain(hip_pose_reps *p)
{
    hip_rep_event e;
    while (p->q_len < HIPTRACK_POSE_QUEUE && hip_reps_next_event(p->engine, &e) == HIP_OK) {
        summarise(p, &e, &p->queue[(p->q_head + p->q_len) % HIPTRACK_POSE_QUEUE]);
        p->q_len++;
    }
}

static void to_engine(hip_pose_reps *p, int64_t t, double v)
{
    float x = (float)v;
    /* Cannot fail: timestamps increase, values are finite angles, the queue is drained. */
    (void)hip_reps_push(p->engine, t, &x);
    drain(p);
}

/* ---- running median ---- */

static double median_of(const double *v, size_t n)
{
    double s[MEDIAN_MAX];
    memcpy(s, v, n * sizeof *v);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && s[j - 1] > s[j]; j--) {
            double t = s[j];
            s[j] = s[j - 1];
            s[j - 1] = t;
        }
    return n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

/* Feeds the sample at index idx of the window, with the median of its available neighbours. */
static void median_emit(hip_pose_reps *p, size_t idx)
{
    size_t h = p->cfg.median_window / 2;
    size_t a = idx >= h ? idx - h : 0, b = idx + h + 1 <= p->med_len ? idx + h + 1 : p->med_len;
    /* A symmetric window keeps the timing of edges. */
    size_t r = idx - a < b - 1 - idx ? idx - a : b - 1 - idx;
    to_engine(p, p->med_t[idx], median_of(p->med_v + idx - r, 2 * r + 1));
}

static void median_push(hip_pose_reps *p, int64_t t, double v)
{
    size_t w = p->cfg.median_window;
    if (p->med_len == w) {
        memmove(p->med_t, p->med_t + 1, (w - 1) * sizeof *p->med_t);
        memmove(p->med_v, p->med_v + 1, (w - 1) * sizeof *p->med_v);
        p->med_len--;
    }
    p->med_t[p->med_len] = t;
    p->med_v[p->med_len] = v;
    p->med_len++;
    p->med_pending++;
    if (p->med_pending > w / 2) {
        median_emit(p, p->med_len - p->med_pending);
        p->med_pending--;
    }
}

/* End of a segment: the samples still held go out with the neighbours they have. */
static void median_flush(hip_pose_reps *p)
{
    while (p->med_pending > 0) {
        median_emit(p, p->med_len - p->med_pending);
        p->med_pending--;
    }
    p->med_len = 0;
}

/* ---- per frame ---- */

static int bit(const hip_pose_angles *a, hip_pose_angle k) { return (a->valid >> k) & 1u; }

/* Adds v to a ring of the last three values; returns their median (v itself before three). */
static double median3_push(double hist[3], size_t *n, double v)
{
    hist[*n % 3] = v;
    (*n)++;
    return *n >= 3 ? median_of(hist, 3) : v;
}

/* 2-D front view, limb flexion: movements in depth seen through the heights they change, in
 * equivalent degrees (see the header). Returns 1 with the value in *v; 0 when it cannot be
 * measured in this frame (no pelvis and no pair of ankles), or -1 while no ankle has been seen
 * (no leg length yet: the caller falls back to the foreshortening estimate). */
static int front_height(hip_pose_reps *p, int64_t t, const hip_keypoint *c, double *v)
{
    double L = 0;
    int nl = 0;
    for (int s = 0; s < 2; s++) {
        const hip_keypoint *h = &c[HIP_JOINT_HIP_L + s], *a = &c[HIP_JOINT_ANKLE_L + s];
        if (h->confidence > 0 && a->confidence > 0) {
            double m = median3_push(p->leg_hist[s], &p->leg_n[s], hypot(a->x - h->x, a->y - h->y));
            if (m > p->leg_ref[s] && m - m == 0) p->leg_ref[s] = m;
        }
        if (p->leg_ref[s] > 0) L += p->leg_ref[s], nl++;
    }
    if (!nl) return -1;
    L /= nl;
    if (!(L > 1e-9)) return -1;
    int have = 0;
    double best = 0;
    /* The whole body lowers (squat, lunge, sit to stand, side lunge): the pelvis's drop from its
     * standing height d (leg lengths), as the knee flexion of a leg with equal thigh and shank
     * standing on a vertical line, 2 acos(1 - d): 0 standing, 120 at half the leg length. */
    const hip_keypoint *pv = &c[HIP_JOINT_PELVIS];
    if (pv->confidence > 0 && pv->y - pv->y == 0) {
        if (p->stand_n > 0) p->stand_ref -= FRONT_STAND_DECAY * L * (double)(t - p->stand_t) * 1e-9;
        double m = median3_push(p->stand_hist, &p->stand_n, pv->y);
        if (p->stand_n == 1 || m > p->stand_ref) p->stand_ref = m;
        p->stand_t = t;
        double d = fmin(1.0, fmax(0.0, (p->stand_ref - pv->y) / L));
        best = 2.0 * acos(1.0 - d) * DEG;
        have = 1;
    }
    /* One foot rises (leg raise, march): its ankle's height over the other ankle e (leg
     * lengths), as the hip flexion of a straight leg, acos(1 - e). */
    const hip_keypoint *al = &c[HIP_JOINT_ANKLE_L], *ar = &c[HIP_JOINT_ANKLE_R];
    if (al->confidence > 0 && ar->confidence > 0) {
        double e = fmin(1.0, fabs(al->y - ar->y) / L);
        double lift = acos(1.0 - e) * DEG;
        if (lift - lift == 0) {
            best = have ? fmax(best, lift) : lift;
            have = 1;
        }
    }
    if (!have || !(best - best == 0)) return 0;
    *v = best;
    return 1;
}

/* 2-D front view, sagittal signal: flexion from the thigh's foreshortening and the knee angle in
 * the image (see the header). Updates the per-side reference length. */
static void front_flexion(hip_pose_reps *p, const hip_keypoint *c, double val[2], int ok[2])
{
    const hip_keypoint *hl = &c[HIP_JOINT_HIP_L], *hr = &c[HIP_JOINT_HIP_R];
    ok[0] = ok[1] = 0;
    if (!(hl->confidence > 0 && hr->confidence > 0)) return;
    double hw = hypot(hl->x - hr->x, hl->y - hr->y);
    if (!(hw > 1e-9)) return;
    for (int s = 0; s < 2; s++) {
        const hip_keypoint *h = &c[HIP_JOINT_HIP_L + s], *k = &c[HIP_JOINT_KNEE_L + s],
                           *a = &c[HIP_JOINT_ANKLE_L + s];
        if (!(k->confidence > 0)) continue;
        double tx = k->x - h->x, ty = k->y - h->y;
        double r = hypot(tx, ty) / hw;
        /* The reference is the largest median of three ratios, so one spike cannot set it. */
        double *hs = p->fs_hist[s];
        hs[p->fs_n[s] % 3] = r;
        p->fs_n[s]++;
        double m = p->fs_n[s] >= 3 ? median_of(hs, 3) : r;
        if (m > p->fs_ref[s]) p->fs_ref[s] = m;
        double thigh = p->fs_ref[s] > 0 ? acos(fmin(1.0, r / p->fs_ref[s])) * DEG : 0;
        double knee = 0;
        if (a->confidence > 0) {
            double sx = a->x - k->x, sy = a->y - k->y;
            knee = fabs(atan2(tx * sy - ty * sx, tx * sx + ty * sy)) * DEG;
        }
        if (p->cfg.signal == HIP_POSE_SIGNAL_HIP_FLEXION) val[s] = thigh;
        else if (p->cfg.signal == HIP_POSE_SIGNAL_KNEE_FLEXION) val[s] = a->confidence > 0 ? knee : 0;
        else val[s] = fmax(thigh, knee);
        ok[s] = p->cfg.signal != HIP_POSE_SIGNAL_KNEE_FLEXION || a->confidence > 0;
    }
}

/* The signal on each side; returns 1 with the larger in *v when either side has one. */
static int signal_of(hip_pose_reps *p, int64_t t, const hip_pose_angles *a,
                     const hip_keypoint *canon, double side[2], int side_ok[2], double *v)
{
    hip_pose_signal sg = p->cfg.signal;
    side_ok[0] = side_ok[1] = 0;
    if (sg == HIP_POSE_SIGNAL_TRUNK_LEAN) {
        if (!bit(a, HIP_POSE_TRUNK_LEAN_SAGITTAL)) return 0;
        *v = a->deg[HIP_POSE_TRUNK_LEAN_SAGITTAL];
        return 1;
    }
    int sagittal = sg == HIP_POSE_SIGNAL_LIMB_FLEXION || sg == HIP_POSE_SIGNAL_HIP_FLEXION ||
                   sg == HIP_POSE_SIGNAL_KNEE_FLEXION;
    int front = sagittal && p->cfg.angles.dims == 2 && a->view == HIP_POSE_VIEW_FRONT;
    int height = -1;
    double hv = 0;
    if (front) {
        front_flexion(p, canon, side, side_ok);
        if (sg == HIP_POSE_SIGNAL_LIMB_FLEXION) height = front_height(p, t, canon, &hv);
    } else {
        for (int s = 0; s < 2; s++) {
            hip_pose_angle hf = (hip_pose_angle)(HIP_POSE_HIP_FLEXION_L + s);
            hip_pose_angle kf = (hip_pose_angle)(HIP_POSE_KNEE_FLEXION_L + s);
            switch (sg) {
            case HIP_POSE_SIGNAL_LIMB_FLEXION:
                if (bit(a, hf) && bit(a, kf)) side[s] = fmax(a->deg[hf], a->deg[kf]), side_ok[s] = 1;
                else if (bit(a, hf)) side[s] = a->deg[hf], side_ok[s] = 1;
                else if (bit(a, kf)) side[s] = a->deg[kf], side_ok[s] = 1;
                break;
            case HIP_POSE_SIGNAL_HIP_FLEXION:
                if (bit(a, hf)) side[s] = a->deg[hf], side_ok[s] = 1;
                break;
            case HIP_POSE_SIGNAL_KNEE_FLEXION:
                if (bit(a, kf)) side[s] = a->deg[kf], side_ok[s] = 1;
                break;
            case HIP_POSE_SIGNAL_HIP_ABDUCTION: {
                hip_pose_angle k = (hip_pose_angle)(HIP_POSE_HIP_ABDUCTION_L + s);
                if (bit(a, k)) side[s] = a->deg[k], side_ok[s] = 1;
                break;
            }
            default: {
                hip_pose_angle k = (hip_pose_angle)(HIP_POSE_HIP_ROTATION_L + s);
                if (bit(a, k)) side[s] = a->deg[k], side_ok[s] = 1;
                break;
            }
            }
        }
    }
    /* Absurd coordinates (1e30) can make an estimate NaN: such a side has no signal. */
    for (int s = 0; s < 2; s++)
        if (side_ok[s] && !(fabs(side[s]) <= 3600)) side_ok[s] = 0, side[s] = 0;
    /* From the front the count follows the heights; the per-leg estimates stay for the summary
     * (the pelvis is shared by both legs, so it cannot tell them apart). */
    if (height == 0) return 0;
    if (height == 1) {
        *v = hv;
        return 1;
    }
    if (!side_ok[0] && !side_ok[1]) return 0;
    *v = side_ok[0] && side_ok[1] ? fmax(side[0], side[1]) : side_ok[0] ? side[0] : side[1];
    return 1;
}

static void record_history(hip_pose_reps *p, int64_t t, const hip_pose_angles *a,
                           const double side[2], const int side_ok[2])
{
    hist_frame *h = &p->hist[p->hist_head];
    memset(h, 0, sizeof *h);
    h->t_ns = t;
    if (bit(a, HIP_POSE_TRUNK_LEAN_SAGITTAL)) {
        h->sag = (float)a->deg[HIP_POSE_TRUNK_LEAN_SAGITTAL];
        h->valid |= HIP_POSE_MEASURED_TRUNK_LEAN;
    }
    if (bit(a, HIP_POSE_TRUNK_LEAN_FRONTAL)) {
        h->lat = (float)a->deg[HIP_POSE_TRUNK_LEAN_FRONTAL];
        h->valid |= HIP_POSE_MEASURED_TRUNK_LATERAL;
    }
    if (bit(a, HIP_POSE_PELVIC_OBLIQUITY)) {
        h->obl = (float)a->deg[HIP_POSE_PELVIC_OBLIQUITY];
        h->valid |= HIP_POSE_MEASURED_PELVIC;
    }
    int vl = bit(a, HIP_POSE_KNEE_VALGUS_L), vr = bit(a, HIP_POSE_KNEE_VALGUS_R);
    if (vl || vr) {
        double l = a->deg[HIP_POSE_KNEE_VALGUS_L], r = a->deg[HIP_POSE_KNEE_VALGUS_R];
        h->valgus = (float)(vl && vr ? fmax(l, r) : vl ? l : r);
        h->valid |= HIP_POSE_MEASURED_KNEE_VALGUS;
    }
    for (int s = 0; s < 2; s++)
        if (side_ok[s]) {
            h->side[s] = (float)side[s];
            h->valid |= s ? H_SIDE_R : H_SIDE_L;
        }
    p->hist_head = (p->hist_head + 1) % p->cfg.history_frames;
    if (p->hist_len < p->cfg.history_frames) p->hist_len++;
}

/* The camera does not move between frames: one view for the stream, from the hip width against
 * the trunk averaged over about 2 s, switching only past a margin (a turn or a deep squat makes
 * single frames ambiguous). */
static hip_pose_view auto_view(hip_pose_reps *p, int64_t t, const hip_keypoint *canon)
{
    double r = hip__pose_width_ratio(canon);
    if (r > 0) {
        if (p->view == HIP_POSE_VIEW_AUTO) {
            p->view_ratio = r;
        } else {
            double dt = (double)(t - p->last_t) * 1e-9;
            double alpha = 1.0 - exp(-dt / 2.0);
            p->view_ratio += alpha * (r - p->view_ratio);
        }
        const double mid = HIP__POSE_FRONT_RATIO, margin = 0.3 * HIP__POSE_FRONT_RATIO;
        if (p->view == HIP_POSE_VIEW_AUTO)
            p->view = p->view_ratio >= mid ? HIP_POSE_VIEW_FRONT : HIP_POSE_VIEW_SIDE;
        else if (p->view == HIP_POSE_VIEW_SIDE && p->view_ratio > mid + margin)
            p->view = HIP_POSE_VIEW_FRONT;
        else if (p->view == HIP_POSE_VIEW_FRONT && p->view_ratio < mid - margin)
            p->view = HIP_POSE_VIEW_SIDE;
    }
    return p->view == HIP_POSE_VIEW_AUTO ? HIP_POSE_VIEW_SIDE : p->view;
}

static hip_status check_frame(hip_pose_reps *p, int64_t t, const hip_keypoint *kp, size_t count)
{
    if (!kp) return hip__seterr(&p->err, HIP_ERR_INVALID, "keypoints: NULL");
    if (count != p->joints)
        return hip__seterr(&p->err, HIP_ERR_INVALID, "count: %zu keypoints, the %s skeleton has %zu",
                           count, hip_pose_skeleton_name(p->cfg.angles.skeleton), p->joints);
    if (p->have_frame && t <= p->last_t)
        return hip__seterr(&p->err, HIP_ERR_RANGE, "t_ns: %lld is not after the previous frame's %lld",
                           (long long)t, (long long)p->last_t);
    if (HIPTRACK_POSE_QUEUE - p->q_len < HIPTRACK_POSE_PUSH_ROOM)
        return hip__seterr(&p->err, HIP_ERR_BUFSIZE, "event queue full: call hip_pose_reps_next_event");
    return HIP_OK;
}

static void take_frame(hip_pose_reps *p, int64_t t, const hip_keypoint *kp, size_t count)
{
    hip_keypoint canon[HIPTRACK_JOINT_COUNT];
    hip_pose_angles a;
    (void)hip_pose_to_canonical(&p->cfg.angles, kp, count, canon);   /* checked at create */
    hip_pose_angles_config ac = p->cfg.angles;
    if (ac.dims == 2 && ac.view == HIP_POSE_VIEW_AUTO) ac.view = auto_view(p, t, canon);
    hip__pose_angles_from_canonical(&ac, canon, &a);
    double side[2] = {0, 0}, v = 0;
    int side_ok[2];
    int ok = signal_of(p, t, &a, canon, side, side_ok, &v);
    record_history(p, t, &a, side, side_ok);
    p->have_frame = 1;
    p->last_t = t;
    p->last_angles = a;
    p->last_signal = ok ? v : 0;
    p->last_signal_valid = ok;

    int64_t fill_ns = (int64_t)llround(p->cfg.gap_fill_s * 1e9);
    if (!ok) {
        if (!p->have_valid) return;
        if (!p->overflow && (t - p->valid_t > fill_ns || p->n_missing == HIPTRACK_POSE_FILL_MAX)) {
            /* Too long to bridge: what the median holds goes out now, the engine sees the gap. */
            p->overflow = 1;
            median_flush(p);
        }
        if (!p->overflow) p->missing_t[p->n_missing++] = t;
        return;
    }
    if (p->have_valid && p->n_missing > 0 && !p->overflow) {
        double span = (double)(t - p->valid_t);
        for (size_t i = 0; i < p->n_missing; i++) {
            double f = (double)(p->missing_t[i] - p->valid_t) / span;
            median_push(p, p->missing_t[i], p->valid_v + (v - p->valid_v) * f);
        }
    }
    p->n_missing = 0;
    p->overflow = 0;
    p->have_valid = 1;
    p->valid_t = t;
    p->valid_v = v;
    median_push(p, t, v);
}

hip_status hip_pose_reps_push(hip_pose_reps *p, int64_t t_ns, const hip_keypoint *kp, size_t count)
{
    if (!p) return HIP_ERR_INVALID;
    hip_status st = check_frame(p, t_ns, kp, count);
    if (st != HIP_OK) return st;
    take_frame(p, t_ns, kp, count);
    return HIP_OK;
}

hip_status hip_pose_reps_push_block(hip_pose_reps *p, const int64_t *t_ns, const hip_keypoint *kp,
                                    size_t frames, size_t count, size_t *consumed_out)
{
    if (consumed_out) *consumed_out = 0;
    if (!p) return HIP_ERR_INVALID;
    if (frames == 0) return HIP_OK;
    if (!t_ns || !kp) return hip__seterr(&p->err, HIP_ERR_INVALID, "t_ns, keypoints: NULL");
    size_t i = 0;
    for (; i < frames; i++) {
        if (HIPTRACK_POSE_QUEUE - p->q_len < HIPTRACK_POSE_PUSH_ROOM) break;
        hip_status st = check_frame(p, t_ns[i], kp + i * count, count);
        if (st != HIP_OK) {
            if (consumed_out) *consumed_out = i;
            return st;
        }
        take_frame(p, t_ns[i], kp + i * count, count);
    }
    if (consumed_out) *consumed_out = i;
    return HIP_OK;
}

hip_status hip_pose_reps_finish(hip_pose_reps *p)
{
    if (!p) return HIP_ERR_INVALID;
    median_flush(p);
    hip_status st = hip_reps_finish(p->engine);
    drain(p);
    /* A new segment may follow: a trailing gap has nothing to interpolate towards. */
    p->have_valid = p->overflow = 0;
    p->n_missing = 0;
    if (st != HIP_OK) return hip__seterr(&p->err, st, "%s", hip_reps_last_error(p->engine));
    return HIP_OK;
}
