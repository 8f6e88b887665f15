/* Analytics over the pain log: daily values in the member's local calendar, baseline, rolling
 * mean, change, flares (CLINICAL.md §3.5) and the morning vs night pattern. None allocates. */
#include "painlog_internal.h"

#include <string.h>

/* ---- daily values: the mean of one local day's entries of one context ---- */

typedef struct day_iter {
    const hip_painlog *log;
    hip_pain_context context;
    size_t k;   /* position in log->order */
} day_iter;

static void day_iter_init(day_iter *it, const hip_painlog *log, hip_pain_context context)
{
    it->log = log;
    it->context = context;
    it->k = 0;
}

static int day_next(day_iter *it, int32_t *day, double *mean, uint32_t *count)
{
    const hip_painlog *log = it->log;
    while (it->k < log->n && log->entries[log->order[it->k]].context != it->context) it->k++;
    if (it->k >= log->n) return 0;
    int32_t d = hip__pain_entry_day(&log->entries[log->order[it->k]]);
    long sum = 0;
    uint32_t c = 0;
    for (; it->k < log->n; it->k++) {
        const hip_pain_entry *e = &log->entries[log->order[it->k]];
        if (hip__pain_entry_day(e) != d) break;
        if (e->context == it->context) { sum += e->nrs; c++; }
    }
    *day = d;
    *mean = (double)sum / (double)c;
    *count = c;
    return 1;
}

static int valid_context(hip_pain_context c) { return (unsigned)c <= HIP_PAIN_CONTEXT_NEXT_MORNING; }

hip_status hip_painlog_baseline(const hip_painlog *log, hip_pain_context context,
                                hip_pain_baseline *out)
{
    if (!log || !out || !valid_context(context)) return HIP_ERR_INVALID;
    hip_pain_baseline b;
    memset(&b, 0, sizeof b);
    if (log->cfg.baseline_rule == HIP_PAIN_BASELINE_FIRST_ENTRY) {
        for (size_t i = 0; i < log->n; i++)
            if (log->entries[i].context == context) {
                b.nrs = log->entries[i].nrs;
                b.first_day = b.last_day = hip__pain_entry_day(&log->entries[i]);
                b.day_count = b.entry_count = 1;
                *out = b;
                return HIP_OK;
            }
        return HIP_ERR_NOT_FOUND;
    }
    day_iter it;
    day_iter_init(&it, log, context);
    int32_t d;
    double m, sum = 0;
    uint32_t c;
    while (day_next(&it, &d, &m, &c)) {
        if (b.day_count == 0) b.first_day = d;
        else if ((int64_t)d - b.first_day >= (int64_t)log->cfg.baseline_days) break;
        b.last_day = d;
        b.day_count++;
        b.entry_count += c;
        sum += m;
    }
    if (b.day_count == 0) return HIP_ERR_NOT_FOUND;
    b.nrs = sum / (double)b.day_count;
    *out = b;
    return HIP_OK;
}

hip_status hip_painlog_rolling_mean(const hip_painlog *log, hip_pain_context context, int32_t day,
                                    hip_pain_window *out)
{
    if (!log || !out || !valid_context(context)) return HIP_ERR_INVALID;
    hip_pain_window w;
    memset(&w, 0, sizeof w);
    int64_t first = (int64_t)day - (int64_t)log->cfg.rolling_days + 1;
    w.first_day = first < INT32_MIN ? INT32_MIN : (int32_t)first;
    w.last_day = day;
    day_iter it;
    day_iter_init(&it, log, context);
    int32_t d;
    double m, sum = 0;
    uint32_t c;
    while (day_next(&it, &d, &m, &c)) {
        if (d > day) break;
        if (d < first) continue;
        w.day_count++;
        w.entry_count += c;
        sum += m;
    }
    if (w.day_count == 0) return HIP_ERR_NOT_FOUND;
    w.mean_nrs = sum / (double)w.day_count;
    *out = w;
    return HIP_OK;
}

hip_status hip_painlog_change_on(const hip_painlog *log, hip_pain_context context, int32_t day,
                                 hip_pain_change *out)
{
    if (!log || !out || !valid_context(context)) return HIP_ERR_INVALID;
    hip_pain_baseline b;
    hip_pain_window w;
    hip_status st;
    if ((st = hip_painlog_baseline(log, context, &b)) != HIP_OK ||
        (st = hip_painlog_rolling_mean(log, context, day, &w)) != HIP_OK)
        return st;
    return hip_painlog_change(b.nrs, w.mean_nrs, &log->cfg, out);
}

/* ---- flares ---- */

/* A source of daily values in increasing day order. */
typedef int (*day_source)(void *src, int32_t *day, double *nrs);

typedef struct array_src {
    const int32_t *days;
    const double *nrs;
    size_t n, k;
} array_src;

static int array_next(void *p, int32_t *day, double *nrs)
{
    array_src *s = p;
    if (s->k >= s->n) return 0;
    *day = s->days[s->k];
    *nrs = s->nrs[s->k];
    s->k++;
    return 1;
}

static int log_next(void *p, int32_t *day, double *nrs)
{
    uint32_t c;
    return day_next(p, day, nrs, &c);
}

#define RECENT_CAP 32   /* > flare_window_days (at most 31), days being distinct */

typedef struct recent_day {
    int32_t day;
    double nrs;
    int flare;   /* part of a flare: excluded from the rolling baseline */
} recent_day;

typedef struct flare_state {
    const hip_painlog_config *cfg;
    double fixed;
    recent_day recent[RECENT_CAP];
    size_t n_recent;
} flare_state;

static void remember(flare_state *s, int32_t day, double nrs, int flare)
{
    if (s->n_recent == RECENT_CAP) {
        memmove(s->recent, s->recent + 1, (RECENT_CAP - 1) * sizeof s->recent[0]);
        s->n_recent--;
    }
    recent_day *r = &s->recent[s->n_recent++];
    r->day = day;
    r->nrs = nrs;
    r->flare = flare;
}

static void mark_from(flare_state *s, int32_t day, int flare)
{
    for (size_t i = 0; i < s->n_recent; i++)
        if (s->recent[i].day >= day) s->recent[i].flare = flare;
}

/* baseline_flare of §3.5 for a day: the mean of the non-flare daily values of the window before
 * it, when there are at least flare_min_logs of them; else the enrolment (fixed) baseline. */
static double baseline_for(const flare_state *s, int32_t day)
{
    if (s->cfg->flare_baseline == HIP_PAIN_FLARE_BASELINE_FIXED) return s->fixed;
    double sum = 0;
    uint32_t n = 0;
    for (size_t i = 0; i < s->n_recent; i++) {
        const recent_day *r = &s->recent[i];
        if (!r->flare && (int64_t)r->day >= (int64_t)day - s->cfg->flare_window_days && r->day < day) {
            sum += r->nrs;
            n++;
        }
    }
    return n >= s->cfg->flare_min_logs ? sum / (double)n : s->fixed;
}

static hip_status scan_flares(day_source next, void *src, double fixed, const hip_painlog_config *c,
                              hip_pain_flare *out, size_t cap, size_t *count_out)
{
    flare_state s;
    memset(&s, 0, sizeof s);
    s.cfg = c;
    s.fixed = fixed;
    int32_t on_days[100];   /* FLARE-ON days of the last flares, for FLARE-ESCALATE frequency */
    size_t count = 0;
    int in_flare = 0;
    uint32_t run = 0, low = 0;
    int32_t run_start = 0, first_low = 0;
    double run_base = 0, run_peak = 0;
    hip_pain_flare cur;
    memset(&cur, 0, sizeof cur);
    int32_t d;
    double v;
    while (next(src, &d, &v)) {
        if (in_flare) {
            if (v <= cur.baseline + c->flare_off_margin + HIP__PAIN_EPS) {
                if (low++ == 0) first_low = d;
                if (low >= c->flare_sustain_logs) {   /* FLARE-OFF */
                    cur.off_day = d;
                    if ((int64_t)cur.last_day - cur.start_day + 1 > (int64_t)c->flare_long_days)
                        cur.escalate |= HIPTRACK_PAIN_FLARE_LONG;
                    if (out && count < cap) out[count] = cur;
                    count++;
                    in_flare = 0;
                    run = low = 0;
                    mark_from(&s, first_low, 0);
                    remember(&s, d, v, 0);
                    continue;
                }
            } else {
                low = 0;
                cur.last_day = d;
                if (v > cur.peak_nrs) cur.peak_nrs = v;
            }
            remember(&s, d, v, 1);
            continue;
        }
        if (run > 0 && v >= run_base + c->flare_rise - HIP__PAIN_EPS) {
            run++;
            if (v > run_peak) run_peak = v;
        } else {
            run = 0;
            double b = baseline_for(&s, d);
            if (v >= b + c->flare_rise - HIP__PAIN_EPS) {
                run = 1;
                run_start = d;
                run_base = b;
                run_peak = v;
            }
        }
        if (run >= c->flare_sustain_logs) {   /* FLARE-ON */
            in_flare = 1;
            low = 0;
            memset(&cur, 0, sizeof cur);
            cur.start_day = run_start;
            cur.on_day = cur.last_day = d;
            cur.baseline = run_base;
            cur.peak_nrs = run_peak;
            size_t back = c->flare_frequent_count - 1;
            if (count >= back &&
                (int64_t)d - on_days[(count - back) % 100] < (int64_t)c->flare_frequent_days)
                cur.escalate |= HIPTRACK_PAIN_FLARE_FREQUENT;
            on_days[count % 100] = d;
            mark_from(&s, run_start, 1);
            remember(&s, d, v, 1);
        } else {
            remember(&s, d, v, 0);
        }
    }
    if (in_flare) {
        cur.ongoing = 1;
        cur.off_day = 0;
        if ((int64_t)cur.last_day - cur.start_day + 1 > (int64_t)c->flare_long_days)
            cur.escalate |= HIPTRACK_PAIN_FLARE_LONG;
        if (out && count < cap) out[count] = cur;
        count++;
    }
    *count_out = count;
    return out && count > cap ? HIP_ERR_BUFSIZE : HIP_OK;
}

hip_status hip_painlog_flares_scan(const int32_t *days, const double *daily_nrs, size_t n,
                                   double baseline, const hip_painlog_config *config,
                                   hip_pain_flare *flares, size_t cap, size_t *count_out)
{
    hip_painlog_config tmp;
    const hip_painlog_config *c;
    if (!count_out || (n && (!days || !daily_nrs)) || (!flares && cap) ||
        !hip__painlog_config_resolve(config, &tmp, &c))
        return HIP_ERR_INVALID;
    if (!(baseline >= 0 && baseline <= 10)) return HIP_ERR_RANGE;
    for (size_t i = 0; i < n; i++)
        if (!(daily_nrs[i] >= 0 && daily_nrs[i] <= 10) || (i > 0 && days[i] <= days[i - 1]))
            return HIP_ERR_RANGE;
    array_src src = {days, daily_nrs, n, 0};
    return scan_flares(array_next, &src, baseline, c, flares, cap, count_out);
}

hip_status hip_painlog_flares(const hip_painlog *log, hip_pain_context context,
                              hip_pain_flare *flares, size_t cap, size_t *count_out)
{
    if (!log || !count_out || (!flares && cap) || !valid_context(context)) return HIP_ERR_INVALID;
    hip_pain_baseline b;
    hip_status st = hip_painlog_baseline(log, context, &b);
    if (st != HIP_OK) return st;
    day_iter it;
    day_iter_init(&it, log, context);
    return scan_flares(log_next, &it, b.nrs, &log->cfg, flares, cap, count_out);
}

/* ---- morning vs night ---- */

static hip_pain_time_of_day effective_tod(const hip_pain_entry *e)
{
    if (e->time_of_day != HIP_PAIN_TIME_OF_DAY_UNSPECIFIED) return e->time_of_day;
    if (e->setting == HIP_PAIN_SETTING_NIGHT) return HIP_PAIN_TIME_OF_DAY_NIGHT;
    if (e->context == HIP_PAIN_CONTEXT_NEXT_MORNING) return HIP_PAIN_TIME_OF_DAY_MORNING;
    int64_t ls = hip__pain_local_s(e->t_ns, e->utc_offset_min);
    int64_t sod = ls % 86400;
    if (sod < 0) sod += 86400;
    int64_t hour = sod / 3600;
    if (hour >= 5 && hour < 12) return HIP_PAIN_TIME_OF_DAY_MORNING;
    if (hour >= 12 && hour < 17) return HIP_PAIN_TIME_OF_DAY_AFTERNOON;
    if (hour >= 17 && hour < 22) return HIP_PAIN_TIME_OF_DAY_EVENING;
    return HIP_PAIN_TIME_OF_DAY_NIGHT;
}

hip_status hip_painlog_pattern(const hip_painlog *log, hip_pain_context context, int32_t from_day,
                               int32_t to_day, hip_pain_pattern_result *out)
{
    if (!log || !out || !valid_context(context) || from_day > to_day) return HIP_ERR_INVALID;
    hip_pain_pattern_result r;
    memset(&r, 0, sizeof r);
    long sum_m = 0, sum_n = 0;
    size_t seen = 0;
    for (size_t i = 0; i < log->n; i++) {
        const hip_pain_entry *e = &log->entries[i];
        if (e->context != context) continue;
        int32_t d = hip__pain_entry_day(e);
        if (d < from_day || d > to_day) continue;
        seen++;
        hip_pain_time_of_day t = effective_tod(e);
        if (t == HIP_PAIN_TIME_OF_DAY_MORNING) { r.morning_count++; sum_m += e->nrs; }
        else if (t == HIP_PAIN_TIME_OF_DAY_NIGHT) { r.night_count++; sum_n += e->nrs; }
    }
    if (!seen) return HIP_ERR_NOT_FOUND;
    if (r.morning_count) r.morning_mean = (double)sum_m / r.morning_count;
    if (r.night_count) r.night_mean = (double)sum_n / r.night_count;
    const hip_painlog_config *c = &log->cfg;
    if (r.morning_count < c->pattern_min_entries || r.night_count < c->pattern_min_entries)
        r.pattern = HIP_PAIN_PATTERN_UNDETERMINED;
    else if (r.morning_mean - r.night_mean >= c->pattern_min_diff - HIP__PAIN_EPS)
        r.pattern = HIP_PAIN_PATTERN_MORNING;
    else if (r.night_mean - r.morning_mean >= c->pattern_min_diff - HIP__PAIN_EPS)
        r.pattern = HIP_PAIN_PATTERN_NIGHT;
    else
        r.pattern = HIP_PAIN_PATTERN_NONE;
    *out = r;
    return HIP_OK;
}
