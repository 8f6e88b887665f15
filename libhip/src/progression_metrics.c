/* Metric values over the history as of the evaluated day (docs/progression.md lists them with
 * their missing-data rules). Only data on or before the day is read; nothing allocates. */
#include "progression_internal.h"

#include <string.h>

#include "painlog_internal.h"

/* ---- pain log: daily values of one context ---- */

/* First position in log->order whose local day is >= day. */
static size_t order_lower(const hip_painlog *log, int32_t day)
{
    size_t lo = 0, hi = log->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (hip__pain_entry_day(&log->entries[log->order[mid]]) < day) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The mean (or the highest) of one day's entries of a context; 0 when there are none. */
static int day_value(const hip_painlog *log, hip_pain_context ctx, int32_t day, int highest,
                     double *out)
{
    if (!log) return 0;
    long sum = 0;
    int32_t max = -1;
    int n = 0;
    for (size_t k = order_lower(log, day); k < log->n; k++) {
        const hip_pain_entry *e = &log->entries[log->order[k]];
        if (hip__pain_entry_day(e) != day) break;
        if (e->context != ctx) continue;
        sum += e->nrs;
        if (e->nrs > max) max = e->nrs;
        n++;
    }
    if (n) *out = highest ? (double)max : (double)sum / n;
    return n;
}

static int in_flare_days(const hip__ctx *c, int32_t d)
{
    for (size_t i = 0; i < c->n_flares; i++)
        if (c->flares[i].on_day <= c->day && d >= c->flares[i].start_day && d <= c->flares[i].last_day)
            return 1;
    return 0;
}

/* "Pain as usual" before a session day (§3.1): the median of the daily 24-h pain of the
 * usual_window_days before it, flare days excluded, from at least usual_min_logs days; else the
 * enrolment baseline of the log; unknown without either. */
static hip__mval usual_before(const hip__ctx *c, int32_t sday)
{
    hip__mval r = {0, 0};
    const hip_painlog *log = c->h->painlog;
    if (!log) return r;
    double v[64];
    int n = 0;
    for (int32_t d = sday - (int32_t)c->rs->cfg.usual_window_days; d < sday; d++) {
        double x;
        if (!in_flare_days(c, d) && day_value(log, HIP_PAIN_CONTEXT_AVG_24H, d, 0, &x)) {
            int k = n++;   /* insertion sort: at most 60 values */
            while (k > 0 && v[k - 1] > x) { v[k] = v[k - 1]; k--; }
            v[k] = x;
        }
    }
    if (n >= (int)c->rs->cfg.usual_min_logs) {
        r.known = 1;
        r.value = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return r;
    }
    hip_pain_baseline b;
    if (hip_painlog_baseline(log, HIP_PAIN_CONTEXT_AVG_24H, &b) == HIP_OK) {
        r.known = 1;
        r.value = b.nrs;
    }
    return r;
}

/* ---- sessions ---- */

/* The index of the evaluated exercise (same id and side) in a finished session on or before the
 * day, or -1. */
static long session_exercise(const hip__ctx *c, const hip_session *s, hip_session_info *info)
{
    if (hip_session_get_info(s, info) != HIP_OK || info->state != HIP_SESSION_FINISHED ||
        info->day > c->day)
        return -1;
    for (size_t i = 0; i < info->exercise_count; i++) {
        hip_session_exercise ex;
        if (hip_session_exercise_at(s, i, &ex) == HIP_OK && ex.side == c->rx.side &&
            strcmp(ex.exercise_id, c->rx.exercise_id) == 0)
            return (long)i;
    }
    return -1;
}

static hip__mval session_metric(const hip__ctx *c, const hip_session *s, const hip_session_info *info,
                                size_t xi, hip__metric m)
{
    hip__mval r = {0, 0};
    hip_session_exercise ex;
    if (hip_session_exercise_at(s, xi, &ex) != HIP_OK) return r;
    if (m == HIP__M_PAIN_AFTER) {
        if (info->pain_after >= 0) { r.known = 1; r.value = info->pain_after; }
        return r;
    }
    if (m == HIP__M_NEXT_MORNING || m == HIP__M_NEXT_MORNING_RISE) {
        double nm;
        if (info->day >= c->day || !day_value(c->h->painlog, HIP_PAIN_CONTEXT_NEXT_MORNING, info->day + 1, 1, &nm))
            return r;
        if (m == HIP__M_NEXT_MORNING) { r.known = 1; r.value = nm; return r; }
        hip__mval u = usual_before(c, info->day);
        if (u.known) { r.known = 1; r.value = nm - u.value; }
        return r;
    }
    /* The exercise's sets. */
    int32_t pain = info->pain_during, rpe = -1;
    uint32_t reps = 0, good = 0, sets_done = 0;
    size_t last_reps = 0;
    for (size_t k = 0; k < ex.set_count; k++) {
        hip_session_set set;
        if (hip_session_set_at(s, xi, k, &set) != HIP_OK) continue;
        if (set.pain > pain) pain = set.pain;
        if (set.rpe > rpe) rpe = set.rpe;
        reps += (uint32_t)set.rep_count;
        if (set.rep_count) sets_done++;
        last_reps = set.rep_count;
        if (m == HIP__M_GOOD_REPS)
            for (size_t j = 0; j < set.rep_count; j++) {
                hip_session_rep rep;
                if (hip_session_rep_at(s, xi, k, j, &rep) == HIP_OK && rep.flags == 0) good++;
            }
    }
    switch (m) {
    case HIP__M_PAIN_DURING: r.known = pain >= 0; r.value = pain; break;
    case HIP__M_RPE: r.known = rpe >= 0; r.value = rpe; break;
    case HIP__M_GOOD_REPS:
        r.known = reps > 0;
        r.value = reps ? 100.0 * good / reps : 0;
        break;
    case HIP__M_COMPLETION:
        if (ex.prescribed_sets == 0) break;
        r.known = 1;
        if (ex.prescribed_reps > 0) {
            double p = (double)ex.prescribed_sets * ex.prescribed_reps;
            r.value = 100.0 * (reps < p ? reps : p) / p;
        } else {
            r.value = 100.0 * (sets_done < ex.prescribed_sets ? sets_done : ex.prescribed_sets) /
                      ex.prescribed_sets;
        }
        break;
    case HIP__M_LAST_SET_REPS: r.known = ex.set_count > 0; r.value = (double)last_reps; break;
    case HIP__M_REPS_OVER:
        r.known = ex.set_count > 0 && ex.prescribed_reps > 0;
        r.value = (double)last_reps - ex.prescribed_reps;
        break;
    default: break;
    }
    if (!r.known) r.value = 0;
    return r;
}

typedef struct agg_state {
    hip_progression_agg agg;
    int n;            /* known values */
    double v;
} agg_state;

static void agg_add(agg_state *a, hip__mval x, int newer)
{
    if (!x.known) return;
    switch (a->agg) {
    case HIP_PROGRESSION_AGG_LAST: if (a->n == 0 || newer) a->v = x.value; break;
    case HIP_PROGRESSION_AGG_MIN: if (a->n == 0 || x.value < a->v) a->v = x.value; break;
    case HIP_PROGRESSION_AGG_MAX: if (a->n == 0 || x.value > a->v) a->v = x.value; break;
    default: a->v += x.value; break;   /* MEAN, COUNT */
    }
    a->n++;
}

static hip__mval agg_result(const agg_state *a)
{
    hip__mval r = {0, 0};
    if (a->agg == HIP_PROGRESSION_AGG_COUNT) { r.known = 1; r.value = a->n; return r; }
    if (a->n == 0) return r;
    r.known = 1;
    r.value = a->agg == HIP_PROGRESSION_AGG_MEAN ? a->v / a->n : a->v;
    return r;
}

/* Sessions order by (day, start instant, position in the array). */
typedef struct sess_key {
    int32_t day;
    int64_t start_ns;
    size_t index;
    long xi;
} sess_key;

static int key_after(const sess_key *a, const sess_key *b)
{
    if (a->day != b->day) return a->day > b->day;
    if (a->start_ns != b->start_ns) return a->start_ns > b->start_ns;
    return a->index > b->index;
}

static hip__mval session_window(const hip__ctx *c, const hip__node *n, uint32_t w)
{
    agg_state a = {n->agg, 0, 0};
    hip__mval unknown = {0, 0};
    const hip_progression_history *h = c->h;
    if (n->unit == HIP_PROGRESSION_WINDOW_DAYS) {
        /* Every session in the days, oldest to newest for "last". */
        sess_key best = {0, 0, 0, -1};
        int have = 0;
        for (size_t i = 0; i < h->session_count; i++) {
            hip_session_info info;
            long xi = session_exercise(c, h->sessions[i], &info);
            if (xi < 0 || (int64_t)info.day <= (int64_t)c->day - w) continue;
            sess_key k = {info.day, info.start_ns, i, xi};
            hip__mval v = session_metric(c, h->sessions[i], &info, (size_t)xi, n->metric);
            int newer = v.known && (!have || key_after(&k, &best));
            if (newer) { best = k; have = 1; }
            agg_add(&a, v, newer);
        }
        return agg_result(&a);
    }
    sess_key top[HIP__RULES_MAX_SESSION_WINDOW];   /* newest first */
    size_t nt = 0;
    for (size_t i = 0; i < h->session_count; i++) {
        hip_session_info info;
        long xi = session_exercise(c, h->sessions[i], &info);
        if (xi < 0) continue;
        sess_key k = {info.day, info.start_ns, i, xi};
        size_t pos = nt;
        while (pos > 0 && key_after(&k, &top[pos - 1])) pos--;
        if (pos >= w) continue;
        size_t last = nt < w ? nt : w - 1;
        memmove(top + pos + 1, top + pos, (last - pos) * sizeof top[0]);
        top[pos] = k;
        if (nt < w) nt++;
    }
    if (nt < w) return unknown;   /* fewer sessions than the window asks for */
    for (size_t j = nt; j-- > 0;) {   /* oldest first: the last known value wins for "last" */
        hip_session_info info;
        hip_session_get_info(h->sessions[top[j].index], &info);
        agg_add(&a, session_metric(c, h->sessions[top[j].index], &info, (size_t)top[j].xi, n->metric), 1);
    }
    return agg_result(&a);
}

static hip__mval week_metric(const hip__ctx *c, int rise)
{
    hip__mval r = {0, 0};
    double sum[2] = {0, 0};
    int n[2] = {0, 0};
    for (int w = 0; w < 2; w++)
        for (int32_t d = c->day - 7 * w - 6; d <= c->day - 7 * w; d++) {
            double x;
            if (day_value(c->h->painlog, HIP_PAIN_CONTEXT_AVG_24H, d, 0, &x)) { sum[w] += x; n[w]++; }
        }
    if (!rise) { r.known = 1; r.value = n[0] < n[1] ? n[0] : n[1]; return r; }
    if (n[0] == 0 || n[1] == 0) return r;
    r.known = 1;
    r.value = sum[0] / n[0] - sum[1] / n[1];
    return r;
}

static hip__mval known(double v)
{
    hip__mval r = {1, v};
    return r;
}

/* The flare in progress on the day, or NULL. */
static const hip_pain_flare *active_flare(const hip__ctx *c)
{
    for (size_t i = c->n_flares; i-- > 0;) {
        const hip_pain_flare *f = &c->flares[i];
        if (f->on_day <= c->day && (f->ongoing || f->off_day > c->day)) return f;
    }
    return NULL;
}

/* The latest assessment of a motion as of the day on the prescription's side; for a prescription
 * of both sides (or alternating) the more limited side, so a rule never progresses on the better
 * leg alone. */
static hip__mval rom_metric(const hip__ctx *c, hip_rom_motion motion, int pct)
{
    hip__mval unknown = {0, 0};
    if (!c->h->assessments) return unknown;
    hip_rom_normals aaos;
    const hip_rom_normals *normals = c->h->rom_normals;
    if (!normals) {
        hip_rom_normals_aaos(&aaos);
        normals = &aaos;
    }
    int have = 0;
    double best = 0;
    for (int side = HIP_ASSESS_LEFT; side <= HIP_ASSESS_RIGHT; side++) {
        if ((c->rx.side == HIP_SIDE_LEFT && side != HIP_ASSESS_LEFT) ||
            (c->rx.side == HIP_SIDE_RIGHT && side != HIP_ASSESS_RIGHT))
            continue;
        hip_assess_result r;
        if (hip_assess_history_latest(c->h->assessments, motion, (hip_assess_side)side, c->day, &r) != HIP_OK)
            continue;
        double v = r.range_deg;
        if (pct) {
            hip_rom_comparison cmp;
            if (hip_assess_compare_normal(&r, normals, &cmp) != HIP_OK) continue;
            v = cmp.pct_of_normal;
        }
        if (!have || v < best) best = v;
        have = 1;
    }
    return have ? known(best) : unknown;
}

hip__mval hip__metric_value(const hip__ctx *c, const hip__node *n)
{
    hip__mval unknown = {0, 0};
    uint32_t w = (uint32_t)hip__val_get(c->rs, &n->window);
    switch (n->metric) {
    case HIP__M_PAIN_DAILY: {
        agg_state a = {n->agg, 0, 0};
        for (int64_t d = (int64_t)c->day - w + 1; d <= c->day; d++) {
            hip__mval v = {0, 0};
            v.known = day_value(c->h->painlog, HIP_PAIN_CONTEXT_AVG_24H, (int32_t)d, 0, &v.value);
            agg_add(&a, v, 1);
        }
        return agg_result(&a);
    }
    case HIP__M_FLARE_COUNT: {
        if (!c->flare_known) return unknown;
        double k = 0;
        for (size_t i = 0; i < c->n_flares; i++)
            if (c->flares[i].on_day <= c->day && (int64_t)c->flares[i].on_day > (int64_t)c->day - w) k++;
        return known(k);
    }
    case HIP__M_SESSIONS: {
        double k = 0;
        for (size_t i = 0; i < c->h->session_count; i++) {
            hip_session_info info;
            if (session_exercise(c, c->h->sessions[i], &info) >= 0 && (int64_t)info.day > (int64_t)c->day - w)
                k++;
        }
        return known(k);
    }
    case HIP__M_WEEK_RISE: return week_metric(c, 1);
    case HIP__M_WEEK_LOGS: return week_metric(c, 0);
    case HIP__M_FLARE: return c->flare_known ? known(active_flare(c) != NULL) : unknown;
    case HIP__M_FLARE_DAYS: {
        const hip_pain_flare *f = c->flare_known ? active_flare(c) : NULL;
        return f ? known((double)c->day - f->on_day) : unknown;
    }
    case HIP__M_CHANGED_IN_FLARE: {
        const hip_pain_flare *f = c->flare_known ? active_flare(c) : NULL;
        return f ? known(c->change_day > f->on_day) : unknown;
    }
    case HIP__M_RED_FLAG: return known(c->tier);
    case HIP__M_DAYS_SINCE_CHANGE: return known((double)c->day - c->change_day);
    case HIP__M_SESSIONS_SINCE_CHANGE: {
        double k = 0;
        for (size_t i = 0; i < c->h->session_count; i++) {
            hip_session_info info;
            if (session_exercise(c, c->h->sessions[i], &info) >= 0 && info.day >= c->change_day) k++;
        }
        return known(k);
    }
    case HIP__M_REPS: return known(c->rx.reps);
    case HIP__M_SETS: return known(c->rx.sets);
    case HIP__M_HOLD: return known(c->rx.hold_s);
    case HIP__M_LOAD: return known(c->rx.load_kg);
    case HIP__M_STRENGTH: {
        hip_exercise e;
        if (!c->h->catalog || hip_catalog_find(c->h->catalog, c->rx.exercise_id, &e) != HIP_OK)
            return unknown;
        return known((e.categories & HIP_CATEGORY_STRENGTH) != 0);
    }
    default:
        if (n->metric >= HIP__M_ROM_DEG && n->metric <= HIP__M_ROM_PCT_LAST) {
            int pct = n->metric >= HIP__M_ROM_PCT;
            return rom_metric(c, (hip_rom_motion)(n->metric - (pct ? HIP__M_ROM_PCT : HIP__M_ROM_DEG)), pct);
        }
        return session_window(c, n, w);
    }
}
